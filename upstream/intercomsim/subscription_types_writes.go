package intercomsim

import (
	"net/http"
	"slices"

	"intercom-graphql/upstream"
)

// attachSubscriptionTypeToContact serves POST /contacts/{contact_id}/subscriptions:
// the contact opts in to an opt-in type or out of an opt-out one. The
// consent type sent must be the type's, and the type must be live.
func attachSubscriptionTypeToContact(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		ID          *string `json:"id"`
		ConsentType *string `json:"consent_type"`
	}
	if !readBody(w, r, &b) {
		return
	}
	switch {
	case b.ID == nil || *b.ID == "":
		missing(w, r, "id")
		return
	case b.ConsentType == nil:
		missing(w, r, "consent_type")
		return
	case *b.ConsentType != "opt_in" && *b.ConsentType != "opt_out":
		invalid(w, r, "consent_type", "consent_type must be opt_in or opt_out")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	contact, ok := ws.contactByID[r.PathValue("contact_id")]
	if !ok {
		contactNotFound(w, r, "")
		return
	}
	st := ws.subscriptionType(*b.ID)
	switch {
	case st == nil:
		resourceNotFound(w, r, "id")
		return
	case st.ConsentType != *b.ConsentType:
		invalid(w, r, "consent_type", "subscription type %s is %s, not %s", st.ID, st.ConsentType, *b.ConsentType)
		return
	case st.State != "live":
		invalid(w, r, "id", "subscription type %s is %s: contacts choose only live types", st.ID, st.State)
		return
	}
	writeJSON(w, http.StatusOK, ws.applyAttachSubscription(contact, st))
}

func (ws *Workspace) subscriptionType(id string) *upstream.SubscriptionType {
	for _, st := range ws.subscriptionTypes {
		if st.ID == id {
			return st
		}
	}
	return nil
}

// applyAttachSubscription records the contact's choice: the contact's
// subscriptions list shows the type.
func (ws *Workspace) applyAttachSubscription(contact *contactRecord, st *upstream.SubscriptionType) *upstream.SubscriptionType {
	id := contact.contact.ID
	if !slices.Contains(ws.subscriptionsByContact[id], st.ID) {
		ws.subscriptionsByContact[id] = append(ws.subscriptionsByContact[id], st.ID)
		ws.notifySubscription(st.ConsentType == "opt_in", contact, st)
	}
	return st
}

// detachSubscriptionTypeToContact serves DELETE
// /contacts/{contact_id}/subscriptions/{id}: the contact's choice is
// withdrawn (withdrawing none changes nothing).
func detachSubscriptionTypeToContact(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	contact, ok := ws.contactByID[r.PathValue("contact_id")]
	if !ok {
		contactNotFound(w, r, "")
		return
	}
	st := ws.subscriptionType(r.PathValue("id"))
	if st == nil {
		resourceNotFound(w, r, "")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyDetachSubscription(contact, st))
}

func (ws *Workspace) applyDetachSubscription(contact *contactRecord, st *upstream.SubscriptionType) *upstream.SubscriptionType {
	id := contact.contact.ID
	if slices.Contains(ws.subscriptionsByContact[id], st.ID) {
		ws.subscriptionsByContact[id] = slices.DeleteFunc(ws.subscriptionsByContact[id], func(x string) bool { return x == st.ID })
		ws.notifySubscription(st.ConsentType == "opt_out", contact, st)
	}
	return st
}

// notifySubscription sends granular.subscribe or granular.unsubscribe: a
// choice to opt in to an opt-in type, or to withdraw an opt-out, subscribes
// the contact; the others unsubscribe it.
func (ws *Workspace) notifySubscription(subscribed bool, contact *contactRecord, st *upstream.SubscriptionType) {
	topic := "granular.unsubscribe"
	if subscribed {
		topic = "granular.subscribe"
	}
	ws.notify(topic, func() any {
		return map[string]any{"type": "subscription", "contact": contactRef(&contact.contact), "subscription_type": st}
	})
}
