package graph_test

import (
	"net/http"
	"slices"
	"sync"
	"testing"

	"intercom-graphql/graph/relay"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// ticketOddSizes are not multiples of any page size the tests use.
var ticketOddSizes = intercomsim.Sizes{Admins: 5, Teams: 2, Tags: 4, Segments: 2, Companies: 7, Contacts: 31, Conversations: 37, Tickets: 103}

const ticketsPage = `query($first: Int, $after: String, $filter: TicketFilter, $orderBy: TicketOrder) {
  tickets(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id intercomId } }
    nodes { intercomId }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`

func TestTicketsWalkSeesEveryTicketOnceAtOneCallPerPage(t *testing.T) {
	for name, sizes := range map[string]intercomsim.Sizes{"default sizes": {}, "odd sizes": ticketOddSizes} {
		t.Run(name, func(t *testing.T) {
			f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: sizes}})
			want := f.Sim.Workspace(intercomsim.DemoToken).TicketIDs()
			if len(want) < 50 {
				t.Fatalf("the workspace has %d tickets; the walk needs several pages", len(want))
			}
			w := connWalk{query: ticketsPage, path: []any{"tickets"}}
			for _, first := range []int{1, 7, 20, 100} {
				ids, calls, pages := w.forward(t, f, first)
				assertExactlyOnce(t, ids, want)
				if calls != int64(pages) {
					t.Errorf("first=%d: %d pages cost %d upstream calls, want one per page", first, pages, calls)
				}
			}
		})
	}
}

func TestTicketsAreNewestFirstUnlessSorted(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	tickets := f.Sim.Workspace(intercomsim.DemoToken).Tickets()
	byCreation := make([]string, len(tickets))
	for i, tk := range tickets {
		byCreation[i] = tk.Ticket.ID
	}
	slices.SortStableFunc(byCreation, func(a, b string) int { return createdOf(tickets, b) - createdOf(tickets, a) })
	w := connWalk{query: ticketsPage, path: []any{"tickets"}}
	ids, _, _ := w.forward(t, f, 25)
	assertInOrder(t, "newest first", ids, byCreation)

	w.vars = map[string]any{"orderBy": map[string]any{"field": "UPDATED_AT", "direction": "ASC"}}
	ids, _, _ = w.forward(t, f, 25)
	assertExactlyOnce(t, ids, byCreation)
	for i := 1; i < len(ids); i++ {
		if updatedOf(tickets, ids[i-1]) > updatedOf(tickets, ids[i]) {
			t.Fatalf("sorted by updatedAt ascending, ticket %s comes after %s, updated later", ids[i], ids[i-1])
		}
	}
}

func createdOf(tickets []intercomsim.TicketData, id string) int {
	for _, tk := range tickets {
		if tk.Ticket.ID == id {
			return int(tk.Ticket.CreatedAt)
		}
	}
	return 0
}

func updatedOf(tickets []intercomsim.TicketData, id string) int {
	for _, tk := range tickets {
		if tk.Ticket.ID == id {
			return int(tk.Ticket.UpdatedAt)
		}
	}
	return 0
}

