package graph_test

import (
	"slices"
	"testing"

	"intercom-graphql/httpapi/facadetest"
)

// chattiest is the contact of the workspace in the most conversations, with
// the ids of those conversations, read through the root connection.
func chattiest(t *testing.T, f *facadetest.Facade) (string, map[string]string) {
	t.Helper()
	data := f.Query(`{ conversations(first: 100) { nodes { id state contacts { nodes { intercomId } } } } }`, nil).MustData(t)
	byContact := map[string]map[string]string{}
	best := ""
	for _, c := range facadetest.Dig(data, "conversations", "nodes").([]any) {
		for _, contact := range facadetest.Dig(c, "contacts", "nodes").([]any) {
			id := facadetest.Str(facadetest.Dig(contact, "intercomId"))
			if byContact[id] == nil {
				byContact[id] = map[string]string{}
			}
			byContact[id][facadetest.Str(facadetest.Dig(c, "id"))] = facadetest.Str(facadetest.Dig(c, "state"))
			if best == "" || len(byContact[id]) > len(byContact[best]) {
				best = id
			}
		}
	}
	return best, byContact[best]
}

// Contact.conversations holds the contact's conversations, filtered as the
// root connection is, a page for one upstream call.
func TestContactConversationsAreTheContactsOwn(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	contact, want := chattiest(t, f)
	if len(want) < 3 {
		t.Fatalf("the chattiest contact is in %d conversations; the workspace should give one more", len(want))
	}
	const query = `query($id: String!, $filter: ConversationFilter, $after: String) {
	  contact(intercomId: $id) { conversations(first: 2, filter: $filter, after: $after) {
	    nodes { id state } pageInfo { hasNextPage endCursor } } } }`
	var got []string
	after := any(nil)
	for range 10 {
		resp := f.Query(query, map[string]any{"id": contact, "after": after})
		data := resp.MustData(t)
		for _, c := range facadetest.Dig(data, "contact", "conversations", "nodes").([]any) {
			got = append(got, facadetest.Str(facadetest.Dig(c, "id")))
		}
		if calls := facadetest.Dig(resp.Extensions, "upstream", "calls"); calls != float64(2) {
			t.Errorf("a page cost %v upstream calls, want 2 (the contact, the search)", calls)
		}
		if facadetest.Dig(data, "contact", "conversations", "pageInfo", "hasNextPage") != true {
			break
		}
		after = facadetest.Dig(data, "contact", "conversations", "pageInfo", "endCursor")
	}
	if len(got) != len(want) {
		t.Errorf("the contact's conversations: %d, want %d", len(got), len(want))
	}
	for _, id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("conversation %s is not the contact's", id)
		}
	}

	resp := f.Query(query, map[string]any{"id": contact, "filter": map[string]any{"state": map[string]any{"eq": "OPEN"}}})
	var open []string
	for _, c := range facadetest.Dig(resp.MustData(t), "contact", "conversations", "nodes").([]any) {
		if facadetest.Dig(c, "state") != "OPEN" {
			t.Errorf("a state filter of OPEN gave %v", c)
		}
		open = append(open, facadetest.Str(facadetest.Dig(c, "id")))
	}
	var wantOpen []string
	for id, state := range want {
		if state == "OPEN" {
			wantOpen = append(wantOpen, id)
		}
	}
	if len(open) != min(2, len(wantOpen)) {
		t.Errorf("open conversations on the first page: %v, of %v", open, wantOpen)
	}
	for _, id := range open {
		if !slices.Contains(wantOpen, id) {
			t.Errorf("open conversation %s is not among the contact's open ones", id)
		}
	}
}

// A cursor of one contact's conversations is refused on another's: the
// contact is part of the connection's filter.
func TestContactConversationsCursorsBelongToTheirContact(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	contact, _ := chattiest(t, f)
	data := f.Query(`query($id: String!) { contact(intercomId: $id) { conversations(first: 1) { pageInfo { endCursor } } } }`, map[string]any{"id": contact}).MustData(t)
	cursor := facadetest.Dig(data, "contact", "conversations", "pageInfo", "endCursor")
	other := facadetest.Dig(f.Query(`{ contacts(first: 2) { nodes { intercomId } } }`, nil).MustData(t), "contacts", "nodes").([]any)
	otherID := facadetest.Dig(other[0], "intercomId")
	if otherID == contact {
		otherID = facadetest.Dig(other[1], "intercomId")
	}
	resp := f.Query(`query($id: String!, $after: String) { contact(intercomId: $id) { conversations(first: 1, after: $after) { nodes { id } } } }`,
		map[string]any{"id": otherID, "after": cursor})
	if e, ok := resp.ErrorAt("contact", "conversations"); !ok || e.Code() != "BAD_USER_INPUT" {
		t.Errorf("another contact's cursor was accepted: %s", resp.Raw)
	}
}
