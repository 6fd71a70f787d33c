package upstream

import (
	"context"
	"net/http"
)

// MaxCollectionsPerPage bounds GET /help_center/collections (default 20). The
// 2.10 spec states no limit; this is the one Intercom documents.
const MaxCollectionsPerPage = 250

// HelpCenterService reads the workspace's help centers and their collections.
type HelpCenterService service

// List returns every help center; Intercom does not paginate it (listHelpCenters).
func (s *HelpCenterService) List(ctx context.Context) (*HelpCenterList, error) {
	var out HelpCenterList
	err := s.client.do(ctx, call{operation: "listHelpCenters", method: http.MethodGet, template: "/help_center/help_centers",
		path: "/help_center/help_centers", idempotent: true}, &out)
	return &out, err
}

// Get retrieves one help center (retrieveHelpCenter).
func (s *HelpCenterService) Get(ctx context.Context, id string) (*HelpCenter, error) {
	var out HelpCenter
	err := s.client.do(ctx, call{operation: "retrieveHelpCenter", method: http.MethodGet, template: "/help_center/help_centers/{id}",
		path: pathf("/help_center/help_centers/%s", id), idempotent: true}, &out)
	return &out, err
}

// ListCollections returns one page of every collection and section of every
// help center, most recently updated first (listAllCollections).
func (s *HelpCenterService) ListCollections(ctx context.Context, opts PageOptions) (*CollectionList, error) {
	var out CollectionList
	cl := call{operation: "listAllCollections", method: http.MethodGet, template: "/help_center/collections", path: "/help_center/collections",
		query: opts.values(), idempotent: true}
	if err := s.client.do(ctx, cl, &out); err != nil {
		return &out, err
	}
	return &out, checkPage(cl.operation, opts, out.Pages)
}

// GetCollection retrieves one collection or section (retrieveCollection).
func (s *HelpCenterService) GetCollection(ctx context.Context, id string) (*Collection, error) {
	var out Collection
	err := s.client.do(ctx, call{operation: "retrieveCollection", method: http.MethodGet, template: "/help_center/collections/{id}",
		path: pathf("/help_center/collections/%s", id), idempotent: true}, &out)
	return &out, err
}

// CreateCollection adds a collection or section (createCollection); never retried.
func (s *HelpCenterService) CreateCollection(ctx context.Context, req CreateCollectionRequest) (*Collection, error) {
	var out Collection
	err := s.client.do(ctx, call{operation: "createCollection", method: http.MethodPost, template: "/help_center/collections",
		path: "/help_center/collections", body: req, write: true}, &out)
	return &out, err
}

// UpdateCollection changes a collection or section (updateCollection); retried.
func (s *HelpCenterService) UpdateCollection(ctx context.Context, id string, req UpdateCollectionRequest) (*Collection, error) {
	var out Collection
	err := s.client.do(ctx, call{operation: "updateCollection", method: http.MethodPut, template: "/help_center/collections/{id}",
		path: pathf("/help_center/collections/%s", id), body: req, idempotent: true, write: true}, &out)
	return &out, err
}

// DeleteCollection removes a collection or section (deleteCollection). The
// articles filed in it lose that parent, so their cached answers go too.
func (s *HelpCenterService) DeleteCollection(ctx context.Context, id string) (*DeletedObject, error) {
	return s.client.remove(ctx, call{operation: "deleteCollection", template: "/help_center/collections/{id}",
		path: pathf("/help_center/collections/%s", id), invalidates: []string{"articles"}}, "collection", id)
}
