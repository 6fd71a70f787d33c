package graph_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// The conversation and ticket writes follow the retry policy each declares:
// creations and replies meeting a 503 or a timeout are sent once and fail;
// state changes without a message are tried again.
func TestConversationAndTicketWritesRetryOnlyWhenARepeatIsHarmless(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: ticketWriteSizes}, AttemptTimeout: 150 * time.Millisecond})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	user := firstContactWhere(t, ws, isUser).Contact
	var billing string
	for _, tt := range ws.TicketTypes() {
		if tt.Name == "Billing question" {
			billing = tt.ID
		}
	}
	conv := conversationWhere(t, ws, func(c intercomsim.ConversationData) bool { return c.Conversation.State == "open" }).Conversation.ID
	admin := facadetest.GlobalID("Admin", ws.AdminIDs()[0])
	createTicket := fmt.Sprintf(ticketDoc, "CreateTicketInput", "createTicket")
	closeDoc := fmt.Sprintf(manageDoc, "CloseConversationInput", "closeConversation")

	sentOnce := []struct {
		name, field, doc, method, path string
		input                          map[string]any
	}{
		{"a new ticket", "createTicket", createTicket, http.MethodPost, "/tickets", map[string]any{"ticketTypeId": facadetest.GlobalID("TicketType", billing),
			"contacts": []any{map[string]any{"contactId": facadetest.GlobalID("Contact", user.ID)}}, "title": "Charged twice"}},
		{"a reply", "replyConversation", replyConversationDoc, http.MethodPost, "/conversations/" + conv + "/reply", map[string]any{
			"conversationId": facadetest.GlobalID("Conversation", conv), "reply": map[string]any{"admin": map[string]any{"adminId": admin, "kind": "NOTE", "body": "Once"}}}},
		{"a close with a message", "closeConversation", closeDoc, http.MethodPost, "/conversations/" + conv + "/parts", map[string]any{
			"conversationId": facadetest.GlobalID("Conversation", conv), "adminId": admin, "message": "Goodbye"}},
	}
	for _, w := range sentOnce {
		for _, fault := range []intercomsim.Fault{
			{Kind: intercomsim.FaultStatus, Method: w.method, Path: w.path, Status: 503},
			{Kind: intercomsim.FaultDelay, Method: w.method, Path: w.path, Delay: 300 * time.Millisecond},
		} {
			remove := f.Sim.InjectFault(fault)
			before := f.Sim.Calls()
			resp := f.Query(w.doc, map[string]any{"input": w.input})
			remove()
			e, ok := resp.ErrorAt(w.field)
			if !ok || e.Code() != "UPSTREAM_UNAVAILABLE" || facadetest.Dig(resp.Data, w.field) != nil {
				t.Errorf("%s meeting a fault (%d): want a null payload and UPSTREAM_UNAVAILABLE, got %s", w.name, fault.Kind, resp.Raw)
			}
			if calls := f.Sim.Calls() - before; calls != 1 {
				t.Errorf("%s meeting a fault (%d) was sent %d times, want once", w.name, fault.Kind, calls)
			}
		}
	}

	retried := []struct {
		name, field, doc, method, path string
		input                          map[string]any
	}{
		{"a close without a message", "closeConversation", closeDoc, http.MethodPost, "/conversations/" + conv + "/parts", map[string]any{
			"conversationId": facadetest.GlobalID("Conversation", conv), "adminId": admin}},
		{"a ticket's update", "updateTicket", `mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { ticket { state } userErrors { field message code } } }`, http.MethodPut, "/tickets/" + ws.TicketIDs()[0],
			map[string]any{"id": facadetest.GlobalID("Ticket", ws.TicketIDs()[0]), "state": "IN_PROGRESS"}},
	}
	for _, w := range retried {
		remove := f.Sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultStatus, Method: w.method, Path: w.path, Status: 503, Times: 1})
		before := f.Sim.Calls()
		facadetest.Succeeded(t, w.field, f.Mutate(t, w.field, w.doc, w.input))
		remove()
		if calls := f.Sim.Calls() - before; calls != 2 {
			t.Errorf("%s meeting one 503 took %d calls, want 2 (it is retried)", w.name, calls)
		}
	}
}
