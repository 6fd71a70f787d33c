package upstream

// Note is a teammate's note about a contact, as GET /notes/{id} returns it.
type Note struct {
	Type      string       `json:"type"`
	ID        string       `json:"id"`
	CreatedAt Timestamp    `json:"created_at"`
	Contact   *NoteContact `json:"contact"`
	// Author is the admin who wrote the note, embedded whole.
	Author *Admin `json:"author"`
	Body   string `json:"body"`
}

// NoteContact points at the contact a note is about.
type NoteContact struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// NoteList is the body of GET /contacts/{id}/notes.
type NoteList struct {
	Type       string       `json:"type"`
	Data       []*Note      `json:"data"`
	TotalCount int          `json:"total_count"`
	Pages      *CursorPages `json:"pages"`
}
