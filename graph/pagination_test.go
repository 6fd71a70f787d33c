package graph_test

import (
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// walk follows a connection with first/after to its end and returns the
// intercomIds in the order seen, checking pageInfo and totalCount on the way.
func walk(t *testing.T, f *facadetest.Facade, query string, path []any, first int) (ids []string, upstreamCalls int64) {
	t.Helper()
	before := f.Sim.Calls()
	var after any
	total := -1
	for page := 0; ; page++ {
		if page > 10_000 {
			t.Fatal("walk does not end")
		}
		data := f.Query(query, map[string]any{"first": first, "after": after}).MustData(t)
		conn := facadetest.Dig(data, path...)
		edges, _ := facadetest.Dig(conn, "edges").([]any)
		nodes, _ := facadetest.Dig(conn, "nodes").([]any)
		if len(edges) != len(nodes) {
			t.Fatalf("page %d: %d edges but %d nodes", page, len(edges), len(nodes))
		}
		for i, e := range edges {
			id := facadetest.Str(facadetest.Dig(e, "node", "intercomId"))
			if facadetest.Str(facadetest.Dig(nodes[i], "intercomId")) != id {
				t.Fatalf("page %d: edge %d and node %d differ", page, i, i)
			}
			ids = append(ids, id)
		}
		pageTotal := int(facadetest.Dig(conn, "totalCount").(float64))
		if total >= 0 && pageTotal != total {
			t.Fatalf("totalCount changed from %d to %d", total, pageTotal)
		}
		total = pageTotal
		hasNext := facadetest.Dig(conn, "pageInfo", "hasNextPage").(bool)
		hasPrev := facadetest.Dig(conn, "pageInfo", "hasPreviousPage").(bool)
		if hasPrev != (page > 0) {
			t.Fatalf("page %d: hasPreviousPage = %v", page, hasPrev)
		}
		if len(edges) > 0 && facadetest.Str(facadetest.Dig(conn, "pageInfo", "endCursor")) != facadetest.Str(facadetest.Dig(edges[len(edges)-1], "cursor")) {
			t.Fatalf("page %d: endCursor is not the last edge's cursor", page)
		}
		if !hasNext {
			if len(ids) != total {
				t.Fatalf("walk saw %d items but totalCount is %d", len(ids), total)
			}
			return ids, f.Sim.Calls() - before
		}
		if len(edges) != first {
			t.Fatalf("page %d has %d edges but hasNextPage is true", page, len(edges))
		}
		after = facadetest.Dig(conn, "pageInfo", "endCursor")
	}
}

func assertExactlyOnce(t *testing.T, seen, want []string) {
	t.Helper()
	counts := map[string]int{}
	for _, id := range seen {
		counts[id]++
	}
	for _, id := range want {
		if counts[id] != 1 {
			t.Errorf("%s seen %d times", id, counts[id])
		}
	}
	if len(seen) != len(want) {
		t.Errorf("saw %d items, the workspace has %d", len(seen), len(want))
	}
}

const contactsPage = `query($first: Int, $after: String) {
  contacts(first: $first, after: $after) {
    totalCount
    edges { cursor node { id intercomId email } }
    nodes { intercomId }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`

func TestContactsWalkSeesEveryContactOnceAtOneCallPerPage(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	want := f.Sim.Workspace(intercomsim.DemoToken).ContactIDs()
	for _, first := range []int{1, 5, 10, 47, 100} {
		ids, calls := walk(t, f, contactsPage, []any{"contacts"}, first)
		assertExactlyOnce(t, ids, want)
		pages := (len(want) + first - 1) / first
		if calls != int64(pages) {
			t.Errorf("first=%d: %d pages cost %d upstream calls, want one per page", first, pages, calls)
		}
	}
}

func TestConversationsWalkSeesEveryConversationOnce(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	want := f.Sim.Workspace(intercomsim.DemoToken).ConversationIDs()
	query := `query($first: Int, $after: String) {
	  conversations(first: $first, after: $after) {
	    totalCount edges { cursor node { intercomId } } nodes { intercomId }
	    pageInfo { hasNextPage hasPreviousPage endCursor }
	  }
	}`
	for _, first := range []int{7, 20} {
		ids, _ := walk(t, f, query, []any{"conversations"}, first)
		assertExactlyOnce(t, ids, want)
	}
}

func TestDemoWorkspaceWalkCoversTwoThousandContacts(t *testing.T) {
	if testing.Short() {
		t.Skip("walks the full demo workspace")
	}
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: intercomsim.DemoSizes()}})
	ids, calls := walk(t, f, contactsPage, []any{"contacts"}, 100)
	assertExactlyOnce(t, ids, f.Sim.Workspace(intercomsim.DemoToken).ContactIDs())
	if calls != 20 {
		t.Errorf("2,000 contacts in pages of 100 cost %d calls, want 20", calls)
	}
}

func TestResumingFromAMiddleEdgeContinuesRightAfterIt(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	want := f.Sim.Workspace(intercomsim.DemoToken).ContactIDs()
	first := f.Query(contactsPage, map[string]any{"first": 10}).MustData(t)
	middle := facadetest.Str(facadetest.Dig(first, "contacts", "edges", 3, "cursor"))
	next := f.Query(contactsPage, map[string]any{"first": 5, "after": middle}).MustData(t)
	for i := range 5 {
		got := facadetest.Str(facadetest.Dig(next, "contacts", "nodes", i, "intercomId"))
		if wantID := want[len(want)-1-(4+i)]; got != wantID {
			t.Errorf("item %d after the 4th contact: got %s, want %s", i, got, wantID)
		}
	}
}

func TestAdminsAndTeamsPageBothWays(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	query := `query($last: Int, $before: String) {
	  admins(last: $last, before: $before) { totalCount nodes { intercomId } pageInfo { hasPreviousPage hasNextPage startCursor } }
	}`
	var seen []string
	var before any
	for range 10 {
		data := f.Query(query, map[string]any{"last": 4, "before": before}).MustData(t)
		nodes, _ := facadetest.Dig(data, "admins", "nodes").([]any)
		batch := make([]string, len(nodes))
		for i, n := range nodes {
			batch[i] = facadetest.Str(facadetest.Dig(n, "intercomId"))
		}
		seen = append(batch, seen...)
		if !facadetest.Dig(data, "admins", "pageInfo", "hasPreviousPage").(bool) {
			break
		}
		before = facadetest.Dig(data, "admins", "pageInfo", "startCursor")
	}
	want := f.Sim.Workspace(intercomsim.DemoToken).AdminIDs()
	if len(seen) != len(want) {
		t.Fatalf("backward walk saw %v, want %v", seen, want)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Fatalf("backward walk saw %v, want %v", seen, want)
		}
	}
}

func TestResponsesReportTheirUpstreamCost(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	resp := f.Query(`{ me { name } contacts(first: 3) { totalCount } }`, nil)
	resp.MustData(t)
	calls, _ := facadetest.Dig(resp.Extensions, "upstream", "calls").(float64)
	hits, ok := facadetest.Dig(resp.Extensions, "upstream", "cacheHits").(float64)
	if calls != 2 || !ok || hits != 0 {
		t.Errorf("extensions.upstream = %v, want 2 calls and 0 cache hits", resp.Extensions["upstream"])
	}
}
