package bench

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"intercom-graphql/graph/httpapi"
	"intercom-graphql/loaders"
	"intercom-graphql/loaders/cache"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// mode is how the facade is set up for a run.
type mode struct {
	name      string
	unbatched bool          // loaders off: every lookup its own call
	warm      bool          // reference data cached before the measured queries
	objects   time.Duration // how long objects stay cached (0: not at all)
}

var (
	baseline   = mode{name: "baseline", unbatched: true}
	cold       = mode{name: "loaders"}
	warm       = mode{name: "loaders+cache", warm: true}
)

// stack is the simulator and the facade in front of it, both over real HTTP.
type stack struct {
	sim    *intercomsim.Simulator
	client *upstream.Client
	server *httptest.Server
}

func newStack(tb testing.TB, m mode, latency time.Duration) *stack {
	tb.Helper()
	sim := intercomsim.New(intercomsim.Options{Seed: 1, Latency: latency, Budget: 1 << 30})
	simServer := httptest.NewServer(sim.Handler())
	tb.Cleanup(simServer.Close)
	cfg := upstream.Config{Token: intercomsim.DemoToken, BaseURL: simServer.URL}
	if m.warm {
		// Reference data only: people and conversations change too fast to be
		// served from a cache in a dashboard, so objects are not kept.
		cfg.Cache, cfg.CacheTTL = cache.NewMemory(10_000), upstream.CacheTTL{Reference: time.Hour, Objects: m.objects}
	}
	client, err := upstream.New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	handler := httpapi.New(httpapi.Config{
		Client:    client,
		CursorKey: []byte("bench"),
		Limits:    httpapi.Limits{RequestsPerMinute: -1, MaxQueryCost: 100_000},
		Loaders:   loaders.Options{Unbatched: m.unbatched},
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	server := httptest.NewServer(handler)
	tb.Cleanup(server.Close)
	return &stack{sim: sim, client: client, server: server}
}

// result is one query's answer and what it cost.
type result struct {
	data     map[string]any
	spans    []intercomsim.CallSpan
	calls    int
	rounds   int
	duration time.Duration
}

func (s *stack) run(tb testing.TB, query string, variables map[string]any) result {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	s.sim.StartTrace()
	start := time.Now()
	resp, err := http.Post(s.server.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	elapsed := time.Since(start)
	spans := s.sim.StopTrace()

	var out struct {
		Data       map[string]any   `json:"data"`
		Errors     []map[string]any `json:"errors"`
		Extensions map[string]any   `json:"extensions"`
	}
	if err := json.Unmarshal(raw, &out); err != nil || len(out.Errors) > 0 {
		tb.Fatalf("query failed: %s", raw)
	}
	return result{data: out.Data, spans: spans, calls: len(spans), rounds: intercomsim.Rounds(spans), duration: elapsed}
}

func dig(v any, path ...string) any {
	for _, p := range path {
		m, _ := v.(map[string]any)
		v = m[p]
	}
	return v
}

func list(v any, path ...string) []any {
	l, _ := dig(v, path...).([]any)
	return l
}

func str(v any, key string) string {
	s, _ := dig(v, key).(string)
	return s
}

func num(v any) float64 {
	f, _ := v.(float64)
	return f
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
