package intercomsim_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"
)

// The ticket and ticket type writes' rows. They build on one another: the
// type the first row creates gets attributes, then tickets, then replies.

// madeTicketType is the ticket type createTicketType made, by name.
const madeTicketType = "Zeppelin repair"

func (f *fixture) ticketTypeNamed(t testing.TB, name string) map[string]any {
	t.Helper()
	for _, tt := range f.get(t, "/ticket_types")["data"].([]any) {
		if m := tt.(map[string]any); m["name"] == name {
			return m
		}
	}
	t.Fatalf("no ticket type is named %q", name)
	return nil
}

func (f *fixture) ticketTypeCount(t testing.TB) int {
	return len(f.get(t, "/ticket_types")["data"].([]any))
}

func createTicketTypeWrites(rt testing.TB, f *fixture) []writeCase {
	before := f.ticketTypeCount(rt)
	taken := f.ticketTypeOf(rt, "Customer")["name"]
	unchanged := func(t testing.TB) { want(t, "ticket types after a refusal", f.ticketTypeCount(t), before+1) }
	return []writeCase{
		{name: "created", target: "/ticket_types",
			body: fmt.Sprintf(`{"name":"%s","description":"When an airship fails","category":"Back-office","icon":"🛠️","is_internal":true}`, madeTicketType),
			check: func(t testing.TB, body map[string]any) {
				tt := f.get(t, "/ticket_types/"+fmt.Sprint(body["id"]))
				want(t, "name", tt["name"], madeTicketType)
				want(t, "category", tt["category"], "Back-office")
				want(t, "icon", tt["icon"], "🛠️")
				var names []string
				for _, a := range dig(tt, "ticket_type_attributes", "data").([]any) {
					names = append(names, fmt.Sprint(dig(a, "name")))
				}
				want(t, "default attributes", names, []string{"_default_title_", "_default_description_"})
				want(t, "ticket types listed", f.ticketTypeCount(t), before+1)
			}},
		{name: "a name taken", target: "/ticket_types", body: fmt.Sprintf(`{"name":"%s"}`, taken), status: http.StatusConflict, code: "conflict", after: unchanged},
		{name: "a category Intercom lacks", target: "/ticket_types", body: `{"name":"Other","category":"Internal"}`, status: http.StatusBadRequest,
			code: "parameter_invalid", malformed: true, after: unchanged},
		{name: "no name", target: "/ticket_types", body: `{"description":"Nameless"}`, status: http.StatusBadRequest, code: "parameter_not_found",
			malformed: true, after: unchanged},
	}
}

func updateTicketTypeWrites(rt testing.TB, f *fixture) []writeCase {
	tt := f.ticketTypeNamed(rt, madeTicketType)
	path := "/ticket_types/" + fmt.Sprint(tt["id"])
	taken := f.ticketTypeOf(rt, "Customer")["name"]
	return []writeCase{
		{name: "described anew", target: path, body: `{"description":"When an airship fails to fly","icon":"🎈"}`, check: func(t testing.TB, _ map[string]any) {
			got := f.get(t, path)
			want(t, "description", got["description"], "When an airship fails to fly")
			want(t, "icon", got["icon"], "🎈")
			want(t, "name kept", got["name"], madeTicketType)
		}},
		{name: "another type's name", target: path, body: fmt.Sprintf(`{"name":"%s"}`, taken), status: http.StatusConflict, code: "conflict",
			after: func(t testing.TB) { want(t, "name after a refusal", f.get(t, path)["name"], madeTicketType) }},
		{name: "unknown ticket type", target: "/ticket_types/1", body: `{"name":"x"}`, status: http.StatusNotFound, code: "not_found"},
	}
}

