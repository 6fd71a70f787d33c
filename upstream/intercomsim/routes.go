package intercomsim

import "net/http"

// routes registers every endpoint of endpoints(), and answers anything else
// as Intercom does: 404 with an error list.
func (s *Simulator) routes(mux *http.ServeMux) {
	for _, ep := range s.endpoints() {
		mux.HandleFunc(ep.Pattern, ep.handle)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, requestIDFrom(r), http.StatusNotFound, "not_found", "Resource Not Found", "")
	})
}
