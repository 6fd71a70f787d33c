package graph_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"intercom-graphql/graph/relay"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

const contactSearchPage = `query($filter: ContactFilter, $orderBy: ContactOrder, $first: Int, $after: String) {
  contacts(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor node { intercomId lastSeenAt } }
    nodes { intercomId }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`

const conversationSearchPage = `query($filter: ConversationFilter, $orderBy: ConversationOrder, $first: Int, $after: String) {
  conversations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor node { intercomId createdAt statistics { countConversationParts } } }
    nodes { intercomId }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`

// walkSearch follows a filtered connection to its end and returns the
// nodes seen (intercomId and the other fields asked), the pages, and the
// upstream calls they cost.
func walkSearch(t *testing.T, f *facadetest.Facade, query, field string, vars map[string]any, first int) (nodes []map[string]any, pages int, calls int64) {
	t.Helper()
	before := f.Sim.Calls()
	vars = maps.Clone(vars)
	vars["first"], vars["after"] = first, nil
	total := -1
	for ; ; pages++ {
		if pages > 1000 {
			t.Fatal("the walk does not end")
		}
		conn := facadetest.Dig(f.Query(query, vars).MustData(t), field)
		edges, _ := facadetest.Dig(conn, "edges").([]any)
		for _, e := range edges {
			nodes = append(nodes, facadetest.Dig(e, "node").(map[string]any))
		}
		n := int(facadetest.Dig(conn, "totalCount").(float64))
		if total >= 0 && n != total {
			t.Fatalf("totalCount changed from %d to %d", total, n)
		}
		total = n
		if facadetest.Dig(conn, "pageInfo", "hasPreviousPage").(bool) != (pages > 0) {
			t.Fatalf("page %d: hasPreviousPage is wrong", pages)
		}
		if !facadetest.Dig(conn, "pageInfo", "hasNextPage").(bool) {
			if len(nodes) != total {
				t.Fatalf("the walk saw %d, totalCount says %d", len(nodes), total)
			}
			return nodes, pages + 1, f.Sim.Calls() - before
		}
		if len(edges) != first {
			t.Fatalf("page %d holds %d edges but hasNextPage is true", pages, len(edges))
		}
		vars["after"] = facadetest.Dig(conn, "pageInfo", "endCursor")
	}
}

func idsOf(nodes []map[string]any) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = facadetest.Str(n["intercomId"])
	}
	return out
}

func TestFilteredConnectionsPageToTheEndWithEachMatchOnce(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Seed: 9, Sizes: searchSizes, Timezone: searchZone}})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	var users []string
	for _, c := range ws.Contacts() {
		if c.Contact.Role == "user" {
			users = append(users, c.Contact.ID)
		}
	}
	for _, first := range []int{1, 7, 50, 100} {
		nodes, pages, calls := walkSearch(t, f, contactSearchPage, "contacts", map[string]any{"filter": map[string]any{"role": map[string]any{"eq": "USER"}}}, first)
		assertExactlyOnce(t, idsOf(nodes), users)
		if calls != int64(pages) {
			t.Errorf("first=%d: %d pages cost %d upstream calls, want one a page", first, pages, calls)
		}
	}

	// Contact dates need the workspace's time zone: one more call a query.
	dated := map[string]any{"filter": map[string]any{"createdAt": map[string]any{"gte": "2025-01-01"}}}
	nodes, pages, calls := walkSearch(t, f, contactSearchPage, "contacts", dated, 20)
	if len(nodes) == 0 || calls != 2*int64(pages) {
		t.Errorf("a date filter found %d contacts in %d pages for %d calls, want two calls a page", len(nodes), pages, calls)
	}

	// Resuming from an edge in the middle of a page continues right after it.
	vars := map[string]any{"filter": map[string]any{"role": map[string]any{"eq": "USER"}}, "first": 10}
	page := f.Query(contactSearchPage, vars).MustData(t)
	vars["after"], vars["first"] = facadetest.Dig(page, "contacts", "edges", 3, "cursor"), 5
	next := f.Query(contactSearchPage, vars).MustData(t)
	all, _, _ := walkSearch(t, f, contactSearchPage, "contacts", map[string]any{"filter": vars["filter"]}, 100)
	for i := range 5 {
		if got, want := facadetest.Str(facadetest.Dig(next, "contacts", "nodes", i, "intercomId")), facadetest.Str(all[4+i]["intercomId"]); got != want {
			t.Errorf("item %d after the 4th match: got %s, want %s", i, got, want)
		}
	}

	var open []string
	for _, c := range ws.Conversations() {
		if c.Conversation.State != "closed" {
			open = append(open, c.Conversation.ID)
		}
	}
	for _, first := range []int{9, 100} {
		nodes, _, _ := walkSearch(t, f, conversationSearchPage, "conversations",
			map[string]any{"filter": map[string]any{"state": map[string]any{"in": []string{"OPEN", "SNOOZED"}}}}, first)
		assertExactlyOnce(t, idsOf(nodes), open)
	}
}

