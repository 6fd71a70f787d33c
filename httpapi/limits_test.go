package httpapi_test

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func TestDepthAliasAndFieldBombsAreRefusedBeforeAnyUpstreamCall(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	deep := "{ teams { nodes { admins { nodes { teams { nodes { admins { nodes { teams { nodes { admins { nodes { name } } } } } } } } } } } } }"
	var aliases strings.Builder
	aliases.WriteString("{")
	for i := range 40 {
		fmt.Fprintf(&aliases, " a%d: me { name }", i)
	}
	aliases.WriteString(" }")
	fields := "query { ...F ...F } fragment F on Query { me { " + strings.Repeat("name email jobTitle ", 100) + "} }"
	cases := map[string]struct{ query, want string }{
		"depth bomb":          {deep, "levels deep"},
		"alias bomb":          {aliases.String(), "aliases"},
		"fragment field bomb": {fields, "fields"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resp := f.Query(tc.query, nil)
			if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" || !strings.Contains(resp.Errors[0].Message, tc.want) {
				t.Fatalf("want BAD_USER_INPUT about %s, got %s", tc.want, resp.Raw)
			}
		})
	}
	if f.Sim.Calls() != 0 {
		t.Errorf("refused documents made %d upstream calls", f.Sim.Calls())
	}
}

func TestBatchedOperationsAreNotAccepted(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	batch := `[{"query":"{ me { name } }"},{"query":"{ me { name } }"}]`
	resp, err := http.Post(f.Server.URL+"/graphql", "application/json", strings.NewReader(batch))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a batch of operations got %d, want 400: batches would slip past per-request limits", resp.StatusCode)
	}
	if f.Sim.Calls() != 0 {
		t.Errorf("a refused batch made %d upstream calls", f.Sim.Calls())
	}
}

func TestClientsAreRateLimitedWithRetryAfter(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.Limits.RequestsPerMinute = 3 }})
	var last *http.Response
	for range 4 {
		resp, err := http.Post(f.Server.URL+"/graphql", "application/json", strings.NewReader(`{"query":"{ __typename }"}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		last = resp
	}
	if last.StatusCode != http.StatusTooManyRequests || last.Header.Get("Retry-After") == "" {
		t.Errorf("the 4th request of 3 allowed per minute: status %d, Retry-After %q", last.StatusCode, last.Header.Get("Retry-After"))
	}
}

// Queries and live connections draw on one budget per client: opening an
// event stream spends a request like a query does.
func TestQueriesAndLiveConnectionsShareOneRateBudget(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.Limits.RequestsPerMinute = 3 }})
	for range 2 {
		resp, err := http.Post(f.Server.URL+"/graphql", "application/json", strings.NewReader(`{"query":"{ __typename }"}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("a query within the budget: status %d", resp.StatusCode)
		}
	}
	if sse, resp := facadetest.OpenSSE(t, f, nil, `subscription { contactEvents { notificationId } }`, nil); sse == nil {
		t.Fatalf("the third request, an event stream, was refused: %d", resp.StatusCode)
	}
	resp, err := http.Post(f.Server.URL+"/graphql", "application/json", strings.NewReader(`{"query":"{ __typename }"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("a fourth request after two queries and an event stream, of 3 allowed a minute: status %d, want 429", resp.StatusCode)
	}
}

func TestConcurrencyBeyondTheLimitIsShedWith503(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{
		Sim: intercomsim.Options{Latency: 300 * time.Millisecond},
		// One client may use every slot here: the server's own bound is under test.
		Configure: func(c *httpapi.Config) { c.Limits.MaxConcurrentRequests, c.Limits.MaxConcurrentPerClient = 2, 2 },
	})
	var wg sync.WaitGroup
	statuses := make(chan int, 6)
	for range 6 {
		wg.Go(func() {
			resp, err := http.Post(f.Server.URL+"/graphql", "application/json", strings.NewReader(`{"query":"{ me { name } }"}`))
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			statuses <- resp.StatusCode
		})
	}
	wg.Wait()
	close(statuses)
	ok, shed := 0, 0
	for s := range statuses {
		switch s {
		case http.StatusOK:
			ok++
		case http.StatusServiceUnavailable:
			shed++
		}
	}
	if ok < 2 || shed == 0 || ok+shed != 6 {
		t.Errorf("%d served and %d shed of 6 concurrent requests with room for 2", ok, shed)
	}
}

func TestARequestTimeoutStopsSlowUpstreamWork(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{
		Sim:       intercomsim.Options{Latency: time.Minute},
		Configure: func(c *httpapi.Config) { c.Limits.RequestTimeout = 200 * time.Millisecond },
	})
	start := time.Now()
	resp := f.Query(`{ me { name } }`, nil)
	if e, ok := resp.ErrorAt("me"); !ok || e.Code() != "UPSTREAM_UNAVAILABLE" {
		t.Errorf("want UPSTREAM_UNAVAILABLE when the request's time runs out, got %s", resp.Raw)
	}
	if time.Since(start) > 20*time.Second {
		t.Errorf("the request outlived its timeout: %v", time.Since(start))
	}
}

func TestIntrospectionAndGraphiQLCanBeTurnedOff(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) {
		c.DisableIntrospection, c.DisableGraphiQL = true, true
	}})
	resp := f.Query(`{ __schema { types { name } } }`, nil)
	if len(resp.Errors) == 0 {
		t.Errorf("introspection answered while disabled: %s", resp.Raw)
	}
	page, err := http.Get(f.Server.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	page.Body.Close()
	if page.StatusCode != http.StatusNotFound {
		t.Errorf("GraphiQL served while disabled: %d", page.StatusCode)
	}
}
