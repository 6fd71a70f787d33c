package graph_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// A connection of the schema, as introspection describes it.
type schemaConnection struct {
	owner, field, nodeType string
	backward               bool     // takes last/before
	required               []string // required arguments, other than the page's
}

// rootArgs gives the required arguments of root connections that have some.
var rootArgs = map[string]string{
	"adminActivityLogs": `createdAfter: "2000-01-01T00:00:00Z"`,
	"searchArticles":    `phrase: "a"`,
	"dataEvents":        `person: { intercomUserId: $person }`,
}

// parentRoots says where to find the parents of nested connections: a query
// listing them (with the candidate's child count), for parents that are Nodes.
var parentRoots = map[string]string{
	"Admin": "admins", "Team": "teams", "Contact": "contacts(first: 40)", "Conversation": "conversations(first: 40)",
	"Company": "companies(first: 40)", "Article": "articles(first: 40)", "Newsfeed": "newsfeeds", "Ticket": "tickets(first: 40)",
	"TicketType": "ticketTypes",
}

// Every connection of the schema is walked to its end, forward and (where
// allowed) backward, on the demo workspace and on one whose sizes divide by no
// page size: each item is seen exactly once, the two directions agree, and
// totalCount is the number of items seen.
func TestEveryConnectionWalksToItsEnd(t *testing.T) {
	odd := intercomsim.Sizes{Admins: 7, Teams: 3, Tags: 11, Segments: 5, Companies: 23, Contacts: 89, Conversations: 97,
		Collections: 9, Articles: 29, NewsItems: 13, Tickets: 31}
	for name, sizes := range map[string]intercomsim.Sizes{"demo": {}, "odd": odd} {
		t.Run(name, func(t *testing.T) {
			simOpts := intercomsim.Options{Seed: 3, Budget: 1 << 30} // thousands of pages: the rate limit has tests of its own
			if sizes != (intercomsim.Sizes{}) {
				simOpts.Sizes = sizes
			} else {
				simOpts.Sizes = intercomsim.DemoSizes()
			}
			f := facadetest.New(t, facadetest.Options{Sim: simOpts, MaxQueryCost: 100_000})
			conns := schemaConnections(t, f)
			if len(conns) < 40 {
				t.Fatalf("introspection found only %d connections", len(conns))
			}
			samples := nodeSamples{}
			for _, c := range conns {
				t.Run(c.owner+"."+c.field, func(t *testing.T) { samples.add(walkEverywhere(t, f, c)) })
			}
			t.Run("node round trips", func(t *testing.T) { roundTripEveryNodeType(t, f, samples) })
			t.Run("every field resolves", func(t *testing.T) { everyFieldResolves(t, f, samples) })
		})
	}
}

func schemaConnections(t *testing.T, f *facadetest.Facade) []schemaConnection {
	data := f.Query(`{ __schema { types { name kind interfaces { name }
	  fields { name args { name type { kind } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`, nil).MustData(t)
	nodeTypes := map[string]string{} // connection type -> node type
	types, _ := facadetest.Dig(data, "__schema", "types").([]any)
	for _, ty := range types {
		if name := facadetest.Str(facadetest.Dig(ty, "name")); strings.HasSuffix(name, "Connection") {
			for _, fl := range asList(facadetest.Dig(ty, "fields")) {
				if facadetest.Str(facadetest.Dig(fl, "name")) == "nodes" {
					nodeTypes[name] = innermost(facadetest.Dig(fl, "type"))
				}
			}
		}
	}
	var out []schemaConnection
	for _, ty := range types {
		owner := facadetest.Str(facadetest.Dig(ty, "name"))
		if strings.HasPrefix(owner, "__") || owner == "Subscription" || owner == "Mutation" {
			continue
		}
		for _, fl := range asList(facadetest.Dig(ty, "fields")) {
			conn := innermost(facadetest.Dig(fl, "type"))
			if nodeTypes[conn] == "" {
				continue
			}
			c := schemaConnection{owner: owner, field: facadetest.Str(facadetest.Dig(fl, "name")), nodeType: nodeTypes[conn]}
			for _, a := range asList(facadetest.Dig(fl, "args")) {
				switch name := facadetest.Str(facadetest.Dig(a, "name")); {
				case name == "last":
					c.backward = true
				case facadetest.Str(facadetest.Dig(a, "type", "kind")) == "NON_NULL":
					c.required = append(c.required, name)
				}
			}
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].owner+out[i].field < out[j].owner+out[j].field })
	return out
}

