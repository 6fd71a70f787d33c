package intercomsim_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// The conversation writes' rows: each request of the spec's operations,
// its effect read back over GET and search, and the refusals Intercom
// describes, each leaving the conversation as it was.

// conversationWhere is the first conversation (read in full) that passes ok.
func (f *fixture) conversationWhere(t testing.TB, ok func(c map[string]any) bool) map[string]any {
	t.Helper()
	for _, id := range f.workspace().ConversationIDs() {
		if c := f.get(t, "/conversations/"+id); ok(c) {
			return c
		}
	}
	t.Fatal("the contract workspace has no such conversation")
	return nil
}

// searchConversations runs a conversation search and returns every match's id.
func (f *fixture) searchConversations(t testing.TB, query string) []string {
	t.Helper()
	status, body := f.call(t, http.MethodPost, "/conversations/search", `{"query":`+query+`,"pagination":{"per_page":150}}`)
	if status != http.StatusOK {
		t.Fatalf("searching conversations %s: %d %v", query, status, body)
	}
	return ids(body["conversations"])
}

func parts(c map[string]any) []any {
	list, _ := dig(c, "conversation_parts", "conversation_parts").([]any)
	return list
}

func lastPart(c map[string]any) any {
	list := parts(c)
	if len(list) == 0 {
		return nil
	}
	return list[len(list)-1]
}

func contactIDsOf(c map[string]any) []string {
	return ids(dig(c, "contacts", "contacts"))
}

func tagIDsOf(c map[string]any) []string { return ids(dig(c, "tags", "tags")) }

// unchangedConversation checks that a refusal left a conversation's parts,
// state, assignees, tags and contacts alone.
func (f *fixture) unchangedConversation(id string) func(t testing.TB) {
	snapshot := func(t testing.TB) string {
		c := f.get(t, "/conversations/"+id)
		return fmt.Sprint(len(parts(c)), c["state"], c["admin_assignee_id"], c["team_assignee_id"], tagIDsOf(c), contactIDsOf(c), c["read"],
			dig(c, "source", "redacted"), c["linked_objects"])
	}
	var before string
	return func(t testing.TB) {
		t.Helper()
		if before == "" {
			before = snapshot(t)
			return
		}
		if now := snapshot(t); now != before {
			t.Errorf("a refused write changed conversation %s: %s, was %s", id, now, before)
		}
	}
}

func attachConversationTagWrites(rt testing.TB, f *fixture) []writeCase {
	conv := f.conversationWhere(rt, func(c map[string]any) bool { return len(tagIDsOf(c)) < 2 })
	id := fmt.Sprint(conv["id"])
	var tag, other string
	for _, t := range f.workspace().TagIDs() {
		switch {
		case slices.Contains(tagIDsOf(conv), t):
		case tag == "":
			tag = t
		case other == "":
			other = t
		}
	}
	admin := f.adminIDs[1]
	path := "/conversations/" + id + "/tags"
	unchanged := f.unchangedConversation(id)
	unchanged(rt)
	return []writeCase{
		{name: "tagged", target: path, body: fmt.Sprintf(`{"id":"%s","admin_id":"%s"}`, tag, admin),
			check: func(t testing.TB, body map[string]any) {
				want(t, "answered tag", body["id"], tag)
				want(t, "applied by", dig(body, "applied_by", "id"), admin)
				if body["applied_at"] == nil {
					t.Error("the answer does not say when the tag was applied")
				}
				if !slices.Contains(tagIDsOf(f.get(t, "/conversations/"+id)), tag) {
					t.Errorf("conversation %s does not show tag %s", id, tag)
				}
				if !slices.Contains(f.searchConversations(t, fmt.Sprintf(`{"field":"tag_ids","operator":"=","value":"%s"}`, tag)), id) {
					t.Errorf("searching tag_ids %s does not find conversation %s", tag, id)
				}
				unchanged = f.unchangedConversation(id)
				unchanged(t)
			}},
		{name: "tagged again: nothing changes", target: path, body: fmt.Sprintf(`{"id":"%s","admin_id":"%s"}`, tag, admin),
			check: func(t testing.TB, _ map[string]any) { unchanged(t) }},
		{name: "an admin who is no teammate", target: path, body: fmt.Sprintf(`{"id":"%s","admin_id":"1"}`, other), status: http.StatusNotFound,
			code: "admin_not_found", after: func(t testing.TB) { unchanged(t) }},
		{name: "unknown tag", target: path, body: fmt.Sprintf(`{"id":"1","admin_id":"%s"}`, admin), status: http.StatusNotFound, code: "tag_not_found",
			after: func(t testing.TB) { unchanged(t) }},
		{name: "unknown conversation", target: "/conversations/1/tags", body: fmt.Sprintf(`{"id":"%s","admin_id":"%s"}`, tag, admin),
			status: http.StatusNotFound, code: "not_found"},
		{name: "no admin", target: path, body: fmt.Sprintf(`{"id":"%s"}`, other), status: http.StatusBadRequest, code: "parameter_not_found",
			malformed: true, after: func(t testing.TB) { unchanged(t) }},
	}
}

