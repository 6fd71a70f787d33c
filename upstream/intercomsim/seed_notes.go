package intercomsim

import (
	"fmt"
	"slices"
	"strconv"

	"intercom-graphql/upstream"
)

type noteRecord struct {
	seq       int64
	id        string
	contactID string
	authorID  string
	body      string
	createdAt upstream.Timestamp
}

var noteOpenings = []string{"Called about", "Asked for a follow-up on", "Prefers email for", "Escalated", "Demo booked:",
	"Renewal risk:", "Shared feedback on", "Waiting on legal for", "Promised a callback about", "Wants a quote for"}

// notes writes teammates' notes about contacts: most contacts have none or a
// few, and one contact in sixteen is a busy account with more notes than a
// contact embeds (ten) and than one page at the simulator's smaller page sizes holds.
func (s *seeder) notes() {
	ws := s.ws
	ws.noteByID = map[string]*noteRecord{}
	ws.notesByContact = map[string][]*noteRecord{}
	if len(ws.admins) == 0 {
		return
	}
	for i, c := range ws.contacts {
		n := 0
		switch {
		case i%16 == 3:
			n = 11 + s.rng.IntN(40)
		case s.chance(0.35):
			n = 1 + s.rng.IntN(4)
		}
		at := c.contact.CreatedAt
		var mine []*noteRecord
		for range n {
			at = s.after(at, 86400*5)
			rec := &noteRecord{
				seq: ws.nextSeq(), contactID: c.contact.ID, authorID: ws.admins[s.rng.IntN(len(ws.admins))].ID, createdAt: at,
				body: fmt.Sprintf("<p>%s %s</p>", s.pick(noteOpenings), s.words(4+s.rng.IntN(8))),
			}
			rec.id = strconv.Itoa(int(rec.seq))
			ws.notes = append(ws.notes, rec)
			ws.noteByID[rec.id] = rec
			mine = append(mine, rec)
		}
		slices.Reverse(mine)
		if len(mine) > 0 {
			ws.notesByContact[c.contact.ID] = mine
		}
	}
}

// renderNote shows a note with its author embedded whole, as Intercom does.
func (ws *Workspace) renderNote(rec *noteRecord) *upstream.Note {
	n := &upstream.Note{Type: "note", ID: rec.id, CreatedAt: rec.createdAt, Body: rec.body,
		Contact: &upstream.NoteContact{Type: "contact", ID: rec.contactID}}
	if a, ok := ws.adminByID[rec.authorID]; ok {
		author := *a
		n.Author = &author
	}
	return n
}

func (ws *Workspace) contactNoteIDs(contactID string) []string {
	notes := ws.notesByContact[contactID]
	ids := make([]string, len(notes))
	for i, n := range notes {
		ids[i] = n.id
	}
	return ids
}

// NoteIDs lists the ids of a contact's notes, newest first.
func (ws *Workspace) NoteIDs(contactID string) []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	return ws.contactNoteIDs(contactID)
}
