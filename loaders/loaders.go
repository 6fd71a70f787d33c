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
const fanOutLimit = 8

// Loaders are the per-operation loaders. Build one per GraphQL operation with
// New and reach it from resolvers with For.
type Loaders struct {
	client *upstream.Client

	me     once[*upstream.AdminWithApp]
	admins once[[]*upstream.Admin]
	teams  once[[]*upstream.Team]

	contacts      *dataloader.Loader[string, *upstream.Contact]
	conversations *dataloader.Loader[string, *upstream.Conversation]

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
}

// New builds a fresh set of loaders over client.
func New(client *upstream.Client) *Loaders {
	l := &Loaders{client: client}
	l.contacts = dataloader.NewBatchedLoader(fanOut(client.Contacts.Get), dataloader.WithWait[string, *upstream.Contact](batchWait))
	l.conversations = dataloader.NewBatchedLoader(fanOut(client.Conversations.Get), dataloader.WithWait[string, *upstream.Conversation](batchWait))
	l.companyLoaders = newCompanyLoaders(l)
	l.tagLoaders = newTagLoaders(l)
	l.segmentLoaders = newSegmentLoaders(l)
	l.notes = dataloader.NewBatchedLoader(fanOut(client.Notes.Get), dataloader.WithWait[string, *upstream.Note](batchWait))
	l.contactSubscriptions = dataloader.NewBatchedLoader(fanOut(l.fetchContactSubscriptions), dataloader.WithWait[string, []*upstream.SubscriptionType](batchWait))
	l.eventSummaries = dataloader.NewBatchedLoader(fanOut(l.fetchEventSummaries), dataloader.WithWait[string, *upstream.DataEventSummary](batchWait))
	l.visitors = dataloader.NewBatchedLoader(fanOut(client.Visitors.GetByUserID), dataloader.WithWait[string, *upstream.Visitor](batchWait))
	l.activityLogs = dataloader.NewBatchedLoader(fanOut(l.fetchActivityLog), dataloader.WithWait[string, *upstream.ActivityLog](batchWait))
	l.dataExports = dataloader.NewBatchedLoader(fanOut(client.DataExports.Get), dataloader.WithWait[string, *upstream.DataExport](batchWait))
	l.articles = dataloader.NewBatchedLoader(fanOut(client.Articles.Get), dataloader.WithWait[string, *upstream.Article](batchWait))
	l.collections = dataloader.NewBatchedLoader(fanOut(client.HelpCenter.GetCollection), dataloader.WithWait[string, *upstream.Collection](batchWait))
	l.newsItems = dataloader.NewBatchedLoader(fanOut(client.News.GetItem), dataloader.WithWait[string, *upstream.NewsItem](batchWait))
	l.helpCenterByID = dataloader.NewBatchedLoader(fanOut(client.HelpCenter.Get), dataloader.WithWait[string, *upstream.HelpCenter](batchWait))
	l.newsfeedByID = dataloader.NewBatchedLoader(fanOut(client.News.GetNewsfeed), dataloader.WithWait[string, *upstream.Newsfeed](batchWait))
	return l
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
	s.l = New(s.l.client)
}
