package upstream

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// DataAttributesService reads the attributes defined for contacts, companies
// and conversations.
type DataAttributesService service

// DataAttributeListOptions narrow the list of data attributes.
type DataAttributeListOptions struct {
	Model           string // contact, company or conversation; "" lists every model
	IncludeArchived bool
}

// List returns the workspace's data attributes, whole (lisDataAttributes).
func (s *DataAttributesService) List(ctx context.Context, opts DataAttributeListOptions) (*DataAttributeList, error) {
	q := url.Values{}
	if opts.Model != "" {
		q.Set("model", opts.Model)
	}
	if opts.IncludeArchived {
		q.Set("include_archived", strconv.FormatBool(true))
	}
	return fetch[DataAttributeList](ctx, s.client, call{operation: "lisDataAttributes", method: http.MethodGet, template: "/data_attributes",
		query: q, idempotent: true})
}

// Create defines a custom attribute of contacts or companies
// (createDataAttribute). Never retried: a repeat meets its own name as taken.
func (s *DataAttributesService) Create(ctx context.Context, req CreateDataAttributeRequest) (*DataAttribute, error) {
	return fetch[DataAttribute](ctx, s.client, call{operation: "createDataAttribute", method: http.MethodPost, template: "/data_attributes",
		body: req, write: true})
}

// Update changes or archives a custom attribute (updateDataAttribute); retried.
func (s *DataAttributesService) Update(ctx context.Context, id string, req UpdateDataAttributeRequest) (*DataAttribute, error) {
	return fetch[DataAttribute](ctx, s.client, call{operation: "updateDataAttribute", method: http.MethodPut, template: "/data_attributes/{id}",
		ids: []string{id}, body: req, idempotent: true, write: true})
}
