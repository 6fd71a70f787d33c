// Package graph holds the resolvers: thin functions that pick the loader or
// client call for a field and map the answer onto the schema.
package graph

import (
	"intercom-graphql/graph/live"
	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream"
)

// Resolver is the root of the resolver tree; it holds what every resolver shares.
type Resolver struct {
	Client  *upstream.Client
	Cursors relay.Codec

	// companyScrolls keeps what allCompanies read of Intercom's scroll between pages.
	companyScrolls relay.Scrolls[*upstream.Company]

	// Live feeds the subscriptions with the events Intercom's webhooks report.
	Live *live.Broker
}
