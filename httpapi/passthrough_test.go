package httpapi_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/loaders/cache"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// Callers who bring their own Intercom token each see their own workspace,
// through one shared server and one shared cache, and never each other's.
func TestPassThroughKeepsWorkspacesApart(t *testing.T) {
	sim := intercomsim.New(intercomsim.Options{Seed: 1, Sizes: intercomsim.Sizes{Admins: 5, Teams: 2, Contacts: 30, Conversations: 10}})
	sim.AddWorkspace("token-b", 2, intercomsim.Sizes{Admins: 3, Teams: 1, Contacts: 12, Conversations: 4})
	simServer := httptest.NewServer(sim.Handler())
	defer simServer.Close()
	pool, err := upstream.NewPool(upstream.Config{BaseURL: simServer.URL, Cache: cache.NewMemory(1000), CacheTTL: upstream.DefaultCacheTTL()}, 10)
	if err != nil {
		t.Fatal(err)
	}
	server := httptest.NewServer(httpapi.New(httpapi.Config{
		CursorKey: []byte("k"), Auth: httpapi.NewPassThrough(pool), Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}))
	defer server.Close()
	f := &facadetest.Facade{T: t, Sim: sim, Server: server}
	as := func(token, query string, vars map[string]any) facadetest.Response {
		headers := map[string]string{}
		if token != "" {
			headers["Authorization"] = "Bearer " + token
		}
		return postWithVariables(f, headers, query, vars)
	}

	for name, token := range map[string]string{"no token": "", "a token Intercom refuses": "stolen-or-made-up"} {
		if resp := as(token, `{ admins { totalCount } }`, nil); resp.Status != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401 before any work", name, resp.Status)
		}
	}
	query := `{ me { app { idCode } } admins { totalCount } contacts(first: 5) { totalCount pageInfo { endCursor } } }`
	for range 2 { // the second round is served from the shared cache: still per workspace
		a := as(intercomsim.DemoToken, query, nil).MustData(t)
		b := as("token-b", query, nil).MustData(t)
		if facadetest.Dig(a, "admins", "totalCount") != float64(5) || facadetest.Dig(b, "admins", "totalCount") != float64(3) {
			t.Fatalf("workspace A sees %v admins, B sees %v; want 5 and 3", facadetest.Dig(a, "admins", "totalCount"), facadetest.Dig(b, "admins", "totalCount"))
		}
		if facadetest.Dig(a, "contacts", "totalCount") != float64(30) || facadetest.Dig(b, "contacts", "totalCount") != float64(12) {
			t.Fatalf("contacts crossed workspaces: %v and %v", facadetest.Dig(a, "contacts", "totalCount"), facadetest.Dig(b, "contacts", "totalCount"))
		}
		if facadetest.Dig(a, "me", "app", "idCode") == facadetest.Dig(b, "me", "app", "idCode") {
			t.Fatalf("both workspaces answered as the same workspace")
		}
		// A cursor of one workspace is refused in the other.
		cursor := facadetest.Dig(a, "contacts", "pageInfo", "endCursor")
		resp := as("token-b", `query($after: String) { contacts(first: 5, after: $after) { totalCount } }`, map[string]any{"after": cursor})
		if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" {
			t.Fatalf("workspace A's cursor in workspace B: %s", resp.Raw)
		}
	}
}
