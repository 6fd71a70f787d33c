package httpapi_test

import (
	"encoding/json"
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// relayOperation is one operation relay-compiler wrote, as Relay sends it.
type relayOperation struct{ Name, Kind, Text string }

// Relay documents using @connection, @refetchable, @appendEdge and
// @deleteRecord compile against graph/schema.graphql, and the operations
// relay-compiler writes (refetch queries through node(id:) included) run on
// the facade without an error.
func TestRelayDocumentsCompileAndRun(t *testing.T) {
	out := facadetest.RunNode(t, "testdata/clients", "relay.mjs", "../../../graph/schema.graphql", t.TempDir())
	ops := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var op relayOperation
		if err := json.Unmarshal([]byte(line), &op); err != nil {
			t.Fatalf("relay.mjs printed %q", line)
		}
		ops[op.Name] = op.Text
	}
	if len(ops) != 7 {
		t.Fatalf("relay-compiler wrote %d operations, want 7: %v", len(ops), out)
	}

	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 3, Teams: 1, Companies: 4, Contacts: 30, Conversations: 5}}})
	run := func(name string, vars map[string]any) map[string]any {
		t.Helper()
		text, ok := ops[name]
		if !ok {
			t.Fatalf("no operation %s", name)
		}
		return f.Query(text, vars).MustData(t)
	}
	first := run("InboxQuery", nil)
	contactID := facadetest.Str(facadetest.Dig(first, "contacts", "edges", 0, "node", "id"))
	conversationID := facadetest.Str(facadetest.Dig(first, "conversations", "nodes", 0, "id"))
	endCursor := facadetest.Dig(first, "contacts", "pageInfo", "endCursor")
	if contactID == "" || conversationID == "" || endCursor == nil {
		t.Fatalf("InboxQuery: %v", first)
	}
	if page := run("InboxContactsPaginationQuery", map[string]any{"first": 5, "after": endCursor}); len(facadetest.Dig(page, "contacts", "edges").([]any)) != 5 {
		t.Errorf("the next page of contacts: %v", page)
	}
	if again := run("InboxContactRefetchQuery", map[string]any{"id": contactID}); facadetest.Dig(again, "node", "id") != contactID {
		t.Errorf("refetching the contact: %v", again)
	}
	if parts := run("InboxConversationPartsQuery", map[string]any{"id": conversationID, "first": 2}); facadetest.Dig(parts, "node", "parts", "edges") == nil {
		t.Errorf("refetching the conversation's parts: %v", parts)
	}
	created := run("InboxCreateContactMutation", map[string]any{"connections": []string{}, "input": map[string]any{
		"clientMutationId": "m1", "role": "USER", "email": "relay@example.org", "name": "Relay Modern"}})
	newID := facadetest.Str(facadetest.Dig(created, "createContact", "contactEdge", "node", "id"))
	if newID == "" || facadetest.Dig(created, "createContact", "contactEdge", "cursor") == nil || facadetest.Dig(created, "createContact", "clientMutationId") != "m1" {
		t.Errorf("createContact: %v", created)
	}
	admin := facadetest.GlobalID("Admin", f.Sim.Workspace(intercomsim.DemoToken).AdminIDs()[0])
	replied := run("InboxReplyMutation", map[string]any{"connections": []string{}, "input": map[string]any{"conversationId": conversationID,
		"reply": map[string]any{"admin": map[string]any{"adminId": admin, "kind": "COMMENT", "body": "Seen from Relay"}}}})
	if facadetest.Dig(replied, "replyConversation", "partEdge", "node", "id") == nil {
		t.Errorf("replyConversation: %v", replied)
	}
	deleted := run("InboxDeleteContactMutation", map[string]any{"input": map[string]any{"id": newID}})
	if facadetest.Dig(deleted, "deleteContact", "deletedContactId") != newID {
		t.Errorf("deleteContact: %v", deleted)
	}
}
