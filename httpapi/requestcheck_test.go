package httpapi_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
)

// A page of another site can make a browser send a GET (an image, a link, a
// form) without asking: the answer stays hidden from it, but the query
// would run and spend the workspace's budget. Such requests are refused
// before anything runs; what clients and allowed pages send passes.
func TestCrossSiteRequestsWithoutAPreflightAreRefused(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{AllowedOrigins: []string{"https://dashboard.example"}})
	get := "/graphql?" + url.Values{"query": {"{ me { name } }"}}.Encode()
	cases := []struct {
		name    string
		method  string
		headers map[string]string
		status  int
	}{
		{"a client outside a browser", "GET", nil, 200},
		{"the browser's own navigation", "GET", map[string]string{"Sec-Fetch-Site": "none"}, 200},
		{"a same-origin page", "GET", map[string]string{"Sec-Fetch-Site": "same-origin"}, 200},
		{"a same-origin fetch with its Origin", "GET", map[string]string{"Origin": "SELF"}, 200},
		{"an allowed origin", "GET", map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://dashboard.example"}, 200},
		{"a cross-site request that forced a preflight", "GET", map[string]string{"Sec-Fetch-Site": "cross-site", "GraphQL-Require-Preflight": "1"}, 200},
		{"an Apollo client's preflight header", "GET", map[string]string{"Sec-Fetch-Site": "cross-site", "Apollo-Require-Preflight": "true"}, 200},
		{"a cross-site image", "GET", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"a same-site page on another subdomain", "GET", map[string]string{"Sec-Fetch-Site": "same-site"}, 403},
		{"an older browser's foreign Origin", "GET", map[string]string{"Origin": "https://evil.example"}, 403},
		{"a sandboxed page", "GET", map[string]string{"Origin": "null"}, 403},
		{"a cross-site form POST", "POST", map[string]string{"Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded"}, 415},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := f.Sim.Calls()
			target := f.Server.URL + get
			var body *strings.Reader
			if tc.method == "POST" {
				target, body = f.Server.URL+"/graphql", strings.NewReader(`query=%7B+me+%7B+name+%7D+%7D`)
			} else {
				body = strings.NewReader("")
			}
			req, _ := http.NewRequest(tc.method, target, body)
			for k, v := range tc.headers {
				req.Header.Set(k, strings.ReplaceAll(v, "SELF", f.Server.URL))
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			r := facadetest.Decode(t, resp)
			if r.Status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.Status, tc.status, r.Raw)
			}
			if tc.status == 403 {
				if len(r.Errors) != 1 || r.Errors[0].Code() != "FORBIDDEN" || r.Errors[0].Extensions["reason"] != "CSRF" {
					t.Errorf("want one FORBIDDEN error with reason CSRF, got %s", r.Raw)
				}
			}
			if tc.status != 200 && f.Sim.Calls() != before {
				t.Errorf("a refused request reached Intercom")
			}
		})
	}
}

// Refused forgeries do not count against the client's rate budget: a hostile
// page cannot lock a user's dashboard out.
func TestRefusedForgeriesSpendNoRateBudget(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.Limits.RequestsPerMinute = 2 }})
	get := f.Server.URL + "/graphql?" + url.Values{"query": {"{ __typename }"}}.Encode()
	for range 5 {
		req, _ := http.NewRequest(http.MethodGet, get, nil)
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Fatalf("a forgery got %d", resp.StatusCode)
		}
	}
	for i := range 2 {
		if r := f.Query(`{ __typename }`, nil); r.Status != http.StatusOK {
			t.Errorf("query %d after the forgeries got %d %s", i+1, r.Status, r.Raw)
		}
	}
}
