package httpapi_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

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
			f := newFacade(t, facadeOptions{sim: simOpts, maxQueryCost: 100_000})
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

func schemaConnections(t *testing.T, f *facade) []schemaConnection {
	data := f.query(`{ __schema { types { name kind interfaces { name }
	  fields { name args { name type { kind } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`, nil).mustData(t)
	nodeTypes := map[string]string{} // connection type -> node type
	types, _ := dig(data, "__schema", "types").([]any)
	for _, ty := range types {
		if name := str(dig(ty, "name")); strings.HasSuffix(name, "Connection") {
			for _, fl := range asList(dig(ty, "fields")) {
				if str(dig(fl, "name")) == "nodes" {
					nodeTypes[name] = innermost(dig(fl, "type"))
				}
			}
		}
	}
	var out []schemaConnection
	for _, ty := range types {
		owner := str(dig(ty, "name"))
		if strings.HasPrefix(owner, "__") || owner == "Subscription" || owner == "Mutation" {
			continue
		}
		for _, fl := range asList(dig(ty, "fields")) {
			conn := innermost(dig(fl, "type"))
			if nodeTypes[conn] == "" {
				continue
			}
			c := schemaConnection{owner: owner, field: str(dig(fl, "name")), nodeType: nodeTypes[conn]}
			for _, a := range asList(dig(fl, "args")) {
				switch name := str(dig(a, "name")); {
				case name == "last":
					c.backward = true
				case str(dig(a, "type", "kind")) == "NON_NULL":
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
		if name := str(dig(ty, "name")); name != "" {
			return name
		}
		ty = dig(ty, "ofType")
	}
	return ""
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// walkEverywhere finds a parent with the most items for the connection and
// walks it both ways.
func walkEverywhere(t *testing.T, f *facade, c schemaConnection) (nodes []any) {
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
		vars["id"] = richestParent(t, f, holder, via+" { "+c.field+" { totalCount } }", func(n any) float64 { return floatOf(dig(n, via, c.field, "totalCount")) })
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
			return float64(len(asList(dig(n, c.field, "edges"))))
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
		if _, probe := w.page(t, f, map[string]any{"first": 100}); floatOf(dig(probe, "totalCount")) > 700 {
			first = 97 // the demo's thousands of contacts and conversations, in pages that still divide nothing
		}
	}
	seen, _, pages := w.forward(t, f, first)
	t.Logf("%d items in %d pages of %d", len(seen), pages, first)
	_, firstPage := w.page(t, f, map[string]any{"first": 3})
	nodes = asList(dig(firstPage, "nodes"))
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
		if id, typ := str(dig(n, "id")), str(dig(n, "__typename")); id != "" && len(s[typ]) < 3 {
			s[typ] = append(s[typ], id)
		}
	}
}

// roundTripEveryNodeType fetches, for every type implementing Node, objects
// again by their global ID: the same object comes back. Types no connection
// lists are reached through their own root fields.
func roundTripEveryNodeType(t *testing.T, f *facade, samples nodeSamples) {
	ws := f.sim.Workspace(intercomsim.DemoToken)
	if users := ws.VisitorUserIDs(); len(users) > 0 {
		data := f.query(`query($u: String!) { visitor(userId: $u) { id } }`, map[string]any{"u": users[0]}).mustData(t)
		samples["Visitor"] = append(samples["Visitor"], str(dig(data, "visitor", "id")))
	}
	for job := range ws.DataExportJobs() {
		data := f.query(`query($j: String!) { dataExport(jobIdentifier: $j) { id } }`, map[string]any{"j": job}).mustData(t)
		samples["DataExport"] = append(samples["DataExport"], str(dig(data, "dataExport", "id")))
		break
	}
	data := f.query(`{ __type(name: "Node") { possibleTypes { name } } }`, nil).mustData(t)
	t.Logf("%d types implement Node", len(asList(dig(data, "__type", "possibleTypes"))))
	for _, pt := range asList(dig(data, "__type", "possibleTypes")) {
		typ := str(dig(pt, "name"))
		ids := samples[typ]
		if len(ids) == 0 {
			t.Errorf("no %s was found to fetch by ID", typ)
			continue
		}
		resp := f.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`, map[string]any{"ids": ids}).mustData(t)
		for i, n := range asList(dig(resp, "nodes")) {
			if str(dig(n, "id")) != ids[i] || str(dig(n, "__typename")) != typ {
				t.Errorf("nodes(ids) returned %v for the %s %s", n, typ, ids[i])
			}
		}
	}
}

// nodeKey identifies a node: its global ID, or for objects that are not
// Nodes, the whole object.
func nodeKey(n any) string {
	if id := str(dig(n, "id")); id != "" {
		return id
	}
	b, _ := json.Marshal(n)
	return string(b)
}

// nodeSelection identifies the items of a connection: the global ID of a
// Node (or of the Nodes of a union), else every scalar field of the object.
func nodeSelection(t *testing.T, f *facade, typeName string) string {
	data := f.query(`query($t: String!) { __type(name: $t) { kind interfaces { name } possibleTypes { name }
	  fields { name args { name } type { kind name ofType { kind name ofType { kind name } } } } } }`, map[string]any{"t": typeName}).mustData(t)
	if str(dig(data, "__type", "kind")) == "UNION" {
		return "... on Node { id }"
	}
	for _, i := range asList(dig(data, "__type", "interfaces")) {
		if str(dig(i, "name")) == "Node" {
			return "... on Node { id }"
		}
	}
	var fields []string
	for _, fl := range asList(dig(data, "__type", "fields")) {
		ty := dig(fl, "type")
		for str(dig(ty, "kind")) == "NON_NULL" {
			ty = dig(ty, "ofType")
		}
		if kind := str(dig(ty, "kind")); (kind == "SCALAR" || kind == "ENUM") && len(asList(dig(fl, "args"))) == 0 {
			fields = append(fields, str(dig(fl, "name")))
		}
	}
	return strings.Join(fields, " ")
}

// richestParent finds, among the first objects of a type, the one with the
// most items under the connection (count reads them from a candidate).
func richestParent(t *testing.T, f *facade, typeName, selection string, count func(any) float64) string {
	data := f.query(fmt.Sprintf(`{ list: %s { nodes { id %s } } }`, parentRoots[typeName], selection), nil).mustData(t)
	best, most := "", -1.0
	for _, n := range asList(dig(data, "list", "nodes")) {
		if c := count(n); c > most {
			best, most = str(dig(n, "id")), c
		}
	}
	if best == "" {
		t.Fatalf("no %s to walk from", typeName)
	}
	return best
}

func attributeWithOptions(t *testing.T, f *facade) string {
	data := f.query(`{ ticketTypes { nodes { attributes(first: 100) { nodes { id listOptions { totalCount } } } } } }`, nil).mustData(t)
	best, most := "", -1.0
	for _, tt := range asList(dig(data, "ticketTypes", "nodes")) {
		for _, a := range asList(dig(tt, "attributes", "nodes")) {
			if n := floatOf(dig(a, "listOptions", "totalCount")); n > most {
				best, most = str(dig(a, "id")), n
			}
		}
	}
	return best
}

func busiestEventContact(t *testing.T, f *facade) string {
	id := richestParent(t, f, "Contact", "intercomId events(first: 20) { edges { cursor } }", func(n any) float64 {
		return float64(len(asList(dig(n, "events", "edges"))))
	})
	data := f.query(`query($id: ID!) { node(id: $id) { ... on Contact { intercomId } } }`, map[string]any{"id": id}).mustData(t)
	return str(dig(data, "node", "intercomId"))
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
	f     *facade
	types map[string]any
}

func newSelectionBuilder(t *testing.T, f *facade) *selectionBuilder {
	data := f.query(`{ __schema { types { name kind
	  fields { name args { name defaultValue type { kind } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`, nil).mustData(t)
	b := &selectionBuilder{t: t, f: f, types: map[string]any{}}
	for _, ty := range asList(dig(data, "__schema", "types")) {
		b.types[str(dig(ty, "name"))] = ty
	}
	return b
}

func (b *selectionBuilder) selection(typeName string, depth int) string {
	ty := b.types[typeName]
	switch str(dig(ty, "kind")) {
	case "UNION", "INTERFACE":
		return "__typename ... on Node { id }"
	}
	var parts []string
	for _, fl := range asList(dig(ty, "fields")) {
		name, target := str(dig(fl, "name")), innermost(dig(fl, "type"))
		args := ""
		needsArgs := false
		for _, a := range asList(dig(fl, "args")) {
			switch {
			case str(dig(a, "name")) == "first":
				args = "(first: 3)"
			case str(dig(a, "type", "kind")) == "NON_NULL" && dig(a, "defaultValue") == nil:
				needsArgs = true
			}
		}
		if needsArgs {
			continue
		}
		switch str(dig(b.types[target], "kind")) {
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
	for _, fl := range asList(dig(b.types[connection], "fields")) {
		if str(dig(fl, "name")) == "nodes" {
			return innermost(dig(fl, "type"))
		}
	}
	return ""
}

// everyFieldResolves asks for every field of every Node type (and, through
// them, of the objects they hold) on objects the walks found: no field fails.
func everyFieldResolves(t *testing.T, f *facade, samples nodeSamples) {
	b := newSelectionBuilder(t, f)
	for typ, ids := range samples {
		query := fmt.Sprintf(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on %s { %s } } }`, typ, b.selection(typ, 2))
		resp := f.query(query, map[string]any{"ids": ids})
		if len(resp.Errors) > 0 {
			t.Errorf("%s: %d fields failed, the first: %s at %v", typ, len(resp.Errors), resp.Errors[0].Message, resp.Errors[0].Path)
		}
		if len(asList(dig(resp.Data, "nodes"))) != len(ids) {
			t.Errorf("%s: %d objects for %d ids", typ, len(asList(dig(resp.Data, "nodes"))), len(ids))
		}
	}
}
