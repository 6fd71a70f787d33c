package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/go-chi/httprate"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/live"
)

// Limits bound what one request may ask of the facade. Every limit has a
// safe default and can be raised or lowered through the server's configuration.
type Limits struct {
	MaxBodyBytes              int64         // request body size (default 1 MiB)
	MaxDepth                  int           // nesting of selections (default 12)
	MaxAliases                int           // aliased fields in one document (default 30)
	MaxFields                 int           // fields in one document, fragments expanded (default 500)
	MaxQueryCost              int           // upstream calls one query may cost (default DefaultMaxQueryCost)
	RequestsPerMinute         int           // per client (default 600; 0 keeps the default, negative disables)
	RequestTimeout            time.Duration // a whole request (default 30s)
	MaxConcurrentRequests     int           // in flight at once (default 256)
	MaxConcurrentPerClient    int           // in flight at once for one client (default a quarter of MaxConcurrentRequests)
	MaxExecutingCost          int           // summed cost estimates of the operations executing at once (default DefaultMaxExecutingCost)
	MaxExecutingCostPerClient int           // the same for one client (default a quarter of MaxExecutingCost)
	ExecutingQueueWait        time.Duration // how long an operation waits for room under MaxExecutingCost (default 10s)
	MaxSubscriptions          int           // live connections, and subscriptions, open at once (default 1000)
	MaxSubscriptionsPerClient int           // live connections one client holds at once (default a quarter of MaxSubscriptions)
	SubscriptionBuffer        int           // events a subscriber may leave unread before it is ended (default 64)
	WebhookMaxBodyBytes       int64         // webhook delivery body size (default 4 MiB)
	FailedLoginsPerMinute     int           // failed authentications one address may make a minute (default 20)
}

// DefaultLimits are generous for dashboards and GraphiQL, and tight enough
// that no single client can exhaust the server or Intercom's budget.
func DefaultLimits() Limits {
	return Limits{
		MaxBodyBytes: DefaultMaxBodyBytes, MaxDepth: 12, MaxAliases: 30, MaxFields: 500, MaxQueryCost: DefaultMaxQueryCost,
		RequestsPerMinute: 600, RequestTimeout: 30 * time.Second, MaxConcurrentRequests: 256, MaxExecutingCost: DefaultMaxExecutingCost(),
		ExecutingQueueWait: defaultExecutingQueueWait,
		MaxSubscriptions:   live.DefaultMaxSubscriptions, SubscriptionBuffer: live.DefaultBuffer, WebhookMaxBodyBytes: DefaultWebhookMaxBodyBytes,
		FailedLoginsPerMinute: DefaultFailedLoginsPerMinute,
	}
}

// withDefaults fills the zero fields of l with the defaults.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxBodyBytes <= 0 {
		l.MaxBodyBytes = d.MaxBodyBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = d.MaxDepth
	}
	if l.MaxAliases <= 0 {
		l.MaxAliases = d.MaxAliases
	}
	if l.MaxFields <= 0 {
		l.MaxFields = d.MaxFields
	}
	if l.MaxQueryCost <= 0 {
		l.MaxQueryCost = d.MaxQueryCost
	}
	if l.RequestsPerMinute == 0 {
		l.RequestsPerMinute = d.RequestsPerMinute
	}
	if l.RequestTimeout <= 0 {
		l.RequestTimeout = d.RequestTimeout
	}
	if l.MaxConcurrentRequests <= 0 {
		l.MaxConcurrentRequests = d.MaxConcurrentRequests
	}
	if l.MaxExecutingCost <= 0 {
		l.MaxExecutingCost = d.MaxExecutingCost
	}
	if l.MaxExecutingCostPerClient <= 0 {
		l.MaxExecutingCostPerClient = fairShare(l.MaxExecutingCost)
	}
	if l.ExecutingQueueWait <= 0 {
		l.ExecutingQueueWait = d.ExecutingQueueWait
	}
	if l.MaxSubscriptions <= 0 {
		l.MaxSubscriptions = d.MaxSubscriptions
	}
	if l.MaxConcurrentPerClient <= 0 {
		l.MaxConcurrentPerClient = fairShare(l.MaxConcurrentRequests)
	}
	if l.MaxSubscriptionsPerClient <= 0 {
		l.MaxSubscriptionsPerClient = fairShare(l.MaxSubscriptions)
	}
	if l.SubscriptionBuffer <= 0 {
		l.SubscriptionBuffer = d.SubscriptionBuffer
	}
	if l.FailedLoginsPerMinute <= 0 {
		l.FailedLoginsPerMinute = DefaultFailedLoginsPerMinute
	}
	if l.WebhookMaxBodyBytes <= 0 {
		l.WebhookMaxBodyBytes = d.WebhookMaxBodyBytes
	}
	return l
}

