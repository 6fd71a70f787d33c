package graph

import (
	"context"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

func noteConnection(p *relay.Page[*upstream.Note]) *model.NoteConnection {
	return &model.NoteConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.Note) *model.NoteEdge { return &model.NoteEdge{Cursor: c, Node: n} }),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

// contactNotes pages a contact's notes by number. A contact that embeds no
// note reference has no notes, so its (empty) list costs no call.
func (r *Resolver) contactNotes(ctx context.Context, contact *upstream.Contact, args relay.Args) (*model.NoteConnection, error) {
	l := loaders.For(ctx)
	none := contact.Notes != nil && contact.Notes.TotalCount == 0
	page, err := relay.NumberedList(r.cursors(ctx), connKey("Contact.notes", contact.ID), args, upstream.MaxNotesPerPage,
		func(page, perPage int) (relay.NumberedBatch[*upstream.Note], error) {
			if none {
				return relay.NumberedBatch[*upstream.Note]{}, nil
			}
			list, err := r.client(ctx).Notes.List(ctx, contact.ID, upstream.NoteListOptions{Page: page, PerPage: perPage})
			if err != nil {
				return relay.NumberedBatch[*upstream.Note]{}, err
			}
			for _, n := range list.Data {
				l.PrimeNote(ctx, n)
			}
			return relay.NumberedBatch[*upstream.Note]{Items: list.Data, Total: list.TotalCount}, nil
		})
	if err != nil {
		return nil, pageError(err)
	}
	return noteConnection(page), nil
}

// noteAuthor is the workspace's current record of the note's author; a
// teammate who has left is shown as the note recorded them.
func noteAuthor(ctx context.Context, n *upstream.Note) (*upstream.Admin, error) {
	if n.Author == nil || n.Author.ID == "" {
		return nil, nil
	}
	a, err := loaders.For(ctx).Admin(ctx, n.Author.ID)
	if errcode.IsNotFound(err) {
		return n.Author, nil
	}
	return a, err
}
