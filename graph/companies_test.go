package graph_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// unevenSizes is a workspace whose list lengths are multiples of no page size
// the tests use.
var unevenSizes = intercomsim.Sizes{Admins: 5, Teams: 2, Tags: 23, Segments: 7, Companies: 73, Contacts: 301, Conversations: 11}

const companiesPage = `query($first: Int, $after: String, $last: Int, $before: String, $order: CompanyOrder) {
  companies(first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
    totalCount
    edges { cursor node { id intercomId name } }
    nodes { intercomId }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`

// walkLastBefore follows a connection with last/before to its start and returns
// the intercomIds in list order, checking pageInfo and totalCount.
func walkLastBefore(t *testing.T, f *facadetest.Facade, query string, vars map[string]any, path []any, last int) (ids []string, upstreamCalls int64) {
	t.Helper()
	before := f.Sim.Calls()
	var cursor any
	total := -1
	for page := 0; ; page++ {
		if page > 10_000 {
			t.Fatal("backward walk does not end")
		}
		v := map[string]any{"last": last, "before": cursor}
		for k, x := range vars {
			v[k] = x
		}
		conn := facadetest.Dig(f.Query(query, v).MustData(t), path...)
		nodes, _ := facadetest.Dig(conn, "nodes").([]any)
		batch := make([]string, len(nodes))
		for i, n := range nodes {
			batch[i] = facadetest.Str(facadetest.Dig(n, "intercomId"))
		}
		ids = append(batch, ids...)
		pageTotal := int(facadetest.Dig(conn, "totalCount").(float64))
		if total >= 0 && pageTotal != total {
			t.Fatalf("totalCount changed from %d to %d", total, pageTotal)
		}
		total = pageTotal
		if hasNext := facadetest.Dig(conn, "pageInfo", "hasNextPage").(bool); hasNext != (page > 0) {
			t.Fatalf("backward page %d: hasNextPage = %v", page, hasNext)
		}
		if !facadetest.Dig(conn, "pageInfo", "hasPreviousPage").(bool) {
			if len(ids) != total {
				t.Fatalf("backward walk saw %d items but totalCount is %d", len(ids), total)
			}
			return ids, f.Sim.Calls() - before
		}
		if len(nodes) != last {
			t.Fatalf("backward page %d has %d nodes but hasPreviousPage is true", page, len(nodes))
		}
		cursor = facadetest.Dig(conn, "pageInfo", "startCursor")
	}
}

func assertIDsInOrder(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s: got %d items %v, want %d items %v", what, len(got), got, len(want), want)
	}
}

func TestCompaniesWalkBothWaysInEitherOrder(t *testing.T) {
	for name, sizes := range map[string]intercomsim.Sizes{"default sizes": {}, "odd sizes": unevenSizes} {
		t.Run(name, func(t *testing.T) {
			f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: sizes}})
			want := f.Sim.Workspace(intercomsim.DemoToken).ListedCompanyIDs()
			if all := f.Sim.Workspace(intercomsim.DemoToken).CompanyIDs(); len(want) == 0 || len(want) > len(all) {
				t.Fatalf("%d of %d companies are listed", len(want), len(all))
			}
			ascending := slices.Clone(want)
			slices.Reverse(ascending)
			for _, first := range []int{1, 7, 20, 60, 100} {
				ids, calls := walk(t, f, companiesPage, []any{"companies"}, first)
				assertExactlyOnce(t, ids, want)
				assertIDsInOrder(t, fmt.Sprintf("first=%d", first), ids, want)
				pages := int64((len(want) + first - 1) / first)
				// Intercom serves at most 60 companies a page: a fuller page takes two calls.
				if first <= 60 && calls != pages || first > 60 && (calls < pages || calls > 2*pages) {
					t.Errorf("first=%d: %d pages cost %d upstream calls, want one a page (two past 60)", first, pages, calls)
				}
				back, calls := walkLastBefore(t, f, companiesPage, map[string]any{"order": map[string]any{"field": "LAST_REQUEST_AT", "direction": "ASC"}}, []any{"companies"}, first)
				assertIDsInOrder(t, fmt.Sprintf("last=%d, ascending", first), back, ascending)
				if pages := (len(want) + first - 1) / first; calls > int64(2*pages) {
					t.Errorf("last=%d: %d pages cost %d upstream calls, want at most two a page", first, pages, calls)
				}
			}
		})
	}
}

const allCompaniesPage = `query($first: Int, $after: String) {
  allCompanies(first: $first, after: $after) {
    totalCount
    edges { cursor node { intercomId } }
    nodes { intercomId name }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`

