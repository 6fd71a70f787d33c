package intercomsim

import (
	"net/http"
	"strconv"

	"intercom-graphql/upstream"
)

// listActivityLogs serves the admins' activities of a window (both ends
// included), newest first, in starting_after pages of 20 by default.
func listActivityLogs(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	q := r.URL.Query()
	if q.Get("created_at_after") == "" {
		badRequest(w, r, "parameter_not_found", "Please provide the following parameters: created_at_after", "created_at_after")
		return
	}
	after, ok := unixParam(w, r, q.Get("created_at_after"), "created_at_after")
	if !ok {
		return
	}
	var before int64
	if raw := q.Get("created_at_before"); raw != "" {
		if before, ok = unixParam(w, r, raw, "created_at_before"); !ok {
			return
		}
	}
	perPage, ok := perPageParam(w, r, q.Get("per_page"), 20, upstream.MaxPerPage)
	if !ok {
		return
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	window := ws.activityWindow(upstream.Timestamp(after), upstream.Timestamp(before))
	page, pages, err := cursorPage(window, perPage, q.Get("starting_after"))
	if err != nil {
		badRequest(w, r, "parameter_invalid", err.Error(), "starting_after")
		return
	}
	out := upstream.ActivityLogList{Type: "activity_log.list", Pages: pages, ActivityLogs: make([]*upstream.ActivityLog, len(page))}
	for i, rec := range page {
		out.ActivityLogs[i] = &rec.log
	}
	writeJSON(w, http.StatusOK, out)
}

func unixParam(w http.ResponseWriter, r *http.Request, raw, field string) (int64, bool) {
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || n < 0 {
		badRequest(w, r, "parameter_invalid", field+" must be a UNIX timestamp", field)
		return 0, false
	}
	return n, true
}
