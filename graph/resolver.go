// Package graph holds the resolvers: thin functions that pick the loader or
// client call for a field and map the answer onto the schema.
package graph

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/vektah/gqlparser/v2/ast"

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

// cursors is the cursor codec of the operation's workspace. Called from a
// connection's resolver, its pages sign only the cursors the connection's
// selection shows.
func (r *Resolver) cursors(ctx context.Context) relay.Codec {
	codec := r.workspaceCodec(r.client(ctx).Tenant())
	if fc := graphql.GetFieldContext(ctx); fc != nil && fc.Field.Field != nil && fc.Field.Definition != nil &&
		strings.HasSuffix(fc.Field.Definition.Type.Name(), "Connection") {
		var edges, pageInfo bool
		shownCursorFields(fc.Field.Selections, &edges, &pageInfo)
		return codec.ForSelection(edges, pageInfo)
	}
	return codec
}

// workspaceCodecs keeps the codecs of the workspaces served lately: a query
// resolves a connection per item of its lists, and deriving a workspace's key
// costs an HMAC each time.
var workspaceCodecs, _ = lru.New[string, relay.Codec](1024)

func (r *Resolver) workspaceCodec(tenant string) relay.Codec {
	cacheKey := string(r.CursorKey) + "\x00" + tenant
	if codec, ok := workspaceCodecs.Get(cacheKey); ok {
		return codec
	}
	mac := hmac.New(sha256.New, r.CursorKey)
	mac.Write([]byte(tenant))
	codec := relay.NewCodec(mac.Sum(nil))
	workspaceCodecs.Add(cacheKey, codec)
	return codec
}

// shownCursorFields reports whether a connection's selection shows edges or
// pageInfo, through fragments too. A field under @skip or @include, or in a
// deferred fragment, counts as shown: signing a cursor left out is harmless.
func shownCursorFields(sel ast.SelectionSet, edges, pageInfo *bool) {
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			switch s.Name {
			case "edges":
				*edges = true
			case "pageInfo":
				*pageInfo = true
			}
		case *ast.InlineFragment:
			shownCursorFields(s.SelectionSet, edges, pageInfo)
		case *ast.FragmentSpread:
			if s.Definition == nil {
				*edges, *pageInfo = true, true
				continue
			}
			shownCursorFields(s.Definition.SelectionSet, edges, pageInfo)
		}
	}
}
