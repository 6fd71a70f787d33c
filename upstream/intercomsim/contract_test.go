package intercomsim_test

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"intercom-graphql/upstream"
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
	// notFoundCode is the error code of the unknown-id answer, when it is not "not_found".
	notFoundCode string
	// targets, when set, are the requests of the ok scenario (path with its
	// parameters filled, and query): for lists under a parent object and for
	// operations with required query parameters. The first one is the base of
	// the pagination scenarios.
	targets func(*fixture) []string
	// unknownTarget is a request for an object that does not exist, where
	// unknownID cannot say it (an id in the query).
	unknownTarget string
	// pageNumbers is set for page-number pagination (contract_pages_test.go).
	pageNumbers *pageNumberList
	// search is set for the search endpoints, which page through the body.
	search *searchList
	// writes, for an operation that changes the workspace, are its requests
	// in the order they are sent (contract_writes_test.go).
	writes func(testing.TB, *fixture) []writeCase
	// renderedAs names the read operation whose answers this one's share a
	// renderer with: the completeness check runs there, over every shape.
	renderedAs string
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
	maxPerPage     int // 0 means upstream.MaxPerPage
}

type variant struct {
	query string
	check func(t testing.TB, body map[string]any)
	// bodySchema replaces the row's schema for this variant's answers, with the reason.
	bodySchema    string
	bodySchemaWhy string
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
		op: "listAllCompanies", method: http.MethodPost, path: "/companies/list",
		variants: []variant{{query: "order=asc&per_page=60", check: companyPage(60)}, {query: "page=2&per_page=5", check: companyPage(5)}},
	},
	{
		op: "retrieveCompany", path: "/companies",
		variants: []variant{
			{query: "name=Acme%20Labs", check: everyCompany("name", "Acme Labs")},
			{query: "company_id=company-0002", check: everyCompany("company_id", "company-0002")},
			{query: "tag_id=7500001&per_page=60", check: everyCompanyTagged("7500001")},
			{query: "per_page=5", check: companyPage(5)},
		},
	},
	{op: "RetrieveACompanyById", path: "/companies/{id}", ids: companyIDs, unknownID: "000000000000000000000000", notFoundCode: "company_not_found"},
	{
		op: "ListAttachedContacts", path: "/companies/{id}/contacts", ids: companyIDs, unknownID: "000000000000000000000000", notFoundCode: "company_not_found",
		variants: []variant{{query: "per_page=2", check: pageOfAtMost(2)}},
	},
	{op: "ListAttachedSegmentsForCompanies", path: "/companies/{id}/segments", ids: companyIDs, unknownID: "000000000000000000000000", notFoundCode: "company_not_found"},
	{op: "scrollOverAllCompanies", path: "/companies/scroll"},
	{op: "listCompaniesForAContact", path: "/contacts/{id}/companies", ids: func(f *fixture) []string { return f.contactIDs }, unknownID: "000000000000000000000000"},
	{op: "listSegmentsForAContact", path: "/contacts/{contact_id}/segments", ids: func(f *fixture) []string { return f.contactIDs }, unknownID: "000000000000000000000000"},
	{op: "listTagsForAContact", path: "/contacts/{contact_id}/tags", ids: func(f *fixture) []string { return f.contactIDs }, unknownID: "000000000000000000000000"},
	{op: "listTags", path: "/tags"},
	{op: "findTag", path: "/tags/{id}", ids: func(f *fixture) []string { return f.sim.Workspace(intercomsim.DemoToken).TagIDs() }, unknownID: "1"},
	{op: "listSegments", path: "/segments", variants: []variant{{query: "include_count=true", check: segmentsCounted}}},
	{op: "retrieveSegment", path: "/segments/{id}", ids: func(f *fixture) []string { return f.sim.Workspace(intercomsim.DemoToken).SegmentIDs() }, unknownID: "000000000000000000000000"},
	{
		op: "listNotes", path: "/contacts/{id}/notes", targets: noteTargets, unknownID: "000000000000000000000000",
		cursor:   &cursorList{items: "data", defaultPerPage: 50, maxPerPage: 50},
		variants: []variant{{query: "page=2&per_page=3", check: onPage(2)}},
	},
	{op: "retrieveNote", path: "/notes/{id}", ids: func(f *fixture) []string { return f.noteIDs }, unknownID: "1"},
	{op: "listSubscriptionTypes", path: "/subscription_types"},
	{
		op: "listSubscriptionsForAContact", path: "/contacts/{contact_id}/subscriptions", unknownID: "000000000000000000000000",
		targets: func(f *fixture) []string { return eachContact(f, "/contacts/%s/subscriptions") },
	},
	{
		op: "lisDataAttributes", path: "/data_attributes",
		variants: []variant{
			{query: "model=contact", check: allOfModel("contact")},
			{query: "model=company", check: allOfModel("company")},
			{query: "model=conversation", check: allOfModel("conversation")},
			{query: "include_archived=true", check: someArchived},
		},
	},
	{
		op: "lisDataEvents", path: "/events", targets: eventTargets,
		unknownTarget: "/events?type=user&intercom_user_id=000000000000000000000000",
		bodySchema:    "data_event_list",
		bodySchemaWhy: "the spec's 200 schema for lisDataEvents is data_event_summary, which only answers summary=true; " +
			"a listing is an event.list of events, as data_event_list describes",
		variants: []variant{
			{query: "summary=true", bodySchema: "data_event_summary",
				bodySchemaWhy: "summary=true answers with the spec's own schema for the operation"},
			{query: "per_page=2", check: atMostEvents(2)},
		},
	},
	{
		op: "retrieveVisitorWithUserId", path: "/visitors", unknownTarget: "/visitors?user_id=no-such-visitor",
		targets: func(f *fixture) []string {
			var out []string
			for _, id := range f.visitorUserIDs {
				out = append(out, "/visitors?user_id="+url.QueryEscape(id))
			}
			return out
		},
	},
	{
		op: "listActivityLogs", path: "/admins/activity_logs", cursor: &cursorList{items: "activity_logs", defaultPerPage: 20},
		targets: func(*fixture) []string {
			return []string{"/admins/activity_logs?created_at_after=0", "/admins/activity_logs?created_at_after=1775000000&created_at_before=1778000000"}
		},
	},
	{
		op: "getDataExport", path: "/export/content/data/{job_identifier}", unknownID: "nosuchjob0000000",
		targets: func(f *fixture) []string { return eachJob(f, "/export/content/data/", false) },
	},
	{
		op: "downloadDataExport", path: "/download/content/data/{job_identifier}", unknownID: "nosuchjob0000000",
		targets: func(f *fixture) []string { return eachJob(f, "/download/content/data/", true) },
	},
	{op: "listArticles", path: "/articles", pageNumbers: &pageNumberList{items: []string{"data"}, defaultPerPage: 25, maxPerPage: 250}},
	{op: "retrieveArticle", path: "/articles/{id}", ids: func(f *fixture) []string { return f.workspace().ArticleIDs() }, unknownID: "1"},
	{
		op: "searchArticles", path: "/articles/search", pageNumbers: &pageNumberList{items: []string{"data", "articles"}, defaultPerPage: 10, maxPerPage: 50},
		variants: articleSearchVariants,
	},
	{op: "listAllCollections", path: "/help_center/collections", pageNumbers: &pageNumberList{items: []string{"data"}, defaultPerPage: 20, maxPerPage: 250}},
	{op: "retrieveCollection", path: "/help_center/collections/{id}", ids: func(f *fixture) []string { return f.workspace().CollectionIDs() }, unknownID: "1"},
	{op: "listHelpCenters", path: "/help_center/help_centers"},
	{op: "retrieveHelpCenter", path: "/help_center/help_centers/{id}", ids: func(f *fixture) []string { return f.workspace().HelpCenterIDs() }, unknownID: "1"},
	{op: "listNewsItems", path: "/news/news_items", pageNumbers: &pageNumberList{items: []string{"data"}, defaultPerPage: 10, maxPerPage: 20, reducesLarger: true}},
	{op: "retrieveNewsItem", path: "/news/news_items/{id}", ids: func(f *fixture) []string { return f.workspace().NewsItemIDs() }, unknownID: "1"},
	{op: "listNewsfeeds", path: "/news/newsfeeds", pageNumbers: &pageNumberList{items: []string{"data"}, defaultPerPage: 10, maxPerPage: 20, reducesLarger: true}},
	{op: "retrieveNewsfeed", path: "/news/newsfeeds/{id}", ids: func(f *fixture) []string { return f.workspace().NewsfeedIDs() }, unknownID: "1"},
	{
		op: "listLiveNewsfeedItems", path: "/news/newsfeeds/{id}/items", ids: func(f *fixture) []string { return f.workspace().NewsfeedIDs() }, unknownID: "1",
		pageNumbers: &pageNumberList{items: []string{"data"}, defaultPerPage: 20, maxPerPage: 20, reducesLarger: true},
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
	{op: "listTicketTypes", path: "/ticket_types"},
	{op: "getTicketType", path: "/ticket_types/{id}", ids: func(f *fixture) []string { return f.workspace().TicketTypeIDs() }, unknownID: "1"},
	{op: "getTicket", path: "/tickets/{id}", ids: func(f *fixture) []string { return f.workspace().TicketIDs() }, unknownID: "1"},
	{
		op: "searchTickets", method: http.MethodPost, path: "/tickets/search",
		body: `{"query":{"field":"created_at","operator":">","value":0}}`,
		search: &searchList{
			items: "tickets", defaultPerPage: 20, everything: `{"field":"created_at","operator":">","value":0}`,
			queries: []string{
				`{"operator":"AND","value":[{"field":"created_at","operator":">=","value":"1306054154"},{"operator":"OR","value":[` +
					`{"field":"state","operator":"IN","value":["submitted","in_progress"]},{"field":"title","operator":"~","value":"export"}]}]}`,
				`{"field":"ticket_attribute.263","operator":"=","value":"Critical"}`,
				`{"field":"ticket_attribute.271","operator":">","value":"99.5"}`,
				`{"field":"snoozed_until","operator":"=","value":null}`,
			},
			refused: map[string]string{
				"unknown field":                  `{"field":"priority","operator":"=","value":"high"}`,
				">= on updated_at":               `{"field":"updated_at","operator":">=","value":1700000000}`,
				"~ on a boolean":                 `{"field":"open","operator":"~","value":true}`,
				"a files attribute":              `{"field":"ticket_attribute.267","operator":"=","value":"x.png"}`,
				"an attribute of no ticket type": `{"field":"ticket_attribute.1","operator":"=","value":"x"}`,
				"three levels of groups":         `{"operator":"AND","value":[{"operator":"OR","value":[{"operator":"AND","value":[{"field":"open","operator":"=","value":true}]}]}]}`,
			},
		},
	},
}

