package upstream

import (
	"context"
	"errors"
)

// ErrNotCached is the answer to a cache-only read the cache cannot give.
var ErrNotCached = errors.New("upstream: not in the cache")

type cacheOnlyKey struct{}

// CacheOnly returns a context whose reads are answered from the response
// cache or not at all (ErrNotCached): nothing is sent to Intercom. Loaders use
// it to answer what the cache holds at once, instead of waiting to batch.
func CacheOnly(ctx context.Context) context.Context {
	return context.WithValue(ctx, cacheOnlyKey{}, true)
}
