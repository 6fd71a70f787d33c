package httpapi

import (
	"encoding/json"
	"intercom-graphql/graph/errcode"
	"net/http"
	"strings"
)

// writeGraphQLError answers a request refused before GraphQL execution with
// a GraphQL-shaped body, so clients parse every refusal the same way.
func writeGraphQLError(w http.ResponseWriter, status int, code, message string, extra map[string]any) {
	ext := map[string]any{"code": code}
	for k, v := range extra {
		ext[k] = v
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{"message": message, "extensions": ext}}})
}

// codedRefusals answers what the routes do not serve as every other refusal
// is answered, in JSON with a code: 404 for a path no route has, 405 with
// Allow for a method a path's routes do not take (net/http's own answers
// are plain text).
func codedRefusals(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern != "" {
			mux.ServeHTTP(w, r)
			return
		}
		var allowed []string
		for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions} {
			probe := r.Clone(r.Context())
			probe.Method = m
			if _, pattern := mux.Handler(probe); pattern != "" {
				allowed = append(allowed, m)
			}
		}
		if len(allowed) == 0 {
			writeGraphQLError(w, http.StatusNotFound, errcode.NotFound, "no route "+r.URL.Path+": the graph is at /graphql", nil)
			return
		}
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		writeGraphQLError(w, http.StatusMethodNotAllowed, errcode.BadUserInput, r.URL.Path+" answers "+strings.Join(allowed, ", ")+", not "+r.Method, nil)
	})
}
