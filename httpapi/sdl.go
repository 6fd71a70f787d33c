package httpapi

import (
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/schemaview"
)

// SchemaPath serves the schema as SDL, for tools that read a schema file
// (code generators, Relay's compiler, linters) and for people without GraphiQL.
const SchemaPath = "/graphql/schema.graphql"

// SDL is the graph's schema in GraphQL's schema definition language, as
// clients see it through introspection (the plain view, without federation's
// additions, which a subgraph serves as _service { sdl } instead): gqlgen's code-generation directives
// (@goField, @goModel...) steer Go code only, so neither their definitions
// nor their uses appear. Directives come first, then types, each sorted by
// name and set apart by a blank line, so the text is the same on every call
// and a change to the schema shows as a readable diff.
var SDL = sync.OnceValue(func() string {
	schema := withoutGoDirectives(schemaview.Plain())
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(schema.Directives)) {
		parts = append(parts, formatSchema(&ast.Schema{Directives: map[string]*ast.DirectiveDefinition{name: schema.Directives[name]}}))
	}
	for _, name := range slices.Sorted(maps.Keys(schema.Types)) {
		parts = append(parts, formatSchema(&ast.Schema{Types: map[string]*ast.Definition{name: schema.Types[name]}}))
	}
	// Built-in scalars and directives format as nothing.
	parts = slices.DeleteFunc(parts, func(p string) bool { return p == "" })
	return strings.Join(parts, "\n")
})

func formatSchema(s *ast.Schema) string {
	var b strings.Builder
	formatter.NewFormatter(&b, formatter.WithIndent("  ")).FormatSchema(s)
	return b.String()
}

// schemaSDL answers GET /graphql/schema.graphql; with introspection off it
// answers 404, as the schema is then not for callers to see.
func schemaSDL(introspection bool) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		if !introspection {
			writeGraphQLError(w, http.StatusNotFound, errcode.NotFound,
				"the schema is not served: introspection is turned off on this server (INTROSPECTION=false)", nil)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte(SDL()))
	}
}

// isGoDirective tells gqlgen's code-generation directives (goField, goModel,
// goTag, goExtraField, goEnum...) from the schema's own.
func isGoDirective(name string) bool {
	rest, ok := strings.CutPrefix(name, "go")
	return ok && rest != "" && unicode.IsUpper(rune(rest[0]))
}

// withoutGoDirectives copies the parts of schema that carry directives, so
// the executable schema, which serves every request, is never changed.
func withoutGoDirectives(schema *ast.Schema) *ast.Schema {
	out := *schema
	out.Directives = map[string]*ast.DirectiveDefinition{}
	for name, d := range schema.Directives {
		if !isGoDirective(name) {
			out.Directives[name] = d
		}
	}
	out.SchemaDirectives = keepDirectives(schema.SchemaDirectives)
	out.Types = make(map[string]*ast.Definition, len(schema.Types))
	for name, def := range schema.Types {
		d := *def
		d.Directives = keepDirectives(def.Directives)
		d.Fields = copyEach(def.Fields, func(f *ast.FieldDefinition) {
			f.Directives = keepDirectives(f.Directives)
			f.Arguments = copyEach(f.Arguments, func(a *ast.ArgumentDefinition) { a.Directives = keepDirectives(a.Directives) })
		})
		d.EnumValues = copyEach(def.EnumValues, func(v *ast.EnumValueDefinition) { v.Directives = keepDirectives(v.Directives) })
		out.Types[name] = &d
	}
	return &out
}

// copyEach copies the elements of list, each changed by edit.
func copyEach[T any](list []*T, edit func(*T)) []*T {
	out := make([]*T, len(list))
	for i, v := range list {
		c := *v
		edit(&c)
		out[i] = &c
	}
	return out
}

func keepDirectives(list ast.DirectiveList) ast.DirectiveList {
	return slices.DeleteFunc(slices.Clone(list), func(d *ast.Directive) bool { return isGoDirective(d.Name) })
}