func TestFilteredTicketsPageToTheEndWithEachMatchOnce(t *testing.T) {
	for name, sizes := range map[string]intercomsim.Sizes{"default sizes": {}, "odd sizes": ticketOddSizes} {
		t.Run(name, func(t *testing.T) {
			f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: sizes}})
			ws := f.Sim.Workspace(intercomsim.DemoToken)
			tickets := ws.Tickets()
			bug := ws.TicketTypes()[0]
			severity := bug.TicketTypeAttributes.Data[2]
			if severity.Name != "Severity" {
				t.Fatalf("the first ticket type's third attribute is %s, not Severity", severity.Name)
			}
			cases := []struct {
				name   string
				filter map[string]any
				keep   func(tk intercomsim.TicketData) bool
			}{
				{"open customer tickets", map[string]any{"open": map[string]any{"eq": true}, "category": map[string]any{"eq": "CUSTOMER"}},
					func(tk intercomsim.TicketData) bool { return tk.Ticket.Open && tk.Ticket.Category == "Customer" }},
				{"waiting or submitted, not of the bug type", map[string]any{
					"state":      map[string]any{"in": []any{"WAITING_ON_CUSTOMER", "SUBMITTED"}},
					"ticketType": map[string]any{"ne": relay.NodeID("TicketType", bug.ID)},
				}, func(tk intercomsim.TicketData) bool {
					return (tk.Ticket.TicketState == "waiting_on_customer" || tk.Ticket.TicketState == "submitted") && tk.Ticket.TicketType.ID != bug.ID
				}},
				{"high or critical bugs", map[string]any{"ticketAttributes": []any{map[string]any{
					"attribute": relay.NodeID("TicketTypeAttribute", severity.ID), "string": map[string]any{"in": []any{"high", "Critical"}}}}},
					func(tk intercomsim.TicketData) bool {
						v, _ := tk.Ticket.TicketAttributes["Severity"].(string)
						return tk.Ticket.TicketType.ID == bug.ID && (v == "High" || v == "Critical")
					}},
				{"not assigned to a team", map[string]any{"not": map[string]any{"teamAssignee": map[string]any{"nin": []any{}}}},
					func(intercomsim.TicketData) bool { return false }},
			}
			for _, c := range cases {
				var want []string
				for _, tk := range tickets {
					if c.keep(tk) {
						want = append(want, tk.Ticket.ID)
					}
				}
				if c.name != "not assigned to a team" && (len(want) == 0 || len(want) == len(tickets)) {
					t.Fatalf("%s: the filter selects %d of %d tickets; it should select some", c.name, len(want), len(tickets))
				}
				w := connWalk{query: ticketsPage, path: []any{"tickets"}, vars: map[string]any{"filter": c.filter}}
				for _, first := range []int{3, 10} {
					ids, calls, pages := w.forward(t, f, first)
					assertExactlyOnce(t, ids, want)
					if len(want) > 0 && calls != int64(pages) {
						t.Errorf("%s, first=%d: %d pages cost %d upstream calls", c.name, first, pages, calls)
					}
					if len(want) == 0 && calls != 0 {
						t.Errorf("%s: a filter that matches nothing cost %d upstream calls", c.name, calls)
					}
				}
			}
		})
	}
}

func TestTicketTypesPageBothWaysForOneCall(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	want := f.Sim.Workspace(intercomsim.DemoToken).TicketTypeIDs()
	w := connWalk{query: `query($first: Int, $after: String, $last: Int, $before: String) {
	  ticketTypes(first: $first, after: $after, last: $last, before: $before) {
	    totalCount edges { cursor node { intercomId } } nodes { intercomId }
	    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
	  }
	}`, path: []any{"ticketTypes"}}
	for _, n := range []int{1, 3, 100} {
		ids, calls, pages := w.forward(t, f, n)
		assertInOrder(t, "ticket types forward", ids, want)
		if calls != int64(pages) {
			t.Errorf("first=%d: %d pages cost %d calls, want one per query", n, pages, calls)
		}
		back, _ := w.backward(t, f, n)
		assertInOrder(t, "ticket types backward", back, want)
	}
	// The attributes of a type page both ways too, from the type itself.
	aw := connWalk{query: `query($id: ID, $first: Int, $after: String, $last: Int, $before: String) {
	  ticketType(id: $id) { attributes(first: $first, after: $after, last: $last, before: $before) {
	    totalCount edges { cursor node { intercomId } } nodes { intercomId }
	    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
	  } }
	}`, path: []any{"ticketType", "attributes"}, vars: map[string]any{"id": relay.NodeID("TicketType", want[0])}}
	var attrs []string
	for _, a := range f.Sim.Workspace(intercomsim.DemoToken).TicketTypes()[0].TicketTypeAttributes.Data {
		attrs = append(attrs, a.ID)
	}
	fwd, calls, pages := aw.forward(t, f, 3)
	assertInOrder(t, "attributes forward", fwd, attrs)
	if calls != int64(pages) {
		t.Errorf("%d pages of attributes cost %d calls, want the type's one call per query", pages, calls)
	}
	back, _ := aw.backward(t, f, 3)
	assertInOrder(t, "attributes backward", back, attrs)
}

