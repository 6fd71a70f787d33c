package loaders

import (
	"context"

	"intercom-graphql/upstream"
)

// Note loads one note; the notes a query reaches in one tick are fetched together.
func (l *Loaders) Note(ctx context.Context, id string) (*upstream.Note, error) {
	return cachedFirst(ctx, l.notes, id, l.client.Notes.Get)()
}

// NoteThunk starts loading a note and returns a function that waits for it.
func (l *Loaders) NoteThunk(ctx context.Context, id string) func() (*upstream.Note, error) {
	return cachedFirst(ctx, l.notes, id, l.client.Notes.Get)
}

// PrimeNote hands the loader a note that arrived in a list.
func (l *Loaders) PrimeNote(ctx context.Context, n *upstream.Note) {
	l.notes.Prime(ctx, n.ID, n)
}