func createAttributeWrites(rt testing.TB, f *fixture) []writeCase {
	tt := f.ticketTypeNamed(rt, madeTicketType)
	typePath := "/ticket_types/" + fmt.Sprint(tt["id"])
	path := typePath + "/attributes"
	count := func(t testing.TB) int { return len(dig(f.get(t, typePath), "ticket_type_attributes", "data").([]any)) }
	unchanged := func(t testing.TB) { want(t, "attributes after a refusal", count(t), 6) }
	return []writeCase{
		{name: "a list", target: path, body: `{"name":"Part","description":"What broke","data_type":"list","list_items":"Hull,Engine,Gondola","required_to_create":true}`,
			check: func(t testing.TB, body map[string]any) {
				a := attribute(f.get(t, typePath), "Part")
				want(t, "answered id", body["id"], a["id"])
				want(t, "required", a["required_to_create"], true)
				want(t, "options", len(dig(a, "input_options", "list_options").([]any)), 3)
				if optionID(a, "Engine") == "" {
					t.Error("the Engine option has no id")
				}
				f.searchTickets(t, fmt.Sprintf(`{"field":"ticket_attribute.%s","operator":"=","value":"Engine"}`, a["id"]))
			}},
		{name: "a multiline text", target: path, body: `{"name":"Crew notes","description":"What the crew saw","data_type":"string","multiline":true}`,
			check: func(t testing.TB, _ map[string]any) {
				want(t, "multiline", dig(attribute(f.get(t, typePath), "Crew notes"), "input_options", "multiline"), true)
			}},
		{name: "an integer", target: path, body: `{"name":"Altitude","description":"Feet","data_type":"integer","visible_to_contacts":false}`,
			check: func(t testing.TB, _ map[string]any) {
				want(t, "visible_to_contacts", attribute(f.get(t, typePath), "Altitude")["visible_to_contacts"], false)
			}},
		{name: "files", target: path, body: `{"name":"Photos","description":"Of the damage","data_type":"files","allow_multiple_values":true}`,
			check: func(t testing.TB, _ map[string]any) { want(t, "attributes", count(t), 6) }},
		{name: "a name the type has", target: path, body: `{"name":"part","description":"Again","data_type":"string"}`, status: http.StatusConflict,
			code: "conflict", after: unchanged},
		{name: "a list without items", target: path, body: `{"name":"Deck","description":"Which deck","data_type":"list"}`, status: http.StatusBadRequest,
			code: "parameter_not_found", after: unchanged},
		{name: "lines for a number", target: path, body: `{"name":"Speed","description":"Knots","data_type":"integer","multiline":true}`,
			status: http.StatusBadRequest, code: "parameter_invalid", after: unchanged},
		{name: "a data type Intercom lacks", target: path, body: `{"name":"Color","description":"Hue","data_type":"color"}`, status: http.StatusBadRequest,
			code: "parameter_invalid", malformed: true, after: unchanged},
		{name: "unknown ticket type", target: "/ticket_types/1/attributes", body: `{"name":"x","description":"x","data_type":"string"}`,
			status: http.StatusNotFound, code: "not_found"},
		{name: "no description", target: path, body: `{"name":"Deck","data_type":"string"}`, status: http.StatusBadRequest, code: "parameter_not_found",
			malformed: true, after: unchanged},
	}
}

func updateAttributeWrites(rt testing.TB, f *fixture) []writeCase {
	tt := f.ticketTypeNamed(rt, madeTicketType)
	typePath := "/ticket_types/" + fmt.Sprint(tt["id"])
	part, altitude, title := attribute(tt, "Part"), attribute(tt, "Altitude"), attribute(tt, "_default_title_")
	path := func(a map[string]any) string { return typePath + "/attributes/" + fmt.Sprint(a["id"]) }
	engine := optionID(part, "Engine")
	return []writeCase{
		{name: "options changed", target: path(part), body: `{"list_items":"Hull,Engine,Rudder","description":"What broke first"}`,
			check: func(t testing.TB, body map[string]any) {
				a := attribute(f.get(t, typePath), "Part")
				want(t, "description", a["description"], "What broke first")
				want(t, "Engine keeps its id", optionID(a, "Engine"), engine)
				archived := map[string]bool{}
				for _, o := range dig(a, "input_options", "list_options").([]any) {
					archived[fmt.Sprint(dig(o, "label"))] = dig(o, "archived") == true
				}
				want(t, "options", archived, map[string]bool{"Hull": false, "Engine": false, "Gondola": true, "Rudder": false})
			}},
		{name: "renamed and archived", target: path(altitude), body: `{"name":"Height","archived":true}`, check: func(t testing.TB, _ map[string]any) {
			a := attribute(f.get(t, typePath), "Height")
			if a == nil || a["archived"] != true {
				t.Errorf("the renamed attribute reads %v", a)
			}
		}},
		{name: "the default title renamed", target: path(title), body: `{"name":"Headline"}`, status: http.StatusBadRequest, code: "parameter_invalid",
			after: func(t testing.TB) {
				if attribute(f.get(t, typePath), "_default_title_") == nil {
					t.Error("a refused rename renamed the default title")
				}
			}},
		{name: "a name the type has", target: path(part), body: `{"name":"Crew notes"}`, status: http.StatusConflict, code: "conflict",
			after: func(t testing.TB) {
				if attribute(f.get(t, typePath), "Part") == nil {
					t.Error("a refused rename renamed the attribute")
				}
			}},
		{name: "items for a text", target: path(title), body: `{"list_items":"a,b"}`, status: http.StatusBadRequest, code: "parameter_invalid"},
		{name: "unknown attribute", target: typePath + "/attributes/1", body: `{"description":"x"}`, status: http.StatusNotFound, code: "not_found"},
	}
}

