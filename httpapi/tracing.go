package httpapi

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

const tracerName = "intercom-graphql/graph"

// tracing opens a span per GraphQL operation, and resolverTracing one per
// resolver that can call Intercom (the fields that declare a @cost), so a
// trace shows which field waited on which upstream request. Spans are opened
// only under a recording parent (the HTTP server span): with no tracer
// provider, or a request its sampler left out, no span is built, and a
// field's path is never spelled out, which on a list of 50 objects was a
// sizeable share of the operation's allocations.
type tracing struct{}

// resolverTracing is registered only where spans are exported
// (Config.TraceResolvers): any field interceptor puts a closure on every
// field of every object, spans or not: 3.4 % of an inbox query's allocations.
type resolverTracing struct{}

var (
	_ interface {
		graphql.HandlerExtension
		graphql.OperationInterceptor
	} = tracing{}
	_ interface {
		graphql.HandlerExtension
		graphql.FieldInterceptor
	} = resolverTracing{}
)

func (tracing) ExtensionName() string                   { return "Tracing" }
func (tracing) Validate(graphql.ExecutableSchema) error { return nil }

func (tracing) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if !trace.SpanFromContext(ctx).IsRecording() {
		return next(ctx)
	}
	op := graphql.GetOperationContext(ctx)
	name, kind := "anonymous", "query"
	if op.Operation != nil {
		kind = string(op.Operation.Operation)
		if op.Operation.Name != "" {
			name = op.Operation.Name
		}
	}
	ctx, span := otel.Tracer(tracerName).Start(ctx, fmt.Sprintf("graphql %s %s", kind, name),
		trace.WithAttributes(attribute.String("graphql.operation.type", kind), attribute.String("graphql.operation.name", name)))
	handler := next(ctx)
	if kind != "subscription" {
		return func(ctx context.Context) *graphql.Response {
			resp := handler(ctx)
			if resp != nil && len(resp.Errors) > 0 {
				span.SetStatus(codes.Error, resp.Errors[0].Message)
			}
			span.End()
			return resp
		}
	}
	// A subscription answers once per event until its stream ends (the
	// handler then answers nil): its span lasts as long as the subscription,
	// with an event for each delivery.
	return func(ctx context.Context) *graphql.Response {
		resp := handler(ctx)
		if resp == nil {
			span.End()
			return nil
		}
		span.AddEvent("graphql.subscription.event", trace.WithAttributes(attribute.Int("graphql.errors", len(resp.Errors))))
		if len(resp.Errors) > 0 {
			span.SetStatus(codes.Error, resp.Errors[0].Message)
		}
		return resp
	}
}

func (resolverTracing) ExtensionName() string                   { return "ResolverTracing" }
func (resolverTracing) Validate(graphql.ExecutableSchema) error { return nil }

func (resolverTracing) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !fc.IsResolver || fc.Field.Definition == nil || fc.Field.Definition.Directives.ForName("cost") == nil ||
		!trace.SpanFromContext(ctx).IsRecording() {
		return next(ctx)
	}
	ctx, span := otel.Tracer(tracerName).Start(ctx, "graphql resolve "+fc.Object+"."+fc.Field.Name,
		trace.WithAttributes(attribute.String("graphql.field.path", fc.Path().String())))
	defer span.End()
	v, err := next(ctx)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, "resolver failed")
	}
	return v, err
}
