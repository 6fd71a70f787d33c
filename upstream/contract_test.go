package upstream_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
	"intercom-graphql/upstream/internal/spectest"
)

// Intercom rejects what its spec does not allow, and the simulator is more
// forgiving than Intercom, so every request the client builds is checked
// against the spec on its way out, with the operation names the client
// reports to observers.

// specTransport checks each outgoing request against the spec, then sends it on.
type specTransport struct {
	spec *spectest.Spec
	next http.RoundTripper

	mu       sync.Mutex
	failures []string
	seen     map[string]int // operationId -> requests
}

func newSpecTransport(spec *spectest.Spec) *specTransport {
	return &specTransport{spec: spec, next: http.DefaultTransport, seen: map[string]int{}}
}

func (tr *specTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	// The check reads the body; a RoundTripper must not consume the caller's
	// request, so the check gets a copy.
	probe := req.Clone(req.Context())
	if req.Body != nil && req.Body != http.NoBody {
		body, err := readBody(req)
		if err != nil {
			return nil, err
		}
		probe.Body = io.NopCloser(bytes.NewReader(body))
		if req.GetBody == nil {
			req = req.Clone(req.Context())
			req.Body = io.NopCloser(bytes.NewReader(body))
		}
	}
	x, err := tr.spec.CheckRequest(probe)
	tr.mu.Lock()
	switch {
	case x == nil:
		tr.failures = append(tr.failures, err.Error())
	case err != nil:
		tr.failures = append(tr.failures, fmt.Sprintf("%s %s (%s) breaks the spec: %v", req.Method, req.URL.RequestURI(), x.OperationID(), err))
	default:
		tr.seen[x.OperationID()]++
	}
	tr.mu.Unlock()
	return tr.next.RoundTrip(req)
}

func readBody(req *http.Request) ([]byte, error) {
	if req.GetBody != nil {
		rc, err := req.GetBody()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return io.ReadAll(rc)
	}
	defer req.Body.Close()
	return io.ReadAll(req.Body)
}

// callLog records what the client tells its observer.
type callLog struct {
	mu    sync.Mutex
	calls []upstream.CallRecord
}

func (l *callLog) ObserveCall(_ context.Context, c upstream.CallRecord) {
	l.mu.Lock()
	l.calls = append(l.calls, c)
	l.mu.Unlock()
}

