package bench

import (
	"slices"
	"testing"
	"time"

	"intercom-graphql/graph/relay"
)

// BenchmarkCachedLookups measures what a lookup costs the facade itself when
// the cache already holds Intercom's answer: an object by id, which goes
// through a loader, against a reference list, which does not. Run it with:
//
//	go test ./bench -run '^$' -bench CachedLookups -benchtime 2000x
func BenchmarkCachedLookups(b *testing.B) {
	objectsCached := mode{name: "objects cached", warm: true, objects: time.Hour}
	lookups := []struct {
		name  string
		query string
	}{
		{"contactByID", `query($id: ID!) { contact(id: $id) { name email } }`},
		{"teams", `{ teams { nodes { name } } }`},
	}
	for _, lk := range lookups {
		b.Run(lk.name, func(b *testing.B) {
			s := newStack(b, objectsCached, 0)
			vars := map[string]any{"id": relay.NodeID("Contact", bestKnownContact(s.Sim.Workspace("sim-demo-token")))}
			s.run(b, lk.query, vars) // fills the cache
			durations := make([]time.Duration, 0, b.N)
			calls := 0
			b.ResetTimer()
			for range b.N {
				r := s.run(b, lk.query, vars)
				durations = append(durations, r.duration)
				calls += r.calls
			}
			b.StopTimer()
			slices.Sort(durations)
			b.ReportMetric(float64(calls)/float64(b.N), "calls/query")
			b.ReportMetric(ms(percentile(durations, 50)), "p50-ms")
			b.ReportMetric(ms(percentile(durations, 99)), "p99-ms")
		})
	}
}
