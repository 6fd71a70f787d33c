package upstream

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
)

// Tally counts what one caller's work cost upstream: HTTP calls made to
// Intercom and answers served from the cache instead. The facade attaches one
// per GraphQL operation, reports it in the response's extensions, and gives
// it a limit: the operation's promise that it never spends more.
type Tally struct {
	calls     atomic.Int64
	cacheHits atomic.Int64
	limit     int64 // 0: no limit

	firstCall       sync.Once
	beforeFirstCall func()
}

// BeforeFirstCall sets what runs once, just before the first call is sent:
// work worth starting only once the operation is sure to call Intercom
// (after its arguments were checked). Set it before the calls start.
func (t *Tally) BeforeFirstCall(fn func()) { t.beforeFirstCall = fn }

// Calls is the number of HTTP requests sent to Intercom (retries included:
// each spends rate budget).
func (t *Tally) Calls() int64 { return t.calls.Load() }

// CacheHits is the number of reads answered without calling Intercom.
func (t *Tally) CacheHits() int64 { return t.cacheHits.Load() }

// Limit is the most calls the tally lets through; 0 when it has none.
func (t *Tally) Limit() int64 { return t.limit }

type tallyKey struct{}

// WithTally returns a context whose upstream calls are counted in the returned tally.
func WithTally(ctx context.Context) (context.Context, *Tally) {
	return WithCallLimit(ctx, 0)
}

// WithCallLimit returns a context whose upstream calls are counted in the
// returned tally and stop at limit: the call that would exceed it is not
// sent and fails with a *CallLimitError. A limit of 0 counts without limiting.
func WithCallLimit(ctx context.Context, limit int64) (context.Context, *Tally) {
	t := &Tally{limit: max(limit, 0)}
	return context.WithValue(ctx, tallyKey{}, t), t
}

// TallyFrom returns the tally attached to ctx, or nil.
func TallyFrom(ctx context.Context) *Tally {
	t, _ := ctx.Value(tallyKey{}).(*Tally)
	return t
}

// CallLimitError is a call the operation's limit kept from being sent: the
// operation had already spent Spent of its Limit calls.
type CallLimitError struct {
	Operation string
	Spent     int64
	Limit     int64
}

func (e *CallLimitError) Error() string {
	return fmt.Sprintf("upstream: %s not sent: the operation has spent %d of its %d upstream calls", e.Operation, e.Spent, e.Limit)
}

// spendCall takes one call from the tally's limit before the call is sent.
// Concurrent callers race for the last calls; the ones that lose are refused,
// so the count never passes the limit.
func spendCall(ctx context.Context, operation string) error {
	t := TallyFrom(ctx)
	if t == nil {
		return nil
	}
	t.firstCall.Do(func() {
		if t.beforeFirstCall != nil {
			t.beforeFirstCall()
		}
	})
	n := t.calls.Add(1)
	if t.limit > 0 && n > t.limit {
		t.calls.Add(-1)
		return &CallLimitError{Operation: operation, Spent: t.limit, Limit: t.limit}
	}
	return nil
}

// refundCall gives back a call spent on an attempt that was never sent.
func refundCall(ctx context.Context) {
	if t := TallyFrom(ctx); t != nil {
		t.calls.Add(-1)
	}
}

func countCacheHit(ctx context.Context) {
	if t := TallyFrom(ctx); t != nil {
		t.cacheHits.Add(1)
	}
}
