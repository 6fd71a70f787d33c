package httpapi_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"intercom-graphql/graph/httpapi"
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
	f := &facade{t: t, sim: sim, server: server}
	as := func(token, query string, vars map[string]any) gqlResponse {
		headers := map[string]string{}
		if token != "" {
			headers["Authorization"] = "Bearer " + token
		}
		return f.postWithVariables(headers, query, vars)
	}

	for name, token := range map[string]string{"no token": "", "a token Intercom refuses": "stolen-or-made-up"} {
		if resp := as(token, `{ admins { totalCount } }`, nil); resp.status != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401 before any work", name, resp.status)
		}
	}
	query := `{ me { app { idCode } } admins { totalCount } contacts(first: 5) { totalCount pageInfo { endCursor } } }`
	for range 2 { // the second round is served from the shared cache: still per workspace
		a := as(intercomsim.DemoToken, query, nil).mustData(t)
		b := as("token-b", query, nil).mustData(t)
		if dig(a, "admins", "totalCount") != float64(5) || dig(b, "admins", "totalCount") != float64(3) {
			t.Fatalf("workspace A sees %v admins, B sees %v; want 5 and 3", dig(a, "admins", "totalCount"), dig(b, "admins", "totalCount"))
		}
		if dig(a, "contacts", "totalCount") != float64(30) || dig(b, "contacts", "totalCount") != float64(12) {
			t.Fatalf("contacts crossed workspaces: %v and %v", dig(a, "contacts", "totalCount"), dig(b, "contacts", "totalCount"))
		}
		if dig(a, "me", "app", "idCode") == dig(b, "me", "app", "idCode") {
			t.Fatalf("both workspaces answered as the same workspace")
		}
		// A cursor of one workspace is refused in the other.
		cursor := dig(a, "contacts", "pageInfo", "endCursor")
		resp := as("token-b", `query($after: String) { contacts(first: 5, after: $after) { totalCount } }`, map[string]any{"after": cursor})
		if len(resp.Errors) != 1 || resp.Errors[0].code() != "BAD_USER_INPUT" {
			t.Fatalf("workspace A's cursor in workspace B: %s", resp.raw)
		}
	}
}
