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
	return fetch[HelpCenterList](ctx, s.client, call{operation: "listHelpCenters", method: http.MethodGet, template: "/help_center/help_centers",
		idempotent: true})
}

// Get retrieves one help center (retrieveHelpCenter).
func (s *HelpCenterService) Get(ctx context.Context, id string) (*HelpCenter, error) {
	return fetch[HelpCenter](ctx, s.client, call{operation: "retrieveHelpCenter", method: http.MethodGet, template: "/help_center/help_centers/{id}",
		ids: []string{id}, idempotent: true})
}

// ListCollections returns one page of every collection and section of every
// help center, most recently updated first (listAllCollections).
func (s *HelpCenterService) ListCollections(ctx context.Context, opts PageOptions) (*CollectionList, error) {
	return fetchPage(ctx, s.client, call{operation: "listAllCollections", method: http.MethodGet, template: "/help_center/collections",
		query: opts.values(), idempotent: true}, opts,
		func(l *CollectionList) *PagesLink { return l.Pages })
}

// GetCollection retrieves one collection or section (retrieveCollection).
func (s *HelpCenterService) GetCollection(ctx context.Context, id string) (*Collection, error) {
	return fetch[Collection](ctx, s.client, call{operation: "retrieveCollection", method: http.MethodGet, template: "/help_center/collections/{id}",
		ids: []string{id}, idempotent: true})
}

// CreateCollection adds a collection or section (createCollection); never retried.
func (s *HelpCenterService) CreateCollection(ctx context.Context, req CreateCollectionRequest) (*Collection, error) {
	return fetch[Collection](ctx, s.client, call{operation: "createCollection", method: http.MethodPost, template: "/help_center/collections",
		body: req, write: true})
}

// UpdateCollection changes a collection or section (updateCollection); retried.
func (s *HelpCenterService) UpdateCollection(ctx context.Context, id string, req UpdateCollectionRequest) (*Collection, error) {
	return fetch[Collection](ctx, s.client, call{operation: "updateCollection", method: http.MethodPut, template: "/help_center/collections/{id}",
		ids: []string{id}, body: req, idempotent: true, write: true})
}

// DeleteCollection removes a collection or section (deleteCollection). The
// articles filed in it lose that parent, so their cached answers go too.
func (s *HelpCenterService) DeleteCollection(ctx context.Context, id string) (*DeletedObject, error) {
	return s.client.remove(ctx, call{operation: "deleteCollection", template: "/help_center/collections/{id}",
		ids: []string{id}, invalidates: []string{"articles"}}, "collection", id)
}
