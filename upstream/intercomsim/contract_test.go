package intercomsim_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"intercom-graphql/upstream/intercomsim"
	"intercom-graphql/upstream/internal/spectest"
)

// The simulator is only worth testing against if it answers as Intercom
// does. This test sends realistic requests to every endpoint over HTTP and
// checks requests and answers against Intercom's OpenAPI description; a
// second pass (contract_coverage_test.go) checks that, across all answers,
// every property the spec documents was sent at least once.

// contractRow describes one endpoint. The scenarios every endpoint of its
// kind must pass are derived from it, so a new endpoint needs one row.
type contractRow struct {
	op     string // the spec's operationId
	method string // GET when empty
	path   string // the spec's path template; "{id}" is filled from ids
	body   string // the JSON request body, if the operation takes one
	// ids lists the objects to retrieve one by one: all of them, since the
	// rare shapes (a rated conversation, an attachment) are the ones a model drops.
	ids func(*fixture) []string
	// unknownID is an id no object has, of the type the spec's parameter wants.
	unknownID string
	// cursor is set for starting_after pagination.
	cursor *cursorList
	// variants are further successful calls with extra query parameters.
	variants []variant
	// bodySchema replaces the spec's 200 schema for the stricter checks, where
	// the spec's reference is wrong; bodySchemaWhy says how we know.
	bodySchema    string
	bodySchemaWhy string
	// search is set for the search endpoints, which page through the body.
	search *searchList
}

// searchList describes a search endpoint: its pagination and sort travel in
// the request body, with the query.
type searchList struct {
	items          string // the property holding the page's items
	defaultPerPage int
	everything     string // a query matching every record, to walk them all
	// queries are further queries that must be answered, one scenario each.
	queries []string
	// refused are queries Intercom refuses with a 422, by what is wrong with them.
	refused map[string]string
}

// listItems is the property holding a list's items.
func (r contractRow) listItems() string {
	if r.search != nil {
		return r.search.items
	}
	return r.cursor.items
}

type cursorList struct {
	items          string // the property holding the page's items
	defaultPerPage int
}

type variant struct {
	query string
	check func(t testing.TB, body map[string]any)
}

