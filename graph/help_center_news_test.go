package graph_test

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// Two workspaces for the Help Center and News: the demo's sizes, which are
// multiples of the page sizes, and sizes that are not.
var (
	helpDemoSizes = intercomsim.Sizes{Admins: 6, Teams: 2, Collections: 24, Articles: 120, NewsItems: 40}
	helpOddSizes  = intercomsim.Sizes{Admins: 5, Teams: 2, Collections: 17, Articles: 83, NewsItems: 57}
)

// welcomeArticle is the seed's first article: the help center's welcome
// page, written in every locale the Help Center supports.
const welcomeArticle = "8100000"

func newHelpFacade(t *testing.T, sizes intercomsim.Sizes) (*facadetest.Facade, *intercomsim.Workspace) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Seed: 5, Sizes: sizes}, MaxQueryCost: 100_000})
	return f, f.Sim.Workspace(intercomsim.DemoToken)
}

// connectionPage selects what walk and walkBack read of a connection.
const connectionPage = `totalCount edges { cursor node { intercomId } } nodes { intercomId }
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`

func forwardQuery(field string) string {
	return fmt.Sprintf(`query($first: Int, $after: String) { %s(first: $first, after: $after) { %s } }`, field, connectionPage)
}

func backwardQuery(field string) string {
	return fmt.Sprintf(`query($last: Int, $before: String) { %s(last: $last, before: $before) { %s } }`, field, connectionPage)
}

// walkBack follows a connection with last/before to its start and returns
// the intercomIds in list order, checking pageInfo and totalCount on the way.
func walkBack(t *testing.T, f *facadetest.Facade, query string, path []any, last int, vars map[string]any) (ids []string, upstreamCalls int64) {
	t.Helper()
	before := f.Sim.Calls()
	var cursor any
	total := -1
	for page := 0; ; page++ {
		if page > 10_000 {
			t.Fatal("backward walk does not end")
		}
		v := map[string]any{"last": last, "before": cursor}
		for k, x := range vars {
			v[k] = x
		}
		conn := facadetest.Dig(f.Query(query, v).MustData(t), path...)
		nodes, _ := facadetest.Dig(conn, "nodes").([]any)
		edges, _ := facadetest.Dig(conn, "edges").([]any)
		if len(edges) != len(nodes) {
			t.Fatalf("page %d: %d edges but %d nodes", page, len(edges), len(nodes))
		}
		batch := make([]string, len(nodes))
		for i, n := range nodes {
			batch[i] = facadetest.Str(facadetest.Dig(n, "intercomId"))
		}
		ids = append(batch, ids...)
		pageTotal := int(facadetest.Dig(conn, "totalCount").(float64))
		if total >= 0 && pageTotal != total {
			t.Fatalf("totalCount changed from %d to %d", total, pageTotal)
		}
		total = pageTotal
		if hasNext := facadetest.Dig(conn, "pageInfo", "hasNextPage").(bool); hasNext != (page > 0) {
			t.Fatalf("page %d from the end: hasNextPage = %v", page, hasNext)
		}
		if !facadetest.Dig(conn, "pageInfo", "hasPreviousPage").(bool) {
			if len(ids) != total {
				t.Fatalf("backward walk saw %d items but totalCount is %d", len(ids), total)
			}
			return ids, f.Sim.Calls() - before
		}
		if len(nodes) != last {
			t.Fatalf("page %d from the end has %d items but hasPreviousPage is true", page, len(nodes))
		}
		cursor = facadetest.Dig(conn, "pageInfo", "startCursor")
	}
}

// pagesOf is how many pages of size n a list of total items has.
func pagesOf(total, n int) int64 { return int64(max((total+n-1)/n, 1)) }

