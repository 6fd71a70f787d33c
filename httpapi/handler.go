// Package httpapi is the facade's HTTP surface: the GraphQL endpoint,
// GraphiQL, health probes, CORS, request ids and access logs.
package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"intercom-graphql/graph"
	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/generated"
	"intercom-graphql/graph/live"
	"intercom-graphql/graph/schemaview"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// DefaultMaxBodyBytes bounds a GraphQL request body: generous for any real
// query with variables, small enough that nobody can make the server buffer megabytes.
const DefaultMaxBodyBytes = 1 << 20

// Config is what the HTTP surface needs from the server's wiring.
type Config struct {
	// Client talks to Intercom with the server's token; with PassThrough
	// authentication, callers bring their own and it may be nil.
	Client *upstream.Client
	// CursorKey signs connection cursors; replicas must share it.
	CursorKey []byte
	// AllowedOrigins are the browser origins allowed to call the API
	// cross-origin; empty allows none.
	AllowedOrigins []string
	// Limits bound what one request may ask; zero fields take the defaults.
	Limits Limits
	// Auth decides who may ask; nil lets everyone in (demo and local use).
	Auth Authenticator
	// DisableIntrospection and DisableGraphiQL are the production posture for
	// an API whose clients are known.
	DisableIntrospection bool
	DisableGraphiQL      bool
	// GraphiQLAssetsURL is where GraphiQL's page loads its files from, by npm
	// path (default DefaultGraphiQLAssetsURL).
	GraphiQLAssetsURL string
	// QueryStore keeps automatic persisted queries (default: in memory).
	QueryStore graphql.Cache[string]
	// Allowlist, when set, serves only its registered operations.
	Allowlist *Allowlist
	// Ready reports whether the server can answer queries (for /readyz).
	Ready func(context.Context) error
	// Loaders tune the per-operation loaders (benchmarks turn batching off for their baseline).
	Loaders loaders.Options
	// Metrics, when set, count GraphQL operations and are served on /metrics,
	// to the clients the authentication admits (open without it), unless
	// MetricsElsewhere says another listener serves them. Callers who bring
	// their own tokens never see them here: they show every workspace's traffic.
	Metrics          *Metrics
	MetricsElsewhere bool
	Logger           *slog.Logger
	// Live carries webhook notifications to subscriptions, across replicas
	// when it is built over Redis; nil builds one for this process alone.
	Live *live.Broker
	// WebhookSecret is the Intercom app's client secret, which signs webhook
	// deliveries; without it POST /webhooks/intercom answers 503.
	WebhookSecret string
	// KeepAlive is how often live connections are pinged (default DefaultKeepAlive).
	KeepAlive time.Duration
	// Federation serves the graph as a Federation v2 subgraph (_service and
	// _entities); off, the graph has neither (docs/federation.md).
	Federation bool
	// TraceResolvers adds a span per resolver that can call Intercom under
	// each operation's span; set where spans are exported (OTLP), off
	// otherwise: the per-field hook costs allocations on every field.
	TraceResolvers bool
}

// New builds the facade's HTTP handler.
func New(cfg Config) http.Handler {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Auth == nil {
		cfg.Auth = NoAuth{}
	}
	cfg.Limits = cfg.Limits.withDefaults()
	auth := guardLogins(cfg.Auth, cfg.Limits.FailedLoginsPerMinute)
	limits := cfg.Limits
	if cfg.Live == nil {
		cfg.Live = live.NewLocal(live.Options{Buffer: limits.SubscriptionBuffer, MaxSubscriptions: limits.MaxSubscriptions, Logger: cfg.Logger})
	}
	if cfg.KeepAlive <= 0 {
		cfg.KeepAlive = DefaultKeepAlive
	}
	corsPolicy := newCORSPolicy(cfg.AllowedOrigins)
	graphqlServer := newGraphQLServer(cfg, auth)
	// Queries and live connections draw on one budget per client.
	rateLimit := perClientRate(limits.RequestsPerMinute)
	var graphqlHandler http.Handler = graphqlServer
	graphqlHandler = requestTimeout(limits.RequestTimeout, graphqlHandler)
	graphqlHandler = executingCostLimit(limits, cfg.Metrics, graphqlHandler)
	graphqlHandler = concurrencyLimit(limits.MaxConcurrentRequests, limits.MaxConcurrentPerClient, graphqlHandler)
	graphqlHandler = rateLimit(graphqlHandler)
	graphqlHandler = requireAuth(auth, graphqlHandler)
	graphqlHandler = limitBody(limits.MaxBodyBytes, graphqlHandler)
	graphqlHandler = checkGraphQLRequest(corsPolicy, graphqlHandler)

	// Live connections stay open for as long as the client listens: they are
	// bounded in number rather than in time, and authenticated like queries.
	var liveHandler http.Handler = graphqlServer
	liveHandler = liveConnectionLimit(limits.MaxSubscriptions, limits.MaxSubscriptionsPerClient, liveHandler)
	liveHandler = rateLimit(liveHandler)
	liveHandler = authenticateStream(auth, liveHandler)
	liveHandler = checkWebSocketOrigin(corsPolicy, liveHandler)
	liveHandler = limitBody(limits.MaxBodyBytes, liveHandler)

	mux := http.NewServeMux()
	mux.Handle("/graphql", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isWebSocket(r) && r.Method != http.MethodGet {
			writeGraphQLError(w, http.StatusBadRequest, errcode.BadUserInput, "a WebSocket upgrade must be a GET request", nil)
			return
		}
		if isWebSocket(r) || isEventStream(r) {
			liveHandler.ServeHTTP(w, r)
			return
		}
		graphqlHandler.ServeHTTP(w, r)
	}))
	cfg.Live.BeforeDelivery(invalidateStale(clientsByWorkspace(cfg)))
	mux.Handle("POST /webhooks/intercom", newWebhookReceiver(cfg.WebhookSecret, limits.WebhookMaxBodyBytes, cfg.Live, cfg.Logger))
	// The schema as SDL is introspection by another route: it answers, and
	// is authenticated, as introspection is.
	mux.Handle("GET "+SchemaPath, requireAuth(auth, rateLimit(schemaSDL(!cfg.DisableIntrospection))))
	if !cfg.DisableGraphiQL {
		schemaPath := SchemaPath
		if cfg.DisableIntrospection {
			schemaPath = ""
		}
		mux.Handle("GET /{$}", newGraphiQL("intercom-graphql", "/graphql", schemaPath, cfg.GraphiQLAssetsURL))
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { writeStatus(w, http.StatusOK, "ok") })
	mux.HandleFunc("GET /readyz", readiness(cfg.Ready))
	if _, passThrough := cfg.Auth.(*PassThrough); cfg.Metrics != nil && !cfg.MetricsElsewhere && !passThrough {
		mux.Handle("GET /metrics", requireAuth(auth, cfg.Metrics.Handler()))
	}

	// The server span takes its parent from the caller's W3C traceparent, so a
	// dashboard's trace continues through the facade to Intercom.
	traced := otelhttp.NewHandler(corsPolicy.Handler(codedRefusals(mux)), "graphql-facade",
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string { return r.Method + " " + r.URL.Path }))
	return withRequestID(withAccessLog(cfg.Logger, withRecovery(cfg.Logger, traced)))
}