var contractRows = []contractRow{
	{op: "identifyAdmin", path: "/me"},
	{op: "listAdmins", path: "/admins"},
	{op: "retrieveAdmin", path: "/admins/{id}", ids: func(f *fixture) []string { return f.adminIDs }, unknownID: "1"},
	{op: "listTeams", path: "/teams"},
	{op: "retrieveTeam", path: "/teams/{id}", ids: func(f *fixture) []string { return f.teamIDs }, unknownID: "1"},
	{op: "ListContacts", path: "/contacts", cursor: &cursorList{items: "data", defaultPerPage: 50}},
	{op: "ShowContact", path: "/contacts/{id}", ids: func(f *fixture) []string { return f.contactIDs }, unknownID: "000000000000000000000000"},
	{
		op: "listConversations", path: "/conversations", cursor: &cursorList{items: "conversations", defaultPerPage: 20},
		bodySchema: "conversation_list",
		bodySchemaWhy: "the spec's 200 schema for listConversations is paginated_response (a list of news items), " +
			"but its own example, the search endpoint and Intercom's answers carry `conversations`, as conversation_list describes",
	},
	{
		op: "retrieveConversation", path: "/conversations/{id}", ids: func(f *fixture) []string { return f.conversationIDs }, unknownID: "1",
		variants: []variant{{query: "display_as=plaintext", check: noHTMLBodies}},
	},
	{
		op: "SearchContacts", method: http.MethodPost, path: "/contacts/search",
		body: `{"query":{"field":"role","operator":"IN","value":["user","lead"]}}`,
		search: &searchList{
			items: "data", defaultPerPage: 50, everything: `{"field":"role","operator":"IN","value":["user","lead"]}`,
			queries: []string{
				`{"operator":"AND","value":[{"field":"created_at","operator":">","value":"1306054154"},{"operator":"OR","value":[` +
					`{"field":"email","operator":"~","value":"a"},{"field":"custom_attributes.seats","operator":">=","value":20}]}]}`,
				`{"field":"last_seen_at","operator":"=","value":null}`,
			},
			refused: map[string]string{
				"unknown field":           `{"field":"shoe_size","operator":"=","value":"42"}`,
				"!= on a date":            `{"field":"created_at","operator":"!=","value":1700000000}`,
				"three levels of groups":  `{"operator":"AND","value":[{"operator":"OR","value":[{"operator":"AND","value":[{"field":"role","operator":"=","value":"user"}]}]}]}`,
				"a word for a date value": `{"field":"updated_at","operator":">","value":"foobar"}`,
			},
		},
	},
	{
		op: "searchConversations", method: http.MethodPost, path: "/conversations/search",
		body: `{"query":{"field":"state","operator":"IN","value":["open","closed","snoozed"]}}`,
		search: &searchList{
			items: "conversations", defaultPerPage: 20, everything: `{"field":"state","operator":"IN","value":["open","closed","snoozed"]}`,
			queries: []string{
				`{"operator":"OR","value":[{"field":"source.body","operator":"=","value":"invoice"},{"field":"statistics.count_reopens","operator":">","value":0}]}`,
				`{"field":"conversation_rating.score","operator":"IN","value":[4,5]}`,
			},
			refused: map[string]string{
				">= on an integer":   `{"field":"statistics.count_reopens","operator":">=","value":1}`,
				"16 filters a group": `{"operator":"OR","value":[` + strings.Repeat(`{"field":"open","operator":"=","value":true},`, 15) + `{"field":"open","operator":"=","value":false}]}`,
			},
		},
	},
}

// contractSizes are small enough to retrieve every object one by one and
// large enough that lists paginate and every optional shape occurs.
var contractSizes = intercomsim.Sizes{Admins: 6, Teams: 3, Tags: 12, Segments: 3, Companies: 12, Contacts: 160, Conversations: 160}

const contractSeed = 7

// fixture is the simulator under test and the ids it holds, read over HTTP.
type fixture struct {
	sim  *intercomsim.Simulator
	base string

	adminIDs, teamIDs, contactIDs, conversationIDs []string
}

func newFixture(t *testing.T) *fixture {
	sim := intercomsim.New(intercomsim.Options{Seed: contractSeed, Sizes: contractSizes})
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	f := &fixture{sim: sim, base: srv.URL}
	f.adminIDs = collectIDs(t, f.base, "/admins", "admins")
	f.teamIDs = collectIDs(t, f.base, "/teams", "teams")
	f.contactIDs = collectIDs(t, f.base, "/contacts", "data")
	f.conversationIDs = collectIDs(t, f.base, "/conversations", "conversations")
	for what, ids := range map[string][]string{"admins": f.adminIDs, "teams": f.teamIDs, "contacts": f.contactIDs, "conversations": f.conversationIDs} {
		if len(ids) == 0 {
			t.Fatalf("the seeded workspace lists no %s", what)
		}
	}
	return f
}

// collectIDs reads the ids of a list, following cursor pages at Intercom's page size.
func collectIDs(t *testing.T, base, path, items string) []string {
	t.Helper()
	var ids []string
	for query, more := "", true; more; more = query != "" {
		req, _ := http.NewRequest(http.MethodGet, base+path+query, nil)
		authorize(req, intercomsim.DemoToken)
		status, _, body := send(t, req)
		var page struct {
			Pages struct {
				Next *struct {
					PerPage       int    `json:"per_page"`
					StartingAfter string `json:"starting_after"`
				} `json:"next"`
			} `json:"pages"`
		}
		var list map[string]json.RawMessage
		var objs []struct{ ID string }
		if status != http.StatusOK || json.Unmarshal(body, &page) != nil || json.Unmarshal(body, &list) != nil || json.Unmarshal(list[items], &objs) != nil {
			t.Fatalf("listing %s%s: %d %s", path, query, status, body)
		}
		for _, o := range objs {
			ids = append(ids, o.ID)
		}
		query = ""
		if n := page.Pages.Next; n != nil {
			query = fmt.Sprintf("?per_page=%d&starting_after=%s", n.PerPage, url.QueryEscape(n.StartingAfter))
		}
	}
	return ids
}

