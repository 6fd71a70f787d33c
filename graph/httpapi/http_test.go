package httpapi_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestGraphQLOverHTTPGet(t *testing.T) {
	f := newFacade(t, facadeOptions{})
	q := url.Values{"query": {"{ me { name } }"}}
	resp, err := http.Get(f.server.URL + "/graphql?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	got := decodeResponse(t, resp)
	if resp.StatusCode != http.StatusOK || str(dig(got.mustData(t), "me", "name")) == "" {
		t.Errorf("GET query: status %d body %s", resp.StatusCode, got.raw)
	}
}

func TestGraphiQLHealthAndReadiness(t *testing.T) {
	f := newFacade(t, facadeOptions{})
	for path, want := range map[string]string{"/": "graphiql", "/healthz": "ok", "/readyz": "ready"} {
		resp, err := http.Get(f.server.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(strings.ToLower(string(body)), want) {
			t.Errorf("%s: status %d, body does not mention %q", path, resp.StatusCode, want)
		}
	}
}

func TestRequestIDsAreEchoedAndLogged(t *testing.T) {
	f := newFacade(t, facadeOptions{})
	req, _ := http.NewRequest(http.MethodPost, f.server.URL+"/graphql", strings.NewReader(`{"query":"{ me { name } }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Request-Id", "dashboard-42")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("X-Request-Id") != "dashboard-42" {
		t.Errorf("X-Request-Id = %q, want the caller's", resp.Header.Get("X-Request-Id"))
	}
	if !containsAll(f.logs.String(), `"request_id":"dashboard-42"`, `"path":"/graphql"`, `"status":200`) {
		t.Errorf("access log lacks the request: %s", f.logs.String())
	}

	req, _ = http.NewRequest(http.MethodGet, f.server.URL+"/healthz", nil)
	req.Header.Set("X-Request-Id", "bad id with spaces <script>")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if id := resp.Header.Get("X-Request-Id"); id == "" || strings.ContainsAny(id, " <>") {
		t.Errorf("a malformed request id must be replaced, got %q", id)
	}
}

func TestCORSAllowsOnlyListedOrigins(t *testing.T) {
	f := newFacade(t, facadeOptions{allowedOrigins: []string{"https://dashboard.example"}})
	preflight := func(origin string) *http.Response {
		req, _ := http.NewRequest(http.MethodOptions, f.server.URL+"/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	ok := preflight("https://dashboard.example")
	if ok.Header.Get("Access-Control-Allow-Origin") != "https://dashboard.example" || !strings.Contains(ok.Header.Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("listed origin: preflight headers %v", ok.Header)
	}
	refused := preflight("https://evil.example")
	if refused.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("unlisted origin was allowed: %v", refused.Header)
	}

	req, _ := http.NewRequest(http.MethodPost, f.server.URL+"/graphql", strings.NewReader(`{"query":"{ me { name } }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "https://evil.example")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("an unlisted origin's request carries CORS approval")
	}
}
