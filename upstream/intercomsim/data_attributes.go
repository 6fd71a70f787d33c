package intercomsim

import (
	"net/http"
	"strconv"

	"intercom-graphql/upstream"
)

func listDataAttributes(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	q := r.URL.Query()
	model := q.Get("model")
	switch model {
	case "", "contact", "company", "conversation":
	default:
		badRequest(w, r, "parameter_invalid", "model must be contact, company or conversation", "model")
		return
	}
	includeArchived := false
	if raw := q.Get("include_archived"); raw != "" {
		var err error
		if includeArchived, err = strconv.ParseBool(raw); err != nil {
			badRequest(w, r, "parameter_invalid", "include_archived must be true or false", "include_archived")
			return
		}
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	data := []*upstream.DataAttribute{}
	for _, a := range ws.dataAttributes {
		if (model == "" || a.Model == model) && (includeArchived || !a.Archived) {
			data = append(data, a)
		}
	}
	writeJSON(w, http.StatusOK, upstream.DataAttributeList{Type: "list", Data: data})
}
