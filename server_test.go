package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func TestServeConfigFromEnvironmentAndFlags(t *testing.T) {
	t.Setenv("PORT", "9090")
	t.Setenv("INTERCOM_REGION", "eu")
	t.Setenv("CORS_ALLOWED_ORIGINS", "https://a.example, https://b.example")
	cfg, err := parseServeConfig(nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.port != 9090 || cfg.region != "eu" || cfg.version != "2.10" {
		t.Errorf("config from environment = %+v", cfg)
	}
	if got := splitList(cfg.allowedOrigins); len(got) != 2 || got[1] != "https://b.example" {
		t.Errorf("origins = %q", got)
	}
	cfg, err = parseServeConfig([]string{"--port", "7070", "--region", "au"})
	if err != nil || cfg.port != 7070 || cfg.region != "au" {
		t.Errorf("flags should win over the environment: %+v %v", cfg, err)
	}
	if _, err := parseServeConfig([]string{"--port", "70000"}); err == nil {
		t.Error("an out-of-range port was accepted")
	}
}

func TestCursorKeyIsSharedByReplicasAndHidesTheToken(t *testing.T) {
	a := cursorKey(serveConfig{token: "tok-1"})
	b := cursorKey(serveConfig{token: "tok-1"})
	c := cursorKey(serveConfig{token: "tok-2"})
	d := cursorKey(serveConfig{token: "tok-1", cursorSecret: "shared"})
	if string(a) != string(b) || string(a) == string(c) || string(a) == string(d) {
		t.Error("cursor keys must be equal for equal configuration and differ otherwise")
	}
	if strings.Contains(string(a), "tok-1") {
		t.Error("the cursor key contains the token")
	}
}

// The coverage page must name every operation of Intercom's API.
func TestCoverageNamesEveryOperation(t *testing.T) {
	operations := filepath.Join("..", "shared", "intercom", "OPERATIONS.md")
	f, err := os.Open(operations)
	if err != nil {
		t.Skipf("%s is not here (%v); the coverage check needs it", operations, err)
	}
	defer f.Close()
	coverage, err := os.ReadFile(filepath.Join("docs", "coverage.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("^\\| (GET|POST|PUT|DELETE) \\| `([^`]+)` \\| (\\w+) \\|")
	count := 0
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		m := row.FindStringSubmatch(scanner.Text())
		if m == nil {
			continue
		}
		count++
		if !strings.Contains(string(coverage), "| "+m[1]+" | `"+m[2]+"` | "+m[3]+" |") {
			t.Errorf("docs/coverage.md lacks %s %s (%s)", m[1], m[2], m[3])
		}
	}
	if count != 108 {
		t.Errorf("OPERATIONS.md lists %d operations, expected 108", count)
	}
}

// docPages are the README and every page of docs/.
func docPages(t *testing.T) []string {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join("docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatal("docs/ holds no pages")
	}
	return append([]string{"README.md"}, pages...)
}

// docFence opens or closes a fenced code block, docInlineCode is a code span,
// docHeading an ATX heading and its title.
var (
	docFence      = regexp.MustCompile("^\\s*```")
	docInlineCode = regexp.MustCompile("`[^`]*`")
	docHeading    = regexp.MustCompile(`^#{1,6} +(.+?)\s*$`)
)

// docProseLines are a page's lines with inline code removed, and those of
// fenced code blocks emptied, so that index n is line n+1 of the page.
func docProseLines(text string) []string {
	var out []string
	inFence := false
	for _, line := range strings.Split(text, "\n") {
		prose := ""
		if docFence.MatchString(line) {
			inFence = !inFence
		} else if !inFence {
			prose = docInlineCode.ReplaceAllString(line, "")
		}
		out = append(out, prose)
	}
	return out
}

// docAnchors are the fragment names a page's headings get, as GitHub makes them:
// lower case, punctuation dropped, spaces as hyphens, repeats numbered.
func docAnchors(text string) map[string]bool {
	out := map[string]bool{}
	seen := map[string]int{}
	prose := docProseLines(text)
	for n, line := range strings.Split(text, "\n") {
		m := docHeading.FindStringSubmatch(line)
		if m == nil || prose[n] == "" {
			continue // not a heading, or a line of a code block
		}
		var slug strings.Builder
		for _, r := range strings.ToLower(m[1]) {
			switch {
			case r == ' ':
				slug.WriteRune('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				slug.WriteRune(r)
			}
		}
		a := slug.String()
		if n := seen[a]; n > 0 {
			seen[a]++
			a = fmt.Sprintf("%s-%d", a, n)
		} else {
			seen[a] = 1
		}
		out[a] = true
	}
	return out
}

// Every relative link of the README and docs/ reaches a file of the
// repository, and a heading of it when the link names one.
func TestDocLinksResolve(t *testing.T) {
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	checked := 0
	for _, page := range docPages(t) {
		text, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range docProseLines(string(text)) {
			for _, m := range link.FindAllStringSubmatch(line, -1) {
				target := m[1]
				if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
					continue
				}
				checked++
				path, fragment, _ := strings.Cut(target, "#")
				file := page
				if path != "" {
					file = filepath.Join(filepath.Dir(page), filepath.FromSlash(path))
				}
				abs, _ := filepath.Abs(file)
				if rel, err := filepath.Rel(root, abs); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
					t.Errorf("%s line %d: %s leads out of the repository", page, n+1, target)
					continue
				}
				info, err := os.Stat(file)
				if err != nil {
					t.Errorf("%s line %d: %s: no such file", page, n+1, target)
					continue
				}
				if fragment == "" {
					continue
				}
				if info.IsDir() || !strings.HasSuffix(file, ".md") {
					t.Errorf("%s line %d: %s: a heading can only be named in a Markdown page", page, n+1, target)
					continue
				}
				linked, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				if !docAnchors(string(linked))[fragment] {
					t.Errorf("%s line %d: %s: %s has no heading #%s", page, n+1, target, file, fragment)
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no relative links found: the link pattern no longer matches the pages")
	}
}

// The README links to every page of docs/, so that nothing there is out of reach.
func TestReadmeLinksEveryDocsPage(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range docPages(t)[1:] {
		if !strings.Contains(string(readme), "]("+filepath.ToSlash(page)) {
			t.Errorf("README.md does not link to %s", page)
		}
	}
}

// The README stays a short introduction; the long explanations live in docs/.
func TestReadmeStaysShort(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(readme), "\n"); n >= 260 {
		t.Errorf("README.md has %d lines; keep it under 260 and move the detail to docs/", n)
	}
}

// Every GraphQL example of the README and docs/ runs without errors on the
// demo workspace that go run . serves, under the default limits. An example
// with variables shows them in a json block right after it, introduced by
// "Variables:".
func TestDocExamplesRun(t *testing.T) {
	block := regexp.MustCompile("(?s)```(\\w*)\n(.*?)```")
	type example struct {
		where     string
		query     string
		variables map[string]any
	}
	var examples []example
	for _, page := range docPages(t) {
		raw, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		blocks := block.FindAllStringSubmatchIndex(text, -1)
		for i, b := range blocks {
			if text[b[2]:b[3]] != "graphql" {
				continue
			}
			ex := example{where: fmt.Sprintf("%s:%d", page, strings.Count(text[:b[0]], "\n")+1), query: text[b[4]:b[5]]}
			if i+1 < len(blocks) && text[blocks[i+1][2]:blocks[i+1][3]] == "json" && strings.TrimSpace(text[b[1]:blocks[i+1][0]]) == "Variables:" {
				if err := json.Unmarshal([]byte(text[blocks[i+1][4]:blocks[i+1][5]]), &ex.variables); err != nil {
					t.Errorf("%s: its variables are not a JSON object: %v", ex.where, err)
				}
			}
			examples = append(examples, ex)
		}
	}
	if len(examples) == 0 {
		t.Fatal("no GraphQL examples found")
	}
	facade := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Seed: 1, Sizes: intercomsim.DemoSizes()}})
	for _, ex := range examples {
		resp := facade.Query(ex.query, ex.variables)
		if len(resp.Errors) > 0 || resp.Data == nil {
			t.Errorf("%s does not run on the demo workspace (status %d): %s", ex.where, resp.Status, resp.Raw)
		}
	}
}