func detachConversationTagWrites(rt testing.TB, f *fixture) []writeCase {
	conv := f.conversationWhere(rt, func(c map[string]any) bool { return len(tagIDsOf(c)) > 0 })
	id, tag := fmt.Sprint(conv["id"]), tagIDsOf(conv)[0]
	body := fmt.Sprintf(`{"admin_id":"%s"}`, f.adminIDs[1])
	path := "/conversations/" + id + "/tags/" + tag
	return []writeCase{
		{name: "untagged", target: path, body: body, check: func(t testing.TB, answer map[string]any) {
			want(t, "answered tag", answer["id"], tag)
			if slices.Contains(tagIDsOf(f.get(t, "/conversations/"+id)), tag) {
				t.Errorf("conversation %s still shows tag %s", id, tag)
			}
			if slices.Contains(f.searchConversations(t, fmt.Sprintf(`{"field":"tag_ids","operator":"=","value":"%s"}`, tag)), id) {
				t.Errorf("searching tag_ids %s still finds conversation %s", tag, id)
			}
		}},
		{name: "untagged again: nothing changes", target: path, body: body},
		{name: "unknown tag", target: "/conversations/" + id + "/tags/1", body: body, status: http.StatusNotFound, code: "tag_not_found"},
		{name: "unknown conversation", target: "/conversations/1/tags/" + tag, body: body, status: http.StatusNotFound, code: "not_found"},
		{name: "no admin", target: path, body: `{}`, status: http.StatusBadRequest, code: "parameter_not_found", malformed: true},
	}
}

// liveContact is a contact that still exists (earlier rows delete some) and passes ok.
func (f *fixture) liveContact(t testing.TB, ok func(c map[string]any) bool) map[string]any {
	t.Helper()
	for _, id := range f.workspace().ContactIDs() {
		if status, c := f.call(t, http.MethodGet, "/contacts/"+id, ""); status == http.StatusOK && ok(c) {
			return c
		}
	}
	t.Fatal("the contract workspace has no such contact")
	return nil
}

func ofRole(role string) func(map[string]any) bool {
	return func(c map[string]any) bool { return c["role"] == role && c["email"] != "" }
}

func createConversationWrites(rt testing.TB, f *fixture) []writeCase {
	user, lead := f.liveContact(rt, ofRole("user")), f.liveContact(rt, ofRole("lead"))
	before := f.total(rt, "/conversations")
	return []writeCase{
		{name: "from a user, with a subject and an attachment", target: "/conversations",
			body: fmt.Sprintf(`{"from":{"type":"user","id":"%s"},"body":"My zeppelin leaks","subject":"Leak","attachment_urls":["https://example.org/leak.png"]}`, user["id"]),
			check: func(t testing.TB, body map[string]any) {
				id := fmt.Sprint(body["conversation_id"])
				want(t, "message type", body["message_type"], "inapp")
				c := f.get(t, "/conversations/"+id)
				want(t, "state", c["state"], "open")
				want(t, "source body", dig(c, "source", "body"), "<p>My zeppelin leaks</p>")
				want(t, "source author", dig(c, "source", "author", "id"), user["id"])
				want(t, "attachment", dig(c, "source", "attachments").([]any)[0].(map[string]any)["content_type"], "image/png")
				want(t, "contacts", contactIDsOf(c), []string{fmt.Sprint(user["id"])})
				if c["waiting_since"] == nil {
					t.Error("a new conversation is not waiting for a teammate")
				}
				want(t, "listed first", ids(f.get(t, "/conversations?per_page=1")["conversations"]), []string{id})
				want(t, "conversations listed", f.total(t, "/conversations"), before+1)
				want(t, "search by word", f.searchConversations(t, `{"field":"source.body","operator":"=","value":"zeppelin"}`), []string{id})
				if f.get(t, "/contacts/"+fmt.Sprint(user["id"]))["last_replied_at"] == nil {
					t.Error("the contact who started the conversation has not replied")
				}
			}},
		{name: "from a lead", target: "/conversations", body: fmt.Sprintf(`{"from":{"type":"lead","id":"%s"},"body":"Hello there"}`, lead["id"]),
			check: func(t testing.TB, body map[string]any) {
				want(t, "author type", dig(f.get(t, "/conversations/"+fmt.Sprint(body["conversation_id"])), "source", "author", "type"), "lead")
			}},
		{name: "a user named as a lead", target: "/conversations", body: fmt.Sprintf(`{"from":{"type":"lead","id":"%s"},"body":"x"}`, user["id"]),
			status: http.StatusBadRequest, code: "parameter_invalid", after: f.unchangedTotal("/conversations", before+2)},
		{name: "unknown contact", target: "/conversations", body: `{"from":{"type":"user","id":"000000000000000000000000"},"body":"Hello there"}`,
			status: http.StatusNotFound, code: "not_found", after: f.unchangedTotal("/conversations", before+2)},
		{name: "no body", target: "/conversations", body: fmt.Sprintf(`{"from":{"type":"user","id":"%s"}}`, user["id"]),
			status: http.StatusBadRequest, code: "parameter_not_found", malformed: true, after: f.unchangedTotal("/conversations", before+2)},
	}
}

