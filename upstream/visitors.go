package upstream

import (
	"context"
	"net/http"
	"net/url"
)

// VisitorsService reads anonymous website visitors.
type VisitorsService service

// GetByUserID retrieves the visitor with the user_id Intercom generated for
// it (retrieveVisitorWithUserId); Intercom has no way to list visitors.
func (s *VisitorsService) GetByUserID(ctx context.Context, userID string) (*Visitor, error) {
	return fetch[Visitor](ctx, s.client, call{operation: "retrieveVisitorWithUserId", method: http.MethodGet, template: "/visitors",
		query: url.Values{"user_id": {userID}}, idempotent: true})
}

// Update changes a visitor's name or custom attributes (updateVisitor); retried.
func (s *VisitorsService) Update(ctx context.Context, req VisitorUpdate) (*Visitor, error) {
	return fetch[Visitor](ctx, s.client, call{operation: "updateVisitor", method: http.MethodPut, template: "/visitors",
		body: req, idempotent: true, write: true})
}

// Convert turns a visitor into a contact, or merges it into an existing one,
// and returns the contact (convertVisitor). Never retried: the visitor is
// gone once converted.
func (s *VisitorsService) Convert(ctx context.Context, req ConvertVisitorRequest) (*Contact, error) {
	return fetch[Contact](ctx, s.client, call{operation: "convertVisitor", method: http.MethodPost, template: "/visitors/convert",
		body: req, write: true, invalidates: []string{"contacts", "companies"}})
}