func createTicketWrites(rt testing.TB, f *fixture) []writeCase {
	made := f.ticketTypeNamed(rt, madeTicketType)
	customer := f.ticketTypeOf(rt, "Customer")
	var required []string
	for _, a := range dig(customer, "ticket_type_attributes", "data").([]any) {
		m := a.(map[string]any)
		if m["required_to_create"] == true && m["archived"] == false && m["data_type"] == "list" {
			required = append(required, fmt.Sprintf(`"%s":"%s"`, m["name"], optionID(m, fmt.Sprint(dig(m["input_options"].(map[string]any)["list_options"].([]any)[0], "label")))))
		}
	}
	part := attribute(made, "Part")
	contact := f.liveContact(rt, ofRole("user"))
	before := f.ticketTotal(rt)
	unchanged := func(t testing.TB) { want(t, "tickets after a refusal", f.ticketTotal(t), before+2) }
	return []writeCase{
		{name: "for a contact, with typed attributes", target: "/tickets",
			body: fmt.Sprintf(`{"ticket_type_id":"%s","contacts":[{"id":"%s"}],"ticket_attributes":{"_default_title_":"Engine on fire","Part":"%s","Crew notes":"Smoke"}}`,
				made["id"], contact["id"], optionID(part, "Engine")),
			check: func(t testing.TB, body map[string]any) {
				tk := f.get(t, "/tickets/"+fmt.Sprint(body["id"]))
				want(t, "state", tk["ticket_state"], "submitted")
				want(t, "category", tk["category"], "Back-office")
				want(t, "shared (an internal type)", tk["is_shared"], false)
				want(t, "list value", dig(tk, "ticket_attributes", "Part"), "Engine")
				want(t, "contacts", ids(dig(tk, "contacts", "contacts")), []string{fmt.Sprint(contact["id"])})
				want(t, "first part", dig(dig(tk, "ticket_parts", "ticket_parts").([]any)[0], "part_type"), "ticket_state_updated_by_admin")
				want(t, "search by title", f.searchTickets(t, `{"field":"title","operator":"=","value":"Engine on fire"}`), []string{fmt.Sprint(body["id"])})
				want(t, "tickets", f.ticketTotal(t), before+1)
			}},
		{name: "for an email no contact has: a new lead", target: "/tickets",
			body: fmt.Sprintf(`{"ticket_type_id":"%s","contacts":[{"email":"captain@airships.example"}],"ticket_attributes":{"_default_title_":"Balloon torn",%s}}`,
				customer["id"], joinComma(required)),
			check: func(t testing.TB, body map[string]any) {
				lead := f.searchContacts(t, `{"field":"email","operator":"=","value":"captain@airships.example"}`)
				if len(lead) != 1 {
					t.Fatalf("the ticket's new contact is found %d times", len(lead))
				}
				want(t, "contacts", ids(dig(f.get(t, "/tickets/"+fmt.Sprint(body["id"])), "contacts", "contacts")), lead)
				want(t, "shared", body["is_shared"], true)
			}},
		{name: "two contacts", target: "/tickets", body: fmt.Sprintf(`{"ticket_type_id":"%s","contacts":[{"id":"%s"},{"email":"x@example.org"}]}`, made["id"], contact["id"]),
			status: http.StatusBadRequest, code: "parameter_invalid", after: unchanged},
		{name: "a required attribute left out", target: "/tickets",
			body:   fmt.Sprintf(`{"ticket_type_id":"%s","contacts":[{"id":"%s"}],"ticket_attributes":{"_default_title_":"x"}}`, customer["id"], contact["id"]),
			status: http.StatusBadRequest, code: "parameter_not_found", after: unchanged},
		{name: "text for a list", target: "/tickets",
			body:   fmt.Sprintf(`{"ticket_type_id":"%s","contacts":[{"id":"%s"}],"ticket_attributes":{"_default_title_":"x","Part":"Wings"}}`, made["id"], contact["id"]),
			status: http.StatusBadRequest, code: "parameter_invalid", after: unchanged},
		{name: "unknown contact", target: "/tickets", body: fmt.Sprintf(`{"ticket_type_id":"%s","contacts":[{"id":"000000000000000000000000"}]}`, made["id"]),
			status: http.StatusNotFound, code: "not_found", after: unchanged},
		{name: "unknown company", target: "/tickets", body: fmt.Sprintf(`{"ticket_type_id":"%s","contacts":[{"id":"%s"}],"company_id":"no-such-company"}`, made["id"], contact["id"]),
			status: http.StatusNotFound, code: "company_not_found", after: unchanged},
		{name: "unknown ticket type", target: "/tickets", body: fmt.Sprintf(`{"ticket_type_id":"1","contacts":[{"id":"%s"}]}`, contact["id"]),
			status: http.StatusNotFound, code: "not_found", after: unchanged},
		{name: "no contacts", target: "/tickets", body: fmt.Sprintf(`{"ticket_type_id":"%s"}`, made["id"]), status: http.StatusBadRequest,
			code: "parameter_not_found", malformed: true, after: unchanged},
	}
}