func TestTicketTypeLookupsCostOneCall(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	f := facadetest.New(t, facadetest.Options{SeeUpstream: func(r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Method+" "+r.URL.Path)
		mu.Unlock()
	}})
	upstreamCalls := func() []string {
		mu.Lock()
		defer mu.Unlock()
		out := seen
		seen = nil
		return out
	}
	ids := f.Sim.Workspace(intercomsim.DemoToken).TicketTypeIDs()
	data := f.Query(`query($id: String) { ticketType(intercomId: $id) { intercomId name } }`, map[string]any{"id": ids[1]}).MustData(t)
	if calls := upstreamCalls(); facadetest.Str(facadetest.Dig(data, "ticketType", "intercomId")) != ids[1] || !slices.Equal(calls, []string{"GET /ticket_types/" + ids[1]}) {
		t.Errorf("one ticket type alone: got %v with upstream calls %v, want GET /ticket_types/%s", data, calls, ids[1])
	}
	data = f.Query(`query($a: String, $b: String) {
	  a: ticketType(intercomId: $a) { name } b: ticketType(intercomId: $b) { name } ticketTypes { totalCount }
	}`, map[string]any{"a": ids[0], "b": ids[2]}).MustData(t)
	if calls := upstreamCalls(); !slices.Equal(calls, []string{"GET /ticket_types"}) || facadetest.Str(facadetest.Dig(data, "a", "name")) == "" || facadetest.Str(facadetest.Dig(data, "b", "name")) == "" {
		t.Errorf("two ticket types and the list: got %v with upstream calls %v, want the list alone", data, calls)
	}
	resp := f.Query(`{ ticketType(intercomId: "4242") { name } }`, nil)
	if codeOf(resp, "ticketType") != "NOT_FOUND" || facadetest.Dig(resp.Data, "ticketType") != nil {
		t.Errorf("an unknown ticket type: %s", resp.Raw)
	}
	resp = f.Query(`{ ticket(intercomId: "4242") { title } }`, nil)
	if codeOf(resp, "ticket") != "NOT_FOUND" || facadetest.Dig(resp.Data, "ticket") != nil {
		t.Errorf("an unknown ticket: %s", resp.Raw)
	}
}

const everyTicketField = `
fragment admin on Admin { intercomId name }
fragment attribute on TicketTypeAttribute {
  id intercomId workspaceId name description dataType inputOptions multiline
  listOptions(first: 100) { totalCount edges { cursor node { intercomId label archived } } nodes { label } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
  order requiredToCreate requiredToCreateForContacts visibleOnCreate visibleToContacts default
  ticketType { intercomId name } archived createdAt updatedAt
}
fragment ticketType on TicketType {
  id intercomId category name description icon workspaceId archived createdAt updatedAt
  attributes(first: 100) { totalCount edges { cursor node { ...attribute } } nodes { intercomId } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
}
fragment linked on LinkedObject {
  __typename
  ... on Ticket { id intercomId category title }
  ... on Conversation { id intercomId title }
}
fragment ticket on Ticket {
  id intercomId ticketId category title description
  ticketAttributes {
    name attribute { intercomId name } dataType value text integer decimal boolean dateTime
    files { type name url contentType filesize width height }
    option { intercomId label archived }
  }
  rawTicketAttributes state stateInternalLabel stateExternalLabel
  ticketType { intercomId name attributes(first: 100) { totalCount } }
  contacts(first: 5) { totalCount nodes { intercomId email } pageInfo { hasNextPage } }
  adminAssignee { ...admin } teamAssignee { intercomId name }
  createdAt updatedAt open snoozedUntil isShared
  linkedObjects(first: 10) { totalCount hasMore edges { cursor node { ...linked } } nodes { __typename } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
  parts(first: 100) {
    totalCount
    edges { cursor node {
      intercomId partType body previousState state createdAt updatedAt
      assignedTo { type intercomId admin { ...admin } team { intercomId name } }
      author { type intercomId name email admin { ...admin } contact { intercomId email } team { intercomId name } }
      attachments { type name url contentType filesize width height }
      externalId redacted
    } }
    nodes { intercomId }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
{
  tickets(first: 100) { totalCount edges { cursor node { ...ticket } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
  ticketTypes { totalCount edges { cursor node { ...ticketType } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
  conversations(first: 100) {
    nodes {
      intercomId
      linkedObjects(first: 10) { totalCount hasMore nodes { ...linked } }
      source { author { type intercomId admin { ...admin } contact { intercomId email } team { intercomId name } } }
      parts(first: 100) { nodes { author { type admin { ...admin } contact { intercomId } team { intercomId } } assignedTo { type admin { ...admin } team { intercomId } } } }
    }
  }
}`

