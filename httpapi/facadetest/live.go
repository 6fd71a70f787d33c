package facadetest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"

	"intercom-graphql/graph/live"
	"intercom-graphql/httpapi"
	"intercom-graphql/upstream/intercomsim"
)

// LiveTimeout bounds how long a live test waits for what it expects: an
// event, a WebSocket message, a closed connection, a subscriber.
const LiveTimeout = 5 * time.Second

// WebhookSecret is the client secret live facades and their simulators share.
const WebhookSecret = "test-client-secret"

// NewLive starts a facade that accepts webhooks signed with WebhookSecret and
// sends keep-alives every 200ms, whose simulator delivers the webhooks of
// its writes to it; the test waits for those deliveries when it ends.
func NewLive(t testing.TB, opts Options) *Facade {
	t.Helper()
	// The simulator needs the webhook URL before the facade exists: a relay
	// server forwards to the facade's handler once it is built.
	var facadeHandler atomic.Value
	relay := relayServer(t, &facadeHandler)
	opts.Sim.WebhookURL = relay + "/webhooks/intercom"
	opts.Sim.ClientSecret = WebhookSecret
	opts.Sim.WebhookRetryDelay = 20 * time.Millisecond
	configure := opts.Configure
	opts.Configure = func(c *httpapi.Config) {
		c.WebhookSecret = WebhookSecret
		c.KeepAlive = 200 * time.Millisecond
		if configure != nil {
			configure(c)
		}
	}
	f := New(t, opts)
	facadeHandler.Store(f.Server.Config.Handler)
	t.Cleanup(f.Sim.WaitWebhooks)
	return f
}

// relayServer serves whatever handler h holds, so a URL exists before its handler does.
func relayServer(t testing.TB, h *atomic.Value) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next, _ := h.Load().(http.Handler)
		if next == nil {
			http.Error(w, "not ready", http.StatusServiceUnavailable)
			return
		}
		next.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// --- brokers -----------------------------------------------------------------

// WithBroker is an Options.Configure that makes the facade use broker, so a
// test can see its subscribers; more configure the rest.
func WithBroker(broker *live.Broker, more ...func(*httpapi.Config)) func(*httpapi.Config) {
	return func(c *httpapi.Config) {
		c.Live = broker
		for _, m := range more {
			m(c)
		}
	}
}

// NewLocalBroker is an in-process broker the test can watch, closed with the test.
func NewLocalBroker(t testing.TB, opts live.Options) *live.Broker {
	broker := live.NewLocal(opts)
	t.Cleanup(broker.Close)
	return broker
}

