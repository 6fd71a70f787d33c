package upstream

import (
	"context"
	"net/http"
	"net/url"
)

// SegmentsService reads the workspace's segments.
type SegmentsService service

// List returns every segment of the workspace (listSegments); with
// includeCount Intercom also counts the contacts in each.
func (s *SegmentsService) List(ctx context.Context, includeCount bool) (*SegmentList, error) {
	var q url.Values
	if includeCount {
		q = url.Values{"include_count": {"true"}}
	}
	return fetch[SegmentList](ctx, s.client, call{operation: "listSegments", method: http.MethodGet, template: "/segments",
		query: q, idempotent: true})
}

// Get retrieves one segment (retrieveSegment).
func (s *SegmentsService) Get(ctx context.Context, id string) (*Segment, error) {
	return fetch[Segment](ctx, s.client, call{operation: "retrieveSegment", method: http.MethodGet, template: "/segments/{id}",
		ids: []string{id}, idempotent: true})
}

// ForContact returns the segments a contact is in (listSegmentsForAContact).
func (s *SegmentsService) ForContact(ctx context.Context, contactID string) (*ContactSegmentList, error) {
	return fetch[ContactSegmentList](ctx, s.client, call{operation: "listSegmentsForAContact", method: http.MethodGet, template: "/contacts/{contact_id}/segments",
		ids: []string{contactID}, idempotent: true})
}
