package httpapi_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"intercom-graphql/graph/live"
	"intercom-graphql/httpapi/facadetest"
)

// A subscription is one GraphQL request however many events it delivers:
// /metrics counts it once and its events apart, and its trace span lasts
// from subscribe to complete, with one span event per delivery.
func TestSubscriptionsAreObservedAsOneOperationWithManyEvents(t *testing.T) {
	recorder := recordSpans(t)

	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Configure: facadetest.WithBroker(broker)})
	_, intercomID, _, _ := assignedConversation(t, f)
	ws, _, err := facadetest.DialWS(t, f, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ws.Acked()
	ws.Subscribe("s", `subscription Watch { conversationEvents { notificationId } }`, nil)
	facadetest.WaitSubscribers(t, broker, 1)

	item := f.RESTObject("/conversations/" + intercomID)
	for _, id := range []string{"notif_one", "notif_two", "notif_three"} {
		f.DeliverSigned(f.Notification(id, "conversation.admin.noted", item))
		ws.Event("s").MustData(t)
	}
	if span := subscriptionSpan(recorder); span != nil {
		t.Errorf("the subscription's span %q ended while the subscription was open", span.Name())
	}

	ws.Send(map[string]any{"type": "complete", "id": "s"})
	facadetest.WaitSubscribers(t, broker, 0)
	var span sdktrace.ReadOnlySpan
	for deadline := time.Now().Add(facadetest.LiveTimeout); span == nil && time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
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