// queryShape refuses documents too deep, too aliased or too large before they
// run: the cheap defences against depth and alias bombs, which the cost
// estimate alone would let through when they touch only free fields.
//
// Introspection (__schema, __type and everything beneath them) is answered from
// the schema in memory, and the introspection queries of graphql-js and GraphiQL
// nest 14 levels deep through ofType chains, past any depth limit sized for the
// graph. So introspection stays out of the depth, alias and field counts and has
// bounds of its own, sized to let every standard introspection query through and
// refuse what only an attack asks for.
type queryShape struct{ limits Limits }

const (
	// maxIntrospectionRoots bounds the __schema and __type selections of one
	// document: each answers from the whole schema again.
	maxIntrospectionRoots = 5
	// maxIntrospectionAliases bounds the aliases beneath them: an alias
	// repeats the work of everything it selects.
	maxIntrospectionAliases = 5
	// maxOfTypeChain bounds ofType inside ofType: graphql-js's query asks for
	// 9 levels, enough for [[[String!]!]!]! and more.
	maxOfTypeChain = 10
	// maxIntrospectionFields bounds the introspection fields of a document,
	// fragments expanded: the standard queries select about 220.
	maxIntrospectionFields = 2000
)

func (queryShape) ExtensionName() string                   { return "QueryShape" }
func (queryShape) Validate(graphql.ExecutableSchema) error { return nil }

func (q queryShape) MutateOperationContext(_ context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx.Operation == nil {
		return nil
	}
	s := shape{}
	s.walk(opCtx.Operation.SelectionSet, 1)
	problem := q.problem(s)
	if problem == "" {
		return nil
	}
	err := gqlerror.Errorf("%s", problem)
	err.Extensions = map[string]any{"code": errcode.BadUserInput}
	return err
}

// problem describes the first bound s exceeds, or is empty.
func (q queryShape) problem(s shape) string {
	in := s.introspection
	switch {
	case s.depth > q.limits.MaxDepth:
		return fmt.Sprintf("the query nests %d levels deep; at most %d are allowed", s.depth, q.limits.MaxDepth)
	case s.aliases > q.limits.MaxAliases:
		return fmt.Sprintf("the query uses %d aliases; at most %d are allowed", s.aliases, q.limits.MaxAliases)
	case s.fields > q.limits.MaxFields:
		return fmt.Sprintf("the query selects %d fields (fragments expanded); at most %d are allowed", s.fields, q.limits.MaxFields)
	case in.roots > maxIntrospectionRoots:
		return fmt.Sprintf("the query asks for introspection (__schema, __type) %d times; at most %d are allowed", in.roots, maxIntrospectionRoots)
	case in.ofTypes > maxOfTypeChain:
		return fmt.Sprintf("the introspection query nests ofType %d levels deep; at most %d are allowed", in.ofTypes, maxOfTypeChain)
	case in.aliases > maxIntrospectionAliases:
		return fmt.Sprintf("the introspection query uses %d aliases; at most %d are allowed", in.aliases, maxIntrospectionAliases)
	case in.fields > maxIntrospectionFields:
		return fmt.Sprintf("the introspection query selects %d fields (fragments expanded); at most %d are allowed", in.fields, maxIntrospectionFields)
	}
	return ""
}

