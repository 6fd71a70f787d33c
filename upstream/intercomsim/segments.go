package intercomsim

import (
	"net/http"
	"strconv"

	"intercom-graphql/upstream"
)

// renderSegment is a segment as the API shows it; counts, when asked for,
// are the number of contacts in the segment.
func renderSegment(rec *segmentRecord, counts map[string]int) *upstream.Segment {
	s := &upstream.Segment{Type: "segment", ID: rec.id, Name: rec.name, CreatedAt: rec.createdAt, UpdatedAt: rec.updatedAt, PersonType: rec.personType}
	if counts != nil {
		n := counts[rec.id]
		s.Count = &n
	}
	return s
}

// segmentCounts counts the contacts of every segment in one pass.
func (ws *Workspace) segmentCounts() map[string]int {
	counts := map[string]int{}
	for _, c := range ws.contacts {
		for _, id := range c.segmentIDs {
			counts[id]++
		}
	}
	return counts
}

func (ws *Workspace) segmentByID(id string) *segmentRecord {
	for _, s := range ws.segments {
		if s.id == id {
			return s
		}
	}
	return nil
}

func (ws *Workspace) renderSegmentsByID(ids []string, withCounts bool) []*upstream.Segment {
	var counts map[string]int
	if withCounts {
		counts = ws.segmentCounts()
	}
	out := make([]*upstream.Segment, 0, len(ids))
	for _, id := range ids {
		if rec := ws.segmentByID(id); rec != nil {
			out = append(out, renderSegment(rec, counts))
		}
	}
	return out
}

func listSegments(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	includeCount := false
	if raw := r.URL.Query().Get("include_count"); raw != "" {
		var err error
		if includeCount, err = strconv.ParseBool(raw); err != nil {
			badRequest(w, r, "parameter_invalid", "include_count must be true or false", "include_count")
			return
		}
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	var counts map[string]int
	if includeCount {
		counts = ws.segmentCounts()
	}
	segments := make([]*upstream.Segment, len(ws.segments))
	for i, s := range ws.segments {
		segments[i] = renderSegment(s, counts)
	}
	writeJSON(w, http.StatusOK, upstream.SegmentList{Type: "segment.list", Segments: segments})
}

func retrieveSegment(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	s := ws.segmentByID(r.PathValue("id"))
	if s == nil {
		notFound(w, r, "Resource")
		return
	}
	writeJSON(w, http.StatusOK, renderSegment(s, nil))
}

func listContactSegments(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	rec, ok := ws.contactByID[r.PathValue("contact_id")]
	if !ok {
		notFound(w, r, "User")
		return
	}
	writeJSON(w, http.StatusOK, upstream.ContactSegmentList{Type: "list", Data: ws.renderSegmentsByID(rec.segmentIDs, false)})
}

// SegmentIDs lists the ids of every segment.
func (ws *Workspace) SegmentIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	ids := make([]string, len(ws.segments))
	for i, s := range ws.segments {
		ids[i] = s.id
	}
	return ids
}
