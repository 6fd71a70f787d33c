package httpapi

import (
	"context"
	"sync"
	"time"
)

// CachedProbe remembers a probe's answer for ttl, so a load balancer that
// checks /readyz every second does not spend Intercom's rate budget.
func CachedProbe(ttl time.Duration, probe func(context.Context) error) func(context.Context) error {
	var mu sync.Mutex
	var checked time.Time
	var last error
	return func(ctx context.Context) error {
		mu.Lock()
		defer mu.Unlock()
		if !checked.IsZero() && time.Since(checked) < ttl {
			return last
		}
		last = probe(ctx)
		checked = time.Now()
		return last
	}
}
