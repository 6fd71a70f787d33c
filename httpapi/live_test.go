package httpapi_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"intercom-graphql/graph/live"
	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/loaders/cache"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// liveConversationEvent selects an event's own fields and relations of its
// conversation that take upstream calls to resolve.
const liveConversationEvent = `subscription($filter: ConversationEventFilter) {
  conversationEvents(filter: $filter) {
    notificationId topic kind occurredAt conversationIntercomId
    conversation { id intercomId state adminAssignee { name } contacts { nodes { email } } }
  }
}`

// assignedConversation picks a conversation that has an assignee and
// contacts, with what the graph says of them.
func assignedConversation(t *testing.T, f *facadetest.Facade) (globalID, intercomID, assignee string, emails []string) {
	t.Helper()
	data := f.Query(`{ conversations(first: 40) { nodes { id intercomId adminAssignee { name } contacts(first: 5) { nodes { email } } } } }`, nil).MustData(t)
	nodes, _ := facadetest.Dig(data, "conversations", "nodes").([]any)
	for _, n := range nodes {
		contacts, _ := facadetest.Dig(n, "contacts", "nodes").([]any)
		name := facadetest.Str(facadetest.Dig(n, "adminAssignee", "name"))
		if name == "" || len(contacts) == 0 {
			continue
		}
		for _, c := range contacts {
			emails = append(emails, facadetest.Str(facadetest.Dig(c, "email")))
		}
		return facadetest.Str(facadetest.Dig(n, "id")), facadetest.Str(facadetest.Dig(n, "intercomId")), name, emails
	}
	t.Fatal("the workspace has no assigned conversation with contacts")
	return
}

func eventEmails(event any) []string {
	var out []string
	nodes, _ := facadetest.Dig(event, "conversation", "contacts", "nodes").([]any)
	for _, n := range nodes {
		out = append(out, facadetest.Str(facadetest.Dig(n, "email")))
	}
	return out
}

func upstreamCalls(resp facadetest.Response) float64 {
	calls, _ := facadetest.Dig(resp.Extensions, "upstream", "calls").(float64)
	return calls
}

// The acceptance test: a graphql-ws client and an SSE client
// subscribe, the simulator's signed webhook arrives, and both receive the
// event with the conversation's assignee and contacts resolved; each event
// is resolved afresh, paying its own upstream calls.
func TestLiveEventsReachWebSocketAndSSESubscribersWithRelationsResolved(t *testing.T) {
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Configure: facadetest.WithBroker(broker)})
	globalID, intercomID, assignee, emails := assignedConversation(t, f)
	vars := map[string]any{"filter": map[string]any{"conversationIds": []string{globalID}}}

	ws, _, err := facadetest.DialWS(t, f, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ws.Acked()
	ws.Subscribe("inbox", liveConversationEvent, vars)
	sse, resp := facadetest.OpenSSE(t, f, nil, liveConversationEvent, vars)
	if sse == nil {
		t.Fatalf("the event stream was refused: %d", resp.StatusCode)
	}
	facadetest.WaitSubscribers(t, broker, 2)

	for i, topic := range []string{"conversation.admin.assigned", "conversation.admin.noted"} {
		notificationID, err := f.Sim.EmitObjectWebhook(intercomsim.DemoToken, topic, intercomID)
		if err != nil {
			t.Fatal(err)
		}
		wantKind := map[string]string{"conversation.admin.assigned": "ASSIGNED", "conversation.admin.noted": "NOTED"}[topic]
		var calls []float64
		for name, got := range map[string]facadetest.Response{"graphql-ws": ws.Event("inbox"), "SSE": sse.Event()} {
			event := facadetest.Dig(got.MustData(t), "conversationEvents")
			if facadetest.Str(facadetest.Dig(event, "notificationId")) != notificationID || facadetest.Str(facadetest.Dig(event, "topic")) != topic || facadetest.Str(facadetest.Dig(event, "kind")) != wantKind {
				t.Errorf("%s event %d: %s, want notification %s (%s, %s)", name, i, got.Raw, notificationID, topic, wantKind)
			}
			if facadetest.Str(facadetest.Dig(event, "conversationIntercomId")) != intercomID || facadetest.Str(facadetest.Dig(event, "conversation", "id")) != globalID || facadetest.Str(facadetest.Dig(event, "occurredAt")) == "" {
				t.Errorf("%s event %d names another conversation: %s", name, i, got.Raw)
			}
			if got := facadetest.Str(facadetest.Dig(event, "conversation", "adminAssignee", "name")); got != assignee {
				t.Errorf("%s event %d: adminAssignee = %q, want %q", name, i, got, assignee)
			}
			if got := eventEmails(event); strings.Join(got, ",") != strings.Join(emails, ",") {
				t.Errorf("%s event %d: contacts = %v, want %v", name, i, got, emails)
			}
			calls = append(calls, upstreamCalls(got))
		}
		// The admins list and the contacts are read for each event: a later
		// event is never served what an earlier one cached.
		for _, c := range calls {
			if c < 2 {
				t.Errorf("event %d cost %v upstream calls; its relations must be resolved afresh (admins and contacts)", i, calls)
			}
		}
	}
}

