package httpapi_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"intercom-graphql/graph/live"
	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/loaders/cache"
	"intercom-graphql/loaders/cache/redistest"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// Two replicas share a real redis-server: a webhook received by one reaches
// the subscribers of both, and a redelivery to the other is recognised.
func TestReplicasSharingRedisBothDeliverAWebhookReceivedByOne(t *testing.T) {
	url := redistest.Start(t)
	replica := func() (*facadetest.Facade, *live.Broker) {
		opts, err := redis.ParseURL(url)
		if err != nil {
			t.Fatal(err)
		}
		client := redis.NewClient(opts)
		t.Cleanup(func() { _ = client.Close() })
		broker, err := live.NewRedis(context.Background(), client, "workspace-under-test", live.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(broker.Close)
		return facadetest.NewLive(t, facadetest.Options{Configure: facadetest.WithBroker(broker)}), broker
	}
	a, brokerA := replica()
	b, brokerB := replica()
	_, intercomID, assignee, _ := assignedConversation(t, a)

	ws, _, err := facadetest.DialWS(t, a, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ws.Acked()
	ws.Subscribe("a", liveConversationEvent, nil)
	sse, _ := facadetest.OpenSSE(t, b, nil, liveConversationEvent, nil)
	facadetest.WaitSubscribers(t, brokerA, 1)
	facadetest.WaitSubscribers(t, brokerB, 1)

	item := a.RESTObject("/conversations/" + intercomID)
	first := a.Notification("notif_replicated", "conversation.admin.assigned", item)
	subscribers := map[string]func() facadetest.Response{"replica A (graphql-ws)": func() facadetest.Response { return ws.Event("a") }, "replica B (SSE)": sse.Event}
	expect := func(want string) {
		t.Helper()
		for name, next := range subscribers {
			event := facadetest.Dig(next().MustData(t), "conversationEvents")
			if got := facadetest.Str(facadetest.Dig(event, "notificationId")); got != want {
				t.Fatalf("%s received %q, want %q (each notification once, on every replica)", name, got, want)
			}
			if got := facadetest.Str(facadetest.Dig(event, "conversation", "adminAssignee", "name")); got != assignee {
				t.Errorf("%s: adminAssignee = %q, want %q", name, got, assignee)
			}
		}
	}
	// A replica acknowledges a delivery before it publishes it, so deliveries
	// to two replicas have no order between them (nor have Intercom's): each
	// is awaited before the next. B processes its own deliveries in order, so
	// a redelivery it failed to recognise would reach both subscribers before
	// the notification after it.
	a.DeliverSigned(first)
	expect("notif_replicated")
	b.DeliverSigned(first) // Intercom's redelivery landing on the other replica
	b.DeliverSigned(b.Notification("notif_second", "conversation.admin.closed", item))
	expect("notif_second")
}

// A subscriber that cannot keep up is ended with a reason once its buffer
// is full, while a fast subscriber receives every event.
func TestSlowSubscriberIsDroppedWhileOthersKeepReceiving(t *testing.T) {
	broker := facadetest.NewLocalBroker(t, live.Options{Buffer: 3})
	f := facadetest.NewLive(t, facadetest.Options{Configure: facadetest.WithBroker(broker)})
	_, intercomID, _, _ := assignedConversation(t, f)
	// Reading contacts is slow: a subscriber selecting them resolves each
	// event slower than events arrive.
	f.Sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultDelay, Path: "/contacts/*", Delay: 100 * time.Millisecond})
	const slow = `subscription { conversationEvents { notificationId conversation { contacts { nodes { email } } } } }`
	const fast = `subscription { conversationEvents { notificationId } }`

	slowWS, _, err := facadetest.DialWS(t, f, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	slowWS.Acked()
	slowWS.Subscribe("slow", slow, nil)
	slowSSE, _ := facadetest.OpenSSE(t, f, nil, slow, nil)
	fastSSE, _ := facadetest.OpenSSE(t, f, nil, fast, nil)
	facadetest.WaitSubscribers(t, broker, 3)

	item := f.RESTObject("/conversations/" + intercomID)
	const events = 10
	for i := range events {
		// Paced so that a subscriber doing no upstream work keeps up easily.
		f.DeliverSigned(f.Notification("notif_burst_"+string(rune('a'+i)), "conversation.user.replied", item))
		time.Sleep(5 * time.Millisecond)
	}
	for i := range events {
		want := "notif_burst_" + string(rune('a'+i))
		if got := facadetest.Str(facadetest.Dig(fastSSE.Event().MustData(t), "conversationEvents", "notificationId")); got != want {
			t.Fatalf("the fast subscriber received %q, want %q", got, want)
		}
	}

	// The slow WebSocket subscription gets what its buffer held, then an error message.
	received := 0
	for {
		m := slowWS.Next()
		if m.Type == "next" {
			received++
			continue
		}
		if m.Type != "error" || m.ID != "slow" || !facadetest.ContainsAll(string(m.Payload), "SUBSCRIBER_TOO_SLOW", "did not read events as fast") {
			t.Fatalf("expected an error message with the reason, got %s %s", m.Type, m.Payload)
		}
		break
	}
	if received == 0 || received >= events {
		t.Errorf("the slow WebSocket subscriber received %d of %d events before it was ended", received, events)
	}
	// The slow event stream gets a last event carrying the reason, then complete.
	for {
		ev := slowSSE.Next()
		if ev.Event == "next" && !facadetest.ContainsAll(ev.Data, "SUBSCRIBER_TOO_SLOW") {
			continue
		}
		if ev.Event != "next" || !facadetest.ContainsAll(ev.Data, `"reason":"SUBSCRIBER_TOO_SLOW"`, `"code":"BAD_USER_INPUT"`) {
			t.Fatalf("expected the reason in a last event, got %q %s", ev.Event, ev.Data)
		}
		break
	}
	if ev := slowSSE.Next(); ev.Event != "complete" {
		t.Errorf("after the reason the stream must complete, got %q %s", ev.Event, ev.Data)
	}
	facadetest.WaitSubscribers(t, broker, 1)
}

// A webhook invalidates the cached answers of what it changed: a contact
// read again after contact.user.updated costs an upstream call again.
func TestWebhookInvalidatesCachedObjects(t *testing.T) {
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Cache: cache.NewMemory(1000), CacheTTL: upstream.CacheTTL{Reference: time.Minute, Objects: time.Minute},
		Configure: facadetest.WithBroker(broker)})
	id := firstContactID(t, f)
	read := func() float64 {
		resp := f.Query(`query($id: String!) { contact(intercomId: $id) { email } }`, map[string]any{"id": id})
		resp.MustData(t)
		return upstreamCalls(resp)
	}
	read()
	if calls := read(); calls != 0 {
		t.Fatalf("a second read cost %v upstream calls; the cache should answer it", calls)
	}
	sse, _ := facadetest.OpenSSE(t, f, nil, `subscription { contactEvents { notificationId } }`, nil)
	facadetest.WaitSubscribers(t, broker, 1)
	f.DeliverSigned(f.Notification("notif_update", "contact.user.updated", f.RESTObject("/contacts/"+id)))
	sse.Event() // the cache is invalidated before the event is published
	if calls := read(); calls != 1 {
		t.Errorf("a read after contact.user.updated cost %v upstream calls, want 1 (the webhook must invalidate the cached contact)", calls)
	}
	if calls := read(); calls != 0 {
		t.Errorf("the fresh answer should be cached again, cost %v", calls)
	}
}

