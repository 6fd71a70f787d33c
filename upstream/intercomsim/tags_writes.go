package intercomsim

import (
	"net/http"
	"slices"
	"strings"

	"intercom-graphql/upstream"
)

// tagBody is every form of POST /tags: create or update (name, id), tag or
// untag companies (name, companies), tag users (name, users).
type tagBody struct {
	Name      *string           `json:"name"`
	ID        *string           `json:"id"`
	Companies *[]companyTagging `json:"companies"`
	Users     *[]struct {
		ID string `json:"id"`
	} `json:"users"`
}

// companyTagging names a company by Intercom's id or by its company_id.
type companyTagging struct {
	ID        string `json:"id"`
	CompanyID string `json:"company_id"`
	Untag     *bool  `json:"untag"`
}

// createTag serves POST /tags in its four forms; each answers with the tag.
func createTag(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b tagBody
	if !readBody(w, r, &b) {
		return
	}
	if b.Name == nil || strings.TrimSpace(*b.Name) == "" || (b.Companies != nil && b.Users != nil) ||
		(b.ID != nil && (b.Companies != nil || b.Users != nil)) {
		invalid(w, r, "name", "invalid tag parameters")
		return
	}
	name := strings.TrimSpace(*b.Name)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	switch {
	case b.Companies != nil:
		ws.serveCompanyTagging(w, r, name, b)
	case b.Users != nil:
		var contacts []*contactRecord
		for _, u := range *b.Users {
			rec, ok := ws.contactByID[u.ID]
			if !ok {
				contactNotFound(w, r, "users")
				return
			}
			contacts = append(contacts, rec)
		}
		writeJSON(w, http.StatusOK, ws.applyTagContacts(name, contacts))
	case b.ID != nil:
		rec, ok := ws.tagByID[*b.ID]
		if !ok {
			resourceNotFound(w, r, "id")
			return
		}
		if other := ws.tagNamed(name); other != nil && other != rec {
			invalid(w, r, "name", "a tag named %q already exists", other.tag.Name)
			return
		}
		writeJSON(w, http.StatusOK, ws.applyRenameTag(rec, name))
	default:
		writeJSON(w, http.StatusOK, renderTag(ws.findOrCreateTag(name)))
	}
}

// serveCompanyTagging checks and applies the company forms of POST /tags:
// every company must exist, and untagging needs the tag to exist and every
// company to say untag.
func (ws *Workspace) serveCompanyTagging(w http.ResponseWriter, r *http.Request, name string, b tagBody) {
	untagging := slices.ContainsFunc(*b.Companies, func(c companyTagging) bool { return c.Untag != nil })
	var companies []*companyRecord
	for _, c := range *b.Companies {
		if untagging && (c.Untag == nil || !*c.Untag) {
			invalid(w, r, "companies", "untag must be true for every company")
			return
		}
		rec := ws.companyByID[c.ID]
		if c.ID == "" && c.CompanyID != "" {
			rec = ws.companyByCompanyID(c.CompanyID)
		}
		if rec == nil {
			writeError(w, requestIDFrom(r), http.StatusNotFound, "company_not_found", "Company Not Found", "companies")
			return
		}
		companies = append(companies, rec)
	}
	if !untagging {
		writeJSON(w, http.StatusOK, ws.applyTagCompanies(name, companies))
		return
	}
	tag := ws.tagNamed(name)
	if tag == nil {
		resourceNotFound(w, r, "name")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyUntagCompanies(tag, companies))
}

// tagNamed finds a tag by name, without regard to case, as Intercom does.
func (ws *Workspace) tagNamed(name string) *tagRecord {
	for _, t := range ws.tags {
		if strings.EqualFold(t.tag.Name, name) {
			return t
		}
	}
	return nil
}

// findOrCreateTag is the tag with that name, created when there is none: it
// then shows in GET /tags.
func (ws *Workspace) findOrCreateTag(name string) *tagRecord {
	if t := ws.tagNamed(name); t != nil {
		return t
	}
	t := &tagRecord{seq: ws.nextSeq(), tag: upstream.Tag{Type: "tag", ID: nextNumericID(ws.tagByID, 7500000), Name: name}}
	ws.tags = append(ws.tags, t)
	ws.tagByID[t.tag.ID] = t
	return t
}

