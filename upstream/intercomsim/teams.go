package intercomsim

import (
	"net/http"

	"intercom-graphql/upstream"
)

func listTeams(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	writeJSON(w, http.StatusOK, upstream.TeamList{Type: "team.list", Teams: ws.teams})
}

func retrieveTeam(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	t, ok := ws.teamByID[r.PathValue("id")]
	if !ok {
		notFound(w, r, "Team")
		return
	}
	writeJSON(w, http.StatusOK, t)
}
