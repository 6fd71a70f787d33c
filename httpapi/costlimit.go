package httpapi

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"intercom-graphql/graph"
	"intercom-graphql/graph/cost"
	"intercom-graphql/graph/errcode"
	"intercom-graphql/upstream"
)

// DefaultMaxQueryCost bounds the upstream calls one query may spend: well
// inside Intercom's window of 1,666 calls, and far above what a dashboard
// spends (the bench's dashboards spend 2 to 34).
const DefaultMaxQueryCost = 1000

// costLimit prices each operation before it runs. The spending itself is
// metered where the calls are made (upstreamAccounting); up front, it refuses
// only what cannot fit: a query whose fewest possible calls exceed the maximum,
// or that the rate budget cannot pay for until far in the future (one clear
// error instead of a pile of failed fields). It runs only `rateLimit` when the
// client asked for a dry run.
type costLimit struct {
	max    int
	client func(context.Context) *upstream.Client
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = costLimit{}

func (costLimit) ExtensionName() string                   { return "CostLimit" }
func (costLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (c costLimit) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx.Operation == nil {
		return nil
	}
	price := cost.Of(opCtx.Operation, opCtx.Variables)
	stats := &graph.CostStats{Cost: price, Max: c.max}
	opCtx.Stats.SetExtension(graph.CostStatsExtension, stats)
	if dryRunRequested(opCtx.Operation, opCtx.Variables) {
		opCtx.Operation = onlyRateLimit(opCtx.Operation)
		stats.Cost.Lists = nil // nothing else runs, so no list is needed
		return nil
	}
	if price.Minimum > c.max {
		err := gqlerror.Errorf("this query makes at least %d upstream calls, more than the %d a query may spend: ask for fewer root fields, aliases or smaller pages", price.Minimum, c.max)
		err.Extensions = map[string]any{"code": errcode.MaxCostExceeded, "cost": map[string]any{"minimum": price.Minimum, "estimate": price.Estimate, "limit": c.max}}
		return err
	}
	if ok, resetAt := c.client(ctx).Affordable(price.Minimum); !ok {
		err := gqlerror.Errorf("this query makes at least %d upstream calls and Intercom's rate budget cannot pay for them before %s; try again then", price.Minimum, resetAt.UTC().Format(time.RFC3339))
		err.Extensions = map[string]any{"code": errcode.UpstreamRateLimited, "cost": map[string]any{"minimum": price.Minimum, "estimate": price.Estimate, "limit": c.max}, "resetAt": resetAt.UTC().Format(time.RFC3339)}
		return err
	}
	return nil
}

// dryRunRequested reports whether the operation asks rateLimit(dryRun: true).
func dryRunRequested(op *ast.OperationDefinition, variables map[string]any) bool {
	for _, sel := range op.SelectionSet {
		f, ok := sel.(*ast.Field)
		if !ok || f.Name != "rateLimit" {
			continue
		}
		if arg := f.Arguments.ForName("dryRun"); arg != nil {
			if v, err := arg.Value.Value(variables); err == nil && v == true {
				return true
			}
		}
	}
	return false
}

// onlyRateLimit copies the operation keeping its rateLimit fields alone. The
// parsed document is shared through the query cache, so it is never edited in place.
func onlyRateLimit(op *ast.OperationDefinition) *ast.OperationDefinition {
	pruned := *op
	pruned.SelectionSet = nil
	for _, sel := range op.SelectionSet {
		if f, ok := sel.(*ast.Field); ok && f.Name == "rateLimit" {
			pruned.SelectionSet = append(pruned.SelectionSet, f)
		}
	}
	return &pruned
}