func TestArticlesAndCollectionsWalkBothWaysAtOneCallPerPage(t *testing.T) {
	for name, sizes := range map[string]intercomsim.Sizes{"demo sizes": helpDemoSizes, "odd sizes": helpOddSizes} {
		t.Run(name, func(t *testing.T) {
			f, ws := newHelpFacade(t, sizes)
			lists := []struct {
				field string
				want  []string
			}{{"articles", ws.ArticleIDs()}, {"collections", ws.CollectionIDs()}}
			for _, l := range lists {
				for _, n := range []int{7, 20, 100} {
					ids, calls := walk(t, f, forwardQuery(l.field), []any{l.field}, n)
					assertInOrder(t, fmt.Sprintf("%s forward by %d", l.field, n), ids, l.want)
					if want := pagesOf(len(l.want), n); calls != want {
						t.Errorf("%s forward by %d: %d pages cost %d upstream calls, want one a page", l.field, n, want, calls)
					}
					ids, _ = walkBack(t, f, backwardQuery(l.field), []any{l.field}, n, nil)
					assertInOrder(t, fmt.Sprintf("%s backward by %d", l.field, n), ids, l.want)
				}
			}
		})
	}
}

func TestNewsItemsWalkBothWays(t *testing.T) {
	for name, sizes := range map[string]intercomsim.Sizes{"demo sizes": helpDemoSizes, "odd sizes": helpOddSizes} {
		t.Run(name, func(t *testing.T) {
			f, ws := newHelpFacade(t, sizes)
			want := ws.NewsItemIDs()
			for _, n := range []int{7, 20, 100} {
				ids, calls := walk(t, f, forwardQuery("newsItems"), []any{"newsItems"}, n)
				assertInOrder(t, fmt.Sprintf("news items forward by %d", n), ids, want)
				// Intercom serves at most 20 news items a call.
				if perCall := min(n, 20); calls != pagesOf(len(want), perCall) {
					t.Errorf("news items forward by %d: %d upstream calls, want %d (%d a call)", n, calls, pagesOf(len(want), perCall), perCall)
				}
				ids, _ = walkBack(t, f, backwardQuery("newsItems"), []any{"newsItems"}, n, nil)
				assertInOrder(t, fmt.Sprintf("news items backward by %d", n), ids, want)
			}
		})
	}
}

func TestNewsfeedItemsWalkBothWays(t *testing.T) {
	for name, sizes := range map[string]intercomsim.Sizes{"demo sizes": helpDemoSizes, "odd sizes": helpOddSizes} {
		t.Run(name, func(t *testing.T) {
			f, ws := newHelpFacade(t, sizes)
			for _, feed := range ws.NewsfeedIDs() {
				want := ws.LiveNewsfeedItemIDs(feed)
				vars := map[string]any{"feed": feed}
				forward := `query($feed: String!, $first: Int, $after: String) { newsfeed(intercomId: $feed) { items(first: $first, after: $after) { ` + connectionPage + ` } } }`
				backward := `query($feed: String!, $last: Int, $before: String) { newsfeed(intercomId: $feed) { items(last: $last, before: $before) { ` + connectionPage + ` } } }`
				for _, n := range []int{7, 20} {
					ids := walkWith(t, f, forward, []any{"newsfeed", "items"}, n, vars)
					assertInOrder(t, fmt.Sprintf("newsfeed %s forward by %d", feed, n), ids, want)
					ids, _ = walkBack(t, f, backward, []any{"newsfeed", "items"}, n, vars)
					assertInOrder(t, fmt.Sprintf("newsfeed %s backward by %d", feed, n), ids, want)
				}
			}
		})
	}
}

// walkWith is walk for a connection whose query takes further variables.
func walkWith(t *testing.T, f *facadetest.Facade, query string, path []any, first int, vars map[string]any) []string {
	t.Helper()
	var ids []string
	var after any
	for page := 0; page < 10_000; page++ {
		v := map[string]any{"first": first, "after": after}
		for k, x := range vars {
			v[k] = x
		}
		conn := facadetest.Dig(f.Query(query, v).MustData(t), path...)
		for _, n := range facadetest.Dig(conn, "nodes").([]any) {
			ids = append(ids, facadetest.Str(facadetest.Dig(n, "intercomId")))
		}
		if hasPrev := facadetest.Dig(conn, "pageInfo", "hasPreviousPage").(bool); hasPrev != (page > 0) {
			t.Fatalf("page %d: hasPreviousPage = %v", page, hasPrev)
		}
		if !facadetest.Dig(conn, "pageInfo", "hasNextPage").(bool) {
			if total := int(facadetest.Dig(conn, "totalCount").(float64)); total != len(ids) {
				t.Fatalf("walk saw %d items but totalCount is %d", len(ids), total)
			}
			return ids
		}
		after = facadetest.Dig(conn, "pageInfo", "endCursor")
	}
	t.Fatal("walk does not end")
	return nil
}

