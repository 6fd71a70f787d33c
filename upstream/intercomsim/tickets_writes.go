package intercomsim

import (
	"fmt"
	"maps"
	"math"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"intercom-graphql/upstream"
)

// Tickets change as Intercom's do: a new ticket is submitted, with a state
// part by Operator; an update moves the state (with a part naming the state
// before), the assignees (with an assignment part), the attributes, openness,
// sharing and snooze; replies append parts. Attribute values are checked
// against the ticket type: known names, the attribute's data type, list
// options, and on creation the attributes teammates must fill.

// ticketTypeNamed finds a ticket type a write names.
func (ws *Workspace) ticketTypeNamed(w http.ResponseWriter, r *http.Request, id, field string) (*upstream.TicketType, bool) {
	tt, ok := ws.ticketTypeByID[id]
	if !ok {
		writeError(w, requestIDFrom(r), http.StatusNotFound, "not_found", "Ticket Type Not Found", field)
	}
	return tt, ok
}

// ticketNamed finds the ticket of a path; tagging answers an unknown one
// with its own code (ticket_not_found), the other writes with not_found.
func (ws *Workspace) ticketNamed(w http.ResponseWriter, r *http.Request, id, code string) (*ticketRecord, bool) {
	rec, ok := ws.ticketByID[id]
	if !ok {
		writeError(w, requestIDFrom(r), http.StatusNotFound, code, "Ticket not found", "")
	}
	return rec, ok
}

// checkTicketAttributes checks attribute values against a ticket type and
// returns them as the ticket keeps them (a list option by its label, whole
// numbers as integers, datetimes as UNIX seconds, files as file objects).
// With required, every live attribute teammates must fill needs a value.
// Refusals name field.name.
func (ws *Workspace) checkTicketAttributes(w http.ResponseWriter, r *http.Request, tt *upstream.TicketType, values map[string]any, field string, required bool) (map[string]any, bool) {
	out := map[string]any{}
	byName := map[string]*upstream.TicketTypeAttribute{}
	for _, a := range tt.TicketTypeAttributes.Data {
		byName[a.Name] = a
	}
	for _, name := range slices.Sorted(maps.Keys(values)) {
		v, a := values[name], byName[name]
		at := field + "." + name
		switch {
		case a == nil:
			invalid(w, r, at, "ticket type %s has no attribute %q", tt.ID, name)
			return nil, false
		case a.Archived:
			invalid(w, r, at, "attribute %q is archived", name)
			return nil, false
		case v == nil && a.RequiredToCreate:
			invalid(w, r, at, "attribute %q is required and cannot be cleared", name)
			return nil, false
		case v == nil:
			out[name] = nil
			continue
		}
		stored, ok := attributeValue(a, v)
		if !ok {
			invalid(w, r, at, "attribute %q takes %s", name, attributeKind(a))
			return nil, false
		}
		out[name] = stored
	}
	if required {
		for _, a := range tt.TicketTypeAttributes.Data {
			if a.RequiredToCreate && !a.Archived && out[a.Name] == nil {
				badRequest(w, r, "parameter_not_found", fmt.Sprintf("attribute %q is required to create a ticket of this type", a.Name), field+"."+a.Name)
				return nil, false
			}
		}
	}
	return out, true
}

// attributeValue reads a value of an attribute's data type.
func attributeValue(a *upstream.TicketTypeAttribute, v any) (any, bool) {
	switch a.DataType {
	case "string":
		s, ok := v.(string)
		return s, ok
	case "list":
		s, _ := v.(string)
		for _, o := range optionsOf(a) {
			if !o.archived && (o.id == s || o.label == s) {
				return o.label, true
			}
		}
		return nil, false
	case "integer":
		f, ok := v.(float64)
		return int64(f), ok && f == math.Trunc(f)
	case "decimal":
		f, ok := v.(float64)
		return f, ok
	case "boolean":
		b, ok := v.(bool)
		return b, ok
	case "datetime":
		switch t := v.(type) {
		case float64:
			return int64(t), t == math.Trunc(t)
		case string:
			at, err := time.Parse(time.RFC3339, t)
			return at.Unix(), err == nil
		}
	case "files":
		items, ok := v.([]any)
		files := []any{}
		for _, it := range items {
			m, isObject := it.(map[string]any)
			u, _ := m["url"].(string)
			parsed, err := url.Parse(u)
			if !isObject || err != nil || parsed.Host == "" {
				return nil, false
			}
			name, _ := m["name"].(string)
			if name == "" {
				name = path.Base(parsed.Path)
			}
			files = append(files, upstream.FileAttribute{Type: "upload", Name: name, URL: u, ContentType: contentTypeOf(name)})
		}
		return files, ok && (len(files) <= 1 || a.InputOptions["allow_multiple_values"] == true)
	}
	return nil, false
}

