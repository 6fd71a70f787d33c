package upstream

import (
	"context"
	"net/http"
)

// ContactsService reads and searches the workspace's users and leads.
type ContactsService service

// List returns one page of all contacts in Intercom's order (ListContacts).
func (s *ContactsService) List(ctx context.Context, opts CursorOptions) (*ContactList, error) {
	var out ContactList
	err := s.client.do(ctx, call{operation: "ListContacts", method: http.MethodGet, template: "/contacts", path: "/contacts",
		query: opts.values(), idempotent: true}, &out)
	return &out, err
}

// Get retrieves one contact by its Intercom id (ShowContact).
func (s *ContactsService) Get(ctx context.Context, id string) (*Contact, error) {
	var out Contact
	err := s.client.do(ctx, call{operation: "ShowContact", method: http.MethodGet, template: "/contacts/{id}", path: pathf("/contacts/%s", id), idempotent: true}, &out)
	return &out, err
}

// Search returns one page of the contacts matching a query (SearchContacts).
// A search changes nothing, so it is retried like a read.
func (s *ContactsService) Search(ctx context.Context, req SearchRequest) (*ContactList, error) {
	var out ContactList
	err := s.client.do(ctx, call{operation: "SearchContacts", method: http.MethodPost, template: "/contacts/search", path: "/contacts/search",
		body: req, idempotent: true}, &out)
	return &out, err
}