func authorize(req *http.Request, token string) {
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Intercom-Version", "2.10")
	req.Header.Set("Accept", "application/json")
}

// scenario is one situation an endpoint must handle.
type scenario struct {
	name    string
	targets []string // each is requested in turn (path and query)
	token   string
	// budget, when set, runs the scenario on a simulator of its own allowing
	// that many calls per window: they are spent (and checked) first.
	budget int
	status int
	code   string // the expected errors[0].code of an error answer
	// malformed marks a request that is wrong on purpose: the spec may reject it too.
	malformed bool
	// body, when set, replaces the row's request body.
	body string
	// pages is how many further pages to follow through pages.next; -1 means all.
	pages int
	check func(t testing.TB, target string, body map[string]any)
}

func (r contractRow) httpMethod() string {
	if r.method == "" {
		return http.MethodGet
	}
	return r.method
}

func (r contractRow) scenarios(f *fixture) []scenario {
	targets := []string{r.path}
	if r.ids != nil {
		targets = targets[:0]
		for _, id := range r.ids(f) {
			targets = append(targets, fill(r.path, id))
		}
	}
	first := targets[:1]
	sc := []scenario{{name: "ok", targets: targets, status: http.StatusOK, check: r.checkOK}}
	for _, v := range r.variants {
		with := make([]string, len(targets))
		for i, tg := range targets {
			with[i] = tg + "?" + v.query
		}
		check := v.check
		sc = append(sc, scenario{name: v.query, targets: with, status: http.StatusOK,
			check: func(t testing.TB, target string, body map[string]any) { r.checkOK(t, target, body); check(t, body) }})
	}
	if c := r.cursor; c != nil {
		sc = append(sc,
			scenario{name: "per_page=1 and the next pages", targets: []string{r.path + "?per_page=1"}, status: http.StatusOK, pages: 2},
			scenario{name: "per_page=150 to the last page", targets: []string{r.path + "?per_page=150"}, status: http.StatusOK, pages: -1},
			scenario{name: "per_page=0", targets: []string{r.path + "?per_page=0"}, status: http.StatusBadRequest, code: "parameter_invalid", malformed: true},
			scenario{name: "per_page=151", targets: []string{r.path + "?per_page=151"}, status: http.StatusBadRequest, code: "parameter_invalid", malformed: true},
			scenario{name: "forged starting_after", targets: []string{r.path + "?starting_after=WW91IHNoYWxsIG5vdCBwYXNz"}, status: http.StatusBadRequest, code: "parameter_invalid", malformed: true},
		)
	}
	if s := r.search; s != nil {
		page := func(perPage int) string {
			return fmt.Sprintf(`{"query":%s,"pagination":{"per_page":%d}}`, s.everything, perPage)
		}
		for i, q := range s.queries {
			sc = append(sc, scenario{name: fmt.Sprintf("query %d", i+1), targets: []string{r.path}, body: `{"query":` + q + `}`, status: http.StatusOK})
		}
		sc = append(sc,
			scenario{name: "per_page=1 and the next pages", targets: []string{r.path}, body: page(1), status: http.StatusOK, pages: 2},
			scenario{name: "per_page=150 to the last page", targets: []string{r.path}, body: page(150), status: http.StatusOK, pages: -1},
			scenario{name: "sorted by created_at to the last page", targets: []string{r.path}, status: http.StatusOK, pages: -1,
				body: fmt.Sprintf(`{"query":%s,"pagination":{"per_page":150},"sort":{"field":"created_at","order":"ascending"}}`, s.everything)},
			scenario{name: "per_page=0", targets: []string{r.path}, body: page(0), status: http.StatusBadRequest, code: "parameter_invalid", malformed: true},
			scenario{name: "per_page=151", targets: []string{r.path}, body: page(151), status: http.StatusBadRequest, code: "parameter_invalid", malformed: true},
			scenario{name: "forged starting_after", targets: []string{r.path}, status: http.StatusBadRequest, code: "parameter_invalid",
				body: fmt.Sprintf(`{"query":%s,"pagination":{"starting_after":"WW91IHNoYWxsIG5vdCBwYXNz"}}`, s.everything)},
		)
		for why, q := range s.refused {
			sc = append(sc, scenario{name: "refused: " + why, targets: []string{r.path}, body: `{"query":` + q + `}`,
				status: http.StatusUnprocessableEntity, code: "parameter_invalid"})
		}
	}
	if r.unknownID != "" {
		sc = append(sc, scenario{name: "unknown id", targets: []string{fill(r.path, r.unknownID)}, status: http.StatusNotFound, code: "not_found"})
	}
	sc = append(sc,
		scenario{name: "wrong token", targets: first, token: "not-a-token-of-this-workspace", status: http.StatusUnauthorized, code: "unauthorized"},
		scenario{name: "rate limited", targets: first, budget: 3, status: http.StatusTooManyRequests, code: "rate_limit_exceeded"},
	)
	for i := range sc {
		if sc[i].token == "" {
			sc[i].token = intercomsim.DemoToken
		}
	}
	return sc
}

