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
	var out ArticleList
	cl := call{operation: "listArticles", method: http.MethodGet, template: "/articles", path: "/articles", query: opts.values(), idempotent: true}
	if err := s.client.do(ctx, cl, &out); err != nil {
		return &out, err
	}
	return &out, checkPage(cl.operation, opts, out.Pages)
}

// Get retrieves one article with its statistics (retrieveArticle).
func (s *ArticlesService) Get(ctx context.Context, id string) (*Article, error) {
	var out Article
	err := s.client.do(ctx, call{operation: "retrieveArticle", method: http.MethodGet, template: "/articles/{id}", path: pathf("/articles/%s", id), idempotent: true}, &out)
	return &out, err
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
	var out ArticleSearchResponse
	cl := call{operation: "searchArticles", method: http.MethodGet, template: "/articles/search", path: "/articles/search", query: q, idempotent: true}
	if err := s.client.do(ctx, cl, &out); err != nil {
		return &out, err
	}
	return &out, checkPage(cl.operation, opts.Page, out.Pages)
}

// Create writes a new article (createArticle). Never retried: a retry after
// a lost answer would write the article twice.
func (s *ArticlesService) Create(ctx context.Context, req CreateArticleRequest) (*Article, error) {
	var out Article
	err := s.client.do(ctx, call{operation: "createArticle", method: http.MethodPost, template: "/articles", path: "/articles", body: req, write: true}, &out)
	return &out, err
}

// Update changes an article (updateArticle); retried, as it sets what it is given.
func (s *ArticlesService) Update(ctx context.Context, id string, req UpdateArticleRequest) (*Article, error) {
	var out Article
	err := s.client.do(ctx, call{operation: "updateArticle", method: http.MethodPut, template: "/articles/{id}", path: pathf("/articles/%s", id),
		body: req, idempotent: true, write: true}, &out)
	return &out, err
}

// Delete removes an article (deleteArticle).
func (s *ArticlesService) Delete(ctx context.Context, id string) (*DeletedObject, error) {
	return s.client.remove(ctx, call{operation: "deleteArticle", template: "/articles/{id}", path: pathf("/articles/%s", id)}, "article", id)
}
