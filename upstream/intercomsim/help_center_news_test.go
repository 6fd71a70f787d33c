package intercomsim_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// helpSite is a simulator seeded with a help center and news, read over HTTP.
type helpSite struct {
	t    *testing.T
	base string
}

func newHelpSite(t *testing.T) *helpSite {
	sim := intercomsim.New(intercomsim.Options{Seed: 11, Sizes: intercomsim.Sizes{Admins: 4, Collections: 17, Articles: 83, NewsItems: 47}})
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	return &helpSite{t: t, base: srv.URL}
}

func (h *helpSite) get(path string, out any) (int, map[string]any) {
	h.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, h.base+path, nil)
	authorize(req, intercomsim.DemoToken)
	status, _, body := send(h.t, req)
	var m map[string]any
	_ = json.Unmarshal(body, &m)
	if status == http.StatusOK && out != nil {
		if err := json.Unmarshal(body, out); err != nil {
			h.t.Fatalf("%s: %v", path, err)
		}
	}
	return status, m
}

func (h *helpSite) articles() []*upstream.Article {
	var list upstream.ArticleList
	if status, _ := h.get("/articles?per_page=250", &list); status != http.StatusOK || len(list.Data) != list.TotalCount {
		h.t.Fatalf("listing articles: %d, %d of %d", status, len(list.Data), list.TotalCount)
	}
	return list.Data
}

func (h *helpSite) collections() map[string]*upstream.Collection {
	var list upstream.CollectionList
	if status, _ := h.get("/help_center/collections?per_page=250", &list); status != http.StatusOK {
		h.t.Fatalf("listing collections: %d", status)
	}
	out := map[string]*upstream.Collection{}
	for _, c := range list.Data {
		out[c.ID] = c
	}
	return out
}

// search reads every page of a search and returns the ids in order.
func (h *helpSite) search(query string) []string {
	var ids []string
	for page := 1; ; page++ {
		var res upstream.ArticleSearchResponse
		if status, body := h.get(fmt.Sprintf("/articles/search?%s&per_page=7&page=%d", query, page), &res); status != http.StatusOK {
			h.t.Fatalf("search %s: %d %v", query, status, body)
		}
		for _, a := range res.Data.Articles {
			ids = append(ids, a.ID)
		}
		if res.Pages.Next == nil {
			if len(ids) != res.TotalCount {
				h.t.Errorf("search %s: %d results over all pages, total_count %d", query, len(ids), res.TotalCount)
			}
			return ids
		}
	}
}

func lowerWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	})
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// helpCenterOf follows a collection up to the first level, which names its help center.
func helpCenterOf(cols map[string]*upstream.Collection, id string) string {
	for range 10 {
		c := cols[id]
		if c == nil {
			return ""
		}
		if c.ParentID == nil {
			if c.HelpCenterID == nil {
				return ""
			}
			return fmt.Sprint(*c.HelpCenterID)
		}
		id = *c.ParentID
	}
	return ""
}

func TestSearchFindsExactlyTheArticlesHoldingEveryWord(t *testing.T) {
	h := newHelpSite(t)
	all := h.articles()
	for _, phrase := range []string{"invoice", "export csv", "ACCESS token", "notif", "reset password"} {
		var want []string
		for _, a := range all {
			text := lowerWords(a.Title + " " + deref(a.Description) + " " + markup.ReplaceAllString(deref(a.Body), " "))
			if hasAll(text, lowerWords(phrase)) {
				want = append(want, a.ID)
			}
		}
		got := h.search("phrase=" + strings.ReplaceAll(phrase, " ", "+"))
		if len(want) == 0 {
			t.Errorf("%q: the seeded help center should hold matches", phrase)
		}
		if !sameSet(got, want) {
			t.Errorf("%q: search returned %v, want %v", phrase, got, want)
		}
	}
}

func TestSearchRanksTitleMatchesFirstThenRecentUpdates(t *testing.T) {
	h := newHelpSite(t)
	byID := map[string]*upstream.Article{}
	for _, a := range h.articles() {
		byID[a.ID] = a
	}
	ids := h.search("phrase=invoice")
	inTitle := func(id string) bool { return hasAll(lowerWords(byID[id].Title), []string{"invoice"}) }
	for i := 1; i < len(ids); i++ {
		prev, cur := ids[i-1], ids[i]
		switch {
		case !inTitle(prev) && inTitle(cur):
			t.Errorf("%s (title match) ranked after %s", cur, prev)
		case inTitle(prev) == inTitle(cur) && byID[prev].UpdatedAt < byID[cur].UpdatedAt:
			t.Errorf("%s ranked before the more recently updated %s", prev, cur)
		}
	}
}

func TestSearchFiltersByStateAndHelpCenter(t *testing.T) {
	h := newHelpSite(t)
	all := h.articles()
	cols := h.collections()
	var helpCenters upstream.HelpCenterList
	h.get("/help_center/help_centers", &helpCenters)
	if len(helpCenters.Data) != 2 {
		t.Fatalf("%d help centers, want 2", len(helpCenters.Data))
	}
	for _, hc := range helpCenters.Data {
		for _, state := range []string{"published", "draft", "all"} {
			var want []string
			for _, a := range all {
				in := slices.ContainsFunc(a.ParentIDs, func(p int64) bool { return helpCenterOf(cols, fmt.Sprint(p)) == hc.ID })
				if in && (state == "all" || a.State == state) {
					want = append(want, a.ID)
				}
			}
			got := h.search("state=" + state + "&help_center_id=" + hc.ID)
			if len(want) == 0 || !sameSet(got, want) {
				t.Errorf("help center %s, state %s: got %v, want %v", hc.ID, state, got, want)
			}
		}
	}
	if got := h.search("state=all"); len(got) != len(all) {
		t.Errorf("state=all without a phrase found %d articles, the workspace has %d", len(got), len(all))
	}
}

