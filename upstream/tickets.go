package upstream

import (
	"context"
	"net/http"
)

// TicketsService reads and searches tickets.
type TicketsService service

// Get retrieves one ticket with its parts (getTicket).
func (s *TicketsService) Get(ctx context.Context, id string) (*Ticket, error) {
	var out Ticket
	err := s.client.do(ctx, call{operation: "getTicket", method: http.MethodGet, template: "/tickets/{id}", path: pathf("/tickets/%s", id), idempotent: true}, &out)
	return &out, err
}

// Search returns one page of the tickets matching a query (searchTickets).
// Intercom has no plain list of tickets: a search is the only way to list them.
func (s *TicketsService) Search(ctx context.Context, req SearchRequest) (*TicketList, error) {
	var out TicketList
	err := s.client.do(ctx, call{operation: "searchTickets", method: http.MethodPost, template: "/tickets/search", path: "/tickets/search",
		body: req, idempotent: true}, &out)
	return &out, err
}

// TicketTypesService reads the workspace's ticket types.
type TicketTypesService service

// List returns every ticket type of the workspace with its attributes (listTicketTypes).
func (s *TicketTypesService) List(ctx context.Context) (*TicketTypeList, error) {
	var out TicketTypeList
	err := s.client.do(ctx, call{operation: "listTicketTypes", method: http.MethodGet, template: "/ticket_types", path: "/ticket_types", idempotent: true}, &out)
	return &out, err
}

// Get retrieves one ticket type with its attributes (getTicketType).
func (s *TicketTypesService) Get(ctx context.Context, id string) (*TicketType, error) {
	var out TicketType
	err := s.client.do(ctx, call{operation: "getTicketType", method: http.MethodGet, template: "/ticket_types/{id}", path: pathf("/ticket_types/%s", id), idempotent: true}, &out)
	return &out, err
}
