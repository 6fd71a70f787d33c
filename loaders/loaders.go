// Package loaders gives each GraphQL operation its own set of dataloaders, so
// that the objects a query reaches by id are fetched in batches, once each.
package loaders

import (
	"context"
	"sync"
	"time"

	"github.com/graph-gophers/dataloader/v7"

	"intercom-graphql/upstream"
)

// batchWait is how long a loader collects keys before it calls upstream.
// gqlgen resolves the items of a list concurrently, so their loads arrive
// within microseconds of each other; a short wait catches them all without
// adding noticeable latency.
const batchWait = 2 * time.Millisecond

// fanOutLimit bounds the concurrent upstream calls of one batch for objects
// Intercom cannot fetch in bulk.
const fanOutLimit = 32

// Loaders are the per-operation loaders. Build one per GraphQL operation with
// New and reach it from resolvers with For.
type Loaders struct {
	client *upstream.Client

	me     once[*upstream.AdminWithApp]
	admins once[[]*upstream.Admin]
	teams  once[[]*upstream.Team]

	unbatched bool

	contacts              *dataloader.Loader[string, *upstream.Contact]      // by search, in batches
	conversations         *dataloader.Loader[string, *upstream.Conversation] // in full, with parts
	conversationSummaries *dataloader.Loader[string, *upstream.Conversation] // by search, without parts

	companyLoaders
	tagLoaders
	segmentLoaders
	notes                *dataloader.Loader[string, *upstream.Note]
	subscriptionTypes    once[[]*upstream.SubscriptionType]
	contactSubscriptions *dataloader.Loader[string, []*upstream.SubscriptionType]
	dataAttributes       keyedOnce[upstream.DataAttributeListOptions, []*upstream.DataAttribute]
	eventSummaries       *dataloader.Loader[string, *upstream.DataEventSummary]
	visitors             *dataloader.Loader[string, *upstream.Visitor]
	activityLogs         *dataloader.Loader[string, *upstream.ActivityLog]
	dataExports          *dataloader.Loader[string, *upstream.DataExport]
	helpCenters          once[[]*upstream.HelpCenter]
	newsfeeds            once[[]*upstream.Newsfeed]
	articles             *dataloader.Loader[string, *upstream.Article]
	collections          *dataloader.Loader[string, *upstream.Collection]
	newsItems            *dataloader.Loader[string, *upstream.NewsItem]
	helpCenterByID       *dataloader.Loader[string, *upstream.HelpCenter]
	newsfeedByID         *dataloader.Loader[string, *upstream.Newsfeed]
	ticketLoaders
}

// Options tune a set of loaders.
type Options struct {
	// Unbatched turns batching and per-operation sharing off: every lookup
	// becomes its own upstream call, as a resolver calling the client directly
	// would make. It exists as the baseline benchmarks measure the loaders against.
	Unbatched bool
}

// New builds a fresh set of loaders over client.
func New(client *upstream.Client) *Loaders { return NewWithOptions(client, Options{}) }

// NewWithOptions builds a fresh set of loaders over client, tuned by opts.
func NewWithOptions(client *upstream.Client, opts Options) *Loaders {
	l := &Loaders{client: client, unbatched: opts.Unbatched}
	l.contacts = dataloader.NewBatchedLoader(l.contactsByID, searchLoaderOptions[*upstream.Contact](l)...)
	l.conversations = dataloader.NewBatchedLoader(fanOut(client.Conversations.Get), loaderOptions[*upstream.Conversation](l)...)
	l.conversationSummaries = dataloader.NewBatchedLoader(l.conversationsByID, searchLoaderOptions[*upstream.Conversation](l)...)
	l.companyLoaders = newCompanyLoaders(l)
	l.tagLoaders = newTagLoaders(l)
	l.segmentLoaders = newSegmentLoaders(l)
	l.notes = dataloader.NewBatchedLoader(fanOut(client.Notes.Get), loaderOptions[*upstream.Note](l)...)
	l.contactSubscriptions = dataloader.NewBatchedLoader(fanOut(l.fetchContactSubscriptions), loaderOptions[[]*upstream.SubscriptionType](l)...)
	l.eventSummaries = dataloader.NewBatchedLoader(fanOut(l.fetchEventSummaries), loaderOptions[*upstream.DataEventSummary](l)...)
	l.visitors = dataloader.NewBatchedLoader(fanOut(client.Visitors.GetByUserID), loaderOptions[*upstream.Visitor](l)...)
	l.activityLogs = dataloader.NewBatchedLoader(fanOut(l.fetchActivityLog), loaderOptions[*upstream.ActivityLog](l)...)
	l.dataExports = dataloader.NewBatchedLoader(fanOut(client.DataExports.Get), loaderOptions[*upstream.DataExport](l)...)
	l.articles = dataloader.NewBatchedLoader(fanOut(client.Articles.Get), loaderOptions[*upstream.Article](l)...)
	l.collections = dataloader.NewBatchedLoader(fanOut(client.HelpCenter.GetCollection), loaderOptions[*upstream.Collection](l)...)
	l.newsItems = dataloader.NewBatchedLoader(fanOut(client.News.GetItem), loaderOptions[*upstream.NewsItem](l)...)
	l.helpCenterByID = dataloader.NewBatchedLoader(byIDOrList(&l.helpCenters, l.HelpCenters, client.HelpCenter.Get, "HelpCenter",
		func(hc *upstream.HelpCenter) string { return hc.ID }), loaderOptions[*upstream.HelpCenter](l)...)
	l.newsfeedByID = dataloader.NewBatchedLoader(byIDOrList(&l.newsfeeds, l.Newsfeeds, client.News.GetNewsfeed, "Newsfeed",
		func(f *upstream.Newsfeed) string { return f.ID }), loaderOptions[*upstream.Newsfeed](l)...)
	l.ticketLoaders = newTicketLoaders(l)
	return l
}

