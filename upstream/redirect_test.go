package upstream_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"intercom-graphql/upstream"
)

// An answer that redirects is never followed: the token would travel to
// whatever the Location names (another port, another host, plain http), and
// whatever answered there would be served as Intercom's data.
func TestRedirectsAreNeverFollowed(t *testing.T) {
	const token = "tok-secret-123"
	var reached atomic.Int32
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"type":"admin","id":"1","name":"Mallory","email":"m@evil.example"}`))
	}))
	t.Cleanup(elsewhere.Close)
	otherHost := strings.Replace(elsewhere.URL, "127.0.0.1", "localhost", 1)

	for name, location := range map[string]string{
		"another port of the same host": elsewhere.URL + "/me",
		"another host":                  otherHost + "/me",
		"a relative path":               "/elsewhere/me",
	} {
		t.Run(name, func(t *testing.T) {
			intercom := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasPrefix(r.URL.Path, "/elsewhere") {
					reached.Add(1)
				}
				http.Redirect(w, r, location, http.StatusFound)
			}))
			t.Cleanup(intercom.Close)
			for _, withOwnClient := range []bool{false, true} {
				cfg := upstream.Config{Token: token, BaseURL: intercom.URL}
				if withOwnClient {
					cfg.HTTPClient = &http.Client{}
				}
				client, err := upstream.New(cfg)
				if err != nil {
					t.Fatal(err)
				}
				before := reached.Load()
				me, err := client.Admins.Me(context.Background())
				if err == nil || me != nil {
					t.Fatalf("a redirect was served as data: %+v", me)
				}
				if !upstream.IsStatus(err, http.StatusFound) {
					t.Errorf("the error does not carry the redirect's status: %v", err)
				}
				if strings.Contains(err.Error(), token) || strings.Contains(err.Error(), url.QueryEscape(token)) {
					t.Errorf("the error shows the token: %v", err)
				}
				if reached.Load() != before {
					t.Errorf("the redirect was followed (own HTTP client: %v)", withOwnClient)
				}
			}
		})
	}
}