func TestHelpCentersAndNewsfeedsAreReadOncePerQuery(t *testing.T) {
	f, ws := newHelpFacade(t, helpOddSizes)
	for _, l := range []struct {
		field string
		want  []string
	}{{"helpCenters", ws.HelpCenterIDs()}, {"newsfeeds", ws.NewsfeedIDs()}} {
		for _, n := range []int{1, 2, 100} {
			ids, calls := walk(t, f, forwardQuery(l.field), []any{l.field}, n)
			assertInOrder(t, l.field+" forward", ids, l.want)
			if calls != pagesOf(len(l.want), n) {
				t.Errorf("%s by %d: %d upstream calls for %d pages, want one a page", l.field, n, calls, pagesOf(len(l.want), n))
			}
			ids, _ = walkBack(t, f, backwardQuery(l.field), []any{l.field}, n, nil)
			assertInOrder(t, l.field+" backward", ids, l.want)
		}
	}
	// What news items and collections point at comes from the same lists: one call each for the whole query.
	before := f.Sim.Calls()
	data := f.Query(`{ newsItems(first: 20) { nodes { sender { name } newsfeedAssignments { newsfeed { name } publishedAt } } } }`, nil).MustData(t)
	if calls := f.Sim.Calls() - before; calls != 3 {
		t.Errorf("20 news items with their senders and newsfeeds cost %d upstream calls, want 3 (items, admins, newsfeeds)", calls)
	}
	assigned := 0
	for _, n := range facadetest.Dig(data, "newsItems", "nodes").([]any) {
		for _, a := range facadetest.Dig(n, "newsfeedAssignments").([]any) {
			if facadetest.Str(facadetest.Dig(a, "newsfeed", "name")) == "" || facadetest.Str(facadetest.Dig(a, "publishedAt")) == "" {
				t.Errorf("a newsfeed assignment did not resolve: %v", a)
			}
			assigned++
		}
	}
	if assigned == 0 {
		t.Error("no news item of the first page is assigned to a newsfeed")
	}
}

// articleWords are the lower-case words of an article's title, description and body.
func articleWords(a any) []string {
	text := fmt.Sprint(facadetest.Dig(a, "title"), " ", facadetest.Dig(a, "description"), " ", regexp.MustCompile(`<[^>]*>`).ReplaceAllString(facadetest.Str(facadetest.Dig(a, "body")), " "))
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127) })
}

func holdsEveryWord(words []string, phrase string) bool {
	for _, p := range strings.Fields(strings.ToLower(phrase)) {
		if !slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, p) }) {
			return false
		}
	}
	return true
}

// allArticles reads every article with what a search looks at.
func allArticles(t *testing.T, f *facadetest.Facade) []any {
	var out []any
	var after any
	for {
		data := f.Query(`query($after: String) { articles(first: 100, after: $after) {
		  nodes { intercomId title description body state helpCenter { id } parents { nodes { helpCenter { id } } } }
		  pageInfo { hasNextPage endCursor } } }`, map[string]any{"after": after}).MustData(t)
		out = append(out, facadetest.Dig(data, "articles", "nodes").([]any)...)
		if !facadetest.Dig(data, "articles", "pageInfo", "hasNextPage").(bool) {
			return out
		}
		after = facadetest.Dig(data, "articles", "pageInfo", "endCursor")
	}
}

