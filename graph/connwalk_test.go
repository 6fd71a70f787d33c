package graph_test

import (
	"maps"
	"testing"

	"intercom-graphql/httpapi/facadetest"
)

// connWalk describes a connection to walk: a query taking $first/$after (or
// $last/$before) and any other variables, where the connection sits in the
// answer, and what identifies a node.
type connWalk struct {
	query string
	vars  map[string]any
	path  []any
	// key identifies a node; intercomId when nil.
	key func(node any) string
	// lastPageCount says totalCount is known only on the last page (null before).
	lastPageCount bool
	// noCount says totalCount is never known (a walk over Intercom's scroll).
	noCount bool
}

func (w connWalk) keyOf(node any) string {
	if w.key != nil {
		return w.key(node)
	}
	return facadetest.Str(facadetest.Dig(node, "intercomId"))
}

// page fetches one page and checks it is well formed: edges and nodes agree,
// the end cursors are the edges' cursors, totalCount is what it should be.
func (w connWalk) page(t *testing.T, f *facadetest.Facade, vars map[string]any) (keys []string, conn any) {
	t.Helper()
	all := maps.Clone(w.vars)
	if all == nil {
		all = map[string]any{}
	}
	maps.Copy(all, vars)
	data := f.Query(w.query, all).MustData(t)
	conn = facadetest.Dig(data, w.path...)
	if conn == nil {
		t.Fatalf("no connection at %v: %v", w.path, data)
	}
	edges, _ := facadetest.Dig(conn, "edges").([]any)
	nodes, _ := facadetest.Dig(conn, "nodes").([]any)
	if len(edges) != len(nodes) {
		t.Fatalf("%d edges but %d nodes", len(edges), len(nodes))
	}
	for i, e := range edges {
		k := w.keyOf(facadetest.Dig(e, "node"))
		if k == "" || w.keyOf(nodes[i]) != k {
			t.Fatalf("edge %d (%q) and node %d (%q) differ", i, k, i, w.keyOf(nodes[i]))
		}
		keys = append(keys, k)
	}
	if len(edges) > 0 {
		if facadetest.Str(facadetest.Dig(conn, "pageInfo", "startCursor")) != facadetest.Str(facadetest.Dig(edges[0], "cursor")) ||
			facadetest.Str(facadetest.Dig(conn, "pageInfo", "endCursor")) != facadetest.Str(facadetest.Dig(edges[len(edges)-1], "cursor")) {
			t.Fatalf("startCursor/endCursor are not the first and last edges' cursors")
		}
	}
	return keys, conn
}

// forward follows first/after to the end of the connection and returns the
// keys in order, the upstream calls it cost and the pages it took.
func (w connWalk) forward(t *testing.T, f *facadetest.Facade, first int) (keys []string, calls int64, pages int) {
	t.Helper()
	before := f.Sim.Calls()
	var after any
	total := -1
	for pages = 1; ; pages++ {
		if pages > 10_000 {
			t.Fatal("walk does not end")
		}
		got, conn := w.page(t, f, map[string]any{"first": first, "after": after})
		keys = append(keys, got...)
		hasNext := facadetest.Dig(conn, "pageInfo", "hasNextPage").(bool)
		if hasPrev := facadetest.Dig(conn, "pageInfo", "hasPreviousPage").(bool); hasPrev != (pages > 1) {
			t.Fatalf("page %d: hasPreviousPage = %v", pages, hasPrev)
		}
		count, counted := facadetest.Dig(conn, "totalCount").(float64)
		switch {
		case w.noCount:
			if counted {
				t.Fatalf("page %d: totalCount %v where it cannot be known", pages, count)
			}
		case w.lastPageCount && hasNext && counted:
			t.Fatalf("page %d: totalCount %v before the last page, where it cannot be known", pages, count)
		case w.lastPageCount && !hasNext && (!counted || int(count) != len(keys)):
			t.Fatalf("last page: totalCount %v, the walk saw %d", facadetest.Dig(conn, "totalCount"), len(keys))
		case !w.lastPageCount && total >= 0 && int(count) != total:
			t.Fatalf("totalCount changed from %d to %v", total, count)
		case !w.lastPageCount:
			total = int(count)
		}
		if !hasNext {
			if !w.lastPageCount && !w.noCount && len(keys) != total {
				t.Fatalf("walk saw %d items but totalCount is %d", len(keys), total)
			}
			return keys, f.Sim.Calls() - before, pages
		}
		if len(got) != first {
			t.Fatalf("page %d has %d edges but hasNextPage is true", pages, len(got))
		}
		after = facadetest.Dig(conn, "pageInfo", "endCursor")
	}
}

// backward follows last/before to the start and returns the keys in list order.
func (w connWalk) backward(t *testing.T, f *facadetest.Facade, last int) (keys []string, calls int64) {
	t.Helper()
	start := f.Sim.Calls()
	var before any
	for page := 1; ; page++ {
		if page > 10_000 {
			t.Fatal("walk does not end")
		}
		got, conn := w.page(t, f, map[string]any{"last": last, "before": before})
		keys = append(got, keys...)
		if hasNext := facadetest.Dig(conn, "pageInfo", "hasNextPage").(bool); hasNext != (page > 1) {
			t.Fatalf("backward page %d: hasNextPage = %v", page, hasNext)
		}
		if !facadetest.Dig(conn, "pageInfo", "hasPreviousPage").(bool) {
			if total := int(facadetest.Dig(conn, "totalCount").(float64)); total != len(keys) {
				t.Fatalf("backward walk saw %d items but totalCount is %d", len(keys), total)
			}
			return keys, f.Sim.Calls() - start
		}
		if len(got) != last {
			t.Fatalf("backward page %d has %d edges but hasPreviousPage is true", page, len(got))
		}
		before = facadetest.Dig(conn, "pageInfo", "startCursor")
	}
}

// assertInOrder checks a walk saw exactly the wanted items, each once, in order.
func assertInOrder(t *testing.T, what string, seen, want []string) {
	t.Helper()
	assertExactlyOnce(t, seen, want)
	for i := range min(len(seen), len(want)) {
		if seen[i] != want[i] {
			t.Errorf("%s: item %d is %s, want %s", what, i, seen[i], want[i])
			return
		}
	}
}

// codeOf returns the extensions.code of the first error at a path.
func codeOf(r facadetest.Response, path ...any) string {
	e, ok := r.ErrorAt(path...)
	if !ok {
		return ""
	}
	return e.Code()
}
