package httpapi_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/loaders/cache"
	"intercom-graphql/upstream"
)

func TestMetricsCountUpstreamCallsCacheAndGraphQLOperations(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Cache: cache.NewMemory(100), CacheTTL: upstream.DefaultCacheTTL()})
	for range 2 {
		f.Query(`query Dashboard { admins { totalCount } }`, nil).MustData(t)
	}
	f.Query(`query Broken { contact(intercomId: "nope") { email } }`, nil)
	resp, err := http.Get(f.Server.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	text := string(body)
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