func TestSearchArticlesFindsWhatTheFiltersSay(t *testing.T) {
	f, _ := newHelpFacade(t, helpOddSizes)
	articles := allArticles(t, f)
	helpCenters := facadetest.Dig(f.Query(`{ helpCenters { nodes { id } } }`, nil).MustData(t), "helpCenters", "nodes").([]any)
	search := `query($phrase: String!, $state: ArticleSearchState, $helpCenter: ID, $first: Int, $after: String) {
	  searchArticles(phrase: $phrase, state: $state, helpCenter: $helpCenter, first: $first, after: $after) { ` + connectionPage + ` } }`
	searchBack := `query($phrase: String!, $state: ArticleSearchState, $helpCenter: ID, $last: Int, $before: String) {
	  searchArticles(phrase: $phrase, state: $state, helpCenter: $helpCenter, last: $last, before: $before) { ` + connectionPage + ` } }`
	cases := []struct {
		phrase, state string
		helpCenter    any
	}{
		{"invoice", "ALL", nil}, {"export csv", "PUBLISHED", nil}, {"notif", "DRAFT", nil}, {"the", "ALL", nil},
		{"access token", "ALL", facadetest.Dig(helpCenters, 1, "id")}, {"workspace", "PUBLISHED", facadetest.Dig(helpCenters, 0, "id")},
	}
	for _, c := range cases {
		var want []string
		for _, a := range articles {
			inHelpCenter := c.helpCenter == nil || slices.ContainsFunc(facadetest.Dig(a, "parents", "nodes").([]any), func(p any) bool { return facadetest.Dig(p, "helpCenter", "id") == c.helpCenter })
			inState := c.state == "ALL" || facadetest.Str(facadetest.Dig(a, "state")) == c.state
			if inHelpCenter && inState && holdsEveryWord(articleWords(a), c.phrase) {
				want = append(want, facadetest.Str(facadetest.Dig(a, "intercomId")))
			}
		}
		name := fmt.Sprintf("%q %s in %v", c.phrase, c.state, c.helpCenter)
		if len(want) == 0 {
			t.Errorf("%s: the seeded help centers should hold matches", name)
			continue
		}
		vars := map[string]any{"phrase": c.phrase, "state": c.state, "helpCenter": c.helpCenter}
		for _, n := range []int{7, 50} {
			ids := walkWith(t, f, search, []any{"searchArticles"}, n, vars)
			assertExactlyOnce(t, ids, want)
			back, _ := walkBack(t, f, searchBack, []any{"searchArticles"}, n, vars)
			if !slices.Equal(ids, back) {
				t.Errorf("%s by %d: forward %v, backward %v", name, n, ids, back)
			}
		}
	}
	// A page that fits in one of Intercom's search pages costs one call.
	before := f.Sim.Calls()
	f.Query(`{ searchArticles(phrase: "the", first: 50) { totalCount } }`, nil).MustData(t)
	if calls := f.Sim.Calls() - before; calls != 1 {
		t.Errorf("a search page of 50 cost %d upstream calls", calls)
	}
}

func TestSearchArticlesHighlightsOnlyWhenAsked(t *testing.T) {
	f, _ := newHelpFacade(t, helpOddSizes)
	query := `query($h: Boolean) { searchArticles(phrase: "invoice", highlight: $h, first: 20) {
	  edges { node { intercomId title } highlight { title { text highlighted } summary { text highlighted } } } } }`
	plain := f.Query(query, map[string]any{"h": false}).MustData(t)
	for _, e := range facadetest.Dig(plain, "searchArticles", "edges").([]any) {
		if facadetest.Dig(e, "highlight") != nil {
			t.Errorf("highlight sent without being asked for: %v", e)
		}
	}
	lit := f.Query(query, map[string]any{"h": true}).MustData(t)
	edges := facadetest.Dig(lit, "searchArticles", "edges").([]any)
	if len(edges) == 0 {
		t.Fatal("no article matches invoice")
	}
	for _, e := range edges {
		title := facadetest.Dig(e, "highlight", "title").([]any)
		var text strings.Builder
		marked := 0
		runs := title
		for _, s := range facadetest.Dig(e, "highlight", "summary").([]any) {
			runs = append(runs, s.([]any)...)
		}
		for i, r := range runs {
			if i < len(title) {
				text.WriteString(facadetest.Str(facadetest.Dig(r, "text")))
			}
			if facadetest.Dig(r, "highlighted") == true {
				marked++
				if !strings.HasPrefix(strings.ToLower(facadetest.Str(facadetest.Dig(r, "text"))), "invoice") {
					t.Errorf("article %v: %q highlighted for invoice", facadetest.Dig(e, "node", "intercomId"), facadetest.Dig(r, "text"))
				}
			}
		}
		if text.String() != facadetest.Str(facadetest.Dig(e, "node", "title")) {
			t.Errorf("the title's runs read %q, the title is %q", text.String(), facadetest.Dig(e, "node", "title"))
		}
		if marked == 0 {
			t.Errorf("article %v matched invoice but nothing is highlighted", facadetest.Dig(e, "node", "intercomId"))
		}
	}
}

