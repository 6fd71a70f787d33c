package intercomsim

import (
	"time"

	"intercom-graphql/upstream"
)

var eventKinds = []struct {
	name, description string
	metadata          func(s *seeder) map[string]any
}{
	{"signed-in", "", nil},
	{"viewed-pricing", "Opened the pricing page", func(s *seeder) map[string]any {
		return map[string]any{"plan_shown": s.pick(plans)}
	}},
	{"invited-teammate", "Sent an invitation to a colleague", func(s *seeder) map[string]any {
		return map[string]any{"invite_code": s.pick([]string{"ADDAFRIEND", "TEAMUP", "WELCOME10"}), "role": s.pick([]string{"admin", "member"})}
	}},
	{"exported-report", "", func(s *seeder) map[string]any {
		return map[string]any{"format": s.pick([]string{"csv", "pdf", "xlsx"})}
	}},
	{"upgraded-plan", "Moved to a bigger plan", func(s *seeder) map[string]any {
		return map[string]any{"from": s.pick(plans[:2]), "to": s.pick(plans[2:]), "article": "https://example.org/changelog"}
	}},
	{"created-project", "", nil},
}

// eventListingWindow is how far back Intercom lists a person's events; older
// ones count in summaries only.
const eventListingWindow = 90 * 24 * time.Hour

// dataEvents records what contacts did in the workspace's product: most
// contacts have a few events, some many, and some have events older than
// Intercom lists. Each contact's events have distinct seconds, newest first.
func (s *seeder) dataEvents() {
	ws := s.ws
	ws.eventsByContact = map[string][]*upstream.DataEvent{}
	for i, c := range ws.contacts {
		n := 0
		switch {
		case i%12 == 5:
			n = 30 + s.rng.IntN(40)
		case s.chance(0.5):
			n = 1 + s.rng.IntN(8)
		}
		at := upstream.TimestampOf(seedAnchor) - upstream.Timestamp(s.rng.Int64N(86400*2))
		var events []*upstream.DataEvent
		for j := range n {
			gap := 1 + s.rng.Int64N(86400)
			if j == n-1 && s.chance(0.3) {
				gap = 86400 * (100 + s.rng.Int64N(200)) // an event Intercom no longer lists
			}
			at -= upstream.Timestamp(gap)
			kind := eventKinds[s.rng.IntN(len(eventKinds))]
			e := &upstream.DataEvent{Type: "event", EventName: kind.name, CreatedAt: at}
			if kind.metadata != nil {
				e.Metadata = kind.metadata(s)
			}
			events = append(events, e)
		}
		if len(events) > 0 {
			ws.eventsByContact[c.contact.ID] = events
		}
	}
}

func eventDescription(name string) *string {
	for _, k := range eventKinds {
		if k.name == name && k.description != "" {
			return ptr(k.description)
		}
	}
	return nil
}

// listableEvents are a contact's events Intercom still lists (the last 90
// days of the seeded workspace's time), newest first.
func (ws *Workspace) listableEvents(contactID string) []*upstream.DataEvent {
	cutoff := upstream.TimestampOf(seedAnchor.Add(-eventListingWindow))
	var out []*upstream.DataEvent
	for _, e := range ws.eventsByContact[contactID] {
		if e.CreatedAt >= cutoff {
			out = append(out, e)
		}
	}
	return out
}

// EventKeys lists a contact's listable events as "name@unix", newest first.
func (ws *Workspace) EventKeys(contactID string) []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	var out []string
	for _, e := range ws.listableEvents(contactID) {
		out = append(out, e.EventName+"@"+itoa64(int64(e.CreatedAt)))
	}
	return out
}

// EventCounts is, per event name, how many events a contact has, listable or not.
func (ws *Workspace) EventCounts(contactID string) map[string]int {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	out := map[string]int{}
	for _, e := range ws.eventsByContact[contactID] {
		out[e.EventName]++
	}
	return out
}
