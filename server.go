// Command intercom-graphql serves a GraphQL graph over the Intercom REST API.
//
//	go run .                                  serve; with no INTERCOM_ACCESS_TOKEN, on the embedded demo workspace
//	go run . serve  [--port 8080 ...]         the same, explicitly
//	go run . simulate --addr 127.0.0.1:4010   serve the Intercom simulator alone
//	go run . schema                           print the schema as SDL (what GET /graphql/schema.graphql serves)
package main

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/KimMachineGun/automemlimit/memlimit"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"intercom-graphql/graph/live"
	"intercom-graphql/httpapi"
	"intercom-graphql/loaders/cache"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

func main() {
	level, levelErr := logLevel()
	log := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	if levelErr != nil {
		log.Error("stopped", "error", levelErr)
		os.Exit(2)
	}
	// What libraries write through the log package (net/http's own errors
	// among them) becomes JSON lines too: stderr carries nothing else.
	slog.SetDefault(log)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	args := os.Args[1:]
	command := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		command, args = args[0], args[1:]
	}
	var err error
	switch command {
	case "serve":
		err = serve(ctx, log, args)
	case "simulate":
		err = simulate(ctx, log, args)
	case "schema":
		err = printSchema(os.Stdout, args)
	default:
		err = fmt.Errorf("unknown command %q (want serve, simulate or schema)", command)
	}
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		log.Error("stopped", "error", err)
		os.Exit(1)
	}
}

// serveConfig is the facade's configuration: environment variables, the
// main ones mirrored by flags (never the secrets, which must not appear in a
// process list).
type serveConfig struct {
	host           string
	port           int
	token          string
	region         string
	baseURL        string
	version        string
	upstreamTime   time.Duration
	allowedOrigins string
	cursorSecret   string
	redisURL       string
	cacheTTL       upstream.CacheTTL
	cacheEntries   int
	limits         httpapi.Limits
	authMode       string
	apiKeyDigests  string
	jwksURL        string
	jwtIssuer      string
	jwtAudience    string
	introspection  bool
	graphiql       bool
	graphiqlAssets string
	allowlistPath  string
	webhookSecret  string
	metricsAddr    string
	federation     bool
	memory         memorySettings
}