func updateConversationWrites(rt testing.TB, f *fixture) []writeCase {
	conv := f.conversationWhere(rt, func(c map[string]any) bool { return c["read"] == true })
	id := fmt.Sprint(conv["id"])
	path := "/conversations/" + id
	readSearch := func(t testing.TB, read bool) bool {
		return slices.Contains(f.searchConversations(t, fmt.Sprintf(`{"operator":"AND","value":[{"field":"id","operator":"=","value":"%s"},{"field":"read","operator":"=","value":%t}]}`, id, read)), id)
	}
	return []writeCase{
		{name: "marked unread", target: path, body: `{"read":false}`, check: func(t testing.TB, body map[string]any) {
			want(t, "answered read", body["read"], false)
			want(t, "read", f.get(t, path)["read"], false)
			if !readSearch(t, false) {
				t.Error("searching read = false does not find the conversation")
			}
		}},
		{name: "marked read, answered in plain text", target: path + "?display_as=plaintext", body: `{"read":true}`, check: func(t testing.TB, body map[string]any) {
			noHTMLBodies(t, body)
			want(t, "read", f.get(t, path)["read"], true)
		}},
		{name: "a property 2.10 does not take", target: path, body: `{"title":"Renamed"}`, status: http.StatusBadRequest, code: "bad_request",
			after: func(t testing.TB) { want(t, "title after a refusal", f.get(t, path)["title"], conv["title"]) }},
		{name: "unknown conversation", target: "/conversations/1", body: `{"read":true}`, status: http.StatusNotFound, code: "not_found"},
	}
}

// closedWith finds a closed conversation of a contact that has an email and
// an external id, and the contact.
func (f *fixture) closedWith(t testing.TB) (map[string]any, map[string]any) {
	var contact map[string]any
	conv := f.conversationWhere(t, func(c map[string]any) bool {
		if c["state"] != "closed" || len(contactIDsOf(c)) != 1 {
			return false
		}
		status, ct := f.call(t, http.MethodGet, "/contacts/"+contactIDsOf(c)[0], "")
		if status == http.StatusOK && ct["external_id"] != nil && ct["email"] != "" {
			contact = ct
			return true
		}
		return false
	})
	return conv, contact
}

func replyConversationWrites(rt testing.TB, f *fixture) []writeCase {
	conv, contact := f.closedWith(rt)
	id := fmt.Sprint(conv["id"])
	path := "/conversations/" + id + "/reply"
	admin := f.adminIDs[2]
	stranger := f.liveContact(rt, func(c map[string]any) bool { return !slices.Contains(contactIDsOf(conv), fmt.Sprint(c["id"])) })
	reopens := jsonInt(dig(conv, "statistics", "count_reopens"))
	count := len(parts(conv))
	unchanged := f.unchangedConversation(id)
	return []writeCase{
		{name: "an admin's comment, with an attachment", target: path,
			body: fmt.Sprintf(`{"message_type":"comment","type":"admin","admin_id":"%s","body":"We are on it","attachment_urls":["https://example.org/fix.pdf"]}`, admin),
			check: func(t testing.TB, body map[string]any) {
				c := f.get(t, "/conversations/"+id)
				p := lastPart(c)
				want(t, "part type", dig(p, "part_type"), "comment")
				want(t, "part author", dig(p, "author", "id"), admin)
				want(t, "part body", dig(p, "body"), "<p>We are on it</p>")
				want(t, "part attachment", dig(dig(p, "attachments").([]any)[0], "name"), "fix.pdf")
				want(t, "parts", len(parts(c)), count+1)
				want(t, "read", c["read"], true)
				want(t, "waiting_since", c["waiting_since"], nil)
				want(t, "state (an admin's reply does not reopen)", c["state"], "closed")
				if dig(c, "statistics", "last_admin_reply_at") == nil || f.get(t, "/contacts/"+fmt.Sprint(contact["id"]))["last_contacted_at"] == nil {
					t.Error("the statistics or the contact do not show the admin's reply")
				}
				if !slices.Contains(ids(dig(c, "teammates", "teammates")), admin) {
					t.Errorf("admin %s who replied is not among the teammates", admin)
				}
			}},
		{name: "an admin's note", target: path, body: fmt.Sprintf(`{"message_type":"note","type":"admin","admin_id":"%s","body":"<p>Internal</p>"}`, admin),
			check: func(t testing.TB, _ map[string]any) {
				p := lastPart(f.get(t, "/conversations/"+id))
				want(t, "part type", dig(p, "part_type"), "note")
				want(t, "note body", dig(p, "body"), "<p>Internal</p>")
			}},
		{name: "the contact's reply reopens it", target: path,
			body: fmt.Sprintf(`{"message_type":"comment","type":"user","intercom_user_id":"%s","body":"Still broken"}`, contact["id"]),
			check: func(t testing.TB, _ map[string]any) {
				c := f.get(t, "/conversations/"+id)
				want(t, "part type", dig(lastPart(c), "part_type"), "open")
				want(t, "part body", dig(lastPart(c), "body"), "<p>Still broken</p>")
				want(t, "state", c["state"], "open")
				want(t, "read", c["read"], false)
				want(t, "reopens", jsonInt(dig(c, "statistics", "count_reopens")), reopens+1)
				if c["waiting_since"] == nil {
					t.Error("the contact's reply leaves nobody waiting")
				}
				if !slices.Contains(f.searchConversations(t, fmt.Sprintf(`{"operator":"AND","value":[{"field":"id","operator":"=","value":"%s"},{"field":"state","operator":"=","value":"open"}]}`, id)), id) {
					t.Error("searching state = open does not find the reopened conversation")
				}
			}},
		{name: "the contact again, by email", target: path,
			body: fmt.Sprintf(`{"message_type":"comment","type":"user","email":"%s","body":"Any news?"}`, contact["email"]),
			check: func(t testing.TB, _ map[string]any) {
				want(t, "part type", dig(lastPart(f.get(t, "/conversations/"+id)), "part_type"), "comment")
			}},
		{name: "the contact's last conversation, by user_id", target: "/conversations/last/reply",
			body: fmt.Sprintf(`{"message_type":"comment","type":"user","user_id":"%s","body":"Hello again"}`, contact["external_id"]),
			check: func(t testing.TB, body map[string]any) {
				last := body["id"]
				want(t, "part body", dig(lastPart(f.get(t, fmt.Sprint("/conversations/", last))), "body"), "<p>Hello again</p>")
				unchanged = f.unchangedConversation(id)
				unchanged(t)
			}},
		{name: "a contact who is not a participant", target: path,
			body:   fmt.Sprintf(`{"message_type":"comment","type":"user","intercom_user_id":"%s","body":"Me too"}`, stranger["id"]),
			status: http.StatusBadRequest, code: "parameter_invalid", after: func(t testing.TB) { unchanged(t) }},
		{name: "an admin who is no teammate", target: path, body: `{"message_type":"comment","type":"admin","admin_id":"1","body":"x"}`,
			status: http.StatusNotFound, code: "admin_not_found", after: func(t testing.TB) { unchanged(t) }},
		{name: "a note without a body", target: path, body: fmt.Sprintf(`{"message_type":"note","type":"admin","admin_id":"%s"}`, admin),
			status: http.StatusBadRequest, code: "parameter_not_found", after: func(t testing.TB) { unchanged(t) }},
		{name: "a contact's note", target: path, body: fmt.Sprintf(`{"message_type":"note","type":"user","intercom_user_id":"%s","body":"x"}`, contact["id"]),
			status: http.StatusBadRequest, code: "parameter_invalid", malformed: true, after: func(t testing.TB) { unchanged(t) }},
		{name: "unknown conversation", target: "/conversations/1/reply", body: fmt.Sprintf(`{"message_type":"note","type":"admin","admin_id":"%s","body":"x"}`, admin),
			status: http.StatusNotFound, code: "not_found"},
	}
}

