package intercomsim

import (
	"net/http"

	"intercom-graphql/upstream"
)

// renderTag is a tag as the workspace's lists show it: no record of when or
// by whom it was applied, which only tagged conversations carry.
func renderTag(rec *tagRecord) *upstream.Tag {
	return &upstream.Tag{Type: "tag", ID: rec.tag.ID, Name: rec.tag.Name}
}

func listTags(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	tags := make([]*upstream.Tag, len(ws.tags))
	for i, t := range ws.tags {
		tags[i] = renderTag(t)
	}
	writeJSON(w, http.StatusOK, upstream.TagDataList{Type: "list", Data: tags})
}

func findTag(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	t, ok := ws.tagByID[r.PathValue("id")]
	if !ok {
		notFound(w, r, "Resource")
		return
	}
	writeJSON(w, http.StatusOK, renderTag(t))
}

func listContactTags(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	rec, ok := ws.contactByID[r.PathValue("contact_id")]
	if !ok {
		notFound(w, r, "User")
		return
	}
	tags := make([]*upstream.Tag, 0, len(rec.tagIDs))
	for _, id := range rec.tagIDs {
		if t, ok := ws.tagByID[id]; ok {
			tags = append(tags, renderTag(t))
		}
	}
	writeJSON(w, http.StatusOK, upstream.TagDataList{Type: "list", Data: tags})
}

// TagIDs lists the ids of every tag.
func (ws *Workspace) TagIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	ids := make([]string, len(ws.tags))
	for i, t := range ws.tags {
		ids[i] = t.tag.ID
	}
	return ids
}
