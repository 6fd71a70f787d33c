// Command intercom-graphql serves a GraphQL graph over the Intercom REST API.
//
//	go run .                                  serve; with no INTERCOM_ACCESS_TOKEN, on the embedded demo workspace
//	go run . serve  [--port 8080 ...]         the same, explicitly
//	go run . simulate --addr 127.0.0.1:4010   serve the Intercom simulator alone
package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"intercom-graphql/graph/httpapi"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: logLevel()}))
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
	default:
		err = fmt.Errorf("unknown command %q (want serve or simulate)", command)
	}
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		log.Error("stopped", "error", err)
		os.Exit(1)
	}
}

// serveConfig is the facade's configuration: environment variables, each
// mirrored by a flag (except the token, which must not appear in a process list).
type serveConfig struct {
	port           int
	token          string
	region         string
	baseURL        string
	version        string
	allowedOrigins string
	cursorSecret   string
}

func parseServeConfig(args []string) (serveConfig, error) {
	cfg := serveConfig{token: os.Getenv("INTERCOM_ACCESS_TOKEN"), cursorSecret: os.Getenv("CURSOR_SECRET")}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.IntVar(&cfg.port, "port", envInt("PORT", 8080), "port to listen on (PORT)")
	fs.StringVar(&cfg.region, "region", os.Getenv("INTERCOM_REGION"), "Intercom region: us, eu or au (INTERCOM_REGION)")
	fs.StringVar(&cfg.baseURL, "base-url", os.Getenv("INTERCOM_BASE_URL"), "Intercom API base URL, overriding the region (INTERCOM_BASE_URL)")
	fs.StringVar(&cfg.version, "intercom-version", envOr("INTERCOM_VERSION", upstream.DefaultVersion), "Intercom-Version header (INTERCOM_VERSION)")
	fs.StringVar(&cfg.allowedOrigins, "cors-allowed-origins", os.Getenv("CORS_ALLOWED_ORIGINS"), "comma-separated browser origins allowed to call the API (CORS_ALLOWED_ORIGINS)")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if cfg.port < 1 || cfg.port > 65535 {
		return cfg, fmt.Errorf("port %d is out of range", cfg.port)
	}
	return cfg, nil
}

func serve(ctx context.Context, log *slog.Logger, args []string) error {
	cfg, err := parseServeConfig(args)
	if err != nil {
		return err
	}
	if cfg.token == "" {
		addr, err := startDemoSimulator(ctx)
		if err != nil {
			return err
		}
		cfg.token, cfg.baseURL = intercomsim.DemoToken, "http://"+addr
		log.Info("demo mode: no INTERCOM_ACCESS_TOKEN set, serving the embedded Intercom simulator's demo workspace", "simulator", cfg.baseURL)
	}
	client, err := upstream.New(upstream.Config{Token: cfg.token, Region: cfg.region, BaseURL: cfg.baseURL, Version: cfg.version})
	if err != nil {
		return err
	}
	handler := httpapi.New(httpapi.Config{
		Client:         client,
		CursorKey:      cursorKey(cfg),
		AllowedOrigins: splitList(cfg.allowedOrigins),
		Ready: httpapi.CachedProbe(30*time.Second, func(ctx context.Context) error {
			_, err := client.Admins.Me(ctx)
			return err
		}),
		Logger: log,
	})
	srv := &http.Server{
		Addr:              ":" + strconv.Itoa(cfg.port),
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	log.Info("serving GraphQL", "addr", srv.Addr, "graphiql", fmt.Sprintf("http://localhost:%d/", cfg.port), "intercom", client.BaseURL())
	return runUntilDone(ctx, log, srv)
}

// cursorKey signs cursors. Replicas must agree on it: CURSOR_SECRET when set,
// otherwise a digest of the access token, which replicas share anyway (the
// digest cannot be turned back into the token).
func cursorKey(cfg serveConfig) []byte {
	secret := cfg.cursorSecret
	if secret == "" {
		secret = "token:" + cfg.token
	}
	sum := sha256.Sum256([]byte("intercom-graphql cursor key\x00" + secret))
	return sum[:]
}

func startDemoSimulator(ctx context.Context) (string, error) {
	sim := intercomsim.New(intercomsim.Options{Seed: 1})
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
	latency := fs.Duration("latency", 0, "delay added before every answer, e.g. 50ms")
	budget := fs.Int("budget", 1666, "calls allowed per rate-limit window")
	window := fs.Duration("window", 10*time.Second, "rate-limit window")
	if err := fs.Parse(args); err != nil {
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

// runUntilDone serves until ctx ends (SIGTERM, SIGINT), then lets in-flight
// requests finish for up to 20 seconds.
func runUntilDone(ctx context.Context, log *slog.Logger, srv *http.Server) error {
	errs := make(chan error, 1)
	go func() { errs <- srv.ListenAndServe() }()
	select {
	case err := <-errs:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}

func logLevel() slog.Level {
	var level slog.Level
	if err := level.UnmarshalText([]byte(envOr("LOG_LEVEL", "info"))); err != nil {
		return slog.LevelInfo
	}
	return level
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func envInt(name string, fallback int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return n
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
