package loaders

import (
	"context"
	"sync"
)

// once runs a fetch at most once per operation and hands every caller the
// same answer: Intercom's unpaginated reference lists (admins, teams) are
// read whole the first time any field needs one of their items.
type once[T any] struct {
	mu   sync.Mutex
	done bool
	val  T
	err  error
}

func (o *once[T]) get(ctx context.Context, fetch func(context.Context) (T, error)) (T, error) {
	if unbatchedIn(ctx) {
		return fetch(ctx) // the baseline: every need reads the list again
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.done {
		o.val, o.err = fetch(ctx)
		o.done = true
	}
	return o.val, o.err
}

// loaded reports whether the fetch has run in this operation.
func (o *once[T]) loaded() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.done
}
