package upstream

import (
	"context"
	"net/http"
	"net/url"
)

// MaxCompaniesPerPage is the largest page Intercom serves of its company lists.
const MaxCompaniesPerPage = 60

// MaxCompanyContactsPerPage is the largest page of a company's contacts the
// client asks for: Intercom's default page of that list, the largest it documents.
const MaxCompanyContactsPerPage = 50

// CompaniesService reads the workspace's companies and what they relate to.
type CompaniesService service

// CompanyListOptions select one page of the list of all companies.
type CompanyListOptions struct {
	PageOptions
	// Ascending lists the least recently active companies first; Intercom's
	// default is the most recently active first.
	Ascending bool
}

// List returns one page of the companies that have at least one contact,
// ordered by when they last made a request (listAllCompanies). It is a POST
// that changes nothing, so it is retried like a read.
func (s *CompaniesService) List(ctx context.Context, opts CompanyListOptions) (*CompanyList, error) {
	q := opts.values()
	q.Set("order", "desc")
	if opts.Ascending {
		q.Set("order", "asc")
	}
	return fetch[CompanyList](ctx, s.client, call{operation: "listAllCompanies", method: http.MethodPost, template: "/companies/list",
		query: q, idempotent: true})
}

// CompanyFilter narrows GET /companies: by name or by the workspace's own
// company_id (at most one company), or to the companies with a tag or in a segment.
type CompanyFilter struct {
	Name      string
	CompanyID string
	TagID     string
	SegmentID string
	PageOptions
}

// Find returns one page of the companies a filter selects (retrieveCompany).
// Intercom answers a name or company_id that matches nothing with a 404.
func (s *CompaniesService) Find(ctx context.Context, f CompanyFilter) (*CompanyList, error) {
	q := f.values()
	for key, v := range map[string]string{"name": f.Name, "company_id": f.CompanyID, "tag_id": f.TagID, "segment_id": f.SegmentID} {
		if v != "" {
			q.Set(key, v)
		}
	}
	return fetch[CompanyList](ctx, s.client, call{operation: "retrieveCompany", method: http.MethodGet, template: "/companies",
		query: q, idempotent: true})
}

// Get retrieves one company by its Intercom id (RetrieveACompanyById).
func (s *CompaniesService) Get(ctx context.Context, id string) (*Company, error) {
	return fetch[Company](ctx, s.client, call{operation: "RetrieveACompanyById", method: http.MethodGet, template: "/companies/{id}",
		ids: []string{id}, idempotent: true})
}

// Scroll returns the next batch of a scroll over every company
// (scrollOverAllCompanies). An empty scrollParam opens a new scroll; Intercom
// keeps one scroll open per workspace and closes it a minute after its last
// use, or when a batch comes back empty. Retrying a continuation whose answer
// was lost would skip a batch, so only the opening call is retried.
func (s *CompaniesService) Scroll(ctx context.Context, scrollParam string) (*CompanyScroll, error) {
	var q url.Values
	if scrollParam != "" {
		q = url.Values{"scroll_param": {scrollParam}}
	}
	return fetch[CompanyScroll](ctx, s.client, call{operation: "scrollOverAllCompanies", method: http.MethodGet, template: "/companies/scroll",
		query: q, idempotent: scrollParam == ""})
}

// ListContacts returns one page of a company's contacts (ListAttachedContacts).
func (s *CompaniesService) ListContacts(ctx context.Context, id string, opts PageOptions) (*CompanyContactList, error) {
	return fetch[CompanyContactList](ctx, s.client, call{operation: "ListAttachedContacts", method: http.MethodGet, template: "/companies/{id}/contacts",
		ids: []string{id}, query: opts.values(), idempotent: true})
}

// ListSegments returns the segments a company is in (ListAttachedSegmentsForCompanies).
func (s *CompaniesService) ListSegments(ctx context.Context, id string) (*CompanySegmentList, error) {
	return fetch[CompanySegmentList](ctx, s.client, call{operation: "ListAttachedSegmentsForCompanies", method: http.MethodGet, template: "/companies/{id}/segments",
		ids: []string{id}, idempotent: true})
}

// ForContact returns every company a contact belongs to (listCompaniesForAContact).
func (s *CompaniesService) ForContact(ctx context.Context, contactID string) (*ContactCompanyList, error) {
	return fetch[ContactCompanyList](ctx, s.client, call{operation: "listCompaniesForAContact", method: http.MethodGet, template: "/contacts/{id}/companies",
		ids: []string{contactID}, idempotent: true})
}

// CreateOrUpdate updates the company with the request's company_id, or
// creates it (createOrUpdateCompany). An upsert keyed by company_id can be
// repeated safely, so it is retried. Contacts list their companies whole,
// so their cached answers go too.
func (s *CompaniesService) CreateOrUpdate(ctx context.Context, req CompanyRequest) (*Company, error) {
	return fetch[Company](ctx, s.client, call{operation: "createOrUpdateCompany", method: http.MethodPost, template: "/companies",
		body: req, idempotent: true, write: true, invalidates: []string{"contacts"}})
}

// Update changes a company by its Intercom id (UpdateCompany); retried.
// CompanyID must be left out: Intercom does not change it.
func (s *CompaniesService) Update(ctx context.Context, id string, req CompanyRequest) (*Company, error) {
	return fetch[Company](ctx, s.client, call{operation: "UpdateCompany", method: http.MethodPut, template: "/companies/{id}", ids: []string{id},
		body: req, idempotent: true, write: true, invalidates: []string{"contacts"}})
}

// Delete removes a company and detaches its contacts (deleteCompany).
func (s *CompaniesService) Delete(ctx context.Context, id string) (*DeletedObject, error) {
	return s.client.remove(ctx, call{operation: "deleteCompany", template: "/companies/{id}", ids: []string{id},
		invalidates: []string{"contacts"}}, "company", id)
}

// companyRef is the body of POST /contacts/{id}/companies.
type companyRef struct {
	ID string `json:"id"`
}

// AttachContact makes a contact a member of a company and returns the
// company (attachContactToACompany). Attaching twice changes nothing, so it
// is retried.
func (s *CompaniesService) AttachContact(ctx context.Context, contactID, companyID string) (*Company, error) {
	return fetch[Company](ctx, s.client, call{operation: "attachContactToACompany", method: http.MethodPost, template: "/contacts/{id}/companies",
		ids: []string{contactID}, body: companyRef{ID: companyID}, idempotent: true, write: true,
		invalidates: []string{"companies"}})
}

// DetachContact ends a contact's membership of a company and returns the
// company (detachContactFromACompany); retried.
func (s *CompaniesService) DetachContact(ctx context.Context, contactID, companyID string) (*Company, error) {
	return fetch[Company](ctx, s.client, call{operation: "detachContactFromACompany", method: http.MethodDelete, template: "/contacts/{contact_id}/companies/{id}",
		ids: []string{contactID, companyID}, idempotent: true, write: true, invalidates: []string{"companies"}})
}
