package intercomsim_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"intercom-graphql/upstream/intercomsim"
)

// Every write sends the notification Intercom sends for it, once the change
// is made, with the object as the API now shows it: conversation topics
// carry the conversation with its parts, ticket topics the ticket, contact
// tagging a contact_tag, company memberships the company and the contact,
// deletions the identifiers alone. Writes Intercom has no topic for send
// nothing.
func TestEveryWriteSendsItsWebhook(t *testing.T) {
	receiver := &webhookReceiver{}
	hook := httptest.NewServer(receiver)
	t.Cleanup(hook.Close)
	sim := intercomsim.New(intercomsim.Options{Seed: 2, Sizes: intercomsim.Sizes{Admins: 3, Teams: 1, Tags: 3, Segments: 1, Companies: 3, Contacts: 6,
		Conversations: 4, Tickets: 3}, WebhookURL: hook.URL, ClientSecret: "app-secret", WebhookRetryDelay: 5 * time.Millisecond})
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	ws := sim.Workspace(intercomsim.DemoToken)
	call := func(method, path, body string) map[string]any {
		t.Helper()
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+intercomsim.DemoToken)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusAccepted {
			t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, raw)
		}
		var out map[string]any
		_ = json.Unmarshal(raw, &out)
		return out
	}
	admin, tag, company := ws.AdminIDs()[0], ws.TagIDs()[0], ws.CompanyIDs()[0]
	billing := ""
	for _, tt := range ws.TicketTypes() {
		if tt.Name == "Billing question" {
			billing = tt.ID
		}
	}

	type step struct {
		method, path, body string
		topics             []string
	}
	var contact, conv, ticket string
	steps := []func() step{
		func() step {
			return step{http.MethodPut, "/admins/" + admin + "/away", `{"away_mode_enabled":true,"away_mode_reassign":false}`, []string{"admin.away_mode_updated"}}
		},
		func() step {
			return step{http.MethodPost, "/contacts", `{"email":"zed@airships.example"}`, []string{"contact.user.created"}}
		},
		func() step {
			return step{http.MethodPut, "/contacts/" + contact, `{"name":"Zed"}`, []string{"contact.user.updated"}}
		},
		func() step {
			return step{http.MethodPost, "/contacts/" + contact + "/tags", fmt.Sprintf(`{"id":"%s"}`, tag), []string{"contact.user.tag.created"}}
		},
		func() step {
			return step{http.MethodDelete, "/contacts/" + contact + "/tags/" + tag, "", []string{"contact.user.tag.deleted"}}
		},
		func() step {
			return step{http.MethodPost, "/contacts/" + contact + "/companies", fmt.Sprintf(`{"id":"%s"}`, company), []string{"company.contact.attached"}}
		},
		func() step {
			return step{http.MethodDelete, "/contacts/" + contact + "/companies/" + company, "", []string{"company.contact.detached"}}
		},
		func() step {
			return step{http.MethodPost, "/contacts/" + contact + "/archive", "", []string{"contact.archived"}}
		},
		func() step {
			return step{http.MethodPost, "/contacts/" + contact + "/unarchive", "", []string{"contact.unarchive"}}
		},
		func() step {
			return step{http.MethodPost, "/companies", `{"company_id":"zep-1","name":"Zeppelin Works"}`, []string{"company.created"}}
		},
		func() step {
			return step{http.MethodPost, "/companies", `{"company_id":"zep-1","size":40}`, []string{"company.updated"}}
		},
		func() step { return step{http.MethodPost, "/tags", `{"name":"airships"}`, nil} },
		func() step {
			return step{http.MethodPost, "/conversations", fmt.Sprintf(`{"from":{"type":"user","id":"%s"},"body":"Help"}`, contact), []string{"conversation.user.created"}}
		},
		func() step {
			return step{http.MethodPost, "/conversations/" + conv + "/reply", fmt.Sprintf(`{"message_type":"comment","type":"admin","admin_id":"%s","body":"Hi"}`, admin),
				[]string{"conversation.admin.replied"}}
		},
		func() step {
			return step{http.MethodPost, "/conversations/" + conv + "/reply", fmt.Sprintf(`{"message_type":"note","type":"admin","admin_id":"%s","body":"Hm"}`, admin),
				[]string{"conversation.admin.noted"}}
		},
		func() step {
			return step{http.MethodPost, "/conversations/" + conv + "/reply", fmt.Sprintf(`{"message_type":"comment","type":"user","intercom_user_id":"%s","body":"Ok"}`, contact),
				[]string{"conversation.user.replied"}}
		},
		func() step {
			return step{http.MethodPost, "/conversations/" + conv + "/parts", fmt.Sprintf(`{"message_type":"close","type":"admin","admin_id":"%s"}`, admin),
				[]string{"conversation.admin.closed"}}
		},
		func() step {
			return step{http.MethodPost, "/conversations/" + conv + "/parts", fmt.Sprintf(`{"message_type":"open","admin_id":"%s"}`, admin),
				[]string{"conversation.admin.opened"}}
		},
		func() step {
			return step{http.MethodPost, "/conversations/" + conv + "/parts", fmt.Sprintf(`{"message_type":"snoozed","admin_id":"%s","snoozed_until":%d}`, admin,
				time.Now().Add(time.Hour).Unix()), []string{"conversation.admin.snoozed"}}
		},
		func() step {
			return step{http.MethodPost, "/conversations/" + conv + "/parts", fmt.Sprintf(`{"message_type":"open","admin_id":"%s"}`, admin),
				[]string{"conversation.admin.unsnoozed"}}
		},
		func() step {
			return step{http.MethodPost, "/conversations/" + conv + "/parts",
				fmt.Sprintf(`{"message_type":"assignment","type":"admin","admin_id":"%s","assignee_id":"%s"}`, admin, ws.AdminIDs()[1]),
				[]string{"conversation.admin.assigned"}}
		},
		func() step {
			return step{http.MethodPost, "/conversations/" + conv + "/run_assignment_rules", "", []string{"conversation.admin.assigned"}}
		},
		func() step {
			return step{http.MethodPost, "/conversations/" + conv + "/tags", fmt.Sprintf(`{"id":"%s","admin_id":"%s"}`, tag, admin),
				[]string{"conversation_part.tag.created"}}
		},
		func() step {
			return step{http.MethodDelete, "/conversations/" + conv + "/tags/" + tag, fmt.Sprintf(`{"admin_id":"%s"}`, admin), nil}
		},
		func() step {
			return step{http.MethodPost, "/conversations/" + conv + "/customers", fmt.Sprintf(`{"admin_id":"%s","customer":{"email":"crew@airships.example"}}`, admin),
				[]string{"contact.lead.created", "conversation.contact.attached"}}
		},
		func() step {
			return step{http.MethodPut, "/conversations/" + conv, `{"read":true}`, nil}
		},
		func() step {
			return step{http.MethodPost, "/conversations/" + conv + "/convert", fmt.Sprintf(`{"ticket_type_id":"%s"}`, billing), []string{"ticket.created"}}
		},
		func() step {
			return step{http.MethodPost, "/tickets", fmt.Sprintf(`{"ticket_type_id":"%s","contacts":[{"id":"%s"}],"ticket_attributes":{"_default_title_":"Charged twice"}}`,
				billing, contact), []string{"ticket.created"}}
		},
		func() step {
			return step{http.MethodPut, "/tickets/" + ticket,
				fmt.Sprintf(`{"state":"in_progress","assignment":{"admin_id":"%s","assignee_id":"%s"},"ticket_attributes":{"_default_title_":"Charged thrice"}}`, admin, admin),
				[]string{"ticket.attribute.updated", "ticket.state.updated", "ticket.admin.assigned"}}
		},
		func() step {
			return step{http.MethodPost, "/tickets/" + ticket + "/reply", fmt.Sprintf(`{"message_type":"note","type":"admin","admin_id":"%s","body":"Refund it"}`, admin),
				[]string{"ticket.note.created"}}
		},
		func() step {
			return step{http.MethodPost, "/tickets/" + ticket + "/reply", fmt.Sprintf(`{"message_type":"comment","type":"user","intercom_user_id":"%s","body":"Thanks"}`, contact),
				[]string{"ticket.contact.replied"}}
		},
		func() step {
			return step{http.MethodPut, "/tickets/" + ticket, `{"open":false}`, []string{"ticket.closed"}}
		},
		func() step {
			return step{http.MethodPost, "/tickets/" + ticket + "/tags", fmt.Sprintf(`{"id":"%s","admin_id":"%s"}`, tag, admin), nil}
		},
		func() step { return step{http.MethodPost, "/ticket_types", `{"name":"Airship repair"}`, nil} },
		func() step {
			return step{http.MethodPost, "/events", fmt.Sprintf(`{"event_name":"boarded","created_at":%d,"id":"%s"}`, time.Now().Unix(), contact), []string{"event.created"}}
		},
		func() step { return step{http.MethodDelete, "/contacts/" + contact, "", []string{"contact.deleted"}} },
		func() step { return step{http.MethodDelete, "/companies/" + company, "", []string{"company.deleted"}} },
	}
	var want []string
	for _, next := range steps {
		s := next()
		answer := call(s.method, s.path, s.body)
		switch {
		case s.path == "/contacts" && s.method == http.MethodPost:
			contact = fmt.Sprint(answer["id"])
		case s.path == "/conversations":
			conv = fmt.Sprint(answer["conversation_id"])
		case s.path == "/tickets":
			ticket = fmt.Sprint(answer["id"])
		}
		want = append(want, s.topics...)
	}
	sim.WaitWebhooks()

	bodies, signatures := receiver.received()
	var topics []string
	for i, body := range bodies {
		if signatures[i] != intercomsim.SignWebhook([]byte("app-secret"), body) {
			t.Errorf("delivery %d is not signed with the client secret", i)
		}
		var n struct {
			Topic string `json:"topic"`
			Data  struct {
				Item map[string]any `json:"item"`
			} `json:"data"`
		}
		if err := json.Unmarshal(body, &n); err != nil {
			t.Fatal(err)
		}
		topics = append(topics, n.Topic)
		item := n.Data.Item
		head, _, _ := strings.Cut(n.Topic, ".")
		switch {
		case strings.HasSuffix(n.Topic, ".deleted") && !strings.Contains(n.Topic, ".tag."):
			if item["id"] == nil || len(item) > 3 {
				t.Errorf("%s carries %v, want the identifiers alone", n.Topic, item)
			}
		case head == "conversation" || head == "conversation_part":
			if item["type"] != "conversation" || dig(item, "conversation_parts", "conversation_parts") == nil {
				t.Errorf("%s carries %v, want the conversation with its parts", n.Topic, item["type"])
			}
		case head == "ticket":
			if item["type"] != "ticket" || item["id"] == nil {
				t.Errorf("%s carries %v, want the ticket", n.Topic, item["type"])
			}
		case strings.Contains(n.Topic, ".tag."):
			if item["type"] != "contact_tag" || dig(item, "contact", "id") != contact || dig(item, "tag", "id") != tag {
				t.Errorf("%s carries %v, want the contact and the tag", n.Topic, item)
			}
		case strings.HasPrefix(n.Topic, "company.contact."):
			if dig(item, "company", "id") != company || dig(item, "contact", "id") != contact {
				t.Errorf("%s carries %v, want the company and the contact", n.Topic, item)
			}
		}
	}
	if !slices.Equal(topics, want) {
		t.Errorf("topics sent:\n%v\nwant:\n%v", topics, want)
	}
	// The reply's notification shows the conversation as the reply left it.
	for i, topic := range topics {
		if topic == "conversation.admin.replied" {
			var n struct {
				Data struct {
					Item map[string]any `json:"item"`
				} `json:"data"`
			}
			_ = json.Unmarshal(bodies[i], &n)
			parts := dig(n.Data.Item, "conversation_parts", "conversation_parts").([]any)
			if last := parts[len(parts)-1]; dig(last, "body") != "<p>Hi</p>" || n.Data.Item["waiting_since"] != nil {
				t.Errorf("the replied notification's conversation ends with %v", last)
			}
		}
	}
}
