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

// Create makes a ticket of a ticket type for a contact (createTicket).
// Never retried: a retry after a lost answer would make a second ticket. A
// contact named by a new email is created as a lead, so cached contacts go too.
func (s *TicketsService) Create(ctx context.Context, req CreateTicketRequest) (*Ticket, error) {
	var out Ticket
	err := s.client.do(ctx, call{operation: "createTicket", method: http.MethodPost, template: "/tickets", path: "/tickets",
		body: req, write: true, invalidates: []string{"contacts"}}, &out)
	return &out, err
}

// Update changes a ticket's attributes, state, assignment, openness,
// sharing or snooze (updateTicket); retried, as it sets what it is given.
func (s *TicketsService) Update(ctx context.Context, id string, req UpdateTicketRequest) (*Ticket, error) {
	var out Ticket
	err := s.client.do(ctx, call{operation: "updateTicket", method: http.MethodPut, template: "/tickets/{id}", path: pathf("/tickets/%s", id),
		body: req, idempotent: true, write: true}, &out)
	return &out, err
}

// Reply adds an admin's comment, note or quick reply, or a contact's
// comment, to a ticket and returns the part (replyTicket). Never retried:
// a retry after a lost answer would post the reply twice. A note cross-posted
// from a back-office ticket lands in its linked conversations too.
func (s *TicketsService) Reply(ctx context.Context, id string, req ReplyTicketRequest) (*TicketReply, error) {
	var out TicketReply
	err := s.client.do(ctx, call{operation: "replyTicket", method: http.MethodPost, template: "/tickets/{id}/reply", path: pathf("/tickets/%s/reply", id),
		body: req, write: true, invalidates: []string{"conversations"}}, &out)
	return &out, err
}

// AttachTag tags a ticket on behalf of an admin and returns the tag with
// when and by whom it was applied (attachTagToTicket); retried, as tagging
// a tagged ticket changes nothing.
func (s *TicketsService) AttachTag(ctx context.Context, ticketID string, req AdminTagRequest) (*Tag, error) {
	var out Tag
	err := s.client.do(ctx, call{operation: "attachTagToTicket", method: http.MethodPost, template: "/tickets/{ticket_id}/tags",
		path: pathf("/tickets/%s/tags", ticketID), body: req, idempotent: true, write: true}, &out)
	return &out, err
}

// DetachTag takes a tag off a ticket (detachTagFromTicket); retried.
func (s *TicketsService) DetachTag(ctx context.Context, ticketID, tagID, adminID string) (*Tag, error) {
	var out Tag
	err := s.client.do(ctx, call{operation: "detachTagFromTicket", method: http.MethodDelete, template: "/tickets/{ticket_id}/tags/{id}",
		path: pathf("/tickets/%s/tags/%s", ticketID, tagID), body: AdminActionRequest{AdminID: adminID}, idempotent: true, write: true}, &out)
	return &out, err
}

// ticketTypeWriteInvalidates: tickets embed their type with its attributes.
var ticketTypeWriteInvalidates = []string{"tickets"}

// Create adds a ticket type, with the default title and description
// attributes (createTicketType). Never retried: a retry after a lost answer
// would meet its own name as taken, or add a second type.
func (s *TicketTypesService) Create(ctx context.Context, req CreateTicketTypeRequest) (*TicketType, error) {
	var out TicketType
	err := s.client.do(ctx, call{operation: "createTicketType", method: http.MethodPost, template: "/ticket_types", path: "/ticket_types",
		body: req, write: true}, &out)
	return &out, err
}

// Update changes a ticket type (updateTicketType); retried, as it sets what it is given.
func (s *TicketTypesService) Update(ctx context.Context, id string, req UpdateTicketTypeRequest) (*TicketType, error) {
	var out TicketType
	err := s.client.do(ctx, call{operation: "updateTicketType", method: http.MethodPut, template: "/ticket_types/{id}", path: pathf("/ticket_types/%s", id),
		body: req, idempotent: true, write: true, invalidates: ticketTypeWriteInvalidates}, &out)
	return &out, err
}

// CreateAttribute adds an attribute to a ticket type
// (createTicketTypeAttribute). Never retried: a retry after a lost answer
// would meet its own name as taken within the type.
func (s *TicketTypesService) CreateAttribute(ctx context.Context, ticketTypeID string, req TicketTypeAttributeRequest) (*TicketTypeAttribute, error) {
	var out TicketTypeAttribute
	err := s.client.do(ctx, call{operation: "createTicketTypeAttribute", method: http.MethodPost, template: "/ticket_types/{ticket_type_id}/attributes",
		path: pathf("/ticket_types/%s/attributes", ticketTypeID), body: req, write: true, invalidates: ticketTypeWriteInvalidates}, &out)
	return &out, err
}

// UpdateAttribute changes a ticket type's attribute
// (updateTicketTypeAttribute); retried, as it sets what it is given.
func (s *TicketTypesService) UpdateAttribute(ctx context.Context, ticketTypeID, id string, req TicketTypeAttributeRequest) (*TicketTypeAttribute, error) {
	var out TicketTypeAttribute
	err := s.client.do(ctx, call{operation: "updateTicketTypeAttribute", method: http.MethodPut, template: "/ticket_types/{ticket_type_id}/attributes/{id}",
		path: pathf("/ticket_types/%s/attributes/%s", ticketTypeID, id), body: req, idempotent: true, write: true, invalidates: ticketTypeWriteInvalidates}, &out)
	return &out, err
}