func TestLiveUpdatesConfiguration(t *testing.T) {
	t.Setenv("INTERCOM_CLIENT_SECRET", "app-secret")
	t.Setenv("MAX_SUBSCRIPTIONS", "50")
	t.Setenv("SUBSCRIPTION_BUFFER", "8")
	t.Setenv("WEBHOOK_MAX_BODY_BYTES", "65536")
	cfg, err := parseServeConfig(nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.webhookSecret != "app-secret" || cfg.limits.MaxSubscriptions != 50 || cfg.limits.SubscriptionBuffer != 8 || cfg.limits.WebhookMaxBodyBytes != 65536 {
		t.Errorf("live configuration from the environment: %+v", cfg)
	}
	if a, b := liveNamespace("tok-1"), liveNamespace("tok-2"); a == b || strings.Contains(a, "tok-1") || a != liveNamespace("tok-1") {
		t.Error("replicas of one workspace share a live namespace, other workspaces do not, and it hides the token")
	}
	for host, want := range map[string]string{"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "127.0.0.1", "10.1.2.3": "10.1.2.3", "localhost": "localhost"} {
		if got := reachableHost(host); got != want {
			t.Errorf("reachableHost(%q) = %q, want %q", host, got, want)
		}
	}
	if a, b := randomSecret(), randomSecret(); a == b || len(a) != 64 {
		t.Error("demo secrets must be fresh and long")
	}
}

// A malformed setting stops the server with a message naming the variable and
// what it accepts; it never leaves the default quietly in force.
func TestMalformedSettingsStopTheServer(t *testing.T) {
	cases := []struct {
		env, value, says string
	}{
		{"INTROSPECTION", "maybe", "want true or false"},
		{"GRAPHIQL", "enabled", "want true or false"},
		{"REQUEST_TIMEOUT", "30", "want a duration with its unit"},
		{"UPSTREAM_TIMEOUT", "0s", "at least 1ms"},
		{"CACHE_TTL_OBJECTS", "-5s", "0 or more"},
		{"CACHE_TTL_REFERENCE", "five minutes", "want a duration"},
		{"PORT", "http", "whole number from 1 to 65535"},
		{"PORT", "70000", "whole number from 1 to 65535"},
		{"MAX_QUERY_DEPTH", "0", "from 1 to"},
		{"MAX_QUERY_COST", "1e3", "whole number"},
		{"MAX_BODY_BYTES", "1MB", "whole number"},
		{"MAX_CONCURRENT_REQUESTS", "-1", "whole number"},
		{"RATE_LIMIT_PER_MINUTE", "0", "or -1 for no limit"},
		{"SUBSCRIPTION_BUFFER", "lots", "whole number"},
		{"AUTH_MODE", "basic", "want one of none, apikey, jwt, passthrough"},
		{"INTERCOM_REGION", "mars", "want one of us, eu, au"},
		{"GRAPHIQL_ASSETS_URL", "cdn.example.com/npm", "want an absolute http or https URL"},
		{"GRAPHIQL_ASSETS_URL", "file:///srv/npm", "want an absolute http or https URL"},
		{"GRAPHIQL_ASSETS_URL", "https://cdn.example.com/npm?v=1", "without query or fragment"},
	}
	for _, tc := range cases {
		t.Run(tc.env+"="+tc.value, func(t *testing.T) {
			t.Setenv(tc.env, tc.value)
			_, err := parseServeConfig(nil)
			if err == nil {
				t.Fatalf("%s=%q was accepted", tc.env, tc.value)
			}
			if !strings.Contains(err.Error(), tc.env+"=") || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %q should name %s and say %q", err, tc.env, tc.says)
			}
		})
	}
	t.Run("flags", func(t *testing.T) {
		_, err := parseServeConfig([]string{"--request-timeout", "30"})
		if err == nil || !strings.Contains(err.Error(), "-request-timeout") || !strings.Contains(err.Error(), "unit") {
			t.Errorf("a unit-less flag duration gave %v", err)
		}
	})
	t.Run("every mistake at once", func(t *testing.T) {
		t.Setenv("INTROSPECTION", "nope")
		t.Setenv("MAX_QUERY_DEPTH", "deep")
		_, err := parseServeConfig(nil)
		if err == nil || !strings.Contains(err.Error(), "INTROSPECTION") || !strings.Contains(err.Error(), "MAX_QUERY_DEPTH") {
			t.Errorf("both mistakes should be reported together, got %v", err)
		}
	})
}