func TestNodeRoundTripsForHelpCenterAndNewsTypes(t *testing.T) {
	f, _ := newHelpFacade(t, helpOddSizes)
	data := f.Query(`{
	  articles(first: 1) { nodes { id intercomId } }
	  collections(first: 1) { nodes { id intercomId } }
	  helpCenters(first: 1) { nodes { id intercomId } }
	  newsItems(first: 1) { nodes { id intercomId } }
	  newsfeeds(first: 1) { nodes { id intercomId } }
	}`, nil).MustData(t)
	var ids []any
	for _, root := range []string{"articles", "collections", "helpCenters", "newsItems", "newsfeeds"} {
		id := facadetest.Str(facadetest.Dig(data, root, "nodes", 0, "id"))
		intercomID := facadetest.Str(facadetest.Dig(data, root, "nodes", 0, "intercomId"))
		ids = append(ids, id)
		got := f.Query(`query($id: ID!) { node(id: $id) { id __typename
		  ... on Article { intercomId } ... on Collection { intercomId } ... on HelpCenter { intercomId }
		  ... on NewsItem { intercomId } ... on Newsfeed { intercomId } } }`, map[string]any{"id": id}).MustData(t)
		if facadetest.Str(facadetest.Dig(got, "node", "id")) != id || facadetest.Str(facadetest.Dig(got, "node", "intercomId")) != intercomID {
			t.Errorf("%s: node(id) returned %v, want id %s intercomId %s", root, got["node"], id, intercomID)
		}
		single := strings.TrimSuffix(root, "s")
		byIntercomID := f.Query(fmt.Sprintf(`query($id: String!) { %s(intercomId: $id) { id } }`, single), map[string]any{"id": intercomID}).MustData(t)
		if facadetest.Str(facadetest.Dig(byIntercomID, single, "id")) != id {
			t.Errorf("%s(intercomId: %s) returned %v, want id %s", single, intercomID, byIntercomID[single], id)
		}
	}
	// Fetched together, each in its place.
	resp := f.Query(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}).MustData(t)
	for i, id := range ids {
		if facadetest.Dig(resp, "nodes", i, "id") != id {
			t.Errorf("nodes[%d] = %v, want %v", i, facadetest.Dig(resp, "nodes", i), id)
		}
	}
}

