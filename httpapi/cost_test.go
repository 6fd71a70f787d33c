package httpapi_test

import (
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
)

func TestTooCostlyQueriesAreRefusedBeforeAnyUpstreamCall(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	resp := f.Query(`{ contacts(first: 100) { nodes { companies(first: 100) { nodes { name } } } } }`, nil)
	if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" || !strings.Contains(resp.Errors[0].Message, "1000") {
		t.Fatalf("want one BAD_USER_INPUT naming the maximum, got %s", resp.Raw)
	}
	if cost, _ := resp.Errors[0].Extensions["cost"].(float64); cost <= 1000 {
		t.Errorf("the error should carry the estimate, got %v", resp.Errors[0].Extensions["cost"])
	}
	if f.Sim.Calls() != 0 {
		t.Errorf("a refused query made %d upstream calls", f.Sim.Calls())
	}
}
