package intercomsim

import (
	"sync"
	"time"
)

// windowLimiter is Intercom's rate limit: a fixed budget of calls per window,
// windows aligned on the clock so X-RateLimit-Reset is the same for every caller.
type windowLimiter struct {
	budget int
	window time.Duration
	now    func() time.Time

	mu    sync.Mutex
	start time.Time
	used  int
}

func newWindowLimiter(budget int, window time.Duration, now func() time.Time) *windowLimiter {
	return &windowLimiter{budget: budget, window: window, now: now}
}

// take spends one call. It reports what is left, when the window refills, and
// whether the call fits in the budget.
func (l *windowLimiter) take() (remaining int, reset time.Time, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	start := now.Truncate(l.window)
	if !start.Equal(l.start) {
		l.start, l.used = start, 0
	}
	reset = l.start.Add(l.window)
	if l.used >= l.budget {
		return 0, reset, false
	}
	l.used++
	return l.budget - l.used, reset, true
}

// setBudget changes the calls allowed per window from now on.
func (l *windowLimiter) setBudget(budget int) {
	l.mu.Lock()
	l.budget = budget
	l.mu.Unlock()
}