func TestSearchRefusesMalformedFilters(t *testing.T) {
	h := newHelpSite(t)
	for query, field := range map[string]string{
		"state=archived": "state", "help_center_id=main": "help_center_id", "highlight=maybe": "highlight", "per_page=51": "per_page",
	} {
		status, body := h.get("/articles/search?phrase=invoice&"+query, nil)
		if status != http.StatusBadRequest || dig(body, "errors") == nil || fmt.Sprint(dig(body["errors"].([]any)[0], "field")) != field {
			t.Errorf("%s: %d %v, want a 400 naming %s", query, status, body, field)
		}
	}
}

func TestListsComeInIntercomsOrder(t *testing.T) {
	h := newHelpSite(t)
	articles := h.articles()
	for i := 1; i < len(articles); i++ {
		if articles[i-1].UpdatedAt < articles[i].UpdatedAt {
			t.Fatalf("article %s listed before the more recently updated %s", articles[i-1].ID, articles[i].ID)
		}
	}
	var cols upstream.CollectionList
	h.get("/help_center/collections?per_page=250", &cols)
	for i := 1; i < len(cols.Data); i++ {
		if cols.Data[i-1].UpdatedAt < cols.Data[i].UpdatedAt {
			t.Fatalf("collection %s listed before the more recently updated %s", cols.Data[i-1].ID, cols.Data[i].ID)
		}
	}
	var items upstream.NewsItemList
	h.get("/news/news_items?per_page=20&page=2", &items)
	for i := 1; i < len(items.Data); i++ {
		if items.Data[i-1].CreatedAt < items.Data[i].CreatedAt {
			t.Fatalf("news item %s listed before the newer %s", items.Data[i-1].ID, items.Data[i].ID)
		}
	}
}

func TestCollectionsNestAsSectionsOfTheirHelpCenter(t *testing.T) {
	h := newHelpSite(t)
	cols := h.collections()
	sections := 0
	for _, c := range cols {
		if c.ParentID == nil {
			if c.HelpCenterID == nil {
				t.Errorf("first-level collection %s has no help center", c.ID)
			}
			continue
		}
		sections++
		if c.HelpCenterID != nil {
			t.Errorf("section %s names help center %d; Intercom leaves it to the parent", c.ID, *c.HelpCenterID)
		}
		if helpCenterOf(cols, c.ID) == "" {
			t.Errorf("section %s does not lead up to a help center", c.ID)
		}
	}
	if sections == 0 {
		t.Error("no sections seeded")
	}
}

func TestNewsfeedListsOnlyItsLiveItemsLatestFirst(t *testing.T) {
	h := newHelpSite(t)
	var all upstream.NewsItemList
	var feeds upstream.NewsfeedList
	h.get("/news/news_items?per_page=20", &all)
	h.get("/news/newsfeeds", &feeds)
	var items []*upstream.NewsItem
	for page := 1; page <= all.Pages.TotalPages; page++ {
		var list upstream.NewsItemList
		h.get(fmt.Sprintf("/news/news_items?per_page=20&page=%d", page), &list)
		items = append(items, list.Data...)
	}
	for _, feed := range feeds.Data {
		published := map[string]upstream.Timestamp{}
		var want []string
		for _, item := range items {
			for _, a := range item.NewsfeedAssignments {
				if fmt.Sprint(a.NewsfeedID) == feed.ID && item.State == "live" {
					want = append(want, item.ID)
					published[item.ID] = *a.PublishedAt
				}
			}
		}
		var got []string
		for page := 1; ; page++ {
			var list upstream.NewsItemList
			if status, body := h.get(fmt.Sprintf("/news/newsfeeds/%s/items?page=%d", feed.ID, page), &list); status != http.StatusOK {
				t.Fatalf("newsfeed %s items: %d %v", feed.ID, status, body)
			}
			for _, item := range list.Data {
				got = append(got, item.ID)
			}
			if list.Pages.Next == nil {
				break
			}
		}
		if len(want) == 0 || !sameSet(got, want) {
			t.Errorf("newsfeed %s lists %v, want its live items %v", feed.ID, got, want)
		}
		for i := 1; i < len(got); i++ {
			if published[got[i-1]] < published[got[i]] {
				t.Errorf("newsfeed %s lists %s before the more recently published %s", feed.ID, got[i-1], got[i])
			}
		}
	}
	if status, _ := h.get("/news/newsfeeds/999/items", nil); status != http.StatusNotFound {
		t.Errorf("items of an unknown newsfeed: %d, want 404", status)
	}
}

func hasAll(words, prefixes []string) bool {
	for _, p := range prefixes {
		if !slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, p) }) {
			return false
		}
	}
	return true
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
