package intercomsim

import (
	"cmp"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"intercom-graphql/upstream"
)

type articleRecord struct {
	seq     int64
	article upstream.Article // with its statistics, which lists leave out
	// words are the lower-case words of the title, description and body, as the search matches them.
	words, titleWords []string
	helpCenterIDs     []string // the help centers the article's parents belong to
}

func (r *articleRecord) sequence() int64 { return r.seq }

// Intercom's default page sizes of the Articles endpoints.
const (
	articlesDefaultPerPage      = 25
	articleSearchDefaultPerPage = 10
)

func listArticles(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	perPage, ok := perPageParam(w, r, r.URL.Query().Get("per_page"), articlesDefaultPerPage, upstream.MaxArticlesPerPage)
	if !ok {
		return
	}
	page, ok := pageParam(w, r, r.URL.Query().Get("page"))
	if !ok {
		return
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	all := ws.articlesByUpdate()
	items, link := pageNumberPageObject(all, page, perPage)
	out := make([]*upstream.Article, len(items))
	for i, rec := range items {
		a := rec.article
		a.Statistics = nil
		out[i] = &a
	}
	writeJSON(w, http.StatusOK, upstream.ArticleList{Type: "list", Pages: &link, TotalCount: len(all), Data: out})
}

func retrieveArticle(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	rec, ok := ws.articleByID[r.PathValue("id")]
	if !ok {
		notFound(w, r, "Article")
		return
	}
	writeJSON(w, http.StatusOK, rec.article)
}

// searchArticles matches the phrase's words against the words of each
// article's title, description and body (a phrase word matches the words
// it begins, so "invoice" finds "invoices"); every word must match. Articles
// whose title holds every word come first, then the most recently updated.
func searchArticles(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	q := r.URL.Query()
	perPage, ok := perPageParam(w, r, q.Get("per_page"), articleSearchDefaultPerPage, upstream.MaxArticleSearchPerPage)
	if !ok {
		return
	}
	page, ok := pageParam(w, r, q.Get("page"))
	if !ok {
		return
	}
	state := cmp.Or(q.Get("state"), "all")
	if state != "published" && state != "draft" && state != "all" {
		badRequest(w, r, "parameter_invalid", "state must be one of published, draft or all", "state")
		return
	}
	helpCenterID := q.Get("help_center_id")
	if _, err := strconv.ParseInt(helpCenterID, 10, 64); helpCenterID != "" && err != nil {
		badRequest(w, r, "parameter_invalid", "help_center_id must be an integer", "help_center_id")
		return
	}
	highlight := false
	if raw := q.Get("highlight"); raw != "" {
		var err error
		if highlight, err = strconv.ParseBool(raw); err != nil {
			badRequest(w, r, "parameter_invalid", "highlight must be true or false", "highlight")
			return
		}
	}
	phrase := words(q.Get("phrase"))

	ws.mu.RLock()
	defer ws.mu.RUnlock()
	type match struct {
		rec     *articleRecord
		inTitle bool
	}
	var matches []match
	for _, rec := range ws.articlesByUpdate() {
		if (state != "all" && rec.article.State != state) || (helpCenterID != "" && !slices.Contains(rec.helpCenterIDs, helpCenterID)) {
			continue
		}
		if matchesAll(rec.words, phrase) {
			matches = append(matches, match{rec, matchesAll(rec.titleWords, phrase)})
		}
	}
	slices.SortStableFunc(matches, func(a, b match) int {
		switch {
		case a.inTitle == b.inTitle:
			return 0
		case a.inTitle:
			return -1
		}
		return 1
	})
	items, link := pageNumberPageObject(matches, page, perPage)
	data := upstream.ArticleSearchData{Articles: make([]*upstream.Article, len(items)), Highlights: []*upstream.ArticleSearchHighlights{}}
	for i, m := range items {
		a := m.rec.article
		data.Articles[i] = &a
		if highlight {
			data.Highlights = append(data.Highlights, highlights(&a, phrase))
		}
	}
	writeJSON(w, http.StatusOK, upstream.ArticleSearchResponse{Type: "list", TotalCount: len(matches), Data: data, Pages: &link})
}

// articlesByUpdate lists the articles as Intercom does: most recently updated first.
func (ws *Workspace) articlesByUpdate() []*articleRecord {
	out := slices.Clone(ws.articles)
	slices.SortFunc(out, func(a, b *articleRecord) int {
		return cmp.Or(cmp.Compare(b.article.UpdatedAt, a.article.UpdatedAt), cmp.Compare(b.seq, a.seq))
	})
	return out
}

// ArticleIDs lists the ids of every article in list order.
func (ws *Workspace) ArticleIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	var ids []string
	for _, rec := range ws.articlesByUpdate() {
		ids = append(ids, rec.article.ID)
	}
	return ids
}

