package intercomsim

import (
	"net/http"
	"slices"

	"intercom-graphql/upstream"
)

func listSubscriptionTypes(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	writeJSON(w, http.StatusOK, upstream.SubscriptionTypeList{Type: "list", Data: ws.subscriptionTypes})
}

// listSubscriptionsForAContact lists only the types the contact chose
// explicitly, as Intercom does: types left at their default are absent.
func listSubscriptionsForAContact(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	contactID := r.PathValue("contact_id")
	if _, ok := ws.contactByID[contactID]; !ok {
		notFound(w, r, "User")
		return
	}
	chosen := ws.subscriptionsByContact[contactID]
	data := []*upstream.SubscriptionType{}
	for _, st := range ws.subscriptionTypes {
		if slices.Contains(chosen, st.ID) {
			data = append(data, st)
		}
	}
	writeJSON(w, http.StatusOK, upstream.SubscriptionTypeList{Type: "list", Data: data})
}
