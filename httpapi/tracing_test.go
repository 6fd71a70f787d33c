package httpapi_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
)

// A caller's trace continues through the facade, its GraphQL operation and
// the resolvers that call Intercom, into the upstream requests themselves.
func TestTracesFollowARequestFromTheCallerToIntercom(t *testing.T) {
	recorder := recordSpans(t)

	var mu sync.Mutex
	var upstreamParents []string
	f := facadetest.New(t, facadetest.Options{
		Configure: func(c *httpapi.Config) { c.TraceResolvers = true },
		SeeUpstream: func(r *http.Request) {
			mu.Lock()
			upstreamParents = append(upstreamParents, r.Header.Get("traceparent"))
			mu.Unlock()
		},
	})
	const traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
	queryInTrace(t, f, traceID)

	names := map[string]bool{}
	for _, span := range recorder.Ended() {
		if span.SpanContext().TraceID().String() != traceID {
			t.Errorf("span %q left the caller's trace", span.Name())
		}
		names[span.Name()] = true
	}
	for _, want := range []string{"POST /graphql", "graphql query Inbox", "graphql resolve Query.me", "graphql resolve Query.teams", "intercom GET"} {
		if !names[want] {
			t.Errorf("no span %q among %v", want, names)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(upstreamParents) != 2 {
		t.Fatalf("Intercom saw %d requests, want 2", len(upstreamParents))
	}
	for _, parent := range upstreamParents {
		if !strings.Contains(parent, traceID) {
			t.Errorf("an upstream request carried traceparent %q, not the caller's trace", parent)
		}
	}
}

// Without resolver tracing (no exporter configured), an operation still has
// its span and Intercom's requests theirs, but no field opens one.
func TestResolverSpansOnlyWhereTheyAreExported(t *testing.T) {
	recorder := recordSpans(t)
	f := facadetest.New(t, facadetest.Options{})
	queryInTrace(t, f, "4bf92f3577b34da6a3ce929d0e0e4736")
	names := map[string]bool{}
	for _, span := range recorder.Ended() {
		names[span.Name()] = true
	}
	if !names["graphql query Inbox"] || !names["intercom GET"] {
		t.Errorf("the operation's and Intercom's spans are missing: %v", names)
	}
	for name := range names {
		if strings.HasPrefix(name, "graphql resolve ") {
			t.Errorf("span %q opened without TraceResolvers", name)
		}
	}
}

// queryInTrace sends a query that reads Intercom twice, as part of the
// caller's trace traceID, and requires its data.
func queryInTrace(t *testing.T, f *facadetest.Facade, traceID string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, f.Server.URL+"/graphql", strings.NewReader(`{"query":"query Inbox { me { name } teams { totalCount } }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("traceparent", "00-"+traceID+"-00f067aa0ba902b7-01")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	facadetest.Decode(t, resp).MustData(t)
}

// recordSpans installs a tracer provider that records every span, with W3C
// trace context propagation, for the test's duration.
func recordSpans(t *testing.T) *tracetest.SpanRecorder {
	t.Helper()
	recorder := tracetest.NewSpanRecorder()
	provider := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(recorder))
	previousProvider, previousPropagator := otel.GetTracerProvider(), otel.GetTextMapPropagator()
	otel.SetTracerProvider(provider)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	t.Cleanup(func() {
		otel.SetTracerProvider(previousProvider)
		otel.SetTextMapPropagator(previousPropagator)
		_ = provider.Shutdown(context.Background())
	})
	return recorder
}
