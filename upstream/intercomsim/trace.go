package intercomsim

import (
	"slices"
	"sync"
	"time"
)

// CallSpan is when the simulator received a request and when it finished answering.
type CallSpan struct {
	Method, Path string
	Start, End   time.Time
}

// tracer records the span of every request while enabled, for benchmarks
// that measure how many rounds of calls lie on a query's critical path.
type tracer struct {
	mu      sync.Mutex
	enabled bool
	spans   []CallSpan
}

// StartTrace begins recording request spans, discarding earlier ones.
func (s *Simulator) StartTrace() {
	s.trace.mu.Lock()
	s.trace.enabled, s.trace.spans = true, nil
	s.trace.mu.Unlock()
}

// StopTrace stops recording and returns the spans recorded since StartTrace.
func (s *Simulator) StopTrace() []CallSpan {
	s.trace.mu.Lock()
	defer s.trace.mu.Unlock()
	s.trace.enabled = false
	return slices.Clone(s.trace.spans)
}

func (t *tracer) record(method, path string, start time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.enabled {
		t.spans = append(t.spans, CallSpan{Method: method, Path: path, Start: start, End: time.Now()})
	}
}

// Rounds is the length of the longest chain of spans each of which started
// after the previous one ended: the upstream round trips a client had to
// wait for one after another.
func Rounds(spans []CallSpan) int {
	sorted := slices.Clone(spans)
	slices.SortFunc(sorted, func(a, b CallSpan) int { return a.Start.Compare(b.Start) })
	chain := make([]int, len(sorted))
	longest := 0
	for i, s := range sorted {
		chain[i] = 1
		for j := range i {
			if !sorted[j].End.After(s.Start) {
				chain[i] = max(chain[i], chain[j]+1)
			}
		}
		longest = max(longest, chain[i])
	}
	return longest
}