// A delivery that is not signed with the client secret is refused, logged
// without its body, and reaches nobody.
func TestForgedWebhooksAreRefusedAndDeliverNothing(t *testing.T) {
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Configure: facadetest.WithBroker(broker)})
	_, intercomID, _, _ := assignedConversation(t, f)
	sse, _ := facadetest.OpenSSE(t, f, nil, `subscription { conversationEvents { notificationId } }`, nil)
	facadetest.WaitSubscribers(t, broker, 1)

	item := f.RESTObject("/conversations/" + intercomID)
	item["title"] = "FORGED-MARKER-4411"
	forged := f.Notification("notif_forged", "conversation.admin.closed", item)
	for name, signature := range map[string]string{
		"no signature":        "",
		"another secret":      intercomsim.SignWebhook([]byte("not-the-secret"), forged),
		"another body":        intercomsim.SignWebhook([]byte(facadetest.WebhookSecret), []byte(`{"type":"notification_event"}`)),
		"not hexadecimal":     "sha1=zz",
		"another algorithm":   "sha256=" + strings.Repeat("0", 64),
		"truncated signature": intercomsim.SignWebhook([]byte(facadetest.WebhookSecret), forged)[:20],
	} {
		if status := f.Deliver(forged, signature); status != http.StatusUnauthorized {
			t.Errorf("%s: answered %d, want 401", name, status)
		}
	}
	f.DeliverSigned(f.Notification("notif_genuine", "conversation.admin.closed", f.RESTObject("/conversations/"+intercomID)))
	if got := facadetest.Str(facadetest.Dig(sse.Event().MustData(t), "conversationEvents", "notificationId")); got != "notif_genuine" {
		t.Errorf("the first event delivered is %q; forged deliveries must deliver nothing", got)
	}
	logs := f.Logs.String()
	if strings.Count(logs, "webhook delivery refused") != 6 {
		t.Errorf("every refusal must be logged:\n%s", logs)
	}
	if strings.Contains(logs, "FORGED-MARKER-4411") {
		t.Error("a refused delivery's body was logged")
	}
}

// Intercom delivers a notification again when it is unsure the first
// delivery arrived; subscribers see it once.
func TestRedeliveredNotificationIsDeliveredOnce(t *testing.T) {
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Configure: facadetest.WithBroker(broker)})
	_, intercomID, _, _ := assignedConversation(t, f)
	ws, _, err := facadetest.DialWS(t, f, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ws.Acked()
	ws.Subscribe("s", `subscription { conversationEvents { notificationId } }`, nil)
	facadetest.WaitSubscribers(t, broker, 1)

	item := f.RESTObject("/conversations/" + intercomID)
	first := f.Notification("notif_once", "conversation.user.replied", item)
	f.DeliverSigned(first)
	f.DeliverSigned(first)
	f.DeliverSigned(f.Notification("notif_after", "conversation.admin.replied", item))
	for _, want := range []string{"notif_once", "notif_after"} {
		if got := facadetest.Str(facadetest.Dig(ws.Event("s").MustData(t), "conversationEvents", "notificationId")); got != want {
			t.Fatalf("received %q, want %q: a redelivery must not be delivered again", got, want)
		}
	}
}

