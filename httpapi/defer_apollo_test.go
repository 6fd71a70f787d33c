package httpapi_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
)

// apolloDir holds Apollo Client, pinned by its package-lock.json.
const apolloDir = "testdata/apollo"

// Apollo Client reads a query with @defer from the facade as a browser app
// would: it asks for multipart/mixed itself, shows the contact while the
// deferred fragments are still on their way, and ends with the whole answer.
func TestApolloClientReadsDeferredFragments(t *testing.T) {
	facadetest.RequireNode(t, apolloDir)
	f := facadetest.New(t, facadetest.Options{})
	id, _ := richContact(t, f)
	vars := map[string]any{"id": id}
	whole := f.Query(contactViewAtOnce, vars).MustData(t)
	queryFile := filepath.Join(t.TempDir(), "contact.graphql")
	if err := os.WriteFile(queryFile, []byte(contactView), 0o600); err != nil {
		t.Fatal(err)
	}
	varsJSON, _ := json.Marshal(vars)
	out := facadetest.RunNode(t, apolloDir, "defer.mjs", f.Server.URL+"/graphql", queryFile, string(varsJSON))

	type result struct {
		DataState string         `json:"dataState"`
		Data      map[string]any `json:"data"`
		Errors    string         `json:"errors"`
	}
	var results []result
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r result
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("the script printed a line that is not JSON: %q", line)
		}
		if r.Errors != "" {
			t.Fatalf("Apollo Client reported an error: %s", r.Errors)
		}
		results = append(results, r)
	}
	if len(results) < 2 || results[0].DataState != "streaming" || results[len(results)-1].DataState != "complete" {
		t.Fatalf("want streaming results, then a complete one; got %s", out)
	}
	if facadetest.Dig(results[0].Data, "contact", "email") != facadetest.Dig(whole, "contact", "email") {
		t.Errorf("the first result should show the contact: %v", results[0].Data)
	}
	last := results[len(results)-1].Data
	for _, field := range []string{"companies", "segments", "notes"} {
		got := names(facadetest.Dig(last, "contact", field, "nodes"))
		if want := names(facadetest.Dig(whole, "contact", field, "nodes")); len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("contact.%s: Apollo Client assembled %v, want %v", field, got, want)
		}
	}
}

// names are the name (or body) of each node of a list, in order.
func names(nodes any) []string {
	var out []string
	for _, n := range listAt(nodes) {
		s := facadetest.Str(facadetest.Dig(n, "name")) + facadetest.Str(facadetest.Dig(n, "body"))
		out = append(out, s)
	}
	return out
}
