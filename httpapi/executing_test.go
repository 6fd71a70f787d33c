package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// slowContacts makes every contacts list take delay, and returns how to undo it.
func slowContacts(f *facadetest.Facade, delay time.Duration) func() {
	return f.Sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultDelay, Path: "/contacts", Delay: delay})
}

// holdRoom sends a query that waits on the slow contacts list, and reports
// when its answer came.
// Each holder asks for a page size of its own: identical reads would share one call.
func holdRoom(f *facadetest.Facade, headers map[string]string, pageSize int) (done <-chan time.Time) {
	finished := make(chan time.Time, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, f.Server.URL+"/graphql", strings.NewReader(fmt.Sprintf(`{"query":"{ contacts(first: %d) { totalCount } }"}`, pageSize)))
		req.Header.Set("Content-Type", "application/json")
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		if resp, err := http.DefaultClient.Do(req); err == nil { // the test may end it by closing its connection
			resp.Body.Close()
		}
		finished <- time.Now()
	}()
	return finished
}

// facadeWithSlowContacts is a facade with the executing bounds given, whose
// contacts lists take a minute until remove is called.
func facadeWithSlowContacts(t *testing.T, maxCost, perClient int, queueWait time.Duration) (f *facadetest.Facade, remove func()) {
	f = facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) {
		c.Limits.MaxExecutingCost, c.Limits.MaxExecutingCostPerClient, c.Limits.ExecutingQueueWait = maxCost, perClient, queueWait
	}})
	f.Query(`{ me { name } }`, nil) // the rate budget's first answer
	return f, slowContacts(f, time.Minute)
}

// waitUntilExecuting waits until the slow query reached the simulator.
func waitUntilExecuting(t *testing.T, f *facadetest.Facade, callsBefore int64) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if f.Sim.Calls() > callsBefore {
			return
		}
	}
	t.Fatal("the slow query never reached the simulator")
}

// A query that finds the server's executing work at its bound waits for room
// and runs once there is some: it waits about as long as the query ahead of it still had to run.
func TestAQueryBeyondTheExecutingCostWaitsItsTurn(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.Limits.MaxExecutingCost = 1 }})
	f.Query(`{ me { name } }`, nil) // the rate budget's first answer
	defer slowContacts(f, 300*time.Millisecond)()
	calls := f.Sim.Calls()
	first := holdRoom(f, nil, 1)
	waitUntilExecuting(t, f, calls)
	sent := time.Now()
	resp := f.Query(`{ __typename }`, nil)
	took := time.Since(sent)
	if resp.Status != http.StatusOK || len(resp.Errors) > 0 {
		t.Fatalf("the waiting query: %d %s", resp.Status, resp.Raw)
	}
	if took < 200*time.Millisecond {
		t.Errorf("the waiting query was answered in %v, before the query executing (300ms upstream) could end", took)
	}
	<-first
}

// A query that waits past the queue's patience gets the facade's own 503
// with Retry-After; a query priced far above the bound still runs alone.
func TestAQueryThatWaitsTooLongIsRefusedWith503(t *testing.T) {
	f, remove := facadeWithSlowContacts(t, 4, 4, 100*time.Millisecond)
	calls := f.Sim.Calls()
	held := make([]<-chan time.Time, 4)
	for i := range held {
		held[i] = holdRoom(f, nil, i+1)
	}
	waitUntilExecuting(t, f, calls+3)
	raw, err := http.Post(f.Server.URL+"/graphql", "application/json", strings.NewReader(`{"query":"{ __typename }"}`))
	if err != nil {
		t.Fatal(err)
	}
	var resp facadetest.Response
	_ = json.NewDecoder(raw.Body).Decode(&resp)
	raw.Body.Close()
	if raw.StatusCode != http.StatusServiceUnavailable || raw.Header.Get("Retry-After") == "" || len(resp.Errors) != 1 ||
		resp.Errors[0].Code() != "UNAVAILABLE" || resp.Errors[0].Extensions["reason"] != "TOO_MUCH_EXECUTING" {
		t.Fatalf("a query past the executing bound: %d (Retry-After %q) %+v, want 503 UNAVAILABLE TOO_MUCH_EXECUTING with Retry-After",
			raw.StatusCode, raw.Header.Get("Retry-After"), resp.Errors)
	}
	remove()
	f.Server.CloseClientConnections()
	for _, done := range held {
		<-done
	}
	http.DefaultClient.CloseIdleConnections() // closed by the server with the held ones
	// Its estimate is far above 4: it holds the whole bound, and runs.
	big := f.Query(`{ contacts(first: 20) { nodes { companies(first: 5) { nodes { name } } } } }`, nil)
	if big.Status != http.StatusOK || len(big.Errors) > 0 {
		t.Errorf("a query priced above the bound, alone: %d %s", big.Status, big.Raw)
	}
}

