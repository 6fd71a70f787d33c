package httpapi_test

import (
	"testing"

	"intercom-graphql/graph/httpapi"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream/intercomsim"
)

// Contacts reached by id are fetched with one search per 150, however many
// fields ask for them; with batching off, each costs its own call.
func TestContactsReachedByIDAreFetchedInBatchesOf150(t *testing.T) {
	sizes := intercomsim.Sizes{Admins: 4, Teams: 2, Tags: 4, Segments: 2, Companies: 10, Contacts: 400, Conversations: 100}
	batched := newFacade(t, facadeOptions{sim: intercomsim.Options{Sizes: sizes}, maxQueryCost: 100_000})
	unbatched := newFacade(t, facadeOptions{sim: intercomsim.Options{Sizes: sizes}, maxQueryCost: 100_000,
		configure: func(c *httpapi.Config) { c.Loaders = loaders.Options{Unbatched: true} }})

	globalIDs := make([]any, 100)
	data := batched.query(`{ contacts(first: 100) { nodes { id } } }`, nil).mustData(t)
	for i, n := range dig(data, "contacts", "nodes").([]any) {
		globalIDs[i] = dig(n, "id")
	}

	for _, tc := range []struct {
		name  string
		f     *facade
		calls float64
	}{{"batched", batched, 1}, {"unbatched", unbatched, 100}} {
		resp := tc.f.query(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Contact { email } } }`, map[string]any{"ids": globalIDs})
		resp.mustData(t)
		if calls := dig(resp.Extensions, "upstream", "calls"); calls != tc.calls {
			t.Errorf("%s: 100 contacts by id cost %v calls, want %v", tc.name, calls, tc.calls)
		}
	}

	// Across fields and levels: every conversation's contacts in one query.
	resp := batched.query(`{ conversations(first: 100) { nodes { contacts { nodes { email } } rating { contact { email } } } } }`, nil)
	resp.mustData(t)
	distinct := map[string]bool{}
	convs := batched.sim.Workspace(intercomsim.DemoToken).Conversations()
	for _, c := range convs[len(convs)-100:] { // the list is newest first: the last 100 created
		for _, ref := range c.Conversation.Contacts.Contacts {
			distinct[ref.ID] = true
		}
		if r := c.Conversation.ConversationRating; r != nil {
			distinct[r.Contact.ID] = true
		}
	}
	// Loads gathered within the batch window go together; a field resolved a
	// moment later may start one more batch, never one per contact.
	want := 1 + float64((len(distinct)+149)/150)
	if calls, _ := dig(resp.Extensions, "upstream", "calls").(float64); calls < want || calls > want+1 {
		t.Errorf("the contacts of 100 conversations (%d distinct) cost %v calls, want %v (or one more)", len(distinct), calls, want)
	}
}
