package upstream

import (
	"context"
	"errors"
	"net/http"
)

// ContactsService reads and searches the workspace's users and leads.
type ContactsService service

// List returns one page of all contacts in Intercom's order (ListContacts).
func (s *ContactsService) List(ctx context.Context, opts CursorOptions) (*ContactList, error) {
	return fetch[ContactList](ctx, s.client, call{operation: "ListContacts", method: http.MethodGet, template: "/contacts",
		query: opts.values(), idempotent: true})
}

// Get retrieves one contact by its Intercom id (ShowContact).
func (s *ContactsService) Get(ctx context.Context, id string) (*Contact, error) {
	return fetch[Contact](ctx, s.client, call{operation: "ShowContact", method: http.MethodGet, template: "/contacts/{id}",
		ids: []string{id}, idempotent: true})
}

// Search returns one page of the contacts matching a query (SearchContacts).
// A search changes nothing, so it is retried like a read.
func (s *ContactsService) Search(ctx context.Context, req SearchRequest) (*ContactList, error) {
	return fetch[ContactList](ctx, s.client, call{operation: "SearchContacts", method: http.MethodPost, template: "/contacts/search",
		body: req, idempotent: true})
}

// contactWriteInvalidates are the kinds whose answers embed what a change to
// a contact changes: companies list their contacts, conversations carry
// their contacts' external ids, notes and events name their contact.
var contactWriteInvalidates = []string{"companies", "conversations", "notes", "events"}

// Create adds a user or lead (CreateContact). Never retried: a retry after a
// lost answer could create a second lead, or meet the first as a conflict.
func (s *ContactsService) Create(ctx context.Context, req ContactRequest) (*Contact, error) {
	return fetch[Contact](ctx, s.client, call{operation: "CreateContact", method: http.MethodPost, template: "/contacts", body: req, write: true})
}

// Update changes a contact (UpdateContact); retried, as it sets what it is given.
func (s *ContactsService) Update(ctx context.Context, id string, req ContactRequest) (*Contact, error) {
	return fetch[Contact](ctx, s.client, call{operation: "UpdateContact", method: http.MethodPut, template: "/contacts/{id}", ids: []string{id},
		body: req, idempotent: true, write: true, invalidates: contactWriteInvalidates})
}

// Delete removes a contact for good (DeleteContact).
func (s *ContactsService) Delete(ctx context.Context, id string) (*ContactDeleted, error) {
	out, err := fetch[ContactDeleted](ctx, s.client, call{operation: "DeleteContact", method: http.MethodDelete, template: "/contacts/{id}",
		ids: []string{id}, idempotent: true, write: true, doneIfGone: true, invalidates: contactWriteInvalidates})
	if errors.Is(err, errRemovedEarlier) {
		return &ContactDeleted{Type: "contact", ID: id, Deleted: true}, nil
	}
	return out, err
}

// Archive hides a contact from lists and searches (ArchiveContact); retried,
// as archiving an archived contact changes nothing.
func (s *ContactsService) Archive(ctx context.Context, id string) (*ContactArchived, error) {
	return fetch[ContactArchived](ctx, s.client, call{operation: "ArchiveContact", method: http.MethodPost, template: "/contacts/{id}/archive",
		ids: []string{id}, idempotent: true, write: true, invalidates: []string{"companies"}})
}

// Unarchive brings an archived contact back (UnarchiveContact); retried.
func (s *ContactsService) Unarchive(ctx context.Context, id string) (*ContactArchived, error) {
	return fetch[ContactArchived](ctx, s.client, call{operation: "UnarchiveContact", method: http.MethodPost, template: "/contacts/{id}/unarchive",
		ids: []string{id}, idempotent: true, write: true, invalidates: []string{"companies"}})
}

// Merge merges a lead into a user and returns the user (MergeContact): the
// lead's conversations, tags, companies, notes and events move to the user
// and the lead is gone. Never retried: once done, it cannot be done again.
func (s *ContactsService) Merge(ctx context.Context, leadID, userID string) (*Contact, error) {
	return fetch[Contact](ctx, s.client, call{operation: "MergeContact", method: http.MethodPost, template: "/contacts/merge",
		body: MergeContactsRequest{From: leadID, Into: userID}, write: true, invalidates: contactWriteInvalidates})
}