func parseServeConfig(args []string) (serveConfig, error) {
	cfg := serveConfig{
		token:         os.Getenv("INTERCOM_ACCESS_TOKEN"),
		cursorSecret:  os.Getenv("CURSOR_SECRET"),
		apiKeyDigests: os.Getenv("API_KEY_SHA256S"),
		jwksURL:       os.Getenv("JWT_JWKS_URL"),
		jwtIssuer:     os.Getenv("JWT_ISSUER"),
		jwtAudience:   os.Getenv("JWT_AUDIENCE"),
		webhookSecret: os.Getenv("INTERCOM_CLIENT_SECRET"),
	}
	ttl, limits := upstream.DefaultCacheTTL(), httpapi.DefaultLimits()
	s := newSettings("serve")
	s.text(&cfg.host, "host", "HOST", "", "interface to listen on; default 127.0.0.1 without client authentication, all interfaces with it")
	number(s, &cfg.port, "port", "PORT", 8080, "port to listen on", 1, 65535)
	s.choice(&cfg.region, "region", "INTERCOM_REGION", "", "Intercom region", "us", "eu", "au")
	s.text(&cfg.baseURL, "base-url", "INTERCOM_BASE_URL", "", "Intercom API base URL, overriding the region")
	s.text(&cfg.version, "intercom-version", "INTERCOM_VERSION", upstream.DefaultVersion, "Intercom-Version header")
	s.duration(&cfg.upstreamTime, "upstream-timeout", "UPSTREAM_TIMEOUT", 15*time.Second, "bound of one upstream attempt", time.Millisecond)
	s.text(&cfg.allowedOrigins, "cors-allowed-origins", "CORS_ALLOWED_ORIGINS", "", "comma-separated browser origins allowed to call the API")
	s.text(&cfg.redisURL, "redis-url", "REDIS_URL", "", "Redis shared by replicas for the cache, the rate budget and persisted queries")
	s.duration(&cfg.cacheTTL.Reference, "cache-ttl-reference", "CACHE_TTL_REFERENCE", ttl.Reference, "how long admins, teams, tags... stay cached; 0 disables", 0)
	s.duration(&cfg.cacheTTL.Objects, "cache-ttl-objects", "CACHE_TTL_OBJECTS", ttl.Objects, "how long contacts, conversations... stay cached; 0 disables", 0)
	number(s, &cfg.cacheEntries, "cache-max-entries", "CACHE_MAX_ENTRIES", 10000, "answers the in-memory cache holds at most", 1, math.MaxInt32)
	s.choice(&cfg.authMode, "auth", "AUTH_MODE", "none", "client authentication (passthrough: callers bring their own Intercom token)", "none", "apikey", "jwt", "passthrough")
	s.boolean(&cfg.introspection, "introspection", "INTROSPECTION", true, "answer introspection queries")
	s.boolean(&cfg.graphiql, "graphiql", "GRAPHIQL", true, "serve GraphiQL at /")
	s.boolean(&cfg.federation, "federation", "FEDERATION", false, "serve the graph as a Federation v2 subgraph (_service, _entities)")
	s.baseURL(&cfg.graphiqlAssets, "graphiql-assets-url", "GRAPHIQL_ASSETS_URL", httpapi.DefaultGraphiQLAssetsURL, "where GraphiQL's page loads its files from, by npm path (<base>/graphiql@4.1.2/graphiql.min.js)")
	s.text(&cfg.allowlistPath, "persisted-queries-allowlist", "PERSISTED_QUERIES_ALLOWLIST", "", "persisted-query manifest; when set, only its operations run")
	s.text(&cfg.metricsAddr, "metrics-addr", "METRICS_ADDR", "", "address serving /metrics alone, e.g. 127.0.0.1:9090; when set, the graph's port does not serve them")
	number(s, &cfg.limits.MaxBodyBytes, "max-body-bytes", "MAX_BODY_BYTES", limits.MaxBodyBytes, "largest request body", 1, math.MaxInt32)
	number(s, &cfg.limits.MaxDepth, "max-query-depth", "MAX_QUERY_DEPTH", limits.MaxDepth, "deepest selection nesting", 1, 1000)
	number(s, &cfg.limits.MaxAliases, "max-query-aliases", "MAX_QUERY_ALIASES", limits.MaxAliases, "most aliases in a document", 1, 100_000)
	number(s, &cfg.limits.MaxFields, "max-query-fields", "MAX_QUERY_FIELDS", limits.MaxFields, "most fields in a document, fragments expanded", 1, 1_000_000)
	number(s, &cfg.limits.MaxQueryCost, "max-query-cost", "MAX_QUERY_COST", limits.MaxQueryCost, "most upstream calls one query may cost", 1, math.MaxInt32)
	number(s, &cfg.limits.FailedLoginsPerMinute, "failed-logins-per-minute", "FAILED_LOGINS_PER_MINUTE", limits.FailedLoginsPerMinute, "failed authentications one address may make a minute; more get 429", 1, 1_000_000)
	s.rate(&cfg.limits.RequestsPerMinute, "rate-limit-per-minute", "RATE_LIMIT_PER_MINUTE", limits.RequestsPerMinute, "requests a client may make per minute; -1 disables")
	s.duration(&cfg.limits.RequestTimeout, "request-timeout", "REQUEST_TIMEOUT", limits.RequestTimeout, "bound of a whole request", time.Millisecond)
	number(s, &cfg.limits.MaxConcurrentRequests, "max-concurrent-requests", "MAX_CONCURRENT_REQUESTS", limits.MaxConcurrentRequests, "requests served at once; more get 503", 1, 1_000_000)
	number(s, &cfg.limits.MaxConcurrentPerClient, "max-concurrent-requests-per-client", "MAX_CONCURRENT_REQUESTS_PER_CLIENT", 0, "requests one client may have in flight at once; more get 429 (default: a quarter of MAX_CONCURRENT_REQUESTS)", 0, 1_000_000)
	number(s, &cfg.limits.MaxExecutingCost, "max-executing-cost", "MAX_EXECUTING_COST", limits.MaxExecutingCost, "summed cost estimates of the queries executing at once; more wait their turn, briefly, then get 503 (default: 8000 per core)", 1, math.MaxInt32)
	number(s, &cfg.limits.MaxExecutingCostPerClient, "max-executing-cost-per-client", "MAX_EXECUTING_COST_PER_CLIENT", 0, "summed cost estimates of one client's queries executing at once; more wait, then get 429 (default: a quarter of MAX_EXECUTING_COST)", 0, math.MaxInt32)
	number(s, &cfg.limits.MaxSubscriptions, "max-subscriptions", "MAX_SUBSCRIPTIONS", limits.MaxSubscriptions, "live connections (WebSocket, SSE), and subscriptions, open at once; more get 503", 1, 1_000_000)
	number(s, &cfg.limits.MaxSubscriptionsPerClient, "max-subscriptions-per-client", "MAX_SUBSCRIPTIONS_PER_CLIENT", 0, "live connections one client may hold at once; more get 429 (default: a quarter of MAX_SUBSCRIPTIONS)", 0, 1_000_000)
	number(s, &cfg.limits.SubscriptionBuffer, "subscription-buffer", "SUBSCRIPTION_BUFFER", limits.SubscriptionBuffer, "events a subscriber may leave unread before it is ended as too slow", 1, 1_000_000)
	number(s, &cfg.limits.WebhookMaxBodyBytes, "webhook-max-body-bytes", "WEBHOOK_MAX_BODY_BYTES", limits.WebhookMaxBodyBytes, "largest webhook delivery", 1, math.MaxInt32)
	memory, memoryErr := chooseMemorySettings(os.Getenv, runtime.GOMAXPROCS(0), memlimit.FromCgroup) // the cores of DefaultMaxExecutingCost
	if err := errors.Join(s.parse(args), memoryErr); err != nil {
		return cfg, err
	}
	cfg.memory = memory
	if l := cfg.limits; l.MaxConcurrentPerClient > l.MaxConcurrentRequests || l.MaxSubscriptionsPerClient > l.MaxSubscriptions {
		return cfg, errors.New("a per-client limit (MAX_CONCURRENT_REQUESTS_PER_CLIENT, MAX_SUBSCRIPTIONS_PER_CLIENT) is larger than the server's own")
	}
	if cfg.metricsAddr != "" {
		if _, _, err := net.SplitHostPort(cfg.metricsAddr); err != nil {
			return cfg, fmt.Errorf("METRICS_ADDR=%q: want host:port, such as 127.0.0.1:9090", cfg.metricsAddr)
		}
	}
	if cfg.host == "" && cfg.authMode == "none" {
		cfg.host = "127.0.0.1" // an unauthenticated facade holds the workspace's keys: local by default
	}
	return cfg, nil
}