func indexArticle(rec *articleRecord) {
	a := &rec.article
	rec.titleWords = words(a.Title)
	rec.words = words(a.Title + " " + deref(a.Description) + " " + htmlText(deref(a.Body)))
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

var htmlTags = regexp.MustCompile(`<[^>]*>`)

// htmlText is the text of an HTML fragment, its tags read as spaces.
func htmlText(s string) string {
	return strings.Join(strings.Fields(htmlTags.ReplaceAllString(s, " ")), " ")
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// words splits text into lower-case words.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !isWordRune(r) })
}

func matchesWord(candidates []string, word string) bool {
	for _, c := range candidates {
		if strings.HasPrefix(c, word) {
			return true
		}
	}
	return false
}

func matchesAll(candidates, phrase []string) bool {
	for _, w := range phrase {
		if !matchesWord(candidates, w) {
			return false
		}
	}
	return true
}

// maxSummaryExcerpts is how many sentences of a match the highlights quote.
const maxSummaryExcerpts = 2

var sentence = regexp.MustCompile(`[^.!?]+[.!?]*`)

func highlights(a *upstream.Article, phrase []string) *upstream.ArticleSearchHighlights {
	h := &upstream.ArticleSearchHighlights{ArticleID: a.ID, HighlightedTitle: highlightRuns(a.Title, phrase), HighlightedSummary: [][]upstream.HighlightedText{}}
	// Quote sentence by sentence; a heading or a paragraph ends a sentence too.
	var sentences []string
	for _, block := range append([]string{deref(a.Description)}, htmlTags.Split(deref(a.Body), -1)...) {
		sentences = append(sentences, sentence.FindAllString(block, -1)...)
	}
	for _, s := range sentences {
		if strings.TrimSpace(s) == "" {
			continue
		}
		runs := highlightRuns(strings.TrimSpace(s), phrase)
		if len(phrase) == 0 || !slices.ContainsFunc(runs, func(t upstream.HighlightedText) bool { return t.Type == "highlight" }) {
			continue
		}
		h.HighlightedSummary = append(h.HighlightedSummary, runs)
		if len(h.HighlightedSummary) == maxSummaryExcerpts {
			break
		}
	}
	return h
}

// highlightRuns splits text into runs: the words a phrase word begins are
// highlighted, everything between them is plain.
func highlightRuns(text string, phrase []string) []upstream.HighlightedText {
	var runs []upstream.HighlightedText
	add := func(kind, s string) {
		if s == "" {
			return
		}
		if n := len(runs); n > 0 && runs[n-1].Type == kind {
			runs[n-1].Text += s
			return
		}
		runs = append(runs, upstream.HighlightedText{Type: kind, Text: s})
	}
	rs := []rune(text)
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && isWordRune(rs[j]) == isWordRune(rs[i]) {
			j++
		}
		chunk := string(rs[i:j])
		kind := "plain"
		if isWordRune(rs[i]) && matchesWordPrefix(strings.ToLower(chunk), phrase) {
			kind = "highlight"
		}
		add(kind, chunk)
		i = j
	}
	return runs
}

// matchesWordPrefix reports whether some phrase word begins word.
func matchesWordPrefix(word string, phrase []string) bool {
	for _, p := range phrase {
		if strings.HasPrefix(word, p) {
			return true
		}
	}
	return false
}
