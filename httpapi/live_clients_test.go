package httpapi_test

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

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// liveWait bounds how long a test waits for an event it expects.
const liveWait = 5 * time.Second

// testWebhookSecret is the client secret the live tests' facades and simulators share.
const testWebhookSecret = "test-client-secret"

// liveFacade is a facade accepting webhooks signed with testWebhookSecret,
// whose simulator delivers its webhooks to it.
func newLiveFacade(t *testing.T, opts facadetest.Options) *facadetest.Facade {
	t.Helper()
	// The simulator needs the webhook URL before the facade exists: a relay
	// server forwards to the facade's handler once it is built.
	var facadeHandler atomic.Value
	relay := newRelayServer(t, &facadeHandler)
	opts.Sim.WebhookURL = relay + "/webhooks/intercom"
	opts.Sim.ClientSecret = testWebhookSecret
	opts.Sim.WebhookRetryDelay = 20 * time.Millisecond
	configure := opts.Configure
	opts.Configure = func(c *httpapi.Config) {
		c.WebhookSecret = testWebhookSecret
		c.KeepAlive = 200 * time.Millisecond
		if configure != nil {
			configure(c)
		}
	}
	f := facadetest.New(t, opts)
	facadeHandler.Store(f.Server.Config.Handler)
	t.Cleanup(f.Sim.WaitWebhooks)
	return f
}

// --- graphql-transport-ws client -------------------------------------------

