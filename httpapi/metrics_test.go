package httpapi_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/loaders/cache"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

func TestMetricsCountUpstreamCallsCacheAndGraphQLOperations(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Cache: cache.NewMemory(100), CacheTTL: upstream.DefaultCacheTTL()})
	for range 2 {
		f.Query(`query Dashboard { admins { totalCount } }`, nil).MustData(t)
	}
	f.Query(`query Broken { contact(intercomId: "nope") { email } }`, nil)
	text := metricsText(t, f)
	for _, want := range []string{
		`intercom_upstream_requests_total{operation="listAdmins",status="200"} 1`,
		`intercom_upstream_requests_total{operation="ShowContact",status="404"} 1`,
		`intercom_cache_lookups_total{result="hit"} 1`,
		`intercom_upstream_request_duration_seconds_count{operation="listAdmins"} 1`,
		`graphql_requests_total{operation="Dashboard",type="query"} 2`,
		`graphql_errors_total{code="NOT_FOUND",operation="Broken"} 1`,
		`intercom_rate_limit_limit 1666`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func TestWarmCacheAnswersReferenceDataWithoutIntercom(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Cache: cache.NewMemory(100), CacheTTL: upstream.CacheTTL{Reference: 60e9}})
	query := `{ admins { totalCount } teams { nodes { name } } }`
	cold := f.Query(query, nil)
	warm := f.Query(query, nil)
	if calls := facadetest.Dig(cold.Extensions, "upstream", "calls"); calls != float64(2) {
		t.Errorf("cold: %v calls, want 2", calls)
	}
	if calls, hits := facadetest.Dig(warm.Extensions, "upstream", "calls"), facadetest.Dig(warm.Extensions, "upstream", "cacheHits"); calls != float64(0) || hits != float64(2) {
		t.Errorf("warm: %v calls and %v hits, want 0 and 2", calls, hits)
	}
}

// /metrics shows operation names and the remaining Intercom budget: when
// clients must authenticate, so must whoever reads them; callers bringing
// their own tokens never see them (they hold every workspace's traffic);
// and with another listener configured the graph's port does not serve them.
func TestMetricsAreExposedOnlyToWhomTheyBelong(t *testing.T) {
	keys, err := httpapi.NewAPIKeys([]string{keyDigest("ops-key")})
	if err != nil {
		t.Fatal(err)
	}
	get := func(f *facadetest.Facade, headers map[string]string) int {
		req, _ := http.NewRequest(http.MethodGet, f.Server.URL+"/metrics", nil)
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	withKeys := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.Auth = keys }})
	if status := get(withKeys, nil); status != http.StatusUnauthorized {
		t.Errorf("API keys, no key: /metrics answered %d, want 401", status)
	}
	if status := get(withKeys, map[string]string{"X-API-Key": "ops-key"}); status != http.StatusOK {
		t.Errorf("API keys, a valid key: /metrics answered %d, want 200", status)
	}
	elsewhere := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.MetricsElsewhere = true }})
	if status := get(elsewhere, nil); status != http.StatusNotFound {
		t.Errorf("metrics on another listener: the graph's port answered %d, want 404", status)
	}
	open := facadetest.New(t, facadetest.Options{})
	if status := get(open, nil); status != http.StatusOK {
		t.Errorf("without authentication: /metrics answered %d, want 200", status)
	}
}

func TestPassThroughCallersNeverSeeTheMetrics(t *testing.T) {
	sim := intercomsim.New(intercomsim.Options{Seed: 1, Sizes: facadetest.SmallWorkspace})
	simServer := httptest.NewServer(sim.Handler())
	t.Cleanup(simServer.Close)
	pool, err := upstream.NewPool(upstream.Config{BaseURL: simServer.URL}, 10)
	if err != nil {
		t.Fatal(err)
	}
	server := httptest.NewServer(httpapi.New(httpapi.Config{CursorKey: []byte("k"), Auth: httpapi.NewPassThrough(pool),
		Metrics: httpapi.NewMetrics(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	t.Cleanup(server.Close)
	req, _ := http.NewRequest(http.MethodGet, server.URL+"/metrics", nil)
	req.Header.Set("Authorization", "Bearer "+intercomsim.DemoToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("a pass-through caller read /metrics: %d, want 404", resp.StatusCode)
	}
}

// A query with @defer is one request however many parts it is answered in.
func TestADeferredQueryIsCountedAsOneRequest(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	id, _ := richContact(t, f)
	query := `query Deferred($id: ID!) { contact(id: $id) { name ... @defer { companies { nodes { name } } } ... @defer { segments { nodes { name } } } } }`
	resp, _ := postDeferred(t, f, apolloAccept, query, map[string]any{"id": id})
	if parts := allParts(t, multipartParts(t, resp)); len(parts) < 2 {
		t.Fatalf("the query should be answered in parts, got %d", len(parts))
	}
	text := metricsText(t, f)
	if want := `graphql_requests_total{operation="Deferred",type="query"} 1`; !strings.Contains(text, want) {
		t.Errorf("/metrics lacks %s", want)
	}
}

func metricsText(t *testing.T, f *facadetest.Facade) string {
	t.Helper()
	resp, err := http.Get(f.Server.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}
