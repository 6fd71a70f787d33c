package bench

import (
	"log/slog"
	"strconv"
	"testing"
	"time"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
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
	baseline = mode{name: "baseline", unbatched: true}
	cold     = mode{name: "loaders"}
	warm     = mode{name: "loaders+cache", warm: true}
)

// stack is the simulator and the facade in front of it, both over real HTTP,
// on the demo workspace.
type stack struct {
	*facadetest.Facade
}

func newStack(tb testing.TB, m mode, latency time.Duration) *stack {
	tb.Helper()
	opts := facadetest.Options{
		Sim: intercomsim.Options{Seed: 1, Latency: latency, Budget: 1 << 30, Sizes: intercomsim.DemoSizes()},
		Configure: func(c *httpapi.Config) {
			c.CursorKey = []byte("bench")
			c.Loaders = loaders.Options{Unbatched: m.unbatched}
			c.Logger = slog.New(slog.DiscardHandler)
		},
	}
	if m.warm {
		// Reference data only: people and conversations change too fast to be
		// served from a cache in a dashboard, so objects are not kept.
		opts.Cache, opts.CacheTTL = cache.NewMemory(10_000), upstream.CacheTTL{Reference: time.Hour, Objects: m.objects}
	}
	return &stack{facadetest.New(tb, opts)}
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
	tb.Helper()
	s.Sim.StartTrace()
	start := time.Now()
	resp := s.Query(query, variables)
	elapsed := time.Since(start)
	spans := s.Sim.StopTrace()
	if len(resp.Errors) > 0 {
		tb.Fatalf("query failed: %s", resp.Raw)
	}
	return result{data: resp.Data, spans: spans, calls: len(spans), rounds: intercomsim.Rounds(spans), duration: elapsed}
}

// list is the JSON list at path, or nil.
func list(v any, path ...any) []any {
	l, _ := facadetest.Dig(v, path...).([]any)
	return l
}

func num(v any) float64 {
	f, _ := v.(float64)
	return f
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
