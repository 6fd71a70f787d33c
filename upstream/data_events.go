package upstream

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// DataEventsService reads the events a workspace's product reported about its users and leads.
type DataEventsService service

// DataEventOwner says whose events to read; set exactly one field.
type DataEventOwner struct {
	UserID         string // the workspace's own id for a user
	IntercomUserID string // Intercom's id of a user or lead (the only way to reach leads)
	Email          string
}

func (o DataEventOwner) set(q url.Values) {
	for key, v := range map[string]string{"user_id": o.UserID, "intercom_user_id": o.IntercomUserID, "email": o.Email} {
		q.Del(key)
		if v != "" {
			q.Set(key, v)
		}
	}
	q.Set("type", "user")
}

// DataEventListOptions select one page of a person's events.
type DataEventListOptions struct {
	PerPage int // 0 leaves Intercom's default
	// After is the previous page's DataEventPages.NextQuery; "" starts at the newest event.
	After string
}

// List returns one page of a person's events, newest first (lisDataEvents).
// Intercom lists only events of the last 90 days.
func (s *DataEventsService) List(ctx context.Context, owner DataEventOwner, opts DataEventListOptions) (*DataEventList, error) {
	q, err := url.ParseQuery(opts.After)
	if err != nil {
		return nil, err
	}
	q.Del("summary")
	owner.set(q)
	if opts.PerPage > 0 {
		q.Set("per_page", strconv.Itoa(opts.PerPage))
	}
	return fetch[DataEventList](ctx, s.client, call{operation: "lisDataEvents", method: http.MethodGet, template: "/events",
		query: q, idempotent: true})
}

// Summaries returns, per event name, how often and when a person did it,
// over all time (lisDataEvents with summary=true).
func (s *DataEventsService) Summaries(ctx context.Context, owner DataEventOwner) (*DataEventSummary, error) {
	q := url.Values{"summary": {"true"}}
	owner.set(q)
	return fetch[DataEventSummary](ctx, s.client, call{operation: "lisDataEvents", method: http.MethodGet, template: "/events",
		query: q, idempotent: true})
}

// Create records an event (createDataEvent); Intercom accepts it with a 202
// and no body. Never retried: a repeat would count the event twice.
func (s *DataEventsService) Create(ctx context.Context, req DataEventRequest) error {
	return s.client.do(ctx, call{operation: "createDataEvent", method: http.MethodPost, template: "/events", body: req, write: true}, nil)
}

// RecordSummary adds counted events to a user's summaries, for events that
// happened before they were sent one by one (dataEventSummaries). Never
// retried: a repeat would count them twice.
func (s *DataEventsService) RecordSummary(ctx context.Context, req DataEventSummaryRequest) error {
	return s.client.do(ctx, call{operation: "dataEventSummaries", method: http.MethodPost, template: "/events/summaries",
		body: req, write: true}, nil)
}
