package httpapi

import (
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"intercom-graphql/graph/live"
	"intercom-graphql/upstream"
)

// DefaultWebhookMaxBodyBytes bounds a webhook delivery: a conversation with
// its 500 parts fits with room to spare.
const DefaultWebhookMaxBodyBytes = 4 << 20

// webhookWorkers bounds the deliveries being processed at once, after their
// answer; past it a delivery is answered 503 so that Intercom retries later.
const webhookWorkers = 64

// webhookProcessTimeout bounds the work of one delivery after its answer.
const webhookProcessTimeout = 30 * time.Second

// webhookReceiver serves POST /webhooks/intercom: it checks that a delivery
// was signed with the app's client secret, answers at once, and then
// invalidates the cached answers the notification makes stale and publishes
// it to the subscriptions, once per notification id.
type webhookReceiver struct {
	secret  []byte
	maxBody int64
	broker  *live.Broker
	client  *upstream.Client
	log     *slog.Logger
	slots   chan struct{}
}

func newWebhookReceiver(secret string, maxBody int64, broker *live.Broker, client *upstream.Client, log *slog.Logger) *webhookReceiver {
	return &webhookReceiver{secret: []byte(secret), maxBody: maxBody, broker: broker, client: client, log: log,
		slots: make(chan struct{}, webhookWorkers)}
}

func (h *webhookReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if len(h.secret) == 0 {
		writeStatus(w, http.StatusServiceUnavailable, "webhooks are not configured on this server: set INTERCOM_CLIENT_SECRET to the Intercom app's client secret")
		return
	}
	if r.ContentLength > h.maxBody {
		writeStatus(w, http.StatusRequestEntityTooLarge, "the delivery is larger than "+strconv.FormatInt(h.maxBody, 10)+" bytes")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeStatus(w, http.StatusRequestEntityTooLarge, "the delivery is larger than "+strconv.FormatInt(h.maxBody, 10)+" bytes")
			return
		}
		writeStatus(w, http.StatusBadRequest, "the delivery's body could not be read")
		return
	}
	if problem := h.checkSignature(r.Header.Get("X-Hub-Signature"), body); problem != "" {
		// Never the body: an unsigned delivery may carry anything, a forged one
		// customer data it should not have.
		h.log.WarnContext(r.Context(), "webhook delivery refused", "request_id", RequestID(r.Context()),
			"reason", problem, "remote", r.RemoteAddr, "bytes", len(body))
		writeStatus(w, http.StatusUnauthorized, "the delivery's X-Hub-Signature does not match its body")
		return
	}
	n, err := live.ParseNotification(body)
	if err != nil {
		writeStatus(w, http.StatusBadRequest, err.Error())
		return
	}
	if n.Topic == live.TopicPing {
		writeStatus(w, http.StatusOK, "pong")
		return
	}
	if !h.broker.FirstDelivery(r.Context(), n.ID) {
		h.log.DebugContext(r.Context(), "webhook redelivery ignored", "notification", n.ID, "topic", n.Topic)
		writeStatus(w, http.StatusOK, "already received")
		return
	}
	select {
	case h.slots <- struct{}{}:
	default:
		h.broker.Forget(r.Context(), n.ID)
		w.Header().Set("Retry-After", "5")
		writeStatus(w, http.StatusServiceUnavailable, "too many deliveries in progress; deliver again later")
		return
	}
	// The work happens after the answer: Intercom's delivery never waits on
	// the cache or on Redis.
	ctx := context.WithoutCancel(r.Context())
	go func() {
		defer func() { <-h.slots }()
		h.process(ctx, n.ID, n.Topic, body)
	}()
	writeStatus(w, http.StatusOK, "received")
}

// checkSignature compares the delivery's signature with the body's
// HMAC-SHA1 under the client secret, in constant time. It returns why a
// delivery is refused, or "" when the signature is good.
func (h *webhookReceiver) checkSignature(header string, body []byte) string {
	if header == "" {
		return "no X-Hub-Signature header"
	}
	hexSum, ok := strings.CutPrefix(header, "sha1=")
	if !ok {
		return "X-Hub-Signature is not of the form sha1=<hex digest>"
	}
	got, err := hex.DecodeString(hexSum)
	if err != nil {
		return "X-Hub-Signature is not hexadecimal"
	}
	mac := hmac.New(sha1.New, h.secret)
	mac.Write(body)
	if !hmac.Equal(got, mac.Sum(nil)) {
		return "X-Hub-Signature does not match the body"
	}
	return ""
}

// process invalidates what the notification makes stale before publishing
// it, so that subscribers resolving its relations read fresh answers.
func (h *webhookReceiver) process(ctx context.Context, id, topic string, body []byte) {
	ctx, cancel := context.WithTimeout(ctx, webhookProcessTimeout)
	defer cancel()
	if kinds := live.StaleKinds(topic); len(kinds) > 0 {
		h.client.Invalidate(ctx, kinds...)
	}
	if err := h.broker.Publish(ctx, body); err != nil {
		h.log.ErrorContext(ctx, "webhook notification not delivered to subscriptions", "notification", id, "topic", topic, "error", err)
	}
}
