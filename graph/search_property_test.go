package graph_test

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// searchSizes are not multiples of any page size the tests use.
var searchSizes = intercomsim.Sizes{Admins: 6, Teams: 3, Tags: 8, Segments: 3, Companies: 15, Contacts: 137, Conversations: 143, Tickets: 149}

// The workspace's time zone has daylight saving and is far from UTC, so a
// day placed in the wrong zone shows.
const searchZone = "Pacific/Auckland"

// TestRandomFiltersFindWhatTheyDescribe generates random filter trees, within
// and beyond Intercom's limits, runs them through the facade against the
// simulator, and checks each accepted one finds exactly the records an
// in-memory reading of the same GraphQL filter selects, paging to the end
// with each once; a refused one must be BAD_USER_INPUT naming a filter
// field, and cost no upstream call.
func TestRandomFiltersFindWhatTheyDescribe(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Seed: 5, Sizes: searchSizes, Timezone: searchZone}})
	loc, _ := time.LoadLocation(searchZone)
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	t.Run("contacts", func(t *testing.T) {
		checkRandomFilters(t, f, "contacts", "ContactFilter", contactCatalogue(), ws.Contacts(),
			func(c intercomsim.ContactData) string { return c.Contact.ID }, loc, 250)
	})
	t.Run("conversations", func(t *testing.T) {
		checkRandomFilters(t, f, "conversations", "ConversationFilter", conversationCatalogue(), ws.Conversations(),
			func(c intercomsim.ConversationData) string { return c.Conversation.ID }, loc, 250)
	})
	t.Run("tickets", func(t *testing.T) {
		checkRandomFilters(t, f, "tickets", "TicketFilter", ticketCatalogue(ws.TicketTypes()), ws.Tickets(),
			func(c intercomsim.TicketData) string { return c.Ticket.ID }, loc, 250)
	})
}

func checkRandomFilters[R any](t *testing.T, f *facadetest.Facade, field, inputType string, cat catalogue[R], records []R, idOf func(R) string, loc *time.Location, trees int) {
	query := `query($filter: ` + inputType + `, $first: Int, $after: String) {
	  ` + field + `(filter: $filter, first: $first, after: $after) {
	    totalCount edges { node { intercomId } } pageInfo { hasNextPage endCursor }
	  }
	}`
	rng := rand.New(rand.NewPCG(3, uint64(len(field))))
	ev := newEvaluator(cat, loc)
	accepted, refused, selective, beyond := 0, 0, 0, 0
	for i := range trees {
		g := &generator[R]{rng: rng, cat: cat, records: records, loc: loc}
		filter := g.filter(1 + rng.IntN(3))
		shown, _ := json.Marshal(filter)
		first := []int{13, 50, 100}[rng.IntN(3)]
		before := f.Sim.Calls()
		var found []string
		var after any
		total, pages := -1, 0
		rejected := false
		for ; ; pages++ {
			resp := f.Query(query, map[string]any{"filter": filter, "first": first, "after": after})
			if len(resp.Errors) > 0 {
				e := resp.Errors[0]
				field, _ := e.Extensions["field"].(string)
				if pages > 0 || len(resp.Errors) != 1 || e.Code() != "BAD_USER_INPUT" || e.Extensions["intercom"] != nil || !strings.HasPrefix(field, "filter") {
					t.Fatalf("tree %d %s: page %d failed: %s", i, shown, pages, resp.Raw)
				}
				if calls := f.Sim.Calls() - before; calls != 0 {
					t.Fatalf("tree %d %s: refused after %d upstream calls", i, shown, calls)
				}
				rejected = true
				break
			}
			conn := facadetest.Dig(resp.Data, field)
			for _, e := range facadetest.Dig(conn, "edges").([]any) {
				found = append(found, facadetest.Str(facadetest.Dig(e, "node", "intercomId")))
			}
			n := int(facadetest.Dig(conn, "totalCount").(float64))
			if total >= 0 && n != total {
				t.Fatalf("tree %d: totalCount changed from %d to %d", i, total, n)
			}
			total = n
			if !facadetest.Dig(conn, "pageInfo", "hasNextPage").(bool) {
				pages++
				break
			}
			after = facadetest.Dig(conn, "pageInfo", "endCursor")
		}
		if rejected {
			refused++
			continue
		}
		accepted++
		if mustFail(filter, false) {
			t.Fatalf("tree %d %s: startsWith or endsWith under not was accepted", i, shown)
		}
		var want []string
		for _, rec := range records {
			if ev.matches(filter, rec, "") {
				want = append(want, idOf(rec))
			}
		}
		if len(want) > 0 && len(want) < len(records) {
			selective++
		}
		if width, depth := shape(filter); width > 15 || depth > 2 {
			beyond++
		}
		if total != len(want) {
			t.Errorf("tree %d %s: totalCount %d, the filter selects %d", i, shown, total, len(want))
		}
		sortedFound := slices.Sorted(slices.Values(found))
		if len(slices.Compact(slices.Clone(sortedFound))) != len(found) {
			t.Errorf("tree %d %s: a record was served twice", i, shown)
		}
		if !slices.Equal(sortedFound, slices.Sorted(slices.Values(want))) {
			t.Fatalf("tree %d %s:\n found %d %v\n want  %d %v", i, shown, len(found), found, len(want), want)
		}
		// One call a page, and one a page to read the time zone when contact
		// dates are asked for; none when nothing can match (an empty in list).
		if calls := f.Sim.Calls() - before; calls != int64(pages) && calls != 2*int64(pages) && (calls != 0 || total != 0) {
			t.Errorf("tree %d %s: %d pages cost %d upstream calls", i, shown, pages, calls)
		}
	}
	t.Logf("%d filters accepted (%d selecting some records but not all, %d written beyond Intercom's limits), %d refused", accepted, selective, beyond, refused)
	if selective < trees/3 || refused < trees/50 || beyond < trees/20 {
		t.Errorf("the generator no longer covers the ground: %d accepted, %d selective, %d beyond the limits, %d refused", accepted, selective, beyond, refused)
	}
}

// shape measures a filter as written: its widest and/or list, and how deep
// groups nest (an and/or list, or an object of several conditions, is a group).
func shape(v any) (width, depth int) {
	switch t := v.(type) {
	case []any:
		width = len(t)
		for _, x := range t {
			w, d := shape(x)
			width, depth = max(width, w), max(depth, d)
		}
		return width, depth + 1
	case map[string]any:
		for key, x := range t {
			if key == "and" || key == "or" || key == "not" || key == "customAttributes" || key == "ticketAttributes" {
				w, d := shape(x)
				width, depth = max(width, w), max(depth, d)
			}
		}
		if len(t) > 1 {
			depth++
		}
	}
	return width, depth
}