func attributeKind(a *upstream.TicketTypeAttribute) string {
	switch a.DataType {
	case "list":
		return "the id of one of its options"
	case "datetime":
		return "a UNIX timestamp"
	case "files":
		return "a list of files, each with a url"
	}
	return article(a.DataType)
}

// listOption is one option of a list attribute's input options.
type listOption struct {
	id, label string
	archived  bool
}

func optionsOf(a *upstream.TicketTypeAttribute) []listOption {
	var out []listOption
	items, _ := a.InputOptions["list_options"].([]any)
	for _, it := range items {
		m, _ := it.(map[string]any)
		id, _ := m["id"].(string)
		label, _ := m["label"].(string)
		archived, _ := m["archived"].(bool)
		out = append(out, listOption{id: id, label: label, archived: archived})
	}
	return out
}

// ticketAuthor is a conversation part's author as a ticket part's: a
// ticket part names users and leads alike as user.
func ticketAuthor(a upstream.PartAuthor) upstream.TicketPartAuthor {
	if a.Type == "lead" || a.Type == "contact" {
		a.Type = "user"
	}
	return upstream.TicketPartAuthor(a)
}

// ticketOperator is Operator as a ticket part's author.
func (ws *Workspace) ticketOperator() upstream.TicketPartAuthor {
	return ticketAuthor(ws.operator())
}

// newTicket makes a submitted ticket of a type, for contacts, with the state
// part Intercom starts every ticket with; addTicket puts it in the workspace.
func (ws *Workspace) newTicket(tt *upstream.TicketType, contacts []upstream.ContactReference, values map[string]any) *ticketRecord {
	now := ws.nowStamp()
	number := 0
	for _, t := range ws.tickets {
		if n, err := strconv.Atoi(t.ticket.TicketID); err == nil && n > number {
			number = n
		}
	}
	rec := &ticketRecord{seq: ws.nextSeq(), typeID: tt.ID}
	rec.ticket = upstream.Ticket{
		Type: "ticket", ID: nextNumericID(ws.ticketByID, 2_600_000_000), TicketID: strconv.Itoa(number + 1), Category: tt.Category,
		TicketAttributes: values, TicketState: "submitted", TicketStateInternalLabel: ticketStateInternalLabels["submitted"],
		TicketStateExternalLabel: ticketStateExternalLabels["submitted"],
		Contacts:                 upstream.TicketContacts{Type: "contact.list", Contacts: slices.Clone(contacts)},
		AdminAssigneeID:          "0", TeamAssigneeID: "0", CreatedAt: now, UpdatedAt: now, Open: true,
		LinkedObjects: upstream.LinkedObjectList{Type: "list", Data: []upstream.LinkedObject{}},
		IsShared:      tt.Category == "Customer" && !ws.internalTicketTypes[tt.ID],
		TicketParts: &upstream.TicketPartList{Type: "ticket_part.list", TicketParts: []*upstream.TicketPart{{
			Type: "ticket_part", ID: ws.newPartID(), PartType: "ticket_state_updated_by_admin", PreviousTicketState: ptr("submitted"),
			TicketState: "submitted", CreatedAt: now, UpdatedAt: now, Author: ws.ticketOperator(), Attachments: []upstream.PartAttachment{},
		}}, TotalCount: 1},
	}
	return rec
}

// addTicket puts a new ticket in the workspace: GET /tickets/{id} and the
// ticket search find it.
func (ws *Workspace) addTicket(rec *ticketRecord) {
	ws.tickets = append(ws.tickets, rec)
	ws.ticketByID[rec.ticket.ID] = rec
	ws.notifyTicket("ticket.created", rec)
}

