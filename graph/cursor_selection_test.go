package graph_test

import (
	"reflect"
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
)

// A connection signs only the cursors its selection shows; whichever part of
// it is selected, the cursors it shows are the ones a full selection shows,
// and they page on the same way.
func TestCursorsAreTheSameWhateverPartOfTheConnectionIsSelected(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	connections := []struct {
		name, field string // field opens the connection's selection, up to its brace
		path        []any
	}{
		{"a list read with starting_after", "contacts(first: 3, after: $after)", []any{"contacts"}},
		{"a list read by page number", "companies(first: 2, after: $after)", []any{"companies"}},
		{"a whole list paged in memory", "tags(first: 2, after: $after)", []any{"tags"}},
	}
	const full = `edges { cursor node { intercomId } } nodes { intercomId } pageInfo { startCursor endCursor hasNextPage }`
	selections := []struct{ name, sel string }{
		{"pageInfo alone", `nodes { intercomId } pageInfo { startCursor endCursor hasNextPage }`},
		{"pageInfo through a fragment", `nodes { intercomId } ... on __TYPE__ { info: pageInfo { endCursor startCursor hasNextPage } }`},
		{"edges alone", `edges { cursor node { intercomId } } pageInfo { hasNextPage }`},
	}
	for _, c := range connections {
		query := func(sel string) string {
			return `query($after: String) { ` + c.field + ` { __typename ` + sel + ` } }`
		}
		ask := func(t *testing.T, sel string, after any) map[string]any {
			t.Helper()
			return facadetest.Dig(f.Query(query(sel), map[string]any{"after": after}).MustData(t), c.path...).(map[string]any)
		}
		want := ask(t, full, nil)
		typeName := facadetest.Str(want["__typename"])
		edges := want["edges"].([]any)
		if len(edges) < 2 {
			t.Fatalf("%s: the workspace holds too few items (%d) to compare cursors", c.name, len(edges))
		}
		wantNext := ask(t, full, facadetest.Dig(want, "pageInfo", "endCursor"))
		for _, s := range selections {
			t.Run(c.name+", "+s.name, func(t *testing.T) {
				got := ask(t, strings.ReplaceAll(s.sel, "__TYPE__", typeName), nil)
				if got["info"] != nil {
					got["pageInfo"] = got["info"]
				}
				if got["edges"] != nil {
					if !reflect.DeepEqual(got["edges"], want["edges"]) {
						t.Fatalf("edges = %v, want %v", got["edges"], want["edges"])
					}
					return
				}
				if !reflect.DeepEqual(got["nodes"], want["nodes"]) {
					t.Fatalf("nodes = %v, want %v", got["nodes"], want["nodes"])
				}
				if !reflect.DeepEqual(got["pageInfo"], want["pageInfo"]) {
					t.Fatalf("pageInfo = %v, want %v", got["pageInfo"], want["pageInfo"])
				}
				start, end := facadetest.Dig(got, "pageInfo", "startCursor"), facadetest.Dig(got, "pageInfo", "endCursor")
				if start != facadetest.Dig(edges[0], "cursor") || end != facadetest.Dig(edges[len(edges)-1], "cursor") {
					t.Fatalf("pageInfo's cursors %v and %v are not the first and last edges'", start, end)
				}
				if next := ask(t, full, end); !reflect.DeepEqual(next, wantNext) {
					t.Fatalf("after the endCursor of pageInfo alone: %v, want %v", next, wantNext)
				}
			})
		}
		t.Run(c.name+", nodes alone", func(t *testing.T) {
			got := ask(t, `nodes { intercomId } totalCount`, nil)
			if !reflect.DeepEqual(got["nodes"], want["nodes"]) {
				t.Fatalf("nodes = %v, want %v", got["nodes"], want["nodes"])
			}
		})
	}
}
