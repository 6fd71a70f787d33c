package graph_test

import (
	"strconv"
	"testing"
	"time"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func eventKey(n any) string {
	t, err := time.Parse(time.RFC3339, facadetest.Str(facadetest.Dig(n, "createdAt")))
	if err != nil {
		return ""
	}
	return facadetest.Str(facadetest.Dig(n, "eventName")) + "@" + strconv.FormatInt(t.Unix(), 10)
}

func contactEventsWalk(contactID string) connWalk {
	return connWalk{
		query: `query($id: String!, $first: Int, $after: String) {
		  contact(intercomId: $id) {
		    events(first: $first, after: $after) {
		      totalCount edges { cursor node { eventName createdAt } } nodes { eventName createdAt }
		      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
		    }
		  }
		}`,
		vars: map[string]any{"id": contactID}, path: []any{"contact", "events"}, key: eventKey, lastPageCount: true,
	}
}

func TestContactEventsWalkForwardAtOneCallPerPage(t *testing.T) {
	for name, opts := range map[string]facadetest.Options{"default sizes": {}, "odd sizes": {Sim: oddSizes}} {
		t.Run(name, func(t *testing.T) {
			f := facadetest.New(t, opts)
			ws := f.Sim.Workspace(intercomsim.DemoToken)
			contact := busiest(ws, func(id string) int { return len(ws.EventKeys(id)) })
			want := ws.EventKeys(contact)
			if len(want) < 21 {
				t.Fatalf("the busiest contact has %d listable events; the seed should give some contacts more", len(want))
			}
			w := contactEventsWalk(contact)
			for _, first := range []int{1, 7, 20, 100} {
				keys, calls, pages := w.forward(t, f, first)
				assertInOrder(t, "events", keys, want)
				// One call finds the contact, one reads the page.
				if calls != int64(2*pages) {
					t.Errorf("first=%d: %d pages cost %d upstream calls, want %d", first, pages, calls, 2*pages)
				}
			}
		})
	}
}

func TestDataEventsFindThePersonAnyOfThreeWays(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	contact := busiest(ws, func(id string) int { return len(ws.EventKeys(id)) })
	data := f.Query(`query($id: String!) { contact(intercomId: $id) { email externalId } }`, map[string]any{"id": contact}).MustData(t)
	people := []map[string]any{{"intercomUserId": contact}, {"email": facadetest.Dig(data, "contact", "email")}}
	if ext := facadetest.Dig(data, "contact", "externalId"); ext != nil {
		people = append(people, map[string]any{"userId": ext})
	}
	for _, person := range people {
		w := connWalk{
			query: `query($person: DataEventPerson!, $first: Int, $after: String) {
			  dataEvents(person: $person, first: $first, after: $after) {
			    totalCount edges { cursor node { eventName createdAt } } nodes { eventName createdAt }
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			  }
			}`,
			vars: map[string]any{"person": person}, path: []any{"dataEvents"}, key: eventKey, lastPageCount: true,
		}
		keys, calls, pages := w.forward(t, f, 9)
		assertInOrder(t, "events by "+strconv.Quote(firstKey(person)), keys, ws.EventKeys(contact))
		if calls != int64(pages) {
			t.Errorf("by %v: %d pages cost %d calls", person, pages, calls)
		}
	}
	before := f.Sim.Calls()
	for _, bad := range []map[string]any{{}, {"email": "a@example.com", "userId": "x"}, {"email": ""}} {
		resp := f.Query(`query($person: DataEventPerson!) { dataEvents(person: $person) { totalCount } dataEventSummaries(person: $person) { email } }`,
			map[string]any{"person": bad})
		if codeOf(resp, "dataEvents") != "BAD_USER_INPUT" || codeOf(resp, "dataEventSummaries") != "BAD_USER_INPUT" {
			t.Errorf("person %v: %s", bad, resp.Raw)
		}
	}
	resp := f.Query(`query($id: String!) { contact(intercomId: $id) { events(first: 2, after: "bm9wZQ") { totalCount } } }`, map[string]any{"id": contact})
	if codeOf(resp, "contact", "events") != "BAD_USER_INPUT" {
		t.Errorf("forged cursor: %s", resp.Raw)
	}
	if calls := f.Sim.Calls() - before; calls != 1 {
		t.Errorf("refused arguments cost %d upstream calls, want 1 (the contact)", calls)
	}
	resp = f.Query(`{ dataEvents(person: {email: "nobody@example.com"}) { totalCount } }`, nil)
	if codeOf(resp, "dataEvents") != "NOT_FOUND" {
		t.Errorf("unknown person: %s", resp.Raw)
	}
}

func firstKey(m map[string]any) string {
	for k := range m {
		return k
	}
	return ""
}

func TestEventSummariesCountEveryEvent(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	contact := busiest(ws, func(id string) int { return len(ws.EventKeys(id)) })
	data := f.Query(`query($id: String!) {
	  contact(intercomId: $id) { eventSummaries { name count first last } }
	  dataEventSummaries(person: {intercomUserId: $id}) { intercomUserId email contact { intercomId } events { name count } }
	}`, map[string]any{"id": contact}).MustData(t)
	counts := ws.EventCounts(contact)
	summaries, _ := facadetest.Dig(data, "contact", "eventSummaries").([]any)
	if len(summaries) != len(counts) {
		t.Fatalf("%d summaries, the contact did %d kinds of event", len(summaries), len(counts))
	}
	for _, s := range summaries {
		if int(facadetest.Dig(s, "count").(float64)) != counts[facadetest.Str(facadetest.Dig(s, "name"))] || facadetest.Str(facadetest.Dig(s, "first")) > facadetest.Str(facadetest.Dig(s, "last")) {
			t.Errorf("summary %v, want count %d", s, counts[facadetest.Str(facadetest.Dig(s, "name"))])
		}
	}
	if facadetest.Str(facadetest.Dig(data, "dataEventSummaries", "contact", "intercomId")) != contact || len(facadetest.Dig(data, "dataEventSummaries", "events").([]any)) != len(counts) {
		t.Errorf("dataEventSummaries = %v", data["dataEventSummaries"])
	}
	// Intercom's event lists page forward only: events takes no last/before.
	resp := f.Query(`query($id: String!) { contact(intercomId: $id) { events(last: 2) { totalCount } } }`, map[string]any{"id": contact})
	if len(resp.Errors) == 0 || resp.Errors[0].Code() != "BAD_USER_INPUT" {
		t.Errorf("events(last:) was not refused: %s", resp.Raw)
	}
}
