package live

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func notificationOf(t *testing.T, topic string, item any) *Notification {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"type": "notification_event", "id": "notif_1", "topic": topic, "app_id": "app",
		"created_at": 1767225600, "data": map[string]any{"type": "notification_event_data", "item": item}})
	n, err := ParseNotification(body)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestDecodeReadsTheObjectsEachTopicCarries(t *testing.T) {
	contact := map[string]any{"type": "contact", "id": "c1", "email": "ada@example.com", "role": "user"}
	company := map[string]any{"type": "company", "id": "co1", "name": "Acme", "company_id": "acme"}
	for _, tc := range []struct {
		topic string
		item  any
		check func(*Event) bool
	}{
		{"conversation.admin.assigned", map[string]any{"type": "conversation", "id": "42", "admin_assignee_id": 7, "state": "open"},
			func(e *Event) bool {
				return e.Conversation != nil && *e.Conversation.AdminAssigneeID == 7 && e.ObjectID == "42"
			}},
		{"conversation.deleted", map[string]any{"type": "conversation", "id": "43"},
			func(e *Event) bool { return e.Conversation == nil && e.ObjectID == "43" }},
		{"contact.user.updated", contact,
			func(e *Event) bool {
				return e.Contact != nil && e.Contact.Email == "ada@example.com" && e.ObjectID == "c1"
			}},
		{"contact.lead.tag.created", map[string]any{"type": "contact_tag", "contact": contact, "tag": map[string]any{"type": "tag", "id": "t1", "name": "VIP"}},
			func(e *Event) bool {
				return e.Contact != nil && e.Tag != nil && e.Tag.Name == "VIP" && e.ObjectID == "c1"
			}},
		{"contact.deleted", map[string]any{"type": "contact", "id": "c2", "external_id": nil},
			func(e *Event) bool { return e.Contact == nil && e.ObjectID == "c2" }},
		{"company.updated", company,
			func(e *Event) bool { return e.Company != nil && e.Company.Name == "Acme" && e.Contact == nil }},
		{"company.contact.detached", map[string]any{"type": "contact_company", "company": company, "contact": contact},
			func(e *Event) bool { return e.Company != nil && e.Contact != nil && e.ObjectID == "co1" }},
		{"ticket.admin.assigned", map[string]any{"type": "ticket", "id": 99, "admin_assignee_id": "5", "team_assignee_id": 6},
			func(e *Event) bool {
				return reflect.DeepEqual(e.Ticket, &TicketItem{ID: "99", AdminAssigneeID: "5", TeamAssigneeID: "6"})
			}},
		{"admin.away_mode_updated", map[string]any{"type": "admin", "id": "1"},
			func(e *Event) bool { return e.Resource == Other }},
	} {
		ev, err := Decode(notificationOf(t, tc.topic, tc.item))
		if err != nil {
			t.Errorf("%s: %v", tc.topic, err)
			continue
		}
		if !tc.check(ev) || ev.Topic != tc.topic || ev.NotificationID != "notif_1" || ev.OccurredAt != 1767225600 {
			t.Errorf("%s decoded as %+v", tc.topic, ev)
		}
	}
}

func TestDecodeRefusesAnItemThatIsNotWhatItsTopicSays(t *testing.T) {
	for topic, item := range map[string]any{
		"conversation.admin.closed": map[string]any{"type": "contact", "id": "1"},
		"contact.user.created":      map[string]any{"type": "contact"},
		"company.created":           "a string",
		"ticket.created":            map[string]any{"type": "ticket", "id": 1.5},
	} {
		if ev, err := Decode(notificationOf(t, topic, item)); err == nil {
			t.Errorf("%s with item %v decoded as %+v", topic, item, ev)
		}
	}
	for name, body := range map[string]string{
		"not JSON":     `{"type":`,
		"another type": `{"type":"conversation","id":"1","topic":"x"}`,
		"no id":        `{"type":"notification_event","topic":"x"}`,
		"no topic":     `{"type":"notification_event","id":"n"}`,
	} {
		if _, err := ParseNotification([]byte(body)); err == nil {
			t.Errorf("%s: accepted as a notification", name)
		}
	}
}

func TestStaleKindsFollowTheTopic(t *testing.T) {
	for topic, want := range map[string]string{
		"conversation.admin.replied":    "conversations",
		"conversation_part.tag.created": "conversations",
		"contact.user.tag.created":      "contacts",
		"company.updated":               "companies",
		"company.contact.attached":      "companies,contacts",
		"ticket.state.updated":          "tickets",
		"ping":                          "",
	} {
		if got := strings.Join(StaleKinds(topic), ","); got != want {
			t.Errorf("%s: %q, want %q", topic, got, want)
		}
	}
}
