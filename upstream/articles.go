package upstream

import (
	"context"
	"net/http"
)

// Maximum page sizes of the Articles endpoints. The 2.10 spec states none;
// these are the limits Intercom documents for the same endpoints.
const (
	// MaxArticlesPerPage bounds GET /articles (default 25).
	MaxArticlesPerPage = 250
	// MaxArticleSearchPerPage bounds GET /articles/search (default 10).
	MaxArticleSearchPerPage = 50
)

// ArticlesService reads and searches the workspace's Help Center articles.
type ArticlesService service

// List returns one page of all articles, most recently updated first (listArticles).
func (s *ArticlesService) List(ctx context.Context, opts PageOptions) (*ArticleList, error) {
	return fetchPage(ctx, s.client, call{operation: "listArticles", method: http.MethodGet, template: "/articles",
		query: opts.values(), idempotent: true}, opts,
		func(l *ArticleList) *PagesLink { return l.Pages })
}

// Get retrieves one article with its statistics (retrieveArticle).
func (s *ArticlesService) Get(ctx context.Context, id string) (*Article, error) {
	return fetch[Article](ctx, s.client, call{operation: "retrieveArticle", method: http.MethodGet, template: "/articles/{id}",
		ids: []string{id}, idempotent: true})
}

// Search returns one page of the articles matching a phrase (searchArticles).
func (s *ArticlesService) Search(ctx context.Context, opts ArticleSearchOptions) (*ArticleSearchResponse, error) {
	q := opts.Page.values()
	if opts.Phrase != "" {
		q.Set("phrase", opts.Phrase)
	}
	if opts.State != "" {
		q.Set("state", opts.State)
	}
	if opts.HelpCenterID != "" {
		q.Set("help_center_id", opts.HelpCenterID)
	}
	if opts.Highlight {
		q.Set("highlight", "true")
	}
	return fetchPage(ctx, s.client, call{operation: "searchArticles", method: http.MethodGet, template: "/articles/search",
		query: q, idempotent: true}, opts.Page,
		func(l *ArticleSearchResponse) *PagesLink { return l.Pages })
}

// Create writes a new article (createArticle). Never retried: a retry after
// a lost answer would write the article twice.
func (s *ArticlesService) Create(ctx context.Context, req CreateArticleRequest) (*Article, error) {
	return fetch[Article](ctx, s.client, call{operation: "createArticle", method: http.MethodPost, template: "/articles", body: req, write: true})
}

// Update changes an article (updateArticle); retried, as it sets what it is given.
func (s *ArticlesService) Update(ctx context.Context, id string, req UpdateArticleRequest) (*Article, error) {
	return fetch[Article](ctx, s.client, call{operation: "updateArticle", method: http.MethodPut, template: "/articles/{id}", ids: []string{id},
		body: req, idempotent: true, write: true})
}

// Delete removes an article (deleteArticle).
func (s *ArticlesService) Delete(ctx context.Context, id string) (*DeletedObject, error) {
	return s.client.remove(ctx, call{operation: "deleteArticle", template: "/articles/{id}", ids: []string{id}}, "article", id)
}
