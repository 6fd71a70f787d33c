package loaders

import (
	"context"

	"intercom-graphql/upstream"
)

// EventSummaries sums up a contact's events; the contacts a query reaches in
// one tick are asked about together.
func (l *Loaders) EventSummaries(ctx context.Context, contactID string) (*upstream.DataEventSummary, error) {
	return l.eventSummaries.Load(ctx, contactID)()
}

func (l *Loaders) fetchEventSummaries(ctx context.Context, contactID string) (*upstream.DataEventSummary, error) {
	return l.client.DataEvents.Summaries(ctx, upstream.DataEventOwner{IntercomUserID: contactID})
}
