package loaders

import (
	"context"

	"intercom-graphql/upstream"
)

// Article loads one article with its statistics; the articles a query
// reaches in one tick are fetched together.
func (l *Loaders) Article(ctx context.Context, id string) (*upstream.Article, error) {
	return cachedFirst(ctx, l.articles, id, l.client.Articles.Get)()
}

// ArticleThunk starts loading an article and returns a function that waits for it.
func (l *Loaders) ArticleThunk(ctx context.Context, id string) func() (*upstream.Article, error) {
	return cachedFirst(ctx, l.articles, id, l.client.Articles.Get)
}

// PrimeArticle hands the loader an article that arrived whole, with its
// statistics (search results do; GET /articles does not, and is not primed).
func (l *Loaders) PrimeArticle(ctx context.Context, a *upstream.Article) {
	if a.Statistics != nil {
		l.articles.Prime(ctx, a.ID, a)
	}
}
