//go:build soak

package bench

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"intercom-graphql/upstream"
)

// production is the default configuration: loaders on, reference data warm,
// objects cached for the default time.
var production = mode{name: "production", warm: true, objects: upstream.DefaultCacheTTL().Objects}

// The soak run drives a mix of the dashboard queries at a fixed rate, open
// loop (a slow answer does not slow the arrivals), and reports every interval:
//
//	go test -tags soak ./bench -v -run TestSoak -timeout 0 -soak.duration 10m -soak.interval 60s -soak.rate 20
var (
	soakDuration = flag.Duration("soak.duration", time.Minute, "how long to drive queries")
	soakRate     = flag.Int("soak.rate", 20, "queries started per second")
	soakInterval = flag.Duration("soak.interval", 30*time.Second, "how often to report")
)

type interval struct {
	queries, errors int
	latencies       []time.Duration
}

func TestSoak(t *testing.T) {
	before := runtime.NumGoroutine()
	s := newStack(t, production, upstreamLatency)
	ws := s.Sim.Workspace("sim-demo-token")
	type job struct {
		query string
		vars  map[string]any
	}
	var jobs []job
	for _, sc := range scenarios {
		var vars map[string]any
		if sc.variables != nil {
			vars = sc.variables(ws)
		}
		jobs = append(jobs, job{sc.query(t), vars})
	}
	client := &http.Client{Timeout: 30 * time.Second}

	var mu sync.Mutex
	current := &interval{}
	var inFlight sync.WaitGroup
	var started atomic.Int64
	fire := func(j job) {
		defer inFlight.Done()
		body, _ := json.Marshal(map[string]any{"query": j.query, "variables": j.vars})
		begin := time.Now()
		resp, err := client.Post(s.Server.URL+"/graphql", "application/json", bytes.NewReader(body))
		failed := err != nil
		if err == nil {
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			failed = resp.StatusCode != http.StatusOK || bytes.Contains(raw, []byte(`"errors"`))
		}
		mu.Lock()
		current.queries++
		current.latencies = append(current.latencies, time.Since(begin))
		if failed {
			current.errors++
		}
		mu.Unlock()
	}

	fmt.Printf("soak: %d queries/s for %v, upstream latency %v, reporting every %v\n", *soakRate, *soakDuration, upstreamLatency, *soakInterval)
	fmt.Printf("%8s %9s %8s %8s %8s %7s %11s %8s\n", "elapsed", "queries/s", "p50-ms", "p95-ms", "p99-ms", "errors", "goroutines", "rss-MiB")
	ticker := time.NewTicker(time.Second / time.Duration(*soakRate))
	defer ticker.Stop()
	report := time.NewTicker(*soakInterval)
	defer report.Stop()
	deadline := time.After(*soakDuration)
	begin := time.Now()
	var rss []float64
	totalErrors := 0
loop:
	for {
		select {
		case <-ticker.C:
			inFlight.Add(1)
			go fire(jobs[int(started.Add(1))%len(jobs)])
		case <-report.C:
			mu.Lock()
			done := current
			current = &interval{}
			mu.Unlock()
			slices.Sort(done.latencies)
			g, r := runtime.NumGoroutine(), rssMiB()
			rss = append(rss, r)
			totalErrors += done.errors
			fmt.Printf("%8s %9.1f %8.0f %8.0f %8.0f %7d %11d %8.1f\n", time.Since(begin).Round(time.Second),
				float64(done.queries)/soakInterval.Seconds(), ms(percentile(done.latencies, 50)), ms(percentile(done.latencies, 95)),
				ms(percentile(done.latencies, 99)), done.errors, g, r)
		case <-deadline:
			break loop
		}
	}
	inFlight.Wait()
	mu.Lock()
	totalErrors += current.errors
	mu.Unlock()
	fmt.Printf("soak: %d queries, %d errors, %d upstream calls\n", started.Load(), totalErrors, s.Sim.Calls())

	if totalErrors != 0 {
		t.Errorf("%d queries failed", totalErrors)
	}
	// Connection pools grow to what the busiest moment needed and keep those
	// connections while traffic flows, so the count can step up under load;
	// what must not happen is goroutines that outlive the work. With the
	// traffic stopped and idle connections closed, the count must fall back.
	client.CloseIdleConnections()
	s.Upstream.CloseIdleConnections()
	settled := runtime.NumGoroutine()
	for range 50 {
		if settled <= before+10 {
			break
		}
		time.Sleep(100 * time.Millisecond)
		settled = runtime.NumGoroutine()
	}
	fmt.Printf("soak: %d goroutines before, %d after the run with idle connections closed\n", before, settled)
	if settled > before+10 {
		t.Errorf("%d goroutines outlived the run (%d before it)", settled-before, before)
		_ = pprof.Lookup("goroutine").WriteTo(os.Stdout, 1)
	}
	if len(rss) >= 4 {
		if first, last := rss[1], rss[len(rss)-1]; last > first*1.25+16 {
			t.Errorf("RSS grew from %.1f MiB to %.1f MiB", first, last)
		}
	}
}

// rssMiB reads the process's resident set size from /proc (Linux).
func rssMiB() float64 {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			kb, _ := strconv.ParseFloat(strings.Fields(line)[1], 64)
			return kb / 1024
		}
	}
	return 0
}