func serve(ctx context.Context, log *slog.Logger, args []string) error {
	cfg, err := parseServeConfig(args)
	if err != nil {
		return err
	}
	cfg.memory.apply()
	go cfg.memory.followLiveHeap(ctx)
	log.Info("memory", cfg.memory.logAttrs()...)
	if cfg.token == "" && cfg.authMode != "passthrough" {
		if cfg.webhookSecret == "" {
			cfg.webhookSecret = randomSecret()
		}
		// The simulator's webhooks come back to this server, signed with the
		// secret both share: a change in the demo workspace reaches open subscriptions.
		webhookURL := "http://" + net.JoinHostPort(reachableHost(cfg.host), strconv.Itoa(cfg.port)) + "/webhooks/intercom"
		addr, err := startDemoSimulator(ctx, webhookURL, cfg.webhookSecret)
		if err != nil {
			return err
		}
		cfg.token, cfg.baseURL = intercomsim.DemoToken, "http://"+addr
		log.Info("demo mode: no INTERCOM_ACCESS_TOKEN set, serving the embedded Intercom simulator's demo workspace", "simulator", cfg.baseURL, "webhooks", webhookURL)
	}
	stopTracing, exportingSpans, err := startTracing(ctx, log)
	if err != nil {
		return err
	}
	defer stopTracing()
	if cfg.authMode == "none" && !isLoopback(cfg.host) {
		log.Warn("WARNING: client authentication is off (AUTH_MODE=none) and the server listens beyond this machine: anyone who can reach it can read the whole Intercom workspace; set AUTH_MODE=apikey or jwt", "host", cfg.host)
	}
	shared, closeShared, err := newSharedState(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer closeShared()
	metrics := httpapi.NewMetrics()
	base := upstream.Config{Token: cfg.token, Region: cfg.region, BaseURL: cfg.baseURL, Version: cfg.version,
		AttemptTimeout: cfg.upstreamTime, Observer: metrics, Cache: shared.cache, CacheTTL: cfg.cacheTTL, SharedBudget: shared.budget}
	var client *upstream.Client
	var ready func(context.Context) error
	var auth httpapi.Authenticator
	if cfg.authMode == "passthrough" {
		// Each caller brings its own token: one client (budget, cache keys) per workspace.
		pool, err := upstream.NewPool(base, 1000)
		if err != nil {
			return err
		}
		auth = httpapi.NewPassThrough(pool)
	} else {
		if client, err = upstream.New(base); err != nil {
			return err
		}
		metrics.WatchRate(client.Rate)
		ready = httpapi.CachedProbe(30*time.Second, func(ctx context.Context) error {
			_, err := client.Admins.Me(ctx)
			return err
		})
		if auth, err = newAuthenticator(ctx, cfg); err != nil {
			return err
		}
	}
	var allowlist *httpapi.Allowlist
	if cfg.allowlistPath != "" {
		if allowlist, err = httpapi.LoadAllowlist(cfg.allowlistPath); err != nil {
			return err
		}
		log.Info("persisted queries: only registered operations run", "operations", allowlist.Len())
	}
	handler := httpapi.New(httpapi.Config{
		Client:               client,
		CursorKey:            cursorKey(cfg),
		AllowedOrigins:       splitList(cfg.allowedOrigins),
		Limits:               cfg.limits,
		Auth:                 auth,
		DisableIntrospection: !cfg.introspection,
		DisableGraphiQL:      !cfg.graphiql,
		GraphiQLAssetsURL:    cfg.graphiqlAssets,
		QueryStore:           shared.queries,
		Allowlist:            allowlist,
		Ready:                ready,
		Metrics:              metrics,
		MetricsElsewhere:     cfg.metricsAddr != "",
		Logger:               log,
		Live:                 shared.live,
		WebhookSecret:        cfg.webhookSecret,
		Federation:           cfg.federation,
		TraceResolvers:       exportingSpans,
	})
	if cfg.webhookSecret == "" {
		log.Info("webhooks off: POST /webhooks/intercom answers 503 until INTERCOM_CLIENT_SECRET is set; subscriptions receive nothing")
	}
	srv := &http.Server{
		Addr:              net.JoinHostPort(cfg.host, strconv.Itoa(cfg.port)),
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	// Subscriptions never end by themselves: ending them lets Shutdown finish
	// the event streams instead of waiting its whole grace period.
	srv.RegisterOnShutdown(shared.live.Close)
	log.Info("serving GraphQL", "addr", srv.Addr, "auth", cfg.authMode, "graphiql", fmt.Sprintf("http://localhost:%d/", cfg.port), "intercom", cmp.Or(cfg.baseURL, cfg.region, "us"))
	servers := []*http.Server{srv}
	if cfg.metricsAddr != "" {
		servers = append(servers, &http.Server{Addr: cfg.metricsAddr, Handler: metricsOnly(metrics), ReadHeaderTimeout: 10 * time.Second})
		log.Info("serving metrics on their own address", "addr", cfg.metricsAddr)
	}
	return runUntilDone(ctx, log, servers...)
}

// metricsOnly serves /metrics and nothing else, for METRICS_ADDR.
func metricsOnly(metrics *httpapi.Metrics) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics.Handler())
	return mux
}

