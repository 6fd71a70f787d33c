package cost_test

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"intercom-graphql/graph/schemaview"
	"intercom-graphql/loaders"
)

// Every field that can reach another object or a list of them must say what
// it costs, or the estimate silently reads it as free. A field served from
// its parent's data says so with @cost(calls: 0).
func TestEveryFieldThatCanFetchDeclaresItsCost(t *testing.T) {
	var missing []string
	for _, def := range schema.Types {
		// Federation's own types and fields (_entities, the Entity type of
		// its generated resolvers) are priced by the estimate from the
		// representations (entities.go), not by @cost.
		if def.Kind != ast.Object || strings.HasPrefix(def.Name, "__") || schemaview.FromFederation(def.Position) || strings.HasSuffix(def.Name, "Connection") || strings.HasSuffix(def.Name, "Edge") {
			continue
		}
		for _, field := range def.Fields {
			if strings.HasPrefix(field.Name, "__") || field.Directives.ForName("cost") != nil || schemaview.FromFederation(field.Position) {
				continue
			}
			if canFetch(field.Type) {
				missing = append(missing, def.Name+"."+field.Name)
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("fields without @cost: %s", strings.Join(missing, ", "))
	}
}

func canFetch(ty *ast.Type) bool {
	for ty.Elem != nil {
		ty = ty.Elem
	}
	target := schema.Types[ty.NamedType]
	if target == nil {
		return false
	}
	if strings.HasSuffix(target.Name, "Connection") || target.Kind == ast.Interface || target.Kind == ast.Union {
		return true
	}
	for _, iface := range target.Interfaces {
		if iface == "Node" {
			return true
		}
	}
	return false
}

// A sizedBy that names no list would price its field as free: every one
// must name a list argument of each root field that returns its type.
func TestEverySizedByNamesAListOfTheRootFieldsArguments(t *testing.T) {
	checked := 0
	for _, root := range []*ast.Definition{schema.Query, schema.Mutation} {
		for _, field := range root.Fields {
			payload := schema.Types[field.Type.Name()]
			if payload == nil {
				continue
			}
			for _, f := range payload.Fields {
				d := f.Directives.ForName("cost")
				if d == nil || d.Arguments.ForName("sizedBy") == nil {
					continue
				}
				path := d.Arguments.ForName("sizedBy").Value.Raw
				if !namesList(field, path) {
					t.Errorf("%s.%s is sized by %q, which is not a list argument of %s.%s", payload.Name, f.Name, path, root.Name, field.Name)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no field declares sizedBy")
	}
}

func namesList(field *ast.FieldDefinition, path string) bool {
	name, rest, _ := strings.Cut(path, ".")
	arg := field.Arguments.ForName(name)
	if arg == nil {
		return false
	}
	ty := arg.Type
	for rest != "" {
		var key string
		key, rest, _ = strings.Cut(rest, ".")
		input := schema.Types[ty.Name()]
		if input == nil || input.Kind != ast.InputObject || input.Fields.ForName(key) == nil {
			return false
		}
		ty = input.Fields.ForName(key).Type
	}
	return ty.Elem != nil
}

// Every reference list the schema prices with @cost(once:) is one the
// loaders can start reading when a query starts, so that no query waits a
// round trip for a list whose read needs no other answer. The counted
// segments are the exception: a query that asked segments(includeCount:
// true) already has the counts, and reading them again would waste a call.
func TestEveryReferenceListCanLoadWhenTheQueryStarts(t *testing.T) {
	for _, def := range schema.Types {
		for _, field := range def.Fields {
			d := field.Directives.ForName("cost")
			if d == nil || d.Arguments.ForName("once") == nil {
				continue
			}
			name := d.Arguments.ForName("once").Value.Raw
			if !loaders.PrefetchableList(name) && name != "countedSegments" {
				t.Errorf("%s.%s reads the list %q, which the loaders cannot prefetch", def.Name, field.Name, name)
			}
		}
	}
}
