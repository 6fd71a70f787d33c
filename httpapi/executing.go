package httpapi

import (
	"context"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"intercom-graphql/graph"
	"intercom-graphql/graph/errcode"
)

// DefaultExecutingCostPerCore is the default MAX_EXECUTING_COST per core. An
// operation's memory and CPU grow with the objects it reaches, which its cost
// estimate counts; at 200 inbox dashboards at once the unbounded facade held
// about 2 MB per query in flight. 8000 a core lets about ten inbox queries
// (estimate 755) execute per core, about as many as the CPU can serve, while
// the rest wait their turn holding only their parsed request. Measured on 2
// cores with 200 inbox clients (docs/performance.md): with the default soft
// memory limit (memory.go) it peaked from 116 to 121 MiB over eight runs, at 177
// to 187 dashboards a second; with Go's memory defaults, from 120 to 139 MiB.
const DefaultExecutingCostPerCore = 8000

// DefaultMaxExecutingCost is the server's default bound on the summed cost
// estimates of the operations executing at once. Its cores are those the
// process may run on at once, GOMAXPROCS, which Go derives from the CPUs it
// may use and a container's CPU limit: a pod limited to 2 CPUs on a 64-core
// node is sized for 2.
func DefaultMaxExecutingCost() int { return DefaultExecutingCostPerCore * runtime.GOMAXPROCS(0) }

// defaultExecutingQueueWait is the longest an operation waits for room before it is
// refused: long enough to ride out a burst of dashboards, short enough that a
// client learns soon that the server is saturated.
const defaultExecutingQueueWait = 10 * time.Second

// executingCost bounds the work executing at once by what the cost estimate
// says each operation reaches, server-wide and per client. The HTTP wrapper
// carries the client's key and the eventual refusal's status; the gqlgen
// extension, which runs once costLimit has priced the operation, waits for
// room (so the estimate is computed once).
type executingCost struct {
	max, perClient int
	wait           time.Duration

	mu       sync.Mutex
	total    int
	byClient map[string]int
	queue    []*costWaiter // first come, first served

	// observeWait, when set, learns how long an operation that found no room
	// waited, and whether it then ran (the metrics' histogram).
	observeWait func(waited time.Duration, admitted bool)
}

// state is what the metrics read: the summed weights executing and the
// operations waiting for room.
func (l *executingCost) state() (executing, waiting int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.total, len(l.queue)
}

// costWaiter is an operation waiting for room.
type costWaiter struct {
	client  string
	weight  int
	granted chan struct{}
}

// executingTicket is a request's place in the executing limit: what it holds
// and, when it was refused, the status its answer must carry.
type executingTicket struct {
	limit  *executingCost
	client string
	held   int
	status int
}

type executingTicketKey struct{}

// executingCostLimit wraps the queries' handler: each request carries a ticket
// the extension fills, and gives back what it held when it ends.
func executingCostLimit(limits Limits, metrics *Metrics, next http.Handler) http.Handler {
	l := &executingCost{max: limits.MaxExecutingCost, perClient: limits.MaxExecutingCostPerClient, wait: limits.ExecutingQueueWait, byClient: map[string]int{}}
	if metrics != nil {
		metrics.watchExecuting(l)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ticket := &executingTicket{limit: l, client: clientKey(r)}
		defer ticket.release()
		next.ServeHTTP(&refusalStatus{ResponseWriter: w, ticket: ticket}, r.WithContext(context.WithValue(r.Context(), executingTicketKey{}, ticket)))
	})
}

func (t *executingTicket) release() {
	if t.held > 0 {
		t.limit.release(t.client, t.held)
		t.held = 0
	}
}

// refusalStatus gives a refused operation's answer its status and
// Retry-After, as the concurrency limits' refusals have.
type refusalStatus struct {
	http.ResponseWriter
	ticket      *executingTicket
	wroteHeader bool
}

func (w *refusalStatus) WriteHeader(status int) {
	if w.wroteHeader {
		return
	}
	w.wroteHeader = true
	if w.ticket.status != 0 {
		w.Header().Set("Retry-After", "1")
		status = w.ticket.status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *refusalStatus) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK) // a refusal's status replaces it
	}
	return w.ResponseWriter.Write(b)
}

func (w *refusalStatus) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Flush passes on to the connection, for answers written in parts.
func (w *refusalStatus) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// weight is what an operation holds while it executes: its estimate, at
// least 1, and never more than a client may hold, so that every operation
// can run once the others finish.
func (l *executingCost) weight(estimate int) int { return min(max(estimate, 1), l.perClient, l.max) }