// One client cannot take the whole executing bound: past its share its next
// query waits, then gets 429, while another client's queries are served at
// once, not held behind it.
func TestOneClientCannotTakeTheWholeExecutingCost(t *testing.T) {
	keys, err := httpapi.NewAPIKeys([]string{keyDigest("busy-key"), keyDigest("other-key")})
	if err != nil {
		t.Fatal(err)
	}
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) {
		c.Auth = keys
		c.Limits.MaxExecutingCost, c.Limits.MaxExecutingCostPerClient, c.Limits.ExecutingQueueWait = 10, 1, 2*time.Second
	}})
	busy, other := map[string]string{"X-API-Key": "busy-key"}, map[string]string{"X-API-Key": "other-key"}
	postAs(f, other, `{ me { name } }`).MustData(t)
	remove := slowContacts(f, time.Minute)
	calls := f.Sim.Calls()
	held := holdRoom(f, busy, 1)
	waitUntilExecuting(t, f, calls)
	refused := make(chan facadetest.Response, 1)
	go func() { refused <- postAs(f, busy, `{ __typename }`) }()
	time.Sleep(100 * time.Millisecond) // the busy client's query is waiting
	sent := time.Now()
	if served := postAs(f, other, `{ __typename }`); served.Status != http.StatusOK || len(served.Errors) != 0 {
		t.Errorf("another client, while the first held its share: %d %s", served.Status, served.Raw)
	} else if took := time.Since(sent); took > time.Second {
		t.Errorf("another client's query waited %v behind the busy client's", took)
	}
	if one := <-refused; one.Status != http.StatusTooManyRequests || len(one.Errors) != 1 || one.Errors[0].Extensions["reason"] != "CLIENT_CONCURRENCY_LIMITED" {
		t.Errorf("a query past the client's executing share: %d %s, want 429 CLIENT_CONCURRENCY_LIMITED", one.Status, one.Raw)
	}
	remove()
	f.Server.CloseClientConnections()
	<-held
}

// /metrics shows the executing bound as it fills: the cost executing, the
// bound, the operations waiting, and how long those waited and how it ended.
func TestMetricsShowTheExecutingBoundFilling(t *testing.T) {
	f, remove := facadeWithSlowContacts(t, 1, 1, 150*time.Millisecond)
	calls := f.Sim.Calls()
	held := holdRoom(f, nil, 1)
	waitUntilExecuting(t, f, calls)
	refused := make(chan facadetest.Response, 1)
	go func() { refused <- f.Query(`{ __typename }`, nil) }()
	var text string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if text = metricsText(t, f); strings.Contains(text, "\ngraphql_executing_waiting 1\n") {
			break
		}
	}
	for _, want := range []string{"\ngraphql_executing_cost 1\n", "\ngraphql_executing_cost_limit 1\n", "\ngraphql_executing_waiting 1\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("while one query executes and one waits, /metrics lacks %q", strings.TrimSpace(want))
		}
	}
	if one := <-refused; one.Status != http.StatusTooManyRequests && one.Status != http.StatusServiceUnavailable {
		t.Fatalf("the waiting query: %d %s, want a refusal", one.Status, one.Raw)
	}
	remove()
	f.Server.CloseClientConnections()
	<-held
	http.DefaultClient.CloseIdleConnections()
	f.Query(`{ __typename }`, nil).MustData(t)
	text = metricsText(t, f)
	for _, want := range []string{`graphql_executing_wait_seconds_count{outcome="refused"} 1`, "\ngraphql_executing_cost 0\n", "\ngraphql_executing_waiting 0\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("after the refusal, /metrics lacks %q", strings.TrimSpace(want))
		}
	}
}
