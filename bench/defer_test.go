package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"slices"
	"testing"
	"time"

	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream/intercomsim"
)

// deferredContact360 is contact360's query with the parts that need the
// contact first deferred; its answer is contact360's, in parts.
var deferredContact360 = scenario{
	name: "contact360Deferred", file: "contact360_deferred.graphql",
	variables: func(ws *intercomsim.Workspace) map[string]any {
		return map[string]any{"id": relay.NodeID("Contact", bestKnownContact(ws))}
	},
	minimum: scenarioNamed("contact360").minimum,
}

func scenarioNamed(name string) scenario {
	for _, sc := range scenarios {
		if sc.name == name {
			return sc
		}
	}
	panic("no scenario " + name)
}

// incrementalRun is one deferred query as a client reads it: when its first
// and last parts arrived, the data they assemble and what it cost.
type incrementalRun struct {
	first, last time.Duration
	firstAt     time.Time
	data        map[string]any
	calls       int64 // as the last part reports them
	spans       []intercomsim.CallSpan
}

// runDeferred posts a query asking for multipart/mixed, as Apollo Client
// does, and reads its parts as they come.
func (s *stack) runDeferred(tb testing.TB, query string, variables map[string]any) incrementalRun {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	req, _ := http.NewRequest(http.MethodPost, s.Server.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "multipart/mixed;deferSpec=20220824,application/json")
	s.Sim.StartTrace()
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	_, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if err != nil || params["boundary"] == "" {
		tb.Fatalf("not a multipart answer: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var run incrementalRun
	parts := multipart.NewReader(resp.Body, params["boundary"])
	for n := 0; ; n++ {
		part, err := parts.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		var p struct {
			Data        map[string]any `json:"data"`
			Errors      []any          `json:"errors"`
			Incremental []struct {
				Data   map[string]any `json:"data"`
				Errors []any          `json:"errors"`
				Path   []any          `json:"path"`
			} `json:"incremental"`
			Extensions struct {
				Upstream struct{ Calls int64 } `json:"upstream"`
			} `json:"extensions"`
		}
		if err := json.NewDecoder(part).Decode(&p); err != nil {
			tb.Fatal(err)
		}
		run.last = time.Since(start)
		if n == 0 {
			run.first, run.firstAt, run.data = run.last, time.Now(), p.Data
		}
		for _, inc := range p.Incremental {
			if target, ok := dig(run.data, inc.Path).(map[string]any); ok {
				for k, v := range inc.Data {
					target[k] = v
				}
			}
			p.Errors = append(p.Errors, inc.Errors...)
		}
		if len(p.Errors) > 0 {
			tb.Fatalf("part %d carries errors: %v", n, p.Errors)
		}
		run.calls = p.Extensions.Upstream.Calls
	}
	run.spans = s.Sim.StopTrace()
	return run
}

// dig follows a response path of object keys.
func dig(v any, path []any) any {
	for _, key := range path {
		m, _ := v.(map[string]any)
		name, _ := key.(string)
		v = m[name]
	}
	return v
}

// The deferred contact 360 costs what the whole query costs, its first part
// comes after one round trip upstream, and its last after the rounds its
// comment states.
func TestDeferredContact360SendsItsFirstPartAfterOneRound(t *testing.T) {
	// Long calls, so that the rounds show even on a busy machine (see
	// TestScenariosCostTheirMinimum).
	s := newStack(t, cold, 250*time.Millisecond)
	sc := deferredContact360
	run := s.runDeferred(t, sc.query(t), sc.variables(s.Sim.Workspace("sim-demo-token")))
	minCold, _ := sc.minimum(run.data)
	if int(run.calls) != minCold || len(run.spans) != minCold {
		t.Errorf("%d calls reported, %d made; the minimum is %d", run.calls, len(run.spans), minCold)
		logSpans(t, run.spans)
	}
	var beforeFirst []intercomsim.CallSpan
	for _, sp := range run.spans {
		if sp.End.Before(run.firstAt) {
			beforeFirst = append(beforeFirst, sp)
		}
	}
	if got := intercomsim.Rounds(beforeFirst); got != 1 || len(beforeFirst) == len(run.spans) {
		t.Errorf("the first part came after %d rounds and %d of %d calls; want 1 round, and calls still to come", got, len(beforeFirst), len(run.spans))
		logSpans(t, run.spans)
	}
	if got, want := intercomsim.Rounds(run.spans), sc.rounds(t); got != want {
		t.Errorf("%d rounds on the critical path, want the %d its comment states", got, want)
		logSpans(t, run.spans)
	}
}

// BenchmarkDeferredContact360 measures, at 50 ms upstream latency on a cold
// cache, how long a client waits for the first and the last part of the
// deferred contact 360 against the whole contact 360 without @defer, in the
// same run. Run it with:
//
//	go test ./bench -run '^$' -bench DeferredContact360 -benchtime 20x
func BenchmarkDeferredContact360(b *testing.B) {
	s := newStack(b, cold, upstreamLatency)
	vars := deferredContact360.variables(s.Sim.Workspace("sim-demo-token"))
	whole, deferred := scenarioNamed("contact360").query(b), deferredContact360.query(b)
	s.run(b, whole, vars) // warms connections, not data: the cache is off
	s.runDeferred(b, deferred, vars)
	var atOnce, first, last []time.Duration
	b.ResetTimer()
	for range b.N {
		atOnce = append(atOnce, s.run(b, whole, vars).duration)
		run := s.runDeferred(b, deferred, vars)
		first, last = append(first, run.first), append(last, run.last)
	}
	b.StopTimer()
	for _, d := range [][]time.Duration{atOnce, first, last} {
		slices.Sort(d)
	}
	wholeP50 := ms(percentile(atOnce, 50))
	b.ReportMetric(wholeP50, "whole-p50-ms")
	b.ReportMetric(ms(percentile(first, 50)), "first-part-p50-ms")
	b.ReportMetric(ms(percentile(first, 95)), "first-part-p95-ms")
	b.ReportMetric(ms(percentile(last, 50)), "last-part-p50-ms")
	b.ReportMetric(ms(percentile(first, 50))/wholeP50, "first-vs-whole")
	b.ReportMetric(ms(percentile(last, 50))/wholeP50, "last-vs-whole")
	b.ReportMetric(ms(percentile(first, 50))/ms(upstreamLatency), "first-part-in-round-trips")
}
