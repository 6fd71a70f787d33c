package upstream

import (
	"context"
	"errors"
	"net/http"
)

// TagsService reads the workspace's tags.
type TagsService service

// List returns every tag of the workspace; Intercom does not paginate it (listTags).
func (s *TagsService) List(ctx context.Context) (*TagDataList, error) {
	return fetch[TagDataList](ctx, s.client, call{operation: "listTags", method: http.MethodGet, template: "/tags", idempotent: true})
}

// Get retrieves one tag (findTag).
func (s *TagsService) Get(ctx context.Context, id string) (*Tag, error) {
	return fetch[Tag](ctx, s.client, call{operation: "findTag", method: http.MethodGet, template: "/tags/{id}", ids: []string{id}, idempotent: true})
}

// ForContact returns every tag on a contact (listTagsForAContact).
func (s *TagsService) ForContact(ctx context.Context, contactID string) (*TagDataList, error) {
	return fetch[TagDataList](ctx, s.client, call{operation: "listTagsForAContact", method: http.MethodGet, template: "/contacts/{contact_id}/tags",
		ids: []string{contactID}, idempotent: true})
}

// tagRenameInvalidates are the kinds whose answers embed tag names.
var tagRenameInvalidates = []string{"contacts", "companies", "conversations", "tickets", "visitors"}

// CreateOrUpdate creates a tag, finds it by name, or renames the tag with
// the request's id (createTag). Repeating it leaves the same tag, so it is
// retried. A rename shows wherever the tag is embedded.
func (s *TagsService) CreateOrUpdate(ctx context.Context, req TagRequest) (*Tag, error) {
	return fetch[Tag](ctx, s.client, call{operation: "createTag", method: http.MethodPost, template: "/tags",
		body: req, idempotent: true, write: true, invalidates: tagRenameInvalidates})
}

// TagCompanies puts the tag with that name on companies, creating the tag if
// needed (createTag, tag_company_request); retried, as tagging a tagged
// company changes nothing.
func (s *TagsService) TagCompanies(ctx context.Context, name string, companies []CompanyTagging) (*Tag, error) {
	return s.tagging(ctx, TagCompaniesRequest{Name: name, Companies: companies}, "companies")
}

// UntagCompanies takes the tag with that name off companies (createTag,
// untag_company_request); retried.
func (s *TagsService) UntagCompanies(ctx context.Context, name string, companies []CompanyTagging) (*Tag, error) {
	untag := make([]CompanyTagging, len(companies))
	for i, c := range companies {
		c.Untag = true
		untag[i] = c
	}
	return s.tagging(ctx, TagCompaniesRequest{Name: name, Companies: untag}, "companies")
}

// TagContacts puts the tag with that name on contacts, creating the tag if
// needed (createTag, tag_multiple_users_request); retried.
func (s *TagsService) TagContacts(ctx context.Context, name string, contactIDs []string) (*Tag, error) {
	users := make([]UserTagging, len(contactIDs))
	for i, id := range contactIDs {
		users[i] = UserTagging{ID: id}
	}
	return s.tagging(ctx, TagUsersRequest{Name: name, Users: users}, "contacts")
}

func (s *TagsService) tagging(ctx context.Context, body any, tagged string) (*Tag, error) {
	return fetch[Tag](ctx, s.client, call{operation: "createTag", method: http.MethodPost, template: "/tags",
		body: body, idempotent: true, write: true, invalidates: []string{tagged}})
}

// Delete removes a tag from the workspace and from everything it was on
// (deleteTag). Intercom answers with no body, and refuses a tag something
// depends on (a segment's rules) with a 400.
func (s *TagsService) Delete(ctx context.Context, id string) error {
	err := s.client.do(ctx, call{operation: "deleteTag", method: http.MethodDelete, template: "/tags/{id}", ids: []string{id},
		idempotent: true, write: true, doneIfGone: true, invalidates: tagRenameInvalidates}, nil)
	if errors.Is(err, errRemovedEarlier) {
		return nil
	}
	return err
}

// tagRef is the body of POST /contacts/{contact_id}/tags.
type tagRef struct {
	ID string `json:"id"`
}

// AttachToContact puts a tag on a contact and returns the tag with when and
// by whom it was applied (attachTagToContact); retried, as tagging a tagged
// contact changes nothing.
func (s *TagsService) AttachToContact(ctx context.Context, contactID, tagID string) (*Tag, error) {
	return fetch[Tag](ctx, s.client, call{operation: "attachTagToContact", method: http.MethodPost, template: "/contacts/{contact_id}/tags",
		ids: []string{contactID}, body: tagRef{ID: tagID}, idempotent: true, write: true})
}

// DetachFromContact takes a tag off a contact and returns the tag
// (detachTagFromContact); retried.
func (s *TagsService) DetachFromContact(ctx context.Context, contactID, tagID string) (*Tag, error) {
	return fetch[Tag](ctx, s.client, call{operation: "detachTagFromContact", method: http.MethodDelete, template: "/contacts/{contact_id}/tags/{id}",
		ids: []string{contactID, tagID}, idempotent: true, write: true})
}
