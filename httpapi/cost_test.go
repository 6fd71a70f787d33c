package httpapi_test

import (
	"strings"
	"testing"

	"intercom-graphql/graph/live"
	"intercom-graphql/graph/relay"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// A query whose root fields alone would spend more than a query may is
// refused before it sends anything: no answer could make it fit.
func TestQueriesThatCannotFitAreRefusedBeforeAnyUpstreamCall(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{MaxQueryCost: 2})
	resp := f.Query(`{ admins { totalCount } teams { totalCount } tags { totalCount } }`, nil)
	if len(resp.Errors) != 1 || resp.Errors[0].Code() != "MAX_COST_EXCEEDED" || !strings.Contains(resp.Errors[0].Message, "at least 3") {
		t.Fatalf("want one MAX_COST_EXCEEDED naming the 3 calls it needs, got %s", resp.Raw)
	}
	cost, _ := resp.Errors[0].Extensions["cost"].(map[string]any)
	if cost["minimum"] != 3.0 || cost["limit"] != 2.0 {
		t.Errorf("the error should carry the minimum and the limit, got %v", resp.Errors[0].Extensions["cost"])
	}
	if resp.Data != nil || resp.Status != 200 {
		t.Errorf("a refused query is a request error (200 under application/json) with no data, got %d %s", resp.Status, resp.Raw)
	}
	if f.Sim.Calls() != 0 {
		t.Errorf("a refused query made %d upstream calls", f.Sim.Calls())
	}
}

// A query whose every page is priced full can be estimated far above the
// limit and still run: it is what it spends that counts.
func TestAQueryEstimatedAboveTheLimitRunsWhenItSpendsLess(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	query := `{ rateLimit { cost maxCost } contacts(first: 100) { nodes { companies(first: 100) { nodes { name } } } } }`
	resp := f.Query(query, nil)
	data := resp.MustData(t)
	if estimate := facadetest.Dig(data, "rateLimit", "cost").(float64); estimate <= 1000 {
		t.Fatalf("the query is meant to be estimated above the default limit of 1000, got %v", estimate)
	}
	spent := facadetest.Dig(resp.Extensions, "upstream", "calls").(float64)
	if spent > 1000 || int64(spent) != f.Sim.Calls() {
		t.Errorf("spent %v calls by its own count, %d by the simulator's", spent, f.Sim.Calls())
	}
	if n := len(facadetest.Dig(data, "contacts", "nodes").([]any)); n == 0 {
		t.Errorf("no contacts in the answer: %s", resp.Raw)
	}
}

// The meter stops a query at the limit: the call that would exceed it is
// never sent, the fields that needed it say why with a code and the figures,
// and everything already fetched is served.
func TestTheMeterStopsAQueryAtTheLimitAndKeepsWhatItFetched(t *testing.T) {
	const limit = 5
	f := facadetest.New(t, facadetest.Options{MaxQueryCost: limit})
	// 1 call for the contacts, then one per company: far more than 5.
	resp := f.Query(`{ contacts(first: 50) { nodes { email companies(first: 5) { nodes { name } } } } }`, nil)
	if calls := f.Sim.Calls(); calls != limit {
		t.Fatalf("the simulator saw %d calls; the query may spend exactly %d", calls, limit)
	}
	if spent := facadetest.Dig(resp.Extensions, "upstream", "calls"); spent != float64(limit) {
		t.Errorf("extensions.upstream.calls = %v, want %d", spent, limit)
	}
	contacts, _ := facadetest.Dig(resp.Data, "contacts", "nodes").([]any)
	if len(contacts) < 20 || facadetest.Str(facadetest.Dig(contacts[0], "email")) == "" {
		t.Fatalf("the contacts fetched before the limit should be served: %s", resp.Raw)
	}
	named := 0
	for _, c := range contacts {
		companies, _ := facadetest.Dig(c, "companies", "nodes").([]any)
		for _, co := range companies {
			if facadetest.Str(facadetest.Dig(co, "name")) != "" {
				named++
			}
		}
	}
	if named == 0 {
		t.Errorf("the companies fetched within the limit should be served: %s", resp.Raw)
	}
	if len(resp.Errors) == 0 {
		t.Fatalf("the fields left unresolved need errors: %s", resp.Raw)
	}
	for _, e := range resp.Errors {
		cost, _ := e.Extensions["cost"].(map[string]any)
		if e.Code() != "MAX_COST_EXCEEDED" || cost["limit"] != float64(limit) || cost["spent"] != float64(limit) || len(e.Path) < 4 || e.Path[0] != "contacts" {
			t.Errorf("want MAX_COST_EXCEEDED with cost {spent limit} on a company of a contact, got %+v", e)
		}
		if !strings.Contains(e.Message, "5 upstream calls") {
			t.Errorf("the message should name the limit: %q", e.Message)
		}
	}
}

// A dry run prices the query without running it: not even the reference
// lists the query would read at its start are read.
func TestADryRunReadsNothing(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	resp := f.Query(`{ rateLimit(dryRun: true) { cost minimumCost } teams { nodes { name admins { nodes { name } } } } }`, nil)
	if got := facadetest.Dig(resp.MustData(t), "rateLimit"); facadetest.Dig(got, "cost") != 2.0 || facadetest.Dig(got, "minimumCost") != 1.0 {
		t.Errorf("rateLimit = %v, want cost 2 (teams and admins) and minimumCost 1 (teams)", got)
	}
	if f.Sim.Calls() != 0 {
		t.Errorf("a dry run made %d upstream calls", f.Sim.Calls())
	}
}

// Each event of a subscription is metered as a query of its own: an event
// whose relations need more calls than a query may spend gets what the limit
// pays for and an error on the rest, and the next event starts afresh.
func TestEachSubscriptionEventIsMetered(t *testing.T) {
	const limit = 1 // the event carries the conversation; its assignee and its contacts need a call each
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Configure: facadetest.WithBroker(broker), MaxQueryCost: limit})
	var intercomID string
	for _, c := range f.Sim.Workspace(intercomsim.DemoToken).Conversations() {
		if c.Conversation.AdminAssigneeID != nil && len(c.Conversation.Contacts.Contacts) > 0 {
			intercomID = c.Conversation.ID
			break
		}
	}
	globalID := relay.NodeID("Conversation", intercomID)
	vars := map[string]any{"filter": map[string]any{"conversationIds": []string{globalID}}}
	sse, resp := facadetest.OpenSSE(t, f, nil, liveConversationEvent, vars)
	if sse == nil {
		t.Fatalf("the event stream was refused: %d", resp.StatusCode)
	}
	facadetest.WaitSubscribers(t, broker, 1)
	for i := range 2 {
		if _, err := f.Sim.EmitObjectWebhook(intercomsim.DemoToken, "conversation.admin.noted", intercomID); err != nil {
			t.Fatal(err)
		}
		event := sse.Event()
		if calls := upstreamCalls(event); calls != limit {
			t.Errorf("event %d spent %v upstream calls, want the limit of %d: %s", i, calls, limit, event.Raw)
		}
		cut := 0
		for _, e := range event.Errors {
			if e.Code() == "MAX_COST_EXCEEDED" {
				cut++
			}
		}
		if cut == 0 || facadetest.Str(facadetest.Dig(event.Data, "conversationEvents", "conversation", "id")) != globalID {
			t.Errorf("event %d: want the conversation and a MAX_COST_EXCEEDED error on what the limit did not pay for, got %s", i, event.Raw)
		}
	}
}
