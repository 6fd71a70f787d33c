package loaders

import (
	"context"

	"intercom-graphql/upstream"
)

// maxNewsfeedPages stops a list whose pages never end; a workspace has a
// handful of newsfeeds, which Intercom's first page holds.
const maxNewsfeedPages = 10

// Newsfeeds is every newsfeed of the workspace, read once per operation:
// Intercom's first page, and the pages after it should there be any.
func (l *Loaders) Newsfeeds(ctx context.Context) ([]*upstream.Newsfeed, error) {
	return l.newsfeeds.get(ctx, func(ctx context.Context) ([]*upstream.Newsfeed, error) {
		list, err := l.client.News.ListNewsfeeds(ctx, upstream.PageOptions{})
		if err != nil {
			return nil, err
		}
		all := list.Data
		for page := 2; list.Pages != nil && page <= min(list.Pages.TotalPages, maxNewsfeedPages); page++ {
			next, err := l.client.News.ListNewsfeeds(ctx, upstream.PageOptions{Page: page, PerPage: list.Pages.PerPage})
			if err != nil {
				return nil, err
			}
			all = append(all, next.Data...)
		}
		return all, nil
	})
}

// Newsfeed finds one newsfeed in the workspace's list: what news items point
// at costs one call for all of them.
func (l *Loaders) Newsfeed(ctx context.Context, id string) (*upstream.Newsfeed, error) {
	all, err := l.Newsfeeds(ctx)
	if err != nil {
		return nil, err
	}
	return findByID(all, id, "Newsfeed", func(f *upstream.Newsfeed) string { return f.ID })
}

// NewsfeedThunk starts loading one newsfeed by id, as a client asked for it,
// and returns a function that waits for it.
func (l *Loaders) NewsfeedThunk(ctx context.Context, id string) func() (*upstream.Newsfeed, error) {
	return l.newsfeedByID.Load(ctx, id)
}

// NewsItemThunk starts loading a news item and returns a function that waits for it.
func (l *Loaders) NewsItemThunk(ctx context.Context, id string) func() (*upstream.NewsItem, error) {
	return l.newsItems.Load(ctx, id)
}

// PrimeNewsItem hands the loader a news item that arrived in a list, whole.
func (l *Loaders) PrimeNewsItem(ctx context.Context, item *upstream.NewsItem) {
	l.newsItems.Prime(ctx, item.ID, item)
}