func TestOrderByOrdersSearchConnections(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Seed: 9, Sizes: searchSizes}})
	for _, dir := range []string{"ASC", "DESC"} {
		nodes, _, _ := walkSearch(t, f, contactSearchPage, "contacts",
			map[string]any{"orderBy": map[string]any{"field": "LAST_SEEN_AT", "direction": dir}}, 30)
		if len(nodes) != searchSizes.Contacts {
			t.Fatalf("%s: an order without a filter found %d contacts, want all %d", dir, len(nodes), searchSizes.Contacts)
		}
		var seen []string
		unseen := 0
		for _, n := range nodes {
			if n["lastSeenAt"] == nil {
				unseen++
				continue
			}
			if unseen > 0 {
				t.Fatalf("%s: a contact last seen %v follows one never seen: those come last", dir, n["lastSeenAt"])
			}
			seen = append(seen, facadetest.Str(n["lastSeenAt"]))
		}
		sorted := slices.Sorted(slices.Values(seen))
		if dir == "DESC" {
			slices.Reverse(sorted)
		}
		if !slices.Equal(seen, sorted) || unseen == 0 {
			t.Errorf("%s: contacts not in lastSeenAt order (or none never seen, which proves nothing)", dir)
		}
	}
	nodes, _, _ := walkSearch(t, f, conversationSearchPage, "conversations", map[string]any{
		"filter":  map[string]any{"open": map[string]any{"eq": true}},
		"orderBy": map[string]any{"field": "COUNT_CONVERSATION_PARTS", "direction": "ASC"}}, 25)
	for i := 1; i < len(nodes); i++ {
		if facadetest.Dig(nodes[i-1], "statistics", "countConversationParts").(float64) > facadetest.Dig(nodes[i], "statistics", "countConversationParts").(float64) {
			t.Fatalf("conversations not in countConversationParts order at %d", i)
		}
	}
	// Without orderBy, a filtered connection is newest first.
	nodes, _, _ = walkSearch(t, f, conversationSearchPage, "conversations", map[string]any{"filter": map[string]any{}}, 100)
	if len(nodes) != searchSizes.Conversations {
		t.Fatalf("an empty filter found %d conversations, want all %d", len(nodes), searchSizes.Conversations)
	}
	for i := 1; i < len(nodes); i++ {
		if facadetest.Str(nodes[i-1]["createdAt"]) < facadetest.Str(nodes[i]["createdAt"]) {
			t.Fatalf("the default order is not newest first at %d", i)
		}
	}
}

// Contact dates are calendar days in the workspace's time zone, read from
// Intercom (me.app.timezone), not in UTC.
func TestContactDateFiltersUseTheWorkspaceTimeZone(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Seed: 9, Sizes: searchSizes, Timezone: searchZone}})
	loc, _ := time.LoadLocation(searchZone)
	contacts := f.Sim.Workspace(intercomsim.DemoToken).Contacts()
	// A contact created late in the UTC day is on the next day in Auckland.
	var pick intercomsim.ContactData
	for _, c := range contacts {
		if c.Contact.CreatedAt.Time().Format(time.DateOnly) != c.Contact.CreatedAt.Time().In(loc).Format(time.DateOnly) {
			pick = c
			break
		}
	}
	day := pick.Contact.CreatedAt.Time().In(loc).Format(time.DateOnly)
	var want []string
	for _, c := range contacts {
		if c.Contact.CreatedAt.Time().In(loc).Format(time.DateOnly) == day {
			want = append(want, c.Contact.ID)
		}
	}
	nodes, _, _ := walkSearch(t, f, contactSearchPage, "contacts", map[string]any{"filter": map[string]any{"createdAt": map[string]any{"eq": day}}}, 100)
	assertExactlyOnce(t, idsOf(nodes), want)
	if !slices.Contains(idsOf(nodes), pick.Contact.ID) {
		t.Errorf("contact %s, created on %s in %s, was not found on that day", pick.Contact.ID, day, searchZone)
	}
}

