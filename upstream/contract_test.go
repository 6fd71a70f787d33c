package upstream_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
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

func newContractClient(t *testing.T, tr *specTransport, obs upstream.Observer) *upstream.Client {
	t.Helper()
	sim := intercomsim.New(intercomsim.Options{Seed: 3, Sizes: intercomsim.Sizes{Admins: 3, Teams: 2, Tags: 5, Segments: 2, Companies: 5, Contacts: 30, Conversations: 30}})
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	c, err := upstream.New(upstream.Config{
		Token: intercomsim.DemoToken, BaseURL: srv.URL, HTTPClient: &http.Client{Transport: tr},
		Retry: &upstream.RetryPolicy{MaxAttempts: 1}, Observer: obs,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
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
	contactNext, conversationNext      string // starting_after of the second page
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
}

func TestClientRequestsFollowTheSpec(t *testing.T) {
	spec := spectest.Load(t)
	tr := newSpecTransport(spec)
	obs := &callLog{}
	c := newContractClient(t, tr, obs)

	t.Run("every client method has a call", func(t *testing.T) {
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
	})

	ids := &clientIDs{}
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

// TestClientContractCheckCanFail makes sure the transport's check bites: an
// admin id the spec's integer parameter cannot take must be reported.
func TestClientContractCheckCanFail(t *testing.T) {
	spec := spectest.Load(t)
	tr := newSpecTransport(spec)
	c := newContractClient(t, tr, nil)
	_, _ = c.Admins.Get(context.Background(), "not-a-number")
	if len(tr.failures) != 1 || !strings.Contains(tr.failures[0], "retrieveAdmin") {
		t.Errorf("a non-integer admin id got past the check; failures: %q", tr.failures)
	}
}

// clientMethods lists "Service.Method" for every exported method of every
// service on *upstream.Client.
func clientMethods(c *upstream.Client) []string {
	var out []string
	v := reflect.ValueOf(c).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer || f.Type.Elem().Kind() != reflect.Struct {
			continue
		}
		for j := range f.Type.NumMethod() {
			out = append(out, f.Name+"."+f.Type.Method(j).Name)
		}
	}
	slices.Sort(out)
	return out
}