func TestWebhookEndpointAnswers(t *testing.T) {
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Configure: facadetest.WithBroker(broker, func(c *httpapi.Config) { c.Limits.WebhookMaxBodyBytes = 64 << 10 })})
	sse, _ := facadetest.OpenSSE(t, f, nil, `subscription { contactEvents { notificationId } }`, nil)
	facadetest.WaitSubscribers(t, broker, 1)

	sign := func(body []byte) string { return intercomsim.SignWebhook([]byte(facadetest.WebhookSecret), body) }
	ping := f.Notification("notif_ping", "ping", map[string]any{"type": "ping", "message": "something something interzen"})
	if status := f.Deliver(ping, sign(ping)); status != http.StatusOK {
		t.Errorf("ping: %d, want 200", status)
	}
	huge := f.Notification("notif_huge", "contact.user.updated", map[string]any{"type": "contact", "id": "x", "name": strings.Repeat("a", 70<<10)})
	if status := f.Deliver(huge, sign(huge)); status != http.StatusRequestEntityTooLarge {
		t.Errorf("a body over WEBHOOK_MAX_BODY_BYTES: %d, want 413", status)
	}
	malformed := []byte(`{"type":"notification_event","topic":`)
	if status := f.Deliver(malformed, sign(malformed)); status != http.StatusBadRequest {
		t.Errorf("a signed body that is not a notification: %d, want 400", status)
	}
	resp, err := http.Get(f.Server.URL + "/webhooks/intercom")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %d, want 405", resp.StatusCode)
	}
	// Nothing above reached the subscriber: the first event is this one.
	f.DeliverSigned(f.Notification("notif_contact", "contact.user.updated", f.RESTObject("/contacts/"+firstContactID(t, f))))
	if got := facadetest.Str(facadetest.Dig(sse.Event().MustData(t), "contactEvents", "notificationId")); got != "notif_contact" {
		t.Errorf("first contact event = %q, want notif_contact", got)
	}

	unconfigured := facadetest.New(t, facadetest.Options{})
	body := f.Notification("notif_x", "contact.user.updated", map[string]any{"type": "contact", "id": "1"})
	if status := unconfigured.Deliver(body, sign(body)); status != http.StatusServiceUnavailable {
		t.Errorf("without a client secret the endpoint must answer 503, got %d", status)
	}
}

func firstContactID(t *testing.T, f *facadetest.Facade) string {
	t.Helper()
	return facadetest.Str(facadetest.Dig(f.Query(`{ contacts(first: 1) { nodes { intercomId } } }`, nil).MustData(t), "contacts", "nodes", 0, "intercomId"))
}

// stalledCache is a response cache whose invalidations wait until released.
type stalledCache struct {
	*cache.Memory
	release chan struct{}
}

func (c stalledCache) Bump(ctx context.Context, scope string) {
	<-c.release
	c.Memory.Bump(ctx, scope)
}

// A delivery is answered before its work is done: Intercom never waits on
// the cache or the fan-out, and the event follows once the work is done.
func TestWebhooksAreAnsweredBeforeTheirWork(t *testing.T) {
	stalled := stalledCache{Memory: cache.NewMemory(100), release: make(chan struct{})}
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Cache: stalled, CacheTTL: upstream.DefaultCacheTTL(), Configure: facadetest.WithBroker(broker)})
	sse, _ := facadetest.OpenSSE(t, f, nil, `subscription { companyEvents { notificationId } }`, nil)
	facadetest.WaitSubscribers(t, broker, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		f.DeliverSigned(f.Notification("while_stalled", "company.created", map[string]any{"type": "company", "id": "c-1", "name": "Acme"}))
	}()
	select {
	case <-done:
	case <-time.After(facadetest.LiveTimeout):
		t.Fatal("the delivery was not answered while its work was stalled")
	}
	select {
	case ev := <-sse.Events():
		t.Fatalf("the event was published before the cache was invalidated: %v", ev)
	case <-time.After(50 * time.Millisecond):
	}
	close(stalled.release)
	if got := facadetest.Str(facadetest.Dig(sse.Event().MustData(t), "companyEvents", "notificationId")); got != "while_stalled" {
		t.Errorf("after the work: %q", got)
	}
}
