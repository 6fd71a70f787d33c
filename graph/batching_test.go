package graph_test

import (
	"testing"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream/intercomsim"
)

// Contacts reached by id are fetched with one search per 150, however many
// fields ask for them; with batching off, each costs its own call.
func TestContactsReachedByIDAreFetchedInBatchesOf150(t *testing.T) {
	sizes := intercomsim.Sizes{Admins: 4, Teams: 2, Tags: 4, Segments: 2, Companies: 10, Contacts: 400, Conversations: 100}
	batched := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: sizes}, MaxQueryCost: 100_000})
	unbatched := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: sizes}, MaxQueryCost: 100_000,
		Configure: func(c *httpapi.Config) { c.Loaders = loaders.Options{Unbatched: true} }})

	globalIDs := make([]any, 100)
	data := batched.Query(`{ contacts(first: 100) { nodes { id } } }`, nil).MustData(t)
	for i, n := range facadetest.Dig(data, "contacts", "nodes").([]any) {
		globalIDs[i] = facadetest.Dig(n, "id")
	}

	for _, tc := range []struct {
		name  string
		f     *facadetest.Facade
		calls float64
	}{{"batched", batched, 1}, {"unbatched", unbatched, 100}} {
		resp := tc.f.Query(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Contact { email } } }`, map[string]any{"ids": globalIDs})
		resp.MustData(t)
		if calls := facadetest.Dig(resp.Extensions, "upstream", "calls"); calls != tc.calls {
			t.Errorf("%s: 100 contacts by id cost %v calls, want %v", tc.name, calls, tc.calls)
		}
	}

	// Across fields and levels: every conversation's contacts in one query.
	resp := batched.Query(`{ conversations(first: 100) { nodes { contacts { nodes { email } } rating { contact { email } } } } }`, nil)
	resp.MustData(t)
	distinct := map[string]bool{}
	convs := batched.Sim.Workspace(intercomsim.DemoToken).Conversations()
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
	if calls, _ := facadetest.Dig(resp.Extensions, "upstream", "calls").(float64); calls < want || calls > want+1 {
		t.Errorf("the contacts of 100 conversations (%d distinct) cost %v calls, want %v (or one more)", len(distinct), calls, want)
	}
}
