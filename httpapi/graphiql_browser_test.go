package httpapi_test

import (
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"intercom-graphql/graph/schemaview"
	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
)

var clientsDir = filepath.Join("testdata", "clients")

// browserVisit is what testdata/clients/graphiql.mjs saw of the page.
type browserVisit struct {
	AllTypes     []string       `json:"allTypes"`
	QueryFields  []string       `json:"queryFields"`
	Result       map[string]any `json:"result"`
	Suggestions  []string       `json:"suggestions"`
	Subscription map[string]any `json:"subscriptionEvent"`
	Message      string         `json:"message"`
	Links        []string       `json:"links"`
	ShownAfterMs float64        `json:"shownAfterMs"`
	StartedLate  bool           `json:"startedLate"`
	CDNRequests  int            `json:"cdnRequests"`
	PageErrors   []string       `json:"pageErrors"`
}

// visitGraphiQL opens the facade's page in Chromium with a fresh profile;
// cdn says what the CDN's requests get (see graphiql.mjs), npm is the server
// of the installed packages.
func visitGraphiQL(t *testing.T, f *facadetest.Facade, npm *httptest.Server, cdn, expect string) browserVisit {
	t.Helper()
	chromium := facadetest.Chromium(t)
	out := facadetest.RunNode(t, clientsDir, "graphiql.mjs", "--page", f.Server.URL+"/", "--chromium", chromium,
		"--profile", t.TempDir(), "--npm", npm.URL+"/npm", "--cdn", cdn, "--expect", expect)
	var visit browserVisit
	if err := json.Unmarshal([]byte(out), &visit); err != nil {
		t.Fatalf("graphiql.mjs printed %q: %v", out, err)
	}
	return visit
}

// npmServer serves the packages npm installed in testdata/clients by npm
// path, <name>@<version>/<file>, as the CDN does: another version than the
// installed one is not found, as a missing file would be.
func npmServer(t *testing.T) *httptest.Server {
	t.Helper()
	facadetest.RequireNode(t, clientsDir)
	modules := os.DirFS(filepath.Join(clientsDir, "node_modules"))
	versioned := regexp.MustCompile(`^/npm/((?:@[^/@]+/)?[^/@]+)@([^/]+)/(.+)$`)
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m := versioned.FindStringSubmatch(r.URL.Path)
		if m == nil || installedVersion(modules, m[1]) != m[2] || !fs.ValidPath(m[1]+"/"+m[3]) {
			http.NotFound(w, r)
			return
		}
		// The page loads its files cross-origin with integrity checks, which need CORS.
		w.Header().Set("Access-Control-Allow-Origin", "*")
		http.ServeFileFS(w, r, modules, m[1]+"/"+m[3])
	}))
	t.Cleanup(server.Close)
	return server
}

func installedVersion(modules fs.FS, name string) string {
	raw, err := fs.ReadFile(modules, name+"/package.json")
	if err != nil {
		return ""
	}
	var pkg struct{ Version string }
	_ = json.Unmarshal(raw, &pkg)
	return pkg.Version
}

