package bench

import (
	"slices"
	"sync"
	"testing"
	"time"
)

// upstreamLatency is the delay the simulator adds to every answer: about an
// Intercom round trip from a nearby region.
const upstreamLatency = 50 * time.Millisecond

// baselines keeps each scenario's baseline figures, so later modes of the
// same run report their ratio to it.
var baselines sync.Map // scenario name -> measured

type measured struct{ calls, p50 float64 }

// BenchmarkDashboards runs every scenario three ways: the baseline (loaders
// off, cache off), loaders on with a cold cache, and loaders on with reference
// data cached. Run it with:
//
//	go test ./bench -run '^$' -bench Dashboards -benchtime 20x
func BenchmarkDashboards(b *testing.B) {
	for _, sc := range scenarios {
		b.Run(sc.name, func(b *testing.B) {
			for _, m := range []mode{baseline, cold, warm} {
				b.Run(m.name, func(b *testing.B) { benchScenario(b, sc, m) })
			}
		})
	}
}

func benchScenario(b *testing.B, sc scenario, m mode) {
	s := newStack(b, m, upstreamLatency)
	var vars map[string]any
	if sc.variables != nil {
		vars = sc.variables(s.Sim.Workspace("sim-demo-token"))
	}
	query := sc.query(b)
	first := s.run(b, query, vars) // warms what the mode keeps warm
	minCold, _ := sc.minimum(first.data)
	durations := make([]time.Duration, 0, b.N)
	calls, rounds := 0, 0
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		r := s.run(b, query, vars)
		durations = append(durations, r.duration)
		calls += r.calls
		rounds += r.rounds
	}
	elapsed := time.Since(start)
	b.StopTimer()

	slices.Sort(durations)
	p50, p95 := percentile(durations, 50), percentile(durations, 95)
	perQuery := float64(calls) / float64(b.N)
	b.ReportMetric(perQuery, "calls/query")
	b.ReportMetric(float64(minCold), "min-calls")
	b.ReportMetric(float64(rounds)/float64(b.N), "rounds/query")
	b.ReportMetric(ms(p50), "p50-ms")
	b.ReportMetric(ms(p95), "p95-ms")
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "queries/s")
	if m == baseline {
		baselines.Store(sc.name, measured{calls: perQuery, p50: ms(p50)})
	} else if v, ok := baselines.Load(sc.name); ok {
		base := v.(measured)
		b.ReportMetric(perQuery/base.calls, "calls-vs-baseline")
		b.ReportMetric(ms(p50)/base.p50, "p50-vs-baseline")
	}
}

func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, (len(sorted)*p+99)/100-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
