package httpapi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	coderws "github.com/coder/websocket"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/live"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// DefaultKeepAlive is how often live connections are pinged: often enough
// that proxies with a minute's idle timeout keep them open.
const DefaultKeepAlive = 15 * time.Second

// wsCloseForbidden is graphql-transport-ws's close code for a connection
// whose connection_init was refused.
const wsCloseForbidden = 4403

// isWebSocket and isEventStream pick out the requests of the live
// transports, which stay open for as long as the client listens.
func isWebSocket(r *http.Request) bool { return r.Header.Get("Upgrade") != "" }

func isEventStream(r *http.Request) bool {
	return r.Method == http.MethodPost && strings.Contains(r.Header.Get("Accept"), "text/event-stream")
}

// liveTransports are the transports of subscriptions: graphql-ws over
// WebSocket (both the graphql-transport-ws and the older graphql-ws
// subprotocols) and Server-Sent Events.
// A query with @defer sent as an event stream is bounded by requestTimeout,
// as it is over multipart/mixed.
func liveTransports(auth Authenticator, keepAlive, requestTimeout time.Duration, maxMessageBytes int64) []graphql.Transport {
	return []graphql.Transport{
		transport.Websocket{
			// The origin was checked before the upgrade, with the CORS policy's rules.
			Implementation:        transport.CoderWebsocketImplementation{AcceptOptions: coderws.AcceptOptions{InsecureSkipVerify: true}},
			InitFunc:              websocketInit(auth),
			InitTimeout:           10 * time.Second,
			KeepAlivePingInterval: keepAlive, // graphql-ws "ka" messages
			PingPongInterval:      keepAlive, // graphql-transport-ws pings; two unanswered ones drop the connection
			PayloadReadLimit:      &maxMessageBytes,
		},
		deferredOverSSE{SSE: transport.SSE{KeepAlivePingInterval: keepAlive}, requestTimeout: requestTimeout},
	}
}

// deferredOverSSE answers queries with @defer over Server-Sent Events in
// parts, as overHTTP answers them over multipart/mixed; every other
// operation is gqlgen's SSE transport's. Event streams are served on the
// live connections' route, which has no request timeout of its own (a
// subscription lasts as long as its client listens), so a deferred query's
// is applied here.
type deferredOverSSE struct {
	transport.SSE
	requestTimeout time.Duration
}

func (t deferredOverSSE) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	raw, readErr := io.ReadAll(r.Body)
	r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(raw), failingReader{readErr}))
	params, err := paramsFromBody(bytes.NewReader(raw))
	if readErr != nil || err != nil || (params.Query != "" && !strings.Contains(params.Query, "@defer")) {
		t.SSE.Do(w, r, exec)
		return
	}
	params.Headers = r.Header
	opCtx, errs := exec.CreateOperationContext(r.Context(), params)
	if errs != nil || !usesDefer(opCtx) || opCtx.Operation.Operation == ast.Subscription {
		r.Body = io.NopCloser(bytes.NewReader(raw))
		t.SSE.Do(w, r, exec)
		return
	}
	if opCtx.Operation.Operation == ast.Mutation {
		writeGraphQLError(w, http.StatusBadRequest, errcode.BadUserInput, "@defer is served in queries only: a mutation answers once, with everything it selects", nil)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), t.requestTimeout)
	defer cancel()
	serveIncremental(w, r.WithContext(ctx), exec, opCtx, eventStream{})
}

// failingReader ends a body that could not be read whole with the error that stopped it.
type failingReader struct{ err error }

func (f failingReader) Read([]byte) (int, error) {
	if f.err == nil {
		return 0, io.EOF
	}
	return 0, f.err
}

type upgradeRequestKey struct{}
type websocketKey struct{}

// websocketInit authenticates a WebSocket connection: by the upgrade
// request's headers when it carried credentials (checked before the
// upgrade), otherwise by the connection_init payload, where browsers, which
// cannot set headers on a WebSocket, put them ({"Authorization": "Bearer
// <key>"} or {"X-API-Key": "<key>"}).
func websocketInit(auth Authenticator) transport.WebsocketInitFunc {
	return func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		ctx = context.WithValue(ctx, websocketKey{}, true)
		if _, ok := PrincipalFrom(ctx); ok {
			return ctx, nil, nil
		}
		upgrade, _ := ctx.Value(upgradeRequestKey{}).(*http.Request)
		if upgrade == nil {
			return refuseInit(ctx, errors.New("the connection cannot be authenticated"))
		}
		probe := upgrade.Clone(ctx)
		if v := payload.Authorization(); v != "" {
			probe.Header.Set("Authorization", v)
		}
		for _, name := range []string{"X-API-Key", "x-api-key", "apiKey"} {
			if v := payload.GetString(name); v != "" {
				probe.Header.Set("X-API-Key", v)
				break
			}
		}
		p, err := auth.Authenticate(probe)
		if err != nil {
			return refuseInit(ctx, err)
		}
		return context.WithValue(ctx, principalKey{}, p), nil, nil
	}
}

