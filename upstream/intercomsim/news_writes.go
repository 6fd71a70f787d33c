package intercomsim

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"intercom-graphql/upstream"
)

type newsItemBody struct {
	Title               *string                        `json:"title"`
	Body                *string                        `json:"body"`
	SenderID            *int64                         `json:"sender_id"`
	State               *string                        `json:"state"`
	DeliverSilently     *bool                          `json:"deliver_silently"`
	Labels              *[]string                      `json:"labels"`
	Reactions           *[]string                      `json:"reactions"`
	NewsfeedAssignments *[]upstream.NewsfeedAssignment `json:"newsfeed_assignments"`
}

// readNewsItem reads a news item request and checks what needs no workspace:
// Intercom requires the title and the sender on creation and update alike.
func readNewsItem(w http.ResponseWriter, r *http.Request) (newsItemBody, bool) {
	var b newsItemBody
	if !readBody(w, r, &b) {
		return b, false
	}
	switch {
	case b.Title == nil || strings.TrimSpace(*b.Title) == "":
		missing(w, r, "title")
		return b, false
	case b.SenderID == nil:
		missing(w, r, "sender_id")
		return b, false
	case b.State != nil && *b.State != "draft" && *b.State != "live":
		invalid(w, r, "state", "state must be draft or live")
		return b, false
	}
	return b, true
}

// checkNewsItem checks the sender and the newsfeeds against the workspace.
// Publish dates cannot be in the future (Intercom schedules news items otherwise).
func (ws *Workspace) checkNewsItem(w http.ResponseWriter, r *http.Request, b newsItemBody) bool {
	if _, ok := ws.adminByID[strconv.FormatInt(*b.SenderID, 10)]; !ok {
		invalid(w, r, "sender_id", "sender_id must be a teammate of the workspace")
		return false
	}
	if b.NewsfeedAssignments == nil {
		return true
	}
	seen := map[int64]bool{}
	for _, a := range *b.NewsfeedAssignments {
		id := strconv.FormatInt(a.NewsfeedID, 10)
		if _, ok := ws.newsfeedByID[id]; !ok {
			invalid(w, r, "newsfeed_assignments", "newsfeed %s does not exist", id)
			return false
		}
		if seen[a.NewsfeedID] {
			invalid(w, r, "newsfeed_assignments", "newsfeed %s is assigned twice", id)
			return false
		}
		seen[a.NewsfeedID] = true
		if a.PublishedAt != nil && *a.PublishedAt > ws.nowStamp() {
			invalid(w, r, "newsfeed_assignments", "publish dates cannot be in the future")
			return false
		}
	}
	return true
}

// createNewsItem serves POST /news/news_items; a new item is a draft unless it says live.
func createNewsItem(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	b, ok := readNewsItem(w, r)
	if !ok {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if !ws.checkNewsItem(w, r, b) {
		return
	}
	writeJSON(w, http.StatusOK, ws.applyCreateNewsItem(b))
}

func (ws *Workspace) applyCreateNewsItem(b newsItemBody) upstream.NewsItem {
	now := ws.nowStamp()
	rec := &newsItemRecord{seq: ws.nextSeq()}
	rec.item = upstream.NewsItem{Type: "news-item", ID: nextNumericID(ws.newsItemByID, 4300), WorkspaceID: ws.app.IDCode, State: "draft",
		NewsfeedAssignments: []upstream.NewsfeedAssignment{}, Labels: []*string{}, Reactions: []*string{}, CreatedAt: now}
	ws.changeNewsItem(rec, b, now)
	ws.newsItems = append(ws.newsItems, rec)
	ws.newsItemByID[rec.item.ID] = rec
	return rec.item
}

// changeNewsItem applies a checked request. A live item is published in its
// newsfeeds from the date the request gives, or from now.
func (ws *Workspace) changeNewsItem(rec *newsItemRecord, b newsItemBody, now upstream.Timestamp) {
	it := &rec.item
	it.Title, it.SenderID = *b.Title, *b.SenderID
	if b.Body != nil {
		it.Body = *b.Body
	}
	if b.State != nil {
		it.State = *b.State
	}
	if b.DeliverSilently != nil {
		it.DeliverSilently = *b.DeliverSilently
	}
	if b.Labels != nil {
		it.Labels = stringPtrs(*b.Labels)
	}
	if b.Reactions != nil {
		it.Reactions = stringPtrs(*b.Reactions)
	}
	if b.NewsfeedAssignments != nil {
		it.NewsfeedAssignments = slices.Clone(*b.NewsfeedAssignments)
	}
	for i := range it.NewsfeedAssignments {
		if a := &it.NewsfeedAssignments[i]; it.State == "live" && a.PublishedAt == nil {
			a.PublishedAt = ptr(now)
		}
	}
	it.UpdatedAt = now
}

func stringPtrs(list []string) []*string {
	out := make([]*string, len(list))
	for i, s := range list {
		out[i] = ptr(s)
	}
	return out
}

// updateNewsItem serves PUT /news/news_items/{id}.
func updateNewsItem(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	b, ok := readNewsItem(w, r)
	if !ok {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.newsItemByID[r.PathValue("id")]
	if !ok {
		resourceNotFound(w, r, "")
		return
	}
	if !ws.checkNewsItem(w, r, b) {
		return
	}
	writeJSON(w, http.StatusOK, ws.applyUpdateNewsItem(rec, b))
}

func (ws *Workspace) applyUpdateNewsItem(rec *newsItemRecord, b newsItemBody) upstream.NewsItem {
	ws.changeNewsItem(rec, b, ws.nowStamp())
	return rec.item
}

// deleteNewsItem serves DELETE /news/news_items/{id}.
func deleteNewsItem(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.newsItemByID[r.PathValue("id")]
	if !ok {
		resourceNotFound(w, r, "")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyDeleteNewsItem(rec))
}

// applyDeleteNewsItem removes a news item from the lists and its newsfeeds.
func (ws *Workspace) applyDeleteNewsItem(rec *newsItemRecord) upstream.DeletedObject {
	ws.newsItems = slices.DeleteFunc(ws.newsItems, func(n *newsItemRecord) bool { return n == rec })
	delete(ws.newsItemByID, rec.item.ID)
	return upstream.DeletedObject{ID: rec.item.ID, Object: "news-item", Deleted: true}
}
