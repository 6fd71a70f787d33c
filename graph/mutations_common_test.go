package graph_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/loaders/cache"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// The mutation tests run every write through the GraphQL handler against
// the simulator, read its effect back through the graph's queries (from a
// cache the write must have invalidated), and check the refusals: IDs
// refused before any upstream call, inputs GraphQL validation refuses,
// Intercom's refusals as userErrors naming the field, and that a refused
// write changed nothing.

// writeSizes is a small workspace with every kind of object the writes touch.
var writeSizes = intercomsim.Sizes{Admins: 4, Teams: 2, Tags: 6, Segments: 2, Companies: 8, Contacts: 40, Conversations: 30,
	Collections: 8, Articles: 10, NewsItems: 6}

// newWriteFacade is a facade over a fresh workspace, with the cross-request
// cache on: a read after a write proves the write invalidated what it changed.
func newWriteFacade(t *testing.T) (*facadetest.Facade, *intercomsim.Workspace) {
	t.Helper()
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: writeSizes}, Cache: cache.NewMemory(1000), CacheTTL: upstream.DefaultCacheTTL()})
	return f, f.Sim.Workspace(intercomsim.DemoToken)
}

// refusal is a mutation input that must come back as a user error.
type refusal struct {
	name  string
	input map[string]any
	code  string
	field []string // the path from "input"; nil when no field is at fault
	// calls is what the refusal costs upstream: 0 for the graph's own,
	// made before any upstream call; 1 (or more) for Intercom's.
	calls int64
}

// refuses sends each refusal and checks its user error, its upstream cost,
// that the payload's objects are null, and (with unchanged) that the
// workspace did not change.
func refuses(t *testing.T, f *facadetest.Facade, field, document string, cases []refusal, unchanged func(t *testing.T)) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := f.Sim.Calls()
			payload := f.Mutate(t, field, document, c.input)
			errs, _ := payload["userErrors"].([]any)
			if len(errs) != 1 {
				t.Fatalf("userErrors = %v, want one", payload["userErrors"])
			}
			e := errs[0]
			var want any
			if c.field != nil {
				want = toAny(append([]string{"input"}, c.field...))
			}
			if fmt.Sprint(facadetest.Dig(e, "field")) != fmt.Sprint(want) || facadetest.Str(facadetest.Dig(e, "code")) != c.code || facadetest.Str(facadetest.Dig(e, "message")) == "" {
				t.Errorf("user error %v, want code %s at %v", e, c.code, want)
			}
			for k, v := range payload {
				if k != "userErrors" && v != nil {
					t.Errorf("a refused write answered %s = %v", k, v)
				}
			}
			if calls := f.Sim.Calls() - before; calls != c.calls {
				t.Errorf("the refusal cost %d upstream calls, want %d", calls, c.calls)
			}
			if unchanged != nil {
				unchanged(t)
			}
		})
	}
}

func toAny(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}

// invalid sends a document GraphQL validation must refuse, before any
// upstream call, with an error naming what is wrong (in its message or, for
// a variable, its path).
func invalid(t *testing.T, f *facadetest.Facade, name, document string, input map[string]any, mentions string) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		before := f.Sim.Calls()
		resp := f.Query(document, map[string]any{"input": input})
		if len(resp.Errors) == 0 || resp.Errors[0].Code() != "BAD_USER_INPUT" ||
			!strings.Contains(resp.Errors[0].Message+fmt.Sprint(resp.Errors[0].Path), mentions) {
			t.Errorf("want a BAD_USER_INPUT error naming %s, got %s", mentions, resp.Raw)
		}
		if len(resp.Data) > 0 {
			t.Errorf("an invalid document ran: %v", resp.Data)
		}
		if calls := f.Sim.Calls() - before; calls != 0 {
			t.Errorf("an invalid document cost %d upstream calls", calls)
		}
	})
}

// readBack runs a query that must succeed.
func readBack(t *testing.T, f *facadetest.Facade, document string, vars map[string]any) map[string]any {
	t.Helper()
	return f.Query(document, vars).MustData(t)
}

// cached runs a read twice and checks the second came from the cache: the
// read after a write then shows the write invalidated what it changed.
func cached(t *testing.T, f *facadetest.Facade, document string, vars map[string]any) map[string]any {
	t.Helper()
	readBack(t, f, document, vars)
	before := f.Sim.Calls()
	data := readBack(t, f, document, vars)
	if calls := f.Sim.Calls() - before; calls != 0 {
		t.Fatalf("a repeated read cost %d upstream calls; the cache should answer it", calls)
	}
	return data
}

// snapshot captures what a refused write must leave alone: every contact
// with its relations, as the simulator holds them.
func snapshot(ws *intercomsim.Workspace) string {
	b, err := json.Marshal(ws.Contacts())
	if err != nil {
		panic(err)
	}
	return string(b)
}

func unchangedSince(ws *intercomsim.Workspace) func(t *testing.T) {
	before := snapshot(ws)
	return func(t *testing.T) {
		t.Helper()
		if snapshot(ws) != before {
			t.Error("a refused write changed the workspace's contacts")
		}
	}
}

// firstContactWhere is a seeded contact that passes a test.
func firstContactWhere(t *testing.T, ws *intercomsim.Workspace, ok func(intercomsim.ContactData) bool) intercomsim.ContactData {
	t.Helper()
	for _, c := range ws.Contacts() {
		if ok(c) {
			return c
		}
	}
	t.Fatal("the workspace has no such contact")
	return intercomsim.ContactData{}
}

func isUser(c intercomsim.ContactData) bool {
	return c.Contact.Role == "user" && c.Contact.ExternalID != nil && c.Contact.Email != ""
}
func isLead(c intercomsim.ContactData) bool { return c.Contact.Role == "lead" }

// nodeIDs lists the intercomId of a connection's nodes.
func nodeIDs(conn any) []string {
	var out []string
	list, _ := facadetest.Dig(conn, "nodes").([]any)
	for _, n := range list {
		out = append(out, facadetest.Str(facadetest.Dig(n, "intercomId")))
	}
	return out
}

func containsStr(list []string, s string) bool { return slices.Contains(list, s) }
