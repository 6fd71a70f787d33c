package schemaview

import "testing"

// The plain view is the subgraph view without federation's declarations and
// their uses, and with everything else of the graph.
func TestThePlainViewIsTheGraphWithoutFederation(t *testing.T) {
	plain, subgraph := Plain(), Subgraph()
	if subgraph.Query.Fields.ForName("_entities") == nil || subgraph.Types["_Entity"] == nil {
		t.Fatal("the generated schema has no federation: the test checks nothing")
	}
	for name, def := range subgraph.Types {
		kept := plain.Types[name]
		if FromFederation(def.Position) {
			if kept != nil {
				t.Errorf("the plain view has federation's %s", name)
			}
			continue
		}
		if kept == nil {
			t.Errorf("the plain view lacks %s", name)
			continue
		}
		for _, d := range kept.Directives {
			if d.Name == "key" {
				t.Errorf("%s keeps @key in the plain view", name)
			}
		}
		for _, field := range def.Fields {
			if (kept.Fields.ForName(field.Name) == nil) != FromFederation(field.Position) {
				t.Errorf("%s.%s: in the plain view %v, declared by federation %v", name, field.Name, kept.Fields.ForName(field.Name) != nil, FromFederation(field.Position))
			}
		}
	}
	for name := range plain.Directives {
		if name == "key" || name == "link" || name == "shareable" {
			t.Errorf("the plain view declares @%s", name)
		}
	}
	if len(plain.SchemaDirectives) != 0 || plain.Query != plain.Types["Query"] || plain.Mutation != plain.Types["Mutation"] {
		t.Error("the plain view's schema directives or root types are not its own")
	}
	for name, impl := range plain.Implements {
		for _, def := range impl {
			if def == nil || def.Name == "_Entity" {
				t.Errorf("%s implements %v in the plain view", name, def)
			}
		}
	}
	if subgraph.Types["Contact"].Directives.ForName("key") == nil {
		t.Error("making the plain view changed the generated schema")
	}
}

func TestMalformedRepresentations(t *testing.T) {
	schema := Subgraph()
	for _, tc := range []struct {
		rep  any
		fine bool
	}{
		{map[string]any{"__typename": "Contact", "email": "ada@example.com"}, true},
		{map[string]any{"__typename": "Contact", "externalId": "u-1", "name": "Ada"}, true},
		{map[string]any{"__typename": "Company", "companyId": "c-1"}, true},
		{map[string]any{"__typename": "Tag", "id": "VGFnOjE"}, true},
		{map[string]any{"__typename": "Tag", "name": "vip"}, false},
		{map[string]any{"__typename": "Company", "email": "ada@example.com"}, false},
		{map[string]any{"__typename": "Contact", "email": 7}, false},
		{map[string]any{"__typename": "PageInfo", "id": "x"}, false},
		{map[string]any{"__typename": "Node", "id": "x"}, false},
		{map[string]any{"id": "x"}, false},
		{"Contact:1", false},
		{nil, false},
	} {
		if problem := malformed(schema, tc.rep); (problem == "") != tc.fine {
			t.Errorf("%v: %q", tc.rep, problem)
		}
	}
}
