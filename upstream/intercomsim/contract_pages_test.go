package intercomsim_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"intercom-graphql/upstream/intercomsim"
)

// pageNumberList describes a list paginated with page and per_page: the
// articles, collections and News lists. Their scenarios walk the list to its
// end the way a client does, by page number.
type pageNumberList struct {
	items          []string // where the page's items sit in the body
	defaultPerPage int
	maxPerPage     int
	// reducesLarger is set where Intercom serves a page size above the
	// maximum at the maximum instead of refusing it.
	reducesLarger bool
}

func (f *fixture) workspace() *intercomsim.Workspace { return f.sim.Workspace(intercomsim.DemoToken) }

func withQuery(target, query string) string {
	if strings.Contains(target, "?") {
		return target + "&" + query
	}
	return target + "?" + query
}

func (p *pageNumberList) scenarios(base string) []scenario {
	sc := []scenario{
		{name: "per_page=2 to the last page", targets: []string{withQuery(base, "per_page=2")}, status: http.StatusOK, walk: p.walker(base, 2)},
		{
			name: fmt.Sprintf("per_page=%d to the last page", p.maxPerPage), targets: []string{withQuery(base, fmt.Sprintf("per_page=%d", p.maxPerPage))},
			status: http.StatusOK, walk: p.walker(base, p.maxPerPage),
		},
		{name: "a page past the last", targets: []string{withQuery(base, "page=999")}, status: http.StatusOK, check: p.checkEmptyPage},
		{name: "per_page=0", targets: []string{withQuery(base, "per_page=0")}, status: http.StatusBadRequest, code: "parameter_invalid", malformed: true},
		{name: "page=0", targets: []string{withQuery(base, "page=0")}, status: http.StatusBadRequest, code: "parameter_invalid", malformed: true},
	}
	above := withQuery(base, fmt.Sprintf("per_page=%d", p.maxPerPage+1))
	if p.reducesLarger {
		sc = append(sc, scenario{name: "per_page above the maximum is reduced to it", targets: []string{above}, status: http.StatusOK,
			check: func(t testing.TB, target string, body map[string]any) {
				if got := jsonInt(dig(body, "pages", "per_page")); got != p.maxPerPage {
					t.Errorf("%s: served per_page %d, want the maximum %d", target, got, p.maxPerPage)
				}
			}})
	} else {
		sc = append(sc, scenario{name: "per_page above the maximum", targets: []string{above}, status: http.StatusBadRequest, code: "parameter_invalid", malformed: true})
	}
	return sc
}

func (p *pageNumberList) pageItems(body map[string]any) []any {
	items, _ := dig(body, p.items...).([]any)
	return items
}

// checkDefaultPage: with no page parameters, the first page at Intercom's page size.
func (p *pageNumberList) checkDefaultPage(t testing.TB, target string, body map[string]any) {
	if u, err := url.Parse(target); err != nil || u.Query().Has("page") || u.Query().Has("per_page") {
		return
	}
	total := jsonInt(body["total_count"])
	if got := jsonInt(dig(body, "pages", "per_page")); got != p.defaultPerPage {
		t.Errorf("%s: per_page %d, want Intercom's default %d", target, got, p.defaultPerPage)
	}
	if got, want := len(p.pageItems(body)), min(p.defaultPerPage, total); got != want {
		t.Errorf("%s: first page holds %d items, want %d (%d in all)", target, got, want, total)
	}
}

func (p *pageNumberList) checkEmptyPage(t testing.TB, target string, body map[string]any) {
	if n := len(p.pageItems(body)); n != 0 || dig(body, "pages", "next") != nil {
		t.Errorf("%s: %d items and next %v past the last page, want none", target, n, dig(body, "pages", "next"))
	}
}

