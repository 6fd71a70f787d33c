package intercomsim

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"intercom-graphql/upstream"
)

// articleBody is what createArticle and updateArticle read: create takes the
// parent's id as an integer, update as a string, so it is read as either.
type articleBody struct {
	Title             *string                              `json:"title"`
	Description       *string                              `json:"description"`
	Body              *string                              `json:"body"`
	AuthorID          *int64                               `json:"author_id"`
	State             *string                              `json:"state"`
	ParentID          *flexibleID                          `json:"parent_id"`
	ParentType        *string                              `json:"parent_type"`
	TranslatedContent *upstream.ArticleTranslationsRequest `json:"translated_content"`
}

// flexibleID is an id sent as a JSON number or string.
type flexibleID string

func (f *flexibleID) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if _, err := strconv.ParseInt(s, 10, 64); err != nil {
		return fmt.Errorf("%s is not an integer id", b)
	}
	*f = flexibleID(s)
	return nil
}

// articleChange is a checked article request, ready to apply.
type articleChange struct {
	body   articleBody
	parent *collectionRecord // nil when the request leaves the parent alone
}

// checkArticle validates what an article request asks against the
// workspace; it answers the refusal itself.
func (ws *Workspace) checkArticle(w http.ResponseWriter, r *http.Request, b articleBody) (articleChange, bool) {
	ch := articleChange{body: b}
	if b.State != nil && *b.State != "published" && *b.State != "draft" {
		invalid(w, r, "state", "state must be published or draft")
		return ch, false
	}
	if b.AuthorID != nil {
		if _, ok := ws.adminByID[strconv.FormatInt(*b.AuthorID, 10)]; !ok {
			invalid(w, r, "author_id", "author_id must be a teammate of the workspace")
			return ch, false
		}
	}
	for _, t := range b.TranslatedContent.Translations() {
		c := t.Content
		if c.AuthorID != nil {
			if _, ok := ws.adminByID[strconv.FormatInt(*c.AuthorID, 10)]; !ok {
				invalid(w, r, "translated_content."+t.Locale+".author_id", "author_id must be a teammate of the workspace")
				return ch, false
			}
		}
		if c.State != "" && c.State != "published" && c.State != "draft" {
			invalid(w, r, "translated_content."+t.Locale+".state", "state must be published or draft")
			return ch, false
		}
	}
	if b.ParentID != nil {
		parent, ok := ws.collectionByID[string(*b.ParentID)]
		if !ok {
			invalid(w, r, "parent_id", "parent_id %s is not a collection or section of the workspace", *b.ParentID)
			return ch, false
		}
		if b.ParentType != nil && *b.ParentType != parentTypeOf(parent) {
			invalid(w, r, "parent_type", "collection %s is a %s, not a %s", parent.collection.ID, parentTypeOf(parent), *b.ParentType)
			return ch, false
		}
		ch.parent = parent
	} else if b.ParentType != nil {
		invalid(w, r, "parent_type", "parent_type needs a parent_id")
		return ch, false
	}
	return ch, true
}

func parentTypeOf(c *collectionRecord) string {
	if c.depth > 0 {
		return "section"
	}
	return "collection"
}

// createArticle serves POST /articles: a title and an author (in the body or
// in the default locale's translated content) are required.
func createArticle(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b articleBody
	if !readBody(w, r, &b) {
		return
	}
	if en := b.TranslatedContent.Get("en"); b.AuthorID == nil && en != nil && en.AuthorID != nil {
		b.AuthorID = en.AuthorID
	}
	switch {
	case b.Title == nil || strings.TrimSpace(*b.Title) == "":
		missing(w, r, "title")
		return
	case b.AuthorID == nil:
		writeError(w, requestIDFrom(r), http.StatusBadRequest, "parameter_not_found",
			"author_id must be in the main body or default locale translated_content object", "author_id")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	ch, ok := ws.checkArticle(w, r, b)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, ws.applyCreateArticle(ch))
}

// applyCreateArticle files a new article: it shows in lists (most recently
// updated first) and searches at once.
func (ws *Workspace) applyCreateArticle(ch articleChange) upstream.Article {
	now := ws.nowStamp()
	rec := &articleRecord{seq: ws.nextSeq()}
	rec.article = upstream.Article{
		Type: "article", ID: nextNumericID(ws.articleByID, 8_100_000), WorkspaceID: ws.app.IDCode,
		State: "draft", CreatedAt: now, ParentIDs: []int64{},
		Statistics: &upstream.ArticleStatistics{Type: "article_statistics"},
	}
	ws.changeArticle(rec, ch, now)
	ws.articles = append(ws.articles, rec)
	ws.articleByID[rec.article.ID] = rec
	ws.notifyArticle("article.created", rec)
	if rec.article.State == "published" {
		ws.notifyArticle("article.published", rec)
	}
	return rec.article
}

