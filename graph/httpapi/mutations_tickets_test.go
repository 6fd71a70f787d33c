package httpapi_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"intercom-graphql/loaders/cache"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

const (
	ticketTypeDoc = `mutation($input: %s!) {
	  %s(input: $input) { ticketType { intercomId name description category icon archived attributes { nodes { name } } } userErrors { field message code } }
	}`
	attributeDoc = `mutation($input: %s!) {
	  %s(input: $input) {
	    attribute { intercomId name dataType requiredToCreate multiline archived listOptions { nodes { intercomId label archived } } }
	    ticketType { attributes { nodes { name } } }
	    userErrors { field message code } }
	}`
	ticketDoc = `mutation($input: %s!) {
	  %s(input: $input) {
	    ticket { intercomId state open isShared title description contacts { nodes { intercomId email role } }
	      ticketAttributes { name text integer boolean option { label } } }
	    userErrors { field message code } }
	}`
	replyTicketDoc = `mutation($input: ReplyTicketInput!) {
	  replyTicket(input: $input) {
	    part { intercomId partType body author { type intercomId } attachments { name } }
	    ticket { parts(last: 1) { nodes { intercomId } } }
	    userErrors { field message code } }
	}`
	ticketTagDoc = `mutation($input: TicketTagInput!) {
	  %s(input: $input) { tag { intercomId appliedAt appliedBy { intercomId } } ticket { intercomId } userErrors { field message code } }
	}`
	readTicketTypes = `{ ticketTypes { nodes { intercomId name category description
	  attributes { nodes { intercomId name dataType requiredToCreate archived listOptions { nodes { intercomId label archived } } } } } } }`
	readTicketState = `query($id: ID!) { ticket(id: $id) {
	  state stateInternalLabel open snoozedUntil isShared title adminAssignee { intercomId } teamAssignee { intercomId }
	  parts(last: 3) { nodes { intercomId partType previousState body author { type intercomId } assignedTo { type intercomId } } }
	} }`
)

// ticketWriteSizes is writeSizes with tickets.
var ticketWriteSizes = func() intercomsim.Sizes { s := writeSizes; s.Tickets = 12; return s }()

func newTicketWriteFacade(t *testing.T) (*facade, *intercomsim.Workspace) {
	t.Helper()
	f := newFacade(t, facadeOptions{sim: intercomsim.Options{Sizes: ticketWriteSizes}, cache: cache.NewMemory(1000), cacheTTL: upstream.DefaultCacheTTL()})
	return f, f.sim.Workspace(intercomsim.DemoToken)
}

// ticketsUnchanged checks that a refusal left tickets, ticket types and contacts alone.
func ticketsUnchanged(ws *intercomsim.Workspace) func(t *testing.T) {
	snapshot := func() string {
		b, _ := json.Marshal([]any{ws.Tickets(), ws.TicketTypes(), ws.Contacts()})
		return string(b)
	}
	before := snapshot()
	return func(t *testing.T) {
		t.Helper()
		if snapshot() != before {
			t.Error("a refused write changed the workspace's tickets, ticket types or contacts")
		}
	}
}

// ticketTypeNode finds a ticket type in readTicketTypes' answer.
func ticketTypeNode(t *testing.T, data map[string]any, ok func(tt any) bool) map[string]any {
	t.Helper()
	for _, tt := range dig(data, "ticketTypes", "nodes").([]any) {
		if ok(tt) {
			return tt.(map[string]any)
		}
	}
	t.Fatal("no such ticket type")
	return nil
}

func attributeNode(tt any, name string) map[string]any {
	for _, a := range dig(tt, "attributes", "nodes").([]any) {
		if dig(a, "name") == name {
			return a.(map[string]any)
		}
	}
	return nil
}

func optionNode(a any, label string) map[string]any {
	for _, o := range dig(a, "listOptions", "nodes").([]any) {
		if dig(o, "label") == label {
			return o.(map[string]any)
		}
	}
	return nil
}

