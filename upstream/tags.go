package upstream

import (
	"context"
	"net/http"
)

// TagsService reads the workspace's tags.
type TagsService service

// List returns every tag of the workspace; Intercom does not paginate it (listTags).
func (s *TagsService) List(ctx context.Context) (*TagDataList, error) {
	var out TagDataList
	err := s.client.do(ctx, call{operation: "listTags", method: http.MethodGet, template: "/tags", path: "/tags", idempotent: true}, &out)
	return &out, err
}

// Get retrieves one tag (findTag).
func (s *TagsService) Get(ctx context.Context, id string) (*Tag, error) {
	var out Tag
	err := s.client.do(ctx, call{operation: "findTag", method: http.MethodGet, template: "/tags/{id}", path: pathf("/tags/%s", id), idempotent: true}, &out)
	return &out, err
}

// ForContact returns every tag on a contact (listTagsForAContact).
func (s *TagsService) ForContact(ctx context.Context, contactID string) (*TagDataList, error) {
	var out TagDataList
	err := s.client.do(ctx, call{operation: "listTagsForAContact", method: http.MethodGet, template: "/contacts/{contact_id}/tags",
		path: pathf("/contacts/%s/tags", contactID), idempotent: true}, &out)
	return &out, err
}
