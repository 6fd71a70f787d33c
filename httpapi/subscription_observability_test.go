package httpapi_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"intercom-graphql/graph/live"
	"intercom-graphql/httpapi/facadetest"
)

// A subscription is one GraphQL request however many events it delivers:
// /metrics counts it once and its events apart, and its trace span lasts
// from subscribe to complete, with one span event per delivery.
func TestSubscriptionsAreObservedAsOneOperationWithManyEvents(t *testing.T) {
	recorder := tracetest.NewSpanRecorder()
	provider := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(recorder))
	previous := otel.GetTracerProvider()
	otel.SetTracerProvider(provider)
	t.Cleanup(func() {
		otel.SetTracerProvider(previous)
		_ = provider.Shutdown(context.Background())
	})

	broker := newLocalBroker(t, live.Options{})
	f := newLiveFacade(t, facadetest.Options{Configure: withBroker(broker)})
	_, intercomID, _, _ := assignedConversation(t, f)
	ws, _, err := dialWS(t, f, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ws.acked()
	ws.subscribe("s", `subscription Watch { conversationEvents { notificationId } }`, nil)
	waitSubscribers(t, broker, 1)

	item := restObject(f, "/conversations/"+intercomID)
	for _, id := range []string{"notif_one", "notif_two", "notif_three"} {
		deliverSigned(f, notificationBody(f, id, "conversation.admin.noted", item))
		ws.event("s").MustData(t)
	}
	if span := subscriptionSpan(recorder); span != nil {
		t.Errorf("the subscription's span %q ended while the subscription was open", span.Name())
	}

	ws.send(map[string]any{"type": "complete", "id": "s"})
	waitSubscribers(t, broker, 0)
	var span sdktrace.ReadOnlySpan
	for deadline := time.Now().Add(liveWait); span == nil && time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		span = subscriptionSpan(recorder)
	}
	if span == nil {
		t.Fatal("no span for the subscription ended after it completed")
	}
	if len(span.Events()) != 3 {
		t.Errorf("the subscription's span has %d events, want one per delivery (3)", len(span.Events()))
	}

	resp, err := http.Get(f.Server.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`graphql_requests_total{operation="Watch",type="subscription"} 1`,
		`graphql_subscription_events_total{operation="Watch"} 3`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func subscriptionSpan(recorder *tracetest.SpanRecorder) sdktrace.ReadOnlySpan {
	for _, span := range recorder.Ended() {
		if span.Name() == "graphql subscription Watch" {
			return span
		}
	}
	return nil
}