func (ws *Workspace) notifyTicket(topic string, rec *ticketRecord) {
	ws.notify(topic, func() any { return ws.renderTicket(rec) })
}

// ticketContact is one entry of create_ticket_request's contacts.
type ticketContact struct {
	ID         *string `json:"id"`
	ExternalID *string `json:"external_id"`
	Email      *string `json:"email"`
}

// createTicket serves POST /tickets: a live ticket type, one contact (by
// id, external id, or an email, which makes a lead when no contact has it),
// an optional company (by its company_id) and the type's attributes.
func createTicket(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		TicketTypeID     *string         `json:"ticket_type_id"`
		Contacts         []ticketContact `json:"contacts"`
		CompanyID        *string         `json:"company_id"`
		TicketAttributes map[string]any  `json:"ticket_attributes"`
	}
	if !readBody(w, r, &b) {
		return
	}
	switch {
	case b.TicketTypeID == nil || *b.TicketTypeID == "":
		missing(w, r, "ticket_type_id")
		return
	case len(b.Contacts) == 0:
		missing(w, r, "contacts")
		return
	case len(b.Contacts) > 1:
		invalid(w, r, "contacts", "a ticket takes one contact")
		return
	}
	who := b.Contacts[0]
	named := 0
	for _, s := range []*string{who.ID, who.ExternalID, who.Email} {
		if s != nil && *s != "" {
			named++
		}
	}
	switch {
	case named != 1:
		invalid(w, r, "contacts", "name the contact by one of id, external_id and email")
		return
	case who.Email != nil && !emailPattern.MatchString(*who.Email):
		invalid(w, r, "contacts", "%q is not a valid email address", *who.Email)
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	tt, ok := ws.ticketTypeNamed(w, r, *b.TicketTypeID, "ticket_type_id")
	if !ok {
		return
	}
	if tt.Archived {
		invalid(w, r, "ticket_type_id", "ticket type %s is archived", tt.ID)
		return
	}
	contact := ws.contactBy(deref(who.ID), deref(who.ExternalID), deref(who.Email))
	if contact == nil && who.Email == nil {
		contactNotFound(w, r, "contacts")
		return
	}
	if b.CompanyID != nil && ws.companyByCompanyID(*b.CompanyID) == nil {
		writeError(w, requestIDFrom(r), http.StatusNotFound, "company_not_found", "Company Not Found", "company_id")
		return
	}
	values, ok := ws.checkTicketAttributes(w, r, tt, b.TicketAttributes, "ticket_attributes", true)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, ws.renderTicket(ws.applyCreateTicket(tt, contact, deref(who.Email), values)))
}

// applyCreateTicket makes a ticket for a contact (first creating a lead for
// an email no contact has).
func (ws *Workspace) applyCreateTicket(tt *upstream.TicketType, contact *contactRecord, email string, values map[string]any) *ticketRecord {
	if contact == nil {
		lead := "lead"
		ws.applyCreateContact(contactBody{Role: &lead, Email: &email})
		contact = ws.contacts[len(ws.contacts)-1]
	}
	rec := ws.newTicket(tt, []upstream.ContactReference{contactRef(&contact.contact)}, values)
	ws.addTicket(rec)
	return rec
}