func fill(path, id string) string { return strings.Replace(path, "{id}", url.PathEscape(id), 1) }

// checkOK holds what a user of any successful answer relies on beyond its shape.
func (r contractRow) checkOK(t testing.TB, target string, body map[string]any) {
	if r.ids != nil {
		if want := strings.TrimPrefix(target, strings.TrimSuffix(r.path, "{id}")); body["id"] != strings.SplitN(want, "?", 2)[0] {
			t.Errorf("%s answered with id %v", target, body["id"])
		}
	}
	items, defaultPerPage := "", 0
	switch {
	case r.cursor != nil:
		items, defaultPerPage = r.cursor.items, r.cursor.defaultPerPage
	case r.search != nil:
		items, defaultPerPage = r.search.items, r.search.defaultPerPage
	}
	if items != "" {
		list, _ := body[items].([]any)
		total := jsonInt(body["total_count"])
		if want := min(defaultPerPage, total); len(list) != want {
			t.Errorf("%s: first page holds %d items, want %d (default page size %d, %d in all)", target, len(list), want, defaultPerPage, total)
		}
	}
}

func noHTMLBodies(t testing.TB, body map[string]any) {
	texts := []any{dig(body, "source", "body")}
	parts, _ := dig(body, "conversation_parts", "conversation_parts").([]any)
	for _, p := range parts {
		texts = append(texts, dig(p, "body"))
	}
	for _, s := range texts {
		if s, ok := s.(string); ok && strings.ContainsAny(s, "<>") {
			t.Errorf("display_as=plaintext still sent markup: %q", s)
			return
		}
	}
}

