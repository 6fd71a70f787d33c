package intercomsim

import (
	"net/http"
	"strconv"
	"strings"
)

// createNote serves POST /contacts/{id}/notes: a body is required; the author
// is the admin named, or the token's admin.
func createNote(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		Body      *string     `json:"body"`
		ContactID *string     `json:"contact_id"`
		AdminID   *flexibleID `json:"admin_id"`
	}
	if !readBody(w, r, &b) {
		return
	}
	contactID := r.PathValue("id")
	switch {
	case b.Body == nil || strings.TrimSpace(*b.Body) == "":
		missing(w, r, "body")
		return
	case b.ContactID != nil && *b.ContactID != contactID:
		invalid(w, r, "contact_id", "contact_id must be the contact of the path")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if _, ok := ws.contactByID[contactID]; !ok {
		contactNotFound(w, r, "")
		return
	}
	authorID := ws.meID
	if b.AdminID != nil {
		authorID = string(*b.AdminID)
	}
	if _, ok := ws.adminByID[authorID]; !ok {
		resourceNotFound(w, r, "admin_id")
		return
	}
	writeJSON(w, http.StatusOK, ws.renderNote(ws.applyCreateNote(contactID, authorID, *b.Body)))
}

// applyCreateNote adds a note: the contact's notes (newest first), the
// contact's embedded note references and GET /notes/{id} show it.
func (ws *Workspace) applyCreateNote(contactID, authorID, body string) *noteRecord {
	rec := &noteRecord{seq: ws.nextSeq(), contactID: contactID, authorID: authorID, createdAt: ws.nowStamp(), body: noteHTML(body)}
	rec.id = strconv.FormatInt(rec.seq, 10)
	ws.notes = append(ws.notes, rec)
	ws.noteByID[rec.id] = rec
	ws.notesByContact[contactID] = append([]*noteRecord{rec}, ws.notesByContact[contactID]...)
	return rec
}

// noteHTML is how Intercom stores a note: HTML as given, text in a paragraph.
func noteHTML(body string) string {
	if strings.HasPrefix(strings.TrimSpace(body), "<") {
		return body
	}
	return "<p>" + body + "</p>"
}
