package httpapi_test

import (
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
)

func getSDL(t *testing.T, f *facadetest.Facade, header http.Header) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, f.Server.URL+httpapi.SchemaPath, nil)
	maps.Copy(req.Header, header)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// A tool that reads a schema file gets the same schema introspection
// describes: every type, field, argument, input field and enum value, with
// the same types, and none of gqlgen's code-generation directives.
func TestSchemaSDLAgreesWithIntrospection(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	resp, sdl := getSDL(t, f, nil)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
		t.Fatalf("GET %s: status %d, content type %q", httpapi.SchemaPath, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if sdl != httpapi.SDL() {
		t.Error("the route serves another text than httpapi.SDL")
	}
	if strings.Contains(sdl, "@go") {
		t.Error("the SDL shows gqlgen's code-generation directives")
	}
	schema, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: sdl})
	if err != nil {
		t.Fatalf("the SDL does not load as a schema: %v", err)
	}
	fromSDL := map[string][]string{}
	for name, def := range schema.Types {
		fromSDL[name] = sdlMembers(def)
	}
	fromIntrospection := map[string][]string{}
	data := f.Query(readIntrospectionQuery(t, "graphiql-4"), nil).MustData(t)
	for _, typ := range facadetest.Dig(data, "__schema", "types").([]any) {
		fromIntrospection[facadetest.Str(facadetest.Dig(typ, "name"))] = introspectedMembers(typ.(map[string]any))
	}
	if got, want := slices.Sorted(maps.Keys(fromSDL)), slices.Sorted(maps.Keys(fromIntrospection)); !slices.Equal(got, want) {
		t.Fatalf("the SDL has %d types, introspection %d", len(got), len(want))
	}
	for name, want := range fromIntrospection {
		if got := fromSDL[name]; !slices.Equal(got, want) {
			t.Errorf("%s: the SDL has\n%v\nintrospection has\n%v", name, got, want)
		}
	}
	if !slices.Contains(fromSDL["Query"], "contacts(after: String, filter: ContactFilter, first: Int, orderBy: ContactOrder): ContactConnection") {
		t.Errorf("Query.contacts is not in the SDL as expected: %v", fromSDL["Query"])
	}
	if _, ok := schema.Directives["cost"]; !ok {
		t.Error("the schema's own @cost directive is missing from the SDL")
	}
}

// sdlMembers are a type's fields (with arguments), input fields or enum
// values, each as one sorted line.
func sdlMembers(def *ast.Definition) []string {
	var out []string
	for _, f := range def.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue // __typename, __schema and __type are implied, not listed by introspection
		}
		var args []string
		for _, a := range f.Arguments {
			args = append(args, a.Name+": "+a.Type.String())
		}
		out = append(out, member(def.Kind == ast.InputObject, f.Name, args, f.Type.String()))
	}
	for _, v := range def.EnumValues {
		out = append(out, v.Name)
	}
	slices.Sort(out)
	return out
}

func introspectedMembers(typ map[string]any) []string {
	var out []string
	for _, f := range list(typ["fields"]) {
		var args []string
		for _, a := range list(f["args"]) {
			args = append(args, fmt.Sprint(a["name"])+": "+typeRef(a["type"]))
		}
		out = append(out, member(false, fmt.Sprint(f["name"]), args, typeRef(f["type"])))
	}
	for _, f := range list(typ["inputFields"]) {
		out = append(out, member(true, fmt.Sprint(f["name"]), nil, typeRef(f["type"])))
	}
	for _, v := range list(typ["enumValues"]) {
		out = append(out, fmt.Sprint(v["name"]))
	}
	slices.Sort(out)
	return out
}

func member(input bool, name string, args []string, typ string) string {
	slices.Sort(args)
	if len(args) > 0 && !input {
		name += "(" + strings.Join(args, ", ") + ")"
	}
	return name + ": " + typ
}

func list(v any) []map[string]any {
	var out []map[string]any
	items, _ := v.([]any)
	for _, item := range items {
		out = append(out, item.(map[string]any))
	}
	return out
}

// typeRef writes an introspected type reference as SDL does: [Tag!]!.
func typeRef(v any) string {
	ref := v.(map[string]any)
	switch ref["kind"] {
	case "NON_NULL":
		return typeRef(ref["ofType"]) + "!"
	case "LIST":
		return "[" + typeRef(ref["ofType"]) + "]"
	default:
		return fmt.Sprint(ref["name"])
	}
}

// INTROSPECTION=false hides the schema by every route; GraphiQL's page then
// does not point at it either.
func TestIntrospectionOffAlsoTurnsOffTheSDL(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.DisableIntrospection = true }})
	resp, body := getSDL(t, f, nil)
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, `"code":"NOT_FOUND"`) || !strings.Contains(body, "INTROSPECTION=false") {
		t.Errorf("with introspection off, GET %s: status %d body %s", httpapi.SchemaPath, resp.StatusCode, body)
	}
	page, err := http.Get(f.Server.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer page.Body.Close()
	html, _ := io.ReadAll(page.Body)
	if strings.Contains(string(html), httpapi.SchemaPath) {
		t.Error("GraphiQL's page points at the SDL route while it is off")
	}
}

// The SDL is introspection by another route: it asks for the same credentials.
func TestSDLNeedsTheCredentialsQueriesNeed(t *testing.T) {
	const key = "sdl-test-key"
	keys := acceptingKeys(t, key)
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.Auth = keys }})
	if resp, _ := getSDL(t, f, nil); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("without a key: status %d, want 401", resp.StatusCode)
	}
	if resp, body := getSDL(t, f, http.Header{"X-Api-Key": {key}}); resp.StatusCode != http.StatusOK || body != httpapi.SDL() {
		t.Errorf("with a key: status %d", resp.StatusCode)
	}
}
