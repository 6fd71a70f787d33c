package facadetest

import (
	"encoding/json"
	"testing"
)

func TestDigWalksKeysAndIndexes(t *testing.T) {
	var v any
	_ = json.Unmarshal([]byte(`{"contacts":{"nodes":[{"email":"a@x"},{"email":"b@x"}]}}`), &v)
	for _, tc := range []struct {
		path []any
		want any
	}{
		{[]any{"contacts", "nodes", 1, "email"}, "b@x"},
		{[]any{"contacts", "nodes", 2, "email"}, nil}, // past the list
		{[]any{"contacts", "edges"}, nil},             // no such key
		{[]any{"contacts", 0}, nil},                   // an index into an object
		{[]any{"contacts", "nodes", "email"}, nil},    // a key into a list
	} {
		if got := Dig(v, tc.path...); got != tc.want {
			t.Errorf("Dig(%v) = %v, want %v", tc.path, got, tc.want)
		}
	}
	if Str(Dig(v, "contacts")) != "" || Str("x") != "x" {
		t.Error("Str gives a string or nothing")
	}
}

func TestErrorAtMatchesPathPrefixes(t *testing.T) {
	var r Response
	_ = json.Unmarshal([]byte(`{"errors":[{"message":"m","path":["contacts","nodes",3,"owner"],"extensions":{"code":"NOT_FOUND"}}]}`), &r)
	if e, ok := r.ErrorAt("contacts", "nodes", 3); !ok || e.Code() != "NOT_FOUND" {
		t.Errorf("the error at contacts.nodes.3 was not found: %v %v", e, ok)
	}
	if _, ok := r.ErrorAt("contacts", "nodes", 2); ok {
		t.Error("an error at another index matched")
	}
	if _, ok := r.ErrorAt("contacts", "nodes", 3, "owner", "name"); ok {
		t.Error("a path longer than the error's matched")
	}
	if (Error{}).Code() != "" {
		t.Error("an error without extensions has a code")
	}
}
