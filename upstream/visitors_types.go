package upstream

// Visitor is an anonymous person on the workspace's website, not yet a
// user or a lead, as GET /visitors returns it.
type Visitor struct {
	Type         string            `json:"type"`
	ID           string            `json:"id"`
	UserID       string            `json:"user_id"`
	Anonymous    bool              `json:"anonymous"`
	Email        string            `json:"email,omitempty"` // Intercom sends "" for visitors without one
	Phone        *string           `json:"phone"`
	Name         *string           `json:"name"`
	Pseudonym    *string           `json:"pseudonym"`
	Avatar       *VisitorAvatar    `json:"avatar"`
	AppID        string            `json:"app_id"`
	Companies    *VisitorCompanies `json:"companies"`
	LocationData *VisitorLocation  `json:"location_data"`
	// LasRequestAt is the property as the spec spells it; Intercom's answers
	// (and the spec's own examples) carry LastRequestAt instead.
	LasRequestAt           *Timestamp             `json:"las_request_at,omitempty"`
	LastRequestAt          *Timestamp             `json:"last_request_at"`
	CreatedAt              Timestamp              `json:"created_at"`
	RemoteCreatedAt        *Timestamp             `json:"remote_created_at,omitempty"`
	SignedUpAt             *Timestamp             `json:"signed_up_at,omitempty"`
	UpdatedAt              Timestamp              `json:"updated_at"`
	SessionCount           int                    `json:"session_count"`
	SocialProfiles         *VisitorSocialProfiles `json:"social_profiles"`
	OwnerID                *string                `json:"owner_id"`
	UnsubscribedFromEmails bool                   `json:"unsubscribed_from_emails"`
	MarkedEmailAsSpam      bool                   `json:"marked_email_as_spam"`
	HasHardBounced         bool                   `json:"has_hard_bounced"`
	Tags                   *VisitorTags           `json:"tags"`
	Segments               *VisitorSegments       `json:"segments"`
	CustomAttributes       map[string]any         `json:"custom_attributes"`
	Referrer               *string                `json:"referrer"`
	UTMCampaign            *string                `json:"utm_campaign"`
	UTMContent             *string                `json:"utm_content"`
	UTMMedium              *string                `json:"utm_medium"`
	UTMSource              *string                `json:"utm_source"`
	UTMTerm                *string                `json:"utm_term"`
	DoNotTrack             *bool                  `json:"do_not_track"`
}

// LastRequest is when the visitor was last seen, whichever spelling Intercom used.
func (v *Visitor) LastRequest() *Timestamp {
	if v.LastRequestAt != nil {
		return v.LastRequestAt
	}
	return v.LasRequestAt
}

// VisitorAvatar is a visitor's picture (Intercom draws one for its pseudonym).
type VisitorAvatar struct {
	Type     string  `json:"type"`
	ImageURL *string `json:"image_url"`
}

// VisitorCompanies lists the companies a visitor is attached to, embedded whole.
type VisitorCompanies struct {
	Type      string            `json:"type"`
	Companies []*VisitorCompany `json:"companies"`
}

// VisitorCompany is a company as a visitor embeds it (the spec's company schema).
type VisitorCompany struct {
	Type             string                  `json:"type"`
	ID               string                  `json:"id"`
	Name             string                  `json:"name"`
	AppID            string                  `json:"app_id"`
	Plan             *VisitorCompanyPlan     `json:"plan,omitempty"`
	CompanyID        string                  `json:"company_id"`
	RemoteCreatedAt  *Timestamp              `json:"remote_created_at,omitempty"`
	CreatedAt        Timestamp               `json:"created_at"`
	UpdatedAt        Timestamp               `json:"updated_at"`
	LastRequestAt    *Timestamp              `json:"last_request_at,omitempty"`
	Size             int                     `json:"size"`
	Website          *string                 `json:"website,omitempty"`
	Industry         *string                 `json:"industry,omitempty"`
	MonthlySpend     int                     `json:"monthly_spend"`
	SessionCount     int                     `json:"session_count"`
	UserCount        int                     `json:"user_count"`
	CustomAttributes map[string]any          `json:"custom_attributes"`
	Tags             *VisitorCompanyTags     `json:"tags,omitempty"`
	Segments         *VisitorCompanySegments `json:"segments,omitempty"`
}