func manageConversationWrites(rt testing.TB, f *fixture) []writeCase {
	conv := f.conversationWhere(rt, func(c map[string]any) bool { return c["state"] == "open" && len(parts(c)) > 0 })
	id := fmt.Sprint(conv["id"])
	path := "/conversations/" + id + "/parts"
	admin, other := f.adminIDs[0], f.adminIDs[3]
	team := f.teamIDs[1]
	until := time.Now().Add(48 * time.Hour).Unix()
	partCount := func(t testing.TB) int { return len(parts(f.get(t, "/conversations/"+id))) }
	var before int
	inState := func(state string) func(t testing.TB, body map[string]any) {
		return func(t testing.TB, body map[string]any) {
			want(t, "answered state", body["state"], state)
			c := f.get(t, "/conversations/"+id)
			want(t, "state", c["state"], state)
			want(t, "open", c["open"], state != "closed")
			if !slices.Contains(f.searchConversations(t, fmt.Sprintf(`{"operator":"AND","value":[{"field":"id","operator":"=","value":"%s"},{"field":"state","operator":"=","value":"%s"}]}`, id, state)), id) {
				t.Errorf("searching state = %s does not find the conversation", state)
			}
			before = len(parts(c))
		}
	}
	assigned := func(field, assignee, partType, toType string) func(t testing.TB, body map[string]any) {
		return func(t testing.TB, _ map[string]any) {
			c := f.get(t, "/conversations/"+id)
			if got := c[field]; (assignee == "" && got != nil) || (assignee != "" && fmt.Sprint(jsonInt(got)) != assignee) {
				t.Errorf("%s = %v, want %q", field, got, assignee)
			}
			want(t, "part type", dig(lastPart(c), "part_type"), partType)
			want(t, "assigned to", dig(lastPart(c), "assigned_to", "type"), toType)
			before = len(parts(c))
		}
	}
	return []writeCase{
		{name: "closed with a message", target: path, body: fmt.Sprintf(`{"message_type":"close","type":"admin","admin_id":"%s","body":"Goodbye"}`, admin),
			check: func(t testing.TB, body map[string]any) {
				inState("closed")(t, body)
				c := f.get(t, "/conversations/"+id)
				want(t, "part", fmt.Sprint(dig(lastPart(c), "part_type"), " ", dig(lastPart(c), "body")), "close <p>Goodbye</p>")
				want(t, "last closed by", dig(c, "statistics", "last_closed_by_id"), admin)
			}},
		{name: "closed again: nothing changes", target: path, body: fmt.Sprintf(`{"message_type":"close","type":"admin","admin_id":"%s"}`, admin),
			check: func(t testing.TB, _ map[string]any) { want(t, "parts", partCount(t), before) }},
		{name: "opened", target: path, body: fmt.Sprintf(`{"message_type":"open","admin_id":"%s"}`, admin), check: inState("open")},
		{name: "snoozed", target: path, body: fmt.Sprintf(`{"message_type":"snoozed","admin_id":"%s","snoozed_until":%d}`, admin, until),
			check: func(t testing.TB, body map[string]any) {
				inState("snoozed")(t, body)
				want(t, "snoozed_until", jsonInt(f.get(t, "/conversations/"+id)["snoozed_until"]), until)
			}},
		{name: "assigned to an admin", target: path,
			body:  fmt.Sprintf(`{"message_type":"assignment","type":"admin","admin_id":"%s","assignee_id":"%s"}`, admin, other),
			check: assigned("admin_assignee_id", other, "assignment", "admin")},
		{name: "assigned to a team", target: path,
			body:  fmt.Sprintf(`{"message_type":"assignment","type":"team","admin_id":"%s","assignee_id":"%s","body":"Over to you"}`, admin, team),
			check: assigned("team_assignee_id", team, "assignment", "team")},
		{name: "unassigned", target: path, body: fmt.Sprintf(`{"message_type":"assignment","type":"admin","admin_id":"%s","assignee_id":"0"}`, admin),
			check: assigned("admin_assignee_id", "", "assignment", "nobody_admin")},
		{name: "closed without a message", target: path, body: fmt.Sprintf(`{"message_type":"close","type":"admin","admin_id":"%s"}`, admin), check: inState("closed")},
		{name: "assigned while closed: reopened", target: path,
			body: fmt.Sprintf(`{"message_type":"assignment","type":"admin","admin_id":"%s","assignee_id":"%s"}`, admin, other),
			check: func(t testing.TB, body map[string]any) {
				assigned("admin_assignee_id", other, "assign_and_reopen", "admin")(t, body)
				want(t, "state", f.get(t, "/conversations/"+id)["state"], "open")
			}},
		{name: "snoozed into the past", target: path, body: fmt.Sprintf(`{"message_type":"snoozed","admin_id":"%s","snoozed_until":1000000000}`, admin),
			status: http.StatusBadRequest, code: "parameter_invalid", after: func(t testing.TB) { want(t, "parts after a refusal", partCount(t), before) }},
		{name: "an assignee who is no teammate", target: path, body: fmt.Sprintf(`{"message_type":"assignment","type":"admin","admin_id":"%s","assignee_id":"1"}`, admin),
			status: http.StatusNotFound, code: "assignee_not_found", after: func(t testing.TB) { want(t, "parts after a refusal", partCount(t), before) }},
		{name: "an admin who is no teammate", target: path, body: `{"message_type":"open","admin_id":"1"}`,
			status: http.StatusNotFound, code: "admin_not_found", after: func(t testing.TB) { want(t, "parts after a refusal", partCount(t), before) }},
		{name: "unknown conversation", target: "/conversations/1/parts", body: fmt.Sprintf(`{"message_type":"open","admin_id":"%s"}`, admin),
			status: http.StatusNotFound, code: "not_found"},
		{name: "no admin", target: path, body: `{"message_type":"open"}`, status: http.StatusBadRequest, code: "parameter_not_found", malformed: true,
			after: func(t testing.TB) { want(t, "parts after a refusal", partCount(t), before) }},
	}
}

