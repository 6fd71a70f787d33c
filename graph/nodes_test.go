package graph_test

import (
	"encoding/base64"
	"testing"

	"github.com/99designs/gqlgen/client"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// identity is a node's two ids.
type identity struct{ ID, IntercomID string }

func TestNodeRoundTripsForEveryNodeType(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	type firstNode struct{ Nodes []identity }
	var data struct{ Admins, Teams, Contacts, Conversations firstNode }
	f.MustPost(`{
	  admins(first: 1) { nodes { id intercomId } }
	  teams(first: 1) { nodes { id intercomId } }
	  contacts(first: 1) { nodes { id intercomId } }
	  conversations(first: 1) { nodes { id intercomId } }
	}`, &data)
	for _, root := range []struct {
		name, typename string
		list           firstNode
	}{{"admins", "Admin", data.Admins}, {"teams", "Team", data.Teams}, {"contacts", "Contact", data.Contacts}, {"conversations", "Conversation", data.Conversations}} {
		if len(root.list.Nodes) != 1 {
			t.Fatalf("%s(first: 1) gave %d nodes", root.name, len(root.list.Nodes))
		}
		want := root.list.Nodes[0]
		var got struct {
			Node struct {
				ID, IntercomID string
				Typename       string `json:"__typename"`
			}
		}
		f.MustPost(`query($id: ID!) { node(id: $id) { id __typename ... on Admin { intercomId } ... on Team { intercomId } ... on Contact { intercomId } ... on Conversation { intercomId } } }`,
			&got, client.Var("id", want.ID))
		if got.Node.ID != want.ID || got.Node.IntercomID != want.IntercomID || got.Node.Typename != root.typename {
			t.Errorf("%s: node(id) returned %+v, want id %s intercomId %s, a %s", root.name, got.Node, want.ID, want.IntercomID, root.typename)
		}
	}
}

func TestNodesKeepsOrderAndReportsEachBadIDOnItsOwn(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	var data struct{ Contacts struct{ Nodes []identity } }
	f.MustPost(`{ contacts(first: 3) { nodes { id intercomId } } }`, &data)
	if len(data.Contacts.Nodes) != 3 {
		t.Fatalf("contacts(first: 3) gave %d contacts", len(data.Contacts.Nodes))
	}
	forged := base64.RawURLEncoding.EncodeToString([]byte("Contact:does-not-exist"))
	ids := []any{data.Contacts.Nodes[2].ID, "%%%not-an-id", data.Contacts.Nodes[0].ID, forged}
	before := f.Sim.Calls()
	resp := f.Query(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids})
	nodes, _ := facadetest.Dig(resp.Data, "nodes").([]any)
	if len(nodes) != 4 {
		t.Fatalf("got %d nodes, want 4: %s", len(nodes), resp.Raw)
	}
	if facadetest.Dig(nodes, 0, "id") != ids[0] || facadetest.Dig(nodes, 2, "id") != ids[2] {
		t.Errorf("good ids not returned in order: %s", resp.Raw)
	}
	if nodes[1] != nil || nodes[3] != nil {
		t.Errorf("bad ids should be null: %s", resp.Raw)
	}
	if e, ok := resp.ErrorAt("nodes", 1); !ok || e.Code() != "BAD_USER_INPUT" {
		t.Errorf("malformed id: want BAD_USER_INPUT at nodes.1, got %s", resp.Raw)
	}
	if e, ok := resp.ErrorAt("nodes", 3); !ok || e.Code() != "NOT_FOUND" {
		t.Errorf("unknown contact: want NOT_FOUND at nodes.3, got %s", resp.Raw)
	}
	// The two listed contacts were primed by nothing here: they cost one call each at most, the malformed id none.
	if calls := f.Sim.Calls() - before; calls > 3 {
		t.Errorf("nodes made %d upstream calls for 3 well-formed ids", calls)
	}
}

func TestSingleObjectLookupsByGlobalIDOrIntercomID(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	conversationID := ws.ConversationIDs()[0]
	type named struct{ Name string }
	var data struct {
		Conversation struct {
			ID, IntercomID, State string
			AdminAssignee         *struct{ IntercomID, Name string }
			TeamAssignee          *struct {
				IntercomID, Name string
				Admins           struct {
					TotalCount int
					Nodes      []named
				}
			}
			Contacts struct {
				TotalCount int
				Nodes      []struct{ IntercomID, Email, Role string }
			}
			Parts struct {
				TotalCount int
				Nodes      []struct {
					PartType string
					Author   struct {
						Type string
						Name *string
					}
				}
			}
			Source struct {
				Type   string
				Author struct{ Type, Email string }
			}
		}
	}
	f.MustPost(`query($cid: String!) {
	  conversation(intercomId: $cid) {
	    id intercomId state
	    adminAssignee { intercomId name }
	    teamAssignee { intercomId name admins(first: 2) { totalCount nodes { name } } }
	    contacts(first: 5) { totalCount nodes { intercomId email role } }
	    parts(first: 3) { totalCount nodes { partType author { type name } } }
	    source { type author { type email } }
	  }
	}`, &data, client.Var("cid", conversationID))
	conv := data.Conversation
	if conv.IntercomID != conversationID {
		t.Fatalf("conversation = %+v", conv)
	}
	if n := conv.Contacts.TotalCount; n < 1 {
		t.Errorf("conversation has %v contacts, want at least one", n)
	}
	if len(conv.Contacts.Nodes) == 0 || conv.Contacts.Nodes[0].Email == "" {
		t.Errorf("the conversation's contact was not resolved: %+v", conv.Contacts)
	}
	var again struct{ Conversation struct{ IntercomID string } }
	f.MustPost(`query($id: ID!) { conversation(id: $id) { intercomId } }`, &again, client.Var("id", conv.ID))
	if again.Conversation.IntercomID != conversationID {
		t.Errorf("lookup by global ID returned %+v", again)
	}
}

func TestMeAndAdminsResolveTheirTeams(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	type named struct{ Name string }
	var data struct {
		Me struct {
			ID, Name, Email string
			App             *struct{ Name, Timezone, CreatedAt string }
			Admin           *struct{ IntercomID string }
			Teams           struct {
				TotalCount int
				Nodes      []named
			}
		}
		Teams struct {
			Nodes []struct {
				Name   string
				Admins struct {
					TotalCount int
					Nodes      []struct {
						Name  string
						Teams struct{ Nodes []struct{ IntercomID string } }
					}
				}
			}
		}
	}
	f.MustPost(`{
	  me { id name email app { name timezone createdAt } admin { intercomId } teams { totalCount nodes { name } } }
	  teams { nodes { name admins { totalCount nodes { name teams { nodes { intercomId } } } } } }
	}`, &data)
	me := data.Me
	if me.App == nil || me.App.Timezone != "UTC" || me.Name == "" {
		t.Fatalf("me = %+v", me)
	}
	if me.ID == "" || me.Admin == nil || me.Admin.IntercomID != f.Sim.Workspace(intercomsim.DemoToken).MeID() {
		t.Errorf("me.admin is not the same teammate: %+v", me)
	}
	if created := me.App.CreatedAt; len(created) != len("2023-06-01T00:00:00Z") {
		t.Errorf("createdAt %q is not RFC 3339 in UTC", created)
	}
}
