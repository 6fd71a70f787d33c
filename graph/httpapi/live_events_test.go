package httpapi_test

import (
	"testing"

	"intercom-graphql/graph/live"
	"intercom-graphql/graph/relay"
)

// Conversation events are filtered by conversation, assignee, team and kind
// before they are delivered; a filter naming an ID of another type is
// refused when subscribing.
func TestConversationEventFilters(t *testing.T) {
	broker := newLocalBroker(t, live.Options{})
	f := newLiveFacade(t, facadeOptions{configure: withBroker(broker)})
	data := f.query(`{ conversations(first: 40) { nodes { id intercomId adminAssignee { id } teamAssignee { id } } } }`, nil).mustData(t)
	nodes, _ := dig(data, "conversations", "nodes").([]any)
	var a, b any
	for _, n := range nodes {
		if dig(n, "adminAssignee", "id") == nil || dig(n, "teamAssignee", "id") == nil {
			continue
		}
		switch {
		case a == nil:
			a = n
		case str(dig(n, "adminAssignee", "id")) != str(dig(a, "adminAssignee", "id")) && str(dig(n, "teamAssignee", "id")) != str(dig(a, "teamAssignee", "id")):
			b = n
		}
	}
	if a == nil || b == nil {
		t.Fatal("the workspace needs two conversations with different assignees and teams")
	}
	const sub = `subscription($filter: ConversationEventFilter) { conversationEvents(filter: $filter) { notificationId kind conversationIntercomId } }`
	filters := map[string]map[string]any{
		"A closed":  {"conversationIds": []any{dig(a, "id")}, "kinds": []string{"CLOSED"}},
		"A's admin": {"adminIds": []any{dig(a, "adminAssignee", "id")}},
		"B's team":  {"teamIds": []any{dig(b, "teamAssignee", "id")}},
	}
	streams := map[string]*sseClient{}
	for name, filter := range filters {
		streams[name], _ = openSSE(t, f, nil, sub, map[string]any{"filter": filter})
	}
	waitSubscribers(t, broker, len(filters))

	itemA := f.restObject("/conversations/" + str(dig(a, "intercomId")))
	itemB := f.restObject("/conversations/" + str(dig(b, "intercomId")))
	f.deliverSigned(f.notificationBody("n1_b_closed", "conversation.admin.closed", itemB))
	f.deliverSigned(f.notificationBody("n2_a_opened", "conversation.admin.opened", itemA))
	f.deliverSigned(f.notificationBody("n3_a_closed", "conversation.admin.closed", itemA))
	want := map[string][]string{
		"A closed":  {"n3_a_closed"},
		"A's admin": {"n2_a_opened", "n3_a_closed"},
		"B's team":  {"n1_b_closed"},
	}
	for name, ids := range want {
		for _, id := range ids {
			if got := str(dig(streams[name].event().mustData(t), "conversationEvents", "notificationId")); got != id {
				t.Errorf("filter %s: received %q, want %q", name, got, id)
			}
		}
	}
	f.deliverSigned(f.notificationBody("n4_b_assigned", "conversation.admin.assigned", itemB))
	if got := str(dig(streams["B's team"].event().mustData(t), "conversationEvents", "notificationId")); got != "n4_b_assigned" {
		t.Errorf("filter B's team: received %q after its events, want n4_b_assigned (nothing of A in between)", got)
	}

	refused, _ := openSSE(t, f, nil, sub, map[string]any{"filter": map[string]any{"adminIds": []any{dig(a, "id")}}})
	resp := refused.event()
	if len(resp.Errors) != 1 || resp.Errors[0].code() != "BAD_USER_INPUT" || resp.Errors[0].Extensions["field"] != "filter.adminIds" {
		t.Errorf("a Conversation ID among adminIds: %s, want BAD_USER_INPUT on filter.adminIds", resp.raw)
	}
	if ev := refused.next(); ev.event != "complete" {
		t.Errorf("a refused subscription must complete, got %q", ev.event)
	}
}