func joinComma(items []string) string {
	out := ""
	for i, s := range items {
		if i > 0 {
			out += ","
		}
		out += s
	}
	return out
}

// madeTicket is the ticket createTicket made for the made type.
func (f *fixture) madeTicket(t testing.TB) string {
	found := f.searchTickets(t, fmt.Sprintf(`{"field":"ticket_type_id","operator":"=","value":"%s"}`, f.ticketTypeNamed(t, madeTicketType)["id"]))
	if len(found) != 1 {
		t.Fatalf("the made ticket is found %d times", len(found))
	}
	return found[0]
}

func updateTicketWrites(rt testing.TB, f *fixture) []writeCase {
	id := f.madeTicket(rt)
	path := "/tickets/" + id
	admin, assignee, team := f.adminIDs[0], f.adminIDs[2], f.teamIDs[0]
	until := time.Now().Add(72 * time.Hour).Unix()
	lastPartOf := func(tk map[string]any) any {
		list := dig(tk, "ticket_parts", "ticket_parts").([]any)
		return list[len(list)-1]
	}
	var state string
	return []writeCase{
		{name: "in progress, assigned, retitled", target: path,
			body: fmt.Sprintf(`{"state":"in_progress","assignment":{"admin_id":"%s","assignee_id":"%s"},"ticket_attributes":{"_default_title_":"Engine fire"}}`, admin, assignee),
			check: func(t testing.TB, _ map[string]any) {
				tk := f.get(t, path)
				want(t, "state", tk["ticket_state"], "in_progress")
				want(t, "label", tk["ticket_state_internal_label"], "In progress")
				want(t, "admin assignee", tk["admin_assignee_id"], assignee)
				want(t, "title", dig(tk, "ticket_attributes", "_default_title_"), "Engine fire")
				var kinds []string
				for _, p := range dig(tk, "ticket_parts", "ticket_parts").([]any)[1:] {
					kinds = append(kinds, fmt.Sprint(dig(p, "part_type")))
				}
				want(t, "parts", kinds, []string{"ticket_attribute_updated_by_admin", "ticket_state_updated_by_admin", "assignment"})
				want(t, "search", f.searchTickets(t, fmt.Sprintf(`{"operator":"AND","value":[{"field":"state","operator":"=","value":"in_progress"},`+
					`{"field":"admin_assignee_id","operator":"=","value":"%s"},{"field":"title","operator":"=","value":"Engine fire"}]}`, assignee)), []string{id})
			}},
		{name: "snoozed and given to a team", target: path,
			body: fmt.Sprintf(`{"snoozed_until":%d,"assignment":{"admin_id":"%s","assignee_id":"%s"}}`, until, admin, team),
			check: func(t testing.TB, _ map[string]any) {
				tk := f.get(t, path)
				want(t, "snoozed_until", jsonInt(tk["snoozed_until"]), until)
				want(t, "team assignee", tk["team_assignee_id"], team)
				want(t, "assigned to", dig(lastPartOf(tk), "assigned_to", "type"), "team")
			}},
		{name: "resolved: closed and unsnoozed", target: path, body: `{"state":"resolved","is_shared":true}`, check: func(t testing.TB, _ map[string]any) {
			tk := f.get(t, path)
			want(t, "open", tk["open"], false)
			want(t, "snoozed_until", tk["snoozed_until"], nil)
			want(t, "is_shared", tk["is_shared"], true)
			want(t, "previous state", dig(lastPartOf(tk), "previous_ticket_state"), "in_progress")
			state = fmt.Sprint(tk["ticket_state"])
		}},
		{name: "an admin who is no teammate", target: path, body: `{"assignment":{"admin_id":"1","assignee_id":"0"}}`, status: http.StatusNotFound,
			code: "admin_not_found", after: func(t testing.TB) {
				want(t, "admin assignee after a refusal", f.get(t, path)["admin_assignee_id"], assignee)
			}},
		{name: "an assignee who is no teammate", target: path, body: fmt.Sprintf(`{"assignment":{"admin_id":"%s","assignee_id":"1"}}`, admin),
			status: http.StatusNotFound, code: "assignee_not_found",
			after: func(t testing.TB) {
				want(t, "admin assignee after a refusal", f.get(t, path)["admin_assignee_id"], assignee)
			}},
		{name: "an attribute value of another type", target: path, body: `{"ticket_attributes":{"Crew notes":42}}`, status: http.StatusBadRequest,
			code: "parameter_invalid", after: func(t testing.TB) { want(t, "state after a refusal", f.get(t, path)["ticket_state"], state) }},
		{name: "snoozed into the past", target: path, body: `{"snoozed_until":1000000000}`, status: http.StatusBadRequest, code: "parameter_invalid"},
		{name: "back to submitted", target: path, body: `{"state":"submitted"}`, status: http.StatusBadRequest, code: "parameter_invalid", malformed: true,
			after: func(t testing.TB) { want(t, "state after a refusal", f.get(t, path)["ticket_state"], state) }},
		{name: "unknown ticket", target: "/tickets/1", body: `{"state":"resolved"}`, status: http.StatusNotFound, code: "not_found"},
	}
}