// TestEveryTicketFieldResolves selects every field of the ticket types and
// checks each resolves, and that every field a ticket may lack is present on
// some ticket, so the mapping of each shape is exercised.
func TestEveryTicketFieldResolves(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 5, Teams: 3, Tags: 4, Segments: 2, Companies: 8, Contacts: 60,
		Conversations: 90, Tickets: 100}}, MaxQueryCost: 1_000_000})
	data := f.Query(everyTicketField, nil).MustData(t)
	var tickets []any
	for _, e := range facadetest.Dig(data, "tickets", "edges").([]any) {
		tickets = append(tickets, facadetest.Dig(e, "node"))
	}
	if len(tickets) != 100 || int(facadetest.Dig(data, "tickets", "totalCount").(float64)) != 100 {
		t.Fatalf("tickets listed %d of %v", len(tickets), facadetest.Dig(data, "tickets", "totalCount"))
	}
	seen := map[string]bool{}
	mark := func(what string, present bool) {
		if present {
			seen[what] = true
		}
	}
	for _, tk := range tickets {
		for _, key := range []string{"id", "intercomId", "ticketId", "category", "title", "state", "stateInternalLabel", "stateExternalLabel",
			"ticketType", "rawTicketAttributes", "createdAt", "updatedAt"} {
			if facadetest.Dig(tk, key) == nil {
				t.Fatalf("ticket %s has no %s", facadetest.Str(facadetest.Dig(tk, "intercomId")), key)
			}
		}
		mark("description", facadetest.Dig(tk, "description") != nil)
		mark("no description", facadetest.Dig(tk, "description") == nil)
		mark("snoozedUntil", facadetest.Dig(tk, "snoozedUntil") != nil)
		mark("adminAssignee", facadetest.Dig(tk, "adminAssignee") != nil)
		mark("teamAssignee", facadetest.Dig(tk, "teamAssignee") != nil)
		mark("unassigned", facadetest.Dig(tk, "adminAssignee") == nil)
		mark("contacts", facadetest.Dig(tk, "contacts", "totalCount").(float64) > 0)
		mark("no contacts", facadetest.Dig(tk, "contacts", "totalCount").(float64) == 0)
		for _, e := range facadetest.Dig(tk, "linkedObjects", "edges").([]any) {
			n := facadetest.Dig(e, "node")
			mark("linked "+facadetest.Str(facadetest.Dig(n, "__typename")), facadetest.Str(facadetest.Dig(n, "intercomId")) != "")
		}
		for _, a := range facadetest.Dig(tk, "ticketAttributes").([]any) {
			kind := facadetest.Str(facadetest.Dig(a, "dataType"))
			accessor := map[string]string{"STRING": "text", "LIST": "text", "INTEGER": "integer", "DECIMAL": "decimal", "BOOLEAN": "boolean",
				"DATETIME": "dateTime", "FILES": "files"}[kind]
			if facadetest.Dig(a, "attribute") == nil || accessor == "" {
				t.Fatalf("ticket %s: attribute %s is not typed by its ticket type: %v", facadetest.Str(facadetest.Dig(tk, "intercomId")), facadetest.Str(facadetest.Dig(a, "name")), a)
			}
			mark(kind, facadetest.Dig(a, accessor) != nil)
			if facadetest.Dig(a, "value") != nil && facadetest.Dig(a, accessor) == nil {
				t.Errorf("ticket %s: %s attribute %s has the value %v but no %s", facadetest.Str(facadetest.Dig(tk, "intercomId")), kind, facadetest.Str(facadetest.Dig(a, "name")), facadetest.Dig(a, "value"), accessor)
			}
			if kind == "LIST" && facadetest.Dig(a, "value") != nil {
				mark("option", facadetest.Str(facadetest.Dig(a, "option", "label")) == facadetest.Str(facadetest.Dig(a, "text")))
			}
			if kind == "FILES" {
				mark("file", facadetest.Str(facadetest.Dig(a, "files", 0, "url")) != "")
			}
		}
		for _, p := range facadetest.Dig(tk, "parts", "edges").([]any) {
			part := facadetest.Dig(p, "node")
			mark("previousState", facadetest.Dig(part, "previousState") != nil)
			mark("assignedTo admin", facadetest.Dig(part, "assignedTo", "admin", "name") != nil)
			mark("assignedTo team", facadetest.Dig(part, "assignedTo", "team", "name") != nil)
			mark("attachment", facadetest.Dig(part, "attachments", 0, "url") != nil)
			mark("externalId", facadetest.Dig(part, "externalId") != nil)
			mark("redacted", facadetest.Dig(part, "redacted") == true)
			author := facadetest.Dig(part, "author")
			switch facadetest.Str(facadetest.Dig(author, "type")) {
			case "admin":
				mark("admin author", facadetest.Dig(author, "admin", "name") != nil)
			case "user":
				mark("user author", facadetest.Dig(author, "contact", "email") != nil)
			case "team":
				mark("team author", facadetest.Dig(author, "team", "name") != nil)
			case "bot":
				// The bot is not one of the workspace's admins.
				mark("bot author", facadetest.Dig(author, "admin") == nil && facadetest.Dig(author, "contact") == nil)
			}
		}
	}
	for _, e := range facadetest.Dig(data, "ticketTypes", "edges").([]any) {
		tt := facadetest.Dig(e, "node")
		for _, a := range facadetest.Dig(tt, "attributes", "edges").([]any) {
			attr := facadetest.Dig(a, "node")
			if facadetest.Str(facadetest.Dig(attr, "ticketType", "intercomId")) != facadetest.Str(facadetest.Dig(tt, "intercomId")) {
				t.Errorf("attribute %s names ticket type %v, listed under %s", facadetest.Str(facadetest.Dig(attr, "intercomId")), facadetest.Dig(attr, "ticketType"), facadetest.Str(facadetest.Dig(tt, "intercomId")))
			}
			mark("multiline", facadetest.Dig(attr, "multiline") != nil)
			mark("list options", facadetest.Dig(attr, "listOptions", "totalCount").(float64) > 0)
			mark("archived attribute", facadetest.Dig(attr, "archived") == true)
			mark("inputOptions", facadetest.Dig(attr, "inputOptions") != nil)
		}
	}
	for _, c := range facadetest.Dig(data, "conversations", "nodes").([]any) {
		for _, n := range facadetest.Dig(c, "linkedObjects", "nodes").([]any) {
			mark("conversation linked "+facadetest.Str(facadetest.Dig(n, "__typename")), facadetest.Str(facadetest.Dig(n, "intercomId")) != "")
		}
		mark("conversation source contact", facadetest.Dig(c, "source", "author", "contact", "email") != nil)
		for _, p := range facadetest.Dig(c, "parts", "nodes").([]any) {
			mark("conversation part admin", facadetest.Dig(p, "author", "admin", "name") != nil)
			mark("conversation assignedTo admin", facadetest.Dig(p, "assignedTo", "admin", "name") != nil)
		}
	}
	for _, want := range []string{"description", "no description", "snoozedUntil", "adminAssignee", "teamAssignee", "unassigned", "contacts",
		"no contacts", "linked Ticket", "linked Conversation", "STRING", "LIST", "INTEGER", "DECIMAL", "BOOLEAN", "DATETIME", "FILES", "option", "file",
		"previousState", "assignedTo admin", "assignedTo team", "attachment", "externalId", "admin author", "user author", "team author", "bot author",
		"multiline", "list options", "archived attribute", "inputOptions", "conversation linked Ticket", "conversation linked Conversation",
		"conversation source contact", "conversation part admin", "conversation assignedTo admin"} {
		if !seen[want] {
			t.Errorf("no ticket, ticket type or conversation showed %s", want)
		}
	}
}

