package loaders

import (
	"context"

	"github.com/graph-gophers/dataloader/v7"

	"intercom-graphql/upstream"
)

// ticketLoaders read tickets by id with one search per 150 (tickets found
// that way carry their parts, as search answers do) and the workspace's
// ticket types: the list once per operation, a type asked for alone with its own call.
type ticketLoaders struct {
	tickets        *dataloader.Loader[string, *upstream.Ticket]
	ticketTypes    once[[]*upstream.TicketType]
	ticketTypeByID *dataloader.Loader[string, *upstream.TicketType]
}

func newTicketLoaders(l *Loaders) ticketLoaders {
	typeByID := byIDOrList(&l.ticketTypes, l.TicketTypes, l.client.TicketTypes.Get, "TicketType", func(tt *upstream.TicketType) string { return tt.ID })
	return ticketLoaders{
		tickets:        dataloader.NewBatchedLoader(l.ticketsByID, searchLoaderOptions[*upstream.Ticket](l)...),
		ticketTypeByID: dataloader.NewBatchedLoader(typeByID, loaderOptions[*upstream.TicketType](l)...),
	}
}

// Ticket loads one ticket with its parts; the tickets a query reaches in one
// tick are fetched together.
func (l *Loaders) Ticket(ctx context.Context, id string) (*upstream.Ticket, error) {
	return cachedFirst(ctx, l.tickets, id, l.client.Tickets.Get)()
}

// TicketThunk starts loading a ticket and returns a function that waits for it.
func (l *Loaders) TicketThunk(ctx context.Context, id string) func() (*upstream.Ticket, error) {
	return cachedFirst(ctx, l.tickets, id, l.client.Tickets.Get)
}

// TicketTypes is every ticket type of the workspace, read with one call per operation.
func (l *Loaders) TicketTypes(ctx context.Context) ([]*upstream.TicketType, error) {
	return l.ticketTypes.get(ctx, func(ctx context.Context) ([]*upstream.TicketType, error) {
		list, err := l.client.TicketTypes.List(ctx)
		if err != nil {
			return nil, err
		}
		return list.Data, nil
	})
}

// TicketType loads one ticket type by id.
func (l *Loaders) TicketType(ctx context.Context, id string) (*upstream.TicketType, error) {
	return l.ticketTypeByID.Load(ctx, id)()
}

// TicketTypeThunk starts loading a ticket type and returns a function that waits for it.
func (l *Loaders) TicketTypeThunk(ctx context.Context, id string) func() (*upstream.TicketType, error) {
	return l.ticketTypeByID.Load(ctx, id)
}

// TicketTypeAttribute finds one attribute among the workspace's ticket types.
func (l *Loaders) TicketTypeAttribute(ctx context.Context, id string) (*upstream.TicketTypeAttribute, error) {
	types, err := l.TicketTypes(ctx)
	if err != nil {
		return nil, err
	}
	for _, tt := range types {
		for _, a := range tt.TicketTypeAttributes.Data {
			if a.ID == id {
				return a, nil
			}
		}
	}
	return nil, &upstream.NotFoundError{Kind: "TicketTypeAttribute", ID: id}
}