func TestSettingsAcceptTheCommonSpellings(t *testing.T) {
	for value, want := range map[string]bool{"off": false, "no": false, "0": false, "FALSE": false, "on": true, "yes": true, "1": true, "True": true} {
		t.Setenv("INTROSPECTION", value)
		t.Setenv("GRAPHIQL", value)
		cfg, err := parseServeConfig(nil)
		if err != nil || cfg.introspection != want || cfg.graphiql != want {
			t.Errorf("INTROSPECTION=GRAPHIQL=%q: introspection %v graphiql %v err %v, want %v", value, cfg.introspection, cfg.graphiql, err, want)
		}
	}
	t.Setenv("RATE_LIMIT_PER_MINUTE", "-1")
	t.Setenv("CACHE_TTL_OBJECTS", "0")
	t.Setenv("REQUEST_TIMEOUT", "45s")
	cfg, err := parseServeConfig([]string{"--introspection=true"})
	if err != nil || cfg.limits.RequestsPerMinute != -1 || cfg.cacheTTL.Objects != 0 || cfg.limits.RequestTimeout != 45*time.Second || !cfg.introspection {
		t.Errorf("valid settings were misread: %+v %v", cfg, err)
	}
}

func TestGraphiQLAssetsURLDefaultsToTheCDN(t *testing.T) {
	cfg, err := parseServeConfig(nil)
	if err != nil || cfg.graphiqlAssets != "https://cdn.jsdelivr.net/npm" {
		t.Errorf("default GRAPHIQL_ASSETS_URL = %q, %v", cfg.graphiqlAssets, err)
	}
	t.Setenv("GRAPHIQL_ASSETS_URL", "https://assets.example.com/npm/")
	if cfg, err = parseServeConfig(nil); err != nil || cfg.graphiqlAssets != "https://assets.example.com/npm" {
		t.Errorf("GRAPHIQL_ASSETS_URL=https://assets.example.com/npm/ read as %q, %v", cfg.graphiqlAssets, err)
	}
	if cfg, err = parseServeConfig([]string{"--graphiql-assets-url", "http://assets.internal:8081/npm"}); err != nil || cfg.graphiqlAssets != "http://assets.internal:8081/npm" {
		t.Errorf("--graphiql-assets-url read as %q, %v", cfg.graphiqlAssets, err)
	}
}