// changeArticle applies a checked request to an article record.
func (ws *Workspace) changeArticle(rec *articleRecord, ch articleChange, now upstream.Timestamp) {
	a, b := &rec.article, ch.body
	if b.Title != nil {
		a.Title = *b.Title
	}
	if b.Description != nil {
		a.Description = ptr(*b.Description)
	}
	if b.Body != nil {
		a.Body = ptr(articleHTML(*b.Body))
	}
	if b.AuthorID != nil {
		a.AuthorID = *b.AuthorID
	}
	if b.State != nil {
		a.State = *b.State
	}
	if ch.parent != nil {
		id := mustInt(ch.parent.collection.ID)
		a.ParentID, a.ParentType, a.ParentIDs = &id, ptr(parentTypeOf(ch.parent)), []int64{id}
		rec.helpCenterIDs = []string{ws.helpCenters[ch.parent.helpCenter].ID}
	}
	a.UpdatedAt = now
	home := helpCenterSeeds[0]
	multilingual := false
	if ch.parent != nil {
		home = helpCenterSeeds[ch.parent.helpCenter]
		multilingual = home.multilingual
	}
	a.URL = nil
	if a.State == "published" {
		a.URL = ptr(fmt.Sprintf("%s/en/articles/%s-%s", home.url, a.ID, slug(a.Title)))
	}
	if multilingual || b.TranslatedContent != nil || a.TranslatedContent != nil {
		ws.translateArticle(a, b.TranslatedContent, home, now)
	}
	indexArticle(rec)
}

// translateArticle keeps an article's translated content in step: the
// default locale mirrors the top-level fields, and the locales a request
// sends replace what they had.
func (ws *Workspace) translateArticle(a *upstream.Article, sent *upstream.ArticleTranslationsRequest, home helpCenterSeed, now upstream.Timestamp) {
	if a.TranslatedContent == nil {
		a.TranslatedContent = &upstream.ArticleTranslatedContent{Type: ptr("article_translated_content")}
	}
	a.DefaultLocale = "en"
	for _, t := range sent.Translations() {
		c := t.Content
		if t.Locale == "en" {
			continue // the top-level fields are the default locale's
		}
		content := a.TranslatedContent.Get(t.Locale)
		if content == nil {
			content = &upstream.ArticleContent{Type: ptr("article_content"), AuthorID: a.AuthorID, State: "draft", CreatedAt: now}
		}
		content.Title = c.Title
		if c.Description != nil {
			content.Description = *c.Description
		}
		if c.Body != nil {
			content.Body = articleHTML(*c.Body)
		}
		if c.AuthorID != nil {
			content.AuthorID = *c.AuthorID
		}
		if c.State != "" {
			content.State = c.State
		}
		content.UpdatedAt = now
		content.URL = fmt.Sprintf("%s/%s/articles/%s-%s", home.url, strings.ToLower(t.Locale), a.ID, slug(c.Title))
		a.TranslatedContent.Set(t.Locale, content)
	}
	en := a.TranslatedContent.Get("en")
	if en == nil {
		en = &upstream.ArticleContent{Type: ptr("article_content"), CreatedAt: a.CreatedAt}
	}
	en.Title, en.Description, en.Body, en.AuthorID, en.State, en.UpdatedAt = a.Title, deref(a.Description), deref(a.Body), a.AuthorID, a.State, a.UpdatedAt
	en.URL = deref(a.URL)
	a.TranslatedContent.Set("en", en)
}

// articleHTML is how the Help Center stores a body: HTML as given, plain
// text in a paragraph.
func articleHTML(body string) string {
	if body == "" || strings.HasPrefix(strings.TrimSpace(body), "<") {
		return body
	}
	return `<p class="no-margin">` + body + `</p>`
}

// updateArticle serves PUT /articles/{id}: what the request leaves out stays.
func updateArticle(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b articleBody
	if !readBody(w, r, &b) {
		return
	}
	if b.Title != nil && strings.TrimSpace(*b.Title) == "" {
		invalid(w, r, "title", "title cannot be empty")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.articleByID[r.PathValue("id")]
	if !ok {
		resourceNotFound(w, r, "")
		return
	}
	ch, ok := ws.checkArticle(w, r, b)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, ws.applyUpdateArticle(rec, ch))
}

func (ws *Workspace) applyUpdateArticle(rec *articleRecord, ch articleChange) upstream.Article {
	if ch.parent == nil && len(rec.article.ParentIDs) > 0 {
		ch.parent = ws.collectionByID[strconv.FormatInt(rec.article.ParentIDs[0], 10)]
	}
	was := rec.article.State
	ws.changeArticle(rec, ch, ws.nowStamp())
	ws.notifyArticle("article.updated", rec)
	switch {
	case was != "published" && rec.article.State == "published":
		ws.notifyArticle("article.published", rec)
	case was == "published" && rec.article.State != "published":
		ws.notifyArticle("article.unpublished", rec)
	}
	return rec.article
}

func (ws *Workspace) notifyArticle(topic string, rec *articleRecord) {
	ws.notify(topic, func() any { return rec.article })
}

// deleteArticle serves DELETE /articles/{id}.
func deleteArticle(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.articleByID[r.PathValue("id")]
	if !ok {
		resourceNotFound(w, r, "")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyDeleteArticle(rec))
}

// applyDeleteArticle removes an article: later reads of it are 404s.
func (ws *Workspace) applyDeleteArticle(rec *articleRecord) upstream.DeletedObject {
	ws.articles = slices.DeleteFunc(ws.articles, func(a *articleRecord) bool { return a == rec })
	delete(ws.articleByID, rec.article.ID)
	ws.notify("article.deleted", func() any { return map[string]any{"type": "article", "id": rec.article.ID} })
	return upstream.DeletedObject{ID: rec.article.ID, Object: "article", Deleted: true}
}

// nextNumericID is one more than the largest numeric id of a kind (at least floor).
func nextNumericID[V any](byID map[string]V, floor int64) string {
	next := floor
	for id := range byID {
		if n, err := strconv.ParseInt(id, 10, 64); err == nil && n >= next {
			next = n + 1
		}
	}
	return strconv.FormatInt(next, 10)
}
