// Package facadetest is the one test harness of the graph and its HTTP
// surface: the Intercom simulator over real HTTP, the upstream client, and
// the facade's handler, served over HTTP and reachable in-process through
// gqlgen's test client. Graph tests decode answers into typed structs that
// mirror their selection (Post); tests of the HTTP surface read status codes,
// headers and raw bodies (Query, Send). Live tests subscribe over
// graphql-transport-ws (DialWS) and Server-Sent Events (OpenSSE) to a facade
// whose webhooks are signed (NewLive), and deliver notifications to it.
package facadetest

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"intercom-graphql/httpapi"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// SmallWorkspace is the workspace a facade serves unless its options say
// otherwise: a few of every kind, with sizes that are no multiple of a page.
var SmallWorkspace = intercomsim.Sizes{Admins: 6, Teams: 3, Tags: 8, Segments: 3, Companies: 15, Contacts: 47, Conversations: 53, Tickets: 61}

// Facade is the whole stack a client meets: the simulator over HTTP, the
// upstream client, and the facade's HTTP handler over HTTP.
type Facade struct {
	T        testing.TB
	Sim      *intercomsim.Simulator
	Upstream *upstream.Client
	Server   *httptest.Server
	// Client is gqlgen's test client over the same handler, in-process.
	Client *client.Client
	Logs   *SyncBuffer
}

// Options shape a facade; the zero value is the small workspace with the
// defaults of the HTTP surface, except the per-client rate limit.
type Options struct {
	Sim            intercomsim.Options
	Token          string
	AllowedOrigins []string
	AttemptTimeout time.Duration
	Cache          upstream.ResponseCache
	CacheTTL       upstream.CacheTTL
	RateLimitWait  time.Duration // how long the client may wait for a window to refill (default 200ms)
	MaxQueryCost   int           // raises the cost limit for tests that select everything at once
	Configure      func(*httpapi.Config)
	SeeUpstream    func(*http.Request) // sees every request the simulator receives
}

// New starts a simulator and a facade in front of it; both stop with the test.
func New(t testing.TB, opts Options) *Facade {
	t.Helper()
	if opts.Sim.Sizes == (intercomsim.Sizes{}) {
		opts.Sim.Sizes = SmallWorkspace
	}
	sim := intercomsim.New(opts.Sim)
	simHandler := sim.Handler()
	simServer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if opts.SeeUpstream != nil {
			opts.SeeUpstream(r)
		}
		simHandler.ServeHTTP(w, r)
	}))
	t.Cleanup(simServer.Close)
	token := opts.Token
	if token == "" {
		token = intercomsim.DemoToken
	}
	retry := upstream.DefaultRetryPolicy()
	retry.InitialBackoff, retry.MaxBackoff = 5*time.Millisecond, 20*time.Millisecond
	retry.MaxRateLimitWait = 200 * time.Millisecond // waiting out a window is the client's tests' business
	if opts.RateLimitWait > 0 {
		retry.MaxRateLimitWait = opts.RateLimitWait
	}
	metrics := httpapi.NewMetrics()
	upstreamClient, err := upstream.New(upstream.Config{Token: token, BaseURL: simServer.URL, Retry: &retry, AttemptTimeout: opts.AttemptTimeout,
		Observer: metrics, Cache: opts.Cache, CacheTTL: opts.CacheTTL})
	if err != nil {
		t.Fatal(err)
	}
	metrics.WatchRate(upstreamClient.Rate)
	logs := &SyncBuffer{}
	cfg := httpapi.Config{
		Client:         upstreamClient,
		CursorKey:      []byte("test cursor key"),
		AllowedOrigins: opts.AllowedOrigins,
		Logger:         slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Metrics:        metrics,
		Ready: func(ctx context.Context) error {
			_, err := upstreamClient.Admins.Me(ctx)
			return err
		},
	}
	cfg.Limits.MaxQueryCost = opts.MaxQueryCost
	cfg.Limits.RequestsPerMinute = -1 // tests send hundreds of queries a minute; the limit has its own test
	if opts.Configure != nil {
		opts.Configure(&cfg)
	}
	handler := httpapi.New(cfg)
	server := httptest.NewServer(handler)
	t.Cleanup(server.Close)
	gql := client.New(handler)
	gql.SetCustomTarget("/graphql")
	return &Facade{T: t, Sim: sim, Upstream: upstreamClient, Server: server, Client: gql, Logs: logs}
}

// Post runs a document in-process and decodes its data into resp, a struct
// that mirrors the selection (unknown keys are an error). Variables and other
// request options are gqlgen client options, e.g. client.Var("id", id).
// The error carries the response's GraphQL errors, if any.
func (f *Facade) Post(query string, resp any, options ...client.Option) error {
	return f.Client.Post(query, resp, options...)
}

// MustPost is Post for documents that must answer without errors.
func (f *Facade) MustPost(query string, resp any, options ...client.Option) {
	f.T.Helper()
	if err := f.Post(query, resp, options...); err != nil {
		f.T.Fatalf("%v", err)
	}
}
