package httpapi_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"intercom-graphql/httpapi/facadetest"
)

// A company's supergraph joins its own User to Intercom: the facade, served
// as a subgraph, is composed with a second subgraph that owns
// User { id email intercomContact } by @theguild/federation-composition, the
// supergraph is served by Hive Gateway, and a query that starts at User ends
// in each user's contact's open conversations. The gateway asks the facade
// for all the users' contacts at once: one search for the contacts by email,
// then one conversation search per contact.
func TestSupergraphReachesContactsConversationsFromUsers(t *testing.T) {
	facadetest.RequireNode(t, "testdata/clients")
	for _, pkg := range []string{"@theguild/federation-composition", "@graphql-hive/gateway"} {
		if _, err := os.Stat(filepath.Join("testdata", "clients", "node_modules", pkg)); err != nil {
			t.Skipf("%s is not installed in testdata/clients/node_modules: run npm ci --prefix httpapi/testdata/clients (.ci/run does)", pkg)
		}
	}
	f := newSubgraph(t, facadetest.Options{})

	// The users are the contacts with open conversations, by their emails.
	data := f.Query(`{ conversations(first: 100, filter: { state: { eq: OPEN } }) { nodes { contacts { nodes { intercomId email } } } } }`, nil).MustData(t)
	var users []map[string]any
	seen := map[string]bool{}
	for _, c := range facadetest.Dig(data, "conversations", "nodes").([]any) {
		for _, contact := range facadetest.Dig(c, "contacts", "nodes").([]any) {
			email := facadetest.Str(facadetest.Dig(contact, "email"))
			if len(users) < 3 && !seen[email] {
				seen[email] = true
				users = append(users, map[string]any{"id": fmt.Sprintf("user-%d", len(users)+1), "email": email, "contact": facadetest.Dig(contact, "intercomId")})
			}
		}
	}
	if len(users) < 3 {
		t.Fatalf("the workspace has %d contacts with open conversations; the test needs 3", len(users))
	}

	// What the gateway must answer, asked of the facade directly.
	var want []any
	for _, u := range users {
		contact := f.Query(`query($id: String!) { contact(intercomId: $id) {
		  email name conversations(filter: { state: { eq: OPEN } }, first: 10) { nodes { id state } } } }`, map[string]any{"id": u["contact"]}).MustData(t)["contact"]
		if len(facadetest.Dig(contact, "conversations", "nodes").([]any)) == 0 {
			t.Fatalf("contact %v has no open conversation to reach", u["contact"])
		}
		want = append(want, map[string]any{"id": u["id"], "email": u["email"], "intercomContact": contact})
		delete(u, "contact")
	}
	arg, _ := json.Marshal(users)

	before := f.Sim.Calls()
	out := facadetest.RunNode(t, "testdata/clients", "supergraph.mjs", f.Server.URL+"/graphql", string(arg))
	spent := f.Sim.Calls() - before

	var got facadetest.Response
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("the gateway's answer is not JSON: %v\n%s", err, out)
	}
	if len(got.Errors) > 0 {
		t.Fatalf("the gateway answered with errors: %s", out)
	}
	if !reflect.DeepEqual(got.Data["users"], want) {
		t.Errorf("through the gateway:\n%v\nfrom the facade:\n%v", got.Data["users"], want)
	}
	if wantCalls := int64(1 + len(users)); spent != wantCalls {
		t.Errorf("the supergraph query cost %d upstream calls, want %d (one search for the contacts by email, one conversation search each)", spent, wantCalls)
	}
}