func TestReferencesTakeGlobalIDsOrIntercomIDs(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Seed: 9, Sizes: searchSizes}})
	convs := f.Sim.Workspace(intercomsim.DemoToken).Conversations()
	var tagID, adminID string
	for _, c := range convs {
		if len(c.Conversation.Tags.Tags) > 0 && c.Conversation.AdminAssigneeID != nil {
			tagID, adminID = c.Conversation.Tags.Tags[0].ID, fmt.Sprint(*c.Conversation.AdminAssigneeID)
			break
		}
	}
	var want []string
	for _, c := range convs {
		hasTag := slices.ContainsFunc(c.Conversation.Tags.Tags, func(tg *upstream.Tag) bool { return tg.ID == tagID })
		if hasTag && c.Conversation.AdminAssigneeID != nil && fmt.Sprint(*c.Conversation.AdminAssigneeID) == adminID {
			want = append(want, c.Conversation.ID)
		}
	}
	for name, filter := range map[string]map[string]any{
		"global IDs":   {"tag": map[string]any{"eq": relay.NodeID("Tag", tagID)}, "adminAssignee": map[string]any{"eq": relay.NodeID("Admin", adminID)}},
		"Intercom ids": {"tag": map[string]any{"eq": tagID}, "adminAssignee": map[string]any{"in": []string{adminID}}},
	} {
		nodes, _, _ := walkSearch(t, f, conversationSearchPage, "conversations", map[string]any{"filter": filter}, 100)
		assertExactlyOnce(t, idsOf(nodes), want)
		if len(want) == 0 {
			t.Fatalf("%s: the case selects nothing", name)
		}
	}
}

func TestFiltersThatMatchNothingCostNoCall(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	before := f.Sim.Calls()
	data := f.Query(contactSearchPage, map[string]any{"filter": map[string]any{"email": map[string]any{"in": []string{}}}}).MustData(t)
	if n := facadetest.Dig(data, "contacts", "totalCount").(float64); n != 0 || f.Sim.Calls() != before {
		t.Errorf("email in [] found %v contacts for %d upstream calls, want none for none", n, f.Sim.Calls()-before)
	}
}

