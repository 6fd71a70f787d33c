package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// The loaders batch the loads that arrive within a few milliseconds of each
// other. The items of a page resolve concurrently, and on a loaded machine
// the last of them can arrive after the batch has left, costing a second
// call and a second round trip. A connection that knows its nodes will ask
// for related objects asks for all of them at once, as soon as the page
// arrives: one batch, whatever the scheduling.

// nodeSelections are what the current connection field selects of its
// nodes, through `nodes` and through `edges { node }`.
func nodeSelections(ctx context.Context) []ast.SelectionSet {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return nil
	}
	op := graphql.GetOperationContext(ctx)
	var sets []ast.SelectionSet
	for _, f := range graphql.CollectFields(op, fc.Field.Selections, nil) {
		switch f.Name {
		case "nodes":
			sets = append(sets, f.Selections)
		case "edges":
			for _, e := range graphql.CollectFields(op, f.Selections, nil) {
				if e.Name == "node" {
					sets = append(sets, e.Selections)
				}
			}
		}
	}
	return sets
}

// nodesSelect reports whether the current connection field's nodes select
// the field named name.
func nodesSelect(ctx context.Context, name string) bool {
	op := graphql.GetOperationContext(ctx)
	for _, set := range nodeSelections(ctx) {
		for _, f := range graphql.CollectFields(op, set, nil) {
			if f.Name == name {
				return true
			}
		}
	}
	return false
}

// prefetchContacts starts loading the contacts a page of conversations or
// tickets names when the query asks for them.
func prefetchContacts[T any](ctx context.Context, nodes []T, contactsOf func(T) []upstream.ContactReference) {
	if !nodesSelect(ctx, "contacts") {
		return
	}
	var ids []string
	for _, n := range nodes {
		ids = append(ids, contactRefIDs(contactsOf(n))...)
	}
	loaders.For(ctx).PrefetchContacts(ctx, ids)
}

func conversationContactRefs(c *upstream.Conversation) []upstream.ContactReference {
	return c.Contacts.Contacts
}

func ticketContactRefs(t *upstream.Ticket) []upstream.ContactReference { return t.Contacts.Contacts }