// noteTargets lists every contact's notes, the contact with most notes first
// (the pagination scenarios page through it).
func noteTargets(f *fixture) []string {
	ws := f.sim.Workspace(intercomsim.DemoToken)
	ids := slices.Clone(f.contactIDs)
	slices.SortStableFunc(ids, func(a, b string) int { return len(ws.NoteIDs(b)) - len(ws.NoteIDs(a)) })
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = "/contacts/" + id + "/notes"
	}
	return out
}

func eachContact(f *fixture, format string) []string {
	out := make([]string, len(f.contactIDs))
	for i, id := range f.contactIDs {
		out[i] = fmt.Sprintf(format, id)
	}
	return out
}

// eventTargets ask for every contact's events by Intercom id, and for some by
// the workspace's user id and by email, the contact with most events first.
func eventTargets(f *fixture) []string {
	ws := f.sim.Workspace(intercomsim.DemoToken)
	ids := slices.Clone(f.contactIDs)
	slices.SortStableFunc(ids, func(a, b string) int { return len(ws.EventKeys(b)) - len(ws.EventKeys(a)) })
	var out []string
	for i, id := range ids {
		out = append(out, "/events?type=user&intercom_user_id="+id)
		if i%10 == 0 {
			c := f.contacts[id]
			out = append(out, "/events?type=user&email="+url.QueryEscape(c.email))
			if c.externalID != "" {
				out = append(out, "/events?type=user&user_id="+url.QueryEscape(c.externalID))
			}
		}
	}
	return out
}