// Whatever Intercom cannot express is refused with BAD_USER_INPUT naming the
// input field, before any upstream call.
func TestFiltersIntercomCannotRunAreRefusedBeforeAnyCall(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: searchSizes}})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	contact := ws.Contacts()[0].Contact.ID
	otherFilter := map[string]any{"role": map[string]any{"eq": "LEAD"}}
	issued := func(vars map[string]any) any {
		return facadetest.Dig(f.Query(contactSearchPage, vars).MustData(t), "contacts", "pageInfo", "endCursor")
	}
	userCursor := issued(map[string]any{"filter": map[string]any{"role": map[string]any{"eq": "USER"}}, "first": 2})
	listCursor := facadetest.Dig(f.Query(contactsPage, map[string]any{"first": 2}).MustData(t), "contacts", "pageInfo", "endCursor")
	wide := make([]any, 16)
	for i := range wide {
		conds := make([]any, 16)
		for j := range conds {
			conds[j] = map[string]any{"email": map[string]any{"eq": fmt.Sprintf("%d-%d@example.com", i, j)}}
		}
		wide[i] = map[string]any{"and": conds}
	}
	tags := make([]string, 16)
	for i := range tags {
		tags[i] = fmt.Sprint(7500000 + i)
	}
	cases := []struct {
		name  string
		query string
		vars  map[string]any
		field string
		says  string
	}{
		{"startsWith under not", contactSearchPage, map[string]any{"filter": map[string]any{"not": map[string]any{"email": map[string]any{"startsWith": "ada"}}}},
			"filter.not.email.startsWith", "cannot be negated"},
		{"endsWith under a nested not", conversationSearchPage, map[string]any{"filter": map[string]any{"or": []any{
			map[string]any{"open": map[string]any{"eq": true}},
			map[string]any{"not": map[string]any{"source": map[string]any{"subject": map[string]any{"endsWith": "?"}}}}}}},
			"filter.or[1].not.source.subject.endsWith", "cannot be negated"},
		{"an empty or", contactSearchPage, map[string]any{"filter": map[string]any{"or": []any{}}}, "filter.or", "at least one"},
		{"two types for one custom attribute", contactSearchPage, map[string]any{"filter": map[string]any{"customAttributes": []any{
			map[string]any{"name": "seats", "int": map[string]any{"gt": 3}, "string": map[string]any{"eq": "3"}}}}},
			"filter.customAttributes[0]", "exactly one"},
		{"a custom attribute name with a dot", contactSearchPage, map[string]any{"filter": map[string]any{"customAttributes": []any{
			map[string]any{"name": "a.b", "int": map[string]any{"gt": 3}}}}}, "filter.customAttributes[0].name", "'.'"},
		{"a Contact ID for a tag", contactSearchPage, map[string]any{"filter": map[string]any{"tag": map[string]any{"eq": relay.NodeID("Contact", contact)}}},
			"filter.tag.eq", "a Tag ID"},
		{"a word for an admin id", conversationSearchPage, map[string]any{"filter": map[string]any{"adminAssignee": map[string]any{"in": []string{"991267700", "ada"}}}},
			"filter.adminAssignee.in[1]", "numbers"},
		{"16 wide ANDs in an OR", contactSearchPage, map[string]any{"filter": map[string]any{"or": wide}}, "filter.or[0]", "more than the 15"},
		{"16 tags, which contacts cannot IN, beside another condition", contactSearchPage,
			map[string]any{"filter": map[string]any{"email": map[string]any{"contains": "a"}, "tag": map[string]any{"in": tags}}}, "filter.tag.in", "more than the 15"},
		{"first beyond 100", contactSearchPage, map[string]any{"filter": otherFilter, "first": 101}, "first", "between 0 and 100"},
		{"a forged cursor", contactSearchPage, map[string]any{"filter": otherFilter, "after": "bm90IGEgY3Vyc29y"}, "after", "not one this API issued"},
		{"another filter's cursor", contactSearchPage, map[string]any{"filter": otherFilter, "after": userCursor}, "after", "another connection or another filter"},
		{"the plain list's cursor", contactSearchPage, map[string]any{"filter": otherFilter, "after": listCursor}, "after", "another connection or another filter"},
		{"the filter's cursor with another order", contactSearchPage, map[string]any{"filter": map[string]any{"role": map[string]any{"eq": "USER"}},
			"orderBy": map[string]any{"field": "NAME", "direction": "ASC"}, "after": userCursor}, "after", "another connection or another filter"},
		{"a moment that is not RFC 3339", conversationSearchPage, map[string]any{"filter": map[string]any{"createdAt": map[string]any{"gt": "yesterday"}}}, "", "RFC 3339"},
		{"a date that does not exist", contactSearchPage, map[string]any{"filter": map[string]any{"createdAt": map[string]any{"eq": "2026-02-30"}}}, "", "YYYY-MM-DD"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := f.Sim.Calls()
			resp := f.Query(c.query, c.vars)
			if len(resp.Errors) != 1 {
				t.Fatalf("got %s, want one error", resp.Raw)
			}
			e := resp.Errors[0]
			if e.Code() != "BAD_USER_INPUT" || !strings.Contains(e.Message, c.says) || (c.field != "" && e.Extensions["field"] != c.field) {
				t.Errorf("got %q (%v) at field %v, want BAD_USER_INPUT saying %q at %q", e.Message, e.Code(), e.Extensions["field"], c.says, c.field)
			}
			if calls := f.Sim.Calls() - before; calls != 0 {
				t.Errorf("refused after %d upstream calls", calls)
			}
		})
	}
}

// A filter the facade can express but Intercom refuses (an attribute the
// workspace does not have) comes back as BAD_USER_INPUT with Intercom's answer.
func TestIntercomRefusalsOfAFilterReachTheClient(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	resp := f.Query(contactSearchPage, map[string]any{"filter": map[string]any{"customAttributes": []any{
		map[string]any{"name": "shoe_size", "int": map[string]any{"eq": 42}}}}})
	e, ok := resp.ErrorAt("contacts")
	if !ok || e.Code() != "BAD_USER_INPUT" || facadetest.Dig(e.Extensions, "intercom", "status") != float64(422) || !strings.Contains(e.Message, "shoe_size") {
		t.Errorf("got %s, want BAD_USER_INPUT carrying Intercom's 422", resp.Raw)
	}
	if resp.Data["contacts"] != nil {
		t.Errorf("contacts should be null next to its error")
	}
}
