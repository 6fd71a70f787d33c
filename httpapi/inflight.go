package httpapi

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"

	"intercom-graphql/graph/errcode"
)

// slotLimit bounds what is in flight at once: max for the server, and
// perClient for any one client, so that a single client, however slow or
// abusive its requests, can never take every slot and lock the others out.
type slotLimit struct {
	what              string // "concurrent requests", "live connections"
	setting           string // the setting that raises the server's bound
	max, perClient    int
	retryAfterSeconds int
	reason            string // extensions.reason of the server's refusal

	mu       sync.Mutex
	total    int
	byClient map[string]int
}

// fairShare is the default per-client bound: a quarter of the server's.
func fairShare(limit int) int { return max(limit/4, 1) }

type slotAnswer int

const (
	slotTaken slotAnswer = iota
	slotClientFull
	slotServerFull
)

func (l *slotLimit) acquire(client string) slotAnswer {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case l.total >= l.max:
		return slotServerFull
	case l.byClient[client] >= l.perClient:
		return slotClientFull
	}
	l.total++
	l.byClient[client]++
	return slotTaken
}

func (l *slotLimit) release(client string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total--
	if l.byClient[client]--; l.byClient[client] <= 0 {
		delete(l.byClient, client)
	}
}

// handler serves within the limit and answers at once beyond it, with
// Retry-After: 429 to the client that holds its whole share, 503 when the
// server is full.
func (l *slotLimit) handler(next http.Handler) http.Handler {
	l.byClient = map[string]int{}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := clientKey(r)
		switch l.acquire(client) {
		case slotTaken:
			defer l.release(client)
			next.ServeHTTP(w, r)
		case slotClientFull:
			w.Header().Set("Retry-After", strconv.Itoa(l.retryAfterSeconds))
			writeGraphQLError(w, http.StatusTooManyRequests, errcode.BadUserInput,
				fmt.Sprintf("this client already has %d %s open, its share of the server's %d; wait for one to finish", l.perClient, l.what, l.max),
				map[string]any{"reason": "CLIENT_CONCURRENCY_LIMITED"})
		case slotServerFull:
			w.Header().Set("Retry-After", strconv.Itoa(l.retryAfterSeconds))
			writeGraphQLError(w, http.StatusServiceUnavailable, errcode.Unavailable,
				fmt.Sprintf("the server is at its limit of %s (%s); retry shortly", l.what, l.setting),
				map[string]any{"reason": l.reason})
		}
	})
}

// concurrencyLimit bounds the queries and mutations in flight.
func concurrencyLimit(limit, perClient int, next http.Handler) http.Handler {
	l := &slotLimit{what: "concurrent requests", setting: "MAX_CONCURRENT_REQUESTS", max: limit, perClient: perClient,
		retryAfterSeconds: 1, reason: "TOO_MANY_REQUESTS_IN_FLIGHT"}
	return l.handler(next)
}

// liveConnectionLimit bounds the open live connections (WebSockets and
// event streams), which last as long as their clients listen.
func liveConnectionLimit(limit, perClient int, next http.Handler) http.Handler {
	l := &slotLimit{what: "live connections", setting: "MAX_SUBSCRIPTIONS", max: limit, perClient: perClient,
		retryAfterSeconds: 5, reason: "TOO_MANY_SUBSCRIPTIONS"}
	return l.handler(next)
}
