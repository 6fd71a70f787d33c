package intercomsim

import (
	"strconv"

	"intercom-graphql/upstream"
)

// subscriptionTypes seeds a workspace's subscription types, in every state,
// consent type and content type, and the explicit choices contacts made.
func (s *seeder) subscriptionTypes() {
	ws := s.ws
	en := func(name, description string) upstream.Translation {
		return upstream.Translation{Name: name, Description: description, Locale: "en"}
	}
	kinds := []struct {
		state, consent string
		content        []string
		translations   []upstream.Translation
	}{
		{"live", "opt_out", []string{"email"}, []upstream.Translation{en("Newsletters", "Our monthly newsletter"),
			{Name: "Lettres d'information", Description: "Notre lettre mensuelle", Locale: "fr"}}},
		{"live", "opt_out", []string{"email"}, []upstream.Translation{en("Product updates", "New features and improvements")}},
		{"live", "opt_in", []string{"email"}, []upstream.Translation{en("Webinars and events", "Invitations to live sessions"),
			{Name: "Webinare und Veranstaltungen", Description: "Einladungen zu Live-Sitzungen", Locale: "de"}}},
		{"live", "opt_in", []string{"sms_message"}, []upstream.Translation{en("SMS alerts", "Outage and billing alerts by text message")}},
		{"draft", "opt_out", []string{"email", "sms_message"}, []upstream.Translation{en("Surveys", "Short questions about your experience")}},
		{"archived", "opt_in", []string{"email"}, []upstream.Translation{en("Beta program", "Early access to features in testing")}},
	}
	for i, k := range kinds {
		st := &upstream.SubscriptionType{Type: "subscription", ID: strconv.Itoa(139 + i), State: k.state, ConsentType: k.consent,
			ContentTypes: k.content, Translations: k.translations}
		st.DefaultTranslation = &st.Translations[0]
		ws.subscriptionTypes = append(ws.subscriptionTypes, st)
	}
	ws.subscriptionsByContact = map[string][]string{}
	for _, c := range ws.contacts {
		for _, st := range ws.subscriptionTypes {
			if st.State == "live" && s.chance(0.2) {
				ws.subscriptionsByContact[c.contact.ID] = append(ws.subscriptionsByContact[c.contact.ID], st.ID)
			}
		}
	}
}

// SubscriptionTypeIDs lists the ids of the workspace's subscription types.
func (ws *Workspace) SubscriptionTypeIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	ids := make([]string, len(ws.subscriptionTypes))
	for i, st := range ws.subscriptionTypes {
		ids[i] = st.ID
	}
	return ids
}

// ContactSubscriptionTypeIDs lists the subscription types a contact chose explicitly.
func (ws *Workspace) ContactSubscriptionTypeIDs(contactID string) []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	return append([]string(nil), ws.subscriptionsByContact[contactID]...)
}
