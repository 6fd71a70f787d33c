package intercomsim

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

// Webhook delivery follows Intercom's: a signed POST per notification, sent
// after the write that caused it has been answered, retried when the
// receiver fails, so a receiver may see one notification more than once.
const (
	webhookAttempts       = 3
	webhookAttemptTimeout = 10 * time.Second
	// webhookQueue bounds the notifications waiting to be delivered; past it
	// new ones are dropped, as a receiver that cannot keep up loses them.
	webhookQueue             = 1000
	defaultWebhookRetryDelay = time.Second
)

// webhookEmitter delivers a simulator's notifications, in order, from one
// goroutine that runs while there is something to deliver.
type webhookEmitter struct {
	url        string
	secret     []byte
	retryDelay time.Duration
	now        func() time.Time
	client     *http.Client

	mu      sync.Mutex
	queue   [][]byte
	running bool
	idle    *sync.Cond
}

func newWebhookEmitter(opts Options) *webhookEmitter {
	delay := opts.WebhookRetryDelay
	if delay <= 0 {
		delay = defaultWebhookRetryDelay
	}
	e := &webhookEmitter{url: opts.WebhookURL, secret: []byte(opts.ClientSecret), retryDelay: delay, now: opts.Now,
		client: &http.Client{Timeout: webhookAttemptTimeout}}
	e.idle = sync.NewCond(&e.mu)
	return e
}

// notification is Intercom's notification_event envelope.
type notification struct {
	Type             string           `json:"type"`
	AppID            string           `json:"app_id"`
	Data             notificationData `json:"data"`
	Links            struct{}         `json:"links"`
	ID               string           `json:"id"`
	Topic            string           `json:"topic"`
	DeliveryStatus   string           `json:"delivery_status"`
	DeliveryAttempts int              `json:"delivery_attempts"`
	DeliveredAt      int64            `json:"delivered_at"`
	FirstSentAt      int64            `json:"first_sent_at"`
	CreatedAt        int64            `json:"created_at"`
	Self             *string          `json:"self"`
}

type notificationData struct {
	Type string `json:"type"`
	Item any    `json:"item"`
}

// emit queues a notification of topic about item and returns its id. It
// never waits for the delivery.
func (e *webhookEmitter) emit(appID, topic string, item any) (string, error) {
	now := e.now().Unix()
	n := notification{Type: "notification_event", AppID: appID, Data: notificationData{Type: "notification_event_data", Item: item},
		ID: "notif_" + uuid.NewString(), Topic: topic, DeliveryStatus: "pending", DeliveryAttempts: 1, FirstSentAt: now, CreatedAt: now}
	body, err := json.Marshal(n)
	if err != nil {
		return "", fmt.Errorf("intercomsim: encoding the %s notification: %w", topic, err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.queue) >= webhookQueue {
		return "", fmt.Errorf("intercomsim: %d notifications are waiting for %s; the %s notification was dropped", len(e.queue), e.url, topic)
	}
	e.queue = append(e.queue, body)
	if !e.running {
		e.running = true
		go e.drain()
	}
	return n.ID, nil
}

func (e *webhookEmitter) drain() {
	for {
		e.mu.Lock()
		if len(e.queue) == 0 {
			e.running = false
			e.idle.Broadcast()
			e.mu.Unlock()
			return
		}
		body := e.queue[0]
		e.queue = e.queue[1:]
		e.mu.Unlock()
		e.deliver(body)
	}
}

// deliver posts one notification until the receiver answers 2xx or the
// attempts run out, waiting longer after each failure.
func (e *webhookEmitter) deliver(body []byte) {
	delay := e.retryDelay
	for attempt := 1; attempt <= webhookAttempts; attempt++ {
		if e.post(body) == nil {
			return
		}
		if attempt < webhookAttempts {
			time.Sleep(delay)
			delay *= 2
		}
	}
}

func (e *webhookEmitter) post(body []byte) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, e.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "intercomsim-webhooks")
	req.Header.Set("X-Hub-Signature", SignWebhook(e.secret, body))
	resp, err := e.client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("the receiver answered %d", resp.StatusCode)
	}
	return nil
}