func replyTicketWrites(rt testing.TB, f *fixture) []writeCase {
	id := f.madeTicket(rt)
	path := "/tickets/" + id + "/reply"
	tk := f.get(rt, "/tickets/"+id)
	contact := ids(dig(tk, "contacts", "contacts"))[0]
	stranger := f.liveContact(rt, func(c map[string]any) bool { return fmt.Sprint(c["id"]) != contact })
	admin := f.adminIDs[1]
	partsOf := func(t testing.TB) []any { return dig(f.get(t, "/tickets/"+id), "ticket_parts", "ticket_parts").([]any) }
	count := len(dig(tk, "ticket_parts", "ticket_parts").([]any))
	unchanged := func(t testing.TB) { want(t, "parts after a refusal", len(partsOf(t)), count+4) }
	return []writeCase{
		{name: "an admin's comment, with an attachment", target: path,
			body: fmt.Sprintf(`{"message_type":"comment","type":"admin","admin_id":"%s","body":"A mechanic is on the way","attachment_urls":["https://example.org/route.pdf"]}`, admin),
			check: func(t testing.TB, body map[string]any) {
				want(t, "part type", body["part_type"], "comment")
				want(t, "author", dig(body, "author", "id"), admin)
				want(t, "attachment", dig(dig(body, "attachments").([]any)[0], "name"), "route.pdf")
				list := partsOf(t)
				want(t, "the ticket's last part", dig(list[len(list)-1], "id"), body["id"])
				if !slices.Contains(f.searchTickets(t, fmt.Sprintf(`{"field":"teammate_ids","operator":"=","value":"%s"}`, admin)), id) {
					t.Error("searching teammate_ids does not find the ticket a teammate replied to")
				}
			}},
		{name: "an admin's note", target: path, body: fmt.Sprintf(`{"message_type":"note","type":"admin","admin_id":"%s","body":"Check the fuel line"}`, admin),
			check: func(t testing.TB, body map[string]any) { want(t, "part type", body["part_type"], "note") }},
		{name: "a quick reply", target: path,
			body: fmt.Sprintf(`{"message_type":"quick_reply","type":"admin","admin_id":"%s","reply_options":[{"text":"Yes","uuid":"a55776a3-1e17-4e74-8179-c5a147751f06"},`+
				`{"text":"No","uuid":"ee05fede-05b4-4543-bfa1-e6aa00417e51"}]}`, admin),
			check: func(t testing.TB, body map[string]any) { want(t, "part type", body["part_type"], "quick_reply") }},
		{name: "the contact's comment", target: path, body: fmt.Sprintf(`{"message_type":"comment","type":"user","intercom_user_id":"%s","body":"Thanks"}`, contact),
			check: func(t testing.TB, body map[string]any) {
				want(t, "author", dig(body, "author", "id"), contact)
				want(t, "parts", len(partsOf(t)), count+4)
			}},
		{name: "a contact not on the ticket", target: path,
			body:   fmt.Sprintf(`{"message_type":"comment","type":"user","intercom_user_id":"%s","body":"Me too"}`, stranger["id"]),
			status: http.StatusBadRequest, code: "parameter_invalid", after: unchanged},
		{name: "a quick reply without options", target: path, body: fmt.Sprintf(`{"message_type":"quick_reply","type":"admin","admin_id":"%s"}`, admin),
			status: http.StatusBadRequest, code: "parameter_not_found", after: unchanged},
		{name: "unknown ticket", target: "/tickets/1/reply", body: fmt.Sprintf(`{"message_type":"note","type":"admin","admin_id":"%s","body":"x"}`, admin),
			status: http.StatusNotFound, code: "not_found"},
		{name: "a contact's note", target: path, body: fmt.Sprintf(`{"message_type":"note","type":"user","intercom_user_id":"%s","body":"x"}`, contact),
			status: http.StatusBadRequest, code: "parameter_invalid", malformed: true, after: unchanged},
	}
}

