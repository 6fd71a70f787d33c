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
	var out Visitor
	err := s.client.do(ctx, call{operation: "retrieveVisitorWithUserId", method: http.MethodGet, template: "/visitors", path: "/visitors",
		query: url.Values{"user_id": {userID}}, idempotent: true}, &out)
	return &out, err
}
