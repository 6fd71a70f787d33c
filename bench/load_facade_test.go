//go:build load

package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"intercom-graphql/upstream/intercomsim"
)

// process is a server the harness started: the simulator or a facade, each
// its own process, so that the facade's memory is its own.
type process struct {
	name string
	cmd  *exec.Cmd
	url  string
}

// buildServer compiles the module's command (the working tree) once per run.
func buildServer(tb testing.TB) string {
	tb.Helper()
	out := filepath.Join(os.TempDir(), "intercom-graphql-load")
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Dir = ".."
	if msg, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, msg)
	}
	return out
}

// freeAddr is a loopback address nobody listens on yet.
func freeAddr(tb testing.TB) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startProcess runs binary with args and env, and waits until probe answers.
func startProcess(tb testing.TB, name, binary string, args, env []string, url, probe string) *process {
	tb.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &tailBuffer{w: &stderr}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	p := &process{name: name, cmd: cmd, url: url}
	tb.Cleanup(p.stop)
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		resp, err := http.Get(url + probe)
		if err == nil {
			resp.Body.Close()
			return p
		}
	}
	p.stop()
	tb.Fatalf("%s did not start: %s", name, stderr.String())
	return nil
}

func (p *process) stop() {
	if p.cmd.Process != nil && p.cmd.ProcessState == nil {
		_ = p.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = p.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = p.cmd.Process.Kill()
			<-done
		}
	}
}

// tailBuffer keeps what a process wrote lately, for a failure message.
type tailBuffer struct{ w *bytes.Buffer }

func (t *tailBuffer) Write(b []byte) (int, error) {
	if t.w.Len() > 64<<10 {
		t.w.Reset()
	}
	return t.w.Write(b)
}

// startSimulator serves the demo workspace in its own process, with latency
// added before every answer and a budget no run exhausts.
func startSimulator(tb testing.TB, binary string, latency time.Duration) *process {
	addr := freeAddr(tb)
	return startProcess(tb, "simulator", binary,
		[]string{"simulate", "--addr", addr, "--latency", latency.String(), "--budget", "1000000000"}, nil,
		"http://"+addr, "/me")
}

// facadeSetup is how a facade process is configured for a run.
type facadeSetup struct {
	cacheOff bool
}

// startFacade serves binary's facade in front of sim with the defaults,
// except the per-client and per-minute bounds: every load client comes from
// one address, which the defaults would treat as one abusive client.
func startFacade(tb testing.TB, binary string, sim *process, setup facadeSetup) *process {
	addr := freeAddr(tb)
	_, port, _ := net.SplitHostPort(addr)
	env := []string{
		"INTERCOM_ACCESS_TOKEN=" + intercomsim.DemoToken, "INTERCOM_BASE_URL=" + sim.url,
		"HOST=127.0.0.1", "PORT=" + port, "CURSOR_SECRET=load",
		"RATE_LIMIT_PER_MINUTE=-1", "MAX_CONCURRENT_REQUESTS=1024", "MAX_CONCURRENT_REQUESTS_PER_CLIENT=1024",
		"MAX_EXECUTING_COST_PER_CLIENT=" + strconv.Itoa(1<<30), // a bound no single load client should meet alone
	}
	if setup.cacheOff {
		env = append(env, "CACHE_TTL_REFERENCE=0", "CACHE_TTL_OBJECTS=0")
	}
	env = append(env, strings.Fields(*loadEnv)...)
	return startProcess(tb, filepath.Base(binary), binary, []string{"serve"}, env, "http://"+addr, "/healthz")
}

// memory is what /proc says of a process's resident memory, in MiB.
type memory struct{ rss, peak float64 }

func readMemory(pid int) memory {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return memory{}
	}
	defer f.Close()
	var m memory
	s := bufio.NewScanner(f)
	for s.Scan() {
		fields := strings.Fields(s.Text())
		if len(fields) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(fields[1], 64)
		switch fields[0] {
		case "VmRSS:":
			m.rss = kb / 1024
		case "VmHWM:":
			m.peak = kb / 1024
		}
	}
	return m
}

// runtimeCounters are the Go runtime's counters the facade exports on /metrics.
type runtimeCounters struct {
	mallocs, gcs, queries float64
	allocatedBytes        float64
	heapInUse, stackInUse float64 // bytes, at the moment of the scrape
	goroutines            float64
}

func scrapeCounters(tb testing.TB, url string) runtimeCounters {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+"/metrics", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("metrics: %v", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var c runtimeCounters
	for _, line := range strings.Split(string(raw), "\n") {
		name, value, ok := strings.Cut(line, " ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		v, _ := strconv.ParseFloat(strings.TrimSpace(value), 64)
		switch {
		case name == "go_memstats_mallocs_total":
			c.mallocs = v
		case name == "go_memstats_alloc_bytes_total":
			c.allocatedBytes = v
		case name == "go_gc_duration_seconds_count":
			c.gcs = v
		case name == "go_memstats_heap_inuse_bytes":
			c.heapInUse = v
		case name == "go_memstats_stack_inuse_bytes":
			c.stackInUse = v
		case name == "go_goroutines":
			c.goroutines = v
		case strings.HasPrefix(name, "graphql_requests_total{"):
			c.queries += v
		}
	}
	return c
}