func refuseInit(ctx context.Context, err error) (context.Context, *transport.InitPayload, error) {
	ctx = transport.AppendCloseReason(ctx, "Forbidden: "+err.Error())
	return transport.WithWebsocketCloseCode(ctx, wsCloseForbidden), nil, err
}

func hasCredentials(r *http.Request) bool {
	return r.Header.Get("Authorization") != "" || r.Header.Get("X-API-Key") != ""
}

// authenticateStream applies the queries' authentication to the live
// transports. A WebSocket upgrade without credentials is let through to
// authenticate in connection_init; with credentials, a refusal comes before
// the upgrade, as for a query.
func authenticateStream(auth Authenticator, next http.Handler) http.Handler {
	checked := requireAuth(auth, next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isWebSocket(r) {
			r = r.WithContext(context.WithValue(r.Context(), upgradeRequestKey{}, r))
			if !hasCredentials(r) {
				next.ServeHTTP(w, r)
				return
			}
		}
		checked.ServeHTTP(w, r)
	})
}

// checkWebSocketOrigin applies the CORS policy to WebSocket upgrades, which
// browsers make cross-origin without asking: a page of another origin may
// open one only when that origin is allowed. Clients that send no Origin
// (not browsers) and same-origin pages (GraphiQL) are let through.
func checkWebSocketOrigin(policy *cors.Cors, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if isWebSocket(r) && origin != "" && !sameOrigin(r, origin) && !policy.OriginAllowed(r) {
			writeGraphQLError(w, http.StatusForbidden, errcode.Forbidden, "this origin may not open live connections (CORS_ALLOWED_ORIGINS)", nil)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// sameOrigin reports an Origin naming the host the request was sent to.
func sameOrigin(r *http.Request, origin string) bool {
	u, err := url.Parse(origin)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, r.Host)
}

// subscriptionEvents makes each event of a subscription an operation of its
// own for the resolvers: fresh loaders (an event must not be served the
// objects an earlier event cached) and its own upstream tally. It also tells
// the client why the server ended a subscription.
type subscriptionEvents struct {
	client   func(context.Context) *upstream.Client
	loaders  loaders.Options
	maxCalls int // what each event may spend upstream
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
	graphql.ResponseInterceptor
} = subscriptionEvents{}

func (subscriptionEvents) ExtensionName() string                   { return "SubscriptionEvents" }
func (subscriptionEvents) Validate(graphql.ExecutableSchema) error { return nil }

func (subscriptionEvents) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if isSubscription(ctx) {
		ctx, _ = live.WithEnding(ctx)
	}
	return next(ctx)
}

// InterceptResponse runs once per event of a subscription. Resolvers of an
// unmarked subscription field resolve within the response chain, so what it
// puts in the context reaches them.
func (s subscriptionEvents) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !isSubscription(ctx) {
		return next(ctx)
	}
	// Each event is metered as a query of its own.
	eventCtx, _ := upstream.WithCallLimit(loaders.With(ctx, loaders.NewWithOptions(s.client(ctx), s.loaders)), int64(s.maxCalls))
	if resp := next(eventCtx); resp != nil {
		return resp
	}
	reason := live.EndingFrom(ctx).Report()
	if reason == nil {
		return nil
	}
	gqlErr := endingError(reason)
	if ctx.Value(websocketKey{}) != nil {
		// graphql-ws ends the operation with an error message.
		transport.AddSubscriptionError(ctx, gqlErr)
		return nil
	}
	// Server-Sent Events: a last event carrying the error, then complete.
	return &graphql.Response{Errors: gqlerror.List{gqlErr}}
}

func isSubscription(ctx context.Context) bool {
	if !graphql.HasOperationContext(ctx) {
		return false
	}
	op := graphql.GetOperationContext(ctx).Operation
	return op != nil && op.Operation == ast.Subscription
}

// endingError tells the client why the server ended its subscription.
func endingError(reason error) *gqlerror.Error {
	err := &gqlerror.Error{Message: reason.Error(), Extensions: map[string]any{"code": errcode.Internal}}
	switch {
	case errors.Is(reason, live.ErrSlowSubscriber):
		err.Extensions = map[string]any{"code": errcode.BadUserInput, "reason": "SUBSCRIBER_TOO_SLOW"}
	case errors.Is(reason, live.ErrShuttingDown):
		err.Extensions = map[string]any{"code": errcode.Unavailable, "reason": "SERVER_SHUTTING_DOWN"}
	}
	return err
}
