package httpapi_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// clientFrom sends requests from another loopback address, as a second
// machine would.
func clientFrom(ip string) *http.Client {
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	return &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		return dialer.DialContext(ctx, network, addr)
	}}}
}

func postWith(t *testing.T, c *http.Client, url string, headers map[string]string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", strings.NewReader(`{"query":"{ me { name } }"}`))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(body)
}

// Guessing API keys from one address is throttled: after the allowance of
// failures, every attempt gets 429 with Retry-After, without being checked,
// while a client at another address is served.
func TestFailedLoginsAreThrottledPerAddress(t *testing.T) {
	keys, err := httpapi.NewAPIKeys([]string{keyDigest("the-right-key")})
	if err != nil {
		t.Fatal(err)
	}
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.Auth = keys }})
	attacker := http.DefaultClient
	statuses := map[int]int{}
	var retryAfter string
	for i := range 700 {
		status, header, _ := postWith(t, attacker, f.Server.URL, map[string]string{"X-API-Key": "guess-" + strconv.Itoa(i)})
		statuses[status]++
		if status == http.StatusTooManyRequests {
			retryAfter = header.Get("Retry-After")
		}
	}
	if statuses[http.StatusUnauthorized] != httpapi.DefaultFailedLoginsPerMinute || statuses[http.StatusTooManyRequests] != 700-httpapi.DefaultFailedLoginsPerMinute {
		t.Errorf("700 wrong keys got %v, want %d refusals and then 429s", statuses, httpapi.DefaultFailedLoginsPerMinute)
	}
	if n, err := strconv.Atoi(retryAfter); err != nil || n < 1 {
		t.Errorf("429 without a usable Retry-After: %q", retryAfter)
	}
	if status, _, body := postWith(t, clientFrom("127.0.0.2"), f.Server.URL, map[string]string{"X-API-Key": "the-right-key"}); status != http.StatusOK {
		t.Errorf("a client at another address was refused: %d %s", status, body)
	}
	if status, _, _ := postWith(t, attacker, f.Server.URL, map[string]string{"X-API-Key": "the-right-key"}); status != http.StatusTooManyRequests {
		t.Errorf("the throttled address got %d for the right key, want 429 until its allowance refills", status)
	}
}

// In pass-through mode a token is checked with Intercom once: a refused
// token is answered from memory, and random tokens cost Intercom at most the
// failure allowance, never one call each.
func TestRejectedTokensCostIntercomNothingMore(t *testing.T) {
	sim := intercomsim.New(intercomsim.Options{Seed: 1, Sizes: facadetest.SmallWorkspace})
	simServer := httptest.NewServer(sim.Handler())
	t.Cleanup(simServer.Close)
	pool, err := upstream.NewPool(upstream.Config{BaseURL: simServer.URL}, 100)
	if err != nil {
		t.Fatal(err)
	}
	server := httptest.NewServer(httpapi.New(httpapi.Config{
		CursorKey: []byte("k"), Auth: httpapi.NewPassThrough(pool), Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}))
	t.Cleanup(server.Close)

	for range 100 {
		if status, _, _ := postWith(t, http.DefaultClient, server.URL, map[string]string{"Authorization": "Bearer one-bad-token"}); status != http.StatusUnauthorized && status != http.StatusTooManyRequests {
			t.Fatalf("a refused token got %d", status)
		}
	}
	if calls := sim.Calls(); calls != 1 {
		t.Errorf("one bad token sent 100 times cost %d upstream calls, want 1", calls)
	}

	other := clientFrom("127.0.0.3")
	before := sim.Calls()
	for i := range 500 {
		postWith(t, other, server.URL, map[string]string{"Authorization": fmt.Sprintf("Bearer random-%d", i)})
	}
	if calls := sim.Calls() - before; calls > int64(httpapi.DefaultFailedLoginsPerMinute) {
		t.Errorf("500 random tokens cost %d upstream calls, want at most %d", calls, httpapi.DefaultFailedLoginsPerMinute)
	}
	if status, _, body := postWith(t, clientFrom("127.0.0.4"), server.URL, map[string]string{"Authorization": "Bearer " + intercomsim.DemoToken}); status != http.StatusOK {
		t.Errorf("a valid token from another address: %d %s", status, body)
	}
}

// When Intercom cannot answer a token check, the caller is not at fault:
// 503 with Retry-After, and no failed login is counted.
func TestAnUncheckableTokenIsNoFailedLogin(t *testing.T) {
	sim := intercomsim.New(intercomsim.Options{Seed: 1, Sizes: facadetest.SmallWorkspace})
	simServer := httptest.NewServer(sim.Handler())
	t.Cleanup(simServer.Close)
	pool, err := upstream.NewPool(upstream.Config{BaseURL: simServer.URL, Retry: &upstream.RetryPolicy{MaxAttempts: 1}}, 100)
	if err != nil {
		t.Fatal(err)
	}
	server := httptest.NewServer(httpapi.New(httpapi.Config{
		CursorKey: []byte("k"), Auth: httpapi.NewPassThrough(pool), Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}))
	t.Cleanup(server.Close)
	remove := sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultStatus, Status: 503, Path: "/me"})
	for range 2 * httpapi.DefaultFailedLoginsPerMinute {
		status, header, body := postWith(t, http.DefaultClient, server.URL, map[string]string{"Authorization": "Bearer " + intercomsim.DemoToken})
		if status != http.StatusServiceUnavailable || header.Get("Retry-After") == "" || !strings.Contains(body, "UPSTREAM_UNAVAILABLE") {
			t.Fatalf("a token Intercom could not check got %d %s", status, body)
		}
	}
	remove()
	if status, _, body := postWith(t, http.DefaultClient, server.URL, map[string]string{"Authorization": "Bearer " + intercomsim.DemoToken}); status != http.StatusOK {
		t.Errorf("once Intercom answers, the token is served: %d %s", status, body)
	}
}
