package httpapi_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// newSubgraph is a facade served as a Federation v2 subgraph (FEDERATION=on).
func newSubgraph(t *testing.T, opts facadetest.Options) *facadetest.Facade {
	t.Helper()
	opts.Configure = func(cfg *httpapi.Config) { cfg.Federation = true }
	return facadetest.New(t, opts)
}

const entitiesQuery = `query($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on Contact { id email externalId }
  ... on Company { id companyId name }
  ... on Admin { id email }
  ... on Team { id name }
  ... on Conversation { id }
  ... on Tag { id name }
} }`

// Off, the graph is the plain graph: no _service, no _entities, no
// federation types in introspection or in the SDL served.
func TestFederationOffLeavesTheGraphPlain(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	for _, query := range []string{`{ _service { sdl } }`, `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`} {
		resp := f.Query(query, map[string]any{"r": []any{}})
		if resp.Data != nil || len(resp.Errors) == 0 || resp.Errors[0].Code() != "BAD_USER_INPUT" {
			t.Errorf("%s answered with federation off: %s", query, resp.Raw)
		}
	}
	data := f.Query(`{ __schema { types { name } queryType { fields { name } } directives { name } } }`, nil).MustData(t)
	for _, typ := range facadetest.Dig(data, "__schema", "types").([]any) {
		if name := facadetest.Str(facadetest.Dig(typ, "name")); strings.HasPrefix(name, "_") && !strings.HasPrefix(name, "__") || strings.HasSuffix(name, "Representation") || name == "FieldSet" || name == "Entity" {
			t.Errorf("introspection shows federation's type %s with federation off", name)
		}
	}
	for _, field := range facadetest.Dig(data, "__schema", "queryType", "fields").([]any) {
		if strings.HasPrefix(facadetest.Str(facadetest.Dig(field, "name")), "_") {
			t.Errorf("Query has %v with federation off", facadetest.Dig(field, "name"))
		}
	}
	for _, d := range facadetest.Dig(data, "__schema", "directives").([]any) {
		if name := facadetest.Str(facadetest.Dig(d, "name")); name == "key" || name == "link" {
			t.Errorf("introspection shows @%s with federation off", name)
		}
	}
	if sdl := httpapi.SDL(); strings.Contains(sdl, "@key") || strings.Contains(sdl, "_entities") || strings.Contains(sdl, "@link") {
		t.Error("the SDL served with federation off holds federation's additions")
	}
}

// On, _service { sdl } is the subgraph's schema with its keys, for a
// composition library or a router to read.
func TestFederationOnServesTheSubgraphSDL(t *testing.T) {
	f := newSubgraph(t, facadetest.Options{})
	resp := f.Query(`{ _service { sdl } }`, nil)
	sdl := facadetest.Str(facadetest.Dig(resp.MustData(t), "_service", "sdl"))
	for _, want := range []string{`@link(url: "https://specs.apollo.dev/federation/v2.`, `extend type Contact @key(fields: "id") @key(fields: "externalId") @key(fields: "email")`,
		`extend type Company @key(fields: "id") @key(fields: "companyId")`, `extend type Admin @key(fields: "id") @key(fields: "email")`, "conversations("} {
		if !strings.Contains(sdl, want) {
			t.Errorf("_service.sdl lacks %s", want)
		}
	}
	if upstreamCalls(resp) != 0 {
		t.Errorf("_service cost %v upstream calls", upstreamCalls(resp))
	}
	// GET /graphql/schema.graphql stays the plain graph's SDL: it is what
	// the graph's own clients generate code from.
	res, err := http.Get(f.Server.URL + httpapi.SchemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if string(body) != httpapi.SDL() {
		t.Error("the schema file served with federation on is not the plain graph's")
	}
}

// With introspection off, the subgraph's SDL is not shown either.
func TestSubgraphSDLFollowsIntrospection(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.Federation, c.DisableIntrospection = true, true }})
	resp := f.Query(`{ _service { sdl } }`, nil)
	if resp.Data != nil || len(resp.Errors) != 1 || resp.Errors[0].Code() != "NOT_FOUND" || !strings.Contains(resp.Errors[0].Message, "INTROSPECTION=false") {
		t.Errorf("_service with introspection off: %s", resp.Raw)
	}
}

