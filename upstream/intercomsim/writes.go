package intercomsim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"intercom-graphql/upstream"
)

// How the simulator writes: a handler reads and checks the whole request
// first, then takes the workspace's write lock, checks what depends on the
// workspace (ids, names taken), and only then changes anything, in one
// function per write (apply...). So a refused write changes nothing, and no
// reader ever sees half of a change.

// maxWriteBody bounds a write's request body; no real request comes near it.
const maxWriteBody = 1 << 20

// readBody decodes a write's JSON body into v, refusing what Intercom
// refuses: a body that is not JSON, properties the operation does not take
// (Intercom names them: "bad 'x' parameter"), and values of the wrong type
// (naming the property).
func readBody(w http.ResponseWriter, r *http.Request, v any) bool {
	raw, err := io.ReadAll(io.LimitReader(r.Body, maxWriteBody))
	if err != nil {
		badRequest(w, r, "parameter_invalid", "the request body could not be read", "")
		return false
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		raw = []byte("{}")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	err = dec.Decode(v)
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case err == nil:
		return true
	case errors.As(err, &typeErr):
		badRequest(w, r, "parameter_invalid", fmt.Sprintf("%s must be %s", typeErr.Field, article(jsonKind(typeErr.Type.String()))), typeErr.Field)
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF):
		badRequest(w, r, "parameter_invalid", "the request body is not valid JSON", "")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		badRequest(w, r, "bad_request", fmt.Sprintf("bad '%s' parameter", name), name)
	default:
		badRequest(w, r, "parameter_invalid", err.Error(), "")
	}
	return false
}

// jsonKind names a Go type the way an API user thinks of the JSON it wants.
func jsonKind(goType string) string {
	switch {
	case strings.Contains(goType, "int"):
		return "integer"
	case strings.Contains(goType, "float"):
		return "number"
	case strings.Contains(goType, "bool"):
		return "boolean"
	case strings.Contains(goType, "string"):
		return "string"
	case strings.HasPrefix(goType, "[]"):
		return "list"
	default:
		return "object"
	}
}

func article(noun string) string {
	if strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// missing answers Intercom's refusal of a request that lacks a required property.
func missing(w http.ResponseWriter, r *http.Request, field string) {
	badRequest(w, r, "parameter_not_found", field+" is a required parameter", field)
}

// invalid answers Intercom's refusal of a property's value.
func invalid(w http.ResponseWriter, r *http.Request, field, format string, args ...any) {
	badRequest(w, r, "parameter_invalid", fmt.Sprintf(format, args...), field)
}

// conflict answers Intercom's refusal of a write that would duplicate an
// object that must be unique.
func conflict(w http.ResponseWriter, r *http.Request, field, format string, args ...any) {
	writeError(w, requestIDFrom(r), http.StatusConflict, "conflict", fmt.Sprintf(format, args...), field)
}

// contactNotFound is Intercom's 404 for a contact id it does not know.
func contactNotFound(w http.ResponseWriter, r *http.Request, field string) {
	writeError(w, requestIDFrom(r), http.StatusNotFound, "not_found", "User Not Found", field)
}

// resourceNotFound is Intercom's 404 for most other ids.
func resourceNotFound(w http.ResponseWriter, r *http.Request, field string) {
	writeError(w, requestIDFrom(r), http.StatusNotFound, "not_found", "Resource Not Found", field)
}

// accepted answers a write that Intercom takes without a body to send back.
func accepted(w http.ResponseWriter, status int) { w.WriteHeader(status) }

// now is the workspace's current time as Intercom writes it.
func (ws *Workspace) nowStamp() upstream.Timestamp { return upstream.TimestampOf(ws.now()) }

// newHexID makes a 24-hex-digit id for an object created through the API,
// distinct from every seeded one (whose ids come from the seed's generator).
func (ws *Workspace) newHexID() string {
	seq := ws.nextSeq()
	return fmt.Sprintf("%016x%08x", uint64(seq)*0x9e3779b97f4a7c15, uint32(0xa9100000)+uint32(seq))
}

// flatAttributes checks custom attributes or metadata Intercom keeps flat:
// text, numbers, booleans and nulls, no nested objects or lists.
func flatAttributes(attrs map[string]any) (bad string, ok bool) {
	for k, v := range attrs {
		switch v.(type) {
		case nil, string, float64, bool, json.Number:
		default:
			return k, false
		}
	}
	return "", true
}

// jsonNumbersAsInts turns whole numbers of a decoded JSON object into int64,
// so custom attributes read back as the integers they were sent as.
func jsonNumbersAsInts(attrs map[string]any) map[string]any {
	for k, v := range attrs {
		if f, ok := v.(float64); ok && f == float64(int64(f)) {
			attrs[k] = int64(f)
		}
	}
	return attrs
}

// present is a request property that may be absent, null or set: what PUT
// requests use to leave a property alone, clear it, or change it.
type present[T any] struct {
	Set   bool // the property was in the request
	Value *T   // nil when it was null
}

func (p *present[T]) UnmarshalJSON(b []byte) error {
	p.Set = true
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		p.Value = nil
		return nil
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	p.Value = &v
	return nil
}
