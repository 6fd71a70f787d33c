// Package cache holds the cross-request caches of Intercom's answers: in
// memory by default, in Redis when replicas should share one.
package cache

import (
	"context"
	"sync"
	"time"

	"github.com/maypok86/otter/v2"
)

// Memory is a size-bounded in-process cache with a TTL per entry.
type Memory struct {
	entries *otter.Cache[string, entry]

	mu          sync.Mutex
	generations map[string]int64
}

type entry struct {
	body []byte
	ttl  time.Duration
}

// NewMemory keeps at most maxEntries answers; the least valuable go first
// when it is full (otter's W-TinyLFU policy).
func NewMemory(maxEntries int) *Memory {
	return &Memory{
		entries: otter.Must(&otter.Options[string, entry]{
			MaximumSize: maxEntries,
			ExpiryCalculator: otter.ExpiryWritingFunc(func(e otter.Entry[string, entry]) time.Duration {
				return e.Value.ttl
			}),
		}),
		generations: map[string]int64{},
	}
}

// Get returns a cached answer.
func (m *Memory) Get(_ context.Context, key string) ([]byte, bool) {
	e, ok := m.entries.GetIfPresent(key)
	return e.body, ok
}

// Set stores an answer for ttl.
func (m *Memory) Set(_ context.Context, key string, body []byte, ttl time.Duration) {
	m.entries.Set(key, entry{body: body, ttl: ttl})
}

// Generation is the scope's current generation.
func (m *Memory) Generation(_ context.Context, scope string) int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.generations[scope]
}

// Bump starts a new generation of the scope; entries of older generations
// are never read again and age out.
func (m *Memory) Bump(_ context.Context, scope string) {
	m.mu.Lock()
	m.generations[scope]++
	m.mu.Unlock()
}