// The page as a new user meets it: GraphiQL starts from the CDN's files,
// which must match the page's integrity hashes; the Docs pane lists every
// type of the schema and Query's fields; a typed query runs; autocomplete
// knows the schema; a subscription receives a contact created meanwhile.
func TestGraphiQLDocsPaneShowsTheSchema(t *testing.T) {
	npm := npmServer(t)
	f := facadetest.NewLive(t, facadetest.Options{})
	visit := visitGraphiQL(t, f, npm, "serve", "docs")
	t.Logf("the Docs pane lists %d types under All Schema Types", len(visit.AllTypes))

	// The pane lists every type but the root types and introspection's own.
	var want []string
	for name := range schemaview.Plain().Types {
		if !strings.HasPrefix(name, "__") && name != "Query" && name != "Mutation" && name != "Subscription" {
			want = append(want, name)
		}
	}
	slices.Sort(want)
	got := slices.Sorted(slices.Values(visit.AllTypes))
	if !slices.Equal(got, want) {
		t.Errorf("the Docs pane lists %d types, the schema has %d", len(got), len(want))
	}
	if !slices.Contains(visit.QueryFields, "contacts") || !slices.Contains(visit.QueryFields, "conversations") {
		t.Errorf("Query's fields in the Docs pane: %v", visit.QueryFields)
	}
	if facadetest.Str(facadetest.Dig(visit.Result, "data", "me", "name")) == "" {
		t.Errorf("the query typed into GraphiQL answered %v", visit.Result)
	}
	if !slices.Contains(visit.Suggestions, "contacts") {
		t.Errorf("autocomplete after \"{ con\" offers %v", visit.Suggestions)
	}
	if facadetest.Dig(visit.Subscription, "data", "contactEvents", "kind") != "CREATED" {
		t.Errorf("the subscription in GraphiQL received %v", visit.Subscription)
	}
	// React, React DOM, GraphiQL's script and its style sheet: each once.
	if visit.CDNRequests != 4 {
		t.Errorf("the page asked the CDN %d times, want once per file (4)", visit.CDNRequests)
	}
	if len(visit.PageErrors) > 0 {
		t.Errorf("the page threw: %v", visit.PageErrors)
	}
}

// A browser that cannot reach the CDN gets, within 2 seconds, a page that
// says which file failed, what to do, and where the schema and the endpoint
// are; one whose files only arrive late sees the same, then GraphiQL.
func TestGraphiQLExplainsAssetsThatDoNotLoad(t *testing.T) {
	npm := npmServer(t)
	f := facadetest.New(t, facadetest.Options{})
	for _, tc := range []struct {
		cdn        string
		shownAfter float64 // ms since the page was opened, at most
		says       string
	}{
		{"abort", 2000, "could not be loaded"},
		// The page's own wait is 2 s; the rest is room for a busy machine.
		{"late", 3500, "did not load within 2 seconds"},
	} {
		t.Run(tc.cdn, func(t *testing.T) {
			visit := visitGraphiQL(t, f, npm, tc.cdn, "offline")
			t.Logf("the explanation showed after %.0f ms:\n%s", visit.ShownAfterMs, visit.Message)
			if visit.ShownAfterMs > tc.shownAfter {
				t.Errorf("the explanation showed after %.0f ms, want at most %.0f", visit.ShownAfterMs, tc.shownAfter)
			}
			// Which file fails first is the network's choice.
			if !regexp.MustCompile(regexp.QuoteMeta(httpapi.DefaultGraphiQLAssetsURL) + `/(react|react-dom|graphiql)@[0-9.]+/\S+ ` + tc.says).MatchString(visit.Message) {
				t.Errorf("the explanation does not name the file that failed and say it %s", tc.says)
			}
			for _, says := range []string{"GRAPHIQL_ASSETS_URL", httpapi.SchemaPath, "/graphql accepts GraphQL over HTTP POST from any client", "curl"} {
				if !strings.Contains(visit.Message, says) {
					t.Errorf("the explanation does not mention %q", says)
				}
			}
			if !slices.Contains(visit.Links, httpapi.SchemaPath) {
				t.Errorf("the explanation links %v, not the SDL", visit.Links)
			}
			if tc.cdn == "late" && !visit.StartedLate {
				t.Error("GraphiQL did not start once its files arrived")
			}
		})
	}
}

// A company that hosts the npm files itself points GRAPHIQL_ASSETS_URL at
// them: GraphiQL then starts without a single request to the CDN.
func TestGraphiQLLoadsSelfHostedAssets(t *testing.T) {
	npm := npmServer(t)
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.GraphiQLAssetsURL = npm.URL + "/npm/" }})
	visit := visitGraphiQL(t, f, npm, "forbid", "docs")
	if visit.CDNRequests != 0 || !slices.Contains(visit.QueryFields, "contacts") || len(visit.AllTypes) == 0 {
		t.Errorf("with self-hosted files: %d CDN requests, %d types, Query fields %v", visit.CDNRequests, len(visit.AllTypes), visit.QueryFields)
	}
}
