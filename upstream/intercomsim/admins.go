package intercomsim

import (
	"net/http"

	"intercom-graphql/upstream"
)

func identifyAdmin(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	a := ws.adminByID[ws.meID]
	app := ws.app
	verified := true
	writeJSON(w, http.StatusOK, upstream.AdminWithApp{
		Type: "admin", ID: a.ID, Name: a.Name, Email: a.Email, JobTitle: a.JobTitle,
		AwayModeEnabled: a.AwayModeEnabled, AwayModeReassign: a.AwayModeReassign, HasInboxSeat: a.HasInboxSeat,
		TeamIDs: a.TeamIDs, Avatar: &upstream.AdminAvatar{Type: "avatar", ImageURL: a.Avatar},
		EmailVerified: &verified, App: &app,
	})
}

func listAdmins(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	writeJSON(w, http.StatusOK, upstream.AdminList{Type: "admin.list", Admins: ws.admins})
}

func retrieveAdmin(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	a, ok := ws.adminByID[r.PathValue("id")]
	if !ok {
		notFound(w, r, "Admin")
		return
	}
	writeJSON(w, http.StatusOK, a)
}
