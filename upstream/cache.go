package upstream

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// ResponseCache keeps Intercom's answers to reads across requests (and, when
// it is shared, across replicas). Keys already name the workspace, so an
// implementation needs no notion of tenants; a failing cache must behave as
// an empty one, never fail the read.
type ResponseCache interface {
	Get(ctx context.Context, key string) ([]byte, bool)
	Set(ctx context.Context, key string, body []byte, ttl time.Duration)
	// Generation is the current generation of a scope (a workspace's kind of
	// resource). Bump starts a new generation, which orphans every answer
	// cached under the old one: that is how writes invalidate.
	Generation(ctx context.Context, scope string) int64
	Bump(ctx context.Context, scope string)
}

// CacheTTL says how long answers are kept, by kind; zero disables a kind.
type CacheTTL struct {
	// Reference data changes rarely: admins, teams, tags, segments,
	// subscription types, data attributes, ticket types, help centers, newsfeeds.
	Reference time.Duration
	// Objects are everything else read by id or listed: contacts,
	// conversations, companies, tickets, articles...
	Objects time.Duration
}

// DefaultCacheTTL keeps reference data for minutes and people and
// conversations for seconds: long enough to serve a dashboard's burst of
// queries, short enough that nobody acts on stale state for long.
func DefaultCacheTTL() CacheTTL {
	return CacheTTL{Reference: 5 * time.Minute, Objects: 10 * time.Second}
}

// referenceOperations are the reads of Intercom's reference data.
var referenceOperations = map[string]bool{
	"identifyAdmin": true, "listAdmins": true, "retrieveAdmin": true,
	"listTeams": true, "retrieveTeam": true,
	"listTags": true, "findTag": true,
	"listSegments": true, "retrieveSegment": true,
	"listSubscriptionTypes": true, "lisDataAttributes": true,
	"listTicketTypes": true, "getTicketType": true,
	"listHelpCenters": true, "retrieveHelpCenter": true,
	"listNewsfeeds": true, "retrieveNewsfeed": true,
}

// cachePolicy decides which calls the cache may answer, and under which keys.
type cachePolicy struct {
	cache     ResponseCache
	ttl       CacheTTL
	workspace string // a digest of the token: the tenant part of every key
}

func newCachePolicy(cache ResponseCache, ttl CacheTTL, token string) cachePolicy {
	sum := sha256.Sum256([]byte("intercom-graphql workspace\x00" + token))
	return cachePolicy{cache: cache, ttl: ttl, workspace: hex.EncodeToString(sum[:12])}
}

// ttlFor is how long an answer to cl may be kept; zero means not at all.
func (p cachePolicy) ttlFor(cl call) time.Duration {
	if p.cache == nil || cl.method != "GET" {
		return 0
	}
	if referenceOperations[cl.operation] {
		return p.ttl.Reference
	}
	return p.ttl.Objects
}

// scope is the invalidation unit of a call: the workspace and the resource
// kind its path names (/contacts/{id}/tags belongs to contacts).
func (p cachePolicy) scope(kind string) string { return p.workspace + ":" + kind }

func kindOf(template string) string {
	kind, _, _ := strings.Cut(strings.TrimPrefix(template, "/"), "/")
	if kind == "me" {
		return "admins"
	}
	return kind
}

func (p cachePolicy) key(ctx context.Context, cl call) string {
	kind := kindOf(cl.template)
	generation := p.cache.Generation(ctx, p.scope(kind))
	q := ""
	if len(cl.query) > 0 {
		q = "?" + cl.query.Encode()
	}
	return "icg:v1:" + p.workspace + ":" + kind + ":" + strconv.FormatInt(generation, 10) + ":" + cl.path + q
}

// invalidate orphans what a write may have changed: its own kind and any
// other kinds the call names.
func (p cachePolicy) invalidate(ctx context.Context, cl call) {
	p.bump(ctx, kindOf(cl.template))
	p.bump(ctx, cl.invalidates...)
}

func (p cachePolicy) bump(ctx context.Context, kinds ...string) {
	if p.cache == nil {
		return
	}
	for _, kind := range kinds {
		p.cache.Bump(ctx, p.scope(kind))
	}
}

// Invalidate orphans the cached answers of the named resource kinds (the
// first segment of their paths: "contacts", "conversations", "tags"...), for
// changes the client did not make itself, such as those a webhook reports.
func (c *Client) Invalidate(ctx context.Context, kinds ...string) { c.cache.bump(ctx, kinds...) }

// Tenant identifies the workspace the client's token reaches, without
// revealing the token: what caches, budgets and cursors are scoped by.
func (c *Client) Tenant() string { return c.cache.workspace }