// startTracing exports spans over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT (or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set, and does nothing otherwise. The
// W3C trace context is propagated either way, so a caller's trace reaches Intercom.
func startTracing(ctx context.Context, log *slog.Logger) (stop func(), exporting bool, err error) {
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	if os.Getenv("OTEL_EXPORTER_OTLP_ENDPOINT") == "" && os.Getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") == "" {
		return func() {}, false, nil
	}
	exporter, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("OTLP trace exporter: %w", err)
	}
	provider := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exporter),
		sdktrace.WithResource(resource.NewSchemaless(attribute.String("service.name", envOr("OTEL_SERVICE_NAME", "intercom-graphql")))),
	)
	otel.SetTracerProvider(provider)
	log.Info("tracing: exporting spans over OTLP")
	return func() {
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = provider.Shutdown(shutdownCtx)
	}, true, nil
}

func newAuthenticator(ctx context.Context, cfg serveConfig) (httpapi.Authenticator, error) {
	switch cfg.authMode {
	case "apikey":
		return httpapi.NewAPIKeys(splitList(cfg.apiKeyDigests))
	case "jwt":
		return httpapi.NewJWTs(ctx, cfg.jwksURL, cfg.jwtIssuer, cfg.jwtAudience)
	default:
		return httpapi.NoAuth{}, nil
	}
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// sharedState is what replicas share through Redis when REDIS_URL is set,
// and what stays in process otherwise.
type sharedState struct {
	cache   upstream.ResponseCache
	budget  upstream.SharedBudget
	queries graphql.Cache[string]
	live    *live.Broker
}

// newSharedState connects to Redis when REDIS_URL is set: the response
// cache, the rate budget, persisted queries and webhook notifications are
// then shared by replicas.
func newSharedState(ctx context.Context, cfg serveConfig, log *slog.Logger) (sharedState, func(), error) {
	liveOpts := live.Options{Buffer: cfg.limits.SubscriptionBuffer, MaxSubscriptions: cfg.limits.MaxSubscriptions, Logger: log}
	if cfg.redisURL == "" {
		broker := live.NewLocal(liveOpts)
		return sharedState{cache: cache.NewMemory(cfg.cacheEntries), live: broker}, broker.Close, nil
	}
	r, err := cache.NewRedis(cfg.redisURL, log)
	if err != nil {
		return sharedState{}, nil, fmt.Errorf("REDIS_URL: %w", err)
	}
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := r.Ping(pingCtx); err != nil {
		_ = r.Close()
		return sharedState{}, nil, fmt.Errorf("redis at REDIS_URL does not answer: %w", err)
	}
	broker, err := live.NewRedis(pingCtx, r.Client(), liveNamespace(cfg.token), liveOpts)
	if err != nil {
		_ = r.Close()
		return sharedState{}, nil, err
	}
	log.Info("sharing the cache, rate budget, persisted queries and webhook notifications through Redis")
	return sharedState{cache: r, budget: r, queries: httpapi.NewRedisQueryStore(r.Client(), 24*time.Hour), live: broker},
		func() {
			broker.Close()
			_ = r.Close()
		}, nil
}

// liveNamespace names the Redis channel and keys of a workspace's webhook
// notifications: replicas serving one workspace share them, others never
// see them. It is a digest, so the token never appears in Redis.
func liveNamespace(token string) string {
	sum := sha256.Sum256([]byte("intercom-graphql live\x00" + token))
	return hex.EncodeToString(sum[:12])
}

// randomSecret is a fresh client secret for the demo's simulator and server to share.
func randomSecret() string {
	var b [32]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// reachableHost is the address this machine reaches the server at.
func reachableHost(host string) string {
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		return "127.0.0.1"
	}
	return host
}

// cursorKey signs cursors. Replicas must agree on it: CURSOR_SECRET when set,
// otherwise a digest of the access token, which replicas share anyway (the
// digest cannot be turned back into the token). Callers who bring their own
// tokens leave no shared secret to derive it from: then a random key serves this
// process alone, unless CURSOR_SECRET is set.
func cursorKey(cfg serveConfig) []byte {
	secret := cfg.cursorSecret
	if secret == "" && cfg.token == "" {
		random := make([]byte, 32)
		_, _ = rand.Read(random)
		return random
	}
	if secret == "" {
		secret = "token:" + cfg.token
	}
	sum := sha256.Sum256([]byte("intercom-graphql cursor key\x00" + secret))
	return sum[:]
}

func startDemoSimulator(ctx context.Context, webhookURL, clientSecret string) (string, error) {
	sim := intercomsim.New(intercomsim.Options{Seed: 1, WebhookURL: webhookURL, ClientSecret: clientSecret})
	ready := make(chan string, 1)
	errs := make(chan error, 1)
	go func() {
		errs <- sim.ListenAndServe(ctx, "127.0.0.1:0", func(a net.Addr) { ready <- a.String() })
	}()
	select {
	case addr := <-ready:
		return addr, nil
	case err := <-errs:
		return "", fmt.Errorf("starting the demo simulator: %w", err)
	}
}

func simulate(ctx context.Context, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("simulate", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:4010", "address to serve the simulator on")
	seed := fs.Int64("seed", 1, "seed of the demo workspace")
	sizes := intercomsim.DemoSizes()
	fs.IntVar(&sizes.Admins, "admins", sizes.Admins, "admins in the workspace")
	fs.IntVar(&sizes.Teams, "teams", sizes.Teams, "teams in the workspace")
	fs.IntVar(&sizes.Tags, "tags", sizes.Tags, "tags in the workspace")
	fs.IntVar(&sizes.Segments, "segments", sizes.Segments, "segments in the workspace")
	fs.IntVar(&sizes.Companies, "companies", sizes.Companies, "companies in the workspace")
	fs.IntVar(&sizes.Contacts, "contacts", sizes.Contacts, "contacts in the workspace (up to 100000)")
	fs.IntVar(&sizes.Conversations, "conversations", sizes.Conversations, "conversations in the workspace")
	fs.IntVar(&sizes.Collections, "collections", sizes.Collections, "help center collections and sections in the workspace")
	fs.IntVar(&sizes.Articles, "articles", sizes.Articles, "help center articles in the workspace")
	fs.IntVar(&sizes.NewsItems, "news-items", sizes.NewsItems, "news items in the workspace")
	fs.IntVar(&sizes.Tickets, "tickets", sizes.Tickets, "tickets in the workspace")
	latency := fs.Duration("latency", 0, "delay added before every answer, e.g. 50ms")
	budget := fs.Int("budget", 1666, "calls allowed per rate-limit window")
	window := fs.Duration("window", 10*time.Second, "rate-limit window")
	fs.SetOutput(io.Discard) // errors are logged as JSON by main
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(os.Stdout)
			fs.PrintDefaults()
		}
		return err
	}
	if sizes.Contacts > 100_000 {
		return fmt.Errorf("at most 100000 contacts, got %d", sizes.Contacts)
	}
	sim := intercomsim.New(intercomsim.Options{Seed: *seed, Sizes: sizes, Latency: *latency, Budget: *budget, Window: *window})
	return sim.ListenAndServe(ctx, *addr, func(a net.Addr) {
		log.Info("serving the Intercom simulator", "addr", a.String(), "token", intercomsim.DemoToken, "seed", *seed,
			"contacts", sizes.Contacts, "conversations", sizes.Conversations, "latency", latency.String(), "budget", *budget)
	})
}