// Live connections pass the same authentication as queries: SSE by its
// headers, WebSocket by its upgrade headers or its connection_init payload.
func TestLiveConnectionsAreAuthenticatedLikeQueries(t *testing.T) {
	const key = "live-dashboard-key"
	keys := acceptingKeys(t, key)
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{AllowedOrigins: []string{"https://dashboard.example"},
		Configure: facadetest.WithBroker(broker, func(c *httpapi.Config) { c.Auth = keys })})
	const sub = `subscription { contactEvents { notificationId } }`

	if _, resp := facadetest.OpenSSE(t, f, nil, sub, nil); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("SSE without a key: %d, want 401", resp.StatusCode)
	}
	if _, resp := facadetest.OpenSSE(t, f, http.Header{"Authorization": {"Bearer wrong"}}, sub, nil); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("SSE with a wrong key: %d, want 401", resp.StatusCode)
	}
	sse, resp := facadetest.OpenSSE(t, f, http.Header{"Authorization": {"Bearer " + key}}, sub, nil)
	if sse == nil {
		t.Fatalf("SSE with the key was refused: %d", resp.StatusCode)
	}

	if _, resp, err := facadetest.DialWS(t, f, http.Header{"Authorization": {"Bearer wrong"}}, nil); err == nil || resp == nil || resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a WebSocket upgrade with a wrong key must be refused with 401 before the upgrade, got %v", err)
	}
	for name, payload := range map[string]map[string]any{"no credentials": nil, "a wrong key": {"Authorization": "Bearer wrong"}} {
		ws, _, err := facadetest.DialWS(t, f, nil, payload)
		if err != nil {
			t.Fatal(err)
		}
		if ce := ws.CloseError(); ce.Code != 4403 || !facadetest.ContainsAll(ce.Reason, "Forbidden") {
			t.Errorf("connection_init with %s: closed with %d %q, want 4403 Forbidden", name, ce.Code, ce.Reason)
		}
	}
	byPayload, _, err := facadetest.DialWS(t, f, nil, map[string]any{"Authorization": "Bearer " + key})
	if err != nil {
		t.Fatal(err)
	}
	byPayload.Acked()
	byPayload.Subscribe("p", sub, nil)
	byHeader, _, err := facadetest.DialWS(t, f, http.Header{"X-API-Key": {key}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	byHeader.Acked()
	byHeader.Subscribe("h", sub, nil)

	if _, resp, err := facadetest.DialWS(t, f, http.Header{"Origin": {"https://evil.example"}, "X-API-Key": {key}}, nil); err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("a WebSocket from an origin CORS does not allow must be refused with 403, got %v", err)
	}
	fromDashboard, _, err := facadetest.DialWS(t, f, http.Header{"Origin": {"https://dashboard.example"}}, map[string]any{"X-API-Key": key})
	if err != nil {
		t.Fatalf("a WebSocket from an allowed origin was refused: %v", err)
	}
	fromDashboard.Acked()
	fromDashboard.Subscribe("o", sub, nil)

	facadetest.WaitSubscribers(t, broker, 4)
	f.DeliverSigned(f.Notification("notif_auth", "contact.user.updated", f.RESTObject("/contacts/"+firstContactIDWithKey(t, f, key))))
	if got := facadetest.Str(facadetest.Dig(sse.Event().MustData(t), "contactEvents", "notificationId")); got != "notif_auth" {
		t.Errorf("SSE got %q", got)
	}
	for id, ws := range map[string]*facadetest.WSClient{"p": byPayload, "h": byHeader, "o": fromDashboard} {
		if got := facadetest.Str(facadetest.Dig(ws.Event(id).MustData(t), "contactEvents", "notificationId")); got != "notif_auth" {
			t.Errorf("WebSocket %s got %q", id, got)
		}
	}
}

