package httpapi_test

import (
	"net/http"
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
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