// Contact, company and ticket events carry their objects (and the tag or
// contact a compound item nests) as graph types, or their ids alone when
// the object was deleted.
func TestContactCompanyAndTicketEvents(t *testing.T) {
	broker := newLocalBroker(t, live.Options{})
	f := newLiveFacade(t, facadeOptions{configure: withBroker(broker)})
	ids := f.query(`{ contacts(first: 1) { nodes { intercomId email } } companies(first: 1) { nodes { intercomId name } } tags { nodes { intercomId name } } admins { nodes { id intercomId } } }`, nil).mustData(t)
	contactID, email := str(dig(ids, "contacts", "nodes", 0, "intercomId")), str(dig(ids, "contacts", "nodes", 0, "email"))
	companyID, companyName := str(dig(ids, "companies", "nodes", 0, "intercomId")), str(dig(ids, "companies", "nodes", 0, "name"))
	tagID, tagName := str(dig(ids, "tags", "nodes", 0, "intercomId")), str(dig(ids, "tags", "nodes", 0, "name"))
	adminGlobal, adminID := str(dig(ids, "admins", "nodes", 0, "id")), str(dig(ids, "admins", "nodes", 0, "intercomId"))

	contacts, _ := openSSE(t, f, nil, `subscription { contactEvents { notificationId kind topic contactIntercomId contact { email } tag { name } } }`, nil)
	companies, _ := openSSE(t, f, nil, `subscription { companyEvents { notificationId kind companyIntercomId company { name } contact { email } } }`, nil)
	tickets, _ := openSSE(t, f, nil, `subscription($f: TicketEventFilter) { ticketEvents(filter: $f) { notificationId kind ticketIntercomId } }`,
		map[string]any{"f": map[string]any{"adminIds": []string{adminGlobal}, "ticketIds": []string{relay.NodeID("Ticket", "7001"), relay.NodeID("Ticket", "7002")}}})
	waitSubscribers(t, broker, 3)

	contact := f.restObject("/contacts/" + contactID)
	tag := f.restObject("/tags/" + tagID)
	company := f.restObject("/companies/" + companyID)
	f.deliverSigned(f.notificationBody("c_tag", "contact.user.tag.created", map[string]any{"type": "contact_tag", "created_at": 1767225600, "contact": contact, "tag": tag}))
	f.deliverSigned(f.notificationBody("c_del", "contact.deleted", map[string]any{"type": "contact", "id": "gone-contact", "external_id": nil}))
	f.deliverSigned(f.notificationBody("co_upd", "company.updated", company))
	f.deliverSigned(f.notificationBody("co_att", "company.contact.attached", map[string]any{"type": "contact_company", "company": company, "contact": contact}))
	f.deliverSigned(f.notificationBody("t_other_admin", "ticket.state.updated", map[string]any{"type": "ticket", "id": "7001", "admin_assignee_id": "999999"}))
	f.deliverSigned(f.notificationBody("t_state", "ticket.state.updated", map[string]any{"type": "ticket", "id": "7002", "admin_assignee_id": adminID, "team_assignee_id": "0"}))

	tagged := dig(contacts.event().mustData(t), "contactEvents")
	if str(dig(tagged, "kind")) != "TAGGED" || str(dig(tagged, "contact", "email")) != email || str(dig(tagged, "tag", "name")) != tagName || str(dig(tagged, "contactIntercomId")) != contactID {
		t.Errorf("contact tag event: %v", tagged)
	}
	deleted := dig(contacts.event().mustData(t), "contactEvents")
	if str(dig(deleted, "kind")) != "DELETED" || dig(deleted, "contact") != nil || str(dig(deleted, "contactIntercomId")) != "gone-contact" {
		t.Errorf("contact deletion event: %v", deleted)
	}
	updated := dig(companies.event().mustData(t), "companyEvents")
	if str(dig(updated, "kind")) != "UPDATED" || str(dig(updated, "company", "name")) != companyName || dig(updated, "contact") != nil {
		t.Errorf("company update event: %v", updated)
	}
	attached := dig(companies.event().mustData(t), "companyEvents")
	if str(dig(attached, "kind")) != "CONTACT_ATTACHED" || str(dig(attached, "companyIntercomId")) != companyID || str(dig(attached, "contact", "email")) != email {
		t.Errorf("company attachment event: %v", attached)
	}
	ticket := dig(tickets.event().mustData(t), "ticketEvents")
	if str(dig(ticket, "notificationId")) != "t_state" || str(dig(ticket, "kind")) != "STATE_CHANGED" || str(dig(ticket, "ticketIntercomId")) != "7002" {
		t.Errorf("ticket event (filtered by assignee): %v", ticket)
	}
}
