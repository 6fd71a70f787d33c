package upstream

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Rate is the rate-limit budget as Intercom last reported it.
type Rate struct {
	Limit     int       // calls allowed in the current window
	Remaining int       // calls left in the current window
	Reset     time.Time // when the window refills
	Observed  time.Time // when Intercom said so; zero before the first answer
}

// Known reports whether any response has carried rate-limit headers yet.
func (r Rate) Known() bool { return !r.Observed.IsZero() }

type rateState struct {
	mu   sync.Mutex
	last Rate
}

// rateFrom reads an answer's X-RateLimit-* headers; ok is false when they
// are missing or malformed.
func rateFrom(h http.Header) (r Rate, ok bool) {
	limit, errL := strconv.Atoi(h.Get("X-RateLimit-Limit"))
	remaining, errR := strconv.Atoi(h.Get("X-RateLimit-Remaining"))
	reset, errT := strconv.ParseInt(h.Get("X-RateLimit-Reset"), 10, 64)
	if errL != nil || errR != nil || errT != nil {
		return Rate{}, false
	}
	return Rate{Limit: limit, Remaining: remaining, Reset: time.Unix(reset, 0), Observed: time.Now()}, true
}

// observe records an answer's budget. Answers can arrive out of order, so an
// older window never overwrites a newer one, and within a window the lowest
// remaining count wins.
func (s *rateState) observe(next Rate) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case next.Reset.After(s.last.Reset):
		s.last = next
	case next.Reset.Equal(s.last.Reset) && next.Remaining < s.last.Remaining:
		s.last = next
	}
}

func (s *rateState) current() Rate {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

// Rate is the budget Intercom reported on its latest answer.
func (c *Client) Rate() Rate { return c.rate.current() }

// Budget is the client's own estimate of the calls it may still make before
// Intercom's window resets: Intercom's last count, minus what was sent since.
// ok is false until an answer has described the current window.
func (c *Client) Budget() (calls int, resetAt time.Time, ok bool) { return c.pacer.available() }

// Affordable reports whether n more calls can be made without meeting the
// rate limit: they fit in what is left of the window, or the window refills
// within the wait the client accepts. When they cannot, resetAt says when
// the budget refills.
func (c *Client) Affordable(n int) (ok bool, resetAt time.Time) {
	calls, reset, known := c.pacer.available()
	if !known || n <= calls || time.Until(reset) <= c.retry.MaxRateLimitWait {
		return true, reset
	}
	return false, reset
}