func autoAssignWrites(rt testing.TB, f *fixture) []writeCase {
	conv := f.conversationWhere(rt, func(c map[string]any) bool { return c["admin_assignee_id"] == nil })
	id := fmt.Sprint(conv["id"])
	path := "/conversations/" + id + "/run_assignment_rules"
	var count int
	return []writeCase{
		{name: "assigned by the rules", target: path, check: func(t testing.TB, _ map[string]any) {
			c := f.get(t, "/conversations/"+id)
			team := f.get(t, "/teams/"+fmt.Sprint(jsonInt(c["team_assignee_id"])))
			members := fmt.Sprint(wholeNumbers(team["admin_ids"]))
			admin := fmt.Sprint(jsonInt(c["admin_assignee_id"]))
			if c["admin_assignee_id"] == nil || !slices.Contains(strings.Fields(strings.Trim(members, "[]")), admin) {
				t.Errorf("assigned to admin %v, who is not of team %v (%s)", c["admin_assignee_id"], team["id"], members)
			}
			p := lastPart(c)
			want(t, "part type", dig(p, "part_type"), "default_assignment")
			want(t, "part author", dig(p, "author", "type"), "bot")
			if !strings.Contains(fmt.Sprint(dig(p, "body")), "Assignment rules") {
				t.Errorf("the part does not name the rule: %v", dig(p, "body"))
			}
			count = len(parts(c))
		}},
		{name: "run again: nothing changes", target: path, check: func(t testing.TB, _ map[string]any) {
			want(t, "parts", len(parts(f.get(t, "/conversations/"+id))), count)
		}},
		{name: "unknown conversation", target: "/conversations/1/run_assignment_rules", status: http.StatusNotFound, code: "not_found"},
	}
}

// participants is the conversation the participant rows share: one contact.
func (f *fixture) participantsConversation(t testing.TB) map[string]any {
	return f.conversationWhere(t, func(c map[string]any) bool { return len(contactIDsOf(c)) == 1 && c["state"] == "open" })
}