// newCORSPolicy allows the listed browser origins; with none listed, no
// other origin may call (rs/cors alone would read an empty list as "all").
func newCORSPolicy(allowedOrigins []string) *cors.Cors {
	opts := cors.Options{
		AllowedOrigins: allowedOrigins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders: []string{"Content-Type", "Authorization", "X-API-Key", "X-Request-Id", "Accept"},
		ExposedHeaders: []string{"X-Request-Id", "Retry-After"},
		MaxAge:         600,
	}
	if len(allowedOrigins) == 0 {
		opts.AllowOriginFunc = func(string) bool { return false }
	}
	return cors.New(opts)
}

func newGraphQLServer(cfg Config, auth Authenticator) *handler.Server {
	resolver := &graph.Resolver{CursorKey: cfg.CursorKey, Live: cfg.Live, OneWorkspace: cfg.Client != nil}
	clientOf := func(ctx context.Context) *upstream.Client { return clientFor(ctx, cfg.Client) }
	srv := handler.New(schemaview.New(generated.Config{Resolvers: resolver}, cfg.Federation))
	// The live transports come first: an event-stream request is also a POST.
	for _, t := range liveTransports(auth, cfg.KeepAlive, cfg.Limits.RequestTimeout, cfg.Limits.MaxBodyBytes) {
		srv.AddTransport(t)
	}
	srv.AddTransport(transport.Options{})
	srv.AddTransport(overHTTP{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if !cfg.DisableIntrospection {
		srv.Use(extension.Introspection{})
	}
	if cfg.Allowlist != nil {
		srv.Use(cfg.Allowlist)
	} else {
		store := cfg.QueryStore
		if store == nil {
			store = lru.New[string](1000)
		}
		srv.Use(extension.AutomaticPersistedQuery{Cache: store})
	}
	srv.Use(tracing{})
	if cfg.TraceResolvers {
		srv.Use(resolverTracing{})
	}
	srv.Use(queryShape{limits: cfg.Limits})
	srv.Use(subscriptionEvents{client: clientOf, loaders: cfg.Loaders, maxCalls: cfg.Limits.MaxQueryCost}) // before upstreamAccounting, which reports its per-event tally
	srv.Use(upstreamAccounting{maxCalls: cfg.Limits.MaxQueryCost})
	srv.Use(costLimit{max: cfg.Limits.MaxQueryCost, client: clientOf})
	srv.Use(executingGate{})     // after costLimit, whose estimate it reads
	srv.Use(referencePrefetch{}) // inside upstreamAccounting, which counts the lists' calls
	if cfg.Metrics != nil {
		srv.Use(graphqlMetrics{cfg.Metrics})
	}
	srv.SetErrorPresenter(errcode.Presenter(cfg.Logger))
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		cfg.Logger.ErrorContext(ctx, "panic in resolver", "panic", p, "path", graphql.GetPath(ctx).String())
		return &errcode.Error{Code: errcode.Internal, Message: "internal error"}
	})
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(loaders.With(ctx, loaders.NewWithOptions(clientOf(ctx), cfg.Loaders)))
	})
	return srv
}

// clientFor is the Intercom client of a request: its caller's own, or the server's.
func clientFor(ctx context.Context, server *upstream.Client) *upstream.Client {
	if p, ok := PrincipalFrom(ctx); ok && p.Client != nil {
		return p.Client
	}
	return server
}

func readiness(ready func(context.Context) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if ready == nil {
			writeStatus(w, http.StatusOK, "ready")
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		if err := ready(ctx); err != nil {
			writeGraphQLError(w, http.StatusServiceUnavailable, errcode.UpstreamUnavailable, "not ready: Intercom does not answer with this token", nil)
			return
		}
		writeStatus(w, http.StatusOK, "ready")
	}
}

func writeStatus(w http.ResponseWriter, status int, text string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(text + "\n"))
}