// applyRenameTag renames a tag everywhere it shows.
func (ws *Workspace) applyRenameTag(rec *tagRecord, name string) *upstream.Tag {
	rec.tag.Name = name
	for _, conv := range ws.conversations {
		for _, t := range conv.conversation.Tags.Tags {
			if t.ID == rec.tag.ID {
				t.Name = name
			}
		}
	}
	for _, v := range ws.visitors {
		for _, t := range v.Tags.Tags {
			if t.ID == rec.tag.ID {
				t.Name = name
			}
		}
	}
	for _, tk := range ws.tickets {
		for _, t := range tk.tags {
			if t.ID == rec.tag.ID {
				t.Name = name
			}
		}
	}
	return renderTag(rec)
}

// applyTagCompanies puts the tag (created if needed) on companies.
func (ws *Workspace) applyTagCompanies(name string, companies []*companyRecord) *upstream.Tag {
	tag := ws.findOrCreateTag(name)
	now := ws.nowStamp()
	for _, c := range companies {
		if !slices.Contains(c.tagIDs, tag.tag.ID) {
			c.tagIDs, c.updatedAt = append(c.tagIDs, tag.tag.ID), now
		}
	}
	return renderTag(tag)
}

// applyUntagCompanies takes the tag off companies.
func (ws *Workspace) applyUntagCompanies(tag *tagRecord, companies []*companyRecord) *upstream.Tag {
	now := ws.nowStamp()
	for _, c := range companies {
		if slices.Contains(c.tagIDs, tag.tag.ID) {
			c.tagIDs, c.updatedAt = slices.DeleteFunc(c.tagIDs, func(id string) bool { return id == tag.tag.ID }), now
		}
	}
	return renderTag(tag)
}

// applyTagContacts puts the tag (created if needed) on contacts.
func (ws *Workspace) applyTagContacts(name string, contacts []*contactRecord) *upstream.Tag {
	tag := ws.findOrCreateTag(name)
	for _, c := range contacts {
		ws.tagContact(c, tag)
	}
	return renderTag(tag)
}

func (ws *Workspace) tagContact(c *contactRecord, tag *tagRecord) {
	if !slices.Contains(c.tagIDs, tag.tag.ID) {
		c.tagIDs = append(c.tagIDs, tag.tag.ID)
		c.contact.UpdatedAt = ws.nowStamp()
		ws.notifyContactTag("created", c, tag)
	}
}

// deleteTag serves DELETE /tags/{id}; Intercom answers without a body.
func deleteTag(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.tagByID[r.PathValue("id")]
	if !ok {
		resourceNotFound(w, r, "")
		return
	}
	ws.applyDeleteTag(rec)
	accepted(w, http.StatusOK)
}

// applyDeleteTag removes a tag from the workspace and from every contact,
// company, conversation, visitor and ticket it was on.
func (ws *Workspace) applyDeleteTag(rec *tagRecord) {
	id := rec.tag.ID
	ws.tags = slices.DeleteFunc(ws.tags, func(t *tagRecord) bool { return t == rec })
	delete(ws.tagByID, id)
	drop := func(ids []string) []string { return slices.DeleteFunc(ids, func(x string) bool { return x == id }) }
	for _, c := range ws.contactByID {
		c.tagIDs = drop(c.tagIDs)
	}
	for _, c := range ws.companies {
		c.tagIDs = drop(c.tagIDs)
	}
	for _, conv := range ws.conversations {
		conv.conversation.Tags.Tags = slices.DeleteFunc(conv.conversation.Tags.Tags, func(t *upstream.Tag) bool { return t.ID == id })
	}
	for _, v := range ws.visitors {
		v.Tags.Tags = slices.DeleteFunc(v.Tags.Tags, func(t *upstream.VisitorTag) bool { return t.ID == id })
	}
	for _, t := range ws.tickets {
		t.tags = slices.DeleteFunc(t.tags, func(t *upstream.Tag) bool { return t.ID == id })
	}
}