type shape struct {
	depth, aliases, fields int
	introspection          introspectionShape
}

// introspectionShape measures what lies beneath __schema and __type.
type introspectionShape struct {
	roots, aliases, fields int
	ofTypes                int // longest chain of ofType inside ofType
}

// walkedTooFar stops a walk far past every limit: fragments spread inside
// fragments would otherwise make the walk itself exponential.
func (s *shape) walkedTooFar() bool { return s.fields+s.introspection.fields > 1<<20 }

// walk counts fields as executed: a fragment spread counts each time it is
// spread, so a fragment cannot multiply fields unseen.
func (s *shape) walk(set ast.SelectionSet, depth int) {
	if s.walkedTooFar() {
		return
	}
	for _, sel := range set {
		switch v := sel.(type) {
		case *ast.Field:
			if v.Name == "__schema" || v.Name == "__type" {
				s.introspection.roots++
				s.walkIntrospection(v.SelectionSet, 0)
				continue
			}
			s.fields++
			if isAliased(v) {
				s.aliases++
			}
			s.depth = max(s.depth, depth)
			s.walk(v.SelectionSet, depth+1)
		case *ast.InlineFragment:
			s.walk(v.SelectionSet, depth)
		case *ast.FragmentSpread:
			if v.Definition != nil {
				s.walk(v.Definition.SelectionSet, depth)
			}
		}
	}
}

// walkIntrospection measures an introspection selection; ofTypes is the
// chain of ofType that leads to it.
func (s *shape) walkIntrospection(set ast.SelectionSet, ofTypes int) {
	if s.walkedTooFar() {
		return
	}
	in := &s.introspection
	for _, sel := range set {
		switch v := sel.(type) {
		case *ast.Field:
			in.fields++
			if isAliased(v) {
				in.aliases++
			}
			chain := 0
			if v.Name == "ofType" {
				chain = ofTypes + 1
			}
			in.ofTypes = max(in.ofTypes, chain)
			s.walkIntrospection(v.SelectionSet, chain)
		case *ast.InlineFragment:
			s.walkIntrospection(v.SelectionSet, ofTypes)
		case *ast.FragmentSpread:
			if v.Definition != nil {
				s.walkIntrospection(v.Definition.SelectionSet, ofTypes)
			}
		}
	}
}

func isAliased(f *ast.Field) bool { return f.Alias != "" && f.Alias != f.Name }

// perClientRate limits each client (by its principal) to a number of
// requests per minute, answering 429 with Retry-After beyond it.
func perClientRate(perMinute int) func(http.Handler) http.Handler {
	if perMinute < 0 {
		return func(next http.Handler) http.Handler { return next }
	}
	return httprate.LimitBy(perMinute, time.Minute,
		func(r *http.Request) (string, error) { return clientKey(r), nil },
		httprate.WithLimitHandler(func(w http.ResponseWriter, r *http.Request) {
			writeGraphQLError(w, http.StatusTooManyRequests, errcode.BadUserInput,
				fmt.Sprintf("too many requests: at most %d a minute per client; retry after the Retry-After header's seconds", perMinute),
				map[string]any{"reason": "CLIENT_RATE_LIMITED"})
		}),
	)
}

// clientKey names the client of a request for per-client limits: its
// principal, or, before authentication (a WebSocket authenticates after its
// upgrade), its network address.
func clientKey(r *http.Request) string {
	p, ok := PrincipalFrom(r.Context())
	if !ok {
		p, _ = NoAuth{}.Authenticate(r)
	}
	return p.ID
}

// requestTimeout bounds a whole request: resolvers and upstream calls see
// the deadline through their context.
func requestTimeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