func innermost(ty any) string {
	for ty != nil {
		if name := facadetest.Str(facadetest.Dig(ty, "name")); name != "" {
			return name
		}
		ty = facadetest.Dig(ty, "ofType")
	}
	return ""
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// walkEverywhere finds a parent with the most items for the connection and
// walks it both ways.
func walkEverywhere(t *testing.T, f *facadetest.Facade, c schemaConnection) (nodes []any) {
	selection := "__typename " + nodeSelection(t, f, c.nodeType)
	args, vars, prefix, suffix := "", map[string]any{}, "", ""
	pageVars := "$first: Int, $after: String"
	pageArgs := "first: $first, after: $after"
	if c.backward {
		pageVars += ", $last: Int, $before: String"
		pageArgs += ", last: $last, before: $before"
	}
	path := []any{}
	switch c.owner {
	case "Query":
		if a, ok := rootArgs[c.field]; ok {
			args = a + ", "
		}
		if c.field == "dataEvents" {
			pageVars += ", $person: String!"
			vars["person"] = busiestEventContact(t, f)
		}
	case "Me":
		prefix, suffix, path = "me { ", " }", []any{"me"}
	case "AdminTeamPriorityLevel", "TeamAdminPriorityLevel":
		holder, via := "Admin", "teamPriorityLevel"
		if c.owner == "TeamAdminPriorityLevel" {
			holder, via = "Team", "adminPriorityLevel"
		}
		pageVars += ", $id: ID!"
		vars["id"] = richestParent(t, f, holder, via+" { "+c.field+" { totalCount } }", func(n any) float64 { return floatOf(facadetest.Dig(n, via, c.field, "totalCount")) })
		prefix, suffix, path = "node(id: $id) { ... on "+holder+" { "+via+" { ", " } } }", []any{"node", via}
	case "TicketTypeAttribute":
		pageVars += ", $id: ID!"
		vars["id"] = attributeWithOptions(t, f)
		prefix, suffix, path = "node(id: $id) { ... on TicketTypeAttribute { ", " } }", []any{"node"}
	default:
		if _, ok := parentRoots[c.owner]; !ok {
			t.Fatalf("no way to find a %s to walk %s from: add it to parentRoots", c.owner, c.field)
		}
		pageVars += ", $id: ID!"
		vars["id"] = richestParent(t, f, c.owner, c.field+"(first: 20) { edges { cursor } }", func(n any) float64 {
			return float64(len(asList(facadetest.Dig(n, c.field, "edges"))))
		})
		prefix, suffix, path = "node(id: $id) { ... on "+c.owner+" { ", " } }", []any{"node"}
	}
	query := fmt.Sprintf(`query(%s) { %s%s(%s%s) { totalCount edges { cursor node { %s } } nodes { %s }
	  pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }%s }`, pageVars, prefix, c.field, args, pageArgs, selection, selection, suffix)
	w := connWalk{query: query, vars: vars, path: append(path, c.field), key: nodeKey,
		lastPageCount: c.field == "adminActivityLogs" || c.field == "dataEvents" || c.field == "events",
		noCount:       c.field == "allCompanies"}
	first := 7
	if c.field != "allCompanies" { // Intercom keeps one scroll per workspace: the walk must be the only one
		if _, probe := w.page(t, f, map[string]any{"first": 100}); floatOf(facadetest.Dig(probe, "totalCount")) > 700 {
			first = 97 // the demo's thousands of contacts and conversations, in pages that still divide nothing
		}
	}
	seen, _, pages := w.forward(t, f, first)
	t.Logf("%d items in %d pages of %d", len(seen), pages, first)
	_, firstPage := w.page(t, f, map[string]any{"first": 3})
	nodes = asList(facadetest.Dig(firstPage, "nodes"))
	assertNoRepeats(t, seen)
	if c.backward {
		back, _ := w.backward(t, f, first)
		if !slices.Equal(back, seen) {
			t.Errorf("backward walk saw %d items, forward %d, or in another order", len(back), len(seen))
		}
	}
	if len(seen) == 0 && c.owner != "Query" {
		t.Logf("the richest %s has no %s", c.owner, c.field)
	}
	return nodes
}

// nodeSamples keeps, per Node type, a few global IDs the walks came across.
type nodeSamples map[string][]string

func (s nodeSamples) add(nodes []any) {
	for _, n := range nodes {
		if id, typ := facadetest.Str(facadetest.Dig(n, "id")), facadetest.Str(facadetest.Dig(n, "__typename")); id != "" && len(s[typ]) < 3 {
			s[typ] = append(s[typ], id)
		}
	}
}

// roundTripEveryNodeType fetches, for every type implementing Node, objects
// again by their global ID: the same object comes back. Types no connection
// lists are reached through their own root fields, or through the object
// that holds them.
func roundTripEveryNodeType(t *testing.T, f *facadetest.Facade, samples nodeSamples) {
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	if users := ws.VisitorUserIDs(); len(users) > 0 {
		data := f.Query(`query($u: String!) { visitor(userId: $u) { id } }`, map[string]any{"u": users[0]}).MustData(t)
		samples["Visitor"] = append(samples["Visitor"], facadetest.Str(facadetest.Dig(data, "visitor", "id")))
	}
	for job := range ws.DataExportJobs() {
		data := f.Query(`query($j: String!) { dataExport(jobIdentifier: $j) { id } }`, map[string]any{"j": job}).MustData(t)
		samples["DataExport"] = append(samples["DataExport"], facadetest.Str(facadetest.Dig(data, "dataExport", "id")))
		break
	}
	// The teammate of the token, and the messages that started conversations, are single objects, in no list.
	data := f.Query(`{ me { id } conversations(first: 3) { nodes { source { id } } } }`, nil).MustData(t)
	samples["Me"] = append(samples["Me"], facadetest.Str(facadetest.Dig(data, "me", "id")))
	for _, c := range asList(facadetest.Dig(data, "conversations", "nodes")) {
		samples["ConversationSource"] = append(samples["ConversationSource"], facadetest.Str(facadetest.Dig(c, "source", "id")))
	}
	data = f.Query(`{ __type(name: "Node") { possibleTypes { name } } }`, nil).MustData(t)
	t.Logf("%d types implement Node", len(asList(facadetest.Dig(data, "__type", "possibleTypes"))))
	for _, pt := range asList(facadetest.Dig(data, "__type", "possibleTypes")) {
		typ := facadetest.Str(facadetest.Dig(pt, "name"))
		ids := samples[typ]
		if len(ids) == 0 {
			t.Errorf("no %s was found to fetch by ID", typ)
			continue
		}
		resp := f.Query(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`, map[string]any{"ids": ids}).MustData(t)
		for i, n := range asList(facadetest.Dig(resp, "nodes")) {
			if facadetest.Str(facadetest.Dig(n, "id")) != ids[i] || facadetest.Str(facadetest.Dig(n, "__typename")) != typ {
				t.Errorf("nodes(ids) returned %v for the %s %s", n, typ, ids[i])
			}
		}
	}
}

// nodeKey identifies a node: its global ID, or for objects that are not
// Nodes, the whole object.
func nodeKey(n any) string {
	if id := facadetest.Str(facadetest.Dig(n, "id")); id != "" {
		return id
	}
	b, _ := json.Marshal(n)
	return string(b)
}

// nodeSelection identifies the items of a connection: the global ID of a
// Node (or of the Nodes of a union), else every scalar field of the object.
func nodeSelection(t *testing.T, f *facadetest.Facade, typeName string) string {
	data := f.Query(`query($t: String!) { __type(name: $t) { kind interfaces { name } possibleTypes { name }
	  fields { name args { name } type { kind name ofType { kind name ofType { kind name } } } } } }`, map[string]any{"t": typeName}).MustData(t)
	if facadetest.Str(facadetest.Dig(data, "__type", "kind")) == "UNION" {
		return "... on Node { id }"
	}
	for _, i := range asList(facadetest.Dig(data, "__type", "interfaces")) {
		if facadetest.Str(facadetest.Dig(i, "name")) == "Node" {
			return "... on Node { id }"
		}
	}
	var fields []string
	for _, fl := range asList(facadetest.Dig(data, "__type", "fields")) {
		ty := facadetest.Dig(fl, "type")
		for facadetest.Str(facadetest.Dig(ty, "kind")) == "NON_NULL" {
			ty = facadetest.Dig(ty, "ofType")
		}
		if kind := facadetest.Str(facadetest.Dig(ty, "kind")); (kind == "SCALAR" || kind == "ENUM") && len(asList(facadetest.Dig(fl, "args"))) == 0 {
			fields = append(fields, facadetest.Str(facadetest.Dig(fl, "name")))
		}
	}
	return strings.Join(fields, " ")
}

// richestParent finds, among the first objects of a type, the one with the
// most items under the connection (count reads them from a candidate).
func richestParent(t *testing.T, f *facadetest.Facade, typeName, selection string, count func(any) float64) string {
	data := f.Query(fmt.Sprintf(`{ list: %s { nodes { id %s } } }`, parentRoots[typeName], selection), nil).MustData(t)
	best, most := "", -1.0
	for _, n := range asList(facadetest.Dig(data, "list", "nodes")) {
		if c := count(n); c > most {
			best, most = facadetest.Str(facadetest.Dig(n, "id")), c
		}
	}
	if best == "" {
		t.Fatalf("no %s to walk from", typeName)
	}
	return best
}

func attributeWithOptions(t *testing.T, f *facadetest.Facade) string {
	data := f.Query(`{ ticketTypes { nodes { attributes(first: 100) { nodes { id listOptions { totalCount } } } } } }`, nil).MustData(t)
	best, most := "", -1.0
	for _, tt := range asList(facadetest.Dig(data, "ticketTypes", "nodes")) {
		for _, a := range asList(facadetest.Dig(tt, "attributes", "nodes")) {
			if n := floatOf(facadetest.Dig(a, "listOptions", "totalCount")); n > most {
				best, most = facadetest.Str(facadetest.Dig(a, "id")), n
			}
		}
	}
	return best
}

func busiestEventContact(t *testing.T, f *facadetest.Facade) string {
	id := richestParent(t, f, "Contact", "intercomId events(first: 20) { edges { cursor } }", func(n any) float64 {
		return float64(len(asList(facadetest.Dig(n, "events", "edges"))))
	})
	data := f.Query(`query($id: ID!) { node(id: $id) { ... on Contact { intercomId } } }`, map[string]any{"id": id}).MustData(t)
	return facadetest.Str(facadetest.Dig(data, "node", "intercomId"))
}

func floatOf(v any) float64 {
	n, _ := v.(float64)
	return n
}

func assertNoRepeats(t *testing.T, keys []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k] {
			t.Fatalf("item %s seen twice", k)
		}
		seen[k] = true
	}
}

// selectionBuilder writes a selection of every field of a type, down to a
// depth: scalars as they are, objects with their own fields, connections with
// their first items, unions and interfaces by their Node IDs. Fields that need
// arguments are left out (their tests live with their resource group).
type selectionBuilder struct {
	t     *testing.T
	f     *facadetest.Facade
	types map[string]any
}

func newSelectionBuilder(t *testing.T, f *facadetest.Facade) *selectionBuilder {
	data := f.Query(`{ __schema { types { name kind
	  fields { name args { name defaultValue type { kind } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`, nil).MustData(t)
	b := &selectionBuilder{t: t, f: f, types: map[string]any{}}
	for _, ty := range asList(facadetest.Dig(data, "__schema", "types")) {
		b.types[facadetest.Str(facadetest.Dig(ty, "name"))] = ty
	}
	return b
}

func (b *selectionBuilder) selection(typeName string, depth int) string {
	ty := b.types[typeName]
	switch facadetest.Str(facadetest.Dig(ty, "kind")) {
	case "UNION", "INTERFACE":
		return "__typename ... on Node { id }"
	}
	var parts []string
	for _, fl := range asList(facadetest.Dig(ty, "fields")) {
		name, target := facadetest.Str(facadetest.Dig(fl, "name")), innermost(facadetest.Dig(fl, "type"))
		args := ""
		needsArgs := false
		for _, a := range asList(facadetest.Dig(fl, "args")) {
			switch {
			case facadetest.Str(facadetest.Dig(a, "name")) == "first":
				args = "(first: 3)"
			case facadetest.Str(facadetest.Dig(a, "type", "kind")) == "NON_NULL" && facadetest.Dig(a, "defaultValue") == nil:
				needsArgs = true
			}
		}
		if needsArgs {
			continue
		}
		switch facadetest.Str(facadetest.Dig(b.types[target], "kind")) {
		case "SCALAR", "ENUM":
			parts = append(parts, name)
		case "OBJECT", "UNION", "INTERFACE":
			if depth == 0 {
				continue
			}
			if strings.HasSuffix(target, "Connection") {
				parts = append(parts, fmt.Sprintf("%s%s { totalCount nodes { %s } }", name, args, b.selection(innermostNodes(b, target), depth-1)))
				continue
			}
			parts = append(parts, fmt.Sprintf("%s%s { %s }", name, args, b.selection(target, depth-1)))
		}
	}
	return "__typename " + strings.Join(parts, " ")
}

func innermostNodes(b *selectionBuilder, connection string) string {
	for _, fl := range asList(facadetest.Dig(b.types[connection], "fields")) {
		if facadetest.Str(facadetest.Dig(fl, "name")) == "nodes" {
			return innermost(facadetest.Dig(fl, "type"))
		}
	}
	return ""
}

// everyFieldResolves asks for every field of every Node type (and, through
// them, of the objects they hold) on objects the walks found: no field fails.
func everyFieldResolves(t *testing.T, f *facadetest.Facade, samples nodeSamples) {
	b := newSelectionBuilder(t, f)
	for typ, ids := range samples {
		query := fmt.Sprintf(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on %s { %s } } }`, typ, b.selection(typ, 2))
		resp := f.Query(query, map[string]any{"ids": ids})
		if len(resp.Errors) > 0 {
			t.Errorf("%s: %d fields failed, the first: %s at %v", typ, len(resp.Errors), resp.Errors[0].Message, resp.Errors[0].Path)
		}
		if len(asList(facadetest.Dig(resp.Data, "nodes"))) != len(ids) {
			t.Errorf("%s: %d objects for %d ids", typ, len(asList(facadetest.Dig(resp.Data, "nodes"))), len(ids))
		}
	}
}
