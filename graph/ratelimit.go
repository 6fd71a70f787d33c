package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"intercom-graphql/graph/cost"
	"intercom-graphql/graph/model"
	"intercom-graphql/upstream"
)

// CostStatsExtension names the operation statistic the cost limit records.
const CostStatsExtension = "cost"

// CostStats is the price of the running operation, known before it ran.
type CostStats struct {
	Cost cost.Cost
	Max  int
}

// rateLimit reports the operation's estimated cost and Intercom's budget.
func (r *Resolver) rateLimit(ctx context.Context) *model.RateLimit {
	out := &model.RateLimit{}
	if stats, ok := graphql.GetOperationContext(ctx).Stats.GetExtension(CostStatsExtension).(*CostStats); ok {
		out.Cost, out.MinimumCost, out.MaxCost = stats.Cost.Estimate, stats.Cost.Minimum, stats.Max
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
