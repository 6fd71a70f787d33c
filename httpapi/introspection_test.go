package httpapi_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"intercom-graphql/graph/schemaview"
	"intercom-graphql/httpapi/facadetest"
)

// introspectionQueries are the queries tools send to learn the schema, as
// graphql@16 generates them (testdata/clients/introspection-queries.mjs).
var introspectionQueries = []string{"graphql-js-16", "graphiql-4"}

func readIntrospectionQuery(t *testing.T, name string) string {
	t.Helper()
	query, err := os.ReadFile(filepath.Join("testdata", "introspection", name+".graphql"))
	if err != nil {
		t.Fatal(err)
	}
	return string(query)
}

// GraphiQL's Docs pane, graphql-codegen, Relay's compiler, Apollo's tooling,
// Postman and Insomnia all introspect with these queries, which nest deeper
// than MAX_QUERY_DEPTH: they must run at the defaults and describe every type.
func TestStandardIntrospectionQueriesRunAtTheDefaultLimits(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	var want []string
	for name := range schemaview.Plain().Types {
		want = append(want, name)
	}
	slices.Sort(want)
	for _, name := range introspectionQueries {
		t.Run(name, func(t *testing.T) {
			resp := f.Query(readIntrospectionQuery(t, name), nil)
			data := resp.MustData(t)
			var got []string
			var contacts bool
			for _, typ := range facadetest.Dig(data, "__schema", "types").([]any) {
				got = append(got, facadetest.Str(facadetest.Dig(typ, "name")))
				if facadetest.Dig(typ, "name") == "Query" {
					for _, field := range facadetest.Dig(typ, "fields").([]any) {
						contacts = contacts || facadetest.Dig(field, "name") == "contacts"
					}
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("introspection lists %d types, the schema has %d", len(got), len(want))
			}
			if !contacts {
				t.Error("introspection does not show Query.contacts")
			}
		})
	}
	if f.Sim.Calls() != 0 {
		t.Errorf("introspection made %d upstream calls; it is answered from the schema", f.Sim.Calls())
	}
}

// The committed query texts are what graphql@16 generates today.
func TestIntrospectionQueriesAreGraphQLJSOwn(t *testing.T) {
	for _, name := range introspectionQueries {
		got := facadetest.RunNode(t, filepath.Join("testdata", "clients"), "introspection-queries.mjs", name)
		if got != readIntrospectionQuery(t, name) {
			t.Errorf("testdata/introspection/%s.graphql differs from what graphql@16 generates: regenerate it with node testdata/clients/introspection-queries.mjs %s", name, name)
		}
	}
}

// Introspection escapes the depth, alias and field limits, but not bounds of
// its own: a query that only an attack would send is refused before anything
// runs, with the bound it broke.
func TestIntrospectionBombsAreRefusedBeforeAnythingRuns(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ofTypes := func(n int) string {
		return `{ __type(name: "Query") { ` + strings.Repeat("ofType { ", n) + "name" + strings.Repeat(" }", n) + " } }"
	}
	var roots, aliases strings.Builder
	for i := range 6 {
		fmt.Fprintf(&roots, " t%d: __type(name: \"Query\") { name }", i)
		fmt.Fprintf(&aliases, " t%d: types { name }", i)
	}
	fragment := "fragment T on __Type { " + strings.Repeat("name kind description ", 8) + "}"
	spreads := strings.Repeat("...T ", 100)
	cases := []struct{ name, query, says string }{
		{"ofType chain", ofTypes(11), "nests ofType 11 levels deep; at most 10"},
		{"type, fields, type, fields cycle", `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`, "Maximum introspection depth exceeded"},
		{"interfaces of possible types", `{ __schema { types { possibleTypes { interfaces { possibleTypes { name } } } } } }`, "Maximum introspection depth exceeded"},
		{"repeated __type", "{" + roots.String() + " }", "asks for introspection (__schema, __type) 6 times; at most 5"},
		{"aliased lists", "{ __schema {" + aliases.String() + " } }", "introspection query uses 6 aliases; at most 5"},
		{"fragment spread a hundred times", "{ __schema { types { " + spreads + "} } } " + fragment, "introspection query selects"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// A field that calls Intercom rides along: nothing may run.
			query := strings.Replace(tc.query, "{", "{ me { name }", 1)
			resp := f.Query(query, nil)
			if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" || !strings.Contains(resp.Errors[0].Message, tc.says) || resp.Data != nil {
				t.Fatalf("want only a BAD_USER_INPUT error saying %q, got %s", tc.says, resp.Raw)
			}
		})
	}
	if f.Sim.Calls() != 0 {
		t.Errorf("refused documents made %d upstream calls", f.Sim.Calls())
	}
	// Just inside the bounds, the same shapes run.
	for _, query := range []string{ofTypes(10), `{ __schema { types { fields { type { fields { name } } } } } }`,
		"{ t0: __type(name: \"Query\") { name } t1: __type(name: \"Mutation\") { name } __schema { queryType { name } } }"} {
		if resp := f.Query(query, nil); len(resp.Errors) != 0 {
			t.Errorf("%s was refused: %s", query, resp.Raw)
		}
	}
}
