package graph_test

import (
	"testing"

	"intercom-graphql/graph/live"
	"intercom-graphql/graph/relay"
	"intercom-graphql/httpapi/facadetest"
)

// Conversation events are filtered by conversation, assignee, team and kind
// before they are delivered; a filter naming an ID of another type is
// refused when subscribing.
func TestConversationEventFilters(t *testing.T) {
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Configure: facadetest.WithBroker(broker)})
	data := f.Query(`{ conversations(first: 40) { nodes { id intercomId adminAssignee { id } teamAssignee { id } } } }`, nil).MustData(t)
	nodes, _ := facadetest.Dig(data, "conversations", "nodes").([]any)
	var a, b any
	for _, n := range nodes {
		if facadetest.Dig(n, "adminAssignee", "id") == nil || facadetest.Dig(n, "teamAssignee", "id") == nil {
			continue
		}
		switch {
		case a == nil:
			a = n
		case facadetest.Str(facadetest.Dig(n, "adminAssignee", "id")) != facadetest.Str(facadetest.Dig(a, "adminAssignee", "id")) && facadetest.Str(facadetest.Dig(n, "teamAssignee", "id")) != facadetest.Str(facadetest.Dig(a, "teamAssignee", "id")):
			b = n
		}
	}
	if a == nil || b == nil {
		t.Fatal("the workspace needs two conversations with different assignees and teams")
	}
	const sub = `subscription($filter: ConversationEventFilter) { conversationEvents(filter: $filter) { notificationId kind conversationIntercomId } }`
	filters := map[string]map[string]any{
		"A closed":  {"conversationIds": []any{facadetest.Dig(a, "id")}, "kinds": []string{"CLOSED"}},
		"A's admin": {"adminIds": []any{facadetest.Dig(a, "adminAssignee", "id")}},
		"B's team":  {"teamIds": []any{facadetest.Dig(b, "teamAssignee", "id")}},
	}
	streams := map[string]*facadetest.SSEClient{}
	for name, filter := range filters {
		streams[name], _ = facadetest.OpenSSE(t, f, nil, sub, map[string]any{"filter": filter})
	}
	facadetest.WaitSubscribers(t, broker, len(filters))

	itemA := f.RESTObject("/conversations/" + facadetest.Str(facadetest.Dig(a, "intercomId")))
	itemB := f.RESTObject("/conversations/" + facadetest.Str(facadetest.Dig(b, "intercomId")))
	f.DeliverSigned(f.Notification("n1_b_closed", "conversation.admin.closed", itemB))
	f.DeliverSigned(f.Notification("n2_a_opened", "conversation.admin.opened", itemA))
	f.DeliverSigned(f.Notification("n3_a_closed", "conversation.admin.closed", itemA))
	want := map[string][]string{
		"A closed":  {"n3_a_closed"},
		"A's admin": {"n2_a_opened", "n3_a_closed"},
		"B's team":  {"n1_b_closed"},
	}
	for name, ids := range want {
		for _, id := range ids {
			if got := facadetest.Str(facadetest.Dig(streams[name].Event().MustData(t), "conversationEvents", "notificationId")); got != id {
				t.Errorf("filter %s: received %q, want %q", name, got, id)
			}
		}
	}
	f.DeliverSigned(f.Notification("n4_b_assigned", "conversation.admin.assigned", itemB))
	if got := facadetest.Str(facadetest.Dig(streams["B's team"].Event().MustData(t), "conversationEvents", "notificationId")); got != "n4_b_assigned" {
		t.Errorf("filter B's team: received %q after its events, want n4_b_assigned (nothing of A in between)", got)
	}

	refused, _ := facadetest.OpenSSE(t, f, nil, sub, map[string]any{"filter": map[string]any{"adminIds": []any{facadetest.Dig(a, "id")}}})
	resp := refused.Event()
	if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" || resp.Errors[0].Extensions["field"] != "filter.adminIds" {
		t.Errorf("a Conversation ID among adminIds: %s, want BAD_USER_INPUT on filter.adminIds", resp.Raw)
	}
	if ev := refused.Next(); ev.Event != "complete" {
		t.Errorf("a refused subscription must complete, got %q", ev.Event)
	}
}