// contactsOf lists the workspace's contacts through the graph.
func contactsOf(t *testing.T, f *facadetest.Facade, n int) []map[string]any {
	t.Helper()
	data := f.Query(fmt.Sprintf(`{ contacts(first: %d) { nodes { id email externalId } } }`, n), nil).MustData(t)
	var out []map[string]any
	for _, c := range facadetest.Dig(data, "contacts", "nodes").([]any) {
		out = append(out, c.(map[string]any))
	}
	if len(out) != n {
		t.Fatalf("the workspace has %d contacts, the test needs %d", len(out), n)
	}
	return out
}

// A router resolving 100 contacts by email spends one upstream call: one
// search for all of them, answered in the order of the representations.
func TestHundredContactsByEmailAreOneUpstreamCall(t *testing.T) {
	f := newSubgraph(t, facadetest.Options{Sim: intercomsim.Options{Seed: 3, Sizes: intercomsim.Sizes{Admins: 3, Teams: 2, Contacts: 120, Companies: 4, Conversations: 10}}})
	contacts := contactsOf(t, f, 100)
	reps := make([]any, len(contacts))
	for i, c := range contacts {
		reps[len(reps)-1-i] = map[string]any{"__typename": "Contact", "email": strings.ToUpper(facadetest.Str(c["email"]))} // reversed; emails match without regard to case
	}
	before := f.Sim.Calls()
	resp := f.Query(entitiesQuery, map[string]any{"r": reps})
	data := resp.MustData(t)
	if spent := f.Sim.Calls() - before; spent != 1 || upstreamCalls(resp) != 1 {
		t.Errorf("100 contacts by email cost %v upstream calls (the response says %v), want 1", spent, upstreamCalls(resp))
	}
	got := facadetest.Dig(data, "_entities").([]any)
	for i, c := range contacts {
		if entity := got[len(got)-1-i]; facadetest.Dig(entity, "id") != c["id"] || facadetest.Dig(entity, "__typename") != "Contact" {
			t.Fatalf("representation %d resolved to %v, want contact %v", len(got)-1-i, entity, c["id"])
		}
	}
}

// Every key resolves, in one request, each type in as few calls as its
// loaders make: contacts by id, external id and email one search each,
// teammates and teams from their lists, companies one call each.
func TestEveryEntityKeyResolves(t *testing.T) {
	f := newSubgraph(t, facadetest.Options{})
	contacts := contactsOf(t, f, 6)
	var withExternalID map[string]any
	for _, c := range contactsOf(t, f, 47) {
		if c["externalId"] != nil {
			withExternalID = c
			break
		}
	}
	if withExternalID == nil {
		t.Fatal("the small workspace has no contact with an external id")
	}
	data := f.Query(`{ companies(first: 2) { nodes { id companyId } } admins { nodes { id email } } teams { nodes { id } } conversations(first: 2) { nodes { id } } tags { nodes { id } } }`, nil).MustData(t)
	first := func(path ...any) map[string]any { return facadetest.Dig(data, path...).([]any)[0].(map[string]any) }
	company, second := first("companies", "nodes"), facadetest.Dig(data, "companies", "nodes").([]any)[1].(map[string]any)
	admin := first("admins", "nodes")
	reps := []any{
		map[string]any{"__typename": "Contact", "id": contacts[0]["id"]},
		map[string]any{"__typename": "Contact", "id": contacts[1]["id"]},
		map[string]any{"__typename": "Contact", "externalId": withExternalID["externalId"]},
		map[string]any{"__typename": "Contact", "email": contacts[2]["email"]},
		map[string]any{"__typename": "Contact", "email": contacts[3]["email"]},
		map[string]any{"__typename": "Company", "companyId": company["companyId"]},
		map[string]any{"__typename": "Company", "id": second["id"]},
		map[string]any{"__typename": "Admin", "email": admin["email"]},
		map[string]any{"__typename": "Admin", "id": admin["id"]},
		map[string]any{"__typename": "Team", "id": first("teams", "nodes")["id"]},
		map[string]any{"__typename": "Conversation", "id": first("conversations", "nodes")["id"]},
		map[string]any{"__typename": "Tag", "id": first("tags", "nodes")["id"]},
	}
	want := []any{contacts[0]["id"], contacts[1]["id"], withExternalID["id"], contacts[2]["id"], contacts[3]["id"], company["id"], second["id"],
		admin["id"], admin["id"], first("teams", "nodes")["id"], first("conversations", "nodes")["id"], first("tags", "nodes")["id"]}
	resp := f.Query(entitiesQuery, map[string]any{"r": reps})
	got := facadetest.Dig(resp.MustData(t), "_entities").([]any)
	for i := range want {
		if facadetest.Dig(got[i], "id") != want[i] {
			t.Errorf("representation %d (%v) resolved to %v, want %v", i, reps[i], got[i], want[i])
		}
	}
	// Contacts: by id, by external id, by email (3); companies: 2; the
	// admins' and teams' lists (2); a conversation (1); a tag (1).
	if spent := upstreamCalls(resp); spent > 9 {
		t.Errorf("12 representations of 6 types cost %v upstream calls, want at most 9", spent)
	}
}