func newContractClient(t *testing.T, tr http.RoundTripper, obs upstream.Observer) (*upstream.Client, *intercomsim.Workspace) {
	t.Helper()
	sim := intercomsim.New(intercomsim.Options{Seed: 3, Sizes: intercomsim.Sizes{Admins: 3, Teams: 2, Tags: 5, Segments: 2, Companies: 5, Contacts: 30, Conversations: 30,
		Collections: 6, Articles: 12, NewsItems: 8, Tickets: 20}})
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	c, err := upstream.New(upstream.Config{
		Token: intercomsim.DemoToken, BaseURL: srv.URL, HTTPClient: &http.Client{Transport: tr},
		Retry: &upstream.RetryPolicy{MaxAttempts: 1}, Observer: obs,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c, sim.Workspace(intercomsim.DemoToken)
}

// clientCall is one use of a client method, as a caller would make it.
type clientCall struct {
	method string // "Service.Method", as on *upstream.Client
	ops    []string
	// call fails the test when the client does not get the answer it should.
	call func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs)
}

type clientIDs struct {
	admin, team, contact, conversation string
	company, tag, segment              string

	// ws is the simulated workspace, for ids no list endpoint hands out.
	ws   *intercomsim.Workspace
	note string

	article, collection, helpCenter, newsItem, newsfeed string

	ticket, ticketType string
}

var clientCalls = []clientCall{
	{"Admins.Me", []string{"identifyAdmin"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		me, err := c.Admins.Me(ctx)
		if err != nil || me.ID == "" || me.App == nil {
			t.Fatalf("Me: %+v, %v", me, err)
		}
	}},
	{"Admins.List", []string{"listAdmins"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		list, err := c.Admins.List(ctx)
		if err != nil || len(list.Admins) == 0 {
			t.Fatalf("List admins: %+v, %v", list, err)
		}
		ids.admin = list.Admins[len(list.Admins)-1].ID
	}},
	{"Admins.Get", []string{"retrieveAdmin"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if a, err := c.Admins.Get(ctx, ids.admin); err != nil || a.ID != ids.admin {
			t.Errorf("Get admin %s: %+v, %v", ids.admin, a, err)
		}
	}},
	{"Teams.List", []string{"listTeams"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		list, err := c.Teams.List(ctx)
		if err != nil || len(list.Teams) == 0 {
			t.Fatalf("List teams: %+v, %v", list, err)
		}
		ids.team = list.Teams[0].ID
	}},
	{"Teams.Get", []string{"retrieveTeam"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if tm, err := c.Teams.Get(ctx, ids.team); err != nil || tm.ID != ids.team {
			t.Errorf("Get team %s: %+v, %v", ids.team, tm, err)
		}
	}},
	{"Contacts.List", []string{"ListContacts"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		first, err := c.Contacts.List(ctx, upstream.CursorOptions{PerPage: 2})
		if err != nil || len(first.Data) == 0 || first.Pages.NextCursor() == "" {
			t.Fatalf("List contacts: %+v, %v", first, err)
		}
		ids.contact = first.Data[0].ID
		if _, err := c.Contacts.List(ctx, upstream.CursorOptions{PerPage: upstream.MaxPerPage, StartingAfter: first.Pages.NextCursor()}); err != nil {
			t.Errorf("List contacts, second page: %v", err)
		}
		if _, err := c.Contacts.List(ctx, upstream.CursorOptions{}); err != nil {
			t.Errorf("List contacts with Intercom's page size: %v", err)
		}
	}},
	{"Contacts.Get", []string{"ShowContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if ct, err := c.Contacts.Get(ctx, ids.contact); err != nil || ct.ID != ids.contact {
			t.Errorf("Get contact %s: %+v, %v", ids.contact, ct, err)
		}
	}},
	{"Contacts.Search", []string{"SearchContacts"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		byID, err := c.Contacts.Search(ctx, upstream.SearchRequest{
			Query:      upstream.SearchQuery{Field: "id", Operator: "IN", Value: []any{ids.contact, "000000000000000000000000"}},
			Pagination: &upstream.StartingAfter{PerPage: 50},
		})
		if err != nil || len(byID.Data) != 1 || byID.Data[0].ID != ids.contact || byID.TotalCount != 1 {
			t.Errorf("Search contacts by id: %+v, %v", byID, err)
		}
		query := upstream.SearchQuery{Operator: "AND", Filters: []upstream.SearchQuery{
			{Field: "role", Operator: "=", Value: "user"},
			{Operator: "OR", Filters: []upstream.SearchQuery{
				{Field: "created_at", Operator: ">", Value: int64(1700000000)},
				{Field: "custom_attributes.seats", Operator: "IN", Value: []any{int64(1), int64(2)}},
				{Field: "custom_attributes.monthly_spend", Operator: ">", Value: "12.5"},
			}},
		}}
		sort := &upstream.SearchSort{Field: "created_at", Order: "descending"}
		first, err := c.Contacts.Search(ctx, upstream.SearchRequest{Query: query, Pagination: &upstream.StartingAfter{PerPage: 2}, Sort: sort})
		if err != nil || len(first.Data) != 2 || first.Pages.NextCursor() == "" {
			t.Fatalf("Search contacts, first page: %+v, %v", first, err)
		}
		next, err := c.Contacts.Search(ctx, upstream.SearchRequest{Query: query, Sort: sort,
			Pagination: &upstream.StartingAfter{PerPage: 10, StartingAfter: first.Pages.NextCursor()}})
		if err != nil || len(next.Data) == 0 || next.Data[0].CreatedAt > first.Data[1].CreatedAt {
			t.Errorf("Search contacts, next page: %+v, %v", next, err)
		}
	}},
	{"Conversations.List", []string{"listConversations"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		first, err := c.Conversations.List(ctx, upstream.CursorOptions{PerPage: 2})
		if err != nil || len(first.Conversations) == 0 || first.Pages.NextCursor() == "" {
			t.Fatalf("List conversations: %+v, %v", first, err)
		}
		ids.conversation = first.Conversations[0].ID
		if _, err := c.Conversations.List(ctx, upstream.CursorOptions{PerPage: upstream.MaxPerPage, StartingAfter: first.Pages.NextCursor()}); err != nil {
			t.Errorf("List conversations, second page: %v", err)
		}
	}},
	{"Conversations.Get", []string{"retrieveConversation"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if cv, err := c.Conversations.Get(ctx, ids.conversation); err != nil || cv.ID != ids.conversation {
			t.Errorf("Get conversation %s: %+v, %v", ids.conversation, cv, err)
		}
	}},
	{"Notes.List", []string{"listNotes"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		owner := busiestContact(ids.ws)
		first, err := c.Notes.List(ctx, owner, upstream.NoteListOptions{})
		if err != nil || len(first.Data) == 0 || first.TotalCount != len(ids.ws.NoteIDs(owner)) {
			t.Fatalf("List notes of %s: %+v, %v", owner, first, err)
		}
		ids.note = first.Data[0].ID
		second, err := c.Notes.List(ctx, owner, upstream.NoteListOptions{Page: 2, PerPage: 2})
		if err != nil || len(second.Data) == 0 || second.Data[0].ID != ids.ws.NoteIDs(owner)[2] {
			t.Errorf("List notes, second page of two: %+v, %v", second, err)
		}
	}},
	{"Notes.Get", []string{"retrieveNote"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if n, err := c.Notes.Get(ctx, ids.note); err != nil || n.ID != ids.note || n.Author == nil || n.Contact == nil {
			t.Errorf("Get note %s: %+v, %v", ids.note, n, err)
		}
	}},
	{"SubscriptionTypes.List", []string{"listSubscriptionTypes"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if list, err := c.SubscriptionTypes.List(ctx); err != nil || len(list.Data) == 0 || list.Data[0].DefaultTranslation == nil {
			t.Errorf("List subscription types: %+v, %v", list, err)
		}
	}},
	{"SubscriptionTypes.ListForContact", []string{"listSubscriptionsForAContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if list, err := c.SubscriptionTypes.ListForContact(ctx, ids.contact); err != nil || len(list.Data) != len(ids.ws.ContactSubscriptionTypeIDs(ids.contact)) {
			t.Errorf("List subscriptions of %s: %+v, %v", ids.contact, list, err)
		}
	}},
	{"DataAttributes.List", []string{"lisDataAttributes"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		all, err := c.DataAttributes.List(ctx, upstream.DataAttributeListOptions{})
		if err != nil || len(all.Data) == 0 {
			t.Fatalf("List data attributes: %+v, %v", all, err)
		}
		archived, err := c.DataAttributes.List(ctx, upstream.DataAttributeListOptions{Model: "contact", IncludeArchived: true})
		if err != nil || len(archived.Data) != len(ids.ws.DataAttributeNames("contact", true)) {
			t.Errorf("List contact data attributes with archived ones: %+v, %v", archived, err)
		}
	}},
	{"DataEvents.List", []string{"lisDataEvents"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		owner := busiestEventContact(ids.ws)
		first, err := c.DataEvents.List(ctx, upstream.DataEventOwner{IntercomUserID: owner}, upstream.DataEventListOptions{PerPage: 2})
		if err != nil || len(first.Events) != 2 || first.Pages.NextQuery() == "" {
			t.Fatalf("List events of %s: %+v, %v", owner, first, err)
		}
		second, err := c.DataEvents.List(ctx, upstream.DataEventOwner{IntercomUserID: owner}, upstream.DataEventListOptions{PerPage: 3, After: first.Pages.NextQuery()})
		if err != nil || len(second.Events) == 0 || second.Events[0].CreatedAt >= first.Events[1].CreatedAt {
			t.Errorf("List events, next page: %+v, %v", second, err)
		}
		if _, err := c.DataEvents.List(ctx, upstream.DataEventOwner{Email: "nobody@example.com"}, upstream.DataEventListOptions{}); !upstream.IsNotFound(err) {
			t.Errorf("List events of an unknown email: %v, want not found", err)
		}
	}},
	{"DataEvents.Summaries", []string{"lisDataEvents"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		owner := busiestEventContact(ids.ws)
		sum, err := c.DataEvents.Summaries(ctx, upstream.DataEventOwner{IntercomUserID: owner})
		if err != nil || sum.Type != "event.summary" || len(sum.Events) != len(ids.ws.EventCounts(owner)) {
			t.Errorf("Event summaries of %s: %+v, %v", owner, sum, err)
		}
	}},
	{"Visitors.GetByUserID", []string{"retrieveVisitorWithUserId"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		userID := ids.ws.VisitorUserIDs()[0]
		if v, err := c.Visitors.GetByUserID(ctx, userID); err != nil || v.UserID != userID {
			t.Errorf("Get visitor %s: %+v, %v", userID, v, err)
		}
	}},
	{"ActivityLogs.List", []string{"listActivityLogs"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		first, err := c.ActivityLogs.List(ctx, upstream.ActivityLogListOptions{CursorOptions: upstream.CursorOptions{PerPage: 2}})
		if err != nil || len(first.ActivityLogs) != 2 || first.Pages.NextCursor() == "" {
			t.Fatalf("List activity logs: %+v, %v", first, err)
		}
		until := first.ActivityLogs[0].CreatedAt
		rest, err := c.ActivityLogs.List(ctx, upstream.ActivityLogListOptions{CreatedAtAfter: 1, CreatedAtBefore: &until,
			CursorOptions: upstream.CursorOptions{PerPage: upstream.MaxPerPage, StartingAfter: first.Pages.NextCursor()}})
		if err != nil || len(rest.ActivityLogs) == 0 {
			t.Errorf("List activity logs, next page in a window: %+v, %v", rest, err)
		}
	}},
	{"DataExports.Get", []string{"getDataExport"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		for job, status := range ids.ws.DataExportJobs() {
			e, err := c.DataExports.Get(ctx, job)
			if err != nil || e.Identifier() != job || e.Status != status || (status == "completed") != (e.DownloadURL != "") {
				t.Errorf("Get data export %s: %+v, %v", job, e, err)
			}
		}
	}},
	{"Conversations.Search", []string{"searchConversations"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		found, err := c.Conversations.Search(ctx, upstream.SearchRequest{
			Query: upstream.SearchQuery{Operator: "OR", Filters: []upstream.SearchQuery{
				{Field: "id", Operator: "IN", Value: []any{ids.conversation}},
				{Field: "open", Operator: "=", Value: true},
				{Field: "source.body", Operator: "~", Value: "invoice"},
			}},
			Pagination: &upstream.StartingAfter{PerPage: 20},
		})
		if err != nil || len(found.Conversations) == 0 || found.TotalCount < len(found.Conversations) {
			t.Errorf("Search conversations: %+v, %v", found, err)
		}
	}},
	{"Companies.List", []string{"listAllCompanies"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		first, err := c.Companies.List(ctx, upstream.CompanyListOptions{PageOptions: upstream.PageOptions{PerPage: 2}})
		if err != nil || len(first.Data) != 2 || first.Pages == nil || first.Pages.Next == nil || first.TotalCount < 3 {
			t.Fatalf("List companies: %+v, %v", first, err)
		}
		ids.company = first.Data[0].ID
		last, err := c.Companies.List(ctx, upstream.CompanyListOptions{PageOptions: upstream.PageOptions{Page: 2, PerPage: upstream.MaxCompaniesPerPage}, Ascending: true})
		if err != nil || len(last.Data) != 0 || last.Pages.Next != nil {
			t.Errorf("List companies past the end: %+v, %v", last, err)
		}
	}},
	{"Companies.Find", []string{"retrieveCompany"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		company, err := c.Companies.Get(ctx, ids.company)
		if err != nil {
			t.Fatal(err)
		}
		byID, err := c.Companies.Find(ctx, upstream.CompanyFilter{CompanyID: company.CompanyID})
		if err != nil || len(byID.Data) != 1 || byID.Data[0].ID != company.ID {
			t.Errorf("Find company %s: %+v, %v", company.CompanyID, byID, err)
		}
		if _, err := c.Companies.Find(ctx, upstream.CompanyFilter{Name: company.Name, PageOptions: upstream.PageOptions{Page: 1, PerPage: 5}}); err != nil {
			t.Errorf("Find company named %q: %v", company.Name, err)
		}
		if _, err := c.Companies.Find(ctx, upstream.CompanyFilter{TagID: "7500000", PageOptions: upstream.PageOptions{PerPage: upstream.MaxCompaniesPerPage}}); err != nil {
			t.Errorf("Find companies by tag: %v", err)
		}
		if _, err := c.Companies.Find(ctx, upstream.CompanyFilter{Name: "No Such Company"}); !upstream.IsNotFound(err) {
			t.Errorf("Find a company that does not exist: %v, want a 404", err)
		}
	}},
	{"Companies.Get", []string{"RetrieveACompanyById"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if co, err := c.Companies.Get(ctx, ids.company); err != nil || co.ID != ids.company || co.Tags == nil || co.Segments == nil {
			t.Errorf("Get company %s: %+v, %v", ids.company, co, err)
		}
	}},
	{"Companies.Scroll", []string{"scrollOverAllCompanies"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		first, err := c.Companies.Scroll(ctx, "")
		if err != nil || len(first.Data) == 0 || first.ScrollParam == "" {
			t.Fatalf("Scroll companies: %+v, %v", first, err)
		}
		if end, err := c.Companies.Scroll(ctx, first.ScrollParam); err != nil || len(end.Data) != 0 {
			t.Errorf("Scroll companies to the end: %+v, %v", end, err)
		}
	}},
	{"Companies.ListContacts", []string{"ListAttachedContacts"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		list, err := c.Companies.ListContacts(ctx, ids.company, upstream.PageOptions{Page: 1, PerPage: upstream.MaxCompanyContactsPerPage})
		if err != nil || list.TotalCount == 0 || len(list.Data) != list.TotalCount {
			t.Errorf("List the contacts of company %s: %+v, %v", ids.company, list, err)
		}
	}},
	{"Companies.ListSegments", []string{"ListAttachedSegmentsForCompanies"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if _, err := c.Companies.ListSegments(ctx, ids.company); err != nil {
			t.Errorf("List the segments of company %s: %v", ids.company, err)
		}
	}},
	{"Companies.ForContact", []string{"listCompaniesForAContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if list, err := c.Companies.ForContact(ctx, ids.contact); err != nil || list.TotalCount != len(list.Companies) {
			t.Errorf("List the companies of contact %s: %+v, %v", ids.contact, list, err)
		}
	}},
	{"Tags.List", []string{"listTags"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		list, err := c.Tags.List(ctx)
		if err != nil || len(list.Data) == 0 {
			t.Fatalf("List tags: %+v, %v", list, err)
		}
		ids.tag = list.Data[len(list.Data)-1].ID
	}},
	{"Tags.Get", []string{"findTag"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if tag, err := c.Tags.Get(ctx, ids.tag); err != nil || tag.ID != ids.tag || tag.Name == "" {
			t.Errorf("Get tag %s: %+v, %v", ids.tag, tag, err)
		}
	}},
	{"Tags.ForContact", []string{"listTagsForAContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if _, err := c.Tags.ForContact(ctx, ids.contact); err != nil {
			t.Errorf("List the tags of contact %s: %v", ids.contact, err)
		}
	}},
	{"Segments.List", []string{"listSegments"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		list, err := c.Segments.List(ctx, true)
		if err != nil || len(list.Segments) == 0 || list.Segments[0].Count == nil {
			t.Fatalf("List segments with counts: %+v, %v", list, err)
		}
		ids.segment = list.Segments[0].ID
		if plain, err := c.Segments.List(ctx, false); err != nil || plain.Segments[0].Count != nil {
			t.Errorf("List segments without counts: %+v, %v", plain, err)
		}
	}},
	{"Segments.Get", []string{"retrieveSegment"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if seg, err := c.Segments.Get(ctx, ids.segment); err != nil || seg.ID != ids.segment {
			t.Errorf("Get segment %s: %+v, %v", ids.segment, seg, err)
		}
	}},
	{"Segments.ForContact", []string{"listSegmentsForAContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if _, err := c.Segments.ForContact(ctx, ids.contact); err != nil {
			t.Errorf("List the segments of contact %s: %v", ids.contact, err)
		}
	}},
	{"HelpCenter.List", []string{"listHelpCenters"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		list, err := c.HelpCenter.List(ctx)
		if err != nil || len(list.Data) != 2 {
			t.Fatalf("List help centers: %+v, %v", list, err)
		}
		ids.helpCenter = list.Data[0].ID
	}},
	{"HelpCenter.Get", []string{"retrieveHelpCenter"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if hc, err := c.HelpCenter.Get(ctx, ids.helpCenter); err != nil || hc.ID != ids.helpCenter {
			t.Errorf("Get help center %s: %+v, %v", ids.helpCenter, hc, err)
		}
	}},
	{"HelpCenter.ListCollections", []string{"listAllCollections"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		list, err := c.HelpCenter.ListCollections(ctx, upstream.PageOptions{Page: 2, PerPage: 4})
		if err != nil || len(list.Data) != 2 || list.TotalCount != 6 {
			t.Fatalf("List collections: %+v, %v", list, err)
		}
		ids.collection = list.Data[0].ID
	}},
	{"HelpCenter.GetCollection", []string{"retrieveCollection"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if col, err := c.HelpCenter.GetCollection(ctx, ids.collection); err != nil || col.ID != ids.collection {
			t.Errorf("Get collection %s: %+v, %v", ids.collection, col, err)
		}
	}},
	{"Articles.List", []string{"listArticles"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		first, err := c.Articles.List(ctx, upstream.PageOptions{PerPage: 5})
		if err != nil || len(first.Data) != 5 || first.Pages.Next == nil || first.TotalCount != 12 {
			t.Fatalf("List articles: %+v, %v", first, err)
		}
		ids.article = first.Data[0].ID
		last, err := c.Articles.List(ctx, upstream.PageOptions{Page: 3, PerPage: 5})
		if err != nil || len(last.Data) != 2 || last.Pages.Next != nil {
			t.Errorf("List articles, last page: %+v, %v", last, err)
		}
		if _, err := c.Articles.List(ctx, upstream.PageOptions{}); err != nil {
			t.Errorf("List articles with Intercom's page size: %v", err)
		}
	}},
	{"Articles.Get", []string{"retrieveArticle"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if a, err := c.Articles.Get(ctx, ids.article); err != nil || a.ID != ids.article || a.Statistics == nil {
			t.Errorf("Get article %s: %+v, %v", ids.article, a, err)
		}
	}},
	{"Articles.Search", []string{"searchArticles"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		res, err := c.Articles.Search(ctx, upstream.ArticleSearchOptions{Phrase: "welcome", State: "all", HelpCenterID: ids.helpCenter, Highlight: true,
			Page: upstream.PageOptions{Page: 1, PerPage: upstream.MaxArticleSearchPerPage}})
		if err != nil || res.TotalCount == 0 || len(res.Data.Highlights) != len(res.Data.Articles) {
			t.Errorf("Search articles: %+v, %v", res, err)
		}
		if _, err := c.Articles.Search(ctx, upstream.ArticleSearchOptions{State: "draft"}); err != nil {
			t.Errorf("Search drafts: %v", err)
		}
	}},
	{"News.ListItems", []string{"listNewsItems"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		list, err := c.News.ListItems(ctx, upstream.PageOptions{PerPage: upstream.MaxNewsPerPage})
		if err != nil || len(list.Data) != 8 {
			t.Fatalf("List news items: %+v, %v", list, err)
		}
		ids.newsItem = list.Data[len(list.Data)-1].ID
	}},
	{"News.GetItem", []string{"retrieveNewsItem"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if item, err := c.News.GetItem(ctx, ids.newsItem); err != nil || item.ID != ids.newsItem {
			t.Errorf("Get news item %s: %+v, %v", ids.newsItem, item, err)
		}
	}},
	{"News.ListNewsfeeds", []string{"listNewsfeeds"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		list, err := c.News.ListNewsfeeds(ctx, upstream.PageOptions{})
		if err != nil || len(list.Data) == 0 {
			t.Fatalf("List newsfeeds: %+v, %v", list, err)
		}
		ids.newsfeed = list.Data[0].ID
	}},
	{"News.GetNewsfeed", []string{"retrieveNewsfeed"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if f, err := c.News.GetNewsfeed(ctx, ids.newsfeed); err != nil || f.ID != ids.newsfeed {
			t.Errorf("Get newsfeed %s: %+v, %v", ids.newsfeed, f, err)
		}
	}},
	{"News.ListLiveItems", []string{"listLiveNewsfeedItems"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		list, err := c.News.ListLiveItems(ctx, ids.newsfeed, upstream.PageOptions{Page: 1, PerPage: 3})
		if err != nil || len(list.Data) == 0 {
			t.Errorf("List the live items of newsfeed %s: %+v, %v", ids.newsfeed, list, err)
		}
		for _, item := range list.Data {
			if item.State != "live" {
				t.Errorf("newsfeed %s lists news item %s in state %s", ids.newsfeed, item.ID, item.State)
			}
		}
	}},
	{"TicketTypes.List", []string{"listTicketTypes"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		list, err := c.TicketTypes.List(ctx)
		if err != nil || len(list.Data) == 0 || len(list.Data[0].TicketTypeAttributes.Data) == 0 {
			t.Fatalf("List ticket types: %+v, %v", list, err)
		}
		ids.ticketType = list.Data[len(list.Data)-1].ID
	}},
	{"TicketTypes.Get", []string{"getTicketType"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		tt, err := c.TicketTypes.Get(ctx, ids.ticketType)
		if err != nil || tt.ID != ids.ticketType || len(tt.TicketTypeAttributes.Data) == 0 {
			t.Errorf("Get ticket type %s: %+v, %v", ids.ticketType, tt, err)
		}
	}},
	{"Tickets.Search", []string{"searchTickets"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		query := upstream.SearchQuery{Operator: "AND", Filters: []upstream.SearchQuery{
			{Field: "created_at", Operator: ">", Value: int64(0)},
			{Operator: "OR", Filters: []upstream.SearchQuery{
				{Field: "state", Operator: "IN", Value: []any{"submitted", "in_progress", "waiting_on_customer", "resolved"}},
				{Field: "ticket_type_id", Operator: "=", Value: ids.ticketType},
			}},
		}}
		sort := &upstream.SearchSort{Field: "updated_at", Order: "ascending"}
		first, err := c.Tickets.Search(ctx, upstream.SearchRequest{Query: query, Pagination: &upstream.StartingAfter{PerPage: 3}, Sort: sort})
		if err != nil || len(first.Tickets) != 3 || first.TotalCount != 20 || first.Pages.NextCursor() == "" {
			t.Fatalf("Search tickets, first page: %+v, %v", first, err)
		}
		ids.ticket = first.Tickets[0].ID
		next, err := c.Tickets.Search(ctx, upstream.SearchRequest{Query: query, Sort: sort,
			Pagination: &upstream.StartingAfter{PerPage: upstream.MaxPerPage, StartingAfter: first.Pages.NextCursor()}})
		if err != nil || len(next.Tickets) != 17 || next.Pages.NextCursor() != "" {
			t.Errorf("Search tickets, next page: %+v, %v", next, err)
		}
	}},
	{"Tickets.Get", []string{"getTicket"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		tk, err := c.Tickets.Get(ctx, ids.ticket)
		if err != nil || tk.ID != ids.ticket || tk.TicketType == nil || tk.TicketParts == nil || len(tk.TicketParts.TicketParts) == 0 {
			t.Errorf("Get ticket %s: %+v, %v", ids.ticket, tk, err)
		}
	}},
}

