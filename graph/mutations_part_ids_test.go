package graph_test

import (
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// The part a reply adds is a Node like every part a query reaches: its
// global id, from the mutation's payload and from its edge, fetches it again.
func TestRepliedPartsHaveGlobalIDs(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: ticketWriteSizes}})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	admin := facadetest.GlobalID("Admin", ws.AdminIDs()[0])
	reply := map[string]any{"admin": map[string]any{"adminId": admin, "kind": "COMMENT", "body": "On it"}}
	for _, tc := range []struct {
		field, input, target string
		id                   string
	}{
		{"replyConversation", "ReplyConversationInput", "conversationId", facadetest.GlobalID("Conversation", ws.ConversationIDs()[0])},
		{"replyTicket", "ReplyTicketInput", "ticketId", facadetest.GlobalID("Ticket", ws.TicketIDs()[0])},
	} {
		doc := `mutation($input: ` + tc.input + `!) { ` + tc.field + `(input: $input) {
		  part { id intercomId } partEdge { node { id } } userErrors { message } } }`
		payload := facadetest.Succeeded(t, tc.field, f.Mutate(t, tc.field, doc, map[string]any{tc.target: tc.id, "reply": reply}))
		id := facadetest.Str(facadetest.Dig(payload, "part", "id"))
		if id == "" || facadetest.Dig(payload, "partEdge", "node", "id") != id {
			t.Fatalf("%s: part id %q, edge %v", tc.field, id, facadetest.Dig(payload, "partEdge"))
		}
		again := f.Query(`query($id: ID!) { node(id: $id) { id ... on ConversationPart { intercomId } ... on TicketPart { intercomId } } }`, map[string]any{"id": id}).MustData(t)
		if facadetest.Dig(again, "node", "intercomId") != facadetest.Dig(payload, "part", "intercomId") {
			t.Errorf("%s: node(id:) of the new part = %v", tc.field, again)
		}
	}
}
