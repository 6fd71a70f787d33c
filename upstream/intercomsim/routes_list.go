package intercomsim

import "net/http"

// Route is one endpoint the simulator serves.
type Route struct {
	// Pattern is the net/http ServeMux pattern, e.g. "GET /admins/{id}"; its
	// path is the spec's path template.
	Pattern string
	// OperationID is the operationId the spec gives the endpoint.
	OperationID string
}

type endpoint struct {
	Route
	handle http.HandlerFunc
}

// endpoints is every endpoint the simulator serves, one line each. routes
// registers exactly these and Routes reports them, so a check over the list
// is a check over the mux.
func (s *Simulator) endpoints() []endpoint {
	return []endpoint{
		{Route{"GET /me", "identifyAdmin"}, identifyAdmin},
		{Route{"GET /admins", "listAdmins"}, listAdmins},
		{Route{"GET /admins/{id}", "retrieveAdmin"}, retrieveAdmin},
		{Route{"GET /teams", "listTeams"}, listTeams},
		{Route{"GET /teams/{id}", "retrieveTeam"}, retrieveTeam},
		{Route{"GET /contacts", "ListContacts"}, listContacts},
		{Route{"GET /contacts/{id}", "ShowContact"}, showContact},
		{Route{"GET /conversations", "listConversations"}, listConversations},
		{Route{"GET /conversations/{id}", "retrieveConversation"}, retrieveConversation},
		{Route{"POST /contacts/search", "SearchContacts"}, searchContacts},
		{Route{"POST /conversations/search", "searchConversations"}, searchConversations},
	}
}

// Routes lists the endpoints the simulator serves, in registration order.
func (s *Simulator) Routes() []Route {
	eps := s.endpoints()
	out := make([]Route, len(eps))
	for i, ep := range eps {
		out[i] = ep.Route
	}
	return out
}
