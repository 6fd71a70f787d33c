package graph_test

import (
	"encoding/base64"
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func TestNodeRoundTripsForEveryNodeType(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	data := f.Query(`{
	  admins(first: 1) { nodes { id intercomId } }
	  teams(first: 1) { nodes { id intercomId } }
	  contacts(first: 1) { nodes { id intercomId } }
	  conversations(first: 1) { nodes { id intercomId } }
	}`, nil).MustData(t)
	for _, root := range []string{"admins", "teams", "contacts", "conversations"} {
		id := facadetest.Str(facadetest.Dig(data, root, "nodes", 0, "id"))
		intercomID := facadetest.Str(facadetest.Dig(data, root, "nodes", 0, "intercomId"))
		got := f.Query(`query($id: ID!) { node(id: $id) { id __typename ... on Admin { intercomId } ... on Team { intercomId } ... on Contact { intercomId } ... on Conversation { intercomId } } }`,
			map[string]any{"id": id}).MustData(t)
		if facadetest.Str(facadetest.Dig(got, "node", "id")) != id || facadetest.Str(facadetest.Dig(got, "node", "intercomId")) != intercomID {
			t.Errorf("%s: node(id) returned %v, want id %s intercomId %s", root, got["node"], id, intercomID)
		}
	}
}

func TestNodesKeepsOrderAndReportsEachBadIDOnItsOwn(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	data := f.Query(`{ contacts(first: 3) { nodes { id intercomId } } }`, nil).MustData(t)
	forged := base64.RawURLEncoding.EncodeToString([]byte("Contact:does-not-exist"))
	ids := []any{
		facadetest.Dig(data, "contacts", "nodes", 2, "id"), "%%%not-an-id", facadetest.Dig(data, "contacts", "nodes", 0, "id"), forged,
	}
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
	data := f.Query(`query($cid: String!) {
	  conversation(intercomId: $cid) {
	    id intercomId state
	    adminAssignee { intercomId name }
	    teamAssignee { intercomId name admins(first: 2) { totalCount nodes { name } } }
	    contacts(first: 5) { totalCount nodes { intercomId email role } }
	    parts(first: 3) { totalCount nodes { partType author { type name } } }
	    source { type author { type email } }
	  }
	}`, map[string]any{"cid": conversationID}).MustData(t)
	conv := facadetest.Dig(data, "conversation")
	if facadetest.Str(facadetest.Dig(conv, "intercomId")) != conversationID {
		t.Fatalf("conversation = %v", conv)
	}
	if n := facadetest.Dig(conv, "contacts", "totalCount").(float64); n < 1 {
		t.Errorf("conversation has %v contacts, want at least one", n)
	}
	if facadetest.Str(facadetest.Dig(conv, "contacts", "nodes", 0, "email")) == "" {
		t.Errorf("the conversation's contact was not resolved: %v", facadetest.Dig(conv, "contacts"))
	}
	again := f.Query(`query($id: ID!) { conversation(id: $id) { intercomId } }`, map[string]any{"id": facadetest.Dig(conv, "id")}).MustData(t)
	if facadetest.Str(facadetest.Dig(again, "conversation", "intercomId")) != conversationID {
		t.Errorf("lookup by global ID returned %v", again)
	}
}

func TestMeAndAdminsResolveTheirTeams(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	data := f.Query(`{
	  me { id name email app { name timezone createdAt } admin { intercomId } teams { totalCount nodes { name } } }
	  teams { nodes { name admins { totalCount nodes { name teams { nodes { intercomId } } } } } }
	}`, nil).MustData(t)
	if facadetest.Dig(data, "me", "app", "timezone") != "UTC" || facadetest.Str(facadetest.Dig(data, "me", "name")) == "" {
		t.Errorf("me = %v", data["me"])
	}
	if facadetest.Dig(data, "me", "id") == nil || facadetest.Str(facadetest.Dig(data, "me", "admin", "intercomId")) != f.Sim.Workspace(intercomsim.DemoToken).MeID() {
		t.Errorf("me.admin is not the same teammate: %v", data["me"])
	}
	if created := facadetest.Str(facadetest.Dig(data, "me", "app", "createdAt")); len(created) != len("2023-06-01T00:00:00Z") {
		t.Errorf("createdAt %q is not RFC 3339 in UTC", created)
	}
}