// A representation that matches nothing resolves to null with NOT_FOUND at
// its index; the others resolve.
func TestAnEntityThatMatchesNothingIsNullWithAnError(t *testing.T) {
	f := newSubgraph(t, facadetest.Options{})
	contact := contactsOf(t, f, 1)[0]
	reps := []any{
		map[string]any{"__typename": "Contact", "email": "nobody@nowhere.example"},
		map[string]any{"__typename": "Contact", "email": contact["email"]},
		map[string]any{"__typename": "Company", "companyId": "no-such-company"},
		map[string]any{"__typename": "Admin", "email": "nobody@nowhere.example"},
		map[string]any{"__typename": "Contact", "id": facadetest.GlobalID("Contact", "ffffffffffffffffffffffff")},
	}
	resp := f.Query(entitiesQuery, map[string]any{"r": reps})
	got, _ := facadetest.Dig(resp.Data, "_entities").([]any)
	if len(got) != len(reps) || facadetest.Dig(got[1], "id") != contact["id"] {
		t.Fatalf("the representation that matches should resolve: %s", resp.Raw)
	}
	for _, i := range []int{0, 2, 3, 4} {
		if got[i] != nil {
			t.Errorf("representation %d resolved to %v", i, got[i])
		}
		if e, ok := resp.ErrorAt("_entities", i); !ok || e.Code() != "NOT_FOUND" {
			t.Errorf("representation %d: no NOT_FOUND error at its path: %s", i, resp.Raw)
		}
	}
}

// A malformed representation is the router's mistake: BAD_USER_INPUT naming
// it, before any upstream call. A forged ID, or an ID of another type, fails
// alone at its index.
func TestMalformedRepresentationsAreBadUserInput(t *testing.T) {
	f := newSubgraph(t, facadetest.Options{})
	for name, rep := range map[string]any{
		"not an object":            "Contact:1",
		"no __typename":            map[string]any{"email": "a@b.example"},
		"a type that is no entity": map[string]any{"__typename": "PageInfo", "id": "x"},
		"an unknown type":          map[string]any{"__typename": "User", "id": "x"},
		"no key field":             map[string]any{"__typename": "Contact", "name": "Ada"},
		"an empty key":             map[string]any{"__typename": "Contact", "email": ""},
		"a key of another type":    map[string]any{"__typename": "Company", "email": "a@b.example"},
	} {
		t.Run(name, func(t *testing.T) {
			before := f.Sim.Calls()
			resp := f.Query(entitiesQuery, map[string]any{"r": []any{map[string]any{"__typename": "Tag", "id": facadetest.GlobalID("Tag", "1")}, rep}})
			if len(resp.Errors) == 0 || resp.Errors[0].Code() != "BAD_USER_INPUT" || !strings.Contains(resp.Errors[0].Message, "representations[1]") {
				t.Errorf("answered %s", resp.Raw)
			}
			if f.Sim.Calls() != before {
				t.Error("a malformed representation cost upstream calls")
			}
		})
	}
	forged := []any{
		map[string]any{"__typename": "Contact", "id": "not-a-global-id"},
		map[string]any{"__typename": "Contact", "id": facadetest.GlobalID("Company", "1")},
		map[string]any{"__typename": "Contact", "email": contactsOf(t, f, 1)[0]["email"]},
	}
	resp := f.Query(entitiesQuery, map[string]any{"r": forged})
	for _, i := range []int{0, 1} {
		if e, ok := resp.ErrorAt("_entities", i); !ok || e.Code() != "BAD_USER_INPUT" {
			t.Errorf("representation %d: no BAD_USER_INPUT at its path: %s", i, resp.Raw)
		}
	}
	if got, _ := facadetest.Dig(resp.Data, "_entities").([]any); len(got) != 3 || got[2] == nil {
		t.Errorf("the well-formed representation should resolve: %s", resp.Raw)
	}
}