func (l *executingCost) fits(client string, weight int) bool {
	return l.total+weight <= l.max && l.byClient[client]+weight <= l.perClient
}

func (l *executingCost) take(client string, weight int) {
	l.total += weight
	l.byClient[client] += weight
}

// acquire takes room for weight, waiting up to l.wait (and no
// longer than ctx) behind the operations that came first.
func (l *executingCost) acquire(ctx context.Context, client string, weight int) (ok, clientFull bool) {
	l.mu.Lock()
	if l.fits(client, weight) && !l.queueWaitsForRoom(weight) {
		l.take(client, weight)
		l.mu.Unlock()
		return true, false
	}
	w := &costWaiter{client: client, weight: weight, granted: make(chan struct{})}
	l.queue = append(l.queue, w)
	l.mu.Unlock()

	queued := time.Now()
	defer func() {
		if l.observeWait != nil {
			l.observeWait(time.Since(queued), ok)
		}
	}()
	timer := time.NewTimer(l.wait)
	defer timer.Stop()
	select {
	case <-w.granted:
		return true, false
	case <-timer.C:
	case <-ctx.Done():
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	select {
	case <-w.granted: // granted while the wait ended
		return true, false
	default:
	}
	for i, q := range l.queue {
		if q == w {
			l.queue = append(l.queue[:i], l.queue[i+1:]...)
			break
		}
	}
	// As with the concurrency limits, a full server is the answer before a full client.
	return false, l.total+weight <= l.max && l.byClient[client]+weight > l.perClient
}

// queueWaitsForRoom reports whether an operation queued ahead waits for the
// server's room, which a newcomer of weight must not take before it. Those
// that wait only for their own client's share hold back nobody else.
func (l *executingCost) queueWaitsForRoom(weight int) bool {
	for _, w := range l.queue {
		if l.total+w.weight > l.max || l.total+weight+w.weight > l.max {
			return true
		}
	}
	return false
}

// release gives back weight and lets in the waiting operations that now fit,
// in their order of arrival. One that only its own client's share holds back
// does not hold back the others.
func (l *executingCost) release(client string, weight int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total -= weight
	if l.byClient[client] -= weight; l.byClient[client] <= 0 {
		delete(l.byClient, client)
	}
	waiting := l.queue[:0]
	serverFull := false
	for _, w := range l.queue {
		if !serverFull && l.fits(w.client, w.weight) {
			l.take(w.client, w.weight)
			close(w.granted)
			continue
		}
		serverFull = serverFull || l.total+w.weight > l.max
		waiting = append(waiting, w)
	}
	clear(l.queue[len(waiting):])
	l.queue = waiting
}

// executingGate is the gqlgen side of the limit: it must be used after
// costLimit, whose price it reads.
type executingGate struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = executingGate{}

func (executingGate) ExtensionName() string                   { return "ExecutingCost" }
func (executingGate) Validate(graphql.ExecutableSchema) error { return nil }

func (executingGate) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	ticket, ok := ctx.Value(executingTicketKey{}).(*executingTicket)
	if !ok || opCtx.Operation == nil || opCtx.Operation.Operation == ast.Subscription || ticket.held > 0 {
		return nil // live connections are bounded by MAX_SUBSCRIPTIONS
	}
	stats, ok := opCtx.Stats.GetExtension(graph.CostStatsExtension).(*graph.CostStats)
	if !ok {
		return nil
	}
	estimate := stats.Cost.Estimate
	if dryRunRequested(opCtx.Operation, opCtx.Variables) {
		estimate = 1 // only rateLimit runs
	}
	l := ticket.limit
	weight := l.weight(estimate)
	granted, clientFull := l.acquire(ctx, ticket.client, weight)
	if granted {
		ticket.held = weight
		return nil
	}
	err := gqlerror.Errorf("the server is at its limit of work executing at once (MAX_EXECUTING_COST); retry shortly")
	err.Extensions = map[string]any{"code": errcode.Unavailable, "reason": "TOO_MUCH_EXECUTING"}
	ticket.status = http.StatusServiceUnavailable
	if clientFull {
		err = gqlerror.Errorf("this client's queries executing at once already reach its share (%d) of the server's limit (MAX_EXECUTING_COST_PER_CLIENT); wait for one to finish", l.perClient)
		err.Extensions = map[string]any{"code": errcode.BadUserInput, "reason": "CLIENT_CONCURRENCY_LIMITED"}
		ticket.status = http.StatusTooManyRequests
	}
	err.Extensions["cost"] = map[string]any{"estimate": stats.Cost.Estimate, "executingLimit": l.max}
	return err
}
