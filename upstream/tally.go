package upstream

import (
	"context"
	"sync/atomic"
)

// Tally counts what one caller's work cost upstream: HTTP calls made to
// Intercom and answers served from the cache instead. The facade attaches one
// per GraphQL operation and reports it in the response's extensions.
type Tally struct {
	calls     atomic.Int64
	cacheHits atomic.Int64
}

// Calls is the number of HTTP requests sent to Intercom (retries included:
// each spends rate budget).
func (t *Tally) Calls() int64 { return t.calls.Load() }

// CacheHits is the number of reads answered without calling Intercom.
func (t *Tally) CacheHits() int64 { return t.cacheHits.Load() }

type tallyKey struct{}

// WithTally returns a context whose upstream calls are counted in the returned tally.
func WithTally(ctx context.Context) (context.Context, *Tally) {
	t := &Tally{}
	return context.WithValue(ctx, tallyKey{}, t), t
}

// TallyFrom returns the tally attached to ctx, or nil.
func TallyFrom(ctx context.Context) *Tally {
	t, _ := ctx.Value(tallyKey{}).(*Tally)
	return t
}

func countCall(ctx context.Context) {
	if t := TallyFrom(ctx); t != nil {
		t.calls.Add(1)
	}
}

func countCacheHit(ctx context.Context) {
	if t := TallyFrom(ctx); t != nil {
		t.cacheHits.Add(1)
	}
}
