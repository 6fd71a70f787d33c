package live

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/maypok86/otter/v2"
	"github.com/redis/go-redis/v9"
)

// DefaultDedupeWindow is how long a notification id is remembered. Intercom
// retries a failed delivery for a while; a day covers its retries with room
// to spare while keeping the set of remembered ids small.
const DefaultDedupeWindow = 24 * time.Hour

// maxRememberedIDs bounds the in-process set of seen ids; past it the least
// recently useful ids are forgotten first.
const maxRememberedIDs = 100_000

// deduper remembers which notification ids were already accepted.
type deduper interface {
	// first records id and reports whether it was new.
	first(ctx context.Context, id string) bool
	// forget drops id, so a redelivery is accepted again.
	forget(ctx context.Context, id string)
	close()
}

// memoryDeduper remembers ids in this process. Its cache is built on first
// use: an expiring cache runs a cleanup goroutine, which a server that never
// receives a webhook has no use for.
type memoryDeduper struct {
	window time.Duration
	mu     sync.Mutex
	seen   *otter.Cache[string, struct{}]
}

func newMemoryDeduper(window time.Duration) *memoryDeduper { return &memoryDeduper{window: window} }

func (m *memoryDeduper) cache() *otter.Cache[string, struct{}] {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen == nil {
		m.seen = otter.Must(&otter.Options[string, struct{}]{
			MaximumSize:      maxRememberedIDs,
			ExpiryCalculator: otter.ExpiryWriting[string, struct{}](m.window),
		})
	}
	return m.seen
}

func (m *memoryDeduper) first(_ context.Context, id string) bool {
	_, added := m.cache().SetIfAbsent(id, struct{}{})
	return added
}

func (m *memoryDeduper) forget(_ context.Context, id string) { m.cache().Invalidate(id) }

// close stops the cache's cleanup goroutine, if the cache was ever built;
// the cache still answers afterwards, expiring ids as it is used.
func (m *memoryDeduper) close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen != nil {
		m.seen.StopAllGoroutines()
	}
}

// redisDeduper lets replicas agree on which ids were accepted: the first
// SET NX wins wherever the redelivery lands. When Redis fails it falls back
// to this replica's memory, so webhooks keep flowing.
type redisDeduper struct {
	client   *redis.Client
	prefix   string
	window   time.Duration
	fallback *memoryDeduper
	log      *slog.Logger
}

func (r *redisDeduper) first(ctx context.Context, id string) bool {
	added, err := r.client.SetNX(ctx, r.prefix+id, 1, r.window).Result()
	if err != nil {
		r.log.WarnContext(ctx, "webhook deduplication through Redis failed; deduplicating in this replica only", "error", err)
		return r.fallback.first(ctx, id)
	}
	return added
}

func (r *redisDeduper) close() { r.fallback.close() }

func (r *redisDeduper) forget(ctx context.Context, id string) {
	r.fallback.forget(ctx, id)
	if err := r.client.Del(ctx, r.prefix+id).Err(); err != nil {
		r.log.WarnContext(ctx, "forgetting a webhook notification id in Redis failed", "error", err)
	}
}