// TestEveryHelpCenterAndNewsFieldResolves selects every field of every new
// type, on objects that have every optional part, and checks they resolve.
func TestEveryHelpCenterAndNewsFieldResolves(t *testing.T) {
	f, ws := newHelpFacade(t, helpOddSizes)
	const admin = `{ id name }`
	const translation = `{ locale title description body author ` + admin + ` state createdAt updatedAt url }`
	const collection = `{ id intercomId workspaceId name description createdAt updatedAt url icon order defaultLocale
	  translatedContent { locale name description } translation(locale: "FR") { locale name description }
	  parent { intercomId name } helpCenter { intercomId } }`
	const helpCenter = `{ id intercomId workspaceId createdAt updatedAt identifier websiteTurnedOn displayName url customDomain }`
	const newsItem = `{ id intercomId workspaceId title body sender ` + admin + ` state
	  newsfeedAssignments { newsfeed { id intercomId name createdAt updatedAt } publishedAt }
	  labels coverImageUrl reactions deliverSilently createdAt updatedAt }`
	resp := f.Query(`query($article: String!) {
	  article(intercomId: $article) { id intercomId workspaceId title description body author `+admin+` state createdAt updatedAt url
	    parent `+collection+` parentType parents { totalCount nodes `+collection+` } helpCenter `+helpCenter+` defaultLocale
	    translatedContent `+translation+` translation(locale: "pt-br") `+translation+`
	    statistics { views conversations reactions happyReactionPercentage neutralReactionPercentage sadReactionPercentage } }
	  articles(first: 100) { nodes { intercomId parentType parent { intercomId } helpCenter { intercomId } statistics { views } translation(locale: "fr") { title } } }
	  collections(first: 100) { nodes `+collection+` }
	  helpCenters { nodes `+helpCenter+` }
	  newsItems(first: 100) { nodes `+newsItem+` }
	  newsfeeds { nodes { id intercomId name createdAt updatedAt items(first: 5) { totalCount nodes `+newsItem+` } } }
	}`, map[string]any{"article": welcomeArticle})
	data := resp.MustData(t)

	welcome := facadetest.Dig(data, "article")
	for _, field := range []string{"id", "workspaceId", "title", "description", "body", "author", "state", "url", "parent", "parentType", "helpCenter", "defaultLocale", "statistics", "translation"} {
		if facadetest.Dig(welcome, field) == nil {
			t.Errorf("the welcome article's %s is null", field)
		}
	}
	translations := facadetest.Dig(welcome, "translatedContent").([]any)
	locales := make([]string, len(translations))
	for i, tr := range translations {
		locales[i] = facadetest.Str(facadetest.Dig(tr, "locale"))
		for _, field := range []string{"title", "body", "author", "state", "createdAt", "url"} {
			if facadetest.Dig(tr, field) == nil || facadetest.Dig(tr, field) == "" {
				t.Errorf("the welcome article's %s translation has no %s", locales[i], field)
			}
		}
	}
	if len(locales) != 37 || locales[0] != "en" || !slices.IsSorted(locales[1:]) {
		t.Errorf("the welcome article's locales are %v, want all 37 with the default (en) first, then by code", locales)
	}
	if facadetest.Str(facadetest.Dig(welcome, "translation", "locale")) != "pt-BR" {
		t.Errorf("translation(locale: pt-br) = %v", facadetest.Dig(welcome, "translation"))
	}

	// Across the lists, every optional part occurs at least once and resolves.
	seen := map[string]bool{}
	for _, a := range facadetest.Dig(data, "articles", "nodes").([]any) {
		seen["article parent "+facadetest.Str(facadetest.Dig(a, "parentType"))] = facadetest.Dig(a, "parent") != nil
		if facadetest.Dig(a, "parent") != nil && facadetest.Dig(a, "helpCenter") == nil {
			t.Errorf("article %v has a parent but no help center", facadetest.Dig(a, "intercomId"))
		}
		if facadetest.Dig(a, "statistics") == nil {
			t.Errorf("listed article %v has no statistics", facadetest.Dig(a, "intercomId"))
		}
		if facadetest.Dig(a, "translation") != nil {
			seen["French translation"] = true
		}
	}
	for _, c := range facadetest.Dig(data, "collections", "nodes").([]any) {
		if facadetest.Dig(c, "helpCenter") == nil {
			t.Errorf("collection %v has no help center", facadetest.Dig(c, "intercomId"))
		}
		if facadetest.Dig(c, "parent") != nil {
			seen["section"] = true
		}
		if len(facadetest.Dig(c, "translatedContent").([]any)) > 0 && facadetest.Dig(c, "translation") != nil {
			seen["translated collection"] = true
		}
	}
	for _, hc := range facadetest.Dig(data, "helpCenters", "nodes").([]any) {
		if facadetest.Dig(hc, "customDomain") != nil {
			seen["custom domain"] = true
		}
	}
	for _, n := range facadetest.Dig(data, "newsItems", "nodes").([]any) {
		if facadetest.Dig(n, "sender") == nil {
			t.Errorf("news item %v has no sender", facadetest.Dig(n, "intercomId"))
		}
		seen["news item "+facadetest.Str(facadetest.Dig(n, "state"))] = true
		if facadetest.Dig(n, "coverImageUrl") != nil {
			seen["cover image"] = true
		}
		if len(facadetest.Dig(n, "labels").([]any)) > 0 {
			seen["labels"] = true
		}
		if len(facadetest.Dig(n, "reactions").([]any)) > 0 {
			seen["reactions"] = true
		}
	}
	for _, feed := range facadetest.Dig(data, "newsfeeds", "nodes").([]any) {
		if want := len(ws.LiveNewsfeedItemIDs(facadetest.Str(facadetest.Dig(feed, "intercomId")))); int(facadetest.Dig(feed, "items", "totalCount").(float64)) != want {
			t.Errorf("newsfeed %v: totalCount %v, want %d", facadetest.Dig(feed, "intercomId"), facadetest.Dig(feed, "items", "totalCount"), want)
		}
		for _, item := range facadetest.Dig(feed, "items", "nodes").([]any) {
			if facadetest.Dig(item, "state") != "LIVE" {
				t.Errorf("newsfeed %v shows news item %v in state %v", facadetest.Dig(feed, "intercomId"), facadetest.Dig(item, "intercomId"), facadetest.Dig(item, "state"))
			}
		}
	}
	for _, want := range []string{"article parent COLLECTION", "article parent SECTION", "French translation", "section", "translated collection",
		"custom domain", "news item LIVE", "news item DRAFT", "cover image", "labels", "reactions"} {
		if !seen[want] {
			t.Errorf("no %s resolved in the seeded workspace", want)
		}
	}
}