// _entities is priced and metered like any query: rateLimit shows its
// estimate, and one whose fewest calls exceed the limit is refused before it
// runs.
func TestEntitiesAreCostedLikeAnyQuery(t *testing.T) {
	f := newSubgraph(t, facadetest.Options{})
	reps := make([]any, 200)
	for i := range reps {
		reps[i] = map[string]any{"__typename": "Contact", "email": fmt.Sprintf("someone-%d@example.com", i)}
	}
	resp := f.Query(`query($r: [_Any!]!) { rateLimit { cost } _entities(representations: $r) { ... on Contact { id } } }`, map[string]any{"r": reps})
	if cost := facadetest.Dig(resp.Data, "rateLimit", "cost"); cost != float64(2) || upstreamCalls(resp) != 2 {
		t.Errorf("200 contacts by email: estimated %v, spent %v; want 2 and 2", cost, upstreamCalls(resp))
	}

	companies := make([]any, 1001)
	for i := range companies {
		companies[i] = map[string]any{"__typename": "Company", "companyId": fmt.Sprintf("c-%d", i)}
	}
	before := f.Sim.Calls()
	resp = f.Query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Company { name } } }`, map[string]any{"r": companies})
	if resp.Data != nil || len(resp.Errors) != 1 || resp.Errors[0].Code() != "MAX_COST_EXCEEDED" {
		t.Errorf("1001 companies, one call each, should be refused: %s", resp.Raw)
	}
	if f.Sim.Calls() != before {
		t.Error("the refused query cost upstream calls")
	}
}

// _entities passes the same gates as any query: authentication before any
// work, automatic persisted queries (a router may send hashes), and the
// caller's trace, continued through the entity resolvers to Intercom.
func TestEntitiesPassTheGatesOfAnyQuery(t *testing.T) {
	const key = "router-key-51e0"
	keys := acceptingKeys(t, key)
	recorder := recordSpans(t)
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.Federation, c.Auth = true, keys }})
	email := facadetest.Str(facadetest.Dig(postAs(f, map[string]string{"X-API-Key": key}, `{ contacts(first: 1) { nodes { email } } }`).MustData(t), "contacts", "nodes").([]any)[0].(map[string]any)["email"])
	query := fmt.Sprintf(`query Router { _entities(representations: [{__typename: "Contact", email: %q}]) { ... on Contact { email } } }`, email)

	before := f.Sim.Calls()
	if resp := postAs(f, nil, query); resp.Status != http.StatusUnauthorized || len(resp.Errors) != 1 || resp.Errors[0].Code() != "UNAUTHENTICATED" {
		t.Errorf("_entities without a key: %d %s", resp.Status, resp.Raw)
	}
	if f.Sim.Calls() != before {
		t.Error("an unauthenticated _entities reached Intercom")
	}

	send := func(body []byte, traceparent string) facadetest.Response {
		req, _ := http.NewRequest(http.MethodPost, f.Server.URL+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-API-Key", key)
		if traceparent != "" {
			req.Header.Set("traceparent", traceparent)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return facadetest.Decode(t, resp)
	}
	if resp := send(persisted(hashOf(query), ""), ""); len(resp.Errors) != 1 || resp.Errors[0].Message != "PersistedQueryNotFound" {
		t.Errorf("an unknown hash: %s", resp.Raw)
	}
	send(persisted(hashOf(query), query), "").MustData(t)
	const traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
	resp := send(persisted(hashOf(query), ""), "00-"+traceID+"-00f067aa0ba902b7-01")
	if got := facadetest.Dig(resp.MustData(t), "_entities").([]any); len(got) != 1 || facadetest.Dig(got[0], "email") != email {
		t.Errorf("the persisted _entities answered %s", resp.Raw)
	}
	names := map[string]bool{}
	for _, span := range recorder.Ended() {
		if span.SpanContext().TraceID().String() == traceID {
			names[span.Name()] = true
		}
	}
	// The operation's span and the search's are in the caller's trace. (The
	// tracing spans the resolvers the schema prices with @cost; _entities,
	// federation's own field, is priced by the estimate instead, so its
	// upstream calls sit directly under the operation.)
	for _, want := range []string{"graphql query Router", "intercom POST"} {
		if !names[want] {
			t.Errorf("no span %q in the caller's trace, among %v", want, names)
		}
	}
}

// collectIDs gathers every "id" of an answer, depth first.
func collectIDs(v any, into *[]any) {
	switch v := v.(type) {
	case map[string]any:
		if id, ok := v["id"].(string); ok {
			*into = append(*into, id)
		}
		for _, child := range v {
			collectIDs(child, into)
		}
	case []any:
		for _, child := range v {
			collectIDs(child, into)
		}
	}
}

// Every Node type is an entity by its global ID, and the estimate of an
// _entities request bounds what it spends.
func TestEveryNodeIsAnEntityByID(t *testing.T) {
	f := newSubgraph(t, facadetest.Options{Sim: intercomsim.Options{Seed: 5, Sizes: intercomsim.Sizes{Admins: 4, Teams: 2, Tags: 4, Segments: 3, Companies: 4,
		Contacts: 20, Conversations: 10, Tickets: 6, Collections: 4, Articles: 4, NewsItems: 4}}})
	data := f.Query(`{ me { id } admins(first: 2) { nodes { id } } teams(first: 2) { nodes { id } } tags(first: 2) { nodes { id } }
	  segments(first: 2) { nodes { id } } contacts(first: 20) { nodes { id notes(first: 1) { nodes { id } } } }
	  conversations(first: 2) { nodes { id source { id } } } conversation: conversations(first: 1) { nodes { parts(first: 1) { nodes { id } } } }
	  companies(first: 2) { nodes { id } } tickets(first: 2) { nodes { id parts(first: 1) { nodes { id } } } }
	  ticketTypes(first: 2) { nodes { id attributes(first: 1) { nodes { id } } } } articles(first: 2) { nodes { id } }
	  collections(first: 2) { nodes { id } } helpCenters(first: 2) { nodes { id } } newsItems(first: 2) { nodes { id } }
	  newsfeeds(first: 2) { nodes { id } } subscriptionTypes(first: 2) { nodes { id } } dataAttributes(first: 2) { nodes { id } } }`, nil).MustData(t)
	var ids []any
	collectIDs(data, &ids)
	typed := facadetest.Dig(f.Query(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`, map[string]any{"ids": ids}).MustData(t), "nodes").([]any)
	var reps []any
	types := map[string]bool{}
	for _, n := range typed {
		typename := facadetest.Str(facadetest.Dig(n, "__typename"))
		types[typename] = true
		reps = append(reps, map[string]any{"__typename": typename, "id": facadetest.Dig(n, "id")})
	}
	if len(types) < 21 {
		t.Fatalf("the workspace gave %d Node types (%v); the test wants at least 21", len(types), types)
	}

	resp := f.Query(`query($r: [_Any!]!) { rateLimit { cost } _entities(representations: $r) { __typename ... on Node { id } } }`, map[string]any{"r": reps})
	got := facadetest.Dig(resp.MustData(t), "_entities").([]any)
	for i, rep := range reps {
		if facadetest.Dig(got[i], "id") != facadetest.Dig(rep, "id") || facadetest.Dig(got[i], "__typename") != facadetest.Dig(rep, "__typename") {
			t.Errorf("representation %v resolved to %v", rep, got[i])
		}
	}
	estimate, _ := facadetest.Dig(resp.Data, "rateLimit", "cost").(float64)
	if spent := upstreamCalls(resp); spent > estimate || spent == 0 {
		t.Errorf("%d representations of %d types: estimated %v, spent %v", len(reps), len(types), estimate, spent)
	}
	t.Logf("%d representations of %d types: estimated %v calls, spent %v", len(reps), len(types), estimate, upstreamCalls(resp))
}