// `go run . schema`, GET /graphql/schema.graphql and graph/schema.graphql
// are one text: tools that read the committed file see the schema served.
func TestSchemaCommandPrintsTheServedSDL(t *testing.T) {
	var printed strings.Builder
	if err := printSchema(&printed, nil); err != nil {
		t.Fatal(err)
	}
	f := facadetest.New(t, facadetest.Options{})
	resp, err := http.Get(f.Server.URL + "/graphql/schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	served, _ := io.ReadAll(resp.Body)
	if printed.String() != string(served) {
		t.Error("go run . schema prints another text than GET /graphql/schema.graphql serves")
	}
	committed, err := os.ReadFile(filepath.Join("graph", "schema.graphql"))
	if err != nil {
		t.Fatal(err)
	}
	if string(committed) != printed.String() {
		t.Error("graph/schema.graphql differs from the schema served: regenerate it with go run . schema > graph/schema.graphql")
	}
	if err := printSchema(io.Discard, []string{"--out", "x"}); err == nil {
		t.Error("schema accepted arguments it ignores")
	}
}

func TestLogLevelMustBeKnown(t *testing.T) {
	t.Setenv("LOG_LEVEL", "loud")
	if _, err := logLevel(); err == nil || !strings.Contains(err.Error(), "LOG_LEVEL") {
		t.Errorf("LOG_LEVEL=loud gave %v", err)
	}
	t.Setenv("LOG_LEVEL", "debug")
	if level, err := logLevel(); err != nil || level != slog.LevelDebug {
		t.Errorf("LOG_LEVEL=debug gave %v %v", level, err)
	}
}

// freePort is a port nothing listens on at the moment.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// With METRICS_ADDR the metrics have a listener of their own, and the
// graph's port no longer serves them.
func TestMetricsAddrServesTheMetricsAlone(t *testing.T) {
	port, metricsPort := freePort(t), freePort(t)
	t.Setenv("PORT", strconv.Itoa(port))
	t.Setenv("METRICS_ADDR", "127.0.0.1:"+strconv.Itoa(metricsPort))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, slog.New(slog.NewJSONHandler(io.Discard, nil)), nil) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	status := func(url string) int {
		for range 200 {
			resp, err := http.Get(url)
			if err == nil {
				resp.Body.Close()
				return resp.StatusCode
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("%s never answered", url)
		return 0
	}
	if got := status(fmt.Sprintf("http://127.0.0.1:%d/metrics", metricsPort)); got != http.StatusOK {
		t.Errorf("METRICS_ADDR /metrics: %d", got)
	}
	if got := status(fmt.Sprintf("http://127.0.0.1:%d/metrics", port)); got != http.StatusNotFound {
		t.Errorf("the graph's port still serves /metrics: %d", got)
	}
	if got := status(fmt.Sprintf("http://127.0.0.1:%d/graphql", metricsPort)); got != http.StatusNotFound {
		t.Errorf("the metrics listener serves the graph: %d", got)
	}
}

func TestMalformedMetricsAddrStopsTheServer(t *testing.T) {
	t.Setenv("METRICS_ADDR", "9090")
	if _, err := parseServeConfig(nil); err == nil || !strings.Contains(err.Error(), "METRICS_ADDR") {
		t.Errorf("METRICS_ADDR=9090 gave %v", err)
	}
}

// runCommand starts the command (this test binary acting as it) with the
// environment given, and returns it with its stderr being collected.
func runCommand(t *testing.T, env []string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), append([]string{"RUN_AS_COMMAND=1", "INTERCOM_ACCESS_TOKEN="}, env...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return cmd, &stderr
}

// Everything the server writes on stderr is a JSON line: its own logs, the
// refusals of malformed requests, net/http's complaints, and the reason it stops.
func TestEveryLineOnStderrIsJSON(t *testing.T) {
	port := freePort(t)
	cmd, stderr := runCommand(t, []string{"PORT=" + strconv.Itoa(port), "INTERCOM_CLIENT_SECRET=s3cret"})
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	for i := 0; ; i++ {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		if i > 400 {
			t.Fatalf("the server did not start: %s", stderr)
		}
		time.Sleep(50 * time.Millisecond)
	}
	send := func(method, path, contentType, body string, headers ...string) {
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}
	send("POST", "/graphql", "application/json", `{"query":"{ me { name } }"}`)
	send("POST", "/graphql", "application/json", `{"query":"{ me { name } }"}`, "Upgrade", "websocket", "Connection", "Upgrade")
	send("POST", "/graphql", "application/json", `{"query": "{ me `)
	send("POST", "/graphql", "application/json", `{"query":"{ __typename }"} trailing`)
	send("POST", "/graphql", "application/json", `{"query":"subscription { contactEvents { topic } }"}`)
	send("PUT", "/graphql", "application/json", `{}`)
	send("POST", "/webhooks/intercom", "application/json", `{"type":"notification_event"}`, "X-Hub-Signature", "sha1=forged")
	send("GET", "/nowhere", "", "")
	// A connection that speaks no HTTP at all makes net/http complain.
	if conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
		_, _ = conn.Write([]byte("\x16\x03\x01 not http\r\n\r\n"))
		_, _ = io.ReadAll(conn)
		conn.Close()
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	_ = cmd.Wait()
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) < 5 {
		t.Fatalf("stderr holds %d lines: %s", len(lines), stderr)
	}
	for _, line := range lines {
		if !json.Valid([]byte(line)) {
			t.Errorf("a line on stderr is not JSON: %q", line)
		}
	}
}

func TestAMalformedSettingIsOneJSONLineAndAFailure(t *testing.T) {
	cmd, stderr := runCommand(t, []string{"REQUEST_TIMEOUT=30", "GRAPHIQL=maybe"})
	err := cmd.Wait()
	if err == nil {
		t.Fatal("the server started with malformed settings")
	}
	line := strings.TrimSpace(stderr.String())
	var entry struct{ Level, Msg, Error string }
	if strings.Contains(line, "\n") || json.Unmarshal([]byte(line), &entry) != nil || entry.Level != "ERROR" ||
		!strings.Contains(entry.Error, "REQUEST_TIMEOUT") || !strings.Contains(entry.Error, "GRAPHIQL") {
		t.Errorf("stderr: %s", line)
	}
}