// wait returns once every queued notification has been delivered or given up.
func (e *webhookEmitter) wait() {
	e.mu.Lock()
	defer e.mu.Unlock()
	for e.running {
		e.idle.Wait()
	}
}

// SignWebhook is Intercom's X-Hub-Signature of a webhook body: the hex
// HMAC-SHA1 of the raw body, keyed with the app's client secret.
func SignWebhook(secret, body []byte) string {
	mac := hmac.New(sha1.New, secret)
	mac.Write(body)
	return "sha1=" + hex.EncodeToString(mac.Sum(nil))
}

// ErrWebhooksOff is returned when a notification is emitted by a simulator
// without a WebhookURL.
var ErrWebhooksOff = errors.New("intercomsim: webhooks are off (Options.WebhookURL is empty)")

// emit sends the notification of a change to this workspace, when the
// simulator delivers webhooks. Writes call it after they change the
// workspace, with the object as the API now shows it.
func (ws *Workspace) emit(topic string, item any) (string, error) {
	if ws.webhooks == nil {
		return "", ErrWebhooksOff
	}
	return ws.webhooks.emit(ws.app.IDCode, topic, item)
}

// EmitWebhook sends a notification of topic about item (an object in the
// REST shape) from the workspace token reaches, signed with the client
// secret, to the configured WebhookURL. It returns the notification's id once
// it is queued; delivery follows in the background.
func (s *Simulator) EmitWebhook(token, topic string, item any) (string, error) {
	ws := s.Workspace(token)
	if ws == nil {
		return "", fmt.Errorf("intercomsim: no workspace for this token")
	}
	return ws.emit(topic, item)
}

// EmitObjectWebhook sends a notification of topic about an object of the
// workspace, as the API shows it now: a conversation (with its parts), a
// contact or a company, picked by the topic's first segment.
func (s *Simulator) EmitObjectWebhook(token, topic, id string) (string, error) {
	ws := s.Workspace(token)
	if ws == nil {
		return "", fmt.Errorf("intercomsim: no workspace for this token")
	}
	item, err := ws.webhookItem(topic, id)
	if err != nil {
		return "", err
	}
	return ws.emit(topic, item)
}

func (ws *Workspace) webhookItem(topic, id string) (any, error) {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	head, _, _ := strings.Cut(topic, ".")
	switch head {
	case "conversation", "conversation_part":
		if rec, ok := ws.conversationByID[id]; ok {
			return renderConversation(rec, true, false), nil
		}
	case "contact":
		if rec, ok := ws.contactByID[id]; ok {
			return ws.renderContact(rec), nil
		}
	case "company":
		if rec, ok := ws.companyByID[id]; ok {
			return ws.renderCompany(rec), nil
		}
	default:
		return nil, fmt.Errorf("intercomsim: no object of the workspace is the item of topic %q", topic)
	}
	return nil, fmt.Errorf("intercomsim: no %s with id %q", head, id)
}

// WaitWebhooks returns once every notification emitted so far has been
// delivered or given up on.
func (s *Simulator) WaitWebhooks() {
	if s.webhooks != nil {
		s.webhooks.wait()
	}
}

// notify sends the notification of a write, when the simulator delivers
// webhooks: every apply function calls it, under the workspace's lock, once
// its change is made, so item renders the object as the API now shows it
// (the emitter encodes it at once). Rendering is skipped when no one listens.
// A notification the full queue refuses is lost, as Intercom's are for a
// receiver that cannot keep up.
func (ws *Workspace) notify(topic string, item func() any) {
	if ws.webhooks == nil {
		return
	}
	_, _ = ws.emit(topic, item())
}