// WaitSubscribers waits until the broker serves n subscriptions: a
// subscription is registered after its request is answered, and an event
// published before that is not for it.
func WaitSubscribers(t testing.TB, broker *live.Broker, n int) {
	t.Helper()
	deadline := time.Now().Add(LiveTimeout)
	for broker.Subscriptions() != n {
		if time.Now().After(deadline) {
			t.Fatalf("the broker serves %d subscriptions, want %d", broker.Subscriptions(), n)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// --- graphql-transport-ws client -------------------------------------------

// WSMessage is one graphql-transport-ws message.
type WSMessage struct {
	Type    string          `json:"type"`
	ID      string          `json:"id,omitempty"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// WSClient speaks graphql-transport-ws, as the graphql-ws library does: it
// answers the server's pings and queues every other message.
type WSClient struct {
	t        testing.TB
	conn     *websocket.Conn
	messages chan WSMessage
	closed   chan error // the read error that ended the connection
	pings    atomic.Int32
}

// DialWS opens a graphql-transport-ws connection to the facade and sends
// connection_init with payload; it returns the HTTP response when the
// upgrade was refused. The connection closes with the test.
func DialWS(t testing.TB, f *Facade, header http.Header, payload map[string]any) (*WSClient, *http.Response, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), LiveTimeout)
	defer cancel()
	url := "ws" + strings.TrimPrefix(f.Server.URL, "http") + "/graphql"
	conn, resp, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: header})
	if err != nil {
		return nil, resp, err
	}
	c := &WSClient{t: t, conn: conn, messages: make(chan WSMessage, 1024), closed: make(chan error, 1)}
	t.Cleanup(func() { _ = conn.CloseNow() })
	go c.read()
	init := map[string]any{"type": "connection_init"}
	if payload != nil {
		init["payload"] = payload
	}
	c.Send(init)
	return c, resp, nil
}

func (c *WSClient) read() {
	for {
		_, data, err := c.conn.Read(context.Background())
		if err != nil {
			c.closed <- err
			close(c.messages)
			return
		}
		var m WSMessage
		if err := json.Unmarshal(data, &m); err != nil {
			c.closed <- err
			close(c.messages)
			return
		}
		if m.Type == "ping" {
			c.pings.Add(1)
			c.Send(map[string]any{"type": "pong"})
			continue
		}
		c.messages <- m
	}
}

// Send writes one message, as JSON.
func (c *WSClient) Send(msg map[string]any) {
	b, _ := json.Marshal(msg)
	ctx, cancel := context.WithTimeout(context.Background(), LiveTimeout)
	defer cancel()
	_ = c.conn.Write(ctx, websocket.MessageText, b)
}

// Next returns the next message (pings are answered, not returned), failing
// the test when none comes in time.
func (c *WSClient) Next() WSMessage {
	c.t.Helper()
	select {
	case m, ok := <-c.messages:
		if !ok {
			c.t.Fatalf("the WebSocket closed: %v", <-c.closed)
		}
		return m
	case <-time.After(LiveTimeout):
		c.t.Fatal("no WebSocket message arrived in time")
	}
	return WSMessage{}
}

// Acked waits for connection_ack.
func (c *WSClient) Acked() {
	c.t.Helper()
	if m := c.Next(); m.Type != "connection_ack" {
		c.t.Fatalf("expected connection_ack, got %s %s", m.Type, m.Payload)
	}
}

// Subscribe starts the subscription id with a document and its variables.
func (c *WSClient) Subscribe(id, query string, variables map[string]any) {
	c.Send(map[string]any{"type": "subscribe", "id": id, "payload": map[string]any{"query": query, "variables": variables}})
}

// Event waits for the next `next` message of the subscription id and
// decodes its payload; any other message fails the test.
func (c *WSClient) Event(id string) Response {
	c.t.Helper()
	m := c.Next()
	if m.Type != "next" || m.ID != id {
		c.t.Fatalf("expected a next message for %s, got %s %s %s", id, m.Type, m.ID, m.Payload)
	}
	var resp Response
	if err := json.Unmarshal(m.Payload, &resp); err != nil {
		c.t.Fatal(err)
	}
	resp.Raw = string(m.Payload)
	return resp
}

// CloseError waits for the server to close the connection, skipping queued
// messages, and returns how it closed it.
func (c *WSClient) CloseError() websocket.CloseError {
	c.t.Helper()
	for {
		select {
		case _, ok := <-c.messages:
			if ok {
				continue
			}
			var ce websocket.CloseError
			if err := <-c.closed; !errors.As(err, &ce) {
				c.t.Fatalf("the connection ended without a close frame: %v", err)
			}
			return ce
		case <-time.After(LiveTimeout):
			c.t.Fatal("the server did not close the connection")
		}
	}
}

// Pings is how many pings the server has sent so far.
func (c *WSClient) Pings() int {
	return int(c.pings.Load())
}

// --- Server-Sent Events client ---------------------------------------------

// SSEEvent is one event of an event stream: its event field and its data.
type SSEEvent struct {
	Event string
	Data  string
}

// SSEClient reads an event stream, queueing its events and counting its
// keep-alive comments.
type SSEClient struct {
	t      testing.TB
	events chan SSEEvent
	pings  atomic.Int32 // keep-alive comments received
}

// OpenSSE posts a subscription to the facade asking for an event stream; it
// returns the response when the server refused it. The stream closes with
// the test.
func OpenSSE(t testing.TB, f *Facade, header http.Header, query string, variables map[string]any) (*SSEClient, *http.Response) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, f.Server.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		return nil, resp
	}
	c := &SSEClient{t: t, events: make(chan SSEEvent, 1024)}
	go func() {
		defer resp.Body.Close()
		defer close(c.events)
		scanner := bufio.NewScanner(resp.Body)
		scanner.Buffer(make([]byte, 1<<20), 8<<20)
		var ev SSEEvent
		for scanner.Scan() {
			line := scanner.Text()
			switch {
			case strings.HasPrefix(line, ": ping"):
				c.pings.Add(1)
			case line == "":
				if ev.Event != "" || ev.Data != "" {
					c.events <- ev
				}
				ev = SSEEvent{}
			case strings.HasPrefix(line, "event: "):
				ev.Event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.Data += strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return c, resp
}

// Next returns the next event (keep-alive comments are not events), failing
// the test when none comes in time or the stream ends.
func (c *SSEClient) Next() SSEEvent {
	c.t.Helper()
	select {
	case ev, ok := <-c.events:
		if !ok {
			c.t.Fatal("the event stream ended")
		}
		return ev
	case <-time.After(LiveTimeout):
		c.t.Fatal("no event arrived in time")
	}
	return SSEEvent{}
}

// Event waits for the next `next` event and decodes its data; any other
// event fails the test.
func (c *SSEClient) Event() Response {
	c.t.Helper()
	ev := c.Next()
	if ev.Event != "next" {
		c.t.Fatalf("expected a next event, got %q %s", ev.Event, ev.Data)
	}
	var resp Response
	if err := json.Unmarshal([]byte(ev.Data), &resp); err != nil {
		c.t.Fatal(err)
	}
	resp.Raw = ev.Data
	return resp
}

// Events is the queue of events not yet read, for a test that must see
// that none arrives for a while.
func (c *SSEClient) Events() <-chan SSEEvent {
	return c.events
}

// Pings is how many keep-alive comments the stream has carried so far.
func (c *SSEClient) Pings() int {
	return int(c.pings.Load())
}

// --- webhooks ----------------------------------------------------------------

// Notification is a notification_event as Intercom sends it for the
// facade's (demo) workspace.
func (f *Facade) Notification(id, topic string, item any) []byte {
	return NotificationFrom(f.Sim.Workspace(intercomsim.DemoToken).AppID(), id, topic, item)
}

// NotificationFrom is a notification_event of the workspace appID.
func NotificationFrom(appID, id, topic string, item any) []byte {
	body, _ := json.Marshal(map[string]any{
		"type": "notification_event", "app_id": appID, "id": id, "topic": topic, "created_at": 1767225600,
		"delivery_status": "pending", "delivery_attempts": 1, "first_sent_at": 1767225600,
		"data": map[string]any{"type": "notification_event_data", "item": item},
	})
	return body
}

// Deliver posts a webhook body to the facade with the given X-Hub-Signature
// (none when empty) and returns the status it was answered.
func (f *Facade) Deliver(body []byte, signature string) int {
	f.T.Helper()
	req, _ := http.NewRequest(http.MethodPost, f.Server.URL+"/webhooks/intercom", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if signature != "" {
		req.Header.Set("X-Hub-Signature", signature)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.T.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// DeliverSigned posts a webhook body signed with WebhookSecret and fails
// the test unless it is answered 200.
func (f *Facade) DeliverSigned(body []byte) {
	f.T.Helper()
	if status := f.Deliver(body, intercomsim.SignWebhook([]byte(WebhookSecret), body)); status != http.StatusOK {
		f.T.Fatalf("a signed delivery was answered %d", status)
	}
}

// RESTObject reads an object of the demo workspace as the simulator's API
// shows it (path as /conversations/123), to send as a webhook's item.
func (f *Facade) RESTObject(path string) map[string]any {
	f.T.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Authorization", "Bearer "+intercomsim.DemoToken)
	rec := httptest.NewRecorder()
	f.Sim.Handler().ServeHTTP(rec, req)
	var obj map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &obj); err != nil || rec.Code != http.StatusOK {
		f.T.Fatalf("GET %s: %d %v", path, rec.Code, err)
	}
	return obj
}
