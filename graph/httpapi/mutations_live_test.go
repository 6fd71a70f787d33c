package httpapi_test

import (
	"testing"

	"intercom-graphql/graph/live"
	"intercom-graphql/upstream/intercomsim"
)

// A mutation reaches subscribers the way Intercom's changes do: the
// simulator sends the webhook of the write it served, signed with the app's
// secret, to the facade's endpoint, which fans the event out. A teammate's
// reply reaches a WebSocket subscriber, a new ticket an event stream.
func TestMutationsReachSubscribersThroughSignedWebhooks(t *testing.T) {
	broker := newLocalBroker(t, live.Options{})
	f := newLiveFacade(t, facadeOptions{sim: intercomsim.Options{Sizes: ticketWriteSizes}, configure: withBroker(broker)})
	ws := f.sim.Workspace(intercomsim.DemoToken)
	conv := conversationWhere(t, ws, func(c intercomsim.ConversationData) bool { return c.Conversation.State == "open" }).Conversation.ID
	user := firstContactWhere(t, ws, isUser).Contact
	var billing string
	for _, tt := range ws.TicketTypes() {
		if tt.Name == "Billing question" {
			billing = tt.ID
		}
	}

	wsClient, _, err := dialWS(t, f, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	wsClient.acked()
	wsClient.subscribe("inbox", `subscription($f: ConversationEventFilter) { conversationEvents(filter: $f) {
	  topic kind conversationIntercomId conversation { read parts(last: 1) { nodes { partType body author { intercomId } } } } } }`,
		map[string]any{"f": map[string]any{"conversationIds": []string{globalID("Conversation", conv)}, "kinds": []string{"ADMIN_REPLIED"}}})
	tickets, resp := openSSE(t, f, nil, `subscription { ticketEvents(filter: {kinds: [CREATED]}) { topic kind ticketIntercomId ticket { title state } } }`, nil)
	if tickets == nil {
		t.Fatalf("the event stream was refused: %d", resp.StatusCode)
	}
	waitSubscribers(t, broker, 2)

	admin := ws.AdminIDs()[1]
	succeeded(t, "replyConversation", f.mutate(t, "replyConversation", replyConversationDoc, map[string]any{"conversationId": globalID("Conversation", conv),
		"reply": map[string]any{"admin": map[string]any{"adminId": globalID("Admin", admin), "kind": "COMMENT", "body": "Live from the hangar"}}}))
	ev := dig(wsClient.event("inbox").mustData(t), "conversationEvents")
	part := dig(ev, "conversation", "parts", "nodes", 0)
	if dig(ev, "topic") != "conversation.admin.replied" || dig(ev, "kind") != "ADMIN_REPLIED" || dig(ev, "conversationIntercomId") != conv ||
		dig(part, "body") != "<p>Live from the hangar</p>" || dig(part, "author", "intercomId") != admin || dig(ev, "conversation", "read") != true {
		t.Errorf("the reply's event: %v", ev)
	}

	created := succeeded(t, "createTicket", f.mutate(t, "createTicket", `mutation($input: CreateTicketInput!) {
	  createTicket(input: $input) { ticket { intercomId } userErrors { field message code } } }`, map[string]any{
		"ticketTypeId": globalID("TicketType", billing), "contacts": []any{map[string]any{"contactId": globalID("Contact", user.ID)}}, "title": "Charged twice"}))
	got := dig(tickets.event().mustData(t), "ticketEvents")
	if dig(got, "topic") != "ticket.created" || dig(got, "ticketIntercomId") != dig(created, "ticket", "intercomId") ||
		dig(got, "ticket", "title") != "Charged twice" || dig(got, "ticket", "state") != "SUBMITTED" {
		t.Errorf("the new ticket's event: %v", got)
	}
}
