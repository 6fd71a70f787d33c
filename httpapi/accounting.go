package httpapi

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"intercom-graphql/upstream"
)

// upstreamAccounting meters each operation's upstream calls as they are made,
// stops them at the most a query may cost (the call that would exceed it is
// not sent, and the fields that needed it fail with MAX_COST_EXCEEDED), and
// tells the client what its query cost: every response carries
// extensions.upstream { calls cacheHits } for its operation.
type upstreamAccounting struct {
	maxCalls int
}

var (
	_ graphql.HandlerExtension     = upstreamAccounting{}
	_ graphql.OperationInterceptor = upstreamAccounting{}
	_ graphql.ResponseInterceptor  = upstreamAccounting{}
)

func (upstreamAccounting) ExtensionName() string { return "UpstreamAccounting" }

func (upstreamAccounting) Validate(graphql.ExecutableSchema) error { return nil }

func (a upstreamAccounting) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	ctx, _ = upstream.WithCallLimit(ctx, int64(a.maxCalls))
	return next(ctx)
}

func (upstreamAccounting) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp == nil {
		return nil
	}
	if tally := upstream.TallyFrom(ctx); tally != nil {
		if resp.Extensions == nil {
			resp.Extensions = map[string]any{}
		}
		resp.Extensions["upstream"] = map[string]int64{"calls": tally.Calls(), "cacheHits": tally.CacheHits()}
	}
	return resp
}
