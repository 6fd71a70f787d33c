package upstream

import (
	"context"
	"net/http"
)

// NotesService reads the notes teammates write about contacts.
type NotesService service

// MaxNotesPerPage is the largest page of a contact's notes the client asks
// for: Intercom's default page, the only size its documentation shows.
const MaxNotesPerPage = 50

// NoteListOptions select one page of a contact's notes by number.
type NoteListOptions = PageOptions

// List returns one page of a contact's notes, newest first (listNotes).
func (s *NotesService) List(ctx context.Context, contactID string, opts NoteListOptions) (*NoteList, error) {
	return fetch[NoteList](ctx, s.client, call{operation: "listNotes", method: http.MethodGet, template: "/contacts/{id}/notes",
		ids: []string{contactID}, query: opts.values(), idempotent: true})
}

// Get retrieves one note (retrieveNote).
func (s *NotesService) Get(ctx context.Context, id string) (*Note, error) {
	return fetch[Note](ctx, s.client, call{operation: "retrieveNote", method: http.MethodGet, template: "/notes/{id}",
		ids: []string{id}, idempotent: true})
}

// NoteRequest is the body of POST /contacts/{id}/notes.
type NoteRequest struct {
	Body string `json:"body"`
	// ContactID repeats the contact of the path.
	ContactID string `json:"contact_id,omitempty"`
	// AdminID is the author; Intercom uses the token's admin when it is left out.
	AdminID string `json:"admin_id,omitempty"`
}

// Create adds a note about a contact (createNote). Never retried: a retry
// after a lost answer would add the note twice.
func (s *NotesService) Create(ctx context.Context, contactID string, req NoteRequest) (*Note, error) {
	return fetch[Note](ctx, s.client, call{operation: "createNote", method: http.MethodPost, template: "/contacts/{id}/notes",
		ids: []string{contactID}, body: req, write: true, invalidates: []string{"notes"}})
}
