//go:build load

package bench

import (
	"context"
	"flag"
	"log/slog"
	"net/http/httptest"
	"os"
	"runtime/pprof"
	"testing"
	"time"

	"intercom-graphql/httpapi"
	"intercom-graphql/loaders/cache"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// A facade can also run inside the test process, where go test's profiles
// see it (beside the load's own clients, which are easy to tell apart: they
// live in package bench and net/http's client):
//
//	go test -tags load ./bench -run TestLoadInbox -v -load.facades inprocess \
//	    -cpuprofile /tmp/cpu.out -memprofile /tmp/allocs.out -load.heapprofile /tmp/heap.out
//	go tool pprof -top -nodecount 40 bench.test /tmp/cpu.out
var loadHeapProfile = flag.String("load.heapprofile", "", "with an in-process facade, write the heap in use halfway through each load to this file")

// inProcess is the binary name that serves the facade inside the test process.
const inProcess = "inprocess"

// startInProcessFacade wires the facade as the serve command does, with the
// harness's raised per-client bounds.
func startInProcessFacade(tb testing.TB, sim *process, setup facadeSetup) *process {
	tb.Helper()
	metrics := httpapi.NewMetrics()
	ttl := upstream.DefaultCacheTTL()
	if setup.cacheOff {
		ttl = upstream.CacheTTL{}
	}
	client, err := upstream.New(upstream.Config{Token: intercomsim.DemoToken, BaseURL: sim.url, Observer: metrics,
		Cache: cache.NewMemory(10000), CacheTTL: ttl})
	if err != nil {
		tb.Fatal(err)
	}
	limits := httpapi.DefaultLimits()
	limits.RequestsPerMinute, limits.MaxConcurrentRequests, limits.MaxConcurrentPerClient = -1, 1024, 1024
	raisePerClientExecutingCost(&limits)
	srv := httptest.NewServer(httpapi.New(httpapi.Config{Client: client, CursorKey: []byte("load"), Limits: limits,
		Metrics: metrics, Logger: slog.New(slog.NewJSONHandler(discard{}, nil))}))
	p := &process{name: inProcess, url: srv.URL}
	tb.Cleanup(func() {
		srv.Close()
		client.CloseIdleConnections()
	})
	return p
}

type discard struct{}

func (discard) Write(b []byte) (int, error) { return len(b), nil }

// heapHalfway writes the heap in use once the load is half done, when the
// -load.heapprofile flag asks for it.
func heapHalfway(ctx context.Context, tb testing.TB, after time.Duration) {
	if *loadHeapProfile == "" {
		return
	}
	go func() {
		select {
		case <-ctx.Done():
			return
		case <-time.After(after):
		}
		f, err := os.Create(*loadHeapProfile)
		if err != nil {
			tb.Error(err)
			return
		}
		defer f.Close()
		if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
			tb.Error(err)
		}
	}()
}

// raisePerClientExecutingCost lifts the per-client share of the executing
// cost: every load client comes from one address.
func raisePerClientExecutingCost(l *httpapi.Limits) { l.MaxExecutingCostPerClient = l.MaxExecutingCost }