func TestSectionsBelongToTheHelpCenterAboveThem(t *testing.T) {
	f, _ := newHelpFacade(t, helpOddSizes)
	data := f.Query(`{ collections(first: 100) { nodes { intercomId helpCenter { intercomId }
	  parent { intercomId helpCenter { intercomId } parent { intercomId helpCenter { intercomId } } } } } }`, nil).MustData(t)
	sections := 0
	for _, c := range facadetest.Dig(data, "collections", "nodes").([]any) {
		if facadetest.Dig(c, "parent") == nil {
			continue
		}
		sections++
		if got, above := facadetest.Dig(c, "helpCenter", "intercomId"), facadetest.Dig(c, "parent", "helpCenter", "intercomId"); got == nil || got != above {
			t.Errorf("section %v is in help center %v, the collection above it in %v", facadetest.Dig(c, "intercomId"), got, above)
		}
	}
	if sections == 0 {
		t.Fatal("no sections in the seeded workspace")
	}
}

func TestListedArticlesFetchTheirStatisticsOnceEach(t *testing.T) {
	f, _ := newHelpFacade(t, helpOddSizes)
	before := f.Sim.Calls()
	data := f.Query(`{ articles(first: 6) { nodes { intercomId statistics { views } again: statistics { reactions } } } }`, nil).MustData(t)
	if calls := f.Sim.Calls() - before; calls != 7 {
		t.Errorf("6 articles with their statistics cost %d upstream calls, want 7 (the list, then each article once)", calls)
	}
	if n := len(facadetest.Dig(data, "articles", "nodes").([]any)); n != 6 {
		t.Errorf("%d articles", n)
	}
}

