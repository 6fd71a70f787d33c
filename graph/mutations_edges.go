package graph

import (
	"context"
	"fmt"
	"slices"

	"intercom-graphql/graph/filter"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream"
)

// A create mutation answers the object it created also as an edge of the
// connection the object lives in, so that a Relay client can insert it there
// with @appendEdge or @prependEdge. The edge's cursor is the one that
// connection gives the object, as far as the object's place is known:
//
//   - Lists that show the newest first (contacts, conversations and tickets
//     without filter or order; articles and collections, by update; news
//     items; a contact's notes) hold a new object at their head. Its cursor is
//     the one the connection gives its first edge, made without an upstream
//     call; `after` it pages on with what was there before the write.
//   - Whole lists (tags, ticket types, data attributes, a ticket type's
//     attributes, the parts of a conversation or a ticket) are read, from the
//     write's answer or once more, to find the object's index.
//
// The connections are named here as their resolvers name them for their
// cursors; the tests check that each edge's cursor is one its connection
// gives and takes.

// cursorListHead is the cursor relay.CursorList gives the first edge of a
// list read with Intercom's starting_after: it resumes by reading the list
// from its start again, past one item.
func (r *Resolver) cursorListHead(ctx context.Context, conn string) string {
	return r.cursors(ctx).Encode(relay.Position{Conn: conn, Skip: 1})
}

// offsetCursor is the cursor relay.NumberedList and relay.Slice give the
// item at index i of their list.
func (r *Resolver) offsetCursor(ctx context.Context, conn string, i int) string {
	return r.cursors(ctx).Encode(relay.Position{Conn: conn, Offset: i})
}

// headEdge is the edge of a new object at the head of a newest-first list;
// none when the write was refused.
func headEdge[N, E any](cursor string, node *N, build func(cursor string, node *N) *E) *E {
	if node == nil {
		return nil
	}
	return build(cursor, node)
}

// listEdge reads the whole list a connection pages through, when something
// was written (node is not nil), and answers the edge of the item that is the
// same as node, at its index there. None when the list does not show it
// (yet), as the object then has no place in the connection.
func listEdge[N, E any](ctx context.Context, r *Resolver, conn string, node *N, load func(context.Context) ([]*N, error),
	same func(a, b *N) bool, build func(cursor string, node *N) *E) (*E, error) {
	if node == nil {
		return nil, nil
	}
	list, err := load(ctx)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(list, func(n *N) bool { return same(n, node) })
	if i < 0 {
		return nil, nil
	}
	return build(r.offsetCursor(ctx, conn, i), list[i]), nil
}

// ticketsHead is the cursor of the first edge of tickets without filter or
// order: a search for every ticket, newest first, as Query.tickets runs it.
func (r *Resolver) ticketsHead(ctx context.Context) (string, error) {
	plan, err := filter.Compile(filter.Everything(), filter.Tickets)
	if err != nil {
		return "", err
	}
	return r.cursorListHead(ctx, connKey("tickets:search", plan.Key()+":created_at:descending")), nil
}

// ticketEdge is the edge of a new ticket at the head of tickets.
func (r *Resolver) ticketEdge(ctx context.Context, ticket *upstream.Ticket) (*model.TicketEdge, error) {
	if ticket == nil {
		return nil, nil
	}
	cursor, err := r.ticketsHead(ctx)
	if err != nil {
		return nil, err
	}
	return &model.TicketEdge{Cursor: cursor, Node: ticket}, nil
}

// dataAttributesConn names dataAttributes(model:) with the attribute's
// model and without archived attributes.
func dataAttributesConn(model string) string {
	return fmt.Sprintf("dataAttributes:%s:%t", model, false)
}

// companyEdge is the edge of a company in companies(filter: {companyId}):
// Intercom lists a company in the plain list only once a contact belongs to
// it, ordered by its last request, so there its place is unknown.
func (r *Resolver) companyEdge(ctx context.Context, company *upstream.Company) (*model.CompanyEdge, error) {
	if company == nil {
		return nil, nil
	}
	q, err := readCompanyListQuery(nil, &model.CompanyFilter{CompanyID: &company.CompanyID})
	if err != nil {
		return nil, err
	}
	return &model.CompanyEdge{Cursor: r.offsetCursor(ctx, q.conn, 0), Node: company}, nil
}
