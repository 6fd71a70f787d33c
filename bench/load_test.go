//go:build load

package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream/intercomsim"
)

// The load harness drives N concurrent clients, closed loop (each sends its
// next query when its last is answered), through one query for a duration,
// against a facade running as its own process in front of the simulator
// (another process), and prints requests/s, latency percentiles, the facade's
// peak and steady RSS, and its GC cycles and allocations per query (from
// the Go runtime's counters on its /metrics). Several builds can be measured in
// one run, one after the other on the same machine, for ratios:
//
//	go test -tags load ./bench -run TestLoad -v -timeout 0
//	go build -o /tmp/base . (at the commit to compare with)
//	go test -tags load ./bench -run TestLoad -v -timeout 0 -load.facades /tmp/base,.
var (
	loadFacades  = flag.String("load.facades", ".", "comma-separated facade binaries to measure in turn; . builds the working tree")
	loadDuration = flag.Duration("load.duration", 20*time.Second, "how long each load runs")
	loadSerial   = flag.Int("load.serial", 300, "requests of the one-at-a-time runs")
	loadEnv      = flag.String("load.env", "", "space-separated NAME=value settings added to the facade processes' environment, e.g. MAX_EXECUTING_COST=12000")
)

// loadSpec is one measured load.
type loadSpec struct {
	name      string
	query     string
	variables map[string]any
	clients   int
	latency   time.Duration
	setup     facadeSetup
}

// loadResult is what one load measured.
type loadResult struct {
	requests, failures  int
	perSecond           float64
	p50, p95, p99       time.Duration
	peakRSS, steadyRSS  float64
	gcsPerQuery         float64
	mallocsPerQuery     float64
	kibPerQuery         float64 // bytes allocated, in KiB
	firstFailure        string
	facadeQueries       float64
	heapInUse           float64       // MiB halfway through the load
	stackInUse          float64       // MiB halfway through the load
	goroutines          float64       // halfway through the load
	upstreamP50         time.Duration // the simulator's own answer, for the one-at-a-time runs
	upstreamDescription string
}

func facadeBinaries(t *testing.T) []string {
	var out []string
	for _, b := range strings.Split(*loadFacades, ",") {
		if b = strings.TrimSpace(b); b == "." {
			b = buildServer(t)
		}
		out = append(out, b)
	}
	return out
}