func TestNodeRoundTripsForTicketsTypesAndAttributes(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	data := f.Query(`{
	  tickets(first: 2) { nodes { id intercomId } }
	  ticketTypes(last: 1) { nodes { id intercomId attributes(last: 1) { nodes { id intercomId } } } }
	}`, nil).MustData(t)
	objects := []struct{ id, intercomID, typename string }{
		{facadetest.Str(facadetest.Dig(data, "tickets", "nodes", 1, "id")), facadetest.Str(facadetest.Dig(data, "tickets", "nodes", 1, "intercomId")), "Ticket"},
		{facadetest.Str(facadetest.Dig(data, "ticketTypes", "nodes", 0, "id")), facadetest.Str(facadetest.Dig(data, "ticketTypes", "nodes", 0, "intercomId")), "TicketType"},
		{facadetest.Str(facadetest.Dig(data, "ticketTypes", "nodes", 0, "attributes", "nodes", 0, "id")), facadetest.Str(facadetest.Dig(data, "ticketTypes", "nodes", 0, "attributes", "nodes", 0, "intercomId")), "TicketTypeAttribute"},
	}
	for _, o := range objects {
		got := f.Query(`query($id: ID!) { node(id: $id) { id __typename
		  ... on Ticket { intercomId title } ... on TicketType { intercomId name } ... on TicketTypeAttribute { intercomId name } } }`,
			map[string]any{"id": o.id}).MustData(t)
		if facadetest.Str(facadetest.Dig(got, "node", "id")) != o.id || facadetest.Str(facadetest.Dig(got, "node", "intercomId")) != o.intercomID || facadetest.Str(facadetest.Dig(got, "node", "__typename")) != o.typename {
			t.Errorf("%s: node(id) returned %v, want id %s intercomId %s", o.typename, got["node"], o.id, o.intercomID)
		}
		if facadetest.Dig(got, "node", "title") == nil && facadetest.Dig(got, "node", "name") == nil {
			t.Errorf("%s: node(id) came back without its fields: %v", o.typename, got["node"])
		}
	}
	byID := f.Query(`query($id: ID, $intercomId: String) { a: ticket(id: $id) { intercomId } b: ticket(intercomId: $intercomId) { intercomId } }`,
		map[string]any{"id": objects[0].id, "intercomId": objects[0].intercomID}).MustData(t)
	if facadetest.Str(facadetest.Dig(byID, "a", "intercomId")) != objects[0].intercomID || facadetest.Str(facadetest.Dig(byID, "b", "intercomId")) != objects[0].intercomID {
		t.Errorf("ticket by id and by intercomId: %v", byID)
	}
	// A Ticket ID where a TicketType is wanted, and the other way round, are refused before any upstream call.
	before := f.Sim.Calls()
	for _, q := range []struct{ query, id string }{
		{`query($id: ID) { ticketType(id: $id) { name } }`, objects[0].id},
		{`query($id: ID) { ticket(id: $id) { title } }`, objects[1].id},
		{`query($id: ID) { ticket(id: $id, intercomId: "1") { title } }`, objects[0].id},
	} {
		resp := f.Query(q.query, map[string]any{"id": q.id})
		if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" {
			t.Errorf("%s with %s: got %s", q.query, q.id, resp.Raw)
		}
	}
	if calls := f.Sim.Calls() - before; calls != 0 {
		t.Errorf("refused IDs cost %d upstream calls", calls)
	}
}

