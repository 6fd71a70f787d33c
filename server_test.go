package main

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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

// The README's coverage table must name every operation of Intercom's API.
func TestReadmeCoversEveryOperation(t *testing.T) {
	operations := filepath.Join("..", "shared", "intercom", "OPERATIONS.md")
	f, err := os.Open(operations)
	if err != nil {
		t.Skipf("%s is not here (%v); the coverage check needs it", operations, err)
	}
	defer f.Close()
	readme, err := os.ReadFile("README.md")
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
		if !strings.Contains(string(readme), "| "+m[1]+" | `"+m[2]+"` | "+m[3]+" |") {
			t.Errorf("README coverage table lacks %s %s (%s)", m[1], m[2], m[3])
		}
	}
	if count != 108 {
		t.Errorf("OPERATIONS.md lists %d operations, expected 108", count)
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
