package graph_test

import (
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
)

// The docs pane of GraphiQL is the API reference: every type, field,
// argument and enum value of the graph must say what it is.
func TestEverySchemaElementHasADescription(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	data := f.Query(`{
	  __schema { types {
	    name kind description
	    fields(includeDeprecated: true) { name description args { name description } }
	    inputFields { name description }
	    enumValues(includeDeprecated: true) { name description }
	  } }
	}`, nil).MustData(t)
	builtin := map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}
	var missing []string
	types, _ := facadetest.Dig(data, "__schema", "types").([]any)
	for _, ty := range types {
		name := facadetest.Str(facadetest.Dig(ty, "name"))
		if strings.HasPrefix(name, "__") || builtin[name] {
			continue
		}
		if strings.TrimSpace(facadetest.Str(facadetest.Dig(ty, "description"))) == "" {
			missing = append(missing, name)
		}
		for _, group := range []string{"fields", "inputFields", "enumValues"} {
			items, _ := facadetest.Dig(ty, group).([]any)
			for _, item := range items {
				field := name + "." + facadetest.Str(facadetest.Dig(item, "name"))
				if strings.TrimSpace(facadetest.Str(facadetest.Dig(item, "description"))) == "" {
					missing = append(missing, field)
				}
				args, _ := facadetest.Dig(item, "args").([]any)
				for _, arg := range args {
					if strings.TrimSpace(facadetest.Str(facadetest.Dig(arg, "description"))) == "" {
						missing = append(missing, field+"("+facadetest.Str(facadetest.Dig(arg, "name"))+")")
					}
				}
			}
		}
	}
	if len(types) < 10 {
		t.Fatalf("introspection returned only %d types", len(types))
	}
	if len(missing) > 0 {
		t.Errorf("%d schema elements lack a description: %s", len(missing), strings.Join(missing, ", "))
	}
}
