package httpapi

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"intercom-graphql/upstream"
)

// Metrics are the facade's Prometheus metrics, served on /metrics. They
// implement upstream.Observer to see every upstream call and cache answer.
type Metrics struct {
	registry         *prometheus.Registry
	upstreamRequests *prometheus.CounterVec
	upstreamLatency  *prometheus.HistogramVec
	cacheLookups     *prometheus.CounterVec
	graphqlRequests  *prometheus.CounterVec
	graphqlErrors    *prometheus.CounterVec
	graphqlEvents    *prometheus.CounterVec
	operations       operationNames
}

// NewMetrics registers the facade's metrics (and the Go runtime's) on a fresh registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		upstreamRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "intercom_upstream_requests_total",
			Help: "HTTP requests sent to Intercom, by operationId and status (0: no answer).",
		}, []string{"operation", "status"}),
		upstreamLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "intercom_upstream_request_duration_seconds",
			Help:    "Time from sending a request to Intercom to reading its whole answer, by operationId.",
			Buckets: []float64{.01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"operation"}),
		cacheLookups: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "intercom_cache_lookups_total",
			Help: "Cacheable reads, by result: hit (answered without Intercom) or miss.",
		}, []string{"result"}),
		graphqlRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "graphql_requests_total",
			Help: "GraphQL operations executed, by operation type and name.",
		}, []string{"type", "operation"}),
		graphqlErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "graphql_errors_total",
			Help: "Errors in GraphQL responses, by operation name and extensions.code.",
		}, []string{"operation", "code"}),
		graphqlEvents: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "graphql_subscription_events_total",
			Help: "Events delivered to subscribers, by subscription operation name.",
		}, []string{"operation"}),
	}
	m.registry.MustRegister(m.upstreamRequests, m.upstreamLatency, m.cacheLookups, m.graphqlRequests, m.graphqlErrors, m.graphqlEvents,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// WatchRate exports the client's latest rate-limit headers as gauges.
func (m *Metrics) WatchRate(rate func() upstream.Rate) {
	m.registry.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "intercom_rate_limit_remaining",
			Help: "Calls left in Intercom's current rate-limit window, as its latest answer said.",
		}, func() float64 { return float64(rate().Remaining) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "intercom_rate_limit_limit",
			Help: "Calls allowed per Intercom rate-limit window, as its latest answer said.",
		}, func() float64 { return float64(rate().Limit) }),
	)
}

// watchExecuting exports the executing bound (MAX_EXECUTING_COST): how full
// it is, how many operations wait for room, and how long those waited, so
// that a deployment can see when to raise it (and GOMEMLIMIT with it).
func (m *Metrics) watchExecuting(l *executingCost) {
	waits := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "graphql_executing_wait_seconds",
		Help:    "Time operations that found the executing bound full waited for room, by outcome: admitted, or refused (503/429).",
		Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"outcome"})
	l.observeWait = func(waited time.Duration, admitted bool) {
		outcome := "refused"
		if admitted {
			outcome = "admitted"
		}
		waits.WithLabelValues(outcome).Observe(waited.Seconds())
	}
	m.registry.MustRegister(waits,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "graphql_executing_cost",
			Help: "Summed cost estimates of the operations executing now (each at least 1).",
		}, func() float64 { executing, _ := l.state(); return float64(executing) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "graphql_executing_cost_limit",
			Help: "The bound on the summed cost estimates executing at once (MAX_EXECUTING_COST).",
		}, func() float64 { return float64(l.max) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "graphql_executing_waiting",
			Help: "Operations waiting for room under the executing bound.",
		}, func() float64 { _, waiting := l.state(); return float64(waiting) }),
	)
}

// ObserveCall records one upstream attempt or cache answer.
func (m *Metrics) ObserveCall(_ context.Context, rec upstream.CallRecord) {
	if rec.CacheHit {
		m.cacheLookups.WithLabelValues("hit").Inc()
		return
	}
	if rec.CacheMiss {
		m.cacheLookups.WithLabelValues("miss").Inc()
	}
	m.upstreamRequests.WithLabelValues(rec.Operation, strconv.Itoa(rec.Status)).Inc()
	m.upstreamLatency.WithLabelValues(rec.Operation).Observe(rec.Duration.Seconds())
}

// Handler serves the metrics in Prometheus' text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// graphqlMetrics is the gqlgen extension that counts operations and errors.
// A query or mutation has one response, or one per part with @defer; a
// subscription has one per event, so it is counted as a request when it
// starts and its events are counted apart.
type graphqlMetrics struct{ m *Metrics }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
	graphql.ResponseInterceptor
} = graphqlMetrics{}

func (graphqlMetrics) ExtensionName() string                   { return "Metrics" }
func (graphqlMetrics) Validate(graphql.ExecutableSchema) error { return nil }

func (g graphqlMetrics) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if kind, name := g.operation(ctx); kind == "subscription" {
		g.m.graphqlRequests.WithLabelValues(kind, name).Inc()
	}
	return next(ctx)
}

func (g graphqlMetrics) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	kind, name := g.operation(ctx)
	switch {
	case kind != "subscription" && (resp == nil || resp.Path == nil):
		// A query with @defer answers in parts; only the first has no path.
		g.m.graphqlRequests.WithLabelValues(kind, name).Inc()
	case kind != "subscription":
	case resp != nil:
		g.m.graphqlEvents.WithLabelValues(name).Inc()
	}
	if resp != nil {
		for _, e := range resp.Errors {
			code, _ := e.Extensions["code"].(string)
			g.m.graphqlErrors.WithLabelValues(name, code).Inc()
		}
	}
	return resp
}

// operation names the operation being served, as metric labels: its type
// ("invalid" when it never parsed) and its bounded name.
func (g graphqlMetrics) operation(ctx context.Context) (kind, name string) {
	kind = "invalid"
	if graphql.HasOperationContext(ctx) {
		op := graphql.GetOperationContext(ctx)
		name = op.OperationName
		if op.Operation != nil {
			kind = string(op.Operation.Operation)
			if name == "" {
				name = op.Operation.Name // named in the document, not in the request
			}
		}
	}
	return kind, g.m.operations.label(name)
}

// operationNames keeps the operation-name label bounded: clients choose the
// names, and a label with unbounded values would grow Prometheus without end.
type operationNames struct {
	mu   sync.Mutex
	seen map[string]bool
}

const maxOperationNames = 200

var wellFormedName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

func (o *operationNames) label(name string) string {
	switch {
	case name == "":
		return "anonymous"
	case !wellFormedName.MatchString(name):
		return "other"
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.seen == nil {
		o.seen = map[string]bool{}
	}
	if !o.seen[name] && len(o.seen) >= maxOperationNames {
		return "other"
	}
	o.seen[name] = true
	return name
}
