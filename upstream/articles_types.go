package upstream

// Article is a Help Center article. GET /articles/{id} and the search send its
// statistics; GET /articles leaves them out (Statistics is nil there).
type Article struct {
	Type        string  `json:"type"`
	ID          string  `json:"id"`
	WorkspaceID string  `json:"workspace_id"`
	Title       string  `json:"title"`
	Description *string `json:"description"`
	Body        *string `json:"body"`
	// AuthorID is an admin's id: the author of the default locale's content.
	AuthorID  int64     `json:"author_id"`
	State     string    `json:"state"`
	CreatedAt Timestamp `json:"created_at"`
	UpdatedAt Timestamp `json:"updated_at"`
	URL       *string   `json:"url"`
	// ParentID is the collection or section the article sits in; nil for an
	// article that stands alone.
	ParentID *int64 `json:"parent_id"`
	// ParentIDs lists every collection or section holding the article: one per
	// help center it appears in.
	ParentIDs  []int64 `json:"parent_ids"`
	ParentType *string `json:"parent_type"`
	// DefaultLocale is sent for articles of multilingual help centers only.
	DefaultLocale     string                    `json:"default_locale,omitempty"`
	TranslatedContent *ArticleTranslatedContent `json:"translated_content"`
	Statistics        *ArticleStatistics        `json:"statistics,omitempty"`
}

// ArticleContent is an article's content in one locale.
type ArticleContent struct {
	Type        *string   `json:"type"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	Body        string    `json:"body"`
	AuthorID    int64     `json:"author_id"`
	State       string    `json:"state"`
	CreatedAt   Timestamp `json:"created_at"`
	UpdatedAt   Timestamp `json:"updated_at"`
	URL         string    `json:"url"`
}

// ArticleStatistics are an article's views, reactions and the conversations
// it started.
type ArticleStatistics struct {
	Type        string `json:"type"`
	Views       int    `json:"views"`
	Conversions int    `json:"conversions"`
	// Conversations is the same count under the name the spec's own examples
	// (recorded from Intercom) use; read when conversions is absent.
	Conversations             *int    `json:"conversations,omitempty"`
	Reactions                 int     `json:"reactions"`
	HappyReactionPercentage   float64 `json:"happy_reaction_percentage"`
	NeutralReactionPercentage float64 `json:"neutral_reaction_percentage"`
	SadReactionPercentage     float64 `json:"sad_reaction_percentage"`
}

// ConversationsStarted is the number of conversations started from the
// article, whichever name Intercom sent it under.
func (s *ArticleStatistics) ConversationsStarted() int {
	if s.Conversions == 0 && s.Conversations != nil {
		return *s.Conversations
	}
	return s.Conversions
}

// ArticleList is the body of GET /articles.
type ArticleList struct {
	Type       string     `json:"type"`
	Pages      *PagesLink `json:"pages"`
	TotalCount int        `json:"total_count"`
	Data       []*Article `json:"data"`
}

// ArticleSearchResponse is the body of GET /articles/search.
type ArticleSearchResponse struct {
	Type       string            `json:"type"`
	TotalCount int               `json:"total_count"`
	Data       ArticleSearchData `json:"data"`
	Pages      *PagesLink        `json:"pages"`
}

// ArticleSearchData holds the matching articles and, when asked for, where
// the phrase occurs in each.
type ArticleSearchData struct {
	Articles   []*Article                 `json:"articles"`
	Highlights []*ArticleSearchHighlights `json:"highlights"`
}

// ArticleSearchHighlights shows where the phrase occurs in one article.
type ArticleSearchHighlights struct {
	ArticleID        string            `json:"article_id"`
	HighlightedTitle []HighlightedText `json:"highlighted_title"`
	// HighlightedSummary holds excerpts of the description and body, each
	// split into plain and highlighted runs.
	HighlightedSummary [][]HighlightedText `json:"highlighted_summary"`
}

// HighlightedText is a run of text that matches the phrase ("highlight") or
// does not ("plain").
type HighlightedText struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

// ArticleSearchOptions are the filters of GET /articles/search.
type ArticleSearchOptions struct {
	Phrase string
	// State is published, draft or all; "" leaves Intercom's default.
	State string
	// HelpCenterID limits the search to one help center; "" searches them all.
	HelpCenterID string
	// Highlight asks for the highlights of every match.
	Highlight bool
	Page      PageOptions
}

// ArticleContentRequest is an article's content in one locale, as a create
// or update request sends it.
type ArticleContentRequest struct {
	Title       string  `json:"title"`
	Description *string `json:"description,omitempty"`
	Body        *string `json:"body,omitempty"`
	AuthorID    *int64  `json:"author_id,omitempty"`
	State       string  `json:"state,omitempty"`
}

// ArticleTranslationsRequest is the translated_content of an article request.
type ArticleTranslationsRequest = TranslatedContent[ArticleContentRequest]

// CreateArticleRequest is the body of POST /articles (create_article_request).
type CreateArticleRequest struct {
	Title       string  `json:"title"`
	Description *string `json:"description,omitempty"`
	Body        *string `json:"body,omitempty"`
	AuthorID    int64   `json:"author_id"`
	// State is published or draft; Intercom makes a draft when it is left out.
	State string `json:"state,omitempty"`
	// ParentID is the collection or section to file the article in; an
	// article without one stands alone.
	ParentID          *int64                      `json:"parent_id,omitempty"`
	ParentType        string                      `json:"parent_type,omitempty"`
	TranslatedContent *ArticleTranslationsRequest `json:"translated_content,omitempty"`
}

// UpdateArticleRequest is the body of PUT /articles/{id}
// (update_article_request): what is left out stays as it is. Unlike the
// create request, it carries the parent's id as a string.
type UpdateArticleRequest struct {
	Title             *string                     `json:"title,omitempty"`
	Description       *string                     `json:"description,omitempty"`
	Body              *string                     `json:"body,omitempty"`
	AuthorID          *int64                      `json:"author_id,omitempty"`
	State             string                      `json:"state,omitempty"`
	ParentID          *string                     `json:"parent_id,omitempty"`
	ParentType        string                      `json:"parent_type,omitempty"`
	TranslatedContent *ArticleTranslationsRequest `json:"translated_content,omitempty"`
}
