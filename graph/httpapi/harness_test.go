package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"intercom-graphql/graph/httpapi"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// facade is the whole stack a client meets: the simulator over HTTP, the
// upstream client, and the facade's HTTP handler over HTTP.
type facade struct {
	t      *testing.T
	sim    *intercomsim.Simulator
	server *httptest.Server
	logs   *syncBuffer
}

type facadeOptions struct {
	sim            intercomsim.Options
	token          string
	allowedOrigins []string
	attemptTimeout time.Duration
	cache          upstream.ResponseCache
	cacheTTL       upstream.CacheTTL
	rateLimitWait  time.Duration // how long the client may wait for a window to refill (default 200ms)
	maxQueryCost   int           // raises the cost limit for tests that select everything at once
	configure      func(*httpapi.Config)
	seeUpstream    func(*http.Request) // sees every request the simulator receives
}

func newFacade(t *testing.T, opts facadeOptions) *facade {
	t.Helper()
	if opts.sim.Sizes == (intercomsim.Sizes{}) {
		opts.sim.Sizes = intercomsim.Sizes{Admins: 6, Teams: 3, Tags: 8, Segments: 3, Companies: 15, Contacts: 47, Conversations: 53, Tickets: 61}
	}
	sim := intercomsim.New(opts.sim)
	simHandler := sim.Handler()
	simServer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if opts.seeUpstream != nil {
			opts.seeUpstream(r)
		}
		simHandler.ServeHTTP(w, r)
	}))
	t.Cleanup(simServer.Close)
	token := opts.token
	if token == "" {
		token = intercomsim.DemoToken
	}
	retry := upstream.DefaultRetryPolicy()
	retry.InitialBackoff, retry.MaxBackoff = 5*time.Millisecond, 20*time.Millisecond
	retry.MaxRateLimitWait = 200 * time.Millisecond // waiting out a window is the client's tests' business
	if opts.rateLimitWait > 0 {
		retry.MaxRateLimitWait = opts.rateLimitWait
	}
	metrics := httpapi.NewMetrics()
	client, err := upstream.New(upstream.Config{Token: token, BaseURL: simServer.URL, Retry: &retry, AttemptTimeout: opts.attemptTimeout,
		Observer: metrics, Cache: opts.cache, CacheTTL: opts.cacheTTL})
	if err != nil {
		t.Fatal(err)
	}
	metrics.WatchRate(client.Rate)
	logs := &syncBuffer{}
	cfg := httpapi.Config{
		Client:         client,
		CursorKey:      []byte("test cursor key"),
		AllowedOrigins: opts.allowedOrigins,
		Logger:         slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Metrics:        metrics,
		Ready: func(ctx context.Context) error {
			_, err := client.Admins.Me(ctx)
			return err
		},
	}
	cfg.Limits.MaxQueryCost = opts.maxQueryCost
	cfg.Limits.RequestsPerMinute = -1 // tests send hundreds of queries a minute; the limit has its own test
	if opts.configure != nil {
		opts.configure(&cfg)
	}
	server := httptest.NewServer(httpapi.New(cfg))
	t.Cleanup(server.Close)
	return &facade{t: t, sim: sim, server: server, logs: logs}
}

// gqlResponse is a GraphQL response as the client sees it.
type gqlResponse struct {
	Data       map[string]any `json:"data"`
	Errors     []gqlError     `json:"errors"`
	Extensions map[string]any `json:"extensions"`
	status     int
	raw        string
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

func (e gqlError) code() string {
	code, _ := e.Extensions["code"].(string)
	return code
}

// query posts a GraphQL document with variables and decodes the answer.
func (f *facade) query(query string, variables map[string]any) gqlResponse {
	f.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	return f.post("application/json", body)
}

func (f *facade) post(contentType string, body []byte) gqlResponse {
	f.t.Helper()
	resp, err := http.Post(f.server.URL+"/graphql", contentType, bytes.NewReader(body))
	if err != nil {
		f.t.Fatal(err)
	}
	return decodeResponse(f.t, resp)
}

func decodeResponse(t *testing.T, resp *http.Response) gqlResponse {
	t.Helper()
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("response is not JSON (status %d): %s", resp.StatusCode, raw)
	}
	out.status, out.raw = resp.StatusCode, string(raw)
	return out
}

// mustData fails the test when the response carries errors.
func (r gqlResponse) mustData(t *testing.T) map[string]any {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors: %s", r.raw)
	}
	return r.Data
}

// errorAt returns the error whose path starts with the given field names.
func (r gqlResponse) errorAt(path ...any) (gqlError, bool) {
	for _, e := range r.Errors {
		if len(e.Path) < len(path) {
			continue
		}
		match := true
		for i, p := range path {
			if jsonNumberish(e.Path[i]) != jsonNumberish(p) {
				match = false
			}
		}
		if match {
			return e, true
		}
	}
	return gqlError{}, false
}

func jsonNumberish(v any) any {
	switch n := v.(type) {
	case int:
		return float64(n)
	default:
		return v
	}
}

// dig walks a decoded JSON value by object keys and list indexes.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch key := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[key]
		case int:
			list, _ := v.([]any)
			if key >= len(list) {
				return nil
			}
			v = list[key]
		}
	}
	return v
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