func TestTicketCursorsAreRefusedElsewhere(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	page := func(vars map[string]any) facadetest.Response { return f.Query(ticketsPage, vars) }
	first := page(map[string]any{"first": 2}).MustData(t)
	plain := facadetest.Str(facadetest.Dig(first, "tickets", "pageInfo", "endCursor"))
	open := map[string]any{"open": map[string]any{"eq": true}}
	filtered := page(map[string]any{"first": 2, "filter": open}).MustData(t)
	openCursor := facadetest.Str(facadetest.Dig(filtered, "tickets", "pageInfo", "endCursor"))
	parts := f.Query(`{ tickets(first: 2) { nodes { parts(first: 1) { pageInfo { endCursor } } } } }`, nil).MustData(t)
	partCursor := facadetest.Str(facadetest.Dig(parts, "tickets", "nodes", 0, "parts", "pageInfo", "endCursor"))

	before := f.Sim.Calls()
	cases := []struct {
		name  string
		query string
		vars  map[string]any
		path  []any
	}{
		{"an unfiltered cursor with a filter", ticketsPage, map[string]any{"first": 2, "after": plain, "filter": open}, []any{"tickets"}},
		{"a filtered cursor without it", ticketsPage, map[string]any{"first": 2, "after": openCursor}, []any{"tickets"}},
		{"a filtered cursor with another order", ticketsPage, map[string]any{"first": 2, "after": openCursor, "filter": open,
			"orderBy": map[string]any{"field": "CREATED_AT", "direction": "ASC"}}, []any{"tickets"}},
		{"a tickets cursor on conversations", `query($after: String) { conversations(first: 2, after: $after) { totalCount } }`,
			map[string]any{"after": plain}, []any{"conversations"}},
		{"a forged cursor", ticketsPage, map[string]any{"first": 2, "after": plain[:len(plain)-3] + "abc"}, []any{"tickets"}},
		{"one ticket's parts cursor on another's", `query($after: String) { tickets(first: 2) { nodes { parts(first: 1, after: $after) { totalCount } } } }`,
			map[string]any{"after": partCursor}, []any{"tickets", "nodes", 1, "parts"}},
		{"a ticket types cursor from tickets", `query($after: String) { ticketTypes(after: $after) { totalCount } }`,
			map[string]any{"after": plain}, []any{"ticketTypes"}},
	}
	for _, c := range cases {
		resp := f.Query(c.query, c.vars)
		if code := codeOf(resp, c.path...); code != "BAD_USER_INPUT" {
			t.Errorf("%s: got %s", c.name, resp.Raw)
		}
	}
	// The parts case reads the tickets (one call); nothing else reached Intercom.
	if calls := f.Sim.Calls() - before; calls != 1 {
		t.Errorf("refused cursors cost %d upstream calls, want only the listing of the parts case", calls)
	}
}

