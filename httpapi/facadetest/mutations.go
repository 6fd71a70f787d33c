package facadetest

import (
	"encoding/base64"
	"testing"
)

// GlobalID builds the global ID of an object as the graph encodes it,
// written out independently of the graph's own encoder.
func GlobalID(typ, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + id))
}

// Mutate runs a mutation document with $input and returns the payload of
// field; top-level errors fail the test, user errors are the caller's to check.
func (f *Facade) Mutate(t testing.TB, field, document string, input map[string]any) map[string]any {
	t.Helper()
	data := f.Query(document, map[string]any{"input": input}).MustData(t)
	payload, _ := data[field].(map[string]any)
	if payload == nil {
		t.Fatalf("%s answered no payload: %v", field, data)
	}
	return payload
}

// Succeeded fails the test when a payload carries user errors.
func Succeeded(t testing.TB, field string, payload map[string]any) map[string]any {
	t.Helper()
	if errs, _ := payload["userErrors"].([]any); len(errs) != 0 {
		t.Fatalf("%s refused its input: %v", field, errs)
	}
	return payload
}
