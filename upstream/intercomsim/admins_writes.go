package intercomsim

import (
	"net/http"

	"intercom-graphql/upstream"
)

// setAwayAdmin serves PUT /admins/{id}/away: both settings are required.
func setAwayAdmin(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var body struct {
		AwayModeEnabled  *bool `json:"away_mode_enabled"`
		AwayModeReassign *bool `json:"away_mode_reassign"`
	}
	if !readBody(w, r, &body) {
		return
	}
	switch {
	case body.AwayModeEnabled == nil:
		missing(w, r, "away_mode_enabled")
		return
	case body.AwayModeReassign == nil:
		missing(w, r, "away_mode_reassign")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	a, ok := ws.adminByID[r.PathValue("id")]
	if !ok {
		writeError(w, requestIDFrom(r), http.StatusNotFound, "admin_not_found", "Admin for admin_id not found", "")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyAwayMode(a, *body.AwayModeEnabled, *body.AwayModeReassign))
}

// applyAwayMode marks an admin away or back; GET /admins and GET /me show it.
func (ws *Workspace) applyAwayMode(a *upstream.Admin, away, reassign bool) *upstream.Admin {
	a.AwayModeEnabled, a.AwayModeReassign = away, reassign
	ws.notify("admin.away_mode_updated", func() any { return a })
	return a
}
