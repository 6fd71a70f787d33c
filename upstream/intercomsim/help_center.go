package intercomsim

import (
	"cmp"
	"net/http"
	"slices"

	"intercom-graphql/upstream"
)

type collectionRecord struct {
	seq        int64
	collection upstream.Collection
	topic      int // the index in topCollections of its first-level ancestor
	helpCenter int // the index in ws.helpCenters of its help center, also for sections
	depth      int // 0 for a first-level collection
}

func (r *collectionRecord) sequence() int64 { return r.seq }

// collectionsDefaultPerPage is Intercom's default page size of GET /help_center/collections.
const collectionsDefaultPerPage = 20

func listHelpCenters(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	writeJSON(w, http.StatusOK, upstream.HelpCenterList{Type: "list", Data: ws.helpCenters})
}

func retrieveHelpCenter(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	hc, ok := ws.helpCenterByID[r.PathValue("id")]
	if !ok {
		notFound(w, r, "Help Center")
		return
	}
	writeJSON(w, http.StatusOK, hc)
}

func listAllCollections(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	perPage, ok := perPageParam(w, r, r.URL.Query().Get("per_page"), collectionsDefaultPerPage, upstream.MaxCollectionsPerPage)
	if !ok {
		return
	}
	page, ok := pageParam(w, r, r.URL.Query().Get("page"))
	if !ok {
		return
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	all := ws.collectionsByUpdate()
	items, link := pageNumberPageObject(all, page, perPage)
	out := make([]*upstream.Collection, len(items))
	for i, rec := range items {
		out[i] = &rec.collection
	}
	writeJSON(w, http.StatusOK, upstream.CollectionList{Type: "list", Pages: &link, TotalCount: len(all), Data: out})
}

func retrieveCollection(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	rec, ok := ws.collectionByID[r.PathValue("id")]
	if !ok {
		notFound(w, r, "Collection")
		return
	}
	writeJSON(w, http.StatusOK, rec.collection)
}

// collectionsByUpdate lists the collections as Intercom does: most recently updated first.
func (ws *Workspace) collectionsByUpdate() []*collectionRecord {
	out := slices.Clone(ws.collections)
	slices.SortFunc(out, func(a, b *collectionRecord) int {
		return cmp.Or(cmp.Compare(b.collection.UpdatedAt, a.collection.UpdatedAt), cmp.Compare(b.seq, a.seq))
	})
	return out
}

// CollectionIDs lists the ids of every collection and section in list order.
func (ws *Workspace) CollectionIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	var ids []string
	for _, rec := range ws.collectionsByUpdate() {
		ids = append(ids, rec.collection.ID)
	}
	return ids
}

// HelpCenterIDs lists the ids of the help centers.
func (ws *Workspace) HelpCenterIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	var ids []string
	for _, hc := range ws.helpCenters {
		ids = append(ids, hc.ID)
	}
	return ids
}
