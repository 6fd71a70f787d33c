package graph_test

import (
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func TestVisitorByUserIDAndNodeRoundTrip(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	for _, userID := range f.Sim.Workspace(intercomsim.DemoToken).VisitorUserIDs() {
		data := f.Query(`query($u: String!) { visitor(userId: $u) { id intercomId userId anonymous pseudonym name email location { countryName } } }`,
			map[string]any{"u": userID}).MustData(t)
		v := facadetest.Dig(data, "visitor")
		if facadetest.Str(facadetest.Dig(v, "userId")) != userID || (facadetest.Dig(v, "anonymous") == true) != (facadetest.Dig(v, "pseudonym") != nil) {
			t.Errorf("visitor %s = %v", userID, v)
		}
		got := f.Query(`query($id: ID!) { node(id: $id) { id ... on Visitor { userId intercomId } } }`, map[string]any{"id": facadetest.Dig(v, "id")}).MustData(t)
		if facadetest.Dig(got, "node", "userId") != userID || facadetest.Dig(got, "node", "intercomId") != facadetest.Dig(v, "intercomId") {
			t.Errorf("round trip of %v gave %v", v, got)
		}
	}
	before := f.Sim.Calls()
	resp := f.Query(`{ visitor(userId: "no/such visitor") { id } }`, nil)
	if codeOf(resp, "visitor") != "BAD_USER_INPUT" || f.Sim.Calls() != before {
		t.Errorf("malformed user id: %s", resp.Raw)
	}
	resp = f.Query(`{ visitor(userId: "no-such-visitor") { id } }`, nil)
	if codeOf(resp, "visitor") != "NOT_FOUND" {
		t.Errorf("unknown visitor: %s", resp.Raw)
	}
}