func queryFile(t testing.TB, name string) string {
	b, err := os.ReadFile("queries/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func inboxVariables() map[string]any {
	ws := intercomsim.New(intercomsim.Options{Seed: 1, Sizes: intercomsim.DemoSizes()}).Workspace(intercomsim.DemoToken)
	return map[string]any{"team": relay.NodeID("Team", busiestTeam(ws))}
}

// TestLoadInbox is the memory target's load: 200 dashboards at once on the
// inbox query, 50 ms upstream latency, default cache.
func TestLoadInbox(t *testing.T) {
	runLoads(t, loadSpec{name: "inbox 200 clients 50ms", query: queryFile(t, "inbox.graphql"), variables: inboxVariables(),
		clients: 200, latency: 50 * time.Millisecond})
}

// TestLoadListContacts is the tail's load: 50 connections listing 50 contacts, cache off.
func TestLoadListContacts(t *testing.T) {
	q := queryFile(t, "list_contacts.graphql")
	runLoads(t,
		loadSpec{name: "list-50 50 clients 0ms", query: q, clients: 50, setup: facadeSetup{cacheOff: true}},
		loadSpec{name: "list-50 50 clients 50ms", query: q, clients: 50, latency: 50 * time.Millisecond, setup: facadeSetup{cacheOff: true}})
}

// TestLoadOneAtATime is the facade's own time: one request at a time, cache
// off, latency 0, beside the simulator's own answer to the same call.
func TestLoadOneAtATime(t *testing.T) {
	runLoads(t, loadSpec{name: "list-50 one at a time", query: queryFile(t, "list_contacts.graphql"), clients: 1, setup: facadeSetup{cacheOff: true}})
}

func runLoads(t *testing.T, specs ...loadSpec) {
	binaries := facadeBinaries(t)
	simBinary := binaries[len(binaries)-1]
	if simBinary == inProcess {
		simBinary = buildServer(t)
	}
	fmt.Printf("%-26s %-28s %8s %7s %8s %8s %8s %9s %10s %8s %11s %8s %8s\n", "load", "facade", "requests", "failed", "req/s",
		"p50-ms", "p95-ms", "p99-ms", "peak-MiB", "rss-MiB", "allocs/q", "KiB/q", "GCs/q")
	for _, spec := range specs {
		sim := startSimulator(t, simBinary, spec.latency)
		for _, binary := range binaries {
			r := measureLoad(t, binary, sim, spec)
			fmt.Printf("%-26s %-28s %8d %7d %8.1f %8.2f %8.2f %9.2f %10.1f %8.1f %11.0f %8.0f %8.3f\n", spec.name, binary, r.requests, r.failures,
				r.perSecond, ms(r.p50), ms(r.p95), ms(r.p99), r.peakRSS, r.steadyRSS, r.mallocsPerQuery, r.kibPerQuery, r.gcsPerQuery)
			if spec.clients > 1 {
				fmt.Printf("%-26s %-28s halfway: heap in use %.1f MiB, stacks %.1f MiB, %.0f goroutines\n", spec.name, binary, r.heapInUse, r.stackInUse, r.goroutines)
			}
			if r.upstreamP50 > 0 {
				fmt.Printf("%-26s %-28s upstream alone (%s) p50 %.2f ms; facade's own time %.2f ms\n", spec.name, binary,
					r.upstreamDescription, ms(r.upstreamP50), ms(r.p50-r.upstreamP50))
			}
			if r.failures > 0 {
				t.Errorf("%s on %s: %d of %d requests failed; the first: %s", spec.name, binary, r.failures, r.requests, r.firstFailure)
			}
		}
		sim.stop()
	}
}

func measureLoad(t *testing.T, binary string, sim *process, spec loadSpec) loadResult {
	var facade *process
	pid := os.Getpid()
	if binary == inProcess {
		facade = startInProcessFacade(t, sim, spec.setup)
	} else {
		facade = startFacade(t, binary, sim, spec.setup)
		defer facade.stop()
		pid = facade.cmd.Process.Pid
	}
	body, _ := json.Marshal(map[string]any{"query": spec.query, "variables": spec.variables})
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: spec.clients, MaxConnsPerHost: spec.clients}}
	defer client.CloseIdleConnections()
	post := func() (time.Duration, string) {
		began := time.Now()
		_, failure := postQuery(client, facade.url, body)
		return time.Since(began), failure
	}
	for range 5 { // the query cache, the connections and the reference lists
		if _, failure := post(); failure != "" {
			t.Fatalf("%s: warm-up query failed: %s", spec.name, failure)
		}
	}

	var result loadResult
	before := scrapeCounters(t, facade.url)
	var latencies []time.Duration
	var mu sync.Mutex
	record := func(took time.Duration, failure string) {
		mu.Lock()
		defer mu.Unlock()
		latencies = append(latencies, took)
		if failure != "" {
			if result.failures == 0 {
				result.firstFailure = failure
			}
			result.failures++
		}
	}
	samplesDone := make(chan []float64)
	stopSampling := make(chan struct{})
	go func() {
		var rss []float64
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				rss = append(rss, readMemory(pid).rss)
			case <-stopSampling:
				samplesDone <- rss
				return
			}
		}
	}()

	began := time.Now()
	profiled, stopProfile := context.WithCancel(context.Background())
	defer stopProfile()
	heapHalfway(profiled, t, *loadDuration/2)
	halfway := make(chan runtimeCounters, 1)
	go func() {
		select {
		case <-profiled.Done():
			halfway <- runtimeCounters{}
		case <-time.After(*loadDuration / 2):
			halfway <- scrapeCounters(t, facade.url)
		}
	}()
	if spec.clients == 1 {
		for range *loadSerial {
			record(post())
		}
	} else {
		deadline := began.Add(*loadDuration)
		var wg sync.WaitGroup
		for range spec.clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for time.Now().Before(deadline) {
					record(post())
				}
			}()
		}
		wg.Wait()
	}
	elapsed := time.Since(began)
	close(stopSampling)
	rss := <-samplesDone
	after := scrapeCounters(t, facade.url)
	stopProfile()
	mid := <-halfway
	result.heapInUse, result.stackInUse, result.goroutines = mid.heapInUse/(1<<20), mid.stackInUse/(1<<20), mid.goroutines

	slices.Sort(latencies)
	result.requests = len(latencies)
	result.perSecond = float64(len(latencies)) / elapsed.Seconds()
	result.p50, result.p95, result.p99 = percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99)
	result.peakRSS = readMemory(pid).peak
	if n := len(rss); n > 0 {
		steady := slices.Clone(rss[n/2:]) // the second half of the run
		slices.Sort(steady)
		result.steadyRSS = steady[len(steady)/2]
	}
	// The scrapes themselves are no queries; what the counters moved by
	// between them is the load's work.
	result.facadeQueries = after.queries - before.queries
	if result.facadeQueries > 0 {
		result.mallocsPerQuery = (after.mallocs - before.mallocs) / result.facadeQueries
		result.kibPerQuery = (after.allocatedBytes - before.allocatedBytes) / result.facadeQueries / 1024
		result.gcsPerQuery = (after.gcs - before.gcs) / result.facadeQueries
	}
	if spec.clients == 1 {
		result.upstreamP50 = upstreamListP50(t, sim)
		result.upstreamDescription = "GET /contacts?per_page=50"
	}
	return result
}

// upstreamListP50 is the simulator's own median answer to the call the
// facade makes for contacts(first: 50), made the way the facade makes it.
// postQuery sends one query to a facade: its answer, and why it failed
// (a transport error, a status other than 200, or errors in the answer).
func postQuery(client *http.Client, url string, body []byte) (answer []byte, failure string) {
	resp, err := client.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err.Error()
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || bytes.Contains(raw, []byte(`"errors"`)) {
		return raw, fmt.Sprintf("%d %.300s", resp.StatusCode, raw)
	}
	return raw, ""
}

func upstreamListP50(t *testing.T, sim *process) time.Duration {
	client := &http.Client{Timeout: time.Minute}
	defer client.CloseIdleConnections()
	var latencies []time.Duration
	for range *loadSerial {
		req, _ := http.NewRequest(http.MethodGet, sim.url+"/contacts?per_page=50", nil)
		req.Header.Set("Authorization", "Bearer "+intercomsim.DemoToken)
		req.Header.Set("Intercom-Version", "2.10")
		req.Header.Set("Accept", "application/json")
		began := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		latencies = append(latencies, time.Since(began))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("simulator: %d", resp.StatusCode)
		}
	}
	slices.Sort(latencies)
	return percentile(latencies, 50)
}