// updateTicket serves PUT /tickets/{id}.
func updateTicket(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		TicketAttributes map[string]any      `json:"ticket_attributes"`
		State            *string             `json:"state"`
		Open             *bool               `json:"open"`
		IsShared         *bool               `json:"is_shared"`
		SnoozedUntil     *upstream.Timestamp `json:"snoozed_until"`
		Assignment       *struct {
			AdminID    *flexibleID `json:"admin_id"`
			AssigneeID *flexibleID `json:"assignee_id"`
		} `json:"assignment"`
	}
	if !readBody(w, r, &b) {
		return
	}
	switch {
	case b.State != nil && *b.State != "in_progress" && *b.State != "waiting_on_customer" && *b.State != "resolved":
		invalid(w, r, "state", "state must be in_progress, waiting_on_customer or resolved")
		return
	case b.SnoozedUntil != nil && *b.SnoozedUntil <= ws.nowStamp():
		invalid(w, r, "snoozed_until", "snoozed_until must be in the future")
		return
	case b.Assignment != nil && b.Assignment.AdminID == nil:
		missing(w, r, "assignment.admin_id")
		return
	case b.Assignment != nil && b.Assignment.AssigneeID == nil:
		missing(w, r, "assignment.assignee_id")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.ticketNamed(w, r, r.PathValue("id"), "not_found")
	if !ok {
		return
	}
	ch := ticketChange{state: deref(b.State), open: b.Open, isShared: b.IsShared, snoozedUntil: b.SnoozedUntil, actor: ws.adminByID[ws.meID]}
	if a := b.Assignment; a != nil {
		if ch.actor, ok = ws.adminNamed(w, r, string(*a.AdminID), "assignment.admin_id"); !ok {
			return
		}
		ch.assign, ch.assignee = true, string(*a.AssigneeID)
		_, isAdmin := ws.adminByID[ch.assignee]
		_, isTeam := ws.teamByID[ch.assignee]
		switch {
		case isTeam:
			ch.assigneeKind = "team"
		case isAdmin || ch.assignee == "0":
			ch.assigneeKind = "admin"
		default:
			writeError(w, requestIDFrom(r), http.StatusNotFound, "assignee_not_found", "Assignee not found", "assignment.assignee_id")
			return
		}
	}
	if b.TicketAttributes != nil {
		if ch.attributes, ok = ws.checkTicketAttributes(w, r, ws.ticketTypeByID[rec.typeID], b.TicketAttributes, "ticket_attributes", false); !ok {
			return
		}
	}
	ws.applyUpdateTicket(rec, ch)
	writeJSON(w, http.StatusOK, ws.renderTicket(rec))
}

// ticketChange is a checked update of a ticket.
type ticketChange struct {
	attributes   map[string]any
	state        string
	open         *bool
	isShared     *bool
	snoozedUntil *upstream.Timestamp
	assign       bool
	assignee     string // an admin's or team's id; "0" takes the admin off
	assigneeKind string // admin or team
	actor        *upstream.Admin
}

// applyUpdateTicket changes a ticket, each change with the part and the
// webhook topic Intercom gives it; what is already as asked stays as it is.
// A resolved ticket is closed and a ticket moved out of resolved reopens,
// unless open says otherwise; closing a ticket unsnoozes it.
func (ws *Workspace) applyUpdateTicket(rec *ticketRecord, ch ticketChange) {
	t := &rec.ticket
	now := ws.nowStamp()
	var topics []string
	author := ticketAdmin(ch.actor)
	add := func(partType string) *upstream.TicketPart {
		p := &upstream.TicketPart{Type: "ticket_part", ID: ws.newPartID(), PartType: partType, TicketState: t.TicketState,
			CreatedAt: now, UpdatedAt: now, Author: author, Attachments: []upstream.PartAttachment{}}
		t.TicketParts.TicketParts = append(t.TicketParts.TicketParts, p)
		t.TicketParts.TotalCount = len(t.TicketParts.TicketParts)
		rec.teammateIDs = appendUnique(rec.teammateIDs, ch.actor.ID)
		return p
	}
	if changed := attributesChanged(t.TicketAttributes, ch.attributes); changed {
		merged := make(map[string]any, len(t.TicketAttributes)+len(ch.attributes))
		for k, v := range t.TicketAttributes {
			merged[k] = v
		}
		for k, v := range ch.attributes {
			merged[k] = v
		}
		t.TicketAttributes = merged
		add("ticket_attribute_updated_by_admin")
		topics = append(topics, "ticket.attribute.updated")
	}
	if ch.state != "" && ch.state != t.TicketState {
		from := t.TicketState
		t.TicketState, t.TicketStateInternalLabel, t.TicketStateExternalLabel = ch.state, ticketStateInternalLabels[ch.state], ticketStateExternalLabels[ch.state]
		add("ticket_state_updated_by_admin").PreviousTicketState = ptr(from)
		topics = append(topics, "ticket.state.updated")
		if ch.open == nil {
			ch.open = ptr(ch.state != "resolved")
		}
	}
	if ch.open != nil && *ch.open != t.Open {
		t.Open = *ch.open
		if !t.Open {
			t.SnoozedUntil = nil
			topics = append(topics, "ticket.closed")
		}
	}
	if ch.isShared != nil {
		t.IsShared = *ch.isShared
	}
	if ch.snoozedUntil != nil && t.Open {
		t.SnoozedUntil = ch.snoozedUntil
	}
	if ch.assign {
		current := &t.AdminAssigneeID
		if ch.assigneeKind == "team" {
			current = &t.TeamAssigneeID
		}
		if *current != ch.assignee {
			*current = ch.assignee
			to := &upstream.Reference{Type: ch.assigneeKind, ID: ptr(ch.assignee)}
			if ch.assignee == "0" {
				to = &upstream.Reference{Type: "nobody_admin"}
			}
			add("assignment").AssignedTo = to
			topics = append(topics, "ticket."+ch.assigneeKind+".assigned")
		}
	}
	t.UpdatedAt = now
	for _, topic := range topics {
		ws.notifyTicket(topic, rec)
	}
}