func attachParticipantWrites(rt testing.TB, f *fixture) []writeCase {
	conv := f.participantsConversation(rt)
	id := fmt.Sprint(conv["id"])
	path := "/conversations/" + id + "/customers"
	admin := f.adminIDs[1]
	joining := f.liveContact(rt, func(c map[string]any) bool { return !slices.Contains(contactIDsOf(conv), fmt.Sprint(c["id"])) })
	unchanged := f.unchangedConversation(id)
	return []writeCase{
		{name: "a contact by its id", target: path, body: fmt.Sprintf(`{"admin_id":"%s","customer":{"intercom_user_id":"%s"}}`, admin, joining["id"]),
			check: func(t testing.TB, body map[string]any) {
				want(t, "answered contacts", len(contactIDsOf(body)), 2)
				c := f.get(t, "/conversations/"+id)
				want(t, "contacts", contactIDsOf(c), append(contactIDsOf(conv), fmt.Sprint(joining["id"])))
				want(t, "part type", dig(lastPart(c), "part_type"), "participant_added")
				if !slices.Contains(f.searchConversations(t, fmt.Sprintf(`{"field":"contact_ids","operator":"=","value":"%s"}`, joining["id"])), id) {
					t.Error("searching contact_ids does not find the conversation of its new participant")
				}
			}},
		{name: "an email no contact has: a new lead", target: path, body: fmt.Sprintf(`{"admin_id":"%s","customer":{"email":"pilot@airships.example"}}`, admin),
			check: func(t testing.TB, _ map[string]any) {
				leads := f.searchContacts(t, `{"field":"email","operator":"=","value":"pilot@airships.example"}`)
				if len(leads) != 1 || f.get(t, "/contacts/"+leads[0])["role"] != "lead" {
					t.Fatalf("the new participant's email finds %v", leads)
				}
				want(t, "contacts", len(contactIDsOf(f.get(t, "/conversations/"+id))), 3)
				unchanged = f.unchangedConversation(id)
				unchanged(t)
			}},
		{name: "again: nothing changes", target: path, body: fmt.Sprintf(`{"admin_id":"%s","customer":{"email":"pilot@airships.example"}}`, admin),
			check: func(t testing.TB, _ map[string]any) { unchanged(t) }},
		{name: "unknown contact", target: path, body: fmt.Sprintf(`{"admin_id":"%s","customer":{"intercom_user_id":"000000000000000000000000"}}`, admin),
			status: http.StatusNotFound, code: "not_found", after: func(t testing.TB) { unchanged(t) }},
		{name: "an admin who is no teammate", target: path, body: fmt.Sprintf(`{"admin_id":"1","customer":{"intercom_user_id":"%s"}}`, joining["id"]),
			status: http.StatusNotFound, code: "admin_not_found", after: func(t testing.TB) { unchanged(t) }},
		{name: "unknown conversation", target: "/conversations/1/customers", body: fmt.Sprintf(`{"admin_id":"%s","customer":{"intercom_user_id":"%s"}}`, admin, joining["id"]),
			status: http.StatusNotFound, code: "not_found"},
		{name: "nobody named", target: path, body: fmt.Sprintf(`{"admin_id":"%s","customer":{}}`, admin), status: http.StatusBadRequest,
			code: "parameter_not_found", malformed: true, after: func(t testing.TB) { unchanged(t) }},
	}
}

func detachParticipantWrites(rt testing.TB, f *fixture) []writeCase {
	conv := f.conversationWhere(rt, func(c map[string]any) bool { return len(contactIDsOf(c)) == 3 })
	id := fmt.Sprint(conv["id"])
	contacts := contactIDsOf(conv)
	body := fmt.Sprintf(`{"admin_id":"%s"}`, f.adminIDs[1])
	path := func(contact string) string { return "/conversations/" + id + "/customers/" + contact }
	current := func(t testing.TB) []string { return contactIDsOf(f.get(t, "/conversations/"+id)) }
	return []writeCase{
		{name: "removed", target: path(contacts[1]), body: body, check: func(t testing.TB, answer map[string]any) {
			want(t, "answered contacts", contactIDsOf(answer), []string{contacts[0], contacts[2]})
			c := f.get(t, "/conversations/"+id)
			want(t, "contacts", contactIDsOf(c), []string{contacts[0], contacts[2]})
			want(t, "part type", dig(lastPart(c), "part_type"), "participant_removed")
		}},
		{name: "removed again: nothing changes", target: path(contacts[1]), body: body,
			check: func(t testing.TB, _ map[string]any) {
				want(t, "contacts", current(t), []string{contacts[0], contacts[2]})
			}},
		{name: "the next", target: path(contacts[2]), body: body,
			check: func(t testing.TB, _ map[string]any) { want(t, "contacts", current(t), []string{contacts[0]}) }},
		{name: "the last one", target: path(contacts[0]), body: body, status: http.StatusUnprocessableEntity, code: "parameter_invalid",
			after: func(t testing.TB) { want(t, "contacts after a refusal", current(t), []string{contacts[0]}) }},
		{name: "unknown contact", target: path("000000000000000000000000"), body: body, status: http.StatusNotFound, code: "not_found"},
		{name: "unknown conversation", target: "/conversations/1/customers/" + contacts[0], body: body, status: http.StatusNotFound, code: "not_found"},
		{name: "no admin", target: path(contacts[0]), body: `{}`, status: http.StatusBadRequest, code: "parameter_not_found", malformed: true,
			after: func(t testing.TB) { want(t, "contacts after a refusal", current(t), []string{contacts[0]}) }},
	}
}

