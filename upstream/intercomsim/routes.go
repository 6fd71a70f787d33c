package intercomsim

import "net/http"

// routes registers every endpoint the simulator serves, one line each, with
// the spec's operationId beside it.
func (s *Simulator) routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /me", identifyAdmin)                        // identifyAdmin
	mux.HandleFunc("GET /admins", listAdmins)                       // listAdmins
	mux.HandleFunc("GET /admins/{id}", retrieveAdmin)               // retrieveAdmin
	mux.HandleFunc("GET /teams", listTeams)                         // listTeams
	mux.HandleFunc("GET /teams/{id}", retrieveTeam)                 // retrieveTeam
	mux.HandleFunc("GET /contacts", listContacts)                   // ListContacts
	mux.HandleFunc("GET /contacts/{id}", showContact)               // ShowContact
	mux.HandleFunc("GET /conversations", listConversations)         // listConversations
	mux.HandleFunc("GET /conversations/{id}", retrieveConversation) // retrieveConversation
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, requestIDFrom(r), http.StatusNotFound, "not_found", "Resource Not Found", "")
	})
}
