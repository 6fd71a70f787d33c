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
	var out SegmentList
	err := s.client.do(ctx, call{operation: "listSegments", method: http.MethodGet, template: "/segments", path: "/segments",
		query: q, idempotent: true}, &out)
	return &out, err
}

// Get retrieves one segment (retrieveSegment).
func (s *SegmentsService) Get(ctx context.Context, id string) (*Segment, error) {
	var out Segment
	err := s.client.do(ctx, call{operation: "retrieveSegment", method: http.MethodGet, template: "/segments/{id}", path: pathf("/segments/%s", id), idempotent: true}, &out)
	return &out, err
}

// ForContact returns the segments a contact is in (listSegmentsForAContact).
func (s *SegmentsService) ForContact(ctx context.Context, contactID string) (*ContactSegmentList, error) {
	var out ContactSegmentList
	err := s.client.do(ctx, call{operation: "listSegmentsForAContact", method: http.MethodGet, template: "/contacts/{contact_id}/segments",
		path: pathf("/contacts/%s/segments", contactID), idempotent: true}, &out)
	return &out, err
}
