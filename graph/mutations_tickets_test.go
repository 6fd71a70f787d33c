package graph_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"intercom-graphql/httpapi/facadetest"
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
	ticketTagDoc = `mutation($input: %[2]sInput!) {
	  %[1]s(input: $input) { tag { intercomId appliedAt appliedBy { intercomId } } ticket { intercomId } userErrors { field message code } }
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

func newTicketWriteFacade(t *testing.T) (*facadetest.Facade, *intercomsim.Workspace) {
	t.Helper()
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: ticketWriteSizes}, Cache: cache.NewMemory(1000), CacheTTL: upstream.DefaultCacheTTL()})
	return f, f.Sim.Workspace(intercomsim.DemoToken)
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
	for _, tt := range facadetest.Dig(data, "ticketTypes", "nodes").([]any) {
		if ok(tt) {
			return tt.(map[string]any)
		}
	}
	t.Fatal("no such ticket type")
	return nil
}

func attributeNode(tt any, name string) map[string]any {
	for _, a := range facadetest.Dig(tt, "attributes", "nodes").([]any) {
		if facadetest.Dig(a, "name") == name {
			return a.(map[string]any)
		}
	}
	return nil
}

func optionNode(a any, label string) map[string]any {
	for _, o := range facadetest.Dig(a, "listOptions", "nodes").([]any) {
		if facadetest.Dig(o, "label") == label {
			return o.(map[string]any)
		}
	}
	return nil
}

func TestTicketTypesAndAttributes(t *testing.T) {
	f, ws := newTicketWriteFacade(t)
	cached(t, f, readTicketTypes, nil)
	createType := fmt.Sprintf(ticketTypeDoc, "CreateTicketTypeInput", "createTicketType")
	created := facadetest.Succeeded(t, "createTicketType", f.Mutate(t, "createTicketType", createType, map[string]any{
		"name": "Zeppelin repair", "description": "When an airship fails", "category": "BACK_OFFICE", "icon": "🛠️", "internal": true,
	}))["ticketType"].(map[string]any)
	typeID := facadetest.Str(created["intercomId"])
	if created["category"] != "BACK_OFFICE" || !slices.Equal(names(created["attributes"]), []string{"_default_title_", "_default_description_"}) {
		t.Errorf("created ticket type = %v", created)
	}
	listed := ticketTypeNode(t, readBack(t, f, readTicketTypes, nil), func(tt any) bool { return facadetest.Dig(tt, "intercomId") == typeID })
	if listed["name"] != "Zeppelin repair" {
		t.Errorf("ticketTypes read after the creation lists %v (stale cache?)", listed)
	}
	updateType := fmt.Sprintf(ticketTypeDoc, "UpdateTicketTypeInput", "updateTicketType")
	updated := facadetest.Succeeded(t, "updateTicketType", f.Mutate(t, "updateTicketType", updateType, map[string]any{
		"id": facadetest.GlobalID("TicketType", typeID), "name": "Airship repair", "description": "When an airship fails to fly",
	}))["ticketType"].(map[string]any)
	if updated["name"] != "Airship repair" || updated["icon"] != "🛠️" {
		t.Errorf("updated ticket type = %v", updated)
	}

	createAttr := fmt.Sprintf(attributeDoc, "CreateTicketTypeAttributeInput", "createTicketTypeAttribute")
	part := facadetest.Succeeded(t, "createTicketTypeAttribute", f.Mutate(t, "createTicketTypeAttribute", createAttr, map[string]any{
		"ticketTypeId": facadetest.GlobalID("TicketType", typeID), "name": "Part", "description": "What broke", "dataType": "LIST",
		"listItems": []string{"Hull", "Engine", "Gondola"}, "requiredToCreate": true,
	}))
	attr := part["attribute"].(map[string]any)
	if attr["dataType"] != "LIST" || attr["requiredToCreate"] != true || len(facadetest.Dig(attr, "listOptions", "nodes").([]any)) != 3 ||
		!slices.Contains(names(facadetest.Dig(part, "ticketType", "attributes")), "Part") {
		t.Errorf("created attribute = %v", part)
	}
	engine := facadetest.Str(facadetest.Dig(optionNode(attr, "Engine"), "intercomId"))
	facadetest.Succeeded(t, "createTicketTypeAttribute", f.Mutate(t, "createTicketTypeAttribute", createAttr, map[string]any{
		"ticketTypeId": facadetest.GlobalID("TicketType", typeID), "name": "Crew notes", "description": "What the crew saw", "dataType": "STRING", "multiline": true,
	}))
	cached(t, f, readTicketTypes, nil)
	updateAttr := fmt.Sprintf(attributeDoc, "UpdateTicketTypeAttributeInput", "updateTicketTypeAttribute")
	attrInput := map[string]any{"ticketTypeId": facadetest.GlobalID("TicketType", typeID), "id": facadetest.GlobalID("TicketTypeAttribute", facadetest.Str(attr["intercomId"]))}
	facadetest.Succeeded(t, "updateTicketTypeAttribute", f.Mutate(t, "updateTicketTypeAttribute", updateAttr, with(with(attrInput, "listItems",
		[]string{"Hull", "Engine", "Rudder"}), "description", "What broke first")))
	read := attributeNode(ticketTypeNode(t, readBack(t, f, readTicketTypes, nil), func(tt any) bool { return facadetest.Dig(tt, "intercomId") == typeID }), "Part")
	if facadetest.Dig(optionNode(read, "Gondola"), "archived") != true || facadetest.Dig(optionNode(read, "Engine"), "intercomId") != engine || optionNode(read, "Rudder") == nil {
		t.Errorf("the options read after the update: %v (stale cache?)", facadetest.Dig(read, "listOptions"))
	}

	unchanged := ticketsUnchanged(ws)
	refuses(t, f, "createTicketType", createType, []refusal{
		{name: "a name taken", input: map[string]any{"name": "bug report"}, code: "TAKEN", field: []string{"name"}, calls: 1},
		{name: "a blank name", input: map[string]any{"name": " "}, code: "REQUIRED", field: []string{"name"}},
	}, unchanged)
	refuses(t, f, "updateTicketType", updateType, []refusal{
		{name: "another type's name", input: map[string]any{"id": facadetest.GlobalID("TicketType", typeID), "name": "Bug report"}, code: "TAKEN", field: []string{"name"}, calls: 1},
		{name: "unknown ticket type", input: map[string]any{"id": facadetest.GlobalID("TicketType", "1"), "name": "x"}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
		{name: "a ticket's ID", input: map[string]any{"id": facadetest.GlobalID("Ticket", "1"), "name": "x"}, code: "INVALID_ID", field: []string{"id"}},
	}, unchanged)
	newAttr := map[string]any{"ticketTypeId": facadetest.GlobalID("TicketType", typeID), "name": "Deck", "description": "Which deck", "dataType": "STRING"}
	refuses(t, f, "createTicketTypeAttribute", createAttr, []refusal{
		{name: "a name the type has", input: with(newAttr, "name", "part"), code: "TAKEN", field: []string{"name"}, calls: 1},
		{name: "a list without options", input: with(newAttr, "dataType", "LIST"), code: "REQUIRED", field: []string{"listItems"}},
		{name: "an option with a comma", input: with(with(newAttr, "dataType", "LIST"), "listItems", []string{"Upper, lower"}), code: "INVALID",
			field: []string{"listItems", "0"}},
		{name: "lines for a number", input: with(with(newAttr, "dataType", "INTEGER"), "multiline", true), code: "INVALID", field: []string{"multiline"}, calls: 1},
		{name: "unknown ticket type", input: with(newAttr, "ticketTypeId", facadetest.GlobalID("TicketType", "1")), code: "NOT_FOUND", field: []string{"ticketTypeId"}, calls: 1},
	}, unchanged)
	title := attributeNode(listed, "_default_title_")
	refuses(t, f, "updateTicketTypeAttribute", updateAttr, []refusal{
		{name: "the default title renamed", input: with(with(attrInput, "id", facadetest.GlobalID("TicketTypeAttribute", facadetest.Str(title["intercomId"]))), "name", "Headline"),
			code: "INVALID", field: []string{"name"}, calls: 1},
		{name: "unknown attribute", input: with(with(attrInput, "id", facadetest.GlobalID("TicketTypeAttribute", "1")), "description", "x"), code: "NOT_FOUND",
			field: []string{"id"}, calls: 1},
		{name: "a ticket type's ID as the attribute", input: with(attrInput, "id", facadetest.GlobalID("TicketType", typeID)), code: "INVALID_ID", field: []string{"id"}},
	}, unchanged)
	invalid(t, f, "no data type", createAttr, map[string]any{"ticketTypeId": newAttr["ticketTypeId"], "name": "Deck", "description": "x"}, "dataType")
	invalid(t, f, "a category that does not exist", createType, map[string]any{"name": "x", "category": "INTERNAL"}, "category")
}

func names(conn any) []string {
	var out []string
	nodes, _ := facadetest.Dig(conn, "nodes").([]any)
	for _, n := range nodes {
		out = append(out, facadetest.Str(facadetest.Dig(n, "name")))
	}
	return out
}

func TestCreateUpdateAndReplyToTickets(t *testing.T) {
	f, ws := newTicketWriteFacade(t)
	types := readBack(t, f, readTicketTypes, nil)
	bug := ticketTypeNode(t, types, func(tt any) bool { return facadetest.Dig(tt, "name") == "Bug report" })
	severity := attributeNode(bug, "Severity")
	high := facadetest.Str(facadetest.Dig(optionNode(severity, "High"), "intercomId"))
	user := firstContactWhere(t, ws, isUser).Contact
	company := facadetest.Str(facadetest.Dig(readBack(t, f, `{ companies(first: 1) { nodes { companyId } } }`, nil), "companies", "nodes", 0, "companyId"))
	createTicket, updateTicket := fmt.Sprintf(ticketDoc, "CreateTicketInput", "createTicket"), fmt.Sprintf(ticketDoc, "UpdateTicketInput", "updateTicket")
	input := map[string]any{"ticketTypeId": facadetest.GlobalID("TicketType", facadetest.Str(bug["intercomId"])), "contacts": []any{map[string]any{"contactId": facadetest.GlobalID("Contact", user.ID)}},
		"title": "Engine on fire", "description": "Smoke from the gondola", "companyId": company,
		"attributes": []any{map[string]any{"name": "Severity", "optionId": high}, map[string]any{"name": "Affected users", "integer": 12},
			map[string]any{"name": "Reproducible", "boolean": true}}}

	created := facadetest.Succeeded(t, "createTicket", f.Mutate(t, "createTicket", createTicket, input))["ticket"].(map[string]any)
	id := facadetest.Str(created["intercomId"])
	values := map[string]any{}
	for _, a := range created["ticketAttributes"].([]any) {
		values[facadetest.Str(facadetest.Dig(a, "name"))] = a
	}
	if created["state"] != "SUBMITTED" || created["title"] != "Engine on fire" || created["isShared"] != true ||
		facadetest.Dig(values["Severity"], "option", "label") != "High" || facadetest.Dig(values["Affected users"], "integer") != float64(12) ||
		facadetest.Dig(values["Reproducible"], "boolean") != true || !slices.Equal(nodeIDs(created["contacts"]), []string{user.ID}) {
		t.Errorf("created ticket = %v", created)
	}
	byTitle := `query($title: String!) { tickets(filter: {title: {eq: $title}}) { nodes { intercomId } } }`
	if found := nodeIDs(readBack(t, f, byTitle, map[string]any{"title": "Engine on fire"})["tickets"]); !slices.Equal(found, []string{id}) {
		t.Errorf("the title filter finds %v", found)
	}
	lead := facadetest.Succeeded(t, "createTicket", f.Mutate(t, "createTicket", createTicket, with(with(input, "contacts",
		[]any{map[string]any{"email": "captain@airships.example"}}), "title", "Balloon torn")))
	if c := facadetest.Dig(lead, "ticket", "contacts", "nodes", 0); facadetest.Dig(c, "email") != "captain@airships.example" || facadetest.Dig(c, "role") != "LEAD" {
		t.Errorf("a ticket for a new email concerns %v", c)
	}

	// Updates, each read back through a cache the write must invalidate.
	admin, assignee := ws.AdminIDs()[0], ws.AdminIDs()[2]
	team := firstTeam(t, f)
	readTicket := func() map[string]any {
		t.Helper()
		return readBack(t, f, readTicketState, map[string]any{"id": facadetest.GlobalID("Ticket", id)})["ticket"].(map[string]any)
	}
	cached(t, f, readTicketState, map[string]any{"id": facadetest.GlobalID("Ticket", id)})
	facadetest.Succeeded(t, "updateTicket", f.Mutate(t, "updateTicket", updateTicket, map[string]any{"id": facadetest.GlobalID("Ticket", id), "state": "IN_PROGRESS",
		"title": "Engine fire", "assignment": map[string]any{"adminId": facadetest.GlobalID("Admin", admin), "assigneeId": facadetest.GlobalID("Admin", assignee)}}))
	tk := readTicket()
	var kinds []string
	for _, p := range facadetest.Dig(tk, "parts", "nodes").([]any) {
		kinds = append(kinds, facadetest.Str(facadetest.Dig(p, "partType")))
	}
	if tk["state"] != "IN_PROGRESS" || tk["title"] != "Engine fire" || facadetest.Dig(tk, "adminAssignee", "intercomId") != assignee ||
		!slices.Equal(kinds, []string{"ticket_attribute_updated_by_admin", "ticket_state_updated_by_admin", "assignment"}) {
		t.Errorf("the ticket read after its update: %v (stale cache?)", tk)
	}
	byState := `query($admin: ID!) { tickets(filter: {state: {eq: IN_PROGRESS}, adminAssignee: {eq: $admin}}) { nodes { intercomId } } }`
	if found := nodeIDs(readBack(t, f, byState, map[string]any{"admin": facadetest.GlobalID("Admin", assignee)})["tickets"]); !containsStr(found, id) {
		t.Errorf("the state and assignee filter does not find the ticket: %v", found)
	}
	until := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Second).Format(time.RFC3339)
	facadetest.Succeeded(t, "updateTicket", f.Mutate(t, "updateTicket", updateTicket, map[string]any{"id": facadetest.GlobalID("Ticket", id), "snoozedUntil": until,
		"assignment": map[string]any{"adminId": facadetest.GlobalID("Admin", admin), "assigneeId": facadetest.GlobalID("Team", team)}}))
	if tk := readTicket(); tk["snoozedUntil"] != until || facadetest.Dig(tk, "teamAssignee", "intercomId") != team {
		t.Errorf("snoozed and given to a team: %v", tk)
	}
	facadetest.Succeeded(t, "updateTicket", f.Mutate(t, "updateTicket", updateTicket, map[string]any{"id": facadetest.GlobalID("Ticket", id), "state": "RESOLVED", "shared": false}))
	if tk := readTicket(); tk["open"] != false || tk["snoozedUntil"] != nil || tk["isShared"] != false || facadetest.Dig(tk, "parts", "nodes", 2, "previousState") != "IN_PROGRESS" {
		t.Errorf("resolved: %v", tk)
	}

	// Replies: a teammate's comment, note and quick reply, and the contact's comment.
	adminReply := func(kind string, fields map[string]any) map[string]any {
		admin := map[string]any{"adminId": facadetest.GlobalID("Admin", assignee), "kind": kind}
		for k, v := range fields {
			admin[k] = v
		}
		return map[string]any{"ticketId": facadetest.GlobalID("Ticket", id), "reply": map[string]any{"admin": admin}}
	}
	comment := facadetest.Succeeded(t, "replyTicket", f.Mutate(t, "replyTicket", replyTicketDoc, with(adminReply("COMMENT", map[string]any{"body": "A mechanic is on the way"}),
		"attachmentUrls", []string{"https://example.org/route.pdf"})))
	if facadetest.Dig(comment, "part", "partType") != "comment" || facadetest.Dig(comment, "part", "author", "intercomId") != assignee ||
		facadetest.Dig(comment, "part", "attachments", 0, "name") != "route.pdf" || facadetest.Dig(comment, "ticket", "parts", "nodes", 0, "intercomId") != facadetest.Dig(comment, "part", "intercomId") {
		t.Errorf("a teammate's comment: %v", comment)
	}
	for kind, fields := range map[string]map[string]any{
		"NOTE":        {"body": "Check the fuel line"},
		"QUICK_REPLY": {"quickReplies": []any{map[string]any{"text": "Yes", "uuid": "a55776a3-1e17-4e74-8179-c5a147751f06"}}},
	} {
		if got := facadetest.Succeeded(t, "replyTicket", f.Mutate(t, "replyTicket", replyTicketDoc, adminReply(kind, fields))); facadetest.Dig(got, "part", "partType") != map[string]string{
			"NOTE": "note", "QUICK_REPLY": "quick_reply"}[kind] {
			t.Errorf("a teammate's %s: %v", kind, got)
		}
	}
	byContact := map[string]any{"ticketId": facadetest.GlobalID("Ticket", id),
		"reply": map[string]any{"contact": map[string]any{"contact": map[string]any{"contactId": facadetest.GlobalID("Contact", user.ID)}, "body": "Thanks"}}}
	if got := facadetest.Succeeded(t, "replyTicket", f.Mutate(t, "replyTicket", replyTicketDoc, byContact)); facadetest.Dig(got, "part", "author", "intercomId") != user.ID ||
		facadetest.Dig(got, "part", "author", "type") != "user" {
		t.Errorf("the contact's comment: %v", got)
	}

	// Tags: Intercom's tickets do not list theirs, so the answer and the workspace say where they are.
	tag := ws.TagIDs()[1]
	tagInput := map[string]any{"ticketId": facadetest.GlobalID("Ticket", id), "tagId": facadetest.GlobalID("Tag", tag), "adminId": facadetest.GlobalID("Admin", admin)}
	tagged := facadetest.Succeeded(t, "attachTagToTicket", f.Mutate(t, "attachTagToTicket", fmt.Sprintf(ticketTagDoc, "attachTagToTicket", "AttachTagToTicket"), tagInput))
	if facadetest.Dig(tagged, "tag", "appliedBy", "intercomId") != admin || facadetest.Dig(tagged, "ticket", "intercomId") != id || !slices.Equal(ws.TicketTagIDs(id), []string{tag}) {
		t.Errorf("tag payload = %v, the ticket's tags %v", tagged, ws.TicketTagIDs(id))
	}
	facadetest.Succeeded(t, "detachTagFromTicket", f.Mutate(t, "detachTagFromTicket", fmt.Sprintf(ticketTagDoc, "detachTagFromTicket", "DetachTagFromTicket"), tagInput))
	if got := ws.TicketTagIDs(id); len(got) != 0 {
		t.Errorf("the ticket keeps tags %v after untagging", got)
	}

	stranger := firstContactWhere(t, ws, func(c intercomsim.ContactData) bool { return c.Contact.ID != user.ID }).Contact
	unchanged := ticketsUnchanged(ws)
	refuses(t, f, "createTicket", createTicket, []refusal{
		{name: "a required attribute left out", input: with(input, "attributes", []any{}), code: "REQUIRED", field: []string{"attributes"}, calls: 1},
		{name: "text for a list", input: with(input, "attributes", []any{map[string]any{"name": "Severity", "text": "Dreadful"}}), code: "INVALID",
			field: []string{"attributes", "0"}, calls: 1},
		{name: "two contacts", input: with(input, "contacts", []any{map[string]any{"contactId": facadetest.GlobalID("Contact", user.ID)}, map[string]any{"email": "x@example.org"}}),
			code: "INVALID", field: []string{"contacts"}, calls: 1},
		{name: "unknown contact", input: with(input, "contacts", []any{map[string]any{"contactId": facadetest.GlobalID("Contact", "000000000000000000000000")}}),
			code: "NOT_FOUND", field: []string{"contacts"}, calls: 1},
		{name: "unknown company", input: with(input, "companyId", "no-such-company"), code: "NOT_FOUND", field: []string{"companyId"}, calls: 1},
		{name: "no contacts", input: with(input, "contacts", []any{}), code: "REQUIRED", field: []string{"contacts"}},
		{name: "an attribute without a value", input: with(input, "attributes", []any{map[string]any{"name": "Severity"}}), code: "REQUIRED",
			field: []string{"attributes", "0"}},
		{name: "the title twice", input: with(input, "attributes", []any{map[string]any{"name": "_default_title_", "text": "x"}}), code: "INVALID",
			field: []string{"title"}},
		{name: "a conversation's ID as the type", input: with(input, "ticketTypeId", facadetest.GlobalID("Conversation", "1")), code: "INVALID_ID", field: []string{"ticketTypeId"}},
	}, unchanged)
	refuses(t, f, "updateTicket", updateTicket, []refusal{
		{name: "back to submitted", input: map[string]any{"id": facadetest.GlobalID("Ticket", id), "state": "SUBMITTED"}, code: "INVALID", field: []string{"state"}},
		{name: "a contact as assignee", input: map[string]any{"id": facadetest.GlobalID("Ticket", id), "assignment": map[string]any{"adminId": facadetest.GlobalID("Admin", admin),
			"assigneeId": facadetest.GlobalID("Contact", user.ID)}}, code: "INVALID_ID", field: []string{"assignment", "assigneeId"}},
		{name: "an assignee who is no teammate", input: map[string]any{"id": facadetest.GlobalID("Ticket", id), "assignment": map[string]any{"adminId": facadetest.GlobalID("Admin", admin),
			"assigneeId": facadetest.GlobalID("Admin", "1")}}, code: "NOT_FOUND", field: []string{"assignment"}, calls: 1},
		{name: "snoozed into the past", input: map[string]any{"id": facadetest.GlobalID("Ticket", id), "snoozedUntil": "2001-09-09T01:46:40Z"}, code: "INVALID",
			field: []string{"snoozedUntil"}, calls: 1},
		{name: "text for a number", input: map[string]any{"id": facadetest.GlobalID("Ticket", id), "attributes": []any{map[string]any{"name": "Affected users", "text": "many"}}},
			code: "INVALID", field: []string{"attributes", "0"}, calls: 1},
		{name: "unknown ticket", input: map[string]any{"id": facadetest.GlobalID("Ticket", "1"), "state": "RESOLVED"}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
	}, unchanged)
	refuses(t, f, "replyTicket", replyTicketDoc, []refusal{
		{name: "a contact not on the ticket", input: map[string]any{"ticketId": facadetest.GlobalID("Ticket", id),
			"reply": map[string]any{"contact": map[string]any{"contact": map[string]any{"contactId": facadetest.GlobalID("Contact", stranger.ID)}, "body": "Me too"}}},
			code: "INVALID", field: []string{"reply", "contact", "contact"}, calls: 1},
		{name: "a quick reply without choices", input: adminReply("QUICK_REPLY", nil), code: "REQUIRED", field: []string{"reply", "admin", "quickReplies"}},
		{name: "a choice without a UUID", input: adminReply("QUICK_REPLY", map[string]any{"quickReplies": []any{map[string]any{"text": "Yes", "uuid": "yes"}}}),
			code: "INVALID", field: []string{"reply", "admin", "quickReplies", "0", "uuid"}},
		{name: "a comment without a body", input: adminReply("COMMENT", nil), code: "REQUIRED", field: []string{"reply", "admin", "body"}},
		{name: "unknown ticket", input: with(adminReply("NOTE", map[string]any{"body": "x"}), "ticketId", facadetest.GlobalID("Ticket", "1")), code: "NOT_FOUND",
			field: []string{"ticketId"}, calls: 1},
	}, unchanged)
	refuses(t, f, "attachTagToTicket", fmt.Sprintf(ticketTagDoc, "attachTagToTicket", "AttachTagToTicket"), []refusal{
		{name: "unknown tag", input: with(tagInput, "tagId", facadetest.GlobalID("Tag", "1")), code: "NOT_FOUND", field: []string{"tagId"}, calls: 1},
		{name: "unknown ticket", input: with(tagInput, "ticketId", facadetest.GlobalID("Ticket", "1")), code: "NOT_FOUND", field: []string{"ticketId"}, calls: 1},
	}, unchanged)
	invalid(t, f, "no contacts", createTicket, map[string]any{"ticketTypeId": input["ticketTypeId"]}, "contacts")
	invalid(t, f, "a state that does not exist", updateTicket, map[string]any{"id": facadetest.GlobalID("Ticket", id), "state": "ON_FIRE"}, "state")
}
