package upstream

// Company is an organisation the workspace's contacts belong to, as the spec's
// company schema describes it. Properties Intercom leaves out when they are
// unset (plan details, size, website...) are pointers without a null form.
type Company struct {
	Type             string           `json:"type"`
	ID               string           `json:"id"`
	Name             string           `json:"name"`
	AppID            string           `json:"app_id"`
	Plan             *CompanyPlan     `json:"plan,omitempty"`
	CompanyID        string           `json:"company_id"`
	RemoteCreatedAt  *Timestamp       `json:"remote_created_at,omitempty"`
	CreatedAt        Timestamp        `json:"created_at"`
	UpdatedAt        Timestamp        `json:"updated_at"`
	LastRequestAt    *Timestamp       `json:"last_request_at,omitempty"`
	Size             *int             `json:"size,omitempty"`
	Website          *string          `json:"website,omitempty"`
	Industry         *string          `json:"industry,omitempty"`
	MonthlySpend     float64          `json:"monthly_spend"`
	SessionCount     int              `json:"session_count"`
	UserCount        int              `json:"user_count"`
	CustomAttributes map[string]any   `json:"custom_attributes"`
	Tags             *TagList         `json:"tags,omitempty"`
	Segments         *CompanySegments `json:"segments,omitempty"`
}

// CompanyPlan is the plan a company is on. Intercom sends an empty object for
// a company without a plan.
type CompanyPlan struct {
	Type string `json:"type,omitempty"`
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

// CompanySegments is how a company embeds its segments.
type CompanySegments struct {
	Type     string     `json:"type"`
	Segments []*Segment `json:"segments"`
}

// CompanyList is the body of POST /companies/list and GET /companies: one
// numbered page of companies.
type CompanyList struct {
	Type       string     `json:"type"`
	Pages      *PagesLink `json:"pages"`
	TotalCount int        `json:"total_count"`
	Data       []*Company `json:"data"`
}

// CompanyScroll is the body of GET /companies/scroll: the next batch of a
// scroll over every company, and the parameter that continues it. Intercom
// sends neither pages nor a total with it.
type CompanyScroll struct {
	Type        string       `json:"type"`
	Data        []*Company   `json:"data"`
	Pages       *CursorPages `json:"pages"`
	TotalCount  *int         `json:"total_count"`
	ScrollParam string       `json:"scroll_param"`
}

// CompanyContactList is the body of GET /companies/{id}/contacts: one
// numbered page of the company's contacts.
type CompanyContactList struct {
	Type       string     `json:"type"`
	Data       []*Contact `json:"data"`
	TotalCount int        `json:"total_count"`
	Pages      *PagesLink `json:"pages"`
}

// CompanySegmentList is the body of GET /companies/{id}/segments.
type CompanySegmentList struct {
	Type string     `json:"type"`
	Data []*Segment `json:"data"`
}

// ContactCompanyList is the body of GET /contacts/{id}/companies: every
// company the contact belongs to.
type ContactCompanyList struct {
	Type       string     `json:"type"`
	Companies  []*Company `json:"companies"`
	TotalCount int        `json:"total_count"`
	Pages      *PagesLink `json:"pages"`
}

// CompanyRequest is the body of POST /companies (create_or_update_company_request)
// and of PUT /companies/{id}, which takes the same properties but company_id.
// What is left out stays as it is.
type CompanyRequest struct {
	Name *string `json:"name,omitempty"`
	// CompanyID is the workspace's own id for the company: POST /companies
	// updates the company that has it, or creates one. It cannot change.
	CompanyID        *string        `json:"company_id,omitempty"`
	Plan             *string        `json:"plan,omitempty"`
	Size             *int           `json:"size,omitempty"`
	Website          *string        `json:"website,omitempty"`
	Industry         *string        `json:"industry,omitempty"`
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
	RemoteCreatedAt  *Timestamp     `json:"remote_created_at,omitempty"`
	// MonthlySpend is whole currency units: Intercom truncates fractions.
	MonthlySpend *int64 `json:"monthly_spend,omitempty"`
}