func firstContactIDWithKey(t *testing.T, f *facadetest.Facade, key string) string {
	t.Helper()
	resp := postAs(f, map[string]string{"X-API-Key": key}, `{ contacts(first: 1) { nodes { intercomId } } }`)
	return facadetest.Str(facadetest.Dig(resp.MustData(t), "contacts", "nodes", 0, "intercomId"))
}

// Live connections beyond MAX_SUBSCRIPTIONS are refused with 503, and a
// freed slot is served again.
func TestLiveConnectionsAreBounded(t *testing.T) {
	broker := facadetest.NewLocalBroker(t, live.Options{MaxSubscriptions: 1})
	f := facadetest.NewLive(t, facadetest.Options{Configure: facadetest.WithBroker(broker, func(c *httpapi.Config) { c.Limits.MaxSubscriptions, c.Limits.MaxSubscriptionsPerClient = 1, 1 })})
	const sub = `subscription { companyEvents { notificationId } }`
	first, _ := facadetest.OpenSSE(t, f, nil, sub, nil)
	if first == nil {
		t.Fatal("the first live connection was refused")
	}
	facadetest.WaitSubscribers(t, broker, 1)
	_, resp := facadetest.OpenSSE(t, f, nil, sub, nil)
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("a live connection past the limit: %d (Retry-After %q), want 503 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if _, resp, err := facadetest.DialWS(t, f, nil, nil); err == nil || resp == nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("a WebSocket past the limit must be refused with 503, got %v", err)
	}
	// Queries are not live connections: they still run.
	f.Query(`{ me { name } }`, nil).MustData(t)
}

