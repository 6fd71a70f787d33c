package upstream

import "net/url"

// DataEvent is one thing a user or lead did, as the workspace's product reported it.
type DataEvent struct {
	Type      string    `json:"type"`
	EventName string    `json:"event_name"`
	CreatedAt Timestamp `json:"created_at"`
	// UserID is the workspace's own id for the user (external_id on contacts).
	UserID *string `json:"user_id,omitempty"`
	// ID is the id the event was sent with for a lead or a user.
	ID             *string `json:"id,omitempty"`
	IntercomUserID *string `json:"intercom_user_id,omitempty"`
	Email          *string `json:"email,omitempty"`
	// Metadata holds up to ten keys the product sent with the event.
	Metadata map[string]any `json:"metadata,omitempty"`
}

// DataEventList is the body of GET /events: one page of a person's events, newest first.
type DataEventList struct {
	Type   string          `json:"type"`
	Events []*DataEvent    `json:"events"`
	Pages  *DataEventPages `json:"pages,omitempty"`
}

// DataEventPages links to the neighbouring pages of a person's events.
type DataEventPages struct {
	// Next is the URL of the following (older) page; absent on the last page.
	Next *string `json:"next,omitempty"`
	// Since is the URL that lists events newer than this page.
	Since *string `json:"since,omitempty"`
}

// NextQuery is the query of the next page's URL, to pass back as
// DataEventListOptions.After, or "" on the last page. Only the query is kept:
// the host and path of a link are never followed.
func (p *DataEventPages) NextQuery() string {
	if p == nil || p.Next == nil || *p.Next == "" {
		return ""
	}
	u, err := url.Parse(*p.Next)
	if err != nil {
		return ""
	}
	return u.RawQuery
}

// DataEventSummary is the body of GET /events?summary=true: per event name,
// how often and when a person did it.
type DataEventSummary struct {
	Type           string                  `json:"type"`
	Email          *string                 `json:"email,omitempty"`
	IntercomUserID *string                 `json:"intercom_user_id,omitempty"`
	UserID         *string                 `json:"user_id,omitempty"`
	Events         []*DataEventSummaryItem `json:"events"`
}

// DataEventSummaryItem sums up one event name. First and Last are ISO 8601
// strings with milliseconds, as Intercom writes them.
type DataEventSummaryItem struct {
	Name        string  `json:"name"`
	First       string  `json:"first"`
	Last        string  `json:"last"`
	Count       int     `json:"count"`
	Description *string `json:"description,omitempty"`
}

// DataEventRequest is the body of POST /events: what happened, when, and to
// whom (exactly one of ID, UserID and Email).
type DataEventRequest struct {
	EventName string    `json:"event_name"`
	CreatedAt Timestamp `json:"created_at"`
	// ID is Intercom's id of a user or lead: the only way to name a lead.
	ID     string `json:"id,omitempty"`
	UserID string `json:"user_id,omitempty"`
	Email  string `json:"email,omitempty"`
	// Metadata holds up to ten flat key/value pairs.
	Metadata map[string]any `json:"metadata,omitempty"`
}

// DataEventSummaryRequest is the body of POST /events/summaries: a count of
// one kind of event a user did, with when they first and last did it, to add
// to what Intercom already counted.
type DataEventSummaryRequest struct {
	UserID         string                `json:"user_id"`
	EventSummaries DataEventSummaryCount `json:"event_summaries"`
}

// DataEventSummaryCount is the event_summaries of a DataEventSummaryRequest.
type DataEventSummaryCount struct {
	EventName string    `json:"event_name"`
	Count     int       `json:"count"`
	First     Timestamp `json:"first"`
	Last      Timestamp `json:"last"`
}
