package upstream

import (
	"context"
	"net/http"
)

// MaxNewsPerPage bounds the News lists: Intercom serves at most 20 items a
// page and reduces larger page sizes to 20.
const MaxNewsPerPage = 20

// NewsService reads news items and the newsfeeds that show them.
type NewsService service

// ListItems returns one page of every news item, newest first (listNewsItems).
func (s *NewsService) ListItems(ctx context.Context, opts PageOptions) (*NewsItemList, error) {
	return fetchPage(ctx, s.client, call{operation: "listNewsItems", method: http.MethodGet, template: "/news/news_items",
		query: opts.values(), idempotent: true}, opts,
		func(l *NewsItemList) *PagesLink { return l.Pages })
}

// GetItem retrieves one news item (retrieveNewsItem).
func (s *NewsService) GetItem(ctx context.Context, id string) (*NewsItem, error) {
	return fetch[NewsItem](ctx, s.client, call{operation: "retrieveNewsItem", method: http.MethodGet, template: "/news/news_items/{id}",
		ids: []string{id}, idempotent: true})
}

// ListNewsfeeds returns one page of the newsfeeds (listNewsfeeds). A
// workspace has a handful, so the first page usually holds them all.
func (s *NewsService) ListNewsfeeds(ctx context.Context, opts PageOptions) (*NewsfeedList, error) {
	return fetchPage(ctx, s.client, call{operation: "listNewsfeeds", method: http.MethodGet, template: "/news/newsfeeds",
		query: opts.values(), idempotent: true}, opts,
		func(l *NewsfeedList) *PagesLink { return l.Pages })
}

// GetNewsfeed retrieves one newsfeed (retrieveNewsfeed).
func (s *NewsService) GetNewsfeed(ctx context.Context, id string) (*Newsfeed, error) {
	return fetch[Newsfeed](ctx, s.client, call{operation: "retrieveNewsfeed", method: http.MethodGet, template: "/news/newsfeeds/{id}",
		ids: []string{id}, idempotent: true})
}

// ListLiveItems returns one page of the live news items of a newsfeed, most
// recently published first (listLiveNewsfeedItems).
func (s *NewsService) ListLiveItems(ctx context.Context, newsfeedID string, opts PageOptions) (*NewsItemList, error) {
	return fetchPage(ctx, s.client, call{operation: "listLiveNewsfeedItems", method: http.MethodGet, template: "/news/newsfeeds/{id}/items",
		ids: []string{newsfeedID}, query: opts.values(), idempotent: true}, opts,
		func(l *NewsItemList) *PagesLink { return l.Pages })
}

// CreateItem writes a news item (createNewsItem); never retried.
func (s *NewsService) CreateItem(ctx context.Context, req NewsItemRequest) (*NewsItem, error) {
	return fetch[NewsItem](ctx, s.client, call{operation: "createNewsItem", method: http.MethodPost, template: "/news/news_items",
		body: req, write: true})
}

// UpdateItem changes a news item (updateNewsItem); retried.
func (s *NewsService) UpdateItem(ctx context.Context, id string, req NewsItemRequest) (*NewsItem, error) {
	return fetch[NewsItem](ctx, s.client, call{operation: "updateNewsItem", method: http.MethodPut, template: "/news/news_items/{id}",
		ids: []string{id}, body: req, idempotent: true, write: true})
}

// DeleteItem removes a news item (deleteNewsItem).
func (s *NewsService) DeleteItem(ctx context.Context, id string) (*DeletedObject, error) {
	return s.client.remove(ctx, call{operation: "deleteNewsItem", template: "/news/news_items/{id}", ids: []string{id}}, "news-item", id)
}