type wsMessage struct {
	Type    string          `json:"type"`
	ID      string          `json:"id,omitempty"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// wsClient speaks graphql-transport-ws, as the graphql-ws library does: it
// answers the server's pings and queues every other message.
type wsClient struct {
	t        *testing.T
	conn     *websocket.Conn
	messages chan wsMessage
	closed   chan error // the read error that ended the connection
	pings    atomic.Int32
}

// dialWS opens a graphql-transport-ws connection and sends connection_init
// with payload; it returns the HTTP response when the upgrade was refused.
func dialWS(t *testing.T, f *facadetest.Facade, header http.Header, payload map[string]any) (*wsClient, *http.Response, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), liveWait)
	defer cancel()
	url := "ws" + strings.TrimPrefix(f.Server.URL, "http") + "/graphql"
	conn, resp, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: header})
	if err != nil {
		return nil, resp, err
	}
	c := &wsClient{t: t, conn: conn, messages: make(chan wsMessage, 1024), closed: make(chan error, 1)}
	t.Cleanup(func() { _ = conn.CloseNow() })
	go c.read()
	init := map[string]any{"type": "connection_init"}
	if payload != nil {
		init["payload"] = payload
	}
	c.send(init)
	return c, resp, nil
}

func (c *wsClient) read() {
	for {
		_, data, err := c.conn.Read(context.Background())
		if err != nil {
			c.closed <- err
			close(c.messages)
			return
		}
		var m wsMessage
		if err := json.Unmarshal(data, &m); err != nil {
			c.closed <- err
			close(c.messages)
			return
		}
		if m.Type == "ping" {
			c.pings.Add(1)
			c.send(map[string]any{"type": "pong"})
			continue
		}
		c.messages <- m
	}
}

func (c *wsClient) send(msg map[string]any) {
	b, _ := json.Marshal(msg)
	ctx, cancel := context.WithTimeout(context.Background(), liveWait)
	defer cancel()
	_ = c.conn.Write(ctx, websocket.MessageText, b)
}

// next returns the next message, failing the test when none comes in time.
func (c *wsClient) next() wsMessage {
	c.t.Helper()
	select {
	case m, ok := <-c.messages:
		if !ok {
			c.t.Fatalf("the WebSocket closed: %v", <-c.closed)
		}
		return m
	case <-time.After(liveWait):
		c.t.Fatal("no WebSocket message arrived in time")
	}
	return wsMessage{}
}

// acked waits for connection_ack.
func (c *wsClient) acked() {
	c.t.Helper()
	if m := c.next(); m.Type != "connection_ack" {
		c.t.Fatalf("expected connection_ack, got %s %s", m.Type, m.Payload)
	}
}

func (c *wsClient) subscribe(id, query string, variables map[string]any) {
	c.send(map[string]any{"type": "subscribe", "id": id, "payload": map[string]any{"query": query, "variables": variables}})
}

// event waits for the next `next` message of a subscription and decodes its payload.
func (c *wsClient) event(id string) facadetest.Response {
	c.t.Helper()
	m := c.next()
	if m.Type != "next" || m.ID != id {
		c.t.Fatalf("expected a next message for %s, got %s %s %s", id, m.Type, m.ID, m.Payload)
	}
	var resp facadetest.Response
	if err := json.Unmarshal(m.Payload, &resp); err != nil {
		c.t.Fatal(err)
	}
	resp.Raw = string(m.Payload)
	return resp
}

// closeError is how the server closed the connection.
func (c *wsClient) closeError() websocket.CloseError {
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
		case <-time.After(liveWait):
			c.t.Fatal("the server did not close the connection")
		}
	}
}

// --- Server-Sent Events client ---------------------------------------------

type sseEvent struct {
	event string
	data  string
}

type sseClient struct {
	t      *testing.T
	events chan sseEvent
	pings  atomic.Int32 // keep-alive comments received
}

// openSSE posts a subscription asking for an event stream; it returns the
// response when the server refused it.
func openSSE(t *testing.T, f *facadetest.Facade, header http.Header, query string, variables map[string]any) (*sseClient, *http.Response) {
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
	c := &sseClient{t: t, events: make(chan sseEvent, 1024)}
	go func() {
		defer resp.Body.Close()
		defer close(c.events)
		scanner := bufio.NewScanner(resp.Body)
		scanner.Buffer(make([]byte, 1<<20), 8<<20)
		var ev sseEvent
		for scanner.Scan() {
			line := scanner.Text()
			switch {
			case strings.HasPrefix(line, ": ping"):
				c.pings.Add(1)
			case line == "":
				if ev.event != "" || ev.data != "" {
					c.events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				ev.event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data += strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return c, resp
}

// next returns the next event (keep-alive comments are not events).
func (c *sseClient) next() sseEvent {
	c.t.Helper()
	select {
	case ev, ok := <-c.events:
		if !ok {
			c.t.Fatal("the event stream ended")
		}
		return ev
	case <-time.After(liveWait):
		c.t.Fatal("no event arrived in time")
	}
	return sseEvent{}
}

// event waits for the next `next` event and decodes its data.
func (c *sseClient) event() facadetest.Response {
	c.t.Helper()
	ev := c.next()
	if ev.event != "next" {
		c.t.Fatalf("expected a next event, got %q %s", ev.event, ev.data)
	}
	var resp facadetest.Response
	if err := json.Unmarshal([]byte(ev.data), &resp); err != nil {
		c.t.Fatal(err)
	}
	resp.Raw = ev.data
	return resp
}

// --- webhooks ----------------------------------------------------------------

// notificationBody is a notification_event as Intercom sends it for the
// facade's workspace.
func notificationBody(f *facadetest.Facade, id, topic string, item any) []byte {
	return notificationFrom(f.Sim.Workspace(intercomsim.DemoToken).AppID(), id, topic, item)
}

// notificationFrom is a notification_event of the workspace appID.
func notificationFrom(appID, id, topic string, item any) []byte {
	body, _ := json.Marshal(map[string]any{
		"type": "notification_event", "app_id": appID, "id": id, "topic": topic, "created_at": 1767225600,
		"delivery_status": "pending", "delivery_attempts": 1, "first_sent_at": 1767225600,
		"data": map[string]any{"type": "notification_event_data", "item": item},
	})
	return body
}

// deliver posts a webhook body with the given X-Hub-Signature (none when empty).
func deliver(f *facadetest.Facade, body []byte, signature string) int {
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

// deliverSigned posts a webhook signed with the test secret and expects 200.
func deliverSigned(f *facadetest.Facade, body []byte) {
	f.T.Helper()
	if status := deliver(f, body, intercomsim.SignWebhook([]byte(testWebhookSecret), body)); status != http.StatusOK {
		f.T.Fatalf("a signed delivery was answered %d", status)
	}
}

// restObject reads an object as the simulator's API shows it, to send as a webhook item.
func restObject(f *facadetest.Facade, path string) map[string]any {
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

// newRelayServer serves whatever handler h holds, so a URL exists before its handler does.
func newRelayServer(t *testing.T, h *atomic.Value) string {
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
