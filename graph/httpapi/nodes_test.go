package httpapi_test

import (
	"encoding/base64"
	"testing"

	"intercom-graphql/upstream/intercomsim"
)

func TestNodeRoundTripsForEveryNodeType(t *testing.T) {
	f := newFacade(t, facadeOptions{})
	data := f.query(`{
	  admins(first: 1) { nodes { id intercomId } }
	  teams(first: 1) { nodes { id intercomId } }
	  contacts(first: 1) { nodes { id intercomId } }
	  conversations(first: 1) { nodes { id intercomId } }
	}`, nil).mustData(t)
	for _, root := range []string{"admins", "teams", "contacts", "conversations"} {
		id := str(dig(data, root, "nodes", 0, "id"))
		intercomID := str(dig(data, root, "nodes", 0, "intercomId"))
		got := f.query(`query($id: ID!) { node(id: $id) { id __typename ... on Admin { intercomId } ... on Team { intercomId } ... on Contact { intercomId } ... on Conversation { intercomId } } }`,
			map[string]any{"id": id}).mustData(t)
		if str(dig(got, "node", "id")) != id || str(dig(got, "node", "intercomId")) != intercomID {
			t.Errorf("%s: node(id) returned %v, want id %s intercomId %s", root, got["node"], id, intercomID)
		}
	}
}

func TestNodesKeepsOrderAndReportsEachBadIDOnItsOwn(t *testing.T) {
	f := newFacade(t, facadeOptions{})
	data := f.query(`{ contacts(first: 3) { nodes { id intercomId } } }`, nil).mustData(t)
	forged := base64.RawURLEncoding.EncodeToString([]byte("Contact:does-not-exist"))
	ids := []any{
		dig(data, "contacts", "nodes", 2, "id"), "%%%not-an-id", dig(data, "contacts", "nodes", 0, "id"), forged,
	}
	before := f.sim.Calls()
	resp := f.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids})
	nodes, _ := dig(resp.Data, "nodes").([]any)
	if len(nodes) != 4 {
		t.Fatalf("got %d nodes, want 4: %s", len(nodes), resp.raw)
	}
	if dig(nodes, 0, "id") != ids[0] || dig(nodes, 2, "id") != ids[2] {
		t.Errorf("good ids not returned in order: %s", resp.raw)
	}
	if nodes[1] != nil || nodes[3] != nil {
		t.Errorf("bad ids should be null: %s", resp.raw)
	}
	if e, ok := resp.errorAt("nodes", 1); !ok || e.code() != "BAD_USER_INPUT" {
		t.Errorf("malformed id: want BAD_USER_INPUT at nodes.1, got %s", resp.raw)
	}
	if e, ok := resp.errorAt("nodes", 3); !ok || e.code() != "NOT_FOUND" {
		t.Errorf("unknown contact: want NOT_FOUND at nodes.3, got %s", resp.raw)
	}
	// The two listed contacts were primed by nothing here: they cost one call each at most, the malformed id none.
	if calls := f.sim.Calls() - before; calls > 3 {
		t.Errorf("nodes made %d upstream calls for 3 well-formed ids", calls)
	}
}

func TestSingleObjectLookupsByGlobalIDOrIntercomID(t *testing.T) {
	f := newFacade(t, facadeOptions{})
	ws := f.sim.Workspace(intercomsim.DemoToken)
	conversationID := ws.ConversationIDs()[0]
	data := f.query(`query($cid: String!) {
	  conversation(intercomId: $cid) {
	    id intercomId state
	    adminAssignee { intercomId name }
	    teamAssignee { intercomId name admins(first: 2) { totalCount nodes { name } } }
	    contacts(first: 5) { totalCount nodes { intercomId email role } }
	    parts(first: 3) { totalCount nodes { partType author { type name } } }
	    source { type author { type email } }
	  }
	}`, map[string]any{"cid": conversationID}).mustData(t)
	conv := dig(data, "conversation")
	if str(dig(conv, "intercomId")) != conversationID {
		t.Fatalf("conversation = %v", conv)
	}
	if n := dig(conv, "contacts", "totalCount").(float64); n < 1 {
		t.Errorf("conversation has %v contacts, want at least one", n)
	}
	if str(dig(conv, "contacts", "nodes", 0, "email")) == "" {
		t.Errorf("the conversation's contact was not resolved: %v", dig(conv, "contacts"))
	}
	again := f.query(`query($id: ID!) { conversation(id: $id) { intercomId } }`, map[string]any{"id": dig(conv, "id")}).mustData(t)
	if str(dig(again, "conversation", "intercomId")) != conversationID {
		t.Errorf("lookup by global ID returned %v", again)
	}
}

func TestMeAndAdminsResolveTheirTeams(t *testing.T) {
	f := newFacade(t, facadeOptions{})
	data := f.query(`{
	  me { id name email app { name timezone createdAt } admin { intercomId } teams { totalCount nodes { name } } }
	  teams { nodes { name admins { totalCount nodes { name teams { nodes { intercomId } } } } } }
	}`, nil).mustData(t)
	if dig(data, "me", "app", "timezone") != "UTC" || str(dig(data, "me", "name")) == "" {
		t.Errorf("me = %v", data["me"])
	}
	if dig(data, "me", "id") == nil || str(dig(data, "me", "admin", "intercomId")) != f.sim.Workspace(intercomsim.DemoToken).MeID() {
		t.Errorf("me.admin is not the same teammate: %v", data["me"])
	}
	if created := str(dig(data, "me", "app", "createdAt")); len(created) != len("2023-06-01T00:00:00Z") {
		t.Errorf("createdAt %q is not RFC 3339 in UTC", created)
	}
}