func TestClientRequestsFollowTheSpec(t *testing.T) {
	spec := spectest.Load(t)
	tr := newSpecTransport(spec)
	obs := &callLog{}
	c, ws := newContractClient(t, tr, obs)

	t.Run("every client method has a call", func(t *testing.T) { checkEveryMethodHasACall(t, c) })

	ids := &clientIDs{ws: ws}
	ctx := context.Background()
	var want []string
	for _, cc := range clientCalls {
		want = append(want, cc.ops...)
		t.Run(cc.method, func(t *testing.T) { cc.call(ctx, t, c, ids) })
	}

	for _, f := range tr.failures {
		t.Error(f)
	}
	for _, op := range want {
		if tr.seen[op] == 0 {
			t.Errorf("no request for %s passed the spec check", op)
		}
	}
	// Observers label metrics with these; they must name the spec's operations.
	for _, call := range obs.calls {
		op, ok := spec.Operation(call.Operation)
		switch {
		case !ok:
			t.Errorf("the client reports operation %q, which the spec does not define", call.Operation)
		case op.Method != call.Method || op.Path != call.Path:
			t.Errorf("the client reports %s as %s %s; the spec has %s %s", call.Operation, call.Method, call.Path, op.Method, op.Path)
		}
	}
}

func busiestContact(ws *intercomsim.Workspace) string {
	best := ""
	for _, id := range ws.ContactIDs() {
		if best == "" || len(ws.NoteIDs(id)) > len(ws.NoteIDs(best)) {
			best = id
		}
	}
	return best
}

