package graph

import (
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream"
)

// articleMatch is one search result with where the phrase occurs in it.
type articleMatch struct {
	article   *upstream.Article
	highlight *upstream.ArticleSearchHighlights
}

// articleMatches pairs the articles of a search answer with their
// highlights, which Intercom sends in a separate list keyed by article id.
func articleMatches(res *upstream.ArticleSearchResponse) []articleMatch {
	byArticle := map[string]*upstream.ArticleSearchHighlights{}
	for _, h := range res.Data.Highlights {
		if h != nil {
			byArticle[h.ArticleID] = h
		}
	}
	out := make([]articleMatch, len(res.Data.Articles))
	for i, a := range res.Data.Articles {
		out[i] = articleMatch{article: a, highlight: byArticle[a.ID]}
	}
	return out
}

func articleTranslations(a *upstream.Article) []*model.ArticleTranslation {
	out := []*model.ArticleTranslation{}
	for _, t := range defaultFirst(a.TranslatedContent.Translations(), a.DefaultLocale) {
		out = append(out, &model.ArticleTranslation{Locale: t.Locale, ArticleContent: t.Content})
	}
	return out
}

func articleConnection(p *relay.Page[*upstream.Article]) *model.ArticleConnection {
	return &model.ArticleConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.Article) *model.ArticleEdge { return &model.ArticleEdge{Cursor: c, Node: n} }),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

func articleSearchConnection(p *relay.Page[articleMatch]) *model.ArticleSearchConnection {
	nodes := make([]*upstream.Article, len(p.Nodes))
	for i, m := range p.Nodes {
		nodes[i] = m.article
	}
	return &model.ArticleSearchConnection{
		Edges: relay.Edges(p, func(c string, m articleMatch) *model.ArticleSearchEdge {
			return &model.ArticleSearchEdge{Cursor: c, Node: m.article, Highlight: m.highlight}
		}),
		Nodes: nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}