func TestSimulatorContract(t *testing.T) {
	spec := spectest.Load(t)
	if spec.Problems != nil {
		first, _, _ := strings.Cut(spec.Problems.Error(), "\n")
		t.Logf("the spec does not validate itself cleanly (%s); checking against it anyway", first)
	}
	started := time.Now()
	f := newFixture(t)
	bodies := bodyLog{}

	t.Run("every route has a row", func(t *testing.T) {
		for _, p := range routeRowProblems(spec, f.sim.Routes(), contractRows) {
			t.Error(p)
		}
	})
	for _, row := range contractRows {
		t.Run(row.op, func(t *testing.T) {
			for _, sc := range row.scenarios(f) {
				t.Run(sc.name, func(t *testing.T) { runScenario(t, spec, f, row, sc, bodies) })
			}
		})
	}
	t.Run("unknown path", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, f.base+"/no/such/endpoint", nil)
		authorize(req, intercomsim.DemoToken)
		if x, _ := spec.CheckRequest(req); x != nil {
			t.Fatal("the spec routes /no/such/endpoint; pick a path it lacks")
		}
		status, header, body := send(t, req)
		if status != http.StatusNotFound {
			t.Errorf("status %d, want 404", status)
		}
		if err := spec.CheckSchema("error", body); err != nil {
			t.Errorf("404 body is not the spec's error object: %v", err)
		}
		checkErrorBody(t, header, body, "not_found")
	})
	t.Run("nothing silently dropped", func(t *testing.T) {
		for _, p := range coverageProblems(spec, contractRows, bodies) {
			t.Error(p)
		}
	})
	t.Logf("contract checked in %v", time.Since(started).Round(time.Millisecond))
}

// routeRowProblems says which served routes have no row, which rows test
// something the simulator does not serve, and where a route and the spec disagree.
func routeRowProblems(spec *spectest.Spec, routes []intercomsim.Route, rows []contractRow) []string {
	var problems []string
	byOp := map[string]contractRow{}
	for _, r := range rows {
		byOp[r.op] = r
	}
	served := map[string]bool{}
	for _, rt := range routes {
		served[rt.OperationID] = true
		method, path, _ := strings.Cut(rt.Pattern, " ")
		op, ok := spec.Operation(rt.OperationID)
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("route %q claims operationId %s, which the spec does not define", rt.Pattern, rt.OperationID))
		case op.Method != method || op.Path != path:
			problems = append(problems, fmt.Sprintf("route %q serves %s, which the spec puts at %s %s", rt.Pattern, rt.OperationID, op.Method, op.Path))
		}
		row, ok := byOp[rt.OperationID]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("route %q (%s) has no row in contractRows", rt.Pattern, rt.OperationID))
		case row.httpMethod() != method || row.path != path:
			problems = append(problems, fmt.Sprintf("the row for %s requests %s %s, but the route is %q", row.op, row.httpMethod(), row.path, rt.Pattern))
		case row.bodySchema != "" && row.bodySchemaWhy == "":
			problems = append(problems, fmt.Sprintf("the row for %s overrides the spec's schema without saying why", row.op))
		}
	}
	for _, r := range rows {
		if !served[r.op] {
			problems = append(problems, fmt.Sprintf("row %s tests an operation the simulator does not serve", r.op))
		}
	}
	return problems
}

func runScenario(t *testing.T, spec *spectest.Spec, f *fixture, row contractRow, sc scenario, bodies bodyLog) {
	if sc.body != "" {
		row.body = sc.body
	}
	rep := &capped{TB: t, max: 5}
	defer rep.summary()
	base := f.base
	if sc.budget > 0 {
		// A simulator of its own, on a stopped clock, so no window rolls over mid-scenario.
		now := time.Now()
		sim := intercomsim.New(intercomsim.Options{Seed: contractSeed, Sizes: contractSizes, Budget: sc.budget, Now: func() time.Time { return now }})
		srv := httptest.NewServer(sim.Handler())
		defer srv.Close()
		base = srv.URL
		for range sc.budget {
			ex := exchange(rep, spec, row, base, sc.targets[0], sc.token, false, bodies)
			if ex.status != http.StatusOK {
				rep.Errorf("call within the budget answered %d", ex.status)
			}
		}
	}
	for _, target := range sc.targets {
		ex := exchange(rep, spec, row, base, target, sc.token, sc.malformed, bodies)
		if ex.status != sc.status {
			rep.Errorf("%s %s: status %d, want %d: %.300s", row.httpMethod(), target, ex.status, sc.status, ex.raw)
			continue
		}
		if sc.status >= 400 {
			checkErrorBody(rep, ex.header, ex.raw, sc.code)
			if sc.status == http.StatusTooManyRequests && ex.header.Get("X-RateLimit-Remaining") != "0" {
				rep.Errorf("429 with X-RateLimit-Remaining %q, want 0", ex.header.Get("X-RateLimit-Remaining"))
			}
			continue
		}
		if sc.check != nil {
			sc.check(rep, target, ex.body)
		}
		if sc.pages != 0 {
			u, _ := url.Parse(target)
			perPage, _ := strconv.Atoi(u.Query().Get("per_page"))
			if row.search != nil {
				perPage = jsonInt(dig(decodeJSON(row.body), "pagination", "per_page"))
			}
			followPages(rep, spec, row, base, sc, ex, perPage, bodies)
		}
	}
}

