package graph_test

import (
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func dataAttributesWalk(vars map[string]any) connWalk {
	return connWalk{
		query: `query($model: DataAttributeModel, $archived: Boolean, $first: Int, $after: String, $last: Int, $before: String) {
		  dataAttributes(model: $model, includeArchived: $archived, first: $first, after: $after, last: $last, before: $before) {
		    totalCount edges { cursor node { model fullName } } nodes { model fullName }
		    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
		  }
		}`,
		vars: vars,
		path: []any{"dataAttributes"},
		key: func(n any) string {
			return strings.ToLower(facadetest.Str(facadetest.Dig(n, "model"))) + ":" + facadetest.Str(facadetest.Dig(n, "fullName"))
		},
	}
}

func TestDataAttributesWalkBothWaysPerModel(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	for _, tc := range []struct {
		model    any
		archived bool
	}{{nil, false}, {"CONTACT", true}, {"COMPANY", false}, {"CONVERSATION", false}} {
		wire := ""
		if tc.model != nil {
			wire = strings.ToLower(tc.model.(string))
		}
		want := ws.DataAttributeNames(wire, tc.archived)
		w := dataAttributesWalk(map[string]any{"model": tc.model, "archived": tc.archived})
		for _, first := range []int{1, 7, 100} {
			keys, calls, pages := w.forward(t, f, first)
			assertInOrder(t, "data attributes", keys, want)
			if calls != int64(pages) {
				t.Errorf("model %v: %d pages cost %d calls, want one each", tc.model, pages, calls)
			}
		}
		keys, _ := w.backward(t, f, 5)
		assertInOrder(t, "data attributes backward", keys, want)
	}
}

func TestDataAttributesReadOncePerQueryAndArguments(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	before := f.Sim.Calls()
	data := f.Query(`{
	  a: dataAttributes(model: CONTACT, first: 2) { totalCount pageInfo { endCursor } }
	  b: dataAttributes(model: CONTACT, last: 2) { totalCount }
	  c: dataAttributes(model: COMPANY) { totalCount }
	}`, nil).MustData(t)
	if calls := f.Sim.Calls() - before; calls != 2 {
		t.Errorf("two distinct lists cost %d calls, want 2", calls)
	}
	resp := f.Query(`query($after: String) { dataAttributes(model: COMPANY, after: $after) { totalCount } }`,
		map[string]any{"after": facadetest.Dig(data, "a", "pageInfo", "endCursor")})
	if codeOf(resp, "dataAttributes") != "BAD_USER_INPUT" {
		t.Errorf("a cursor of the contact attributes was taken on the company attributes: %s", resp.Raw)
	}
}
