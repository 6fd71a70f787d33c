package httpapi_test

import (
	"testing"

	"intercom-graphql/graph/live"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// A mutation reaches subscribers the way Intercom's changes do: the
// simulator sends the webhook of the write it served, signed with the app's
// secret, to the facade's endpoint, which fans the event out. A teammate's
// reply reaches a WebSocket subscriber, a new ticket an event stream.
func TestMutationsReachSubscribersThroughSignedWebhooks(t *testing.T) {
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Sim: intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 4, Teams: 2, Tags: 6, Segments: 2, Companies: 8, Contacts: 40, Conversations: 30,
		Collections: 8, Articles: 10, NewsItems: 6, Tickets: 12}}, Configure: facadetest.WithBroker(broker)})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	var conv, user string
	for _, c := range ws.Conversations() {
		if c.Conversation.State == "open" && conv == "" {
			conv = c.Conversation.ID
		}
	}
	for _, c := range ws.Contacts() {
		if c.Contact.Role == "user" && c.Contact.ExternalID != nil && c.Contact.Email != "" && user == "" {
			user = c.Contact.ID
		}
	}
	var billing string
	for _, tt := range ws.TicketTypes() {
		if tt.Name == "Billing question" {
			billing = tt.ID
		}
	}

	wsClient, _, err := facadetest.DialWS(t, f, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	wsClient.Acked()
	wsClient.Subscribe("inbox", `subscription($f: ConversationEventFilter) { conversationEvents(filter: $f) {
	  topic kind conversationIntercomId conversation { read parts(last: 1) { nodes { partType body author { intercomId } } } } } }`,
		map[string]any{"f": map[string]any{"conversationIds": []string{facadetest.GlobalID("Conversation", conv)}, "kinds": []string{"ADMIN_REPLIED"}}})
	tickets, resp := facadetest.OpenSSE(t, f, nil, `subscription { ticketEvents(filter: {kinds: [CREATED]}) { topic kind ticketIntercomId ticket { title state } } }`, nil)
	if tickets == nil {
		t.Fatalf("the event stream was refused: %d", resp.StatusCode)
	}
	facadetest.WaitSubscribers(t, broker, 2)

	admin := ws.AdminIDs()[1]
	facadetest.Succeeded(t, "replyConversation", f.Mutate(t, "replyConversation", `mutation($input: ReplyConversationInput!) {
	  replyConversation(input: $input) { conversation { intercomId } userErrors { field message code } } }`, map[string]any{"conversationId": facadetest.GlobalID("Conversation", conv),
		"reply": map[string]any{"admin": map[string]any{"adminId": facadetest.GlobalID("Admin", admin), "kind": "COMMENT", "body": "Live from the hangar"}}}))
	ev := facadetest.Dig(wsClient.Event("inbox").MustData(t), "conversationEvents")
	part := facadetest.Dig(ev, "conversation", "parts", "nodes", 0)
	if facadetest.Dig(ev, "topic") != "conversation.admin.replied" || facadetest.Dig(ev, "kind") != "ADMIN_REPLIED" || facadetest.Dig(ev, "conversationIntercomId") != conv ||
		facadetest.Dig(part, "body") != "<p>Live from the hangar</p>" || facadetest.Dig(part, "author", "intercomId") != admin || facadetest.Dig(ev, "conversation", "read") != true {
		t.Errorf("the reply's event: %v", ev)
	}

	created := facadetest.Succeeded(t, "createTicket", f.Mutate(t, "createTicket", `mutation($input: CreateTicketInput!) {
	  createTicket(input: $input) { ticket { intercomId } userErrors { field message code } } }`, map[string]any{
		"ticketTypeId": facadetest.GlobalID("TicketType", billing), "contacts": []any{map[string]any{"contactId": facadetest.GlobalID("Contact", user)}}, "title": "Charged twice"}))
	got := facadetest.Dig(tickets.Event().MustData(t), "ticketEvents")
	if facadetest.Dig(got, "topic") != "ticket.created" || facadetest.Dig(got, "ticketIntercomId") != facadetest.Dig(created, "ticket", "intercomId") ||
		facadetest.Dig(got, "ticket", "title") != "Charged twice" || facadetest.Dig(got, "ticket", "state") != "SUBMITTED" {
		t.Errorf("the new ticket's event: %v", got)
	}
}
