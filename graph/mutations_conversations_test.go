package graph_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

const (
	conversationTagDoc = `mutation($input: %[2]sInput!) {
	  %[1]s(input: $input) { tag { intercomId appliedAt appliedBy { intercomId } } conversation { intercomId } userErrors { field message code } }
	}`
	createConversationDoc = `mutation($input: CreateConversationInput!) {
	  createConversation(input: $input) { message { intercomId body kind }
	    conversation { intercomId state waitingSince source { subject body author { type intercomId } } contacts { nodes { intercomId } } }
	    userErrors { field message code } }
	}`
	updateConversationDoc = `mutation($input: UpdateConversationInput!) {
	  updateConversation(input: $input) { conversation { intercomId read } userErrors { field message code } }
	}`
	replyConversationDoc = `mutation($input: ReplyConversationInput!) {
	  replyConversation(input: $input) {
	    part { partType body author { type intercomId } attachments { name } }
	    conversation { state read waitingSince statistics { lastAdminReplyAt countReopens } }
	    userErrors { field message code } }
	}`
	manageDoc = `mutation($input: %s!) {
	  %s(input: $input) { conversation { intercomId state snoozedUntil } userErrors { field message code } }
	}`
	participantsDoc = `mutation($input: %s!) {
	  %s(input: $input) { conversation { contacts { nodes { intercomId email role } } } userErrors { field message code } }
	}`
	redactDoc = `mutation($input: RedactConversationInput!) {
	  redactConversation(input: $input) { conversation { source { redacted } } userErrors { field message code } }
	}`
	convertDoc = `mutation($input: ConvertConversationToTicketInput!) {
	  convertConversationToTicket(input: $input) {
	    ticket { intercomId category state title ticketType { intercomId } linkedObjects { nodes { ... on Conversation { intercomId } } } }
	    conversation { linkedObjects { nodes { ... on Ticket { intercomId } } } }
	    userErrors { field message code } }
	}`
	// readConversationState reads a conversation as an inbox shows it.
	readConversationState = `query($id: ID!) { conversation(id: $id) {
	  state read snoozedUntil waitingSince adminAssignee { intercomId } teamAssignee { intercomId }
	  tags { nodes { intercomId } }
	  source { body redacted }
	  statistics { countReopens lastClosedBy { intercomId } }
	  parts(last: 1) { totalCount nodes { intercomId partType body redacted author { type intercomId } assignedTo { type intercomId } } }
	  linkedObjects { nodes { ... on Ticket { intercomId } } }
	} }`
	// readConversationContacts reads a conversation's participants (found by one contact search, never cached).
	readConversationContacts = `query($id: ID!) { conversation(id: $id) { contacts { nodes { intercomId } } } }`
	conversationsTotal       = `{ conversations(first: 1) { totalCount } }`
)

// snapshotConversations captures every conversation (with its parts count)
// and contact, for the refusals that must change nothing.
func snapshotConversations(ws *intercomsim.Workspace) string {
	b, err := json.Marshal([]any{ws.Conversations(), ws.Contacts()})
	if err != nil {
		panic(err)
	}
	return string(b)
}

func conversationsUnchanged(ws *intercomsim.Workspace) func(t *testing.T) {
	before := snapshotConversations(ws)
	return func(t *testing.T) {
		t.Helper()
		if snapshotConversations(ws) != before {
			t.Error("a refused write changed the workspace's conversations or contacts")
		}
	}
}

// conversationWhere is a seeded conversation that passes ok.
func conversationWhere(t *testing.T, ws *intercomsim.Workspace, ok func(intercomsim.ConversationData) bool) intercomsim.ConversationData {
	t.Helper()
	for _, c := range ws.Conversations() {
		if ok(c) {
			return c
		}
	}
	t.Fatal("the workspace has no such conversation")
	return intercomsim.ConversationData{}
}

func readConversation(t *testing.T, f *facadetest.Facade, id string) map[string]any {
	t.Helper()
	return readBack(t, f, readConversationState, map[string]any{"id": facadetest.GlobalID("Conversation", id)})["conversation"].(map[string]any)
}

func lastPartOf(conv map[string]any) any { return facadetest.Dig(conv, "parts", "nodes", 0) }