func eachJob(f *fixture, prefix string, completedOnly bool) []string {
	var out []string
	for _, id := range slices.Sorted(maps.Keys(f.jobs)) {
		if !completedOnly || f.jobs[id] == "completed" {
			out = append(out, prefix+id)
		}
	}
	return out
}

func onPage(n int) func(t testing.TB, body map[string]any) {
	return func(t testing.TB, body map[string]any) {
		if got := jsonInt(dig(body, "pages", "page")); got != n {
			t.Errorf("asked for page %d, pages.page says %d", n, got)
		}
	}
}

func allOfModel(model string) func(t testing.TB, body map[string]any) {
	return func(t testing.TB, body map[string]any) {
		items, _ := body["data"].([]any)
		for _, it := range items {
			if dig(it, "model") != model {
				t.Errorf("model=%s listed an attribute of model %v", model, dig(it, "model"))
			}
		}
		if model != "conversation" && len(items) == 0 {
			t.Errorf("model=%s listed nothing", model)
		}
	}
}

func someArchived(t testing.TB, body map[string]any) {
	items, _ := body["data"].([]any)
	for _, it := range items {
		if dig(it, "archived") == true {
			return
		}
	}
	t.Errorf("include_archived=true listed no archived attribute")
}

func atMostEvents(n int) func(t testing.TB, body map[string]any) {
	return func(t testing.TB, body map[string]any) {
		if items, _ := body["events"].([]any); len(items) > n {
			t.Errorf("per_page=%d answered %d events", n, len(items))
		}
	}
}

