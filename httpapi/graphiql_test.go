package httpapi_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
)

func graphiQLPage(t *testing.T, f *facadetest.Facade) string {
	t.Helper()
	resp, err := http.Get(f.Server.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("GET /: status %d, content type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	return string(body)
}

// GraphiQL's files come from GRAPHIQL_ASSETS_URL by their npm paths, pinned
// by the same hashes as from the CDN: a self-hosted copy must be the same files.
func TestGraphiQLLoadsItsFilesFromTheConfiguredBase(t *testing.T) {
	files := map[string]string{
		"react@18.2.0/umd/react.production.min.js":         "sha256-S0lp+k7zWUMk2ixteM6HZvu8L9Eh//OVrt+ZfbCpmgY=",
		"react-dom@18.2.0/umd/react-dom.production.min.js": "sha256-IXWO0ITNDjfnNXIu5POVfqlgYoop36bDzhodR6LW5Pc=",
		"graphiql@4.1.2/graphiql.min.js":                   "sha256-hnImuor1znlJkD/FOTL3jayfS/xsyNoP04abi8bFJWs=",
		"graphiql@4.1.2/graphiql.min.css":                  "sha256-MEh+B2NdMSpj9kexQNN3QKc8UzMrCXW/Sx/phcpuyIU=",
	}
	for base, want := range map[string]string{"": httpapi.DefaultGraphiQLAssetsURL, "https://assets.example.com/npm/": "https://assets.example.com/npm"} {
		f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.GraphiQLAssetsURL = base }})
		page := graphiQLPage(t, f)
		for path, integrity := range files {
			if !strings.Contains(page, `{"url":"`+want+"/"+path+`","integrity":"`+integrity+`"`) {
				t.Errorf("GRAPHIQL_ASSETS_URL=%q: the page does not load %s/%s with integrity %s", base, want, path, integrity)
			}
		}
		if base != "" && strings.Contains(page, "cdn.jsdelivr.net") {
			t.Errorf("GRAPHIQL_ASSETS_URL=%q: the page still names the CDN", base)
		}
		if !strings.Contains(page, `const schemaPath = "`+httpapi.SchemaPath+`"`) {
			t.Error("the page's explanation of failed files does not point at the SDL")
		}
	}
}