func TestHelpCenterAndNewsArgumentsAreCheckedFirst(t *testing.T) {
	f, _ := newHelpFacade(t, helpOddSizes)
	page := f.Query(forwardQuery("articles"), map[string]any{"first": 3}).MustData(t)
	articlesCursor := facadetest.Str(facadetest.Dig(page, "articles", "pageInfo", "endCursor"))
	search := f.Query(`{ searchArticles(phrase: "invoice", first: 1) { pageInfo { endCursor } } }`, nil).MustData(t)
	searchCursor := facadetest.Str(facadetest.Dig(search, "searchArticles", "pageInfo", "endCursor"))
	feeds := f.Query(`{ newsfeeds { nodes { intercomId items(first: 1) { pageInfo { endCursor } } } } }`, nil).MustData(t)
	feedCursor := facadetest.Str(facadetest.Dig(feeds, "newsfeeds", "nodes", 0, "items", "pageInfo", "endCursor"))
	otherFeed := facadetest.Str(facadetest.Dig(feeds, "newsfeeds", "nodes", 1, "intercomId"))
	teamID := base64.RawURLEncoding.EncodeToString([]byte("Team:814865"))
	cases := map[string]struct {
		query, field string
		vars         map[string]any
	}{
		"articles cursor on collections": {`query($c: String) { collections(first: 2, after: $c) { totalCount } }`, "after", map[string]any{"c": articlesCursor}},
		"articles cursor on news items":  {`query($c: String) { newsItems(last: 2, before: $c) { totalCount } }`, "before", map[string]any{"c": articlesCursor}},
		"articles cursor on a search":    {`query($c: String) { searchArticles(phrase: "invoice", first: 2, after: $c) { totalCount } }`, "after", map[string]any{"c": articlesCursor}},
		"cursor of another search":       {`query($c: String) { searchArticles(phrase: "csv", first: 2, after: $c) { totalCount } }`, "after", map[string]any{"c": searchCursor}},
		"search cursor with another state": {`query($c: String) { searchArticles(phrase: "invoice", state: DRAFT, first: 2, after: $c) { totalCount } }`,
			"after", map[string]any{"c": searchCursor}},
		"cursor of another newsfeed": {`query($feed: String!, $c: String) { newsfeed(intercomId: $feed) { items(first: 2, after: $c) { totalCount } } }`,
			"after", map[string]any{"c": feedCursor, "feed": otherFeed}},
		"forged cursor":               {`{ newsfeeds(first: 1, after: "Zm9yZ2Vk") { totalCount } }`, "after", nil},
		"blank phrase":                {`{ searchArticles(phrase: "  ") { totalCount } }`, "phrase", nil},
		"help center of another type": {`query($hc: ID) { searchArticles(phrase: "invoice", helpCenter: $hc) { totalCount } }`, "helpCenter", map[string]any{"hc": teamID}},
		"help center id that is no number": {`query($hc: ID) { searchArticles(phrase: "invoice", helpCenter: $hc) { totalCount } }`, "helpCenter",
			map[string]any{"hc": base64.RawURLEncoding.EncodeToString([]byte("HelpCenter:main"))}},
		"article id that is no number": {`{ article(intercomId: "welcome") { title } }`, "intercomId", nil},
		"collection by a team's id":    {`query($id: ID) { collection(id: $id) { name } }`, "id", map[string]any{"id": teamID}},
		"node of a forged news item":   {`query($id: ID!) { node(id: $id) { id } }`, "id", map[string]any{"id": base64.RawURLEncoding.EncodeToString([]byte("NewsItem:abc"))}},
		"unsupported locale":           {`{ article(intercomId: "` + welcomeArticle + `") { translation(locale: "klingon") { title } } }`, "locale", nil},
		"more than 100 items":          {`{ newsItems(first: 101) { totalCount } }`, "first", nil},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			before := f.Sim.Calls()
			resp := f.Query(tc.query, tc.vars)
			if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" || resp.Errors[0].Extensions["field"] != tc.field {
				t.Fatalf("want one BAD_USER_INPUT error naming %s, got %s", tc.field, resp.Raw)
			}
			// The locale is checked once the article is fetched; the others before any call.
			if calls := f.Sim.Calls() - before; calls > 0 && tc.field != "locale" && !strings.HasPrefix(name, "cursor of another newsfeed") {
				t.Errorf("a refused request cost %d upstream calls", calls)
			}
		})
	}
}

func TestUnknownHelpCenterAndNewsObjectsAreNotFound(t *testing.T) {
	f, _ := newHelpFacade(t, helpOddSizes)
	resp := f.Query(`{
	  article(intercomId: "1") { title }
	  collection(intercomId: "1") { name }
	  helpCenter(intercomId: "1") { displayName }
	  newsItem(intercomId: "1") { title }
	  newsfeed(intercomId: "1") { name }
	  helpCenters { totalCount }
	}`, nil)
	for _, field := range []string{"article", "collection", "helpCenter", "newsItem", "newsfeed"} {
		if e, ok := resp.ErrorAt(field); !ok || e.Code() != "NOT_FOUND" || resp.Data[field] != nil {
			t.Errorf("%s of an unknown id: want null with NOT_FOUND, got %s", field, resp.Raw)
		}
	}
	if facadetest.Dig(resp.Data, "helpCenters", "totalCount") != float64(2) {
		t.Errorf("the failing fields took the others down: %s", resp.Raw)
	}
}
