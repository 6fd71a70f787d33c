package upstream

import (
	"context"
	"net/http"
)

// TicketsService reads and searches tickets.
type TicketsService service

// Get retrieves one ticket with its parts (getTicket).
func (s *TicketsService) Get(ctx context.Context, id string) (*Ticket, error) {
	return fetch[Ticket](ctx, s.client, call{operation: "getTicket", method: http.MethodGet, template: "/tickets/{id}",
		ids: []string{id}, idempotent: true})
}

// Search returns one page of the tickets matching a query (searchTickets).
// Intercom has no plain list of tickets: a search is the only way to list them.
func (s *TicketsService) Search(ctx context.Context, req SearchRequest) (*TicketList, error) {
	return fetch[TicketList](ctx, s.client, call{operation: "searchTickets", method: http.MethodPost, template: "/tickets/search",
		body: req, idempotent: true})
}

// TicketTypesService reads the workspace's ticket types.
type TicketTypesService service

// List returns every ticket type of the workspace with its attributes (listTicketTypes).
func (s *TicketTypesService) List(ctx context.Context) (*TicketTypeList, error) {
	return fetch[TicketTypeList](ctx, s.client, call{operation: "listTicketTypes", method: http.MethodGet, template: "/ticket_types",
		idempotent: true})
}

// Get retrieves one ticket type with its attributes (getTicketType).
func (s *TicketTypesService) Get(ctx context.Context, id string) (*TicketType, error) {
	return fetch[TicketType](ctx, s.client, call{operation: "getTicketType", method: http.MethodGet, template: "/ticket_types/{id}",
		ids: []string{id}, idempotent: true})
}

// Create makes a ticket of a ticket type for a contact (createTicket).
// Never retried: a retry after a lost answer would make a second ticket. A
// contact named by a new email is created as a lead, so cached contacts go too.
func (s *TicketsService) Create(ctx context.Context, req CreateTicketRequest) (*Ticket, error) {
	return fetch[Ticket](ctx, s.client, call{operation: "createTicket", method: http.MethodPost, template: "/tickets",
		body: req, write: true, invalidates: []string{"contacts"}})
}

// Update changes a ticket's attributes, state, assignment, openness,
// sharing or snooze (updateTicket); retried, as it sets what it is given.
func (s *TicketsService) Update(ctx context.Context, id string, req UpdateTicketRequest) (*Ticket, error) {
	return fetch[Ticket](ctx, s.client, call{operation: "updateTicket", method: http.MethodPut, template: "/tickets/{id}", ids: []string{id},
		body: req, idempotent: true, write: true})
}

// Reply adds an admin's comment, note or quick reply, or a contact's
// comment, to a ticket and returns the part (replyTicket). Never retried:
// a retry after a lost answer would post the reply twice. A note cross-posted
// from a back-office ticket lands in its linked conversations too.
func (s *TicketsService) Reply(ctx context.Context, id string, req ReplyTicketRequest) (*TicketReply, error) {
	return fetch[TicketReply](ctx, s.client, call{operation: "replyTicket", method: http.MethodPost, template: "/tickets/{id}/reply",
		ids: []string{id}, body: req, write: true, invalidates: []string{"conversations"}})
}

// AttachTag tags a ticket on behalf of an admin and returns the tag with
// when and by whom it was applied (attachTagToTicket); retried, as tagging
// a tagged ticket changes nothing.
func (s *TicketsService) AttachTag(ctx context.Context, ticketID string, req AdminTagRequest) (*Tag, error) {
	return fetch[Tag](ctx, s.client, call{operation: "attachTagToTicket", method: http.MethodPost, template: "/tickets/{ticket_id}/tags",
		ids: []string{ticketID}, body: req, idempotent: true, write: true})
}

// DetachTag takes a tag off a ticket (detachTagFromTicket); retried.
func (s *TicketsService) DetachTag(ctx context.Context, ticketID, tagID, adminID string) (*Tag, error) {
	return fetch[Tag](ctx, s.client, call{operation: "detachTagFromTicket", method: http.MethodDelete, template: "/tickets/{ticket_id}/tags/{id}",
		ids: []string{ticketID, tagID}, body: AdminActionRequest{AdminID: adminID}, idempotent: true, write: true})
}

// ticketTypeWriteInvalidates: tickets embed their type with its attributes.
var ticketTypeWriteInvalidates = []string{"tickets"}

// Create adds a ticket type, with the default title and description
// attributes (createTicketType). Never retried: a retry after a lost answer
// would meet its own name as taken, or add a second type.
func (s *TicketTypesService) Create(ctx context.Context, req CreateTicketTypeRequest) (*TicketType, error) {
	return fetch[TicketType](ctx, s.client, call{operation: "createTicketType", method: http.MethodPost, template: "/ticket_types",
		body: req, write: true})
}

// Update changes a ticket type (updateTicketType); retried, as it sets what it is given.
func (s *TicketTypesService) Update(ctx context.Context, id string, req UpdateTicketTypeRequest) (*TicketType, error) {
	return fetch[TicketType](ctx, s.client, call{operation: "updateTicketType", method: http.MethodPut, template: "/ticket_types/{id}",
		ids: []string{id}, body: req, idempotent: true, write: true, invalidates: ticketTypeWriteInvalidates})
}

// CreateAttribute adds an attribute to a ticket type
// (createTicketTypeAttribute). Never retried: a retry after a lost answer
// would meet its own name as taken within the type.
func (s *TicketTypesService) CreateAttribute(ctx context.Context, ticketTypeID string, req TicketTypeAttributeRequest) (*TicketTypeAttribute, error) {
	return fetch[TicketTypeAttribute](ctx, s.client, call{operation: "createTicketTypeAttribute", method: http.MethodPost, template: "/ticket_types/{ticket_type_id}/attributes",
		ids: []string{ticketTypeID}, body: req, write: true, invalidates: ticketTypeWriteInvalidates})
}

// UpdateAttribute changes a ticket type's attribute
// (updateTicketTypeAttribute); retried, as it sets what it is given.
func (s *TicketTypesService) UpdateAttribute(ctx context.Context, ticketTypeID, id string, req TicketTypeAttributeRequest) (*TicketTypeAttribute, error) {
	return fetch[TicketTypeAttribute](ctx, s.client, call{operation: "updateTicketTypeAttribute", method: http.MethodPut, template: "/ticket_types/{ticket_type_id}/attributes/{id}",
		ids: []string{ticketTypeID, id}, body: req, idempotent: true, write: true, invalidates: ticketTypeWriteInvalidates})
}
