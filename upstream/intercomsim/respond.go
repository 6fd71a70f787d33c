package intercomsim

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/google/uuid"

	"intercom-graphql/upstream"
)

type requestIDKey struct{}

func newRequestID() string { return uuid.NewString() }

func requestIDFrom(r *http.Request) string {
	id, _ := r.Context().Value(requestIDKey{}).(string)
	return id
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// writeError answers with Intercom's error.list body.
func writeError(w http.ResponseWriter, requestID string, status int, code, message, field string) {
	writeJSON(w, status, upstream.ErrorList{
		Type:      "error.list",
		RequestID: requestID,
		Errors:    []upstream.ErrorItem{{Code: code, Message: message, Field: field}},
	})
}

func notFound(w http.ResponseWriter, r *http.Request, what string) {
	writeError(w, requestIDFrom(r), http.StatusNotFound, "not_found", what+" Not Found", "")
}

func badRequest(w http.ResponseWriter, r *http.Request, code, message, field string) {
	writeError(w, requestIDFrom(r), http.StatusBadRequest, code, message, field)
}

func itoa(n int) string     { return strconv.Itoa(n) }
func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