func TestTagAndMarkConversations(t *testing.T) {
	f, ws := newWriteFacade(t)
	conv := conversationWhere(t, ws, func(c intercomsim.ConversationData) bool { return len(c.Conversation.Tags.Tags) == 0 })
	id := conv.Conversation.ID
	tag, admin := ws.TagIDs()[2], ws.AdminIDs()[1]
	input := map[string]any{"conversationId": facadetest.GlobalID("Conversation", id), "tagId": facadetest.GlobalID("Tag", tag), "adminId": facadetest.GlobalID("Admin", admin)}
	byTag := `query($tag: ID!) { conversations(filter: {tag: {eq: $tag}}, first: 100) { nodes { intercomId } } }`

	cached(t, f, readConversationState, map[string]any{"id": facadetest.GlobalID("Conversation", id)})
	attach := fmt.Sprintf(conversationTagDoc, "attachTagToConversation", "AttachTagToConversation")
	tagged := facadetest.Succeeded(t, "attachTagToConversation", f.Mutate(t, "attachTagToConversation", attach, input))
	if facadetest.Dig(tagged, "tag", "intercomId") != tag || facadetest.Dig(tagged, "tag", "appliedBy", "intercomId") != admin || facadetest.Dig(tagged, "tag", "appliedAt") == nil ||
		facadetest.Dig(tagged, "conversation", "intercomId") != id {
		t.Errorf("attach payload = %v", tagged)
	}
	if got := nodeIDs(readConversation(t, f, id)["tags"]); !slices.Equal(got, []string{tag}) {
		t.Errorf("the conversation read after tagging has tags %v (stale cache?)", got)
	}
	if found := nodeIDs(readBack(t, f, byTag, map[string]any{"tag": facadetest.GlobalID("Tag", tag)})["conversations"]); !containsStr(found, id) {
		t.Errorf("the tag filter does not find the tagged conversation: %v", found)
	}

	unchanged := conversationsUnchanged(ws)
	refuses(t, f, "attachTagToConversation", attach, []refusal{
		{name: "unknown conversation", input: with(input, "conversationId", facadetest.GlobalID("Conversation", "1")), code: "NOT_FOUND", field: []string{"conversationId"}, calls: 1},
		{name: "unknown tag", input: with(input, "tagId", facadetest.GlobalID("Tag", "1")), code: "NOT_FOUND", field: []string{"tagId"}, calls: 1},
		{name: "an admin who is no teammate", input: with(with(input, "adminId", facadetest.GlobalID("Admin", "1")), "tagId", facadetest.GlobalID("Tag", ws.TagIDs()[3])),
			code: "NOT_FOUND", field: []string{"adminId"}, calls: 1},
		{name: "a conversation's ID as the tag", input: with(input, "tagId", facadetest.GlobalID("Conversation", id)), code: "INVALID_ID", field: []string{"tagId"}},
		{name: "a malformed admin ID", input: with(input, "adminId", "not-an-id"), code: "INVALID_ID", field: []string{"adminId"}},
	}, unchanged)
	invalid(t, f, "no teammate", attach, map[string]any{"conversationId": input["conversationId"], "tagId": input["tagId"]}, "adminId")

	detach := fmt.Sprintf(conversationTagDoc, "detachTagFromConversation", "DetachTagFromConversation")
	facadetest.Succeeded(t, "detachTagFromConversation", f.Mutate(t, "detachTagFromConversation", detach, input))
	if got := nodeIDs(readConversation(t, f, id)["tags"]); len(got) != 0 {
		t.Errorf("the conversation read after untagging has tags %v", got)
	}

	// Marked unread, then found by the read filter.
	byRead := `query($id: ID!) { conversations(filter: {id: {eq: $id}, read: {eq: false}}) { nodes { intercomId } } }`
	marked := facadetest.Succeeded(t, "updateConversation", f.Mutate(t, "updateConversation", updateConversationDoc, map[string]any{"id": facadetest.GlobalID("Conversation", id), "read": false}))
	if facadetest.Dig(marked, "conversation", "read") != false || readConversation(t, f, id)["read"] != false {
		t.Errorf("a conversation marked unread reads %v", marked)
	}
	if found := nodeIDs(readBack(t, f, byRead, map[string]any{"id": facadetest.GlobalID("Conversation", id)})["conversations"]); !containsStr(found, id) {
		t.Errorf("the read filter does not find the unread conversation: %v", found)
	}
	refuses(t, f, "updateConversation", updateConversationDoc, []refusal{
		{name: "unknown conversation", input: map[string]any{"id": facadetest.GlobalID("Conversation", "1"), "read": true}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
		{name: "a tag's ID", input: map[string]any{"id": facadetest.GlobalID("Tag", tag), "read": true}, code: "INVALID_ID", field: []string{"id"}},
	}, conversationsUnchanged(ws))
	invalid(t, f, "nothing to change", updateConversationDoc, map[string]any{"id": facadetest.GlobalID("Conversation", id)}, "read")
}

// with is a copy of an input with one field changed.
func with(input map[string]any, key string, value any) map[string]any {
	out := make(map[string]any, len(input))
	for k, v := range input {
		out[k] = v
	}
	out[key] = value
	return out
}

func TestCreateAndReplyToConversations(t *testing.T) {
	f, ws := newWriteFacade(t)
	user := firstContactWhere(t, ws, isUser).Contact
	before := int(facadetest.Dig(cached(t, f, conversationsTotal, nil), "conversations", "totalCount").(float64))

	created := facadetest.Succeeded(t, "createConversation", f.Mutate(t, "createConversation", createConversationDoc, map[string]any{
		"contactId": facadetest.GlobalID("Contact", user.ID), "body": "My zeppelin leaks", "subject": "Leak",
	}))
	conv := created["conversation"].(map[string]any)
	if facadetest.Dig(created, "message", "kind") != "INAPP" || conv["state"] != "OPEN" || facadetest.Dig(conv, "source", "author", "intercomId") != user.ID ||
		facadetest.Dig(conv, "source", "body") != "<p>My zeppelin leaks</p>" || conv["waitingSince"] == nil || !slices.Equal(nodeIDs(conv["contacts"]), []string{user.ID}) {
		t.Errorf("create payload = %v", created)
	}
	if got := int(facadetest.Dig(readBack(t, f, conversationsTotal, nil), "conversations", "totalCount").(float64)); got != before+1 {
		t.Errorf("conversations after a creation: %d, want %d (stale cache?)", got, before+1)
	}
	unchanged := conversationsUnchanged(ws)
	refuses(t, f, "createConversation", createConversationDoc, []refusal{
		{name: "unknown contact", input: map[string]any{"contactId": facadetest.GlobalID("Contact", "000000000000000000000000"), "body": "x"}, code: "NOT_FOUND",
			field: []string{"contactId"}, calls: 1},
		{name: "an admin's ID", input: map[string]any{"contactId": facadetest.GlobalID("Admin", ws.AdminIDs()[0]), "body": "x"}, code: "INVALID_ID", field: []string{"contactId"}},
		{name: "a blank message", input: map[string]any{"contactId": facadetest.GlobalID("Contact", user.ID), "body": "  "}, code: "REQUIRED", field: []string{"body"}},
	}, unchanged)
	invalid(t, f, "no message", createConversationDoc, map[string]any{"contactId": facadetest.GlobalID("Contact", user.ID)}, "body")

	// A closed conversation of one contact: a teammate answers, adds a note, the contact reopens it.
	closed := conversationWhere(t, ws, func(c intercomsim.ConversationData) bool {
		return c.Conversation.State == "closed" && len(c.Conversation.Contacts.Contacts) == 1
	}).Conversation
	id, contact := closed.ID, closed.Contacts.Contacts[0].ID
	email := ""
	for _, c := range ws.Contacts() {
		if c.Contact.ID == contact {
			email = c.Contact.Email
		}
	}
	admin := ws.AdminIDs()[2]
	cached(t, f, readConversationState, map[string]any{"id": facadetest.GlobalID("Conversation", id)})
	adminReply := func(kind, body string) map[string]any {
		return map[string]any{"conversationId": facadetest.GlobalID("Conversation", id), "attachmentUrls": []string{"https://example.org/fix.pdf"},
			"reply": map[string]any{"admin": map[string]any{"adminId": facadetest.GlobalID("Admin", admin), "kind": kind, "body": body}}}
	}
	comment := facadetest.Succeeded(t, "replyConversation", f.Mutate(t, "replyConversation", replyConversationDoc, adminReply("COMMENT", "We are on it")))
	if facadetest.Dig(comment, "part", "partType") != "comment" || facadetest.Dig(comment, "part", "author", "intercomId") != admin || facadetest.Dig(comment, "part", "attachments", 0, "name") != "fix.pdf" ||
		facadetest.Dig(comment, "conversation", "read") != true || facadetest.Dig(comment, "conversation", "waitingSince") != nil ||
		facadetest.Dig(comment, "conversation", "statistics", "lastAdminReplyAt") == nil || facadetest.Dig(comment, "conversation", "state") != "CLOSED" {
		t.Errorf("an admin's comment: %v", comment)
	}
	if p := lastPartOf(readConversation(t, f, id)); facadetest.Dig(p, "partType") != "comment" || facadetest.Dig(p, "body") != "<p>We are on it</p>" {
		t.Errorf("the conversation read after the comment ends with %v (stale cache?)", p)
	}
	note := facadetest.Succeeded(t, "replyConversation", f.Mutate(t, "replyConversation", replyConversationDoc, adminReply("NOTE", "<p>Internal</p>")))
	if facadetest.Dig(note, "part", "partType") != "note" {
		t.Errorf("an admin's note: %v", note)
	}
	reopens := facadetest.Dig(note, "conversation", "statistics", "countReopens").(float64)
	byContact := map[string]any{"conversationId": facadetest.GlobalID("Conversation", id),
		"reply": map[string]any{"contact": map[string]any{"contact": map[string]any{"email": email}, "body": "Still broken"}}}
	reply := facadetest.Succeeded(t, "replyConversation", f.Mutate(t, "replyConversation", replyConversationDoc, byContact))
	if facadetest.Dig(reply, "part", "partType") != "open" || facadetest.Dig(reply, "part", "author", "intercomId") != contact || facadetest.Dig(reply, "conversation", "state") != "OPEN" ||
		facadetest.Dig(reply, "conversation", "read") != false || facadetest.Dig(reply, "conversation", "waitingSince") == nil ||
		facadetest.Dig(reply, "conversation", "statistics", "countReopens") != reopens+1 {
		t.Errorf("the contact's reply to a closed conversation: %v", reply)
	}
	byState := `query($id: ID!) { conversations(filter: {id: {eq: $id}, state: {eq: OPEN}}) { nodes { intercomId } } }`
	if found := nodeIDs(readBack(t, f, byState, map[string]any{"id": facadetest.GlobalID("Conversation", id)})["conversations"]); !containsStr(found, id) {
		t.Errorf("the state filter does not find the reopened conversation: %v", found)
	}

	stranger := firstContactWhere(t, ws, func(c intercomsim.ContactData) bool { return c.Contact.ID != contact && c.Contact.Email != "" }).Contact
	unchanged = conversationsUnchanged(ws)
	refuses(t, f, "replyConversation", replyConversationDoc, []refusal{
		{name: "a contact who is not a participant", input: map[string]any{"conversationId": facadetest.GlobalID("Conversation", id),
			"reply": map[string]any{"contact": map[string]any{"contact": map[string]any{"contactId": facadetest.GlobalID("Contact", stranger.ID)}, "body": "Me too"}}},
			code: "INVALID", field: []string{"reply", "contact", "contact"}, calls: 1},
		{name: "unknown conversation", input: with(adminReply("NOTE", "x"), "conversationId", facadetest.GlobalID("Conversation", "1")), code: "NOT_FOUND",
			field: []string{"conversationId"}, calls: 1},
		{name: "a teammate who is not one", input: map[string]any{"conversationId": facadetest.GlobalID("Conversation", id),
			"reply": map[string]any{"admin": map[string]any{"adminId": facadetest.GlobalID("Admin", "1"), "kind": "NOTE", "body": "x"}}},
			code: "NOT_FOUND", field: []string{"reply", "admin", "adminId"}, calls: 1},
		{name: "a contact's ID as the teammate", input: map[string]any{"conversationId": facadetest.GlobalID("Conversation", id),
			"reply": map[string]any{"admin": map[string]any{"adminId": facadetest.GlobalID("Contact", contact), "kind": "NOTE", "body": "x"}}},
			code: "INVALID_ID", field: []string{"reply", "admin", "adminId"}},
		{name: "a blank comment", input: adminReply("COMMENT", " "), code: "REQUIRED", field: []string{"reply", "admin", "body"}},
		{name: "eleven attachments", input: with(adminReply("NOTE", "x"), "attachmentUrls", make([]string, 11)), code: "INVALID", field: []string{"attachmentUrls"}},
		{name: "neither a teammate nor a contact", input: map[string]any{"conversationId": facadetest.GlobalID("Conversation", id), "reply": map[string]any{}},
			code: "REQUIRED", field: []string{"reply"}},
	}, unchanged)
	invalid(t, f, "a kind of reply that does not exist", replyConversationDoc, adminReply("SHOUT", "x"), "kind")
}

func TestManageConversations(t *testing.T) {
	f, ws := newWriteFacade(t)
	conv := conversationWhere(t, ws, func(c intercomsim.ConversationData) bool { return c.Conversation.State == "open" }).Conversation
	id, admin, other := conv.ID, ws.AdminIDs()[0], ws.AdminIDs()[3]
	team := firstTeam(t, f)
	base := map[string]any{"conversationId": facadetest.GlobalID("Conversation", id), "adminId": facadetest.GlobalID("Admin", admin)}
	manage := func(field, input string, in map[string]any) map[string]any {
		t.Helper()
		return facadetest.Succeeded(t, field, f.Mutate(t, field, fmt.Sprintf(manageDoc, input, field), in))["conversation"].(map[string]any)
	}
	inState := func(state string) map[string]any {
		t.Helper()
		c := readConversation(t, f, id)
		if c["state"] != state {
			t.Errorf("the conversation reads %v, want %s (stale cache?)", c["state"], state)
		}
		byState := `query($id: ID!, $state: ConversationState!) { conversations(filter: {id: {eq: $id}, state: {eq: $state}}) { nodes { intercomId } } }`
		if found := nodeIDs(readBack(t, f, byState, map[string]any{"id": facadetest.GlobalID("Conversation", id), "state": state})["conversations"]); !containsStr(found, id) {
			t.Errorf("the state filter %s does not find the conversation", state)
		}
		return c
	}

	cached(t, f, readConversationState, map[string]any{"id": facadetest.GlobalID("Conversation", id)})
	if got := manage("closeConversation", "CloseConversationInput", with(base, "message", "Goodbye")); got["state"] != "CLOSED" {
		t.Errorf("close payload = %v", got)
	}
	c := inState("CLOSED")
	if p := lastPartOf(c); facadetest.Dig(p, "partType") != "close" || facadetest.Dig(p, "body") != "<p>Goodbye</p>" || facadetest.Dig(c, "statistics", "lastClosedBy", "intercomId") != admin {
		t.Errorf("the closed conversation: %v", c)
	}
	manage("openConversation", "OpenConversationInput", base)
	inState("OPEN")
	until := time.Now().Add(48 * time.Hour).UTC().Truncate(time.Second)
	snoozed := manage("snoozeConversation", "SnoozeConversationInput", with(base, "snoozedUntil", until.Format(time.RFC3339)))
	if snoozed["snoozedUntil"] != until.Format(time.RFC3339) {
		t.Errorf("snooze payload = %v", snoozed)
	}
	inState("SNOOZED")

	assign := func(kind string, assignee any) map[string]any {
		t.Helper()
		manage("assignConversation", "AssignConversationInput", with(with(base, "assigneeType", kind), "assigneeId", assignee))
		return readConversation(t, f, id)
	}
	if c := assign("ADMIN", facadetest.GlobalID("Admin", other)); facadetest.Dig(c, "adminAssignee", "intercomId") != other || facadetest.Dig(lastPartOf(c), "assignedTo", "intercomId") != other {
		t.Errorf("assigned to admin %s: %v", other, c)
	}
	if c := assign("TEAM", facadetest.GlobalID("Team", team)); facadetest.Dig(c, "teamAssignee", "intercomId") != team {
		t.Errorf("assigned to team %s: %v", team, c)
	}
	if c := assign("ADMIN", nil); c["adminAssignee"] != nil || facadetest.Dig(lastPartOf(c), "assignedTo", "type") != "nobody_admin" {
		t.Errorf("unassigned: %v", c)
	}
	ruled := facadetest.Succeeded(t, "runAssignmentRules", f.Mutate(t, "runAssignmentRules", fmt.Sprintf(manageDoc, "RunAssignmentRulesInput", "runAssignmentRules"),
		map[string]any{"conversationId": facadetest.GlobalID("Conversation", id)}))
	if c := readConversation(t, f, id); c["adminAssignee"] == nil || facadetest.Dig(lastPartOf(c), "partType") != "default_assignment" || facadetest.Dig(lastPartOf(c), "author", "type") != "bot" {
		t.Errorf("after the assignment rules (%v): %v", ruled, c)
	}

	unchanged := conversationsUnchanged(ws)
	assignDoc := fmt.Sprintf(manageDoc, "AssignConversationInput", "assignConversation")
	refuses(t, f, "snoozeConversation", fmt.Sprintf(manageDoc, "SnoozeConversationInput", "snoozeConversation"), []refusal{
		{name: "into the past", input: with(base, "snoozedUntil", "2001-09-09T01:46:40Z"), code: "INVALID", field: []string{"snoozedUntil"}, calls: 1},
	}, unchanged)
	refuses(t, f, "assignConversation", assignDoc, []refusal{
		{name: "a team's ID as a teammate", input: with(with(base, "assigneeType", "ADMIN"), "assigneeId", facadetest.GlobalID("Team", team)), code: "INVALID_ID",
			field: []string{"assigneeId"}},
		{name: "an assignee who is no teammate", input: with(with(base, "assigneeType", "ADMIN"), "assigneeId", facadetest.GlobalID("Admin", "1")), code: "NOT_FOUND",
			field: []string{"assigneeId"}, calls: 1},
		{name: "a teammate who is not one", input: with(with(with(base, "assigneeType", "TEAM"), "assigneeId", facadetest.GlobalID("Team", team)), "adminId", facadetest.GlobalID("Admin", "1")),
			code: "NOT_FOUND", field: []string{"adminId"}, calls: 1},
		{name: "unknown conversation", input: with(with(base, "assigneeType", "TEAM"), "conversationId", facadetest.GlobalID("Conversation", "1")), code: "NOT_FOUND",
			field: []string{"conversationId"}, calls: 1},
	}, unchanged)
	invalid(t, f, "no assignee type", assignDoc, base, "assigneeType")
}

// firstTeam is the Intercom id of a team, read through the graph.
func firstTeam(t *testing.T, f *facadetest.Facade) string {
	t.Helper()
	return facadetest.Str(facadetest.Dig(readBack(t, f, `{ teams { nodes { intercomId } } }`, nil), "teams", "nodes", 0, "intercomId"))
}

func TestConversationParticipantsRedactionAndConversion(t *testing.T) {
	f, ws := newWriteFacade(t)
	conv := conversationWhere(t, ws, func(c intercomsim.ConversationData) bool {
		return len(c.Conversation.Contacts.Contacts) == 1 && len(c.Conversation.LinkedObjects.Data) == 0 &&
			(c.Conversation.Source.Author.Type == "user" || c.Conversation.Source.Author.Type == "lead")
	}).Conversation
	id, first := conv.ID, conv.Contacts.Contacts[0].ID
	admin := facadetest.GlobalID("Admin", ws.AdminIDs()[1])
	joining := firstContactWhere(t, ws, func(c intercomsim.ContactData) bool { return c.Contact.ID != first }).Contact
	attachDoc := fmt.Sprintf(participantsDoc, "AttachContactToConversationInput", "attachContactToConversation")
	detachDoc := fmt.Sprintf(participantsDoc, "DetachContactFromConversationInput", "detachContactFromConversation")
	base := map[string]any{"conversationId": facadetest.GlobalID("Conversation", id), "adminId": admin}

	cached(t, f, readConversationState, map[string]any{"id": facadetest.GlobalID("Conversation", id)})
	byID := facadetest.Succeeded(t, "attachContactToConversation", f.Mutate(t, "attachContactToConversation", attachDoc,
		with(base, "contact", map[string]any{"contactId": facadetest.GlobalID("Contact", joining.ID)})))
	if got := nodeIDs(facadetest.Dig(byID, "conversation", "contacts")); !slices.Equal(got, []string{first, joining.ID}) {
		t.Errorf("attach payload contacts = %v", got)
	}
	byEmail := facadetest.Succeeded(t, "attachContactToConversation", f.Mutate(t, "attachContactToConversation", attachDoc,
		with(base, "contact", map[string]any{"email": "pilot@airships.example"})))
	newcomer := facadetest.Dig(byEmail, "conversation", "contacts", "nodes", 2)
	if facadetest.Dig(newcomer, "email") != "pilot@airships.example" || facadetest.Dig(newcomer, "role") != "LEAD" {
		t.Errorf("a participant by a new email: %v", newcomer)
	}
	if got := nodeIDs(facadetest.Dig(readBack(t, f, readConversationContacts, map[string]any{"id": facadetest.GlobalID("Conversation", id)}), "conversation", "contacts")); len(got) != 3 {
		t.Errorf("the conversation read after the attachments has contacts %v (stale cache?)", got)
	}
	detached := facadetest.Succeeded(t, "detachContactFromConversation", f.Mutate(t, "detachContactFromConversation", detachDoc,
		with(base, "contactId", facadetest.GlobalID("Contact", joining.ID))))
	if got := nodeIDs(facadetest.Dig(detached, "conversation", "contacts")); len(got) != 2 || containsStr(got, joining.ID) {
		t.Errorf("detach payload contacts = %v", got)
	}
	facadetest.Succeeded(t, "detachContactFromConversation", f.Mutate(t, "detachContactFromConversation", detachDoc,
		with(base, "contactId", facadetest.GlobalID("Contact", facadetest.Str(facadetest.Dig(newcomer, "intercomId"))))))
	unchanged := conversationsUnchanged(ws)
	refuses(t, f, "detachContactFromConversation", detachDoc, []refusal{
		{name: "the last participant", input: with(base, "contactId", facadetest.GlobalID("Contact", first)), code: "INVALID", field: []string{"contactId"}, calls: 1},
		{name: "unknown contact", input: with(base, "contactId", facadetest.GlobalID("Contact", "000000000000000000000000")), code: "NOT_FOUND", field: []string{"contactId"}, calls: 1},
	}, unchanged)
	refuses(t, f, "attachContactToConversation", attachDoc, []refusal{
		{name: "unknown contact", input: with(base, "contact", map[string]any{"contactId": facadetest.GlobalID("Contact", "000000000000000000000000")}), code: "NOT_FOUND",
			field: []string{"contact"}, calls: 1},
		{name: "a conversation's ID as the contact", input: with(base, "contact", map[string]any{"contactId": facadetest.GlobalID("Conversation", id)}), code: "INVALID_ID",
			field: []string{"contact", "contactId"}},
		{name: "two ways to name the contact", input: with(base, "contact", map[string]any{"email": "a@example.org", "externalId": "x"}), code: "REQUIRED",
			field: []string{"contact"}},
	}, unchanged)
	invalid(t, f, "no contact", attachDoc, base, "contact")

	// Redaction: a part with a body, then the contact's opening message.
	var comment, bare string
	for _, p := range fullConversationParts(t, f, id) {
		switch {
		case comment == "" && facadetest.Dig(p, "partType") == "comment":
			comment = facadetest.Str(facadetest.Dig(p, "intercomId"))
		case bare == "" && facadetest.Dig(p, "body") == nil:
			bare = facadetest.Str(facadetest.Dig(p, "intercomId"))
		}
	}
	if comment == "" || bare == "" {
		t.Fatal("the conversation lacks a comment or a part without a body")
	}
	facadetest.Succeeded(t, "redactConversation", f.Mutate(t, "redactConversation", redactDoc, map[string]any{"conversationId": facadetest.GlobalID("Conversation", id),
		"target": map[string]any{"partId": comment}}))
	for _, p := range fullConversationParts(t, f, id) {
		if facadetest.Str(facadetest.Dig(p, "intercomId")) == comment && (facadetest.Dig(p, "redacted") != true || facadetest.Dig(p, "body") != "<p><i>This message was redacted.</i></p>") {
			t.Errorf("the redacted part reads %v", p)
		}
	}
	source := facadetest.Succeeded(t, "redactConversation", f.Mutate(t, "redactConversation", redactDoc, map[string]any{"conversationId": facadetest.GlobalID("Conversation", id),
		"target": map[string]any{"sourceId": conv.Source.ID}}))
	if facadetest.Dig(source, "conversation", "source", "redacted") != true || facadetest.Dig(readConversation(t, f, id), "source", "redacted") != true {
		t.Errorf("redacting the opening message: %v", source)
	}
	unchanged = conversationsUnchanged(ws)
	refuses(t, f, "redactConversation", redactDoc, []refusal{
		{name: "a part without a body", input: map[string]any{"conversationId": facadetest.GlobalID("Conversation", id), "target": map[string]any{"partId": bare}},
			code: "INVALID", field: []string{"target", "partId"}, calls: 1},
		{name: "unknown part", input: map[string]any{"conversationId": facadetest.GlobalID("Conversation", id), "target": map[string]any{"partId": "1"}},
			code: "NOT_FOUND", field: []string{"target", "partId"}, calls: 1},
		{name: "nothing to redact", input: map[string]any{"conversationId": facadetest.GlobalID("Conversation", id), "target": map[string]any{}}, code: "REQUIRED",
			field: []string{"target"}},
	}, unchanged)
	invalid(t, f, "no target", redactDoc, map[string]any{"conversationId": facadetest.GlobalID("Conversation", id)}, "target")

	// Conversion to a customer ticket, linked both ways.
	var customer, backOffice string
	for _, tt := range ws.TicketTypes() {
		switch {
		case tt.Category == "Customer" && customer == "":
			customer = tt.ID
		case tt.Category == "Back-office" && backOffice == "":
			backOffice = tt.ID
		}
	}
	convertInput := map[string]any{"conversationId": facadetest.GlobalID("Conversation", id), "ticketTypeId": facadetest.GlobalID("TicketType", customer), "title": "Leaking zeppelin"}
	converted := facadetest.Succeeded(t, "convertConversationToTicket", f.Mutate(t, "convertConversationToTicket", convertDoc, convertInput))
	ticket := facadetest.Str(facadetest.Dig(converted, "ticket", "intercomId"))
	if facadetest.Dig(converted, "ticket", "category") != "CUSTOMER" || facadetest.Dig(converted, "ticket", "state") != "SUBMITTED" || facadetest.Dig(converted, "ticket", "title") != "Leaking zeppelin" ||
		!slices.Equal(nodeIDs(facadetest.Dig(converted, "ticket", "linkedObjects")), []string{id}) ||
		!slices.Equal(nodeIDs(facadetest.Dig(converted, "conversation", "linkedObjects")), []string{ticket}) {
		t.Errorf("convert payload = %v", converted)
	}
	if got := nodeIDs(readConversation(t, f, id)["linkedObjects"]); !slices.Equal(got, []string{ticket}) {
		t.Errorf("the conversation read after its conversion links %v (stale cache?)", got)
	}
	readTicket := `query($id: ID!) { ticket(id: $id) { title ticketType { intercomId } contacts { nodes { intercomId } } } }`
	if tk := readBack(t, f, readTicket, map[string]any{"id": facadetest.GlobalID("Ticket", ticket)})["ticket"]; facadetest.Dig(tk, "ticketType", "intercomId") != customer ||
		!slices.Equal(nodeIDs(facadetest.Dig(tk, "contacts")), []string{first}) {
		t.Errorf("the new ticket reads %v", tk)
	}
	other := conversationWhere(t, ws, func(c intercomsim.ConversationData) bool {
		return c.Conversation.ID != id && len(c.Conversation.LinkedObjects.Data) == 0
	}).Conversation.ID
	unchanged = conversationsUnchanged(ws)
	tickets := len(ws.TicketIDs())
	refuses(t, f, "convertConversationToTicket", convertDoc, []refusal{
		{name: "converted twice", input: convertInput, code: "INVALID", field: []string{"conversationId"}, calls: 1},
		{name: "a back-office type", input: with(with(convertInput, "conversationId", facadetest.GlobalID("Conversation", other)), "ticketTypeId", facadetest.GlobalID("TicketType", backOffice)),
			code: "INVALID", field: []string{"ticketTypeId"}, calls: 1},
		{name: "an attribute the type lacks", input: with(with(convertInput, "conversationId", facadetest.GlobalID("Conversation", other)), "attributes",
			[]any{map[string]any{"name": "Shoe size", "integer": 42}}), code: "INVALID", field: []string{"attributes", "0"}, calls: 1},
		{name: "two values for an attribute", input: with(convertInput, "attributes", []any{map[string]any{"name": "Browser", "text": "x", "integer": 1}}),
			code: "REQUIRED", field: []string{"attributes", "0"}},
		{name: "a ticket's ID as the type", input: with(convertInput, "ticketTypeId", facadetest.GlobalID("Ticket", ticket)), code: "INVALID_ID", field: []string{"ticketTypeId"}},
	}, func(t *testing.T) {
		unchanged(t)
		if got := len(ws.TicketIDs()); got != tickets {
			t.Errorf("a refused conversion left %d tickets, had %d", got, tickets)
		}
	})
}

// fullConversationParts reads every part of a conversation through the graph.
func fullConversationParts(t *testing.T, f *facadetest.Facade, id string) []any {
	t.Helper()
	data := readBack(t, f, `query($id: ID!) { conversation(id: $id) { parts(first: 100) { nodes { intercomId partType body redacted } } } }`,
		map[string]any{"id": facadetest.GlobalID("Conversation", id)})
	nodes, _ := facadetest.Dig(data, "conversation", "parts", "nodes").([]any)
	return nodes
}
