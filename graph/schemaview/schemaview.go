// Package schemaview serves the graph's one generated executable schema in
// one of two views: the plain graph, or the graph as a Federation v2
// subgraph. gqlgen's federation support adds its directives, the _Entity
// union, the representation inputs and the _entities and _service fields to
// the generated schema; the plain view leaves all of them out, so that with
// federation off the graph its clients validate against, introspect and
// download is the graph it was before federation existed.
package schemaview

import (
	"slices"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"intercom-graphql/graph/generated"
)

// New builds the executable schema over cfg's resolvers: the subgraph view
// when federation is on, the plain view otherwise. The plain view is a schema
// without _entities and _service, so a query that asks for them fails
// validation like any field the graph does not have.
func New(cfg generated.Config, federation bool) graphql.ExecutableSchema {
	if !federation {
		cfg.Schema = Plain()
		return generated.NewExecutableSchema(cfg)
	}
	return checkedEntities{generated.NewExecutableSchema(cfg)}
}

// Subgraph is the schema of the subgraph view: everything gqlgen generated.
func Subgraph() *ast.Schema { return generated.NewExecutableSchema(generated.Config{}).Schema() }

// Plain is the schema of the plain view.
var Plain = sync.OnceValue(func() *ast.Schema { return withoutFederation(Subgraph()) })

// FromFederation tells what gqlgen's federation support declared (its
// built-in sources) from what the graph's own schema files declare.
func FromFederation(pos *ast.Position) bool {
	return pos != nil && pos.Src != nil && pos.Src.BuiltIn && strings.Contains(pos.Src.Name, "federation/")
}

// withoutFederation copies schema without federation's declarations and
// without their uses (the @key and @link of graph/schema/federation.graphqls).
// The copy shares what it does not change; schema itself is left intact.
func withoutFederation(schema *ast.Schema) *ast.Schema {
	out := *schema
	dropped := map[string]bool{}
	out.Directives = map[string]*ast.DirectiveDefinition{}
	for name, d := range schema.Directives {
		if FromFederation(d.Position) {
			dropped[name] = true
			continue
		}
		out.Directives[name] = d
	}
	keep := func(list ast.DirectiveList) ast.DirectiveList {
		return slices.DeleteFunc(slices.Clone(list), func(d *ast.Directive) bool { return dropped[d.Name] })
	}
	out.SchemaDirectives = keep(schema.SchemaDirectives)

	droppedTypes := map[string]bool{}
	out.Types = make(map[string]*ast.Definition, len(schema.Types))
	for name, def := range schema.Types {
		if FromFederation(def.Position) {
			droppedTypes[name] = true
			continue
		}
		d := *def
		d.Directives = keep(def.Directives)
		d.Fields = slices.DeleteFunc(slices.Clone(def.Fields), func(f *ast.FieldDefinition) bool { return FromFederation(f.Position) })
		out.Types[name] = &d
	}
	rebind := func(def *ast.Definition) *ast.Definition {
		if def == nil {
			return nil
		}
		return out.Types[def.Name]
	}
	out.Query, out.Mutation, out.Subscription = rebind(schema.Query), rebind(schema.Mutation), rebind(schema.Subscription)

	out.PossibleTypes = map[string][]*ast.Definition{}
	for name, defs := range schema.PossibleTypes {
		if droppedTypes[name] {
			continue
		}
		for _, def := range defs {
			out.PossibleTypes[name] = append(out.PossibleTypes[name], out.Types[def.Name])
		}
	}
	out.Implements = map[string][]*ast.Definition{}
	for name, defs := range schema.Implements {
		if droppedTypes[name] {
			continue
		}
		for _, def := range defs {
			if !droppedTypes[def.Name] {
				out.Implements[name] = append(out.Implements[name], out.Types[def.Name])
			}
		}
	}
	return &out
}
