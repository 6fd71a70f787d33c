package intercomsim

import (
	"fmt"
	"net/http"

	"intercom-graphql/upstream"
)

// embeddedRefLimit is how many related objects Intercom embeds in a parent
// before pointing at the list URL.
const embeddedRefLimit = 10

func listContacts(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	perPage, ok := perPageParam(w, r, r.URL.Query().Get("per_page"), 50, upstream.MaxPerPage)
	if !ok {
		return
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	page, pages, err := cursorPage(ws.contacts, perPage, r.URL.Query().Get("starting_after"))
	if err != nil {
		badRequest(w, r, "parameter_invalid", err.Error(), "starting_after")
		return
	}
	writeJSON(w, http.StatusOK, upstream.ContactList{Type: "list", Data: ws.renderContacts(page), TotalCount: len(ws.contacts), Pages: pages})
}

func showContact(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	rec, ok := ws.contactByID[r.PathValue("id")]
	if !ok {
		notFound(w, r, "User")
		return
	}
	writeJSON(w, http.StatusOK, ws.renderContact(rec))
}

func (ws *Workspace) renderContacts(recs []*contactRecord) []*upstream.Contact {
	out := make([]*upstream.Contact, len(recs))
	for i, rec := range recs {
		out[i] = ws.renderContact(rec)
	}
	return out
}

// renderContact is a contact as the API shows it, with its related objects
// embedded as references.
func (ws *Workspace) renderContact(rec *contactRecord) *upstream.Contact {
	c := rec.contact
	base := "/contacts/" + c.ID
	c.Tags = refs("tag", "/tags/", rec.tagIDs, base+"/tags")
	c.Companies = refs("company", "/companies/", rec.companyIDs, base+"/companies")
	c.Notes = refs("note", "/notes/", ws.contactNoteIDs(c.ID), base+"/notes")
	return &c
}

func refs(kind, prefix string, ids []string, listURL string) *upstream.AddressableRefs {
	data := make([]upstream.AddressableRef, 0, min(len(ids), embeddedRefLimit))
	for _, id := range ids[:min(len(ids), embeddedRefLimit)] {
		data = append(data, upstream.AddressableRef{Type: kind, ID: id, URL: fmt.Sprintf("%s%s", prefix, id)})
	}
	return &upstream.AddressableRefs{Data: data, URL: listURL, TotalCount: len(ids), HasMore: len(ids) > embeddedRefLimit}
}
