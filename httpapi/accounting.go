package httpapi

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"intercom-graphql/upstream"
)

// upstreamAccounting tells the client what its query cost upstream: every
// response carries extensions.upstream { calls cacheHits } for its operation.
type upstreamAccounting struct{}

var (
	_ graphql.HandlerExtension     = upstreamAccounting{}
	_ graphql.OperationInterceptor = upstreamAccounting{}
	_ graphql.ResponseInterceptor  = upstreamAccounting{}
)

func (upstreamAccounting) ExtensionName() string { return "UpstreamAccounting" }

func (upstreamAccounting) Validate(graphql.ExecutableSchema) error { return nil }

func (upstreamAccounting) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	ctx, _ = upstream.WithTally(ctx)
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
