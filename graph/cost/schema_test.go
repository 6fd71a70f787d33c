package cost_test

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
)

// Every field that can reach another object or a list of them must say what
// it costs, or the estimate silently reads it as free. A field served from
// its parent's data says so with @cost(calls: 0).
func TestEveryFieldThatCanFetchDeclaresItsCost(t *testing.T) {
	var missing []string
	for _, def := range schema.Types {
		if def.Kind != ast.Object || strings.HasPrefix(def.Name, "__") || strings.HasSuffix(def.Name, "Connection") || strings.HasSuffix(def.Name, "Edge") {
			continue
		}
		for _, field := range def.Fields {
			if strings.HasPrefix(field.Name, "__") || field.Directives.ForName("cost") != nil {
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