func attachTicketTagWrites(rt testing.TB, f *fixture) []writeCase {
	id := f.madeTicket(rt)
	tag, admin := f.workspace().TagIDs()[0], f.adminIDs[2]
	path := "/tickets/" + id + "/tags"
	body := fmt.Sprintf(`{"id":"%s","admin_id":"%s"}`, tag, admin)
	var appliedAt any
	return []writeCase{
		{name: "tagged", target: path, body: body, check: func(t testing.TB, answer map[string]any) {
			want(t, "tag", answer["id"], tag)
			want(t, "applied by", dig(answer, "applied_by", "id"), admin)
			want(t, "the ticket's tags", f.workspace().TicketTagIDs(id), []string{tag})
			appliedAt = answer["applied_at"]
		}},
		{name: "tagged again: as first applied", target: path, body: body, check: func(t testing.TB, answer map[string]any) {
			want(t, "applied at", answer["applied_at"], appliedAt)
			want(t, "the ticket's tags", f.workspace().TicketTagIDs(id), []string{tag})
		}},
		{name: "unknown tag", target: path, body: fmt.Sprintf(`{"id":"1","admin_id":"%s"}`, admin), status: http.StatusNotFound, code: "tag_not_found",
			after: func(t testing.TB) { want(t, "the ticket's tags", f.workspace().TicketTagIDs(id), []string{tag}) }},
		{name: "unknown ticket", target: "/tickets/1/tags", body: body, status: http.StatusNotFound, code: "ticket_not_found"},
		{name: "no admin", target: path, body: fmt.Sprintf(`{"id":"%s"}`, tag), status: http.StatusBadRequest, code: "parameter_not_found", malformed: true},
	}
}

func detachTicketTagWrites(rt testing.TB, f *fixture) []writeCase {
	id := f.madeTicket(rt)
	tag := f.workspace().TagIDs()[0]
	body := fmt.Sprintf(`{"admin_id":"%s"}`, f.adminIDs[2])
	path := "/tickets/" + id + "/tags/" + tag
	return []writeCase{
		{name: "untagged", target: path, body: body, check: func(t testing.TB, answer map[string]any) {
			want(t, "tag", answer["id"], tag)
			want(t, "the ticket's tags", f.workspace().TicketTagIDs(id), []string(nil))
		}},
		{name: "untagged again: nothing changes", target: path, body: body},
		{name: "unknown tag", target: "/tickets/" + id + "/tags/1", body: body, status: http.StatusNotFound, code: "tag_not_found"},
		{name: "unknown ticket", target: "/tickets/1/tags/" + tag, body: body, status: http.StatusNotFound, code: "ticket_not_found"},
	}
}