// walkScroll follows allCompanies to its end.
func walkScroll(t *testing.T, f *facadetest.Facade, first int) (ids []string, upstreamCalls int64) {
	t.Helper()
	before := f.Sim.Calls()
	var after any
	for page := 0; ; page++ {
		if page > 10_000 {
			t.Fatal("walk does not end")
		}
		conn := facadetest.Dig(f.Query(allCompaniesPage, map[string]any{"first": first, "after": after}).MustData(t), "allCompanies")
		edges, _ := facadetest.Dig(conn, "edges").([]any)
		for _, e := range edges {
			ids = append(ids, facadetest.Str(facadetest.Dig(e, "node", "intercomId")))
		}
		if facadetest.Dig(conn, "totalCount") != nil {
			t.Errorf("page %d: totalCount %v, but Intercom's scroll does not count", page, facadetest.Dig(conn, "totalCount"))
		}
		if hasPrev := facadetest.Dig(conn, "pageInfo", "hasPreviousPage").(bool); hasPrev != (page > 0) {
			t.Fatalf("page %d: hasPreviousPage = %v", page, hasPrev)
		}
		if !facadetest.Dig(conn, "pageInfo", "hasNextPage").(bool) {
			return ids, f.Sim.Calls() - before
		}
		if len(edges) != first {
			t.Fatalf("page %d has %d edges but hasNextPage is true", page, len(edges))
		}
		after = facadetest.Dig(conn, "pageInfo", "endCursor")
	}
}

func TestAllCompaniesWalksEveryCompanyOnceAtOneCallPerBatch(t *testing.T) {
	for name, sizes := range map[string]intercomsim.Sizes{"default sizes": {}, "250 companies": {Admins: 1, Companies: 250}} {
		t.Run(name, func(t *testing.T) {
			f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: sizes}})
			want := f.Sim.Workspace(intercomsim.DemoToken).CompanyIDs()
			for _, first := range []int{1, 7, 20, 100} {
				if first == 1 && len(want) > 20 {
					continue
				}
				ids, calls := walkScroll(t, f, first)
				assertExactlyOnce(t, ids, want)
				assertIDsInOrder(t, fmt.Sprintf("first=%d", first), ids, want)
				// Intercom hands out 100 companies a call, and one empty answer ends the scroll.
				if batches := int64((len(want)+99)/100 + 1); calls != batches {
					t.Errorf("first=%d: the walk cost %d upstream calls, want %d (one per batch)", first, calls, batches)
				}
			}
		})
	}
}

func TestAllCompaniesAllowsOneWalkAtATimeAndNeverRestartsSilently(t *testing.T) {
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 1, Companies: 250}, Now: clock}})
	want := f.Sim.Workspace(intercomsim.DemoToken).CompanyIDs()

	first := f.Query(allCompaniesPage, map[string]any{"first": 100}).MustData(t)
	cursor := facadetest.Dig(first, "allCompanies", "pageInfo", "endCursor")

	second := f.Query(allCompaniesPage, map[string]any{"first": 10})
	e, ok := second.ErrorAt("allCompanies")
	if !ok || e.Code() != "BAD_USER_INPUT" || !strings.Contains(e.Message, "one company scroll") || facadetest.Dig(second.Data, "allCompanies") != nil {
		t.Errorf("a second walk while one is open: want BAD_USER_INPUT about the open scroll, got %s", second.Raw)
	}

	next := f.Query(allCompaniesPage, map[string]any{"first": 100, "after": cursor}).MustData(t)
	if got := facadetest.Str(facadetest.Dig(next, "allCompanies", "nodes", 0, "intercomId")); got != want[100] {
		t.Errorf("the open walk went on with %s, want %s", got, want[100])
	}
	cursor = facadetest.Dig(next, "allCompanies", "pageInfo", "endCursor")

	// Intercom forgets a scroll unused for a minute; the walk must not start over.
	advance(2 * time.Minute)
	before := f.Sim.Calls()
	expired := f.Query(allCompaniesPage, map[string]any{"first": 100, "after": cursor})
	e, ok = expired.ErrorAt("allCompanies")
	if !ok || e.Code() != "BAD_USER_INPUT" || facadetest.Dig(e.Extensions, "field") != "after" || !strings.Contains(e.Message, "start again") {
		t.Errorf("an expired scroll: want BAD_USER_INPUT on after telling to start again, got %s", expired.Raw)
	}
	if facadetest.Dig(expired.Data, "allCompanies") != nil {
		t.Errorf("an expired scroll still answered %v", facadetest.Dig(expired.Data, "allCompanies"))
	}
	if calls := f.Sim.Calls() - before; calls != 1 {
		t.Errorf("the refused page cost %d upstream calls, want the one Intercom refused (no restart)", calls)
	}
	again := f.Query(allCompaniesPage, map[string]any{"first": 100, "after": cursor})
	if e, ok := again.ErrorAt("allCompanies"); !ok || e.Code() != "BAD_USER_INPUT" {
		t.Errorf("the expired cursor again: want BAD_USER_INPUT, got %s", again.Raw)
	}

	ids, _ := walkScroll(t, f, 100)
	assertExactlyOnce(t, ids, want)
}

