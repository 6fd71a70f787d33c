package httpapi_test

import (
	"testing"

	"intercom-graphql/upstream/intercomsim"
)

func TestVisitorByUserIDAndNodeRoundTrip(t *testing.T) {
	f := newFacade(t, facadeOptions{})
	for _, userID := range f.sim.Workspace(intercomsim.DemoToken).VisitorUserIDs() {
		data := f.query(`query($u: String!) { visitor(userId: $u) { id intercomId userId anonymous pseudonym name email location { countryName } } }`,
			map[string]any{"u": userID}).mustData(t)
		v := dig(data, "visitor")
		if str(dig(v, "userId")) != userID || (dig(v, "anonymous") == true) != (dig(v, "pseudonym") != nil) {
			t.Errorf("visitor %s = %v", userID, v)
		}
		got := f.query(`query($id: ID!) { node(id: $id) { id ... on Visitor { userId intercomId } } }`, map[string]any{"id": dig(v, "id")}).mustData(t)
		if dig(got, "node", "userId") != userID || dig(got, "node", "intercomId") != dig(v, "intercomId") {
			t.Errorf("round trip of %v gave %v", v, got)
		}
	}
	before := f.sim.Calls()
	resp := f.query(`{ visitor(userId: "no/such visitor") { id } }`, nil)
	if codeOf(resp, "visitor") != "BAD_USER_INPUT" || f.sim.Calls() != before {
		t.Errorf("malformed user id: %s", resp.raw)
	}
	resp = f.query(`{ visitor(userId: "no-such-visitor") { id } }`, nil)
	if codeOf(resp, "visitor") != "NOT_FOUND" {
		t.Errorf("unknown visitor: %s", resp.raw)
	}
}