// attachTagToContact serves POST /contacts/{contact_id}/tags.
func attachTagToContact(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		ID *string `json:"id"`
	}
	if !readBody(w, r, &b) {
		return
	}
	if b.ID == nil || *b.ID == "" {
		missing(w, r, "id")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	contact, ok := ws.contactByID[r.PathValue("contact_id")]
	if !ok {
		contactNotFound(w, r, "")
		return
	}
	tag, ok := ws.tagByID[*b.ID]
	if !ok {
		resourceNotFound(w, r, "id")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyAttachTag(contact, tag))
}

// applyAttachTag tags a contact: GET /contacts/{id} and its tag list show it.
// The answer says when and by whom (the token's admin) it was applied.
func (ws *Workspace) applyAttachTag(contact *contactRecord, tag *tagRecord) *upstream.Tag {
	ws.tagContact(contact, tag)
	return ws.appliedTag(tag, ws.meID)
}

// appliedTag is a tag as the tagging writes answer with it: applied now, by the admin.
func (ws *Workspace) appliedTag(tag *tagRecord, adminID string) *upstream.Tag {
	out := renderTag(tag)
	out.AppliedAt = ptr(ws.nowStamp())
	out.AppliedBy = &upstream.Reference{Type: "admin", ID: ptr(adminID)}
	return out
}

// withTag puts a tag on a conversation's or ticket's tags, applied now by
// the admin; a tag already there stays as it was applied. It answers with
// the tags, a copy of the tag as applied, and whether the tag is new there.
func (ws *Workspace) withTag(tags []*upstream.Tag, tag *tagRecord, adminID string) ([]*upstream.Tag, *upstream.Tag, bool) {
	if i := slices.IndexFunc(tags, func(t *upstream.Tag) bool { return t.ID == tag.tag.ID }); i >= 0 {
		out := *tags[i]
		return tags, &out, false
	}
	t := ws.appliedTag(tag, adminID)
	out := *t
	return append(tags, t), &out, true
}

// withoutTag takes a tag off a conversation's or ticket's tags, leaving the
// list it was given as it was (a rendered conversation may share it). It
// answers with the tags, the tag as it was applied (as it would be applied
// now, when it was not there), and whether it was there.
func (ws *Workspace) withoutTag(tags []*upstream.Tag, tag *tagRecord, adminID string) ([]*upstream.Tag, *upstream.Tag, bool) {
	i := slices.IndexFunc(tags, func(t *upstream.Tag) bool { return t.ID == tag.tag.ID })
	if i < 0 {
		return tags, ws.appliedTag(tag, adminID), false
	}
	out := *tags[i]
	return slices.Delete(slices.Clone(tags), i, i+1), &out, true
}

// detachTagFromContact serves DELETE /contacts/{contact_id}/tags/{id};
// taking off a tag the contact does not have changes nothing.
func detachTagFromContact(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	contact, ok := ws.contactByID[r.PathValue("contact_id")]
	if !ok {
		contactNotFound(w, r, "")
		return
	}
	tag, ok := ws.tagByID[r.PathValue("id")]
	if !ok {
		resourceNotFound(w, r, "")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyDetachTag(contact, tag))
}

func (ws *Workspace) applyDetachTag(contact *contactRecord, tag *tagRecord) *upstream.Tag {
	if slices.Contains(contact.tagIDs, tag.tag.ID) {
		contact.tagIDs = slices.DeleteFunc(contact.tagIDs, func(id string) bool { return id == tag.tag.ID })
		contact.contact.UpdatedAt = ws.nowStamp()
		ws.notifyContactTag("deleted", contact, tag)
	}
	return ws.appliedTag(tag, ws.meID)
}

// notifyContactTag sends contact.{role}.tag.created or .deleted: the
// contact and the tag, in a contact_tag.
func (ws *Workspace) notifyContactTag(what string, c *contactRecord, tag *tagRecord) {
	ws.notify("contact."+c.contact.Role+".tag."+what, func() any {
		return map[string]any{"type": "contact_tag", "created_at": ws.nowStamp(), "contact": ws.renderContact(c), "tag": renderTag(tag)}
	})
}
