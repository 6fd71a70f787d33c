package upstream

import (
	"context"
	"net/http"
	"strconv"
)

// ActivityLogsService reads the log of what teammates did in the workspace.
type ActivityLogsService service

// ActivityLogListOptions select the window and one page of the activity log.
type ActivityLogListOptions struct {
	CreatedAtAfter  Timestamp  // required by Intercom
	CreatedAtBefore *Timestamp // nil leaves the window open to now
	CursorOptions
}

// List returns one page of the activities of every admin in a time window,
// newest first (listActivityLogs). The spec documents only the window; pages
// follow pages.next as on Intercom's other cursor lists.
func (s *ActivityLogsService) List(ctx context.Context, opts ActivityLogListOptions) (*ActivityLogList, error) {
	q := opts.CursorOptions.values()
	q.Set("created_at_after", strconv.FormatInt(int64(opts.CreatedAtAfter), 10))
	if opts.CreatedAtBefore != nil {
		q.Set("created_at_before", strconv.FormatInt(int64(*opts.CreatedAtBefore), 10))
	}
	return fetch[ActivityLogList](ctx, s.client, call{operation: "listActivityLogs", method: http.MethodGet, template: "/admins/activity_logs",
		query: q, idempotent: true})
}
