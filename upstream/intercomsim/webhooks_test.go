package intercomsim_test

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"intercom-graphql/upstream/intercomsim"
)

// webhookReceiver records the deliveries it gets, failing the first ones on request.
type webhookReceiver struct {
	mu         sync.Mutex
	bodies     [][]byte
	signatures []string
	failFirst  int
}

func (r *webhookReceiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.bodies = append(r.bodies, body)
	r.signatures = append(r.signatures, req.Header.Get("X-Hub-Signature"))
	if len(r.bodies) <= r.failFirst {
		w.WriteHeader(http.StatusInternalServerError)
	}
}

func (r *webhookReceiver) received() ([][]byte, []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([][]byte(nil), r.bodies...), append([]string(nil), r.signatures...)
}

func newWebhookSimulator(t *testing.T, receiver *webhookReceiver) *intercomsim.Simulator {
	t.Helper()
	srv := httptest.NewServer(receiver)
	t.Cleanup(srv.Close)
	sim := intercomsim.New(intercomsim.Options{Seed: 1, Sizes: intercomsim.Sizes{Admins: 3, Teams: 1, Tags: 2, Segments: 1, Companies: 3, Contacts: 5, Conversations: 4},
		WebhookURL: srv.URL + "/hook", ClientSecret: "app-secret", WebhookRetryDelay: 5 * time.Millisecond})
	t.Cleanup(sim.WaitWebhooks)
	return sim
}

// Notifications arrive in order, as Intercom's notification_event envelopes,
// signed with the client secret over the exact body sent.
func TestWebhooksAreSignedNotificationEvents(t *testing.T) {
	receiver := &webhookReceiver{}
	sim := newWebhookSimulator(t, receiver)
	convID := firstID(t, sim, "/conversations", "conversations")
	var ids []string
	for _, topic := range []string{"conversation.admin.closed", "conversation.admin.opened"} {
		id, err := sim.EmitObjectWebhook(intercomsim.DemoToken, topic, convID)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	contactID := firstID(t, sim, "/contacts", "data")
	if _, err := sim.EmitObjectWebhook(intercomsim.DemoToken, "contact.user.updated", contactID); err != nil {
		t.Fatal(err)
	}
	sim.WaitWebhooks()
	bodies, signatures := receiver.received()
	if len(bodies) != 3 {
		t.Fatalf("%d deliveries, want 3", len(bodies))
	}
	for i, body := range bodies {
		mac := hmac.New(sha1.New, []byte("app-secret"))
		mac.Write(body)
		if want := "sha1=" + hex.EncodeToString(mac.Sum(nil)); signatures[i] != want {
			t.Errorf("delivery %d: X-Hub-Signature %q, want %q", i, signatures[i], want)
		}
	}
	var first struct {
		Type  string `json:"type"`
		ID    string `json:"id"`
		Topic string `json:"topic"`
		AppID string `json:"app_id"`
		Data  struct {
			Type string `json:"type"`
			Item struct {
				Type              string `json:"type"`
				ID                string `json:"id"`
				ConversationParts *struct {
					TotalCount int `json:"total_count"`
				} `json:"conversation_parts"`
			} `json:"item"`
		} `json:"data"`
		CreatedAt int64 `json:"created_at"`
	}
	if err := json.Unmarshal(bodies[0], &first); err != nil {
		t.Fatal(err)
	}
	if first.Type != "notification_event" || first.ID != ids[0] || first.Topic != "conversation.admin.closed" || first.AppID == "" ||
		first.Data.Type != "notification_event_data" || first.Data.Item.Type != "conversation" || first.Data.Item.ID != convID ||
		first.Data.Item.ConversationParts == nil || first.CreatedAt == 0 {
		t.Errorf("first delivery: %s", bodies[0])
	}
	var second struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(bodies[1], &second)
	if second.ID != ids[1] {
		t.Errorf("deliveries out of order: second is %s, want %s", second.ID, ids[1])
	}
}

// A receiver that fails gets the same notification again, byte for byte,
// as Intercom redelivers; after the last attempt it is given up.
func TestWebhooksAreRedeliveredAfterAFailure(t *testing.T) {
	receiver := &webhookReceiver{failFirst: 1}
	sim := newWebhookSimulator(t, receiver)
	if _, err := sim.EmitWebhook(intercomsim.DemoToken, "company.created", map[string]any{"type": "company", "id": "c1"}); err != nil {
		t.Fatal(err)
	}
	sim.WaitWebhooks()
	bodies, signatures := receiver.received()
	if len(bodies) != 2 || string(bodies[0]) != string(bodies[1]) || signatures[0] != signatures[1] {
		t.Fatalf("a failed delivery must be redelivered unchanged once it succeeds: %d deliveries", len(bodies))
	}

	giveUp := &webhookReceiver{failFirst: 100}
	sim = newWebhookSimulator(t, giveUp)
	if _, err := sim.EmitWebhook(intercomsim.DemoToken, "company.created", map[string]any{"type": "company", "id": "c1"}); err != nil {
		t.Fatal(err)
	}
	sim.WaitWebhooks()
	if bodies, _ := giveUp.received(); len(bodies) != 3 {
		t.Errorf("a receiver that always fails gets %d attempts, want 3", len(bodies))
	}
}

func TestWebhooksNeedAURLAndAnObject(t *testing.T) {
	plain := intercomsim.New(intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 1, Teams: 1, Contacts: 1, Conversations: 1}})
	if _, err := plain.EmitWebhook(intercomsim.DemoToken, "contact.user.created", map[string]any{}); !errors.Is(err, intercomsim.ErrWebhooksOff) {
		t.Errorf("a simulator without WebhookURL: %v, want ErrWebhooksOff", err)
	}
	sim := newWebhookSimulator(t, &webhookReceiver{})
	if _, err := sim.EmitObjectWebhook(intercomsim.DemoToken, "contact.user.updated", "no-such-contact"); err == nil {
		t.Error("a notification about a missing contact was emitted")
	}
	if _, err := sim.EmitObjectWebhook(intercomsim.DemoToken, "ticket.created", "1"); err == nil {
		t.Error("a notification about an object the workspace does not hold was emitted")
	}
	if _, err := sim.EmitWebhook("another-token", "contact.user.created", map[string]any{}); err == nil {
		t.Error("a notification from an unknown workspace was emitted")
	}
}

// firstID reads the id of the first item of a list endpoint.
func firstID(t *testing.T, sim *intercomsim.Simulator, path, listKey string) string {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Authorization", "Bearer "+intercomsim.DemoToken)
	rec := httptest.NewRecorder()
	sim.Handler().ServeHTTP(rec, req)
	var body map[string]json.RawMessage
	var items []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || json.Unmarshal(body[listKey], &items) != nil || len(items) == 0 {
		t.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body.String())
	}
	return items[0].ID
}