func TestTicketFiltersIntercomCannotRunAreRefusedBeforeAnyCall(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	contact := relay.NodeID("Contact", f.Sim.Workspace(intercomsim.DemoToken).ContactIDs()[0])
	cases := map[string]struct {
		filter map[string]any
		field  string
	}{
		"two typed filters for one attribute": {map[string]any{"ticketAttributes": []any{map[string]any{"attribute": "263",
			"string": map[string]any{"eq": "High"}, "int": map[string]any{"eq": 3}}}}, "filter.ticketAttributes[0]"},
		"a Contact ID as an attribute": {map[string]any{"ticketAttributes": []any{map[string]any{"attribute": contact,
			"string": map[string]any{"eq": "High"}}}}, "filter.ticketAttributes[0].attribute"},
		"a Contact ID as a ticket type": {map[string]any{"ticketType": map[string]any{"eq": contact}}, "filter.ticketType.eq"},
		"startsWith under not":          {map[string]any{"not": map[string]any{"title": map[string]any{"startsWith": "Ex"}}}, "filter.not.title.startsWith"},
		"an empty or":                   {map[string]any{"or": []any{}}, "filter.or"},
	}
	for name, c := range cases {
		before := f.Sim.Calls()
		resp := f.Query(ticketsPage, map[string]any{"first": 5, "filter": c.filter})
		e, ok := resp.ErrorAt("tickets")
		if !ok || e.Code() != "BAD_USER_INPUT" || e.Extensions["field"] != c.field {
			t.Errorf("%s: got %s, want BAD_USER_INPUT naming %s", name, resp.Raw, c.field)
		}
		if calls := f.Sim.Calls() - before; calls != 0 {
			t.Errorf("%s: refused after %d upstream calls", name, calls)
		}
	}
	// A files attribute cannot be searched: Intercom says so, and the client hears it as its own mistake.
	resp := f.Query(ticketsPage, map[string]any{"first": 5, "filter": map[string]any{"ticketAttributes": []any{
		map[string]any{"attribute": "267", "string": map[string]any{"eq": "a.png"}}}}})
	if e, ok := resp.ErrorAt("tickets"); !ok || e.Code() != "BAD_USER_INPUT" || e.Extensions["intercom"] == nil {
		t.Errorf("a files attribute: got %s, want Intercom's refusal as BAD_USER_INPUT", resp.Raw)
	}
}