// When the server shuts down, subscribers are told why their stream ends.
func TestShutdownEndsSubscriptionsWithAReason(t *testing.T) {
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Configure: facadetest.WithBroker(broker)})
	sse, _ := facadetest.OpenSSE(t, f, nil, `subscription { ticketEvents { notificationId } }`, nil)
	ws, _, err := facadetest.DialWS(t, f, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ws.Acked()
	ws.Subscribe("t", `subscription { ticketEvents { notificationId } }`, nil)
	facadetest.WaitSubscribers(t, broker, 2)
	broker.Close()
	if ev := sse.Next(); ev.Event != "next" || !facadetest.ContainsAll(ev.Data, "SERVER_SHUTTING_DOWN", `"UNAVAILABLE"`) {
		t.Errorf("SSE: %q %s, want the shutdown reason", ev.Event, ev.Data)
	}
	if m := ws.Next(); m.Type != "error" || !facadetest.ContainsAll(string(m.Payload), "SERVER_SHUTTING_DOWN") {
		t.Errorf("graphql-ws: %s %s, want an error message with the shutdown reason", m.Type, m.Payload)
	}
	late, _ := facadetest.OpenSSE(t, f, nil, `subscription { ticketEvents { notificationId } }`, nil)
	if resp := late.Event(); len(resp.Errors) != 1 || resp.Errors[0].Code() != "UNAVAILABLE" || !facadetest.ContainsAll(resp.Errors[0].Message, "shutting down") {
		t.Errorf("a subscription after shutdown: %s, want UNAVAILABLE saying the server is shutting down", resp.Raw)
	}
}

// With no CORS_ALLOWED_ORIGINS, no other origin may call the graph or open
// a live connection; pages of the server's own origin (GraphiQL) may.
func TestWithoutAllowedOriginsOnlyTheServersOwnOriginMayConnect(t *testing.T) {
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Configure: facadetest.WithBroker(broker)})
	req, _ := http.NewRequest(http.MethodOptions, f.Server.URL+"/graphql", nil)
	req.Header.Set("Origin", "https://evil.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("a preflight from another origin was allowed (%q) though no origin is configured", got)
	}
	if _, resp, err := facadetest.DialWS(t, f, http.Header{"Origin": {"https://evil.example"}}, nil); err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("a WebSocket from another origin must be refused with 403, got %v", err)
	}
	own, _, err := facadetest.DialWS(t, f, http.Header{"Origin": {f.Server.URL}}, nil)
	if err != nil {
		t.Fatalf("a WebSocket from the server's own origin was refused: %v", err)
	}
	own.Acked()
}

// Idle live connections are kept alive: graphql-ws pings and SSE comments.
func TestIdleLiveConnectionsAreKeptAlive(t *testing.T) {
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Configure: facadetest.WithBroker(broker)}) // keep-alives every 200ms
	ws, _, err := facadetest.DialWS(t, f, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ws.Acked()
	ws.Subscribe("idle", `subscription { companyEvents { notificationId } }`, nil)
	sse, _ := facadetest.OpenSSE(t, f, nil, `subscription { companyEvents { notificationId } }`, nil)
	facadetest.WaitSubscribers(t, broker, 2)
	time.Sleep(700 * time.Millisecond)
	if ws.Pings() < 2 || sse.Pings() < 2 {
		t.Errorf("in 700ms of silence: %d graphql-ws pings and %d SSE keep-alives, want at least 2 each", ws.Pings(), sse.Pings())
	}
	// Still open and serving after the silence.
	f.DeliverSigned(f.Notification("after_idle", "company.created", f.RESTObject("/companies/"+facadetest.Str(facadetest.Dig(f.Query(`{ companies(first: 1) { nodes { intercomId } } }`, nil).MustData(t), "companies", "nodes", 0, "intercomId")))))
	if got := facadetest.Str(facadetest.Dig(ws.Event("idle").MustData(t), "companyEvents", "notificationId")); got != "after_idle" {
		t.Errorf("graphql-ws after idling: %q", got)
	}
	if got := facadetest.Str(facadetest.Dig(sse.Event().MustData(t), "companyEvents", "notificationId")); got != "after_idle" {
		t.Errorf("SSE after idling: %q", got)
	}
}