// walker follows a list page by page, as pages.next says, checking that
// each page is the one asked for, that no item comes twice and that the
// walk ends where total_count and total_pages say.
func (p *pageNumberList) walker(base string, perPage int) func(testing.TB, exchanged, func(string) exchanged) {
	return func(t testing.TB, ex exchanged, get func(string) exchanged) {
		seen := map[any]bool{}
		count := 0
		for page := 1; ; page++ {
			if page > 1000 {
				t.Errorf("%s: the walk does not end", base)
				return
			}
			items := p.pageItems(ex.body)
			total := jsonInt(ex.body["total_count"])
			if got := jsonInt(dig(ex.body, "pages", "page")); got != page {
				t.Errorf("%s page %d says it is page %d", base, page, got)
			}
			if got := jsonInt(dig(ex.body, "pages", "per_page")); got != perPage {
				t.Errorf("%s page %d says per_page %d, asked for %d", base, page, got, perPage)
			}
			next, _ := dig(ex.body, "pages", "next").(map[string]any)
			if len(items) > perPage || (next != nil && len(items) != perPage) || (total > 0 && len(items) == 0) {
				t.Errorf("%s page %d holds %d items at per_page %d", base, page, len(items), perPage)
			}
			for _, it := range items {
				id := dig(it, "id")
				if seen[id] {
					t.Errorf("item %v served twice while paging %s", id, base)
				}
				seen[id] = true
			}
			count += len(items)
			if next == nil {
				if count != total {
					t.Errorf("walking %s to the end gave %d items, total_count says %d", base, count, total)
				}
				if tp, want := jsonInt(dig(ex.body, "pages", "total_pages")), min(total, page); tp != want {
					t.Errorf("walking %s ended on page %d, total_pages says %d", base, page, tp)
				}
				return
			}
			if jsonInt(next["page"]) != page+1 || jsonInt(next["per_page"]) != perPage {
				t.Errorf("pages.next of page %d of %s is %v, want page %d of %d", page, base, next, page+1, perPage)
			}
			target := withQuery(base, fmt.Sprintf("page=%d&per_page=%d", page+1, perPage))
			if ex = get(target); ex.status != http.StatusOK {
				t.Errorf("%s: status %d: %.300s", target, ex.status, ex.raw)
				return
			}
		}
	}
}

// articleSearchVariants are searches whose answers a reader can check.
var articleSearchVariants = []variant{
	{query: "phrase=invoice&highlight=true", check: matchesPhrase("invoice", true)},
	{query: "phrase=Welcome&state=published&highlight=true", check: matchesPhrase("welcome", true)},
	{query: "phrase=export+csv&highlight=false", check: matchesPhrase("export csv", false)},
	{query: "state=draft", check: allInState("draft")},
	{query: "state=published&help_center_id=2311", check: allInState("published")},
	{query: "phrase=zyzzyva", check: func(t testing.TB, body map[string]any) {
		if n := jsonInt(body["total_count"]); n != 0 {
			t.Errorf("a word no article holds matched %d articles", n)
		}
	}},
}

var (
	nonWord = regexp.MustCompile(`[^\pL\pN]+`)
	markup  = regexp.MustCompile(`<[^>]*>`)
)

func articleWords(a any) []string {
	text := fmt.Sprint(dig(a, "title"), " ", dig(a, "description"), " ", markup.ReplaceAllString(fmt.Sprint(dig(a, "body")), " "))
	return nonWord.Split(strings.ToLower(text), -1)
}

// matchesPhrase: every article holds a word each phrase word begins; with
// highlights, one per article, in order, marking only such words.
func matchesPhrase(phrase string, highlighted bool) func(testing.TB, map[string]any) {
	return func(t testing.TB, body map[string]any) {
		articles, _ := dig(body, "data", "articles").([]any)
		highlights, _ := dig(body, "data", "highlights").([]any)
		if len(articles) == 0 {
			t.Errorf("%q matched nothing; the seeded help center has such articles", phrase)
		}
		for _, a := range articles {
			for _, w := range strings.Fields(phrase) {
				if !hasWordStarting(articleWords(a), w) {
					t.Errorf("article %v matched %q but holds no word starting with %q", dig(a, "id"), phrase, w)
				}
			}
		}
		if !highlighted {
			if len(highlights) != 0 {
				t.Errorf("%d highlights sent without highlight=true", len(highlights))
			}
			return
		}
		if len(highlights) != len(articles) {
			t.Fatalf("%d highlights for %d articles", len(highlights), len(articles))
		}
		for i, h := range highlights {
			if dig(h, "article_id") != dig(articles[i], "id") {
				t.Errorf("highlight %d is for article %v, the article is %v", i, dig(h, "article_id"), dig(articles[i], "id"))
			}
			runs, _ := dig(h, "highlighted_title").([]any)
			summary, _ := dig(h, "highlighted_summary").([]any)
			for _, s := range summary {
				more, _ := s.([]any)
				runs = append(runs, more...)
			}
			for _, r := range runs {
				if dig(r, "type") == "highlight" && !hasWordStarting([]string{strings.ToLower(fmt.Sprint(dig(r, "text")))}, strings.Fields(phrase)...) {
					t.Errorf("article %v: %q is highlighted for %q", dig(h, "article_id"), dig(r, "text"), phrase)
				}
			}
		}
	}
}

func hasWordStarting(words []string, prefixes ...string) bool {
	for _, w := range words {
		for _, p := range prefixes {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

func allInState(state string) func(testing.TB, map[string]any) {
	return func(t testing.TB, body map[string]any) {
		articles, _ := dig(body, "data", "articles").([]any)
		if len(articles) == 0 {
			t.Errorf("no %s article matched; the seeded workspace has some", state)
		}
		for _, a := range articles {
			if dig(a, "state") != state {
				t.Errorf("state=%s returned article %v in state %v", state, dig(a, "id"), dig(a, "state"))
			}
		}
	}
}
