package upstream_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

var smallSizes = intercomsim.Sizes{Admins: 5, Teams: 2, Tags: 5, Segments: 2, Companies: 10, Contacts: 60, Conversations: 40}

// fixture is a simulator served over HTTP and a client pointed at it. The
// handler records the headers of every request the simulator receives.
type fixture struct {
	sim    *intercomsim.Simulator
	server *httptest.Server
	client *upstream.Client

	mu      sync.Mutex
	headers []http.Header
}

func newFixture(t *testing.T, opts intercomsim.Options, cfg upstream.Config) *fixture {
	t.Helper()
	if opts.Sizes == (intercomsim.Sizes{}) {
		opts.Sizes = smallSizes
	}
	f := &fixture{sim: intercomsim.New(opts)}
	simHandler := f.sim.Handler()
	f.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.headers = append(f.headers, r.Header.Clone())
		f.mu.Unlock()
		simHandler.ServeHTTP(w, r)
	}))
	t.Cleanup(f.server.Close)
	if cfg.Token == "" {
		cfg.Token = intercomsim.DemoToken
	}
	cfg.BaseURL = f.server.URL
	if cfg.Retry == nil {
		fast := upstream.DefaultRetryPolicy()
		fast.InitialBackoff, fast.MaxBackoff = 5*time.Millisecond, 20*time.Millisecond
		cfg.Retry = &fast
	}
	client, err := upstream.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	f.client = client
	return f
}

func TestClientSendsAuthAndVersionOnEveryCall(t *testing.T) {
	f := newFixture(t, intercomsim.Options{}, upstream.Config{})
	ctx := context.Background()
	if _, err := f.client.Admins.List(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := f.client.Contacts.List(ctx, upstream.CursorOptions{PerPage: 5}); err != nil {
		t.Fatal(err)
	}
	if len(f.headers) != 2 {
		t.Fatalf("simulator saw %d requests, want 2", len(f.headers))
	}
	for i, h := range f.headers {
		if got := h.Get("Authorization"); got != "Bearer "+intercomsim.DemoToken {
			t.Errorf("request %d: Authorization = %q", i, got)
		}
		if got := h.Get("Intercom-Version"); got != "2.10" {
			t.Errorf("request %d: Intercom-Version = %q, want 2.10", i, got)
		}
	}
}

func TestClientDecodesIntercomErrors(t *testing.T) {
	f := newFixture(t, intercomsim.Options{}, upstream.Config{})
	_, err := f.client.Contacts.Get(context.Background(), "no-such-contact")
	var apiErr *upstream.Error
	if !errors.As(err, &apiErr) {
		t.Fatalf("got %T %v, want *upstream.Error", err, err)
	}
	if apiErr.Status != 404 || apiErr.Code() != "not_found" || apiErr.RequestID == "" || apiErr.Operation != "ShowContact" {
		t.Errorf("got status %d code %q request %q op %q", apiErr.Status, apiErr.Code(), apiErr.RequestID, apiErr.Operation)
	}
	if !upstream.IsNotFound(err) {
		t.Error("IsNotFound is false for a 404")
	}
	if f.sim.Calls() != 1 {
		t.Errorf("a 404 was retried: %d calls", f.sim.Calls())
	}
}

func TestClientNeverPutsTheTokenInErrors(t *testing.T) {
	const secret = "tok_very_secret_value"
	f := newFixture(t, intercomsim.Options{}, upstream.Config{Token: secret})
	_, err := f.client.Admins.List(context.Background())
	var apiErr *upstream.Error
	if !errors.As(err, &apiErr) || apiErr.Status != 401 || apiErr.Code() != "unauthorized" {
		t.Fatalf("got %v, want a 401 unauthorized", err)
	}
	if strings.Contains(err.Error(), secret) {
		t.Errorf("error text leaks the token: %q", err.Error())
	}
}

func TestClientReadsRateLimitHeaders(t *testing.T) {
	f := newFixture(t, intercomsim.Options{Budget: 50}, upstream.Config{})
	if f.client.Rate().Known() {
		t.Fatal("rate known before any call")
	}
	for range 3 {
		if _, err := f.client.Teams.List(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	rate := f.client.Rate()
	if rate.Limit != 50 || rate.Remaining != 47 {
		t.Errorf("rate = %+v, want limit 50 remaining 47", rate)
	}
	if !rate.Reset.After(time.Now().Add(-time.Second)) {
		t.Errorf("reset %v is in the past", rate.Reset)
	}
}

func TestClientRetriesServerErrorsOnReads(t *testing.T) {
	f := newFixture(t, intercomsim.Options{}, upstream.Config{})
	f.sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultStatus, Status: 503, Path: "/admins", Times: 2})
	list, err := f.client.Admins.List(context.Background())
	if err != nil {
		t.Fatalf("two 503s then success should succeed, got %v", err)
	}
	if len(list.Admins) != smallSizes.Admins || f.sim.Calls() != 3 {
		t.Errorf("got %d admins in %d calls, want %d in 3", len(list.Admins), f.sim.Calls(), smallSizes.Admins)
	}
}

func TestClientGivesUpAfterMaxAttempts(t *testing.T) {
	f := newFixture(t, intercomsim.Options{}, upstream.Config{})
	f.sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultStatus, Status: 500, Path: "/teams"})
	_, err := f.client.Teams.List(context.Background())
	if !upstream.IsStatus(err, 500) {
		t.Fatalf("got %v, want the 500", err)
	}
	if f.sim.Calls() != 3 {
		t.Errorf("made %d calls, want 3 (the default attempts)", f.sim.Calls())
	}
}

