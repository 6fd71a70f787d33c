package graph_test

import (
	"testing"

	"intercom-graphql/httpapi/facadetest"
)

func TestRateLimitReportsCostAndBudget(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	f.Query(`{ me { name } }`, nil).MustData(t) // the budget is known once Intercom has answered
	resp := f.Query(`{ me { name } contacts(first: 10) { nodes { owner { name } } } rateLimit { cost maxCost limit remaining resetAt } }`, nil)
	data := resp.MustData(t)
	// me (1) + one contacts page (1) + the admins list for owners (1)
	if cost := facadetest.Dig(data, "rateLimit", "cost"); cost != float64(3) {
		t.Errorf("cost = %v, want 3", cost)
	}
	if facadetest.Dig(data, "rateLimit", "maxCost") != float64(1000) || facadetest.Dig(data, "rateLimit", "limit") != float64(1666) {
		t.Errorf("rateLimit = %v", data["rateLimit"])
	}
	if remaining, _ := facadetest.Dig(data, "rateLimit", "remaining").(float64); remaining <= 0 || remaining >= 1666 {
		t.Errorf("remaining = %v, want the budget minus what was spent", remaining)
	}
}

func TestDryRunEstimatesWithoutCallingIntercom(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	resp := f.Query(`{ conversations(first: 50) { nodes { parts(first: 2) { nodes { body } } contacts(first: 2) { nodes { email } } } } rateLimit(dryRun: true) { cost } }`, nil)
	data := resp.MustData(t)
	// one conversations page + 50 conversations' parts fetched one by one + their 100 contacts in one search
	if cost := facadetest.Dig(data, "rateLimit", "cost"); cost != float64(52) {
		t.Errorf("cost = %v, want 52", cost)
	}
	if _, ran := data["conversations"]; ran {
		t.Errorf("a dry run executed the query: %s", resp.Raw)
	}
	if f.Sim.Calls() != 0 {
		t.Errorf("a dry run made %d upstream calls", f.Sim.Calls())
	}
}