func TestAllCompaniesRefusesCursorsOfOtherConnections(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	data := f.Query(`{ companies(first: 2) { pageInfo { endCursor } } tags(first: 2) { pageInfo { endCursor } } }`, nil).MustData(t)
	companiesCursor := facadetest.Dig(data, "companies", "pageInfo", "endCursor")
	tagsCursor := facadetest.Dig(data, "tags", "pageInfo", "endCursor")
	before := f.Sim.Calls()
	for name, q := range map[string]struct {
		query  string
		cursor any
	}{
		"a companies cursor on allCompanies": {`query($c: String) { allCompanies(first: 2, after: $c) { totalCount } }`, companiesCursor},
		"a companies cursor on tags":         {`query($c: String) { tags(first: 2, after: $c) { totalCount } }`, companiesCursor},
		"a tags cursor on companies":         {`query($c: String) { companies(first: 2, after: $c) { totalCount } }`, tagsCursor},
		"a companies cursor on segments":     {`query($c: String) { segments(first: 2, after: $c) { totalCount } }`, companiesCursor},
		"a cursor of the other order": {`query($c: String) { companies(last: 2, before: $c, orderBy: { field: LAST_REQUEST_AT, direction: ASC }) { totalCount } }`,
			companiesCursor},
		"a cursor of the unfiltered list on a filtered one": {`query($c: String) { companies(first: 2, after: $c, filter: {companyId: "company-0001"}) { totalCount } }`,
			companiesCursor},
		"a forged cursor": {`query($c: String) { companies(first: 2, after: $c) { totalCount } }`, "Y29tcGFuaWVzOjU"},
	} {
		resp := f.Query(q.query, map[string]any{"c": q.cursor})
		if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" {
			t.Errorf("%s: want one BAD_USER_INPUT error, got %s", name, resp.Raw)
		}
	}
	if calls := f.Sim.Calls() - before; calls != 0 {
		t.Errorf("refused cursors cost %d upstream calls", calls)
	}
}

