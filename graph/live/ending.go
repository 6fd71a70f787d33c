package live

import (
	"context"
	"sync"
)

// Ending carries why a subscription stream ended from the resolver that saw
// it end to the transport that tells the client: the stream itself can only
// stop, not say why.
type Ending struct {
	mu       sync.Mutex
	err      error
	reported bool
}

type endingKey struct{}

// WithEnding gives a subscription operation a place to record why it ended.
func WithEnding(ctx context.Context) (context.Context, *Ending) {
	e := &Ending{}
	return context.WithValue(ctx, endingKey{}, e), e
}

// EndingFrom returns the operation's Ending, or nil outside a subscription.
func EndingFrom(ctx context.Context) *Ending {
	e, _ := ctx.Value(endingKey{}).(*Ending)
	return e
}

// Set records why the stream ended; the first reason wins.
func (e *Ending) Set(err error) {
	if e == nil || err == nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.err == nil {
		e.err = err
	}
}

// Report returns the reason once, so the client is told exactly once; it
// returns nil when there is none or it was already reported.
func (e *Ending) Report() error {
	if e == nil {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.reported || e.err == nil {
		return nil
	}
	e.reported = true
	return e.err
}
