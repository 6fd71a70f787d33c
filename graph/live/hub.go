package live

import (
	"errors"
	"fmt"
	"sync"
)

// ErrSlowSubscriber ends a subscription whose reader fell behind by a whole
// buffer: delivering to it would either block everyone else or grow memory
// without bound, so it is ended and the others carry on.
var ErrSlowSubscriber = errors.New("the subscription was ended because its client did not read events as fast as they arrived " +
	"and its buffer filled up; subscribe again (ask a narrower filter if events come faster than the client can take them)")

// ErrShuttingDown ends every subscription when the server stops.
var ErrShuttingDown = errors.New("the server is shutting down; subscribe again to be served by another replica")

// LimitError refuses a subscription beyond the server's maximum.
type LimitError struct{ Max int }

func (e *LimitError) Error() string {
	return fmt.Sprintf("the server already serves its maximum of %d live subscriptions; retry shortly", e.Max)
}

// Hub fans events out to this process's subscribers. Each subscriber has a
// bounded buffer; a subscriber whose buffer is full when an event arrives is
// ended with ErrSlowSubscriber, so delivery never waits on any one reader.
type Hub struct {
	buffer int
	max    int

	mu     sync.Mutex
	subs   map[*Subscription]struct{}
	closed bool
}

// NewHub builds a hub whose subscribers buffer up to buffer events each, and
// which serves at most max subscriptions at once.
func NewHub(buffer, max int) *Hub {
	return &Hub{buffer: max1(buffer), max: max1(max), subs: map[*Subscription]struct{}{}}
}

func max1(n int) int { return max(n, 1) }

// Subscription receives the events its match function accepts, on C, until
// it is closed, ended by the hub, or the hub shuts down. When C is closed,
// Err says why the hub ended it (nil when the subscriber closed it).
type Subscription struct {
	C <-chan *Event

	hub   *Hub
	match func(*Event) bool
	ch    chan *Event
	err   error // guarded by hub.mu
	ended bool  // guarded by hub.mu
}

// Subscribe adds a subscriber receiving the events match accepts.
func (h *Hub) Subscribe(match func(*Event) bool) (*Subscription, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, ErrShuttingDown
	}
	if len(h.subs) >= h.max {
		return nil, &LimitError{Max: h.max}
	}
	ch := make(chan *Event, h.buffer)
	s := &Subscription{C: ch, hub: h, match: match, ch: ch}
	h.subs[s] = struct{}{}
	return s, nil
}

// Deliver hands ev to every subscriber that accepts it, without waiting on any.
func (h *Hub) Deliver(ev *Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		if s.match != nil && !s.match(ev) {
			continue
		}
		select {
		case s.ch <- ev:
		default:
			h.endLocked(s, ErrSlowSubscriber)
		}
	}
}

// Len is the number of subscriptions being served.
func (h *Hub) Len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// Close ends every subscription with ErrShuttingDown and refuses new ones.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for s := range h.subs {
		h.endLocked(s, ErrShuttingDown)
	}
}

func (h *Hub) endLocked(s *Subscription, err error) {
	if s.ended {
		return
	}
	s.ended, s.err = true, err
	delete(h.subs, s)
	close(s.ch)
}

// Close stops the subscription; it is safe to call more than once and after
// the hub ended it.
func (s *Subscription) Close() {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	s.hub.endLocked(s, nil)
}

// Err says why the hub ended the subscription; nil while it runs or when
// the subscriber closed it.
func (s *Subscription) Err() error {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	return s.err
}