func redactWrites(rt testing.TB, f *fixture) []writeCase {
	conv := f.conversationWhere(rt, func(c map[string]any) bool {
		author := dig(c, "source", "author", "type")
		return (author == "user" || author == "lead") && slices.ContainsFunc(parts(c), func(p any) bool { return dig(p, "part_type") == "comment" }) &&
			slices.ContainsFunc(parts(c), func(p any) bool { return dig(p, "body") == nil })
	})
	id := fmt.Sprint(conv["id"])
	var comment, bare string
	for _, p := range parts(conv) {
		switch {
		case comment == "" && dig(p, "part_type") == "comment":
			comment = fmt.Sprint(dig(p, "id"))
		case bare == "" && dig(p, "body") == nil:
			bare = fmt.Sprint(dig(p, "id"))
		}
	}
	sourceID := fmt.Sprint(dig(conv, "source", "id"))
	word := strings.Fields(strings.Trim(fmt.Sprint(dig(conv, "source", "body")), "<p>/"))[0]
	byAdmin := f.conversationWhere(rt, func(c map[string]any) bool { return dig(c, "source", "author", "type") == "admin" })
	partOf := func(c map[string]any, pid string) any {
		for _, p := range parts(c) {
			if fmt.Sprint(dig(p, "id")) == pid {
				return p
			}
		}
		return nil
	}
	unchanged := f.unchangedConversation(id)
	return []writeCase{
		{name: "a part", target: "/conversations/redact", body: fmt.Sprintf(`{"type":"conversation_part","conversation_id":"%s","conversation_part_id":"%s"}`, id, comment),
			check: func(t testing.TB, _ map[string]any) {
				p := partOf(f.get(t, "/conversations/"+id), comment)
				want(t, "redacted", dig(p, "redacted"), true)
				want(t, "body", dig(p, "body"), "<p><i>This message was redacted.</i></p>")
			}},
		{name: "the source message", target: "/conversations/redact", body: fmt.Sprintf(`{"type":"source","conversation_id":"%s","source_id":"%s"}`, id, sourceID),
			check: func(t testing.TB, _ map[string]any) {
				c := f.get(t, "/conversations/"+id)
				want(t, "source redacted", dig(c, "source", "redacted"), true)
				if slices.Contains(f.searchConversations(t, fmt.Sprintf(`{"field":"source.body","operator":"=","value":"%s"}`, word)), id) {
					t.Errorf("searching the redacted message's word %q still finds it", word)
				}
				unchanged = f.unchangedConversation(id)
				unchanged(t)
			}},
		{name: "a part without a body", target: "/conversations/redact", body: fmt.Sprintf(`{"type":"conversation_part","conversation_id":"%s","conversation_part_id":"%s"}`, id, bare),
			status: http.StatusBadRequest, code: "conversation_part_not_redactable", after: func(t testing.TB) { unchanged(t) }},
		{name: "a teammate's message", target: "/conversations/redact",
			body:   fmt.Sprintf(`{"type":"source","conversation_id":"%s","source_id":"%s"}`, byAdmin["id"], dig(byAdmin, "source", "id")),
			status: http.StatusBadRequest, code: "conversation_part_not_redactable"},
		{name: "unknown part", target: "/conversations/redact", body: fmt.Sprintf(`{"type":"conversation_part","conversation_id":"%s","conversation_part_id":"1"}`, id),
			status: http.StatusNotFound, code: "conversation_part_or_message_not_found", after: func(t testing.TB) { unchanged(t) }},
		{name: "unknown conversation", target: "/conversations/redact", body: `{"type":"conversation_part","conversation_id":"1","conversation_part_id":"1"}`,
			status: http.StatusNotFound, code: "not_found"},
		{name: "no part", target: "/conversations/redact", body: fmt.Sprintf(`{"type":"conversation_part","conversation_id":"%s"}`, id),
			status: http.StatusBadRequest, code: "parameter_not_found", malformed: true, after: func(t testing.TB) { unchanged(t) }},
	}
}

// ticketTypeOf is a ticket type of a category, as GET /ticket_types lists it.
func (f *fixture) ticketTypeOf(t testing.TB, category string) map[string]any {
	for _, tt := range f.get(t, "/ticket_types")["data"].([]any) {
		if m := tt.(map[string]any); m["category"] == category && m["archived"] == false {
			return m
		}
	}
	t.Fatalf("the contract workspace has no %s ticket type", category)
	return nil
}

// attribute is a ticket type's attribute by name.
func attribute(tt map[string]any, name string) map[string]any {
	for _, a := range dig(tt, "ticket_type_attributes", "data").([]any) {
		if m := a.(map[string]any); m["name"] == name {
			return m
		}
	}
	return nil
}

// optionID is the id of a list attribute's option.
func optionID(a map[string]any, label string) string {
	for _, o := range dig(a, "input_options", "list_options").([]any) {
		if dig(o, "label") == label {
			return fmt.Sprint(dig(o, "id"))
		}
	}
	return ""
}

