package graph_test

import (
	"runtime"
	"testing"
	"time"

	"go.uber.org/goleak"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// Faults of every kind, repeated, leave no goroutine behind and do not grow
// the heap: a flaky upstream must not slowly take the facade down.
func TestFaultsLeakNeitherGoroutinesNorMemory(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	faults := []intercomsim.Fault{
		{Kind: intercomsim.FaultStatus, Status: 401},
		{Kind: intercomsim.FaultStatus, Status: 403},
		{Kind: intercomsim.FaultStatus, Status: 404},
		{Kind: intercomsim.FaultStatus, Status: 422},
		{Kind: intercomsim.FaultStatus, Status: 500},
		{Kind: intercomsim.FaultStatus, Status: 503},
		{Kind: intercomsim.FaultReset},
		{Kind: intercomsim.FaultTruncated},
		{Kind: intercomsim.FaultMalformed},
		{Kind: intercomsim.FaultSlowBody, Delay: time.Minute},
		{Kind: intercomsim.FaultDelay, Delay: time.Minute},
		{Kind: intercomsim.FaultStatus, Status: 429}, // last: the next run waits for the window it spent
	}
	var heapBefore uint64
	t.Run("faults", func(t *testing.T) {
		// One-second windows: after the 429 the next query waits a moment instead of being refused.
		f := facadetest.New(t, facadetest.Options{AttemptTimeout: 100 * time.Millisecond, Sim: intercomsim.Options{Window: time.Second}, RateLimitWait: 2 * time.Second})
		run := func() {
			for _, fault := range faults {
				fault.Path = "/teams"
				remove := f.Sim.InjectFault(fault)
				resp := f.Query(`{ me { name } teams { totalCount } }`, nil)
				remove()
				if facadetest.Str(facadetest.Dig(resp.Data, "me", "name")) == "" {
					t.Fatalf("fault %d took the healthy field with it: %s", fault.Kind, resp.Raw)
				}
				if _, ok := resp.ErrorAt("teams"); !ok {
					t.Fatalf("fault %d gave no error at teams: %s", fault.Kind, resp.Raw)
				}
			}
		}
		run() // warm up pools and caches before measuring
		heapBefore = heapInUse()
		for range 2 {
			run()
		}
		if grown := int64(heapInUse()) - int64(heapBefore); grown > 8<<20 {
			t.Errorf("the heap grew by %d bytes over 24 faulty queries", grown)
		}
	})
	goleak.VerifyNone(t, ignore)
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
