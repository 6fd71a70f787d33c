package httpapi

import (
	_ "embed"
	"html/template"
	"net/http"
	"strings"
	"time"
)

// DefaultGraphiQLAssetsURL serves GraphiQL's files by their npm paths
// (<base>/graphiql@4.1.2/graphiql.min.js). A company that hosts its own copy
// points GRAPHIQL_ASSETS_URL at a URL that serves the same paths.
const DefaultGraphiQLAssetsURL = "https://cdn.jsdelivr.net/npm"

// graphiqlPatience is how long the page waits for GraphiQL's files before it
// explains, in place of "Loading…", why GraphiQL does not start.
const graphiqlPatience = 2 * time.Second

// graphiqlAsset is one file of GraphiQL's page: its npm path under the assets
// base, and the hash the browser checks it against (Subresource Integrity).
type graphiqlAsset struct {
	Path      string
	Integrity string
	Kind      string // "script" or "style"
}

// graphiqlAssets are the versions gqlgen's GraphiQL page pins, with its hashes;
// the scripts run in this order.
var graphiqlAssets = []graphiqlAsset{
	{"react@18.2.0/umd/react.production.min.js", "sha256-S0lp+k7zWUMk2ixteM6HZvu8L9Eh//OVrt+ZfbCpmgY=", "script"},
	{"react-dom@18.2.0/umd/react-dom.production.min.js", "sha256-IXWO0ITNDjfnNXIu5POVfqlgYoop36bDzhodR6LW5Pc=", "script"},
	{"graphiql@4.1.2/graphiql.min.js", "sha256-hnImuor1znlJkD/FOTL3jayfS/xsyNoP04abi8bFJWs=", "script"},
	{"graphiql@4.1.2/graphiql.min.css", "sha256-MEh+B2NdMSpj9kexQNN3QKc8UzMrCXW/Sx/phcpuyIU=", "style"},
}

//go:embed graphiql.html
var graphiqlHTML string

var graphiqlPage = template.Must(template.New("graphiql").Parse(graphiqlHTML))

// graphiqlPageData is what the page's template reads; the page's script gets
// the values as JSON.
type graphiqlPageData struct {
	Title           string
	Endpoint        string
	SchemaPath      string // empty when the schema is not served
	AssetsBase      string
	Assets          []pageAsset
	PatienceMillis  int64
	PatienceSeconds int64
}

type pageAsset struct {
	URL       string `json:"url"`
	Integrity string `json:"integrity"`
	Kind      string `json:"kind"`
}

// newGraphiQL serves GraphiQL for endpoint, its files loaded from assetsBase
// (DefaultGraphiQLAssetsURL when empty). schemaPath, when set, is named on
// the page shown when the files cannot load.
func newGraphiQL(title, endpoint, schemaPath, assetsBase string) http.HandlerFunc {
	base := strings.TrimRight(assetsBase, "/")
	if base == "" {
		base = DefaultGraphiQLAssetsURL
	}
	data := graphiqlPageData{
		Title: title, Endpoint: endpoint, SchemaPath: schemaPath, AssetsBase: base,
		PatienceMillis: graphiqlPatience.Milliseconds(), PatienceSeconds: int64(graphiqlPatience / time.Second),
	}
	for _, a := range graphiqlAssets {
		data.Assets = append(data.Assets, pageAsset{URL: base + "/" + a.Path, Integrity: a.Integrity, Kind: a.Kind})
	}
	var page strings.Builder
	if err := graphiqlPage.Execute(&page, data); err != nil {
		panic(err) // the template and its data are fixed at build time
	}
	body := []byte(page.String())
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(body)
	}
}