func attributesChanged(current, set map[string]any) bool {
	for k, v := range set {
		old, ok := current[k]
		if !ok || fmt.Sprint(old) != fmt.Sprint(v) {
			return true
		}
	}
	return false
}

// ticketReplyBody is a reply to a ticket: a conversation reply's
// properties, quick reply options, and cross-posting for notes.
type ticketReplyBody struct {
	replyBody
	ReplyOptions []struct {
		Text *string `json:"text"`
		UUID *string `json:"uuid"`
	} `json:"reply_options"`
	CrossPost *bool `json:"cross_post"`
}

// replyTicket serves POST /tickets/{id}/reply: an admin's comment, note or
// quick reply (which needs options), or a comment of one of the ticket's
// contacts.
func replyTicket(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b ticketReplyBody
	if !readBody(w, r, &b) {
		return
	}
	if b.MessageType != nil && *b.MessageType == "quick_reply" && b.Type != nil && *b.Type == "admin" {
		if len(b.ReplyOptions) == 0 {
			missing(w, r, "reply_options")
			return
		}
		for _, o := range b.ReplyOptions {
			if o.Text == nil || strings.TrimSpace(*o.Text) == "" || o.UUID == nil || *o.UUID == "" {
				invalid(w, r, "reply_options", "each quick reply option needs a text and a uuid")
				return
			}
		}
	}
	if !checkReply(w, r, b.replyBody, "comment", "note", "quick_reply") {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.ticketNamed(w, r, r.PathValue("id"), "not_found")
	if !ok {
		return
	}
	from, ok := ws.replierOf(w, r, b.replyBody)
	if !ok {
		return
	}
	if from.contact != nil && !isParticipant(rec.ticket.Contacts.Contacts, from.contact.contact.ID) {
		invalid(w, r, from.field(), "contact %s is not a contact of ticket %s", from.contact.contact.ID, rec.ticket.ID)
		return
	}
	var body *string
	if b.Body != nil {
		body = ptr(messageHTML(*b.Body))
	}
	crossPost := b.CrossPost != nil && *b.CrossPost && *b.MessageType == "note" && rec.ticket.Category == "Back-office"
	writeJSON(w, http.StatusOK, ws.applyTicketReply(rec, from, *b.MessageType, body, ws.attachments(b.AttachmentURLs, b.AttachmentFiles), crossPost))
}

// applyTicketReply appends the reply to the ticket, and for a cross-posted
// note to each linked conversation too.
func (ws *Workspace) applyTicketReply(rec *ticketRecord, from replier, kind string, body *string, attachments []upstream.PartAttachment, crossPost bool) *upstream.TicketReply {
	t := &rec.ticket
	now := ws.nowStamp()
	var author upstream.TicketPartAuthor
	topic := "ticket.contact.replied"
	if from.admin != nil {
		author = ticketAdmin(from.admin)
		rec.teammateIDs = appendUnique(rec.teammateIDs, from.admin.ID)
		topic = "ticket.admin.replied"
		if kind == "note" {
			topic = "ticket.note.created"
		}
	} else {
		c := &from.contact.contact
		author = upstream.TicketPartAuthor{Type: "user", ID: c.ID, Name: c.Name, Email: c.Email}
		c.LastRepliedAt = ptr(now)
	}
	if kind == "quick_reply" {
		body = nil
	}
	p := &upstream.TicketPart{Type: "ticket_part", ID: ws.newPartID(), PartType: kind, Body: body, TicketState: t.TicketState,
		CreatedAt: now, UpdatedAt: now, Author: author, Attachments: attachments}
	t.TicketParts.TicketParts = append(t.TicketParts.TicketParts, p)
	t.TicketParts.TotalCount = len(t.TicketParts.TicketParts)
	t.UpdatedAt = now
	ws.notifyTicket(topic, rec)
	if crossPost {
		for _, o := range t.LinkedObjects.Data {
			if conv, ok := ws.conversationByID[o.ID]; ok && o.Type == "conversation" {
				ws.addPart(conv, "note", adminAuthor(from.admin), body, now)
				ws.notifyConversation("conversation.admin.noted", conv)
			}
		}
	}
	return &upstream.TicketReply{Type: "ticket_part", ID: p.ID, PartType: p.PartType, Body: p.Body, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt,
		Author: p.Author, Attachments: p.Attachments, Redacted: false}
}

// attachTagToTicket serves POST /tickets/{ticket_id}/tags.
func attachTagToTicket(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		ID      *flexibleID `json:"id"`
		AdminID *flexibleID `json:"admin_id"`
	}
	if !readBody(w, r, &b) {
		return
	}
	switch {
	case b.ID == nil:
		missing(w, r, "id")
		return
	case b.AdminID == nil:
		missing(w, r, "admin_id")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.ticketNamed(w, r, r.PathValue("ticket_id"), "ticket_not_found")
	if !ok {
		return
	}
	admin, ok := ws.adminNamed(w, r, string(*b.AdminID), "admin_id")
	if !ok {
		return
	}
	tag, ok := ws.tagOfID(w, r, string(*b.ID), "id")
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, ws.applyTagTicket(rec, tag, admin))
}

