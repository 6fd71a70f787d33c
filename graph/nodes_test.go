package graph_test

import (
	"encoding/base64"
	"fmt"
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

// The objects a conversation, a ticket or a ticket type holds, the data
// attributes and the token's teammate are Nodes too: each comes back from
// node(id) as the same object, through the fewest calls that can serve it.
func TestHeldObjectsRoundTripThroughTheirOwners(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	type held struct{ ID, IntercomID string }
	var data struct {
		Me             held
		DataAttributes struct {
			Nodes []struct {
				ID, FullName string
				IntercomID   *string
				Archived     bool
			}
		}
		Conversations struct {
			Nodes []struct {
				IntercomID string
				Source     held
				Parts      struct{ Nodes []held }
			}
		}
		Tickets struct {
			Nodes []struct{ Parts struct{ Nodes []held } }
		}
		TicketTypes struct {
			Nodes []struct {
				Attributes struct {
					Nodes []struct{ ListOptions struct{ Nodes []held } }
				}
			}
		}
	}
	f.MustPost(`{
	  me { id intercomId }
	  dataAttributes(includeArchived: true, first: 100) { nodes { id intercomId fullName archived } }
	  conversations(first: 2) { nodes { intercomId source { id intercomId } parts(first: 3) { nodes { id intercomId } } } }
	  tickets(first: 2) { nodes { parts(first: 2) { nodes { id intercomId } } } }
	  ticketTypes { nodes { attributes(first: 100) { nodes { listOptions(first: 2) { nodes { id intercomId } } } } } }
	}`, &data)

	var attributes []held // a standard attribute (no Intercom id), a custom one, an archived one, by full name
	for _, a := range data.DataAttributes.Nodes {
		switch {
		case a.IntercomID == nil && len(attributes) == 0:
			attributes = append(attributes, held{a.ID, a.FullName})
		case a.IntercomID != nil && a.Archived == (len(attributes) == 2) && len(attributes) < 3:
			attributes = append(attributes, held{a.ID, a.FullName})
		}
	}
	var parts, sources, ticketParts, options []held
	for _, c := range data.Conversations.Nodes {
		parts = append(parts, c.Parts.Nodes...)
		sources = append(sources, c.Source)
	}
	for _, tk := range data.Tickets.Nodes {
		ticketParts = append(ticketParts, tk.Parts.Nodes...)
	}
	for _, tt := range data.TicketTypes.Nodes {
		for _, a := range tt.Attributes.Nodes {
			options = append(options, a.ListOptions.Nodes...)
		}
	}
	for _, tc := range []struct {
		typename string
		objects  []held
		want     int // objects needed, so that owners are shared
		calls    int64
		fields   string // how the objects name themselves
	}{
		{"Me", []held{data.Me}, 1, 1, "intercomId"},                 // GET /me
		{"DataAttribute", attributes, 3, 1, "intercomId: fullName"}, // the list of every model, archived included
		{"ConversationPart", parts, 6, 2, "intercomId"},             // GET /conversations/{id} for each of the two
		{"ConversationSource", sources, 2, 1, "intercomId"},         // one search for both conversations
		{"TicketPart", ticketParts, 4, 1, "intercomId"},             // one search for both tickets
		{"TicketTypeAttributeOption", options, 3, 1, "intercomId"},  // the ticket types
	} {
		t.Run(tc.typename, func(t *testing.T) {
			if len(tc.objects) < tc.want {
				t.Fatalf("the workspace gave %d %s objects, want %d: %+v", len(tc.objects), tc.typename, tc.want, tc.objects)
			}
			ids := make([]string, len(tc.objects))
			for i, o := range tc.objects {
				ids[i] = o.ID
			}
			var got struct {
				Nodes []struct {
					ID, IntercomID string
					Typename       string `json:"__typename"`
				}
			}
			before := f.Sim.Calls()
			f.MustPost(fmt.Sprintf(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on %s { %s } } }`, tc.typename, tc.fields), &got, client.Var("ids", ids))
			if calls := f.Sim.Calls() - before; calls != tc.calls {
				t.Errorf("fetching %d %s objects again cost %d upstream calls, want %d", len(ids), tc.typename, calls, tc.calls)
			}
			for i, o := range tc.objects {
				if n := got.Nodes[i]; n.ID != o.ID || n.IntercomID != o.IntercomID || n.Typename != tc.typename {
					t.Errorf("nodes(ids)[%d] = %+v, want the %s %+v", i, n, tc.typename, o)
				}
			}
		})
	}
}

// Global IDs of held objects are checked as every other: a forged one is
// refused as BAD_USER_INPUT naming the argument, before any upstream call; a
// well-formed one naming nothing is NOT_FOUND.
func TestHeldObjectIDsAreValidated(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	conversation, ticket := ws.ConversationIDs()[0], ws.TicketIDs()[0]
	var data struct {
		Conversation struct {
			Parts struct{ Nodes []struct{ ID string } }
		}
	}
	f.MustPost(`query($c: String!) { conversation(intercomId: $c) { parts(first: 1) { nodes { id } } } }`, &data, client.Var("c", conversation))
	if len(data.Conversation.Parts.Nodes) == 0 {
		t.Fatalf("conversation %s has no parts", conversation)
	}
	forged := func(typ, id string) string { return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + id)) }
	for _, tc := range []struct {
		name, query, id, code string
	}{
		{"a part without its conversation", `query($id: ID!) { node(id: $id) { id } }`, forged("ConversationPart", conversation), "BAD_USER_INPUT"},
		{"a part of no conversation", `query($id: ID!) { node(id: $id) { id } }`, forged("ConversationPart", ":1"), "BAD_USER_INPUT"},
		{"a ticket part naming a path", `query($id: ID!) { node(id: $id) { id } }`, forged("TicketPart", ticket+":.."), "BAD_USER_INPUT"},
		{"an option without its attribute", `query($id: ID!) { node(id: $id) { id } }`, forged("TicketTypeAttributeOption", "263"), "BAD_USER_INPUT"},
		{"a custom attribute id that is no number", `query($id: ID!) { node(id: $id) { id } }`, forged("DataAttribute", "custom:plan"), "BAD_USER_INPUT"},
		{"a standard attribute of no model", `query($id: ID!) { node(id: $id) { id } }`, forged("DataAttribute", "visitor:name"), "BAD_USER_INPUT"},
		{"a part where a conversation is expected", `query($id: ID!) { conversation(id: $id) { id } }`, data.Conversation.Parts.Nodes[0].ID, "BAD_USER_INPUT"},
		{"a part the conversation does not hold", `query($id: ID!) { node(id: $id) { id } }`, forged("ConversationPart", conversation+":1"), "NOT_FOUND"},
		{"another token's teammate", `query($id: ID!) { node(id: $id) { id } }`, forged("Me", "1"), "NOT_FOUND"},
		{"an attribute the workspace lacks", `query($id: ID!) { node(id: $id) { id } }`, forged("DataAttribute", "contact:no_such_attribute"), "NOT_FOUND"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := f.Sim.Calls()
			resp := f.Query(tc.query, map[string]any{"id": tc.id})
			if len(resp.Errors) != 1 || resp.Errors[0].Code() != tc.code {
				t.Fatalf("want one %s error, got %s", tc.code, resp.Raw)
			}
			if tc.code == "BAD_USER_INPUT" {
				if field := resp.Errors[0].Extensions["field"]; field != "id" {
					t.Errorf("the error names %v, want the argument id: %s", field, resp.Raw)
				}
				if calls := f.Sim.Calls() - before; calls != 0 {
					t.Errorf("a refused ID cost %d upstream calls", calls)
				}
			}
		})
	}
}

// me is a Node of its own: a Relay store keeps it apart from the Admin it
// also is, which me.admin gives.
func TestMeIsANodeApartFromItsAdmin(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	var data struct {
		Me struct {
			ID, IntercomID string
			Typename       string `json:"__typename"`
			Admin          struct{ ID, IntercomID string }
		}
	}
	f.MustPost(`{ me { id intercomId __typename admin { id intercomId } } }`, &data)
	me := data.Me
	if me.Typename != "Me" || me.ID == me.Admin.ID || me.IntercomID != me.Admin.IntercomID {
		t.Fatalf("me %+v: want its own ID and the same teammate as its admin", me)
	}
	var got struct {
		Me    struct{ ID, Name string }
		Admin struct{ ID, Name string }
	}
	f.MustPost(`query($me: ID!, $admin: ID!) { me: node(id: $me) { id ... on Me { name } } admin: node(id: $admin) { id ... on Admin { name } } }`,
		&got, client.Var("me", me.ID), client.Var("admin", me.Admin.ID))
	if got.Me.ID != me.ID || got.Admin.ID != me.Admin.ID || got.Me.Name == "" || got.Me.Name != got.Admin.Name {
		t.Errorf("node(id) gave %+v for me %s and its admin %s", got, me.ID, me.Admin.ID)
	}
}