func TestClientPacesItselfWithinTheWindowsBudget(t *testing.T) {
	f := newFixture(t, intercomsim.Options{Budget: 3, Window: time.Second}, upstream.Config{})
	ctx := context.Background()
	for i := range 7 {
		if _, err := f.client.Teams.List(ctx); err != nil {
			t.Fatalf("call %d: %v (the client must wait for the next window, not fail)", i, err)
		}
	}
	if f.sim.Calls() != 7 {
		t.Errorf("the simulator answered %d requests for 7 calls: some met a 429 the client should have seen coming", f.sim.Calls())
	}
}

func TestClientWaitsOutA429ThenRetries(t *testing.T) {
	// Another replica spent the window: this client learns it from the 429.
	f := newFixture(t, intercomsim.Options{Budget: 2, Window: time.Second}, upstream.Config{})
	other, err := upstream.New(upstream.Config{Token: intercomsim.DemoToken, BaseURL: f.server.URL})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for range 2 {
		if _, err := other.Teams.List(ctx); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	if _, err := f.client.Teams.List(ctx); err != nil {
		t.Fatalf("a 429 within one window must be waited out: %v", err)
	}
	if f.sim.Calls() != 4 {
		t.Errorf("%d requests: want the other replica's 2, a 429 and its retry", f.sim.Calls())
	}
	if time.Since(start) > 20*time.Second {
		t.Errorf("took %v; the client waited far past the one-second window", time.Since(start))
	}
}

func TestClientReportsRateLimitWhenTheResetIsTooFar(t *testing.T) {
	f := newFixture(t, intercomsim.Options{Budget: 1, Window: 24 * time.Hour}, upstream.Config{})
	ctx := context.Background()
	if _, err := f.client.Teams.List(ctx); err != nil {
		t.Fatal(err)
	}
	// The answer said the budget is spent: the client does not even ask.
	_, err := f.client.Teams.List(ctx)
	var budgetErr *upstream.RateBudgetError
	if !errors.As(err, &budgetErr) || !budgetErr.ResetAt.After(time.Now()) {
		t.Fatalf("got %v, want a RateBudgetError with a future reset", err)
	}
	if f.sim.Calls() != 1 {
		t.Errorf("a call that could only meet a 429 was sent: %d requests", f.sim.Calls())
	}
	// A replica that did not know learns it from Intercom's 429, and does not wait a day.
	other, err := upstream.New(upstream.Config{Token: intercomsim.DemoToken, BaseURL: f.server.URL})
	if err != nil {
		t.Fatal(err)
	}
	_, err = other.Teams.List(ctx)
	var apiErr *upstream.Error
	if !errors.As(err, &apiErr) || apiErr.Status != 429 || apiErr.Code() != "rate_limit_exceeded" || apiErr.RetryAt.Before(time.Now()) {
		t.Fatalf("got %v, want a 429 with a future RetryAt", err)
	}
	if f.sim.Calls() != 2 {
		t.Errorf("a 429 with a day to wait was retried: %d requests", f.sim.Calls())
	}
}

func TestClientRecoversFromBrokenConnectionsOnReads(t *testing.T) {
	for _, kind := range []intercomsim.FaultKind{intercomsim.FaultReset, intercomsim.FaultTruncated, intercomsim.FaultMalformed} {
		f := newFixture(t, intercomsim.Options{}, upstream.Config{})
		f.sim.InjectFault(intercomsim.Fault{Kind: kind, Path: "/teams", Times: 1})
		if _, err := f.client.Teams.List(context.Background()); err != nil {
			t.Errorf("fault %d once: got %v, want a successful retry", kind, err)
		}
	}
}

func TestClientReportsUnreadableAnswers(t *testing.T) {
	for _, kind := range []intercomsim.FaultKind{intercomsim.FaultReset, intercomsim.FaultTruncated, intercomsim.FaultMalformed} {
		f := newFixture(t, intercomsim.Options{}, upstream.Config{})
		f.sim.InjectFault(intercomsim.Fault{Kind: kind, Path: "/teams"})
		_, err := f.client.Teams.List(context.Background())
		var transportErr *upstream.TransportError
		if !errors.As(err, &transportErr) {
			t.Errorf("fault %d: got %T %v, want *upstream.TransportError", kind, err, err)
		}
	}
}

func TestClientTimesOutSlowAnswers(t *testing.T) {
	// The faults would hold each attempt for a minute: ending within seconds
	// proves the attempt timeout cut them short, even on a loaded machine.
	for _, fault := range []intercomsim.Fault{
		{Kind: intercomsim.FaultDelay, Delay: time.Minute, Path: "/teams"},
		{Kind: intercomsim.FaultSlowBody, Delay: time.Minute, Path: "/teams"},
	} {
		f := newFixture(t, intercomsim.Options{}, upstream.Config{AttemptTimeout: 100 * time.Millisecond})
		f.sim.InjectFault(fault)
		start := time.Now()
		_, err := f.client.Teams.List(context.Background())
		var transportErr *upstream.TransportError
		if !errors.As(err, &transportErr) || !transportErr.Timeout {
			t.Errorf("fault %d: got %v, want a timeout", fault.Kind, err)
		}
		if elapsed := time.Since(start); elapsed > 20*time.Second {
			t.Errorf("fault %d: took %v; the attempts were not cut short", fault.Kind, elapsed)
		}
	}
}

func TestClientStopsWhenTheCallerCancels(t *testing.T) {
	f := newFixture(t, intercomsim.Options{Latency: time.Minute}, upstream.Config{})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err := f.client.Teams.List(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	if elapsed := time.Since(start); elapsed > 20*time.Second {
		t.Errorf("took %v: the call outlived its cancelled context", elapsed)
	}
}

func TestClientConfiguration(t *testing.T) {
	cases := []struct {
		name    string
		cfg     upstream.Config
		wantURL string
		wantErr string
	}{
		{name: "default region is US", cfg: upstream.Config{Token: "t"}, wantURL: "https://api.intercom.io"},
		{name: "EU region", cfg: upstream.Config{Token: "t", Region: "eu"}, wantURL: "https://api.eu.intercom.io"},
		{name: "AU region, any case", cfg: upstream.Config{Token: "t", Region: "AU"}, wantURL: "https://api.au.intercom.io"},
		{name: "base URL wins over region", cfg: upstream.Config{Token: "t", Region: "eu", BaseURL: "http://127.0.0.1:4010/"}, wantURL: "http://127.0.0.1:4010"},
		{name: "unknown region", cfg: upstream.Config{Token: "t", Region: "mars"}, wantErr: "unknown region"},
		{name: "relative base URL", cfg: upstream.Config{Token: "t", BaseURL: "api.intercom.io"}, wantErr: "not an absolute"},
		{name: "credentials in base URL", cfg: upstream.Config{Token: "t", BaseURL: "https://user:pw@api.intercom.io"}, wantErr: "credentials"},
		{name: "no token", cfg: upstream.Config{}, wantErr: "access token"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := upstream.New(tc.cfg)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("got %v, want an error containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.BaseURL() != tc.wantURL {
				t.Errorf("BaseURL = %q, want %q", c.BaseURL(), tc.wantURL)
			}
		})
	}
}

func TestClientEscapesIDsInPaths(t *testing.T) {
	f := newFixture(t, intercomsim.Options{}, upstream.Config{})
	// An id that tried to walk to another endpoint must stay one path segment.
	_, err := f.client.Admins.Get(context.Background(), "../teams")
	if !upstream.IsNotFound(err) {
		t.Fatalf("got %v, want a 404 for the literal id", err)
	}
}
