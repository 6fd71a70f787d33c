package loaders

import (
	"context"

	"github.com/graph-gophers/dataloader/v7"
	"golang.org/x/sync/errgroup"

	"intercom-graphql/upstream"
)

// byIDSearch fetches a batch of objects with one search (`id IN [...]`, as
// many as a search page holds), then fetches one by one the ids the search did
// not return: Intercom's search index lags behind new objects, so an object
// missing from the search may still exist.
func byIDSearch[V any](ctx context.Context, ids []string, kind string,
	search func(context.Context, upstream.SearchRequest) ([]V, error), idOf func(V) string,
	get func(context.Context, string) (V, error),
) []*dataloader.Result[V] {
	results := make([]*dataloader.Result[V], len(ids))
	found := map[string]V{}
	if len(ids) > 1 {
		values := make([]any, len(ids))
		for i, id := range ids {
			values[i] = id
		}
		items, err := search(ctx, upstream.SearchRequest{
			Query:      upstream.SearchQuery{Field: "id", Operator: "IN", Value: values},
			Pagination: &upstream.StartingAfter{PerPage: len(ids)},
		})
		if err != nil {
			for i := range results {
				results[i] = &dataloader.Result[V]{Error: err}
			}
			return results
		}
		for _, it := range items {
			found[idOf(it)] = it
		}
	}
	var g errgroup.Group
	g.SetLimit(fanOutLimit)
	for i, id := range ids {
		if v, ok := found[id]; ok {
			results[i] = &dataloader.Result[V]{Data: v}
			continue
		}
		g.Go(func() error {
			v, err := get(ctx, id)
			// Name the missing object by its kind and id: Intercom's 404
			// text ("User Not Found") names no id.
			if upstream.IsNotFound(err) {
				err = &upstream.NotFoundError{Kind: kind, ID: id}
			}
			results[i] = &dataloader.Result[V]{Data: v, Error: err}
			return nil
		})
	}
	_ = g.Wait()
	return results
}

func (l *Loaders) contactsByID(ctx context.Context, ids []string) []*dataloader.Result[*upstream.Contact] {
	return byIDSearch(ctx, ids, "Contact",
		func(ctx context.Context, req upstream.SearchRequest) ([]*upstream.Contact, error) {
			list, err := l.client.Contacts.Search(ctx, req)
			if err != nil {
				return nil, err
			}
			return list.Data, nil
		},
		func(c *upstream.Contact) string { return c.ID }, l.client.Contacts.Get)
}

func (l *Loaders) conversationsByID(ctx context.Context, ids []string) []*dataloader.Result[*upstream.Conversation] {
	return byIDSearch(ctx, ids, "Conversation",
		func(ctx context.Context, req upstream.SearchRequest) ([]*upstream.Conversation, error) {
			list, err := l.client.Conversations.Search(ctx, req)
			if err != nil {
				return nil, err
			}
			return list.Conversations, nil
		},
		func(c *upstream.Conversation) string { return c.ID }, l.client.Conversations.Get)
}

func (l *Loaders) ticketsByID(ctx context.Context, ids []string) []*dataloader.Result[*upstream.Ticket] {
	return byIDSearch(ctx, ids, "Ticket",
		func(ctx context.Context, req upstream.SearchRequest) ([]*upstream.Ticket, error) {
			list, err := l.client.Tickets.Search(ctx, req)
			if err != nil {
				return nil, err
			}
			return list.Tickets, nil
		},
		func(t *upstream.Ticket) string { return t.ID }, l.client.Tickets.Get)
}
