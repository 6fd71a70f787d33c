package upstream

// Segment is a group of contacts defined by rules set in Intercom.
type Segment struct {
	Type       string    `json:"type"`
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	CreatedAt  Timestamp `json:"created_at"`
	UpdatedAt  Timestamp `json:"updated_at"`
	PersonType string    `json:"person_type"` // "user", or "contact" for leads
	// Count is how many contacts the segment holds; Intercom counts only when asked (include_count).
	Count *int `json:"count,omitempty"`
}

// SegmentList is the body of GET /segments.
type SegmentList struct {
	Type     string     `json:"type"`
	Segments []*Segment `json:"segments"`
	// Pages is documented as a possibly empty object; Intercom does not paginate segments.
	Pages map[string]any `json:"pages,omitempty"`
}

// ContactSegmentList is the body of GET /contacts/{id}/segments.
type ContactSegmentList struct {
	Type string     `json:"type"`
	Data []*Segment `json:"data"`
}