// printSchema writes the schema as SDL, the text GET /graphql/schema.graphql
// serves, for tools that read a schema file; graph/schema.graphql holds a copy.
func printSchema(w io.Writer, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("schema takes no arguments, got %q", args)
	}
	_, err := io.WriteString(w, httpapi.SDL())
	return err
}

// runUntilDone serves until ctx ends (SIGTERM, SIGINT), then lets in-flight
// requests finish for up to 20 seconds. Servers beyond the first (the
// metrics listener) share its fate: one failing to listen stops them all.
func runUntilDone(ctx context.Context, log *slog.Logger, servers ...*http.Server) error {
	errs := make(chan error, len(servers))
	for _, srv := range servers {
		go func() { errs <- srv.ListenAndServe() }()
	}
	var failed error
	select {
	case failed = <-errs:
	case <-ctx.Done():
		log.Info("shutting down: finishing in-flight requests")
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for _, srv := range servers {
		if err := srv.Shutdown(shutdownCtx); err != nil && failed == nil {
			failed = err
		}
	}
	return failed
}

// logLevel reads LOG_LEVEL; a value it does not know stops the server
// rather than hiding the logs someone asked for.
func logLevel() (slog.Level, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(envOr("LOG_LEVEL", "info"))); err != nil {
		return level, fmt.Errorf("LOG_LEVEL=%q: want debug, info, warn or error", os.Getenv("LOG_LEVEL"))
	}
	return level, nil
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