func TestTicketTypesAndAttributes(t *testing.T) {
	f, ws := newTicketWriteFacade(t)
	f.cached(t, readTicketTypes, nil)
	createType := fmt.Sprintf(ticketTypeDoc, "CreateTicketTypeInput", "createTicketType")
	created := succeeded(t, "createTicketType", f.mutate(t, "createTicketType", createType, map[string]any{
		"name": "Zeppelin repair", "description": "When an airship fails", "category": "BACK_OFFICE", "icon": "🛠️", "internal": true,
	}))["ticketType"].(map[string]any)
	typeID := str(created["intercomId"])
	if created["category"] != "BACK_OFFICE" || !slices.Equal(names(created["attributes"]), []string{"_default_title_", "_default_description_"}) {
		t.Errorf("created ticket type = %v", created)
	}
	listed := ticketTypeNode(t, f.read(t, readTicketTypes, nil), func(tt any) bool { return dig(tt, "intercomId") == typeID })
	if listed["name"] != "Zeppelin repair" {
		t.Errorf("ticketTypes read after the creation lists %v (stale cache?)", listed)
	}
	updateType := fmt.Sprintf(ticketTypeDoc, "UpdateTicketTypeInput", "updateTicketType")
	updated := succeeded(t, "updateTicketType", f.mutate(t, "updateTicketType", updateType, map[string]any{
		"id": globalID("TicketType", typeID), "name": "Airship repair", "description": "When an airship fails to fly",
	}))["ticketType"].(map[string]any)
	if updated["name"] != "Airship repair" || updated["icon"] != "🛠️" {
		t.Errorf("updated ticket type = %v", updated)
	}

	createAttr := fmt.Sprintf(attributeDoc, "CreateTicketTypeAttributeInput", "createTicketTypeAttribute")
	part := succeeded(t, "createTicketTypeAttribute", f.mutate(t, "createTicketTypeAttribute", createAttr, map[string]any{
		"ticketTypeId": globalID("TicketType", typeID), "name": "Part", "description": "What broke", "dataType": "LIST",
		"listItems": []string{"Hull", "Engine", "Gondola"}, "requiredToCreate": true,
	}))
	attr := part["attribute"].(map[string]any)
	if attr["dataType"] != "LIST" || attr["requiredToCreate"] != true || len(dig(attr, "listOptions", "nodes").([]any)) != 3 ||
		!slices.Contains(names(dig(part, "ticketType", "attributes")), "Part") {
		t.Errorf("created attribute = %v", part)
	}
	engine := str(dig(optionNode(attr, "Engine"), "intercomId"))
	succeeded(t, "createTicketTypeAttribute", f.mutate(t, "createTicketTypeAttribute", createAttr, map[string]any{
		"ticketTypeId": globalID("TicketType", typeID), "name": "Crew notes", "description": "What the crew saw", "dataType": "STRING", "multiline": true,
	}))
	f.cached(t, readTicketTypes, nil)
	updateAttr := fmt.Sprintf(attributeDoc, "UpdateTicketTypeAttributeInput", "updateTicketTypeAttribute")
	attrInput := map[string]any{"ticketTypeId": globalID("TicketType", typeID), "id": globalID("TicketTypeAttribute", str(attr["intercomId"]))}
	succeeded(t, "updateTicketTypeAttribute", f.mutate(t, "updateTicketTypeAttribute", updateAttr, with(with(attrInput, "listItems",
		[]string{"Hull", "Engine", "Rudder"}), "description", "What broke first")))
	read := attributeNode(ticketTypeNode(t, f.read(t, readTicketTypes, nil), func(tt any) bool { return dig(tt, "intercomId") == typeID }), "Part")
	if dig(optionNode(read, "Gondola"), "archived") != true || dig(optionNode(read, "Engine"), "intercomId") != engine || optionNode(read, "Rudder") == nil {
		t.Errorf("the options read after the update: %v (stale cache?)", dig(read, "listOptions"))
	}

	unchanged := ticketsUnchanged(ws)
	f.refuses(t, "createTicketType", createType, []refusal{
		{name: "a name taken", input: map[string]any{"name": "bug report"}, code: "TAKEN", field: []string{"name"}, calls: 1},
		{name: "a blank name", input: map[string]any{"name": " "}, code: "REQUIRED", field: []string{"name"}},
	}, unchanged)
	f.refuses(t, "updateTicketType", updateType, []refusal{
		{name: "another type's name", input: map[string]any{"id": globalID("TicketType", typeID), "name": "Bug report"}, code: "TAKEN", field: []string{"name"}, calls: 1},
		{name: "unknown ticket type", input: map[string]any{"id": globalID("TicketType", "1"), "name": "x"}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
		{name: "a ticket's ID", input: map[string]any{"id": globalID("Ticket", "1"), "name": "x"}, code: "INVALID_ID", field: []string{"id"}},
	}, unchanged)
	newAttr := map[string]any{"ticketTypeId": globalID("TicketType", typeID), "name": "Deck", "description": "Which deck", "dataType": "STRING"}
	f.refuses(t, "createTicketTypeAttribute", createAttr, []refusal{
		{name: "a name the type has", input: with(newAttr, "name", "part"), code: "TAKEN", field: []string{"name"}, calls: 1},
		{name: "a list without options", input: with(newAttr, "dataType", "LIST"), code: "REQUIRED", field: []string{"listItems"}},
		{name: "an option with a comma", input: with(with(newAttr, "dataType", "LIST"), "listItems", []string{"Upper, lower"}), code: "INVALID",
			field: []string{"listItems", "0"}},
		{name: "lines for a number", input: with(with(newAttr, "dataType", "INTEGER"), "multiline", true), code: "INVALID", field: []string{"multiline"}, calls: 1},
		{name: "unknown ticket type", input: with(newAttr, "ticketTypeId", globalID("TicketType", "1")), code: "NOT_FOUND", field: []string{"ticketTypeId"}, calls: 1},
	}, unchanged)
	title := attributeNode(listed, "_default_title_")
	f.refuses(t, "updateTicketTypeAttribute", updateAttr, []refusal{
		{name: "the default title renamed", input: with(with(attrInput, "id", globalID("TicketTypeAttribute", str(title["intercomId"]))), "name", "Headline"),
			code: "INVALID", field: []string{"name"}, calls: 1},
		{name: "unknown attribute", input: with(with(attrInput, "id", globalID("TicketTypeAttribute", "1")), "description", "x"), code: "NOT_FOUND",
			field: []string{"id"}, calls: 1},
		{name: "a ticket type's ID as the attribute", input: with(attrInput, "id", globalID("TicketType", typeID)), code: "INVALID_ID", field: []string{"id"}},
	}, unchanged)
	f.invalid(t, "no data type", createAttr, map[string]any{"ticketTypeId": newAttr["ticketTypeId"], "name": "Deck", "description": "x"}, "dataType")
	f.invalid(t, "a category that does not exist", createType, map[string]any{"name": "x", "category": "INTERNAL"}, "category")
}

func names(conn any) []string {
	var out []string
	nodes, _ := dig(conn, "nodes").([]any)
	for _, n := range nodes {
		out = append(out, str(dig(n, "name")))
	}
	return out
}

func TestCreateUpdateAndReplyToTickets(t *testing.T) {
	f, ws := newTicketWriteFacade(t)
	types := f.read(t, readTicketTypes, nil)
	bug := ticketTypeNode(t, types, func(tt any) bool { return dig(tt, "name") == "Bug report" })
	severity := attributeNode(bug, "Severity")
	high := str(dig(optionNode(severity, "High"), "intercomId"))
	user := firstContactWhere(t, ws, isUser).Contact
	company := str(dig(f.read(t, `{ companies(first: 1) { nodes { companyId } } }`, nil), "companies", "nodes", 0, "companyId"))
	createTicket, updateTicket := fmt.Sprintf(ticketDoc, "CreateTicketInput", "createTicket"), fmt.Sprintf(ticketDoc, "UpdateTicketInput", "updateTicket")
	input := map[string]any{"ticketTypeId": globalID("TicketType", str(bug["intercomId"])), "contacts": []any{map[string]any{"contactId": globalID("Contact", user.ID)}},
		"title": "Engine on fire", "description": "Smoke from the gondola", "companyId": company,
		"attributes": []any{map[string]any{"name": "Severity", "optionId": high}, map[string]any{"name": "Affected users", "integer": 12},
			map[string]any{"name": "Reproducible", "boolean": true}}}

	created := succeeded(t, "createTicket", f.mutate(t, "createTicket", createTicket, input))["ticket"].(map[string]any)
	id := str(created["intercomId"])
	values := map[string]any{}
	for _, a := range created["ticketAttributes"].([]any) {
		values[str(dig(a, "name"))] = a
	}
	if created["state"] != "SUBMITTED" || created["title"] != "Engine on fire" || created["isShared"] != true ||
		dig(values["Severity"], "option", "label") != "High" || dig(values["Affected users"], "integer") != float64(12) ||
		dig(values["Reproducible"], "boolean") != true || !slices.Equal(nodeIDs(created["contacts"]), []string{user.ID}) {
		t.Errorf("created ticket = %v", created)
	}
	byTitle := `query($title: String!) { tickets(filter: {title: {eq: $title}}) { nodes { intercomId } } }`
	if found := nodeIDs(f.read(t, byTitle, map[string]any{"title": "Engine on fire"})["tickets"]); !slices.Equal(found, []string{id}) {
		t.Errorf("the title filter finds %v", found)
	}
	lead := succeeded(t, "createTicket", f.mutate(t, "createTicket", createTicket, with(with(input, "contacts",
		[]any{map[string]any{"email": "captain@airships.example"}}), "title", "Balloon torn")))
	if c := dig(lead, "ticket", "contacts", "nodes", 0); dig(c, "email") != "captain@airships.example" || dig(c, "role") != "LEAD" {
		t.Errorf("a ticket for a new email concerns %v", c)
	}

	// Updates, each read back through a cache the write must invalidate.
	admin, assignee := ws.AdminIDs()[0], ws.AdminIDs()[2]
	team := firstTeam(t, f)
	readTicket := func() map[string]any {
		t.Helper()
		return f.read(t, readTicketState, map[string]any{"id": globalID("Ticket", id)})["ticket"].(map[string]any)
	}
	f.cached(t, readTicketState, map[string]any{"id": globalID("Ticket", id)})
	succeeded(t, "updateTicket", f.mutate(t, "updateTicket", updateTicket, map[string]any{"id": globalID("Ticket", id), "state": "IN_PROGRESS",
		"title": "Engine fire", "assignment": map[string]any{"adminId": globalID("Admin", admin), "assigneeId": globalID("Admin", assignee)}}))
	tk := readTicket()
	var kinds []string
	for _, p := range dig(tk, "parts", "nodes").([]any) {
		kinds = append(kinds, str(dig(p, "partType")))
	}
	if tk["state"] != "IN_PROGRESS" || tk["title"] != "Engine fire" || dig(tk, "adminAssignee", "intercomId") != assignee ||
		!slices.Equal(kinds, []string{"ticket_attribute_updated_by_admin", "ticket_state_updated_by_admin", "assignment"}) {
		t.Errorf("the ticket read after its update: %v (stale cache?)", tk)
	}
	byState := `query($admin: ID!) { tickets(filter: {state: {eq: IN_PROGRESS}, adminAssignee: {eq: $admin}}) { nodes { intercomId } } }`
	if found := nodeIDs(f.read(t, byState, map[string]any{"admin": globalID("Admin", assignee)})["tickets"]); !containsStr(found, id) {
		t.Errorf("the state and assignee filter does not find the ticket: %v", found)
	}
	until := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Second).Format(time.RFC3339)
	succeeded(t, "updateTicket", f.mutate(t, "updateTicket", updateTicket, map[string]any{"id": globalID("Ticket", id), "snoozedUntil": until,
		"assignment": map[string]any{"adminId": globalID("Admin", admin), "assigneeId": globalID("Team", team)}}))
	if tk := readTicket(); tk["snoozedUntil"] != until || dig(tk, "teamAssignee", "intercomId") != team {
		t.Errorf("snoozed and given to a team: %v", tk)
	}
	succeeded(t, "updateTicket", f.mutate(t, "updateTicket", updateTicket, map[string]any{"id": globalID("Ticket", id), "state": "RESOLVED", "shared": false}))
	if tk := readTicket(); tk["open"] != false || tk["snoozedUntil"] != nil || tk["isShared"] != false || dig(tk, "parts", "nodes", 2, "previousState") != "IN_PROGRESS" {
		t.Errorf("resolved: %v", tk)
	}

	// Replies: a teammate's comment, note and quick reply, and the contact's comment.
	adminReply := func(kind string, fields map[string]any) map[string]any {
		admin := map[string]any{"adminId": globalID("Admin", assignee), "kind": kind}
		for k, v := range fields {
			admin[k] = v
		}
		return map[string]any{"ticketId": globalID("Ticket", id), "reply": map[string]any{"admin": admin}}
	}
	comment := succeeded(t, "replyTicket", f.mutate(t, "replyTicket", replyTicketDoc, with(adminReply("COMMENT", map[string]any{"body": "A mechanic is on the way"}),
		"attachmentUrls", []string{"https://example.org/route.pdf"})))
	if dig(comment, "part", "partType") != "comment" || dig(comment, "part", "author", "intercomId") != assignee ||
		dig(comment, "part", "attachments", 0, "name") != "route.pdf" || dig(comment, "ticket", "parts", "nodes", 0, "intercomId") != dig(comment, "part", "intercomId") {
		t.Errorf("a teammate's comment: %v", comment)
	}
	for kind, fields := range map[string]map[string]any{
		"NOTE":        {"body": "Check the fuel line"},
		"QUICK_REPLY": {"quickReplies": []any{map[string]any{"text": "Yes", "uuid": "a55776a3-1e17-4e74-8179-c5a147751f06"}}},
	} {
		if got := succeeded(t, "replyTicket", f.mutate(t, "replyTicket", replyTicketDoc, adminReply(kind, fields))); dig(got, "part", "partType") != map[string]string{
			"NOTE": "note", "QUICK_REPLY": "quick_reply"}[kind] {
			t.Errorf("a teammate's %s: %v", kind, got)
		}
	}
	byContact := map[string]any{"ticketId": globalID("Ticket", id),
		"reply": map[string]any{"contact": map[string]any{"contact": map[string]any{"contactId": globalID("Contact", user.ID)}, "body": "Thanks"}}}
	if got := succeeded(t, "replyTicket", f.mutate(t, "replyTicket", replyTicketDoc, byContact)); dig(got, "part", "author", "intercomId") != user.ID ||
		dig(got, "part", "author", "type") != "user" {
		t.Errorf("the contact's comment: %v", got)
	}

	// Tags: Intercom's tickets do not list theirs, so the answer and the workspace say where they are.
	tag := ws.TagIDs()[1]
	tagInput := map[string]any{"ticketId": globalID("Ticket", id), "tagId": globalID("Tag", tag), "adminId": globalID("Admin", admin)}
	tagged := succeeded(t, "attachTagToTicket", f.mutate(t, "attachTagToTicket", fmt.Sprintf(ticketTagDoc, "attachTagToTicket"), tagInput))
	if dig(tagged, "tag", "appliedBy", "intercomId") != admin || dig(tagged, "ticket", "intercomId") != id || !slices.Equal(ws.TicketTagIDs(id), []string{tag}) {
		t.Errorf("tag payload = %v, the ticket's tags %v", tagged, ws.TicketTagIDs(id))
	}
	succeeded(t, "detachTagFromTicket", f.mutate(t, "detachTagFromTicket", fmt.Sprintf(ticketTagDoc, "detachTagFromTicket"), tagInput))
	if got := ws.TicketTagIDs(id); len(got) != 0 {
		t.Errorf("the ticket keeps tags %v after untagging", got)
	}

	stranger := firstContactWhere(t, ws, func(c intercomsim.ContactData) bool { return c.Contact.ID != user.ID }).Contact
	unchanged := ticketsUnchanged(ws)
	f.refuses(t, "createTicket", createTicket, []refusal{
		{name: "a required attribute left out", input: with(input, "attributes", []any{}), code: "REQUIRED", field: []string{"attributes"}, calls: 1},
		{name: "text for a list", input: with(input, "attributes", []any{map[string]any{"name": "Severity", "text": "Dreadful"}}), code: "INVALID",
			field: []string{"attributes", "0"}, calls: 1},
		{name: "two contacts", input: with(input, "contacts", []any{map[string]any{"contactId": globalID("Contact", user.ID)}, map[string]any{"email": "x@example.org"}}),
			code: "INVALID", field: []string{"contacts"}, calls: 1},
		{name: "unknown contact", input: with(input, "contacts", []any{map[string]any{"contactId": globalID("Contact", "000000000000000000000000")}}),
			code: "NOT_FOUND", field: []string{"contacts"}, calls: 1},
		{name: "unknown company", input: with(input, "companyId", "no-such-company"), code: "NOT_FOUND", field: []string{"companyId"}, calls: 1},
		{name: "no contacts", input: with(input, "contacts", []any{}), code: "REQUIRED", field: []string{"contacts"}},
		{name: "an attribute without a value", input: with(input, "attributes", []any{map[string]any{"name": "Severity"}}), code: "REQUIRED",
			field: []string{"attributes", "0"}},
		{name: "the title twice", input: with(input, "attributes", []any{map[string]any{"name": "_default_title_", "text": "x"}}), code: "INVALID",
			field: []string{"title"}},
		{name: "a conversation's ID as the type", input: with(input, "ticketTypeId", globalID("Conversation", "1")), code: "INVALID_ID", field: []string{"ticketTypeId"}},
	}, unchanged)
	f.refuses(t, "updateTicket", updateTicket, []refusal{
		{name: "back to submitted", input: map[string]any{"id": globalID("Ticket", id), "state": "SUBMITTED"}, code: "INVALID", field: []string{"state"}},
		{name: "a contact as assignee", input: map[string]any{"id": globalID("Ticket", id), "assignment": map[string]any{"adminId": globalID("Admin", admin),
			"assigneeId": globalID("Contact", user.ID)}}, code: "INVALID_ID", field: []string{"assignment", "assigneeId"}},
		{name: "an assignee who is no teammate", input: map[string]any{"id": globalID("Ticket", id), "assignment": map[string]any{"adminId": globalID("Admin", admin),
			"assigneeId": globalID("Admin", "1")}}, code: "NOT_FOUND", field: []string{"assignment"}, calls: 1},
		{name: "snoozed into the past", input: map[string]any{"id": globalID("Ticket", id), "snoozedUntil": "2001-09-09T01:46:40Z"}, code: "INVALID",
			field: []string{"snoozedUntil"}, calls: 1},
		{name: "text for a number", input: map[string]any{"id": globalID("Ticket", id), "attributes": []any{map[string]any{"name": "Affected users", "text": "many"}}},
			code: "INVALID", field: []string{"attributes", "0"}, calls: 1},
		{name: "unknown ticket", input: map[string]any{"id": globalID("Ticket", "1"), "state": "RESOLVED"}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
	}, unchanged)
	f.refuses(t, "replyTicket", replyTicketDoc, []refusal{
		{name: "a contact not on the ticket", input: map[string]any{"ticketId": globalID("Ticket", id),
			"reply": map[string]any{"contact": map[string]any{"contact": map[string]any{"contactId": globalID("Contact", stranger.ID)}, "body": "Me too"}}},
			code: "INVALID", field: []string{"reply", "contact", "contact"}, calls: 1},
		{name: "a quick reply without choices", input: adminReply("QUICK_REPLY", nil), code: "REQUIRED", field: []string{"reply", "admin", "quickReplies"}},
		{name: "a choice without a UUID", input: adminReply("QUICK_REPLY", map[string]any{"quickReplies": []any{map[string]any{"text": "Yes", "uuid": "yes"}}}),
			code: "INVALID", field: []string{"reply", "admin", "quickReplies", "0", "uuid"}},
		{name: "a comment without a body", input: adminReply("COMMENT", nil), code: "REQUIRED", field: []string{"reply", "admin", "body"}},
		{name: "unknown ticket", input: with(adminReply("NOTE", map[string]any{"body": "x"}), "ticketId", globalID("Ticket", "1")), code: "NOT_FOUND",
			field: []string{"ticketId"}, calls: 1},
	}, unchanged)
	f.refuses(t, "attachTagToTicket", fmt.Sprintf(ticketTagDoc, "attachTagToTicket"), []refusal{
		{name: "unknown tag", input: with(tagInput, "tagId", globalID("Tag", "1")), code: "NOT_FOUND", field: []string{"tagId"}, calls: 1},
		{name: "unknown ticket", input: with(tagInput, "ticketId", globalID("Ticket", "1")), code: "NOT_FOUND", field: []string{"ticketId"}, calls: 1},
	}, unchanged)
	f.invalid(t, "no contacts", createTicket, map[string]any{"ticketTypeId": input["ticketTypeId"]}, "contacts")
	f.invalid(t, "a state that does not exist", updateTicket, map[string]any{"id": globalID("Ticket", id), "state": "ON_FIRE"}, "state")
}
