package intercomsim

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"intercom-graphql/upstream"
)

// eventOwnerKeys are the query parameters that say whose events to list.
var eventOwnerKeys = []string{"user_id", "intercom_user_id", "email"}

// listDataEvents serves a person's events, newest first, in pages linked by
// URLs carrying `before` (milliseconds); with summary=true it sums them up
// per event name instead, over all time.
func listDataEvents(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	q := r.URL.Query()
	if q.Get("type") != "user" {
		badRequest(w, r, "parameter_invalid", "type must be user", "type")
		return
	}
	var ownerKey string
	for _, k := range eventOwnerKeys {
		if q.Get(k) == "" {
			continue
		}
		if ownerKey != "" {
			badRequest(w, r, "parameter_invalid", "pass only one of user_id, intercom_user_id or email", k)
			return
		}
		ownerKey = k
	}
	if ownerKey == "" {
		badRequest(w, r, "parameter_not_found", "Please provide one of the following parameters: user_id, intercom_user_id, email", "")
		return
	}
	summary := false
	if raw := q.Get("summary"); raw != "" {
		var err error
		if summary, err = strconv.ParseBool(raw); err != nil {
			badRequest(w, r, "parameter_invalid", "summary must be true or false", "summary")
			return
		}
	}
	perPage, ok := perPageParam(w, r, q.Get("per_page"), 50, upstream.MaxPerPage)
	if !ok {
		return
	}
	before, ok := millisParam(w, r, q, "before")
	if !ok {
		return
	}
	since, ok := millisParam(w, r, q, "since")
	if !ok {
		return
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	rec := ws.eventOwner(ownerKey, q.Get(ownerKey))
	if rec == nil {
		notFound(w, r, "User")
		return
	}
	c := &rec.contact
	if summary {
		writeJSON(w, http.StatusOK, ws.eventSummary(c))
		return
	}
	var matching []*upstream.DataEvent
	for _, e := range ws.listableEvents(c.ID) {
		ms := int64(e.CreatedAt) * 1000
		if (before == nil || ms < *before) && (since == nil || ms >= *since) {
			matching = append(matching, e)
		}
	}
	page := matching[:min(perPage, len(matching))]
	out := upstream.DataEventList{Type: "event.list", Events: make([]*upstream.DataEvent, len(page))}
	for i, e := range page {
		out.Events[i] = renderEvent(e, c)
	}
	link := func(key string, ms int64, withPerPage bool) *string {
		v := url.Values{"type": {"user"}, ownerKey: {q.Get(ownerKey)}, key: {strconv.FormatInt(ms, 10)}}
		if withPerPage {
			v.Set("per_page", strconv.Itoa(perPage))
		}
		u := fmt.Sprintf("%s://%s/events?%s", scheme(r), r.Host, v.Encode())
		return &u
	}
	if len(page) > 0 {
		out.Pages = &upstream.DataEventPages{Since: link("since", int64(page[0].CreatedAt)*1000+1, false)}
		if len(matching) > len(page) {
			out.Pages.Next = link("before", int64(page[len(page)-1].CreatedAt)*1000, true)
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func millisParam(w http.ResponseWriter, r *http.Request, q url.Values, key string) (*int64, bool) {
	raw := q.Get(key)
	if raw == "" {
		return nil, true
	}
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		badRequest(w, r, "parameter_invalid", key+" must be a time in milliseconds", key)
		return nil, false
	}
	return &n, true
}

func (ws *Workspace) eventOwner(key, value string) *contactRecord {
	if key == "intercom_user_id" {
		return ws.contactByID[value]
	}
	for _, rec := range ws.contacts {
		c := &rec.contact
		if (key == "email" && c.Email == value) || (key == "user_id" && c.ExternalID != nil && *c.ExternalID == value) {
			return rec
		}
	}
	return nil
}

// renderEvent shows an event with the identifiers of the person it is about;
// a lead's events carry its id, as leads' events are sent with it.
func renderEvent(e *upstream.DataEvent, c *upstream.Contact) *upstream.DataEvent {
	out := *e
	out.IntercomUserID, out.Email, out.UserID = ptr(c.ID), ptr(c.Email), c.ExternalID
	if c.Role == "lead" {
		out.ID = ptr(c.ID)
	}
	return &out
}

func (ws *Workspace) eventSummary(c *upstream.Contact) upstream.DataEventSummary {
	type tally struct {
		first, last upstream.Timestamp
		count       int
	}
	byName := map[string]*tally{}
	for _, e := range ws.eventsByContact[c.ID] {
		t := byName[e.EventName]
		if t == nil {
			t = &tally{first: e.CreatedAt, last: e.CreatedAt}
			byName[e.EventName] = t
		}
		t.count++
		t.first, t.last = min(t.first, e.CreatedAt), max(t.last, e.CreatedAt)
	}
	for name, imported := range ws.eventSummaryImports[c.ID] {
		t := byName[name]
		if t == nil {
			t = &tally{first: imported.first, last: imported.last}
			byName[name] = t
		}
		t.count += imported.count
		t.first, t.last = min(t.first, imported.first), max(t.last, imported.last)
	}
	out := upstream.DataEventSummary{Type: "event.summary", Email: ptr(c.Email), IntercomUserID: ptr(c.ID), UserID: c.ExternalID,
		Events: []*upstream.DataEventSummaryItem{}}
	names := make([]string, 0, len(byName))
	for name := range byName {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		t := byName[name]
		out.Events = append(out.Events, &upstream.DataEventSummaryItem{Name: name, First: isoMillis(t.first), Last: isoMillis(t.last),
			Count: t.count, Description: eventDescription(name)})
	}
	return out
}

// isoMillis writes a time as Intercom's event summaries do: 2014-01-16T23:12:21.000+00:00.
func isoMillis(t upstream.Timestamp) string {
	return t.Time().Format("2006-01-02T15:04:05.000-07:00")
}
