package intercomsim

import (
	"net/http"

	"intercom-graphql/upstream"
)

// listNotes pages a contact's notes by number. The spec types the answer's
// pages as cursor pages, so pages.next also carries a starting_after that
// names the following page; either way of asking is served.
func listNotes(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	q := r.URL.Query()
	perPage, ok := perPageParam(w, r, q.Get("per_page"), upstream.MaxNotesPerPage, upstream.MaxNotesPerPage)
	if !ok {
		return
	}
	page, ok := pageParam(w, r, q.Get("page"))
	if !ok {
		return
	}
	if after := q.Get("starting_after"); after != "" {
		t, err := decodeStartingAfter(after)
		if err != nil {
			badRequest(w, r, "parameter_invalid", err.Error(), "starting_after")
			return
		}
		page = t.Page + 1
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	contactID := r.PathValue("id")
	if _, ok := ws.contactByID[contactID]; !ok {
		notFound(w, r, "User")
		return
	}
	all := ws.notesByContact[contactID]
	items, link := pageNumberPage(r, all, page, perPage)
	pages := &upstream.CursorPages{Type: "pages", Page: link.Page, PerPage: link.PerPage, TotalPages: link.TotalPages}
	if link.Next != nil {
		pages.Next = &upstream.StartingAfter{PerPage: perPage, StartingAfter: encodeStartingAfter(startingAfter{Page: page})}
	}
	data := make([]*upstream.Note, len(items))
	for i, rec := range items {
		data[i] = ws.renderNote(rec)
	}
	writeJSON(w, http.StatusOK, upstream.NoteList{Type: "list", Data: data, TotalCount: len(all), Pages: pages})
}

func retrieveNote(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	rec, ok := ws.noteByID[r.PathValue("id")]
	if !ok {
		notFound(w, r, "Resource")
		return
	}
	writeJSON(w, http.StatusOK, ws.renderNote(rec))
}
