package bench

import (
	"testing"

	"intercom-graphql/graph/relay"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// Under a limit below the 34 calls it needs cold, the inbox spends exactly the limit and
// answers with what it could pay for: the conversations and their people,
// with a MAX_COST_EXCEEDED error on each company it could not fetch.
func TestTheInboxStopsAtTheCostLimitWithTheDataItPaidFor(t *testing.T) {
	const limit = 30
	f := facadetest.New(t, facadetest.Options{
		Sim:          intercomsim.Options{Seed: 1, Budget: 1 << 30, Sizes: intercomsim.DemoSizes()},
		MaxQueryCost: limit,
	})
	inbox := scenarios[0]
	if inbox.name != "inbox" {
		t.Fatalf("scenarios[0] is %s, not the inbox", inbox.name)
	}
	vars := map[string]any{"team": relay.NodeID("Team", busiestTeam(f.Sim.Workspace(intercomsim.DemoToken)))}
	resp := f.Query(inbox.query(t), vars)
	if calls := f.Sim.Calls(); calls != limit {
		t.Errorf("the inbox made %d upstream calls under a limit of %d", calls, limit)
	}
	conversations := list(resp.Data, "conversations", "nodes")
	if len(conversations) == 0 || facadetest.Str(facadetest.Dig(conversations[0], "intercomId")) == "" {
		t.Fatalf("the conversations were paid for and should be served: %s", resp.Raw)
	}
	if len(resp.Errors) == 0 {
		t.Fatalf("the companies not paid for need errors: %s", resp.Raw)
	}
	for _, e := range resp.Errors {
		if e.Code() != "MAX_COST_EXCEEDED" || facadetest.Dig(e.Extensions, "cost", "limit") != float64(limit) {
			t.Errorf("want MAX_COST_EXCEEDED with cost.limit %d, got %+v", limit, e)
		}
		if len(e.Path) != 7 || e.Path[6] != "companies" {
			t.Errorf("only the companies, the last calls of the inbox, should be cut; got an error at %v", e.Path)
		}
	}
}
