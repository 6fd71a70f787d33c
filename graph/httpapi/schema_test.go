package httpapi_test

import (
	"strings"
	"testing"
)

// The docs pane of GraphiQL is the API reference: every type, field,
// argument and enum value of the graph must say what it is.
func TestEverySchemaElementHasADescription(t *testing.T) {
	f := newFacade(t, facadeOptions{})
	data := f.query(`{
	  __schema { types {
	    name kind description
	    fields(includeDeprecated: true) { name description args { name description } }
	    inputFields { name description }
	    enumValues(includeDeprecated: true) { name description }
	  } }
	}`, nil).mustData(t)
	builtin := map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}
	var missing []string
	types, _ := dig(data, "__schema", "types").([]any)
	for _, ty := range types {
		name := str(dig(ty, "name"))
		if strings.HasPrefix(name, "__") || builtin[name] {
			continue
		}
		if strings.TrimSpace(str(dig(ty, "description"))) == "" {
			missing = append(missing, name)
		}
		for _, group := range []string{"fields", "inputFields", "enumValues"} {
			items, _ := dig(ty, group).([]any)
			for _, item := range items {
				field := name + "." + str(dig(item, "name"))
				if strings.TrimSpace(str(dig(item, "description"))) == "" {
					missing = append(missing, field)
				}
				args, _ := dig(item, "args").([]any)
				for _, arg := range args {
					if strings.TrimSpace(str(dig(arg, "description"))) == "" {
						missing = append(missing, field+"("+str(dig(arg, "name"))+")")
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
