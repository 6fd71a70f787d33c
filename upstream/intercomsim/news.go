package intercomsim

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"

	"intercom-graphql/upstream"
)

type newsItemRecord struct {
	seq  int64
	item upstream.NewsItem
}

func (r *newsItemRecord) sequence() int64 { return r.seq }

// Intercom's default page sizes of the News lists.
const (
	newsItemsDefaultPerPage     = 10
	newsfeedsDefaultPerPage     = 10
	newsfeedItemsDefaultPerPage = 20
)

// newsPerPageParam reads per_page for the News lists, which reduce a page
// size above their maximum to the maximum rather than refuse it.
func newsPerPageParam(w http.ResponseWriter, r *http.Request, def int) (int, bool) {
	raw := r.URL.Query().Get("per_page")
	if raw == "" {
		return def, true
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 {
		badRequest(w, r, "parameter_invalid", "per_page must be a positive integer", "per_page")
		return 0, false
	}
	return min(n, upstream.MaxNewsPerPage), true
}

// newsPage reads the page parameters of a News list.
func newsPage(w http.ResponseWriter, r *http.Request, def int) (page, perPage int, ok bool) {
	if perPage, ok = newsPerPageParam(w, r, def); !ok {
		return 0, 0, false
	}
	page, ok = pageParam(w, r, r.URL.Query().Get("page"))
	return page, perPage, ok
}

func listNewsItems(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	page, perPage, ok := newsPage(w, r, newsItemsDefaultPerPage)
	if !ok {
		return
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	all := ws.newsItemsByCreation()
	items, link := pageNumberPageObject(all, page, perPage)
	writeJSON(w, http.StatusOK, upstream.NewsItemList{Type: "list", Pages: &link, TotalCount: len(all), Data: newsItems(items)})
}

func retrieveNewsItem(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	rec, ok := ws.newsItemByID[r.PathValue("id")]
	if !ok {
		notFound(w, r, "News Item")
		return
	}
	writeJSON(w, http.StatusOK, rec.item)
}

func listNewsfeeds(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	page, perPage, ok := newsPage(w, r, newsfeedsDefaultPerPage)
	if !ok {
		return
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	items, link := pageNumberPageObject(ws.newsfeeds, page, perPage)
	writeJSON(w, http.StatusOK, upstream.NewsfeedList{Type: "list", Pages: &link, TotalCount: len(ws.newsfeeds), Data: items})
}

func retrieveNewsfeed(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	f, ok := ws.newsfeedByID[r.PathValue("id")]
	if !ok {
		notFound(w, r, "Newsfeed")
		return
	}
	writeJSON(w, http.StatusOK, f)
}

func listLiveNewsfeedItems(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	page, perPage, ok := newsPage(w, r, newsfeedItemsDefaultPerPage)
	if !ok {
		return
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	id := r.PathValue("id")
	if _, ok := ws.newsfeedByID[id]; !ok {
		notFound(w, r, "Newsfeed")
		return
	}
	all := ws.liveItems(id)
	items, link := pageNumberPageObject(all, page, perPage)
	writeJSON(w, http.StatusOK, upstream.NewsItemList{Type: "list", Pages: &link, TotalCount: len(all), Data: newsItems(items)})
}

func newsItems(recs []*newsItemRecord) []*upstream.NewsItem {
	out := make([]*upstream.NewsItem, len(recs))
	for i, rec := range recs {
		out[i] = &rec.item
	}
	return out
}

// newsItemsByCreation lists the news items as Intercom does: newest first.
func (ws *Workspace) newsItemsByCreation() []*newsItemRecord {
	out := slices.Clone(ws.newsItems)
	slices.SortFunc(out, func(a, b *newsItemRecord) int {
		return cmp.Or(cmp.Compare(b.item.CreatedAt, a.item.CreatedAt), cmp.Compare(b.seq, a.seq))
	})
	return out
}

// liveItems lists the live items of a newsfeed, most recently published there first.
func (ws *Workspace) liveItems(newsfeedID string) []*newsItemRecord {
	published := map[*newsItemRecord]upstream.Timestamp{}
	var out []*newsItemRecord
	for _, rec := range ws.newsItems {
		if rec.item.State != "live" {
			continue
		}
		for _, a := range rec.item.NewsfeedAssignments {
			if strconv.FormatInt(a.NewsfeedID, 10) == newsfeedID && a.PublishedAt != nil {
				published[rec] = *a.PublishedAt
				out = append(out, rec)
				break
			}
		}
	}
	slices.SortFunc(out, func(a, b *newsItemRecord) int {
		return cmp.Or(cmp.Compare(published[b], published[a]), cmp.Compare(b.seq, a.seq))
	})
	return out
}

// NewsItemIDs lists the ids of every news item in list order.
func (ws *Workspace) NewsItemIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	return newsItemIDs(ws.newsItemsByCreation())
}

// LiveNewsfeedItemIDs lists the ids of the live items of a newsfeed in list order.
func (ws *Workspace) LiveNewsfeedItemIDs(newsfeedID string) []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	return newsItemIDs(ws.liveItems(newsfeedID))
}

// NewsfeedIDs lists the ids of the newsfeeds.
func (ws *Workspace) NewsfeedIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	var ids []string
	for _, f := range ws.newsfeeds {
		ids = append(ids, f.ID)
	}
	return ids
}

func newsItemIDs(recs []*newsItemRecord) []string {
	ids := make([]string, len(recs))
	for i, rec := range recs {
		ids[i] = rec.item.ID
	}
	return ids
}
