package cost_test

import (
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"intercom-graphql/graph/cost"
	"intercom-graphql/graph/schemaview"
)

// schema is the subgraph view, which holds the plain graph and _entities.
var schema = schemaview.Subgraph()

func operation(t testing.TB, query string) *ast.OperationDefinition {
	t.Helper()
	doc, errs := gqlparser.LoadQueryWithRules(schema, query, nil) // nil: the default validation rules
	if errs != nil {
		t.Fatalf("invalid test query: %v", errs)
	}
	return doc.Operations[0]
}

func TestEstimate(t *testing.T) {
	cases := []struct {
		name  string
		query string
		vars  map[string]any
		want  int
	}{
		{"one reference read", `{ me { name } }`, nil, 1},
		{"a reference list is paid once per operation", `{ admins { totalCount } admin(intercomId: "1") { name } teams { nodes { admins { totalCount } } } }`, nil, 2},
		{"fields the parent holds are free", `{ contacts(first: 10) { totalCount nodes { email location { city } socialProfiles { url } } } }`, nil, 1},
		{"lookups in reference lists do not multiply", `{ contacts(first: 10) { nodes { owner { name } } } }`, nil, 2},
		{"a page within Intercom's per-page limit is one call", `{ contacts(first: 100) { totalCount } }`, nil, 1},
		{"objects fetched one by one multiply by the page", `{ contacts(first: 50) { nodes { companies(first: 2) { nodes { name } } } } }`, nil, 101},
		{"objects fetched by search count per 150", `{ conversations(first: 100) { nodes { contacts(first: 2) { nodes { email } } } } }`, nil, 3},
		{"a ticket's contacts come from the same search as a conversation's", `{ tickets(first: 100) { nodes { contacts(first: 2) { nodes { email } } } } }`, nil, 1 + 2},
		{"the default page size applies without first", `{ conversations { nodes { parts { totalCount } } } }`, nil, 21},
		{"variables and fragments are followed", `query($n: Int) { conversations(first: $n) { ...F } } fragment F on ConversationConnection { nodes { parts { totalCount } } }`, map[string]any{"n": int64(5)}, 6},
		{"inline fragments are followed", `{ node(id: "x") { ... on Conversation { contacts { nodes { owner { name } } } } } }`, nil, 1 + 1 + 1},
		{"nodes multiply by the ids", `{ nodes(ids: ["a", "b", "c"]) { id } }`, nil, 3},
		{"a payload's companies are one call each of the input's", `mutation { tagCompanies(input: {name: "vip", companyIds: ["a", "b", "c"]}) { companies { name } } }`, nil, 1 + 3},
		{"a payload's contacts are one search per 150 of the input's", `mutation($ids: [ID!]!) { tagContacts(input: {name: "vip", contactIds: $ids}) { contacts { email } } }`,
			map[string]any{"ids": make([]any, 151)}, 1 + 2},
		{"a payload list not selected costs nothing", `mutation { tagCompanies(input: {name: "vip", companyIds: ["a", "b"]}) { tag { name } } }`, nil, 1},
		{"a field each parent pays for multiplies by the page", `{ articles(first: 100) { nodes { statistics { views } } } }`, nil, 1 + 100},
		{"an aliased copy is paid again", `{ a: articles(first: 100) { nodes { statistics { views } } } b: articles(first: 20, after: "x") { nodes { statistics { views } } } }`, nil, 101 + 21},
		{"a scroll page can need the next batch to end", `{ allCompanies(first: 20) { nodes { name } } }`, nil, 2},
		{"a count of segments is one counted list", `{ segments { nodes { count } } s: segments { nodes { count } } }`, nil, 2},
		{"introspection is free", `{ __schema { types { name } } __typename }`, nil, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := cost.Estimate(operation(t, tc.query), tc.vars); got != tc.want {
				t.Errorf("Estimate = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestEstimateSaturatesInsteadOfOverflowing(t *testing.T) {
	query := `{ conversations(first: 100000000) { nodes { contacts(first: 100000000) { nodes { email } } } } }`
	if got := cost.Estimate(operation(t, query), nil); got < 1<<30 {
		t.Errorf("a hostile query reads as %d calls", got)
	}
}

func FuzzEstimate(f *testing.F) {
	for _, seed := range []string{
		`{ me { name } }`,
		`{ conversations(first: 50) { nodes { contacts(first: 2) { nodes { email owner { name } } } } } }`,
		`query($n: Int) { contacts(first: $n) { totalCount } }`,
		`{ nodes(ids: ["a"]) { ... on Team { admins(last: 3) { nodes { teams { totalCount } } } } } }`,
		`mutation { tagCompanies(input: {name: "vip", companyIds: ["a", "b"]}) { companies { name contacts(first: 3) { totalCount } } } }`,
	} {
		f.Add(seed, int64(7))
	}
	f.Fuzz(func(t *testing.T, query string, n int64) {
		doc, errs := gqlparser.LoadQueryWithRules(schema, query, nil) // nil: the default validation rules
		if errs != nil || len(doc.Operations) == 0 {
			return
		}
		if got := cost.Estimate(doc.Operations[0], map[string]any{"n": n}); got < 0 {
			t.Fatalf("negative estimate %d for %q", got, query)
		}
	})
}
