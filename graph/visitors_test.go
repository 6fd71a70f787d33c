package graph_test

import (
	"testing"

	"github.com/99designs/gqlgen/client"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func TestVisitorByUserIDAndNodeRoundTrip(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	for _, userID := range f.Sim.Workspace(intercomsim.DemoToken).VisitorUserIDs() {
		var data struct {
			Visitor struct {
				ID, IntercomID, UserID string
				Anonymous              bool
				Pseudonym, Name, Email *string
				Location               *struct{ CountryName *string }
			}
		}
		f.MustPost(`query($u: String!) { visitor(userId: $u) { id intercomId userId anonymous pseudonym name email location { countryName } } }`,
			&data, client.Var("u", userID))
		v := data.Visitor
		if v.UserID != userID || v.Anonymous != (v.Pseudonym != nil) {
			t.Errorf("visitor %s = %+v", userID, v)
		}
		var got struct {
			Node struct{ ID, UserID, IntercomID string }
		}
		f.MustPost(`query($id: ID!) { node(id: $id) { id ... on Visitor { userId intercomId } } }`, &got, client.Var("id", v.ID))
		if got.Node.UserID != userID || got.Node.IntercomID != v.IntercomID {
			t.Errorf("round trip of %+v gave %+v", v, got.Node)
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

// A visitor's tags are references: each gives the Tag it names, a Node a
// Relay store shares with every other place the tag appears.
func TestVisitorTagsGiveTheirTags(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	tagged := 0
	for _, userID := range f.Sim.Workspace(intercomsim.DemoToken).VisitorUserIDs() {
		var data struct {
			Visitor struct {
				Tags []struct {
					IntercomID, Name string
					Tag              *struct{ ID, IntercomID, Name string }
				}
			}
		}
		f.MustPost(`query($u: String!) { visitor(userId: $u) { tags { intercomId name tag { id intercomId name } } } }`, &data, client.Var("u", userID))
		for _, vt := range data.Visitor.Tags {
			tagged++
			if vt.Tag == nil || vt.Tag.IntercomID != vt.IntercomID || vt.Tag.Name != vt.Name || vt.Tag.ID != facadetest.GlobalID("Tag", vt.IntercomID) {
				t.Errorf("visitor %s: the tag %+v gives %+v", userID, vt, vt.Tag)
			}
		}
	}
	if tagged == 0 {
		t.Fatal("no visitor of the demo workspace has a tag, which proves nothing")
	}
}
