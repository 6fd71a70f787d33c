package httpapi_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func TestGraphQLValidationErrorsUseTheVocabulary(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	resp := f.Query(`{ me { name noSuchField } }`, nil)
	if len(resp.Errors) == 0 || resp.Errors[0].Code() != "BAD_USER_INPUT" || !strings.Contains(resp.Errors[0].Message, "noSuchField") {
		t.Fatalf("unknown field: got %s", resp.Raw)
	}
	if resp.Data != nil {
		t.Errorf("an invalid document must not execute: %s", resp.Raw)
	}
	resp = f.Query(`{ me { name }`, nil)
	if len(resp.Errors) == 0 || resp.Errors[0].Code() != "BAD_USER_INPUT" {
		t.Fatalf("syntax error: got %s", resp.Raw)
	}
}

func TestMalformedRequestBodies(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	resp := f.Send("application/json", []byte(`{"query": "{ me { name } }"`))
	if resp.Status != http.StatusBadRequest || len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" {
		t.Errorf("truncated JSON: status %d body %s", resp.Status, resp.Raw)
	}
	resp = f.Send("application/json", []byte(`{"query": 42}`))
	if resp.Status != http.StatusBadRequest || len(resp.Errors) == 0 {
		t.Errorf("query of the wrong type: status %d body %s", resp.Status, resp.Raw)
	}
	huge := []byte(`{"query":"{ me { name } }","variables":{"pad":"` + strings.Repeat("x", 2<<20) + `"}}`)
	resp = f.Send("application/json", huge)
	if resp.Status != http.StatusRequestEntityTooLarge {
		t.Errorf("2 MiB body: status %d, want 413", resp.Status)
	}
}

func TestWrongContentTypesAreRefused(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	for _, contentType := range []string{"text/plain", "application/x-www-form-urlencoded", "image/png"} {
		resp, err := http.Post(f.Server.URL+"/graphql", contentType, strings.NewReader(`{"query":"{ me { name } }"}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode < 400 || resp.StatusCode >= 500 {
			t.Errorf("%s: status %d, want a 4xx refusal", contentType, resp.StatusCode)
		}
	}
	if f.Sim.Calls() != 0 {
		t.Errorf("refused requests reached Intercom %d times", f.Sim.Calls())
	}
}

// Every refusal of every route is a JSON body whose errors carry
// extensions.code, not net/http's plain text.
func TestEveryRouteRefusesInJSONWithACode(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: facadetest.SmallWorkspace}})
	unconfigured := f // no INTERCOM_CLIENT_SECRET: webhooks are off
	withSecret := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.WebhookSecret = "s3cret" }})
	broken := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) {
		c.Ready = func(context.Context) error { return errors.New("Intercom does not answer") }
	}})
	for _, tc := range []struct {
		name         string
		f            *facadetest.Facade
		method, path string
		body         string
		status       int
		code, allow  string
	}{
		{"an unknown path", f, "GET", "/nowhere", "", 404, "NOT_FOUND", ""},
		{"a probe posted to", f, "POST", "/healthz", "", 405, "BAD_USER_INPUT", "GET"},
		{"GraphiQL deleted", f, "DELETE", "/", "", 405, "BAD_USER_INPUT", "GET"},
		{"webhooks fetched", f, "GET", "/webhooks/intercom", "", 405, "BAD_USER_INPUT", "POST"},
		{"webhooks not configured", unconfigured, "POST", "/webhooks/intercom", `{}`, 503, "UNAVAILABLE", ""},
		{"a forged webhook", withSecret, "POST", "/webhooks/intercom", `{"type":"notification_event"}`, 401, "UNAUTHENTICATED", ""},
		{"not ready", broken, "GET", "/readyz", "", 503, "UPSTREAM_UNAVAILABLE", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, tc.f.Server.URL+tc.path, strings.NewReader(tc.body))
			req.Header.Set("X-Hub-Signature", "sha1=forged")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			r := facadetest.Decode(t, resp)
			if r.Status != tc.status || len(r.Errors) != 1 || r.Errors[0].Code() != tc.code {
				t.Errorf("%d %s, want %d with one %s error", r.Status, r.Raw, tc.status, tc.code)
			}
			if got := resp.Header.Get("Allow"); !strings.HasPrefix(got, tc.allow) {
				t.Errorf("Allow %q, want %q", got, tc.allow)
			}
		})
	}
}