func TestCompaniesFilters(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: unevenSizes}})
	query := `query($filter: CompanyFilter) { companies(filter: $filter) { totalCount nodes { intercomId } } }`
	all := f.Query(`{ allCompanies(first: 100) { nodes { id intercomId companyId name } } tags { nodes { id intercomId } } segments { nodes { id } } }`, nil).MustData(t)
	company := facadetest.Dig(all, "allCompanies", "nodes", 5)

	byName := f.Query(query, map[string]any{"filter": map[string]any{"name": facadetest.Dig(company, "name")}}).MustData(t)
	if n := facadetest.Dig(byName, "companies", "totalCount"); n != 1.0 || facadetest.Dig(byName, "companies", "nodes", 0, "intercomId") != facadetest.Dig(company, "intercomId") {
		t.Errorf("filter by name: %v", facadetest.Dig(byName, "companies"))
	}
	byID := f.Query(query, map[string]any{"filter": map[string]any{"companyId": facadetest.Dig(company, "companyId")}}).MustData(t)
	if facadetest.Dig(byID, "companies", "nodes", 0, "intercomId") != facadetest.Dig(company, "intercomId") {
		t.Errorf("filter by companyId: %v", facadetest.Dig(byID, "companies"))
	}
	none := f.Query(query, map[string]any{"filter": map[string]any{"name": "No Such Company"}}).MustData(t)
	if facadetest.Dig(none, "companies", "totalCount") != 0.0 || len(facadetest.Dig(none, "companies", "nodes").([]any)) != 0 {
		t.Errorf("a name no company has: want an empty list, got %v", facadetest.Dig(none, "companies"))
	}

	// A tag or segment filter lists exactly the companies that carry it, a page at a time.
	carriers := map[string][]string{} // tag or segment global ID -> intercomIds of the companies with it
	everyCompany := f.Query(`{ allCompanies(first: 100) { nodes { intercomId tags { nodes { id } } segments { nodes { id } } } } }`, nil).MustData(t)
	for _, c := range facadetest.Dig(everyCompany, "allCompanies", "nodes").([]any) {
		for _, list := range []string{"tags", "segments"} {
			for _, n := range facadetest.Dig(c, list, "nodes").([]any) {
				carriers[facadetest.Str(facadetest.Dig(n, "id"))] = append(carriers[facadetest.Str(facadetest.Dig(n, "id"))], facadetest.Str(facadetest.Dig(c, "intercomId")))
			}
		}
	}
	for _, filter := range []struct{ key, list string }{{"tag", "tags"}, {"segment", "segments"}} {
		for _, n := range facadetest.Dig(all, filter.list, "nodes").([]any) {
			id := facadetest.Str(facadetest.Dig(n, "id"))
			q := fmt.Sprintf(`query($first: Int, $after: String) {
			  companies(filter: {%s: %q}, first: $first, after: $after) {
			    totalCount edges { cursor node { intercomId } } nodes { intercomId }
			    pageInfo { hasNextPage hasPreviousPage endCursor }
			  }
			}`, filter.key, id)
			ids, _ := walk(t, f, q, []any{"companies"}, 3)
			assertExactlyOnce(t, ids, carriers[id])
		}
	}
	if len(carriers) == 0 {
		t.Error("no company carries a tag or a segment")
	}

	before := f.Sim.Calls()
	tagID := facadetest.Dig(all, "tags", "nodes", 0, "id")
	for name, vars := range map[string]map[string]any{
		"two filters at once":          {"filter": map[string]any{"name": "Acme Labs", "tag": tagID}},
		"no filter field":              {"filter": map[string]any{}},
		"a segment ID given as tag":    {"filter": map[string]any{"tag": facadetest.Dig(all, "segments", "nodes", 0, "id")}},
		"an empty name":                {"filter": map[string]any{"name": ""}},
		"a filter with an order":       {"filter": map[string]any{"name": "Acme Labs"}, "order": map[string]any{"field": "LAST_REQUEST_AT", "direction": "ASC"}},
		"a page larger than the limit": {"filter": map[string]any{"tag": tagID}, "first": 101},
	} {
		q := `query($filter: CompanyFilter, $order: CompanyOrder, $first: Int) { companies(filter: $filter, orderBy: $order, first: $first) { totalCount } }`
		resp := f.Query(q, vars)
		if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" {
			t.Errorf("%s: want one BAD_USER_INPUT error, got %s", name, resp.Raw)
		}
	}
	if calls := f.Sim.Calls() - before; calls != 0 {
		t.Errorf("refused filters cost %d upstream calls", calls)
	}
}

func TestCompanyLookups(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	intercomID := ws.CompanyIDs()[2]
	data := f.Query(`query($iid: String!) { company(intercomId: $iid) { id intercomId companyId } }`, map[string]any{"iid": intercomID}).MustData(t)
	globalID, companyID := facadetest.Dig(data, "company", "id"), facadetest.Dig(data, "company", "companyId")
	for name, vars := range map[string]map[string]any{"id": {"id": globalID}, "companyId": {"companyId": companyID}} {
		got := f.Query(`query($id: ID, $companyId: String) { company(id: $id, companyId: $companyId) { intercomId } }`, vars).MustData(t)
		if facadetest.Str(facadetest.Dig(got, "company", "intercomId")) != intercomID {
			t.Errorf("company(%s:) = %v", name, got["company"])
		}
	}
	missing := f.Query(`{ company(companyId: "no-such-company") { intercomId } }`, nil)
	if e, ok := missing.ErrorAt("company"); !ok || e.Code() != "NOT_FOUND" || facadetest.Dig(missing.Data, "company") != nil {
		t.Errorf("an unknown companyId: want null with NOT_FOUND, got %s", missing.Raw)
	}
	both := f.Query(`query($id: ID) { company(id: $id, companyId: "x") { intercomId } }`, map[string]any{"id": globalID})
	if e, ok := both.ErrorAt("company"); !ok || e.Code() != "BAD_USER_INPUT" {
		t.Errorf("id and companyId together: want BAD_USER_INPUT, got %s", both.Raw)
	}
}