// loaderOptions batch the loads of one tick and share each object within the
// operation, unless the loaders are unbatched.
func loaderOptions[V any](l *Loaders) []dataloader.Option[string, V] {
	if l.unbatched {
		return []dataloader.Option[string, V]{dataloader.WithBatchCapacity[string, V](1), dataloader.WithCache[string, V](&dataloader.NoCache[string, V]{})}
	}
	return []dataloader.Option[string, V]{dataloader.WithWait[string, V](batchWait)}
}

// searchLoaderOptions are loaderOptions for objects fetched through a search
// (id IN [...]), whose batches are bounded by the search's page size.
func searchLoaderOptions[V any](l *Loaders) []dataloader.Option[string, V] {
	if l.unbatched {
		return loaderOptions[V](l)
	}
	return append(loaderOptions[V](l), dataloader.WithBatchCapacity[string, V](upstream.MaxPerPage))
}

// loadMany loads several keys at once, in the order of keys, each with its
// own error. The keys join the loader's batch one after the other and are
// then awaited in turn: dataloader's own LoadMany starts a goroutine per key
// to do the same, which on an inbox of 50 conversations came to hundreds of
// goroutines per query.
func loadMany[V any](ctx context.Context, loader *dataloader.Loader[string, V], keys []string) ([]V, []error) {
	thunks := make([]dataloader.Thunk[V], len(keys))
	for i, key := range keys {
		thunks[i] = loader.Load(ctx, key)
	}
	values, errs := make([]V, len(keys)), make([]error, len(keys))
	for i, thunk := range thunks {
		values[i], errs[i] = thunk()
	}
	return values, errs
}

// unbatchedIn reports whether ctx belongs to an operation with unbatched loaders.
func unbatchedIn(ctx context.Context) bool {
	_, ok := ctx.Value(contextKey{}).(*slot)
	return ok && For(ctx).unbatched
}

type contextKey struct{}

// slot holds an operation's loaders; a write replaces them (Renew).
type slot struct {
	mu sync.RWMutex
	l  *Loaders
}

// With attaches loaders to a context.
func With(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, contextKey{}, &slot{l: l})
}

// For returns the loaders of the operation ctx belongs to.
func For(ctx context.Context) *Loaders {
	s, ok := ctx.Value(contextKey{}).(*slot)
	if !ok {
		panic("loaders: no loaders in context; the handler must install them per operation")
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.l
}

// From returns the loaders of the operation ctx belongs to, if it has any.
func From(ctx context.Context) (*Loaders, bool) {
	if _, ok := ctx.Value(contextKey{}).(*slot); !ok {
		return nil, false
	}
	return For(ctx), true
}

// Renew gives the rest of an operation fresh loaders. A mutation calls it
// after a write: what the operation read before may have changed, and the
// fields read after the write must see the change.
func Renew(ctx context.Context) {
	s, ok := ctx.Value(contextKey{}).(*slot)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.l = NewWithOptions(s.l.client, Options{Unbatched: s.l.unbatched})
}

// Client is the Intercom client these loaders read through.
func (l *Loaders) Client() *upstream.Client { return l.client }
