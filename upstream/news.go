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
	var out NewsItemList
	cl := call{operation: "listNewsItems", method: http.MethodGet, template: "/news/news_items", path: "/news/news_items",
		query: opts.values(), idempotent: true}
	if err := s.client.do(ctx, cl, &out); err != nil {
		return &out, err
	}
	return &out, checkPage(cl.operation, opts, out.Pages)
}

// GetItem retrieves one news item (retrieveNewsItem).
func (s *NewsService) GetItem(ctx context.Context, id string) (*NewsItem, error) {
	var out NewsItem
	err := s.client.do(ctx, call{operation: "retrieveNewsItem", method: http.MethodGet, template: "/news/news_items/{id}",
		path: pathf("/news/news_items/%s", id), idempotent: true}, &out)
	return &out, err
}

// ListNewsfeeds returns one page of the newsfeeds (listNewsfeeds). A
// workspace has a handful, so the first page usually holds them all.
func (s *NewsService) ListNewsfeeds(ctx context.Context, opts PageOptions) (*NewsfeedList, error) {
	var out NewsfeedList
	cl := call{operation: "listNewsfeeds", method: http.MethodGet, template: "/news/newsfeeds", path: "/news/newsfeeds",
		query: opts.values(), idempotent: true}
	if err := s.client.do(ctx, cl, &out); err != nil {
		return &out, err
	}
	return &out, checkPage(cl.operation, opts, out.Pages)
}

// GetNewsfeed retrieves one newsfeed (retrieveNewsfeed).
func (s *NewsService) GetNewsfeed(ctx context.Context, id string) (*Newsfeed, error) {
	var out Newsfeed
	err := s.client.do(ctx, call{operation: "retrieveNewsfeed", method: http.MethodGet, template: "/news/newsfeeds/{id}",
		path: pathf("/news/newsfeeds/%s", id), idempotent: true}, &out)
	return &out, err
}

// ListLiveItems returns one page of the live news items of a newsfeed, most
// recently published first (listLiveNewsfeedItems).
func (s *NewsService) ListLiveItems(ctx context.Context, newsfeedID string, opts PageOptions) (*NewsItemList, error) {
	var out NewsItemList
	cl := call{operation: "listLiveNewsfeedItems", method: http.MethodGet, template: "/news/newsfeeds/{id}/items",
		path: pathf("/news/newsfeeds/%s/items", newsfeedID), query: opts.values(), idempotent: true}
	if err := s.client.do(ctx, cl, &out); err != nil {
		return &out, err
	}
	return &out, checkPage(cl.operation, opts, out.Pages)
}

// CreateItem writes a news item (createNewsItem); never retried.
func (s *NewsService) CreateItem(ctx context.Context, req NewsItemRequest) (*NewsItem, error) {
	var out NewsItem
	err := s.client.do(ctx, call{operation: "createNewsItem", method: http.MethodPost, template: "/news/news_items", path: "/news/news_items",
		body: req, write: true}, &out)
	return &out, err
}

// UpdateItem changes a news item (updateNewsItem); retried.
func (s *NewsService) UpdateItem(ctx context.Context, id string, req NewsItemRequest) (*NewsItem, error) {
	var out NewsItem
	err := s.client.do(ctx, call{operation: "updateNewsItem", method: http.MethodPut, template: "/news/news_items/{id}",
		path: pathf("/news/news_items/%s", id), body: req, idempotent: true, write: true}, &out)
	return &out, err
}

// DeleteItem removes a news item (deleteNewsItem).
func (s *NewsService) DeleteItem(ctx context.Context, id string) (*DeletedObject, error) {
	return s.client.remove(ctx, call{operation: "deleteNewsItem", template: "/news/news_items/{id}", path: pathf("/news/news_items/%s", id)}, "news-item", id)
}
