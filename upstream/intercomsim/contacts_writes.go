package intercomsim

import (
	"cmp"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"intercom-graphql/upstream"
)

// contactBody is a create_contact_request or update_contact_request: the
// nullable properties are read with whether they were sent, so an update can
// clear them.
type contactBody struct {
	Role                   *string                     `json:"role"`
	ExternalID             *string                     `json:"external_id"`
	Email                  *string                     `json:"email"`
	Phone                  present[string]             `json:"phone"`
	Name                   present[string]             `json:"name"`
	Avatar                 present[string]             `json:"avatar"`
	SignedUpAt             present[upstream.Timestamp] `json:"signed_up_at"`
	LastSeenAt             present[upstream.Timestamp] `json:"last_seen_at"`
	OwnerID                present[int64]              `json:"owner_id"`
	UnsubscribedFromEmails present[bool]               `json:"unsubscribed_from_emails"`
	CustomAttributes       present[map[string]any]     `json:"custom_attributes"`
}

var emailPattern = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s.]+$`)

// checkContact validates a contact request against the workspace; self is
// the contact being updated (nil on creation). It answers the refusal.
func (ws *Workspace) checkContact(w http.ResponseWriter, r *http.Request, b contactBody, self *contactRecord) bool {
	if b.Role != nil {
		switch {
		case *b.Role != "user" && *b.Role != "lead":
			invalid(w, r, "role", "role must be user or lead")
			return false
		case self != nil && self.contact.Role == "user" && *b.Role == "lead":
			invalid(w, r, "role", "a user cannot be made a lead")
			return false
		}
	}
	if b.Email != nil && *b.Email != "" && !emailPattern.MatchString(*b.Email) {
		invalid(w, r, "email", "%q is not a valid email address", *b.Email)
		return false
	}
	if v := b.Avatar.Value; v != nil {
		if u, err := url.Parse(*v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			invalid(w, r, "avatar", "avatar must be the URL of an image")
			return false
		}
	}
	if v := b.OwnerID.Value; v != nil {
		if _, ok := ws.adminByID[strconv.FormatInt(*v, 10)]; !ok {
			invalid(w, r, "owner_id", "owner_id %d is not a teammate of the workspace", *v)
			return false
		}
	}
	if attrs := b.CustomAttributes.Value; attrs != nil {
		for _, name := range slices.Sorted(maps.Keys(*attrs)) {
			if msg := ws.checkContactAttribute(name, (*attrs)[name]); msg != "" {
				invalid(w, r, "custom_attributes", "%s", msg)
				return false
			}
		}
	}
	role := "user"
	if self != nil {
		role = self.contact.Role
	}
	if b.Role != nil {
		role = *b.Role
	}
	for _, other := range ws.contactByID {
		if other == self {
			continue
		}
		c := &other.contact
		if b.ExternalID != nil && *b.ExternalID != "" && c.ExternalID != nil && *c.ExternalID == *b.ExternalID {
			conflict(w, r, "external_id", "A contact matching those details already exists with id=%s", c.ID)
			return false
		}
		if role == "user" && c.Role == "user" && b.Email != nil && *b.Email != "" && strings.EqualFold(c.Email, *b.Email) {
			conflict(w, r, "email", "A contact matching those details already exists with id=%s", c.ID)
			return false
		}
	}
	return true
}

// checkContactAttribute says what is wrong with setting a contact custom
// attribute, or "": the attribute must be defined (and not archived) and the
// value of its type; null clears it.
func (ws *Workspace) checkContactAttribute(name string, v any) string {
	for _, a := range ws.dataAttributes {
		if a.Model != "contact" || !a.Custom || a.Name != name || a.Archived {
			continue
		}
		if v == nil || valueFits(a.DataType, v) {
			if len(a.Options) > 0 && v != nil && !slices.Contains(a.Options, fmt.Sprint(v)) {
				return fmt.Sprintf("Custom attribute '%s' must be one of %s", name, strings.Join(a.Options, ", "))
			}
			return ""
		}
		return fmt.Sprintf("Custom attribute '%s' must be %s", name, article(a.DataType))
	}
	return fmt.Sprintf("Custom attribute '%s' does not exist", name)
}

func valueFits(dataType string, v any) bool {
	switch dataType {
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "float":
		_, ok := v.(float64)
		return ok
	case "integer", "date":
		f, ok := v.(float64)
		return ok && f == float64(int64(f))
	}
	return false
}

// createContact serves POST /contacts: an email, an external_id or a role is
// required; a user's email and any external_id must be new to the workspace.
func createContact(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b contactBody
	if !readBody(w, r, &b) {
		return
	}
	if (b.Email == nil || *b.Email == "") && (b.ExternalID == nil || *b.ExternalID == "") && b.Role == nil {
		writeError(w, requestIDFrom(r), http.StatusBadRequest, "parameter_not_found", "email, external_id or role is required", "email")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if !ws.checkContact(w, r, b, nil) {
		return
	}
	writeJSON(w, http.StatusOK, ws.applyCreateContact(b))
}

// applyCreateContact adds a contact: it leads GET /contacts (newest first)
// and searches find it.
func (ws *Workspace) applyCreateContact(b contactBody) *upstream.Contact {
	now := ws.nowStamp()
	rec := &contactRecord{}
	rec.contact = upstream.Contact{
		Type: "contact", ID: ws.newHexID(), WorkspaceID: ws.app.IDCode, Role: "user", CreatedAt: now,
		CustomAttributes: map[string]any{}, Avatar: &upstream.ContactAvatar{Type: "avatar"},
		Location:       upstream.ContactLocation{Type: ptr("location")},
		SocialProfiles: upstream.SocialProfiles{Data: []upstream.SocialProfile{}},
	}
	rec.seq = ws.nextSeq()
	ws.changeContact(rec, b, now)
	ws.contacts = append(ws.contacts, rec)
	ws.contactByID[rec.contact.ID] = rec
	ws.notifyContact("contact."+rec.contact.Role+".created", rec)
	return ws.renderContact(rec)
}

// changeContact applies a checked request to a contact.
func (ws *Workspace) changeContact(rec *contactRecord, b contactBody, now upstream.Timestamp) {
	c := &rec.contact
	if b.Role != nil {
		c.Role = *b.Role
	}
	if b.ExternalID != nil {
		c.ExternalID = ptr(*b.ExternalID)
		if *b.ExternalID == "" {
			c.ExternalID = nil
		}
	}
	if b.Email != nil {
		c.Email = *b.Email
		c.EmailDomain = ""
		if _, domain, ok := strings.Cut(*b.Email, "@"); ok {
			c.EmailDomain = strings.ToLower(domain)
		}
	}
	if b.Phone.Set {
		c.Phone = b.Phone.Value
	}
	if b.Name.Set {
		c.Name = b.Name.Value
	}
	if b.Avatar.Set {
		c.Avatar = &upstream.ContactAvatar{Type: "avatar", ImageURL: b.Avatar.Value}
	}
	if b.SignedUpAt.Set {
		c.SignedUpAt = b.SignedUpAt.Value
	}
	if b.LastSeenAt.Set {
		c.LastSeenAt = b.LastSeenAt.Value
	}
	if b.OwnerID.Set {
		c.OwnerID = b.OwnerID.Value
	}
	if v := b.UnsubscribedFromEmails.Value; v != nil {
		c.UnsubscribedFromEmails = *v
	}
	if attrs := b.CustomAttributes.Value; attrs != nil {
		merged := make(map[string]any, len(c.CustomAttributes)+len(*attrs))
		for k, v := range c.CustomAttributes {
			merged[k] = v
		}
		for k, v := range jsonNumbersAsInts(*attrs) {
			merged[k] = v
		}
		c.CustomAttributes = merged
	}
	c.UpdatedAt = now
}

// updateContact serves PUT /contacts/{id}.
func updateContact(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b contactBody
	if !readBody(w, r, &b) {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.contactByID[r.PathValue("id")]
	if !ok {
		contactNotFound(w, r, "")
		return
	}
	if !ws.checkContact(w, r, b, rec) {
		return
	}
	writeJSON(w, http.StatusOK, ws.applyUpdateContact(rec, b))
}

func (ws *Workspace) applyUpdateContact(rec *contactRecord, b contactBody) *upstream.Contact {
	was := rec.contact.Role
	ws.changeContact(rec, b, ws.nowStamp())
	if was == "lead" && rec.contact.Role == "user" {
		ws.notifyContact("contact.lead.signed_up", rec)
	} else {
		ws.notifyContact("contact."+rec.contact.Role+".updated", rec)
	}
	return ws.renderContact(rec)
}

func (ws *Workspace) notifyContact(topic string, rec *contactRecord) {
	ws.notify(topic, func() any { return ws.renderContact(rec) })
}

// deleteContact serves DELETE /contacts/{id}.
func deleteContact(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.contactByID[r.PathValue("id")]
	if !ok {
		contactNotFound(w, r, "")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyDeleteContact(rec))
}

// applyDeleteContact removes a contact with its notes, events and choices;
// its conversations stay, pointing at a contact that is gone.
func (ws *Workspace) applyDeleteContact(rec *contactRecord) upstream.ContactDeleted {
	id := rec.contact.ID
	ws.forgetContact(rec)
	for _, n := range ws.notesByContact[id] {
		delete(ws.noteByID, n.id)
	}
	ws.notes = slices.DeleteFunc(ws.notes, func(n *noteRecord) bool { return n.contactID == id })
	delete(ws.notesByContact, id)
	delete(ws.eventsByContact, id)
	delete(ws.eventSummaryImports, id)
	delete(ws.subscriptionsByContact, id)
	ws.notify("contact.deleted", func() any { return map[string]any{"type": "contact", "id": id, "external_id": rec.contact.ExternalID} })
	return upstream.ContactDeleted{Type: "contact", ID: id, ExternalID: rec.contact.ExternalID, Deleted: true}
}

// forgetContact takes a contact out of the workspace's lists and indexes.
func (ws *Workspace) forgetContact(rec *contactRecord) {
	ws.contacts = slices.DeleteFunc(ws.contacts, func(c *contactRecord) bool { return c == rec })
	delete(ws.contactByID, rec.contact.ID)
	for _, id := range rec.companyIDs {
		if c, ok := ws.companyByID[id]; ok {
			c.removeMember(rec)
		}
	}
}

// archiveContact serves POST /contacts/{id}/archive; archiving an archived
// contact changes nothing.
func archiveContact(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.contactByID[r.PathValue("id")]
	if !ok {
		contactNotFound(w, r, "")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyArchiveContact(rec))
}

// applyArchiveContact hides a contact from GET /contacts, searches and its
// companies' contacts.
func (ws *Workspace) applyArchiveContact(rec *contactRecord) upstream.ContactArchived {
	if !rec.archived {
		rec.archived = true
		ws.contacts = slices.DeleteFunc(ws.contacts, func(c *contactRecord) bool { return c == rec })
		for _, id := range rec.companyIDs {
			if c, ok := ws.companyByID[id]; ok {
				c.removeMember(rec)
			}
		}
		ws.notifyContact("contact.archived", rec)
	}
	return upstream.ContactArchived{Type: "contact", ID: rec.contact.ID, ExternalID: rec.contact.ExternalID, Archived: true}
}

// unarchiveContact serves POST /contacts/{id}/unarchive.
func unarchiveContact(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.contactByID[r.PathValue("id")]
	if !ok {
		contactNotFound(w, r, "")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyUnarchiveContact(rec))
}

// applyUnarchiveContact puts a contact back where it was in the lists.
func (ws *Workspace) applyUnarchiveContact(rec *contactRecord) upstream.ContactArchived {
	if rec.archived {
		rec.archived = false
		i, _ := slices.BinarySearchFunc(ws.contacts, rec, func(a, b *contactRecord) int { return cmp.Compare(a.seq, b.seq) })
		ws.contacts = slices.Insert(ws.contacts, i, rec)
		for _, id := range rec.companyIDs {
			if c, ok := ws.companyByID[id]; ok {
				c.addMember(rec)
			}
		}
		ws.notifyContact("contact.unarchive", rec)
	}
	return upstream.ContactArchived{Type: "contact", ID: rec.contact.ID, ExternalID: rec.contact.ExternalID, Archived: false}
}

// mergeContact serves POST /contacts/merge: a lead (from) into a user (into).
func mergeContact(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		From *string `json:"from"`
		Into *string `json:"into"`
	}
	if !readBody(w, r, &b) {
		return
	}
	switch {
	case b.From == nil || *b.From == "":
		missing(w, r, "from")
		return
	case b.Into == nil || *b.Into == "":
		missing(w, r, "into")
		return
	case *b.From == *b.Into:
		invalid(w, r, "into", "a contact cannot be merged into itself")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	lead, ok := ws.contactByID[*b.From]
	if !ok {
		contactNotFound(w, r, "from")
		return
	}
	user, ok := ws.contactByID[*b.Into]
	if !ok {
		contactNotFound(w, r, "into")
		return
	}
	switch {
	case lead.contact.Role != "lead":
		invalid(w, r, "from", "the contact to merge from must be a lead")
		return
	case user.contact.Role != "user":
		invalid(w, r, "into", "the contact to merge into must be a user")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyMergeContact(lead, user))
}

// applyMergeContact moves everything of a lead to a user (conversations,
// tags, companies, segments, notes, events, subscription choices, custom
// attributes and identifiers the user lacks) and removes the lead: GET
// /contacts/{lead} is a 404 from then on.
func (ws *Workspace) applyMergeContact(lead, user *contactRecord) *upstream.Contact {
	from, into := &lead.contact, &user.contact
	for _, conv := range ws.conversations {
		c := &conv.conversation
		moved := false
		for i, ref := range c.Contacts.Contacts {
			if ref.ID == from.ID {
				c.Contacts.Contacts[i], moved = contactRef(into), true
			}
		}
		if !moved {
			continue
		}
		seen := map[string]bool{}
		c.Contacts.Contacts = slices.DeleteFunc(c.Contacts.Contacts, func(ref upstream.ContactReference) bool {
			dup := seen[ref.ID]
			seen[ref.ID] = true
			return dup
		})
		if c.Source.Author.ID == from.ID {
			c.Source.Author = upstream.PartAuthor{Type: into.Role, ID: into.ID, Name: into.Name, Email: into.Email}
		}
		if r := c.ConversationRating; r != nil && r.Contact.ID == from.ID {
			r.Contact = contactRef(into)
		}
	}
	for _, id := range lead.tagIDs {
		user.tagIDs = appendUnique(user.tagIDs, id)
	}
	for _, id := range lead.segmentIDs {
		user.segmentIDs = appendUnique(user.segmentIDs, id)
	}
	for _, id := range lead.companyIDs {
		if c, ok := ws.companyByID[id]; ok && !slices.Contains(user.companyIDs, id) {
			ws.applyAttachContact(user, c)
		}
	}
	notes := append(ws.notesByContact[into.ID], ws.notesByContact[from.ID]...)
	for _, n := range notes {
		n.contactID = into.ID
	}
	slices.SortStableFunc(notes, func(a, b *noteRecord) int {
		return cmp.Or(cmp.Compare(b.createdAt, a.createdAt), cmp.Compare(b.seq, a.seq))
	})
	if len(notes) > 0 {
		ws.notesByContact[into.ID] = notes
	}
	delete(ws.notesByContact, from.ID)
	events := append(ws.eventsByContact[into.ID], ws.eventsByContact[from.ID]...)
	slices.SortStableFunc(events, func(a, b *upstream.DataEvent) int { return cmp.Compare(b.CreatedAt, a.CreatedAt) })
	if len(events) > 0 {
		ws.eventsByContact[into.ID] = events
	}
	delete(ws.eventsByContact, from.ID)
	for _, id := range ws.subscriptionsByContact[from.ID] {
		ws.subscriptionsByContact[into.ID] = appendUnique(ws.subscriptionsByContact[into.ID], id)
	}
	delete(ws.subscriptionsByContact, from.ID)
	for k, v := range from.CustomAttributes {
		if _, ok := into.CustomAttributes[k]; !ok {
			into.CustomAttributes[k] = v
		}
	}
	if into.Phone == nil {
		into.Phone = from.Phone
	}
	if into.Name == nil {
		into.Name = from.Name
	}
	if into.Email == "" {
		into.Email, into.EmailDomain = from.Email, from.EmailDomain
	}
	ws.forgetContact(lead)
	into.UpdatedAt = ws.nowStamp()
	ws.notify("contact.merged", func() any {
		return struct {
			*upstream.Contact
			MergedFrom upstream.Reference `json:"merged_from"`
		}{ws.renderContact(user), upstream.Reference{Type: "contact", ID: ptr(from.ID)}}
	})
	return ws.renderContact(user)
}
