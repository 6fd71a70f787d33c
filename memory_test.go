package main

import (
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/KimMachineGun/automemlimit/memlimit"
)

func TestMemorySettingsFollowTheCoresTheContainerAndTheEnvironment(t *testing.T) {
	const MiB = 1 << 20
	noContainer := func() (uint64, error) { return 0, memlimit.ErrNoLimit }
	container := func(bytes uint64) func() (uint64, error) {
		return func() (uint64, error) { return bytes, nil }
	}
	cases := []struct {
		name          string
		env           map[string]string
		cores         int
		container     func() (uint64, error)
		wantGC        int // 0: left to the environment
		wantLimitMiB  int64
		wantLimitFrom string // empty: left to the environment
	}{
		{"defaults on 2 cores", nil, 2, noContainer, 200, 96, "per core, 2 cores"},
		{"defaults on 16 cores", nil, 16, noContainer, 200, 544, "per core, 16 cores"},
		{"a container smaller than the default", nil, 2, container(64 * MiB), 200, 57, "90 % of the container's 64 MiB"},
		{"a container larger than the default", nil, 2, container(4096 * MiB), 200, 96, "per core, 2 cores"},
		{"no cgroup to read", nil, 2, func() (uint64, error) { return 0, memlimit.ErrCgroupsNotSupported }, 200, 96, "no container limit read"},
		{"an unlimited cgroup v1", nil, 4, container(9223372036854771712), 200, 160, "per core, 4 cores"},
		{"GOGC set", map[string]string{"GOGC": "50"}, 2, noContainer, 0, 96, "per core"},
		{"GOGC off", map[string]string{"GOGC": "off"}, 2, noContainer, 0, 96, "per core"},
		{"GOMEMLIMIT set", map[string]string{"GOMEMLIMIT": "1GiB"}, 2, noContainer, 200, 0, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := chooseMemorySettings(func(k string) string { return tc.env[k] }, tc.cores, tc.container)
			if err != nil {
				t.Fatal(err)
			}
			if gc := map[bool]int{true: m.gcPercent}[m.setGC]; gc != tc.wantGC {
				t.Errorf("GOGC set to %d, want %d (0: the environment's)", gc, tc.wantGC)
			}
			if tc.wantLimitFrom == "" {
				if m.setLimit {
					t.Errorf("GOMEMLIMIT from the environment was overridden with %d", m.limit)
				}
				return
			}
			if !m.setLimit || m.limit>>20 != tc.wantLimitMiB || !strings.Contains(m.limitFrom, tc.wantLimitFrom) {
				t.Errorf("limit %d MiB (%s, set %v), want %d MiB (%s)", m.limit>>20, m.limitFrom, m.setLimit, tc.wantLimitMiB, tc.wantLimitFrom)
			}
		})
	}
}

// How far the limit may follow the live heap: without a container, as far
// as it goes; in one, to the container's share.
func TestMemoryLimitCeilings(t *testing.T) {
	const MiB = 1 << 20
	for _, tc := range []struct {
		container  func() (uint64, error)
		wantMiB    int64
		whereFound string
	}{
		{func() (uint64, error) { return 0, memlimit.ErrNoLimit }, math.MaxInt64 >> 20, "no container"},
		{func() (uint64, error) { return 4096 * MiB, nil }, 3686, "a 4 GiB container"},
		{func() (uint64, error) { return 64 * MiB, nil }, 57, "a 64 MiB container"},
	} {
		m, err := chooseMemorySettings(func(string) string { return "" }, 2, tc.container)
		if err != nil {
			t.Fatal(err)
		}
		if m.ceiling>>20 != tc.wantMiB {
			t.Errorf("%s: the limit may rise to %d MiB, want %d", tc.whereFound, m.ceiling>>20, tc.wantMiB)
		}
	}
}

// The default limit rises with what the facade keeps alive once the live
// heap passes three quarters of it, leaving room above the heap that grows
// toward the heap's own size, and never above a container's share.
func TestMemoryLimitFollowsTheLiveHeap(t *testing.T) {
	const MiB = 1 << 20
	onHost := memorySettings{limit: 96 * MiB, ceiling: math.MaxInt64}
	inLargeContainer := memorySettings{limit: 96 * MiB, ceiling: 900 * MiB}
	inSmallContainer := memorySettings{limit: 57 * MiB, ceiling: 57 * MiB}
	for _, tc := range []struct {
		name    string
		m       memorySettings
		liveMiB uint64
		wantMiB int64
	}{
		{"a small live heap keeps the default", onHost, 30, 96},
		{"half the default", onHost, 48, 96},
		{"three quarters of the default", onHost, 72, 96},
		{"past three quarters", onHost, 80, 112},
		{"a full cache", onHost, 200, 352},
		{"a full cache in a large container", inLargeContainer, 200, 352},
		{"more than a large container allows", inLargeContainer, 600, 900},
		{"a small container stays hard", inSmallContainer, 50, 57},
	} {
		if got := tc.m.limitFor(tc.liveMiB * MiB); got != tc.wantMiB*MiB {
			t.Errorf("%s: live %d MiB gave a limit of %d MiB, want %d", tc.name, tc.liveMiB, got>>20, tc.wantMiB)
		}
	}
	if got := onHost.limitFor(math.MaxUint64); got != math.MaxInt64 {
		t.Errorf("an immense live heap gave %d, want no limit", got)
	}
}