// applyTagTicket puts a tag on a ticket, saying when and by whom. The 2.10
// ticket model shows no tags and Intercom has no webhook topic for it: the
// answer is where the tag shows.
func (ws *Workspace) applyTagTicket(rec *ticketRecord, tag *tagRecord, admin *upstream.Admin) *upstream.Tag {
	var applied *upstream.Tag
	rec.tags, applied, _ = ws.withTag(rec.tags, tag, admin.ID)
	return applied
}

// detachTagFromTicket serves DELETE /tickets/{ticket_id}/tags/{id}; taking
// off a tag the ticket does not have changes nothing.
func detachTagFromTicket(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		AdminID *flexibleID `json:"admin_id"`
	}
	if !readBody(w, r, &b) {
		return
	}
	if b.AdminID == nil {
		missing(w, r, "admin_id")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.ticketNamed(w, r, r.PathValue("ticket_id"), "ticket_not_found")
	if !ok {
		return
	}
	admin, ok := ws.adminNamed(w, r, string(*b.AdminID), "admin_id")
	if !ok {
		return
	}
	tag, ok := ws.tagOfID(w, r, r.PathValue("id"), "")
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, ws.applyUntagTicket(rec, tag, admin))
}

// applyUntagTicket takes a tag off a ticket and answers with the tag as it
// was applied.
func (ws *Workspace) applyUntagTicket(rec *ticketRecord, tag *tagRecord, admin *upstream.Admin) *upstream.Tag {
	var applied *upstream.Tag
	rec.tags, applied, _ = ws.withoutTag(rec.tags, tag, admin.ID)
	return applied
}

// TicketTagIDs lists the ids of the tags applied to a ticket, which the
// API shows only in its tagging answers.
func (ws *Workspace) TicketTagIDs(id string) []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	rec, ok := ws.ticketByID[id]
	if !ok {
		return nil
	}
	var out []string
	for _, t := range rec.tags {
		out = append(out, t.ID)
	}
	return out
}
