package graph_test

import (
	"slices"
	"testing"

	"github.com/99designs/gqlgen/client"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func TestSubscriptionTypesWalkBothWaysWithOneCall(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	want := f.Sim.Workspace(intercomsim.DemoToken).SubscriptionTypeIDs()
	w := connWalk{
		query: `query($first: Int, $after: String, $last: Int, $before: String) {
		  subscriptionTypes(first: $first, after: $after, last: $last, before: $before) {
		    totalCount edges { cursor node { intercomId } } nodes { intercomId }
		    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
		  }
		}`,
		path: []any{"subscriptionTypes"},
	}
	for _, first := range []int{1, 4, 20} {
		ids, calls, pages := w.forward(t, f, first)
		assertInOrder(t, "subscription types", ids, want)
		if calls != int64(pages) {
			t.Errorf("first=%d: %d pages cost %d calls, want one each (the list is read once per query)", first, pages, calls)
		}
	}
	for _, last := range []int{1, 4} {
		ids, _ := w.backward(t, f, last)
		assertInOrder(t, "subscription types backward", ids, want)
	}
}

func TestContactSubscriptionTypesCarryTheContactsChoice(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	contact := busiest(ws, func(id string) int { return len(ws.ContactSubscriptionTypeIDs(id)) })
	want := ws.ContactSubscriptionTypeIDs(contact)
	if len(want) < 2 {
		t.Fatalf("the most subscribed contact chose about %d types; the seed should give some more", len(want))
	}
	w := connWalk{
		query: `query($id: String!, $first: Int, $after: String, $last: Int, $before: String) {
		  contact(intercomId: $id) {
		    subscriptionTypes(first: $first, after: $after, last: $last, before: $before) {
		      totalCount edges { cursor consent node { intercomId consentType } } nodes { intercomId }
		      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
		    }
		  }
		}`,
		vars: map[string]any{"id": contact},
		path: []any{"contact", "subscriptionTypes"},
	}
	ids, _, _ := w.forward(t, f, 1)
	assertInOrder(t, "contact subscription types", ids, want)
	ids, _ = w.backward(t, f, 1)
	assertInOrder(t, "contact subscription types backward", ids, want)

	_, conn := w.page(t, f, map[string]any{"first": 10})
	for _, e := range facadetest.Dig(conn, "edges").([]any) {
		consent, kind := facadetest.Dig(e, "consent"), facadetest.Dig(e, "node", "consentType")
		if (kind == "OPT_IN") != (consent == "OPTED_IN") {
			t.Errorf("a contact listed under %v has consent %v", kind, consent)
		}
	}
	// A cursor of one contact's list is refused on the workspace's list.
	resp := f.Query(`query($after: String) { subscriptionTypes(first: 1, after: $after) { totalCount } }`,
		map[string]any{"after": facadetest.Dig(conn, "pageInfo", "endCursor")})
	if codeOf(resp, "subscriptionTypes") != "BAD_USER_INPUT" {
		t.Errorf("foreign cursor: %s", resp.Raw)
	}
}

func TestSubscriptionTypeNodeRoundTrip(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	var data struct {
		SubscriptionTypes struct {
			Nodes []struct {
				ID, IntercomID, State string
				ContentTypes          []string
				Translations          []struct{ Locale string }
			}
		}
	}
	f.MustPost(`{ subscriptionTypes { nodes { id intercomId state contentTypes translations { locale } } } }`, &data)
	var states []string
	for _, n := range data.SubscriptionTypes.Nodes {
		states = append(states, n.State)
		var got struct {
			Node             struct{ ID, IntercomID string }
			SubscriptionType struct{ IntercomID string }
		}
		f.MustPost(`query($id: ID!) { node(id: $id) { id ... on SubscriptionType { intercomId } } subscriptionType(id: $id) { intercomId } }`,
			&got, client.Var("id", n.ID))
		if got.Node.IntercomID != n.IntercomID || got.SubscriptionType.IntercomID != n.IntercomID {
			t.Errorf("round trip of %+v gave %+v", n, got)
		}
	}
	for _, s := range []string{"LIVE", "DRAFT", "ARCHIVED"} {
		if !slices.Contains(states, s) {
			t.Errorf("no subscription type is %s; states seen %v", s, states)
		}
	}
	resp := f.Query(`{ subscriptionType(intercomId: "1") { id } }`, nil)
	if codeOf(resp, "subscriptionType") != "NOT_FOUND" {
		t.Errorf("unknown subscription type: %s", resp.Raw)
	}
}
