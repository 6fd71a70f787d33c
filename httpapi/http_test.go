package httpapi_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func TestGraphQLOverHTTPGet(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	q := url.Values{"query": {"{ me { name } }"}}
	resp, err := http.Get(f.Server.URL + "/graphql?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	got := facadetest.Decode(t, resp)
	if resp.StatusCode != http.StatusOK || facadetest.Str(facadetest.Dig(got.MustData(t), "me", "name")) == "" {
		t.Errorf("GET query: status %d body %s", resp.StatusCode, got.Raw)
	}
}

func TestGraphiQLHealthAndReadiness(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	for path, want := range map[string]string{"/": "graphiql", "/healthz": "ok", "/readyz": "ready"} {
		resp, err := http.Get(f.Server.URL + path)
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
	f := facadetest.New(t, facadetest.Options{})
	req, _ := http.NewRequest(http.MethodPost, f.Server.URL+"/graphql", strings.NewReader(`{"query":"{ me { name } }"}`))
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
	if !facadetest.ContainsAll(f.Logs.String(), `"request_id":"dashboard-42"`, `"path":"/graphql"`, `"status":200`) {
		t.Errorf("access log lacks the request: %s", f.Logs.String())
	}

	req, _ = http.NewRequest(http.MethodGet, f.Server.URL+"/healthz", nil)
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
	f := facadetest.New(t, facadetest.Options{AllowedOrigins: []string{"https://dashboard.example"}})
	preflight := func(origin string) *http.Response {
		req, _ := http.NewRequest(http.MethodOptions, f.Server.URL+"/graphql", nil)
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

	req, _ := http.NewRequest(http.MethodPost, f.Server.URL+"/graphql", strings.NewReader(`{"query":"{ me { name } }"}`))
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

// A mutation never runs from a GET: a link or an image tag must not change
// the workspace.
func TestMutationsAreRefusedOverGET(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	before := len(ws.TagIDs())
	q := `mutation { createOrUpdateTag(input: {name: "via GET"}) { tag { intercomId } } }`
	resp, err := http.Get(f.Server.URL + "/graphql?query=" + url.QueryEscape(q))
	if err != nil {
		t.Fatal(err)
	}
	r := facadetest.Decode(t, resp)
	if r.Status == http.StatusOK || len(r.Errors) == 0 || len(ws.TagIDs()) != before {
		t.Errorf("a mutation over GET answered %d %s and left %d tags (had %d)", r.Status, r.Raw, len(ws.TagIDs()), before)
	}
}
