package intercomsim

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"intercom-graphql/upstream"
)

// maxEventMetadata is how many metadata keys Intercom keeps with an event.
const maxEventMetadata = 10

// importedSummary is what POST /events/summaries added to a person's
// summary of one event: counted events that were never sent one by one.
type importedSummary struct {
	count       int
	first, last upstream.Timestamp
}

// createDataEvent serves POST /events: the event's name, when it happened,
// and exactly one of id, user_id and email; Intercom answers 202 without a body.
func createDataEvent(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		EventName *string             `json:"event_name"`
		CreatedAt *upstream.Timestamp `json:"created_at"`
		ID        string              `json:"id"`
		UserID    string              `json:"user_id"`
		Email     string              `json:"email"`
		Metadata  map[string]any      `json:"metadata"`
	}
	if !readBody(w, r, &b) {
		return
	}
	named := 0
	for _, v := range []string{b.ID, b.UserID, b.Email} {
		if v != "" {
			named++
		}
	}
	switch {
	case b.EventName == nil || strings.TrimSpace(*b.EventName) == "":
		missing(w, r, "event_name")
		return
	case b.CreatedAt == nil:
		missing(w, r, "created_at")
		return
	case named == 0:
		writeError(w, requestIDFrom(r), http.StatusBadRequest, "parameter_not_found", "id, user_id or email is required", "user_id")
		return
	case named > 1:
		invalid(w, r, "user_id", "send only one of id, user_id and email")
		return
	case len(b.Metadata) > maxEventMetadata:
		invalid(w, r, "metadata", "an event carries at most %d metadata keys", maxEventMetadata)
		return
	}
	if bad, ok := flatAttributes(b.Metadata); !ok {
		invalid(w, r, "metadata", "metadata %q must be flat: nested objects are not supported", bad)
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	owner := ws.eventOwnerOf(b.ID, b.UserID, b.Email)
	if owner == nil {
		contactNotFound(w, r, "")
		return
	}
	ws.applyCreateDataEvent(owner, &upstream.DataEvent{Type: "event", EventName: *b.EventName, CreatedAt: *b.CreatedAt, Metadata: jsonNumbersAsInts(b.Metadata)})
	accepted(w, http.StatusAccepted)
}

// eventOwnerOf finds the person an event or summary names, archived or not.
func (ws *Workspace) eventOwnerOf(id, userID, email string) *contactRecord {
	if id != "" {
		return ws.contactByID[id]
	}
	var found *contactRecord
	for _, rec := range ws.contactByID {
		c := &rec.contact
		if (userID != "" && c.ExternalID != nil && *c.ExternalID == userID) || (email != "" && strings.EqualFold(c.Email, email)) {
			if found == nil || rec.seq < found.seq {
				found = rec
			}
		}
	}
	return found
}

// applyCreateDataEvent records an event: the person's events (newest first)
// and summaries show it.
func (ws *Workspace) applyCreateDataEvent(owner *contactRecord, e *upstream.DataEvent) {
	id := owner.contact.ID
	events := append(ws.eventsByContact[id], e)
	slices.SortStableFunc(events, func(a, b *upstream.DataEvent) int { return cmp.Compare(b.CreatedAt, a.CreatedAt) })
	ws.eventsByContact[id] = events
	ws.notify("event.created", func() any { return e })
}

// dataEventSummaries serves POST /events/summaries: counts of one event a
// user did, added to the user's summaries; Intercom answers without a body.
func dataEventSummaries(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		UserID         *string `json:"user_id"`
		EventSummaries *struct {
			EventName *string             `json:"event_name"`
			Count     *int                `json:"count"`
			First     *upstream.Timestamp `json:"first"`
			Last      *upstream.Timestamp `json:"last"`
		} `json:"event_summaries"`
	}
	if !readBody(w, r, &b) {
		return
	}
	s := b.EventSummaries
	switch {
	case b.UserID == nil || *b.UserID == "":
		missing(w, r, "user_id")
		return
	case s == nil:
		missing(w, r, "event_summaries")
		return
	case s.EventName == nil || *s.EventName == "":
		missing(w, r, "event_summaries.event_name")
		return
	case s.Count == nil || *s.Count < 1:
		invalid(w, r, "event_summaries.count", "count must be a positive integer")
		return
	case s.First == nil || s.Last == nil:
		missing(w, r, "event_summaries.first")
		return
	case *s.First > *s.Last:
		invalid(w, r, "event_summaries.first", "first must not be later than last")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	owner := ws.eventOwnerOf("", *b.UserID, "")
	if owner == nil {
		contactNotFound(w, r, "user_id")
		return
	}
	ws.applyEventSummary(owner, *s.EventName, importedSummary{count: *s.Count, first: *s.First, last: *s.Last})
	accepted(w, http.StatusOK)
}

// applyEventSummary adds counted events to a person's summary of one event.
func (ws *Workspace) applyEventSummary(owner *contactRecord, name string, add importedSummary) {
	if ws.eventSummaryImports == nil {
		ws.eventSummaryImports = map[string]map[string]*importedSummary{}
	}
	byName := ws.eventSummaryImports[owner.contact.ID]
	if byName == nil {
		byName = map[string]*importedSummary{}
		ws.eventSummaryImports[owner.contact.ID] = byName
	}
	if had := byName[name]; had != nil {
		add.count += had.count
		add.first, add.last = min(add.first, had.first), max(add.last, had.last)
	}
	byName[name] = &add
}