func TestCompanyContactsWalkBothWays(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 2, Companies: 3, Contacts: 401}}})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	var company string
	var want []string
	for _, id := range ws.CompanyIDs() {
		if members := ws.CompanyContactIDs(id); len(members) > len(want) {
			company, want = id, members
		}
	}
	if len(want) <= 100 {
		t.Fatalf("the largest company has %d contacts; the test needs more than a page of 100", len(want))
	}
	query := `query($id: String!, $first: Int, $after: String, $last: Int, $before: String) {
	  company(intercomId: $id) {
	    userCount
	    contacts(first: $first, after: $after, last: $last, before: $before) {
	      totalCount edges { cursor node { intercomId } } nodes { intercomId }
	      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
	    }
	  }
	}`
	query = strings.Replace(query, "$id: String!", fmt.Sprintf("$id: String! = %q", company), 1)
	for _, first := range []int{7, 50, 100} {
		ids, calls := walk(t, f, query, []any{"company", "contacts"}, first)
		assertIDsInOrder(t, fmt.Sprintf("first=%d", first), ids, want)
		pages := int64((len(want) + first - 1) / first)
		// One call for the company on each page, then one for the contacts (two past Intercom's 50).
		if first <= 50 && calls != 2*pages || first > 50 && (calls < 2*pages || calls > 3*pages) {
			t.Errorf("first=%d: %d pages cost %d upstream calls, want two a page (three past 50)", first, pages, calls)
		}
		back, _ := walkLastBefore(t, f, query, nil, []any{"company", "contacts"}, first)
		assertIDsInOrder(t, fmt.Sprintf("last=%d", first), back, want)
	}
	data := f.Query(query, map[string]any{"first": 1}).MustData(t)
	if facadetest.Dig(data, "company", "userCount") != float64(len(want)) {
		t.Errorf("userCount %v, the company has %d contacts", facadetest.Dig(data, "company", "userCount"), len(want))
	}
}

func TestContactCompaniesUseEmbeddedReferencesWhenComplete(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{MaxQueryCost: 100_000})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	contacts := ws.ContactIDs()
	crowded := contacts[len(contacts)-1] // the newest contact belongs to more companies than Intercom embeds
	var plain string
	for _, id := range contacts {
		if n := len(ws.ContactLinks(id).CompanyIDs); n >= 1 && n <= 10 {
			plain = id
			break
		}
	}
	query := `query($id: String!) { contact(intercomId: $id) { companies(first: 100) { totalCount nodes { id intercomId %s } } } }`

	for _, tc := range []struct {
		name, contact, fields string
		calls                 int64
	}{
		{"ids of embedded references", plain, "", 1},
		{"names of embedded references", plain, "name", 1 + int64(len(ws.ContactLinks(plain).CompanyIDs))},
		{"more than Intercom embeds", crowded, "", 2},
		{"more than Intercom embeds, with names", crowded, "name userCount", 2},
	} {
		before := f.Sim.Calls()
		data := f.Query(fmt.Sprintf(query, tc.fields), map[string]any{"id": tc.contact}).MustData(t)
		nodes, _ := facadetest.Dig(data, "contact", "companies", "nodes").([]any)
		var ids []string
		for _, n := range nodes {
			ids = append(ids, facadetest.Str(facadetest.Dig(n, "intercomId")))
			if tc.fields != "" && facadetest.Str(facadetest.Dig(n, "name")) == "" {
				t.Errorf("%s: company %v has no name", tc.name, n)
			}
		}
		want := ws.ContactLinks(tc.contact).CompanyIDs
		assertIDsInOrder(t, tc.name, ids, want)
		if facadetest.Dig(data, "contact", "companies", "totalCount") != float64(len(want)) {
			t.Errorf("%s: totalCount %v, want %d", tc.name, facadetest.Dig(data, "contact", "companies", "totalCount"), len(want))
		}
		if calls := f.Sim.Calls() - before; calls != tc.calls {
			t.Errorf("%s: %d upstream calls, want %d", tc.name, calls, tc.calls)
		}
	}

	// A page of contacts fetches each company it reaches once, however many contacts share it.
	before := f.Sim.Calls()
	data := f.Query(`{ contacts(first: 40) { nodes { intercomId companies { nodes { name } } } } }`, nil).MustData(t)
	distinct := map[string]bool{}
	listed := 0
	for _, c := range facadetest.Dig(data, "contacts", "nodes").([]any) {
		links := ws.ContactLinks(facadetest.Str(facadetest.Dig(c, "intercomId")))
		if len(links.CompanyIDs) > 10 {
			listed++
			continue
		}
		for _, id := range links.CompanyIDs {
			distinct[id] = true
		}
	}
	if calls, want := f.Sim.Calls()-before, int64(1+listed+len(distinct)); calls > want {
		t.Errorf("40 contacts and their companies cost %d upstream calls, want at most %d", calls, want)
	}
}