// searchTickets runs a ticket search and returns every match's id.
func (f *fixture) searchTickets(t testing.TB, query string) []string {
	t.Helper()
	status, body := f.call(t, http.MethodPost, "/tickets/search", `{"query":`+query+`,"pagination":{"per_page":150}}`)
	if status != http.StatusOK {
		t.Fatalf("searching tickets %s: %d %v", query, status, body)
	}
	return ids(body["tickets"])
}

func (f *fixture) ticketTotal(t testing.TB) int {
	status, body := f.call(t, http.MethodPost, "/tickets/search", `{"query":{"field":"created_at","operator":">","value":0},"pagination":{"per_page":1}}`)
	if status != http.StatusOK {
		t.Fatalf("counting tickets: %d %v", status, body)
	}
	return jsonInt(body["total_count"])
}

func convertWrites(rt testing.TB, f *fixture) []writeCase {
	conv := f.conversationWhere(rt, func(c map[string]any) bool {
		return len(dig(c, "linked_objects", "data").([]any)) == 0 && len(contactIDsOf(c)) > 0
	})
	id := fmt.Sprint(conv["id"])
	path := "/conversations/" + id + "/convert"
	customer, backOffice := f.ticketTypeOf(rt, "Customer"), f.ticketTypeOf(rt, "Back-office")
	var listAttr map[string]any
	for _, a := range dig(customer, "ticket_type_attributes", "data").([]any) {
		if m := a.(map[string]any); m["data_type"] == "list" && m["archived"] == false {
			listAttr = m
		}
	}
	label := fmt.Sprint(dig(listAttr["input_options"].(map[string]any)["list_options"].([]any)[1], "label"))
	other := fmt.Sprint(f.conversationWhere(rt, func(c map[string]any) bool {
		return len(dig(c, "linked_objects", "data").([]any)) == 0 && fmt.Sprint(c["id"]) != id
	})["id"])
	before := f.ticketTotal(rt)
	unchangedTickets := func(t testing.TB) { want(t, "tickets after a refusal", f.ticketTotal(t), before+1) }
	return []writeCase{
		{name: "converted", target: path,
			body: fmt.Sprintf(`{"ticket_type_id":"%s","attributes":{"%s":"%s"}}`, customer["id"], listAttr["name"], optionID(listAttr, label)),
			check: func(t testing.TB, body map[string]any) {
				ticket := f.get(t, "/tickets/"+fmt.Sprint(body["id"]))
				want(t, "category", ticket["category"], "Customer")
				want(t, "state", ticket["ticket_state"], "submitted")
				want(t, "ticket type", dig(ticket, "ticket_type", "id"), customer["id"])
				want(t, "list attribute", dig(ticket, "ticket_attributes", fmt.Sprint(listAttr["name"])), label)
				want(t, "contacts", ids(dig(ticket, "contacts", "contacts")), contactIDsOf(conv))
				want(t, "linked conversation", ids(dig(ticket, "linked_objects", "data")), []string{id})
				want(t, "the conversation's link", ids(dig(f.get(t, "/conversations/"+id), "linked_objects", "data")), []string{fmt.Sprint(body["id"])})
				want(t, "first part", dig(ticket, "ticket_parts", "ticket_parts").([]any)[0].(map[string]any)["body"], dig(conv, "source", "body"))
				want(t, "tickets", f.ticketTotal(t), before+1)
				want(t, "search by type and contact", f.searchTickets(t, fmt.Sprintf(`{"operator":"AND","value":[{"field":"ticket_type_id","operator":"=","value":"%s"},`+
					`{"field":"contact_ids","operator":"=","value":"%s"},{"field":"created_at","operator":">","value":%d}]}`, customer["id"], contactIDsOf(conv)[0],
					time.Now().Add(-time.Hour).Unix())), []string{fmt.Sprint(body["id"])})
			}},
		{name: "converted twice", target: path, body: fmt.Sprintf(`{"ticket_type_id":"%s"}`, customer["id"]), status: http.StatusBadRequest,
			code: "parameter_invalid", after: unchangedTickets},
		{name: "a back-office type", target: "/conversations/" + other + "/convert", body: fmt.Sprintf(`{"ticket_type_id":"%s"}`, backOffice["id"]),
			status: http.StatusBadRequest, code: "parameter_invalid", after: unchangedTickets},
		{name: "an attribute the type lacks", target: "/conversations/" + other + "/convert",
			body:   fmt.Sprintf(`{"ticket_type_id":"%s","attributes":{"Shoe size":"42"}}`, customer["id"]),
			status: http.StatusBadRequest, code: "parameter_invalid", after: unchangedTickets},
		{name: "unknown ticket type", target: path, body: `{"ticket_type_id":"1"}`, status: http.StatusNotFound, code: "not_found", after: unchangedTickets},
		{name: "unknown conversation", target: "/conversations/1/convert", body: fmt.Sprintf(`{"ticket_type_id":"%s"}`, customer["id"]),
			status: http.StatusNotFound, code: "not_found"},
		{name: "no ticket type", target: path, body: `{}`, status: http.StatusBadRequest, code: "parameter_not_found", malformed: true, after: unchangedTickets},
	}
}