// contractSizes are small enough to retrieve every object one by one and
// large enough that lists paginate and every optional shape occurs.
var contractSizes = intercomsim.Sizes{Admins: 6, Teams: 3, Tags: 12, Segments: 3, Companies: 12, Contacts: 160, Conversations: 160,
	Collections: 14, Articles: 45, NewsItems: 33, Tickets: 120}

const contractSeed = 7

// fixture is the simulator under test and the ids it holds, read over HTTP.
type fixture struct {
	sim  *intercomsim.Simulator
	base string

	adminIDs, teamIDs, contactIDs, conversationIDs []string

	noteIDs        []string
	visitorUserIDs []string
	jobs           map[string]string // job identifier -> status
	contacts       map[string]fixtureContact

	// row is the test of the row being run, for what its requests are made from.
	row testing.TB
}

type fixtureContact struct{ email, externalID string }

func newFixture(t *testing.T) *fixture {
	// A budget no walk of every object comes near: rate limits have their own scenario.
	sim := intercomsim.New(intercomsim.Options{Seed: contractSeed, Sizes: contractSizes, Budget: 1 << 20})
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	f := &fixture{sim: sim, base: srv.URL}
	f.adminIDs = collectIDs(t, f.base, "/admins", "admins")
	f.teamIDs = collectIDs(t, f.base, "/teams", "teams")
	f.contactIDs = collectIDs(t, f.base, "/contacts", "data")
	f.conversationIDs = collectIDs(t, f.base, "/conversations", "conversations")
	ws := sim.Workspace(intercomsim.DemoToken)
	for _, id := range f.contactIDs {
		f.noteIDs = append(f.noteIDs, ws.NoteIDs(id)...)
	}
	f.visitorUserIDs = ws.VisitorUserIDs()
	f.jobs = ws.DataExportJobs()
	f.contacts = collectContacts(t, f.base)
	for what, ids := range map[string][]string{"admins": f.adminIDs, "teams": f.teamIDs, "contacts": f.contactIDs, "conversations": f.conversationIDs,
		"notes": f.noteIDs, "visitors": f.visitorUserIDs} {
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

// collectContacts reads every contact's email and external id, at the largest page size.
func collectContacts(t *testing.T, base string) map[string]fixtureContact {
	t.Helper()
	out := map[string]fixtureContact{}
	for query, more := "?per_page=150", true; more; more = query != "" {
		req, _ := http.NewRequest(http.MethodGet, base+"/contacts"+query, nil)
		authorize(req, intercomsim.DemoToken)
		status, _, body := send(t, req)
		var page struct {
			Data []struct {
				ID         string  `json:"id"`
				Email      string  `json:"email"`
				ExternalID *string `json:"external_id"`
			} `json:"data"`
			Pages struct {
				Next *struct {
					StartingAfter string `json:"starting_after"`
				} `json:"next"`
			} `json:"pages"`
		}
		if status != http.StatusOK || json.Unmarshal(body, &page) != nil {
			t.Fatalf("listing contacts: %d %s", status, body)
		}
		for _, c := range page.Data {
			fc := fixtureContact{email: c.Email}
			if c.ExternalID != nil {
				fc.externalID = *c.ExternalID
			}
			out[c.ID] = fc
		}
		query = ""
		if page.Pages.Next != nil {
			query = "?per_page=150&starting_after=" + url.QueryEscape(page.Pages.Next.StartingAfter)
		}
	}
	return out
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
	// bodySchema, when set, is the schema 200 bodies are checked against
	// instead of the spec's.
	bodySchema string
	// walk, when set, follows a page-number list on from the first answer.
	walk func(t testing.TB, first exchanged, get func(target string) exchanged)
	// after, when set, runs once each target was answered, whatever the answer.
	after func(t testing.TB)
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
	if r.targets != nil {
		targets = r.targets(f)
	}
	if r.writes != nil {
		return writeScenarios(r.writes(f.row, f))
	}
	first := targets[:1]
	sc := []scenario{{name: "ok", targets: targets, status: http.StatusOK, check: r.checkOK, bodySchema: r.bodySchema}}
	for _, v := range r.variants {
		with := make([]string, len(targets))
		for i, tg := range targets {
			with[i] = withQuery(tg, v.query)
		}
		check := v.check
		schema := r.bodySchema
		if v.bodySchema != "" {
			schema = v.bodySchema
		}
		sc = append(sc, scenario{name: v.query, targets: with, status: http.StatusOK, bodySchema: schema,
			check: func(t testing.TB, target string, body map[string]any) {
				r.checkOK(t, target, body)
				if check != nil {
					check(t, body)
				}
			}})
	}
	if c := r.cursor; c != nil {
		base, most := first[0], c.perPageLimit()
		sc = append(sc,
			scenario{name: "per_page=1 and the next pages", targets: []string{withQuery(base, "per_page=1")}, status: http.StatusOK, pages: 2},
			scenario{name: fmt.Sprintf("per_page=%d to the last page", most), targets: []string{withQuery(base, fmt.Sprintf("per_page=%d", most))}, status: http.StatusOK, pages: -1},
			scenario{name: "per_page=0", targets: []string{withQuery(base, "per_page=0")}, status: http.StatusBadRequest, code: "parameter_invalid", malformed: true},
			scenario{name: fmt.Sprintf("per_page=%d", most+1), targets: []string{withQuery(base, fmt.Sprintf("per_page=%d", most+1))}, status: http.StatusBadRequest, code: "parameter_invalid", malformed: true},
			scenario{name: "forged starting_after", targets: []string{withQuery(base, "starting_after=WW91IHNoYWxsIG5vdCBwYXNz")}, status: http.StatusBadRequest, code: "parameter_invalid", malformed: true},
		)
	}
	if r.pageNumbers != nil {
		sc = append(sc, r.pageNumbers.scenarios(targets[0])...)
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
		code := cmp.Or(r.notFoundCode, "not_found")
		sc = append(sc, scenario{name: "unknown id", targets: []string{fill(r.path, r.unknownID)}, status: http.StatusNotFound, code: code})
	}
	if r.unknownTarget != "" {
		sc = append(sc, scenario{name: "unknown object", targets: []string{r.unknownTarget}, status: http.StatusNotFound, code: "not_found"})
	}
	sc = append(sc,
		scenario{name: "wrong token", targets: first, token: "not-a-token-of-this-workspace", status: http.StatusUnauthorized, code: "unauthorized"},
		scenario{name: "rate limited", targets: first, budget: 3, status: http.StatusTooManyRequests, code: "rate_limit_exceeded"},
	)
	for i := range sc {
		if sc[i].token == "" {
			sc[i].token = intercomsim.DemoToken
		}
		if sc[i].bodySchema == "" {
			sc[i].bodySchema = r.bodySchema
		}
	}
	return sc
}

// fill puts an id in the path template's parameter, whatever the spec names it.
func fill(path, id string) string {
	open, end := strings.Index(path, "{"), strings.Index(path, "}")
	if open < 0 || end < open {
		return path
	}
	return path[:open] + url.PathEscape(id) + path[end+1:]
}

func (c *cursorList) perPageLimit() int {
	if c.maxPerPage > 0 {
		return c.maxPerPage
	}
	return upstream.MaxPerPage
}

// checkOK holds what a user of any successful answer relies on beyond its shape.
func (r contractRow) checkOK(t testing.TB, target string, body map[string]any) {
	// A path that ends with the id retrieves that object; others list what relates to it.
	if r.ids != nil && strings.HasSuffix(r.path, "{id}") {
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
	if items != "" && body["total_count"] != nil && !strings.Contains(target, "per_page=") {
		list, _ := body[items].([]any)
		total := jsonInt(body["total_count"])
		if want := min(defaultPerPage, total); len(list) != want {
			t.Errorf("%s: first page holds %d items, want %d (default page size %d, %d in all)", target, len(list), want, defaultPerPage, total)
		}
	}
	if p := r.pageNumbers; p != nil && !strings.Contains(target, "per_page=") {
		p.checkDefaultPage(t, target, body)
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
			f.row = t
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
		for _, v := range row.variants {
			if v.bodySchema != "" && v.bodySchemaWhy == "" {
				problems = append(problems, fmt.Sprintf("the %s variant of %s overrides the schema without saying why", v.query, row.op))
			}
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
		// A stateful endpoint may refuse a repeated call for its own reasons (a
		// second company scroll); what matters is that none is throttled.
		for range sc.budget {
			ex := exchange(rep, spec, row, base, sc.targets[0], sc, false, bodies)
			if ex.status == http.StatusTooManyRequests || ex.status >= 500 {
				rep.Errorf("call within the budget answered %d", ex.status)
			}
		}
	}
	for _, target := range sc.targets {
		ex := exchange(rep, spec, row, base, target, sc, sc.malformed, bodies)
		if sc.after != nil {
			sc.after(rep)
		}
		if ex.status != sc.status {
			rep.Errorf("%s %s: status %d, want %d: %.300s", row.httpMethod(), target, ex.status, sc.status, ex.raw)
			continue
		}
		if sc.status >= 400 {
			checkErrorBody(rep, ex.header, ex.raw, sc.code)
			if sc.budget > 0 && sc.status == http.StatusTooManyRequests && ex.header.Get("X-RateLimit-Remaining") != "0" {
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
			followPages(rep, spec, row, base, target, sc, ex, perPage, bodies)
		}
		if sc.walk != nil {
			sc.walk(rep, ex, func(target string) exchanged { return exchange(rep, spec, row, base, target, sc, false, bodies) })
		}
	}
}

// followPages walks pages.next the way a client does and checks the walk
// keeps the page size asked for, hands out each item once, in numbered
// pages, and ends where it says it ends.
func followPages(t testing.TB, spec *spectest.Spec, row contractRow, base, firstTarget string, sc scenario, first exchanged, perPage int, bodies bodyLog) {
	u, _ := url.Parse(firstTarget)
	params := u.Query()
	params.Del("per_page")
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
				if total := jsonInt(ex.body["total_count"]); ex.body["total_count"] != nil && count != total {
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
		params.Set("per_page", strconv.Itoa(perPage))
		params.Set("starting_after", fmt.Sprint(next["starting_after"]))
		target := u.Path + "?" + params.Encode()
		if row.search != nil {
			// A search's next page is the same body with the cursor in its pagination.
			target = row.path
			body := decodeJSON(row.body).(map[string]any)
			body["pagination"] = map[string]any{"per_page": perPage, "starting_after": next["starting_after"]}
			b, _ := json.Marshal(body)
			row.body = string(b)
		}
		page++
		if ex = exchange(t, spec, row, base, target, sc, false, bodies); ex.status != http.StatusOK {
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

// exchange sends one request and checks both halves against the spec (a
// 200 body against the scenario's schema instead, when it names one). Every
// 200 body is kept for the completeness check.
func exchange(t testing.TB, spec *spectest.Spec, row contractRow, base, target string, sc scenario, malformed bool, bodies bodyLog) exchanged {
	token := sc.token
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
	check := spec.CheckResponse
	if sc.bodySchema != "" && ex.status == http.StatusOK {
		check = spec.CheckResponseWithoutBody
	}
	if err := check(context.Background(), x, ex.status, ex.header, ex.raw); err != nil {
		t.Errorf("%s answered %d against the spec:\n%v", call, ex.status, err)
	}
	_ = json.Unmarshal(ex.raw, &ex.body)
	if ex.status != http.StatusUnauthorized {
		checkRateHeaders(t, call, ex.header)
	}
	if ex.status == http.StatusOK {
		if sc.bodySchema != "" {
			if err := spec.CheckSchema(sc.bodySchema, ex.raw); err != nil {
				t.Errorf("%s is not a %s:\n%v", call, sc.bodySchema, err)
			}
		}
		bodies.add(bodyKey(row.op, sc.bodySchema, row.bodySchema), ex.body)
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

// bodyLog keeps the decoded 200 bodies of each operation, apart for each
// schema a variant checks them against.
type bodyLog map[string][]any

// bodyKey files a body under its operation, or under the operation and the
// variant's schema when that differs from the row's.
func bodyKey(op, schema, rowSchema string) string {
	if schema == "" || schema == rowSchema {
		return op
	}
	return op + " as " + schema
}

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
