// Package graph holds the resolvers: thin functions that pick the loader or
// client call for a field and map the answer onto the schema.
package graph

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"

	"intercom-graphql/graph/live"
	"intercom-graphql/graph/relay"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// Resolver is the root of the resolver tree; it holds what every resolver shares.
type Resolver struct {
	// CursorKey signs cursors; each workspace's cursors are signed with a key
	// derived from it, so a cursor never crosses from one tenant to another.
	CursorKey []byte

	// companyScrolls keeps what allCompanies read of Intercom's scroll between pages.
	companyScrolls relay.Scrolls[*upstream.Company]

	// Live feeds the subscriptions with the events Intercom's webhooks report.
	Live *live.Broker
	// OneWorkspace is set when the server serves its own token's workspace
	// only: a notification that names no workspace is then its own. When
	// callers bring their own tokens, such a notification belongs to nobody.
	OneWorkspace bool
}

// client is the Intercom client of the operation ctx belongs to: the
// server's, or, when clients bring their own token, theirs.
func (r *Resolver) client(ctx context.Context) *upstream.Client {
	return loaders.For(ctx).Client()
}

// cursors is the cursor codec of the operation's workspace.
func (r *Resolver) cursors(ctx context.Context) relay.Codec {
	mac := hmac.New(sha256.New, r.CursorKey)
	mac.Write([]byte(r.client(ctx).Tenant()))
	return relay.NewCodec(mac.Sum(nil))
}
