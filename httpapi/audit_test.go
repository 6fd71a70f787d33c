package httpapi_test

import (
	"encoding/json"
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
)

// graphql-http's audit of the GraphQL-over-HTTP specification passes with
// no error and no warning: every MUST, SHOULD and MAY it checks.
func TestGraphQLOverHTTPAuditPassesEverything(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	out := facadetest.RunNode(t, "testdata/clients", "audit.mjs", f.Server.URL+"/graphql")
	passed, total := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct{ ID, Name, Status, Reason string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("the audit printed %q", line)
		}
		total++
		if r.Status == "ok" {
			passed++
			continue
		}
		t.Errorf("%s %s (%s): %s", r.ID, r.Name, r.Status, r.Reason)
	}
	if total < 60 {
		t.Errorf("the audit ran %d checks; graphql-http 1.23.1 has 61", total)
	}
	t.Logf("graphql-http audit: %d of %d passed", passed, total)
}