// VisitorCompanyPlan is the plan a company is on.
type VisitorCompanyPlan struct {
	Type string `json:"type"`
	ID   string `json:"id"`
	Name string `json:"name"`
}

// VisitorCompanyTags lists a company's tags.
type VisitorCompanyTags struct {
	Type string `json:"type"`
	Tags []*Tag `json:"tags"`
}

// VisitorCompanySegments lists a company's segments.
type VisitorCompanySegments struct {
	Type     string                   `json:"type"`
	Segments []*VisitorCompanySegment `json:"segments"`
}

// VisitorCompanySegment is a segment a company belongs to.
type VisitorCompanySegment struct {
	Type       string     `json:"type"`
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	CreatedAt  Timestamp  `json:"created_at"`
	UpdatedAt  *Timestamp `json:"updated_at,omitempty"`
	PersonType string     `json:"person_type"`
	Count      *int       `json:"count,omitempty"`
}

// VisitorLocation is where Intercom located a visitor.
type VisitorLocation struct {
	Type          string  `json:"type,omitempty"`
	CityName      *string `json:"city_name,omitempty"`
	ContinentCode *string `json:"continent_code,omitempty"`
	CountryCode   *string `json:"country_code,omitempty"`
	CountryName   *string `json:"country_name,omitempty"`
	PostalCode    *string `json:"postal_code,omitempty"`
	RegionName    *string `json:"region_name,omitempty"`
	Timezone      *string `json:"timezone,omitempty"`
}

// VisitorSocialProfiles lists a visitor's social profiles.
type VisitorSocialProfiles struct {
	Type           string   `json:"type"`
	SocialProfiles []string `json:"social_profiles"`
}

// VisitorTags lists the tags on a visitor.
type VisitorTags struct {
	Type string        `json:"type"`
	Tags []*VisitorTag `json:"tags"`
}

// VisitorTag is a tag on a visitor.
type VisitorTag struct {
	Type string `json:"type"`
	ID   string `json:"id"`
	Name string `json:"name"`
}

// VisitorSegments lists the ids of the segments a visitor is in.
type VisitorSegments struct {
	Type     string   `json:"type"`
	Segments []string `json:"segments"`
}

// VisitorUpdate is the body of PUT /visitors: the visitor, by Intercom's id
// or by its user_id (set one), and what to change.
type VisitorUpdate struct {
	ID               string         `json:"id,omitempty"`
	UserID           string         `json:"user_id,omitempty"`
	Name             *string        `json:"name,omitempty"`
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
}

// ConvertVisitorRequest is the body of POST /visitors/convert: the visitor
// to convert, the contact to merge it into (or the identifiers of the new
// contact) and the new contact's role.
type ConvertVisitorRequest struct {
	// Type is user or lead.
	Type    string          `json:"type"`
	User    ContactIdentity `json:"user"`
	Visitor VisitorIdentity `json:"visitor"`
}

// ContactIdentity names a contact by one of its identifiers: Intercom's id,
// the workspace's own id (user_id, which becomes external_id) or its email.
type ContactIdentity struct {
	ID     string `json:"id,omitempty"`
	UserID string `json:"user_id,omitempty"`
	Email  string `json:"email,omitempty"`
}

// VisitorIdentity names a visitor by Intercom's id, its user_id or its email.
type VisitorIdentity struct {
	ID     string `json:"id,omitempty"`
	UserID string `json:"user_id,omitempty"`
	Email  string `json:"email,omitempty"`
}
