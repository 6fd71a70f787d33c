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
	"sync"
	"time"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/live"
)

// DefaultWebhookMaxBodyBytes bounds a webhook delivery: a conversation with
// its 500 parts fits with room to spare.
const DefaultWebhookMaxBodyBytes = 4 << 20

// webhookBacklog bounds the deliveries accepted but not yet processed; past
// it a delivery is answered 503 so that Intercom delivers it again later.
const webhookBacklog = 1024

// webhookProcessTimeout bounds the work of one delivery after its answer.
const webhookProcessTimeout = 30 * time.Second

// webhookReceiver serves POST /webhooks/intercom: it checks that a delivery
// was signed with the app's client secret, answers at once, and then, in
// the order deliveries arrived, publishes it to the subscriptions of every
// replica (which first invalidate the cached answers it makes stale), once
// per notification id.
type webhookReceiver struct {
	secret  []byte
	maxBody int64
	broker  *live.Broker
	log     *slog.Logger

	mu       sync.Mutex
	backlog  []acceptedDelivery
	draining bool // a goroutine is processing the backlog
}

type acceptedDelivery struct {
	ctx   context.Context
	id    string
	topic string
	body  []byte
}

func newWebhookReceiver(secret string, maxBody int64, broker *live.Broker, log *slog.Logger) *webhookReceiver {
	return &webhookReceiver{secret: []byte(secret), maxBody: maxBody, broker: broker, log: log}
}

func (h *webhookReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if len(h.secret) == 0 {
		writeGraphQLError(w, http.StatusServiceUnavailable, errcode.Unavailable, "webhooks are not configured on this server: set INTERCOM_CLIENT_SECRET to the Intercom app's client secret", nil)
		return
	}
	if r.ContentLength > h.maxBody {
		writeGraphQLError(w, http.StatusRequestEntityTooLarge, errcode.BadUserInput, "the delivery is larger than "+strconv.FormatInt(h.maxBody, 10)+" bytes", nil)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeGraphQLError(w, http.StatusRequestEntityTooLarge, errcode.BadUserInput, "the delivery is larger than "+strconv.FormatInt(h.maxBody, 10)+" bytes", nil)
			return
		}
		writeGraphQLError(w, http.StatusBadRequest, errcode.BadUserInput, "the delivery's body could not be read", nil)
		return
	}
	if problem := h.checkSignature(r.Header.Get("X-Hub-Signature"), body); problem != "" {
		// Never the body: an unsigned delivery may carry anything, a forged one
		// customer data it should not have.
		h.log.WarnContext(r.Context(), "webhook delivery refused", "request_id", RequestID(r.Context()),
			"reason", problem, "remote", r.RemoteAddr, "bytes", len(body))
		writeGraphQLError(w, http.StatusUnauthorized, errcode.Unauthenticated, "the delivery's X-Hub-Signature does not match its body", nil)
		return
	}
	n, err := live.ParseNotification(body)
	if err != nil {
		writeGraphQLError(w, http.StatusBadRequest, errcode.BadUserInput, err.Error(), nil)
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
	// The work happens after the answer: Intercom's delivery never waits on
	// the cache or on Redis.
	if !h.enqueue(acceptedDelivery{ctx: context.WithoutCancel(r.Context()), id: n.ID, topic: n.Topic, body: body}) {
		h.broker.Forget(r.Context(), n.ID)
		w.Header().Set("Retry-After", "5")
		writeGraphQLError(w, http.StatusServiceUnavailable, errcode.Unavailable, "too many deliveries waiting to be processed; deliver again later", nil)
		return
	}
	writeStatus(w, http.StatusOK, "received")
}

// enqueue adds a delivery to the backlog, starting a goroutine to process it
// when none is running; it reports false when the backlog is full.
func (h *webhookReceiver) enqueue(d acceptedDelivery) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.backlog) >= webhookBacklog {
		return false
	}
	h.backlog = append(h.backlog, d)
	if !h.draining {
		h.draining = true
		go h.drain()
	}
	return true
}

// drain processes the backlog in arrival order, so subscribers see events
// in the order Intercom sent them, and stops when it is empty.
func (h *webhookReceiver) drain() {
	for {
		h.mu.Lock()
		if len(h.backlog) == 0 {
			h.draining = false
			h.mu.Unlock()
			return
		}
		d := h.backlog[0]
		h.backlog[0] = acceptedDelivery{}
		h.backlog = h.backlog[1:]
		h.mu.Unlock()
		h.process(d.ctx, d.id, d.topic, d.body)
	}
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

// process publishes the notification to the replicas, each of which
// invalidates what it makes stale before its subscribers see it.
func (h *webhookReceiver) process(ctx context.Context, id, topic string, body []byte) {
	ctx, cancel := context.WithTimeout(ctx, webhookProcessTimeout)
	defer cancel()
	if err := h.broker.Publish(ctx, body); err != nil {
		h.log.ErrorContext(ctx, "webhook notification not delivered to subscriptions", "notification", id, "topic", topic, "error", err)
	}
}