// Contact, company and ticket events carry their objects (and the tag or
// contact a compound item nests) as graph types, or their ids alone when
// the object was deleted.
func TestContactCompanyAndTicketEvents(t *testing.T) {
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Configure: facadetest.WithBroker(broker)})
	ids := f.Query(`{ contacts(first: 1) { nodes { intercomId email } } companies(first: 1) { nodes { intercomId name } } tags { nodes { intercomId name } } admins { nodes { id intercomId } } }`, nil).MustData(t)
	contactID, email := facadetest.Str(facadetest.Dig(ids, "contacts", "nodes", 0, "intercomId")), facadetest.Str(facadetest.Dig(ids, "contacts", "nodes", 0, "email"))
	companyID, companyName := facadetest.Str(facadetest.Dig(ids, "companies", "nodes", 0, "intercomId")), facadetest.Str(facadetest.Dig(ids, "companies", "nodes", 0, "name"))
	tagID, tagName := facadetest.Str(facadetest.Dig(ids, "tags", "nodes", 0, "intercomId")), facadetest.Str(facadetest.Dig(ids, "tags", "nodes", 0, "name"))
	adminGlobal, adminID := facadetest.Str(facadetest.Dig(ids, "admins", "nodes", 0, "id")), facadetest.Str(facadetest.Dig(ids, "admins", "nodes", 0, "intercomId"))

	contacts, _ := facadetest.OpenSSE(t, f, nil, `subscription { contactEvents { notificationId kind topic contactIntercomId contact { email } tag { name } } }`, nil)
	companies, _ := facadetest.OpenSSE(t, f, nil, `subscription { companyEvents { notificationId kind companyIntercomId company { name } contact { email } } }`, nil)
	tickets, _ := facadetest.OpenSSE(t, f, nil, `subscription($f: TicketEventFilter) { ticketEvents(filter: $f) { notificationId kind ticketIntercomId } }`,
		map[string]any{"f": map[string]any{"adminIds": []string{adminGlobal}, "ticketIds": []string{relay.NodeID("Ticket", "7001"), relay.NodeID("Ticket", "7002")}}})
	facadetest.WaitSubscribers(t, broker, 3)

	contact := f.RESTObject("/contacts/" + contactID)
	tag := f.RESTObject("/tags/" + tagID)
	company := f.RESTObject("/companies/" + companyID)
	f.DeliverSigned(f.Notification("c_tag", "contact.user.tag.created", map[string]any{"type": "contact_tag", "created_at": 1767225600, "contact": contact, "tag": tag}))
	f.DeliverSigned(f.Notification("c_del", "contact.deleted", map[string]any{"type": "contact", "id": "gone-contact", "external_id": nil}))
	f.DeliverSigned(f.Notification("co_upd", "company.updated", company))
	f.DeliverSigned(f.Notification("co_att", "company.contact.attached", map[string]any{"type": "contact_company", "company": company, "contact": contact}))
	f.DeliverSigned(f.Notification("t_other_admin", "ticket.state.updated", map[string]any{"type": "ticket", "id": "7001", "admin_assignee_id": "999999"}))
	f.DeliverSigned(f.Notification("t_state", "ticket.state.updated", map[string]any{"type": "ticket", "id": "7002", "admin_assignee_id": adminID, "team_assignee_id": "0"}))

	tagged := facadetest.Dig(contacts.Event().MustData(t), "contactEvents")
	if facadetest.Str(facadetest.Dig(tagged, "kind")) != "TAGGED" || facadetest.Str(facadetest.Dig(tagged, "contact", "email")) != email || facadetest.Str(facadetest.Dig(tagged, "tag", "name")) != tagName || facadetest.Str(facadetest.Dig(tagged, "contactIntercomId")) != contactID {
		t.Errorf("contact tag event: %v", tagged)
	}
	deleted := facadetest.Dig(contacts.Event().MustData(t), "contactEvents")
	if facadetest.Str(facadetest.Dig(deleted, "kind")) != "DELETED" || facadetest.Dig(deleted, "contact") != nil || facadetest.Str(facadetest.Dig(deleted, "contactIntercomId")) != "gone-contact" {
		t.Errorf("contact deletion event: %v", deleted)
	}
	updated := facadetest.Dig(companies.Event().MustData(t), "companyEvents")
	if facadetest.Str(facadetest.Dig(updated, "kind")) != "UPDATED" || facadetest.Str(facadetest.Dig(updated, "company", "name")) != companyName || facadetest.Dig(updated, "contact") != nil {
		t.Errorf("company update event: %v", updated)
	}
	attached := facadetest.Dig(companies.Event().MustData(t), "companyEvents")
	if facadetest.Str(facadetest.Dig(attached, "kind")) != "CONTACT_ATTACHED" || facadetest.Str(facadetest.Dig(attached, "companyIntercomId")) != companyID || facadetest.Str(facadetest.Dig(attached, "contact", "email")) != email {
		t.Errorf("company attachment event: %v", attached)
	}
	ticket := facadetest.Dig(tickets.Event().MustData(t), "ticketEvents")
	if facadetest.Str(facadetest.Dig(ticket, "notificationId")) != "t_state" || facadetest.Str(facadetest.Dig(ticket, "kind")) != "STATE_CHANGED" || facadetest.Str(facadetest.Dig(ticket, "ticketIntercomId")) != "7002" {
		t.Errorf("ticket event (filtered by assignee): %v", ticket)
	}
}