func busiestEventContact(ws *intercomsim.Workspace) string {
	best := ""
	for _, id := range ws.ContactIDs() {
		if best == "" || len(ws.EventKeys(id)) > len(ws.EventKeys(best)) {
			best = id
		}
	}
	return best
}

// TestClientContractCheckCanFail makes sure the transport's check bites: an
// admin id the spec's integer parameter cannot take must be reported.
func TestClientContractCheckCanFail(t *testing.T) {
	spec := spectest.Load(t)
	tr := newSpecTransport(spec)
	c, _ := newContractClient(t, tr, nil)
	_, _ = c.Admins.Get(context.Background(), "not-a-number")
	if len(tr.failures) != 1 || !strings.Contains(tr.failures[0], "retrieveAdmin") {
		t.Errorf("a non-integer admin id got past the check; failures: %q", tr.failures)
	}
}

// checkEveryMethodHasACall fails t unless clientCalls uses every method of
// the client's services, and no other.
func checkEveryMethodHasACall(t *testing.T, c *upstream.Client) {
	t.Helper()
	listed := map[string]bool{}
	for _, cc := range clientCalls {
		listed[cc.method] = true
	}
	for _, m := range clientMethods(c) {
		if !listed[m] {
			t.Errorf("%s has no entry in clientCalls", m)
		}
		delete(listed, m)
	}
	for m := range listed {
		t.Errorf("clientCalls has %s, which *upstream.Client does not have", m)
	}
}

// clientMethods lists "Service.Method" for every exported method of every
// service on *upstream.Client.
func clientMethods(c *upstream.Client) []string {
	return slices.Sorted(maps.Keys(serviceMethods(c)))
}