// followPages walks pages.next the way a client does and checks the walk
// keeps the page size asked for, hands out each item once, in numbered
// pages, and ends where it says it ends.
func followPages(t testing.TB, spec *spectest.Spec, row contractRow, base string, sc scenario, first exchanged, perPage int, bodies bodyLog) {
	seen := map[any]bool{}
	ex, page, count := first, 1, 0
	for {
		items, _ := ex.body[row.listItems()].([]any)
		if got := jsonInt(dig(ex.body, "pages", "per_page")); got != perPage {
			t.Errorf("page %d of %s says per_page %d, asked for %d", page, row.path, got, perPage)
		}
		if got := jsonInt(dig(ex.body, "pages", "page")); got != page {
			t.Errorf("page %d of %s says it is page %d", page, row.path, got)
		}
		if len(items) > perPage || len(items) == 0 || (len(items) < perPage && dig(ex.body, "pages", "next") != nil) {
			t.Errorf("page %d of %s holds %d items at per_page %d", page, row.path, len(items), perPage)
		}
		for _, it := range items {
			id := dig(it, "id")
			if seen[id] {
				t.Errorf("item %v served twice while paging %s", id, row.path)
			}
			seen[id] = true
		}
		count += len(items)
		next, _ := dig(ex.body, "pages", "next").(map[string]any)
		if next == nil || (sc.pages > 0 && page > sc.pages) {
			if sc.pages < 0 {
				if total := jsonInt(ex.body["total_count"]); count != total {
					t.Errorf("walking %s to the end gave %d items, total_count says %d", row.path, count, total)
				}
				if tp := jsonInt(dig(ex.body, "pages", "total_pages")); tp != page {
					t.Errorf("walking %s ended on page %d, total_pages says %d", row.path, page, tp)
				}
			} else if page <= sc.pages {
				t.Errorf("%s ended after %d pages; the workspace is seeded for more", row.path, page)
			}
			return
		}
		if jsonInt(next["per_page"]) != perPage {
			t.Errorf("pages.next of page %d of %s says per_page %v, asked for %d", page, row.path, next["per_page"], perPage)
		}
		target := fmt.Sprintf("%s?per_page=%d&starting_after=%s", row.path, perPage, url.QueryEscape(fmt.Sprint(next["starting_after"])))
		if row.search != nil {
			// A search's next page is the same body with the cursor in its pagination.
			target = row.path
			body := decodeJSON(row.body).(map[string]any)
			body["pagination"] = map[string]any{"per_page": perPage, "starting_after": next["starting_after"]}
			b, _ := json.Marshal(body)
			row.body = string(b)
		}
		page++
		if ex = exchange(t, spec, row, base, target, sc.token, false, bodies); ex.status != http.StatusOK {
			t.Errorf("%s (page %d): status %d: %.300s", target, page, ex.status, ex.raw)
			return
		}
	}
}

type exchanged struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any // nil unless the answer is a JSON object
}

