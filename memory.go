package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"

	"github.com/KimMachineGun/automemlimit/memlimit"
)

// The Go runtime's own settings, GOGC and GOMEMLIMIT, size the heap. Where they
// are unset the facade chooses them for its load: the work executing at once is
// already bounded (MAX_EXECUTING_COST, per core), so the memory it needs is too,
// and a soft limit sized to it lets the collector run rarely while the heap is
// small (GOGC 200) without letting a burst of garbage double the process
// (docs/performance.md measured both: the 200-client inbox peaked 20 MiB
// higher, and from run to run less predictably, without the limit).
const (
	defaultGCPercent      = 200
	memoryLimitBase       = 32 << 20 // the idle facade, its caches and its connections
	memoryLimitPerCore    = 32 << 20 // what a core's share of MAX_EXECUTING_COST keeps alive, twice over
	containerLimitPercent = 90       // under a container's limit, room for what is not Go heap
)

// memorySettings is what the runtime is told, and why, for the startup log.
type memorySettings struct {
	gcPercent int    // applied when setGC
	limit     int64  // bytes, applied when setLimit
	ceiling   int64  // bytes the limit may be raised to as the live heap grows
	limitFrom string // where the limit comes from
	setGC     bool
	setLimit  bool
	gogcEnv   string
	gomemEnv  string
}

// chooseMemorySettings decides GOGC and GOMEMLIMIT from the environment, the
// cores and the container's memory limit (containerLimit answers
// memlimit.ErrNoLimit, or another error, when there is none to read). A
// malformed GOGC stops the server: the runtime itself would quietly take 100.
// A malformed GOMEMLIMIT never gets here: the runtime refuses to start with it.
func chooseMemorySettings(getenv func(string) string, cores int, containerLimit func() (uint64, error)) (memorySettings, error) {
	m := memorySettings{gogcEnv: getenv("GOGC"), gomemEnv: getenv("GOMEMLIMIT")}
	if m.gogcEnv == "" {
		m.gcPercent, m.setGC = defaultGCPercent, true
	} else if !strings.EqualFold(m.gogcEnv, "off") {
		if n, err := strconv.Atoi(m.gogcEnv); err != nil || n < 0 {
			return m, fmt.Errorf("GOGC=%q: want a whole number of percent (100 is Go's own default) or off", m.gogcEnv)
		}
	}
	if m.gomemEnv != "" {
		return m, nil
	}
	m.limit = int64(memoryLimitBase + memoryLimitPerCore*max(cores, 1))
	m.limitFrom = fmt.Sprintf("%d MiB and %d MiB per core, %d cores", memoryLimitBase>>20, memoryLimitPerCore>>20, max(cores, 1))
	m.ceiling = math.MaxInt64
	if container, err := containerLimit(); err == nil && container > 0 && container < math.MaxInt64 {
		share := int64(container / 100 * containerLimitPercent)
		m.ceiling = share
		if share < m.limit {
			m.limit = share
			m.limitFrom = fmt.Sprintf("%d %% of the container's %d MiB", containerLimitPercent, container>>20)
		}
	} else if err != nil && !errors.Is(err, memlimit.ErrNoLimit) {
		// No cgroup to read (another OS, or none assigned): the per-core limit stands.
		m.limitFrom += "; no container limit read: " + err.Error()
	}
	m.setLimit = true
	return m, nil
}

// apply hands the chosen settings to the runtime, leaving alone what the
// environment set.
func (m memorySettings) apply() {
	if m.setGC {
		debug.SetGCPercent(m.gcPercent)
	}
	if m.setLimit {
		debug.SetMemoryLimit(m.limit)
	}
}

// limitFor is the soft limit for a live heap of live bytes. Up to three
// quarters of the chosen limit, the chosen limit: the bounded executing work
// stays under that, and the limit is what holds its peak. Past it, twice the
// live heap less half the chosen limit, so the room above the heap never falls
// under a quarter of the chosen limit and grows toward the heap's own size
// (what GOGC 100 gives); never above a container's share. A limit at or below
// the live heap would leave the collector running without pause, taking up
// to half the CPU; under a container's limit that is still better than the
// kernel's OOM killer.
func (m memorySettings) limitFor(live uint64) int64 {
	want := int64(math.MaxInt64)
	if live < math.MaxInt64/4 {
		want = int64(live*2) - m.limit/2
	}
	return min(max(m.limit, want), m.ceiling)
}

// followLiveHeap keeps the default soft limit above what the facade keeps
// alive, once a second, for as long as ctx lives: what the executing bound
// holds is what the default is sized to, but a full answer cache
// (CACHE_MAX_ENTRIES) or many subscribers can outgrow it. Nothing to follow
// when the limit came from the environment or a small container. (A ticker
// of our own rather than automemlimit's refresh, which would also read its
// own AUTOMEMLIMIT variable and log every change.)
func (m memorySettings) followLiveHeap(ctx context.Context) {
	if !m.setLimit || m.ceiling <= m.limit {
		return
	}
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			m.adjustToLiveHeap()
		}
	}
}

// adjustToLiveHeap sets the soft limit for the live heap the last collection
// found.
func (m memorySettings) adjustToLiveHeap() {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() == metrics.KindUint64 {
		debug.SetMemoryLimit(m.limitFor(live[0].Value.Uint64()))
	}
}

// logAttrs describes the settings in effect for the startup log.
func (m memorySettings) logAttrs() []any {
	gc := "GOGC " + m.gogcEnv + " (from the environment)"
	if m.setGC {
		gc = fmt.Sprintf("GOGC %d (default)", m.gcPercent)
	}
	limit := "GOMEMLIMIT " + m.gomemEnv + " (from the environment)"
	if m.setLimit {
		limit = fmt.Sprintf("GOMEMLIMIT %d MiB (default: %s)", m.limit>>20, m.limitFrom)
		if m.ceiling > m.limit {
			limit += ", raised as the live heap passes three quarters of it"
		}
		if m.ceiling > m.limit && m.ceiling < math.MaxInt64 {
			limit += fmt.Sprintf(", up to %d MiB", m.ceiling>>20)
		}
	}
	return []any{"gc", gc, "limit", limit}
}
