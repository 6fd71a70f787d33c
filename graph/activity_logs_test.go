package graph_test

import (
	"testing"
	"time"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func activityLogsWalk(after string, before any) connWalk {
	return connWalk{
		query: `query($from: DateTime!, $to: DateTime, $first: Int, $after: String) {
		  adminActivityLogs(createdAfter: $from, createdBefore: $to, first: $first, after: $after) {
		    totalCount edges { cursor node { intercomId } } nodes { intercomId }
		    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
		  }
		}`,
		vars: map[string]any{"from": after, "to": before}, path: []any{"adminActivityLogs"}, lastPageCount: true,
	}
}

func TestActivityLogsWalkForwardAtOneCallPerPage(t *testing.T) {
	for name, opts := range map[string]facadetest.Options{"default sizes": {}, "odd sizes": {Sim: oddSizes}} {
		t.Run(name, func(t *testing.T) {
			f := facadetest.New(t, opts)
			ws := f.Sim.Workspace(intercomsim.DemoToken)
			want := ws.ActivityLogIDs(0, 0)
			if len(want) < 30 {
				t.Fatalf("the workspace logged %d activities; the seed should log more", len(want))
			}
			w := activityLogsWalk("1970-01-01T00:00:00Z", nil)
			for _, first := range []int{1, 7, 20, 100} {
				ids, calls, pages := w.forward(t, f, first)
				assertInOrder(t, "activity logs", ids, want)
				if calls != int64(pages) {
					t.Errorf("first=%d: %d pages cost %d upstream calls, want one each", first, pages, calls)
				}
			}
		})
	}
}

func TestActivityLogsWindowAndCursors(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	from, to := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 15, 0, 0, 0, 0, time.UTC)
	want := ws.ActivityLogIDs(from.Unix(), to.Unix())
	if len(want) == 0 || len(want) == len(ws.ActivityLogIDs(0, 0)) {
		t.Fatalf("the window holds %d activities; pick one that holds some but not all", len(want))
	}
	w := activityLogsWalk(from.Format(time.RFC3339), to.Format(time.RFC3339))
	ids, _, _ := w.forward(t, f, 6)
	assertInOrder(t, "activity logs of a window", ids, want)

	_, conn := w.page(t, f, map[string]any{"first": 2})
	cursor := facadetest.Dig(conn, "pageInfo", "endCursor")
	before := f.Sim.Calls()
	query := `query($from: DateTime!, $to: DateTime, $after: String) { adminActivityLogs(createdAfter: $from, createdBefore: $to, first: 2, after: $after) { totalCount } }`
	for name, vars := range map[string]map[string]any{
		"another window's cursor":   {"from": "1970-01-01T00:00:00Z", "after": cursor},
		"a window that ends before": {"from": to.Format(time.RFC3339), "to": from.Format(time.RFC3339)},
		"a forged cursor":           {"from": from.Format(time.RFC3339), "to": to.Format(time.RFC3339), "after": "bm9wZQ"},
	} {
		if resp := f.Query(query, vars); codeOf(resp, "adminActivityLogs") != "BAD_USER_INPUT" {
			t.Errorf("%s: %s", name, resp.Raw)
		}
	}
	if calls := f.Sim.Calls() - before; calls != 0 {
		t.Errorf("refused arguments cost %d upstream calls", calls)
	}
	resp := f.Query(`{ adminActivityLogs(createdAfter: "1970-01-01T00:00:00Z", last: 2) { totalCount } }`, nil)
	if len(resp.Errors) == 0 || resp.Errors[0].Code() != "BAD_USER_INPUT" {
		t.Errorf("adminActivityLogs(last:) was not refused: %s", resp.Raw)
	}
}

func TestActivityLogNodeRoundTripResolvesTheAdmins(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	data := f.Query(`{
	  adminActivityLogs(createdAfter: "1970-01-01T00:00:00Z", first: 100) {
	    nodes { id intercomId activityType performedBy { id intercomId email } performer { intercomId email admin { id } } metadata { updatedBy { name } updatedByName } }
	  }
	}`, nil).MustData(t)
	nodes := facadetest.Dig(data, "adminActivityLogs", "nodes").([]any)
	updatedBy := false
	for _, n := range nodes {
		if facadetest.Str(facadetest.Dig(n, "performedBy", "intercomId")) != facadetest.Str(facadetest.Dig(n, "performer", "intercomId")) || facadetest.Str(facadetest.Dig(n, "performedBy", "email")) == "" {
			t.Errorf("activity %v: performedBy is not the performer", n)
		}
		if facadetest.Dig(n, "performer", "admin", "id") != facadetest.Dig(n, "performedBy", "id") {
			t.Errorf("activity %v: the performer's admin is not performedBy", n)
		}
		if name := facadetest.Dig(n, "metadata", "updatedByName"); name != nil {
			updatedBy = true
			if facadetest.Str(facadetest.Dig(n, "metadata", "updatedBy", "name")) != facadetest.Str(name) {
				t.Errorf("activity %v: updatedBy is not the admin named", n)
			}
		}
	}
	if !updatedBy {
		t.Error("no activity says who updated it; the seed logs away-mode changes that do")
	}
	before := f.Sim.Calls()
	for _, forged := range []string{facadetest.GlobalID("ActivityLog", "no-second-in-it"), facadetest.GlobalID("ActivityLog", "abc@yesterday")} {
		resp := f.Query(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": forged})
		if codeOf(resp, "node") != "BAD_USER_INPUT" {
			t.Errorf("forged activity id %s: %s", forged, resp.Raw)
		}
	}
	if calls := f.Sim.Calls() - before; calls != 0 {
		t.Errorf("forged activity ids cost %d upstream calls", calls)
	}
	for _, n := range []any{nodes[0], nodes[len(nodes)/2], nodes[len(nodes)-1]} {
		got := f.Query(`query($id: ID!) { node(id: $id) { id ... on ActivityLog { intercomId activityType } } }`,
			map[string]any{"id": facadetest.Dig(n, "id")}).MustData(t)
		if facadetest.Dig(got, "node", "intercomId") != facadetest.Dig(n, "intercomId") || facadetest.Dig(got, "node", "activityType") != facadetest.Dig(n, "activityType") {
			t.Errorf("round trip of %v gave %v", n, got)
		}
	}
}
