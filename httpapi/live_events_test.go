package httpapi_test

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
	broker := newLocalBroker(t, live.Options{})
	f := newLiveFacade(t, facadetest.Options{Configure: withBroker(broker)})
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
	streams := map[string]*sseClient{}
	for name, filter := range filters {
		streams[name], _ = openSSE(t, f, nil, sub, map[string]any{"filter": filter})
	}
	waitSubscribers(t, broker, len(filters))

	itemA := restObject(f, "/conversations/"+facadetest.Str(facadetest.Dig(a, "intercomId")))
	itemB := restObject(f, "/conversations/"+facadetest.Str(facadetest.Dig(b, "intercomId")))
	deliverSigned(f, notificationBody(f, "n1_b_closed", "conversation.admin.closed", itemB))
	deliverSigned(f, notificationBody(f, "n2_a_opened", "conversation.admin.opened", itemA))
	deliverSigned(f, notificationBody(f, "n3_a_closed", "conversation.admin.closed", itemA))
	want := map[string][]string{
		"A closed":  {"n3_a_closed"},
		"A's admin": {"n2_a_opened", "n3_a_closed"},
		"B's team":  {"n1_b_closed"},
	}
	for name, ids := range want {
		for _, id := range ids {
			if got := facadetest.Str(facadetest.Dig(streams[name].event().MustData(t), "conversationEvents", "notificationId")); got != id {
				t.Errorf("filter %s: received %q, want %q", name, got, id)
			}
		}
	}
	deliverSigned(f, notificationBody(f, "n4_b_assigned", "conversation.admin.assigned", itemB))
	if got := facadetest.Str(facadetest.Dig(streams["B's team"].event().MustData(t), "conversationEvents", "notificationId")); got != "n4_b_assigned" {
		t.Errorf("filter B's team: received %q after its events, want n4_b_assigned (nothing of A in between)", got)
	}

	refused, _ := openSSE(t, f, nil, sub, map[string]any{"filter": map[string]any{"adminIds": []any{facadetest.Dig(a, "id")}}})
	resp := refused.event()
	if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" || resp.Errors[0].Extensions["field"] != "filter.adminIds" {
		t.Errorf("a Conversation ID among adminIds: %s, want BAD_USER_INPUT on filter.adminIds", resp.Raw)
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
	f := newLiveFacade(t, facadetest.Options{Configure: withBroker(broker)})
	ids := f.Query(`{ contacts(first: 1) { nodes { intercomId email } } companies(first: 1) { nodes { intercomId name } } tags { nodes { intercomId name } } admins { nodes { id intercomId } } }`, nil).MustData(t)
	contactID, email := facadetest.Str(facadetest.Dig(ids, "contacts", "nodes", 0, "intercomId")), facadetest.Str(facadetest.Dig(ids, "contacts", "nodes", 0, "email"))
	companyID, companyName := facadetest.Str(facadetest.Dig(ids, "companies", "nodes", 0, "intercomId")), facadetest.Str(facadetest.Dig(ids, "companies", "nodes", 0, "name"))
	tagID, tagName := facadetest.Str(facadetest.Dig(ids, "tags", "nodes", 0, "intercomId")), facadetest.Str(facadetest.Dig(ids, "tags", "nodes", 0, "name"))
	adminGlobal, adminID := facadetest.Str(facadetest.Dig(ids, "admins", "nodes", 0, "id")), facadetest.Str(facadetest.Dig(ids, "admins", "nodes", 0, "intercomId"))

	contacts, _ := openSSE(t, f, nil, `subscription { contactEvents { notificationId kind topic contactIntercomId contact { email } tag { name } } }`, nil)
	companies, _ := openSSE(t, f, nil, `subscription { companyEvents { notificationId kind companyIntercomId company { name } contact { email } } }`, nil)
	tickets, _ := openSSE(t, f, nil, `subscription($f: TicketEventFilter) { ticketEvents(filter: $f) { notificationId kind ticketIntercomId } }`,
		map[string]any{"f": map[string]any{"adminIds": []string{adminGlobal}, "ticketIds": []string{relay.NodeID("Ticket", "7001"), relay.NodeID("Ticket", "7002")}}})
	waitSubscribers(t, broker, 3)

	contact := restObject(f, "/contacts/"+contactID)
	tag := restObject(f, "/tags/"+tagID)
	company := restObject(f, "/companies/"+companyID)
	deliverSigned(f, notificationBody(f, "c_tag", "contact.user.tag.created", map[string]any{"type": "contact_tag", "created_at": 1767225600, "contact": contact, "tag": tag}))
	deliverSigned(f, notificationBody(f, "c_del", "contact.deleted", map[string]any{"type": "contact", "id": "gone-contact", "external_id": nil}))
	deliverSigned(f, notificationBody(f, "co_upd", "company.updated", company))
	deliverSigned(f, notificationBody(f, "co_att", "company.contact.attached", map[string]any{"type": "contact_company", "company": company, "contact": contact}))
	deliverSigned(f, notificationBody(f, "t_other_admin", "ticket.state.updated", map[string]any{"type": "ticket", "id": "7001", "admin_assignee_id": "999999"}))
	deliverSigned(f, notificationBody(f, "t_state", "ticket.state.updated", map[string]any{"type": "ticket", "id": "7002", "admin_assignee_id": adminID, "team_assignee_id": "0"}))

	tagged := facadetest.Dig(contacts.event().MustData(t), "contactEvents")
	if facadetest.Str(facadetest.Dig(tagged, "kind")) != "TAGGED" || facadetest.Str(facadetest.Dig(tagged, "contact", "email")) != email || facadetest.Str(facadetest.Dig(tagged, "tag", "name")) != tagName || facadetest.Str(facadetest.Dig(tagged, "contactIntercomId")) != contactID {
		t.Errorf("contact tag event: %v", tagged)
	}
	deleted := facadetest.Dig(contacts.event().MustData(t), "contactEvents")
	if facadetest.Str(facadetest.Dig(deleted, "kind")) != "DELETED" || facadetest.Dig(deleted, "contact") != nil || facadetest.Str(facadetest.Dig(deleted, "contactIntercomId")) != "gone-contact" {
		t.Errorf("contact deletion event: %v", deleted)
	}
	updated := facadetest.Dig(companies.event().MustData(t), "companyEvents")
	if facadetest.Str(facadetest.Dig(updated, "kind")) != "UPDATED" || facadetest.Str(facadetest.Dig(updated, "company", "name")) != companyName || facadetest.Dig(updated, "contact") != nil {
		t.Errorf("company update event: %v", updated)
	}
	attached := facadetest.Dig(companies.event().MustData(t), "companyEvents")
	if facadetest.Str(facadetest.Dig(attached, "kind")) != "CONTACT_ATTACHED" || facadetest.Str(facadetest.Dig(attached, "companyIntercomId")) != companyID || facadetest.Str(facadetest.Dig(attached, "contact", "email")) != email {
		t.Errorf("company attachment event: %v", attached)
	}
	ticket := facadetest.Dig(tickets.event().MustData(t), "ticketEvents")
	if facadetest.Str(facadetest.Dig(ticket, "notificationId")) != "t_state" || facadetest.Str(facadetest.Dig(ticket, "kind")) != "STATE_CHANGED" || facadetest.Str(facadetest.Dig(ticket, "ticketIntercomId")) != "7002" {
		t.Errorf("ticket event (filtered by assignee): %v", ticket)
	}
}
