package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"intercom-graphql/graph/model"
	"intercom-graphql/upstream"
)

// CostStatsExtension names the operation statistic the cost limit records.
const CostStatsExtension = "cost"

// CostStats is the cost estimate of the running operation.
type CostStats struct {
	Cost int
	Max  int
}

// rateLimit reports the operation's estimated cost and Intercom's budget.
func (r *Resolver) rateLimit(ctx context.Context) *model.RateLimit {
	out := &model.RateLimit{}
	if stats, ok := graphql.GetOperationContext(ctx).Stats.GetExtension(CostStatsExtension).(*CostStats); ok {
		out.Cost, out.MaxCost = stats.Cost, stats.Max
	}
	if rate := r.client(ctx).Rate(); rate.Known() {
		remaining, resetAt, ok := r.client(ctx).Budget()
		if !ok {
			remaining, resetAt = rate.Remaining, rate.Reset
		}
		reset := upstream.TimestampOf(resetAt)
		out.Limit, out.Remaining, out.ResetAt = &rate.Limit, &remaining, &reset
	}
	return out
}
