package httpapi

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"intercom-graphql/graph"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// referencePrefetch starts the reference lists (admins, teams, tags...) a
// query needs below its root fields beside the query's first upstream call,
// instead of when the first resolver deep in the query asks: a team's admins
// then cost no round trip after the teams. The cost estimate names the
// lists. Waiting for the first call keeps a query refused for its arguments
// free. Mutations do not prefetch (a write renews the loaders, and what was
// read before it is stale), nor do subscriptions.
type referencePrefetch struct{}

var (
	_ graphql.HandlerExtension    = referencePrefetch{}
	_ graphql.ResponseInterceptor = referencePrefetch{}
)

func (referencePrefetch) ExtensionName() string                   { return "ReferencePrefetch" }
func (referencePrefetch) Validate(graphql.ExecutableSchema) error { return nil }

func (referencePrefetch) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	lists := listsToPrefetch(ctx)
	l, ok := loaders.From(ctx)
	tally := upstream.TallyFrom(ctx)
	if len(lists) == 0 || !ok || tally == nil {
		return next(ctx)
	}
	var mu sync.Mutex
	var wait func()
	tally.BeforeFirstCall(func() {
		mu.Lock()
		defer mu.Unlock()
		wait = l.Prefetch(ctx, lists)
	})
	resp := next(ctx)
	// The lists' calls belong to the operation: it ends after them, so they
	// are counted in its tally and nothing outlives it.
	mu.Lock()
	defer mu.Unlock()
	if wait != nil {
		wait()
	}
	return resp
}

// listsToPrefetch are the lists a query operation needs below its root fields.
func listsToPrefetch(ctx context.Context) []string {
	if !graphql.HasOperationContext(ctx) {
		return nil
	}
	opCtx := graphql.GetOperationContext(ctx)
	stats, ok := opCtx.Stats.GetExtension(graph.CostStatsExtension).(*graph.CostStats)
	if !ok || opCtx.Operation == nil || opCtx.Operation.Operation != ast.Query {
		return nil
	}
	return stats.Cost.Lists
}