// The runtime's own reading of the live heap raises the limit: a heap kept
// alive past a small default does not leave the collector running without pause.
func TestTheLimitRisesAboveARetainedHeap(t *testing.T) {
	const MiB = 1 << 20
	previous := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(previous) })
	retained := make([]byte, 64*MiB)
	for i := range retained {
		retained[i] = byte(i)
	}
	runtime.GC()
	m := memorySettings{limit: 8 * MiB, ceiling: math.MaxInt64, setLimit: true}
	m.apply()
	m.adjustToLiveHeap()
	if got := debug.SetMemoryLimit(-1); got < 124*MiB {
		t.Errorf("with 64 MiB kept alive the limit is %d MiB, want at least 124 (twice that less half of 8)", got>>20)
	}
	runtime.KeepAlive(retained)
}

func TestMalformedGOGCStopsTheServer(t *testing.T) {
	for _, value := range []string{"fast", "-1", "1.5"} {
		t.Setenv("GOGC", value)
		if _, err := parseServeConfig(nil); err == nil || !strings.Contains(err.Error(), "GOGC=") || !strings.Contains(err.Error(), "off") {
			t.Errorf("GOGC=%s gave %v, want a refusal naming GOGC", value, err)
		}
	}
}

// The running server applies the defaults to its own runtime, as its metrics
// show, and leaves alone what the environment sets.
func TestTheServerRunsWithItsMemoryDefaults(t *testing.T) {
	for _, tc := range []struct {
		env            []string
		gogc, memLimit string // as /metrics reports them; "" for the default limit
	}{
		{[]string{"GOGC=", "GOMEMLIMIT="}, "200", ""},
		// One core the process may use, as in a container limited to one CPU.
		{[]string{"GOGC=", "GOMEMLIMIT=", "GOMAXPROCS=1"}, "200", strconv.Itoa(64 << 20)},
		{[]string{"GOGC=75", "GOMEMLIMIT=300MiB"}, "75", strconv.Itoa(300 << 20)},
	} {
		t.Run(strings.Join(tc.env, " "), func(t *testing.T) {
			port := freePort(t)
			runCommand(t, append([]string{"PORT=" + strconv.Itoa(port)}, tc.env...))
			metrics := waitForMetrics(t, fmt.Sprintf("http://127.0.0.1:%d/metrics", port))
			if got := metricValue(metrics, "go_gc_gogc_percent"); got != tc.gogc {
				t.Errorf("go_gc_gogc_percent %q, want %s", got, tc.gogc)
			}
			limit := metricValue(metrics, "go_gc_gomemlimit_bytes")
			if tc.memLimit != "" && limit != tc.memLimit {
				t.Errorf("go_gc_gomemlimit_bytes %q, want %s", limit, tc.memLimit)
			}
			if tc.memLimit == "" {
				if n, err := strconv.ParseFloat(limit, 64); err != nil || n <= 0 || n >= 1<<40 {
					t.Errorf("go_gc_gomemlimit_bytes %q: the default soft limit was not applied", limit)
				}
			}
		})
	}
}

func waitForMetrics(t *testing.T, url string) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			body, readErr := io.ReadAll(resp.Body)
			resp.Body.Close()
			if readErr == nil && resp.StatusCode == http.StatusOK {
				return string(body)
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no metrics at %s: %v", url, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// metricValue is the value of an unlabelled metric in Prometheus' text format.
func metricValue(text, name string) string {
	for line := range strings.Lines(text) {
		if rest, ok := strings.CutPrefix(line, name+" "); ok {
			v := strings.TrimSpace(rest)
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				return strconv.FormatFloat(f, 'f', -1, 64)
			}
			return v
		}
	}
	return ""
}

// "Per core" counts the cores the process may use at once (GOMAXPROCS, which
// Go derives from a container's CPU limit), not the machine's.
func TestTheExecutingBoundCountsTheCoresTheProcessMayUse(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$", "--", "--help")
	cmd.Env = append(os.Environ(), "RUN_AS_COMMAND=1", "GOMAXPROCS=1")
	help, err := cmd.Output()
	if err != nil {
		t.Fatalf("--help: %v", err)
	}
	for line := range strings.Lines(string(help)) {
		if strings.Contains(line, "(MAX_EXECUTING_COST)") {
			if !strings.HasSuffix(strings.TrimSpace(line), "(default 8000)") {
				t.Errorf("with one core the default executing bound is not 8000: %s", line)
			}
			return
		}
	}
	t.Fatalf("--help does not describe MAX_EXECUTING_COST:\n%s", help)
}
