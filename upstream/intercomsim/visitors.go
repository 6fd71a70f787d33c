package intercomsim

import "net/http"

func retrieveVisitorWithUserID(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	userID := r.URL.Query().Get("user_id")
	if userID == "" {
		badRequest(w, r, "parameter_not_found", "Please provide the following parameters: user_id", "user_id")
		return
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	v, ok := ws.visitorByUserID[userID]
	if !ok {
		notFound(w, r, "Visitor")
		return
	}
	writeJSON(w, http.StatusOK, v)
}
