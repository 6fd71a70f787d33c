package httpapi

import (
	"encoding/json"
	"net/http"
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