// exchange sends one request and checks both halves against the spec. Every
// 200 body is kept for the completeness check.
func exchange(t testing.TB, spec *spectest.Spec, row contractRow, base, target, token string, malformed bool, bodies bodyLog) exchanged {
	t.Helper()
	var body io.Reader
	if row.body != "" {
		body = strings.NewReader(row.body)
	}
	req, err := http.NewRequest(row.httpMethod(), base+target, body)
	if err != nil {
		t.Fatal(err)
	}
	authorize(req, token)
	if row.body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	call := row.httpMethod() + " " + target
	x, reqErr := spec.CheckRequest(req)
	if x == nil {
		t.Fatalf("%s: %v", call, reqErr)
	}
	if reqErr != nil && !malformed {
		t.Errorf("%s: the request breaks the spec: %v", call, reqErr)
	}
	if x.OperationID() != row.op {
		t.Errorf("%s is %s in the spec, not %s", call, x.OperationID(), row.op)
	}
	var ex exchanged
	ex.status, ex.header, ex.raw = send(t, req)
	if err := spec.CheckResponse(context.Background(), x, ex.status, ex.header, ex.raw); err != nil {
		t.Errorf("%s answered %d against the spec:\n%v", call, ex.status, err)
	}
	_ = json.Unmarshal(ex.raw, &ex.body)
	if ex.status != http.StatusUnauthorized {
		checkRateHeaders(t, call, ex.header)
	}
	if ex.status == http.StatusOK {
		if row.bodySchema != "" {
			if err := spec.CheckSchema(row.bodySchema, ex.raw); err != nil {
				t.Errorf("%s is not a %s:\n%v", call, row.bodySchema, err)
			}
		}
		bodies.add(row.op, ex.body)
	}
	return ex
}

func send(t testing.TB, req *http.Request) (int, http.Header, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading body: %v", req.Method, req.URL, err)
	}
	return resp.StatusCode, resp.Header, body
}

// checkRateHeaders: every authenticated answer tells the caller its budget.
func checkRateHeaders(t testing.TB, call string, h http.Header) {
	for _, name := range []string{"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"} {
		if _, err := strconv.ParseInt(h.Get(name), 10, 64); err != nil {
			t.Errorf("%s: %s is %q, want an integer", call, name, h.Get(name))
		}
	}
}

// checkErrorBody holds what a client reads off an error: the code, and a
// request id that matches the header support will ask for.
func checkErrorBody(t testing.TB, h http.Header, raw []byte, code string) {
	var body struct {
		Type      string `json:"type"`
		RequestID string `json:"request_id"`
		Errors    []struct {
			Code string `json:"code"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Errorf("error body is not JSON: %v", err)
		return
	}
	if body.Type != "error.list" || len(body.Errors) != 1 || body.Errors[0].Code != code {
		t.Errorf("error body %s, want one error with code %q", raw, code)
	}
	if body.RequestID == "" || body.RequestID != h.Get("X-Request-Id") {
		t.Errorf("error body request_id %q, X-Request-Id header %q: want the same id in both", body.RequestID, h.Get("X-Request-Id"))
	}
}

// capped reports the first few failures of a scenario that repeats one check
// over many objects, then counts the rest.
type capped struct {
	testing.TB
	max, n int
}

func (c *capped) Errorf(format string, args ...any) {
	c.TB.Helper()
	c.n++
	if c.n <= c.max {
		c.TB.Errorf(format, args...)
	} else {
		c.TB.Fail()
	}
}

func (c *capped) summary() {
	if c.n > c.max {
		c.TB.Errorf("... and %d more failures like these", c.n-c.max)
	}
}

// bodyLog keeps the decoded 200 bodies of each operation.
type bodyLog map[string][]any

func (l bodyLog) add(op string, body map[string]any) {
	if body != nil {
		l[op] = append(l[op], body)
	}
}

func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func decodeJSON(s string) any {
	var v any
	_ = json.Unmarshal([]byte(s), &v)
	return v
}

func jsonInt(v any) int {
	f, _ := v.(float64)
	return int(f)
}
