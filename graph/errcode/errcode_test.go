package errcode_test

import (
	"errors"
	"fmt"
	"testing"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/upstream"
)

func TestIsNotFoundAnswersForWhoeverSaidIt(t *testing.T) {
	notFound := &upstream.NotFoundError{Kind: "Admin", ID: "7"}
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"the graph's own", errcode.Missing("Company with companyId", "acme"), true},
		{"an id missing from a list", notFound, true},
		{"an id missing from a list, wrapped", fmt.Errorf("loading the author: %w", notFound), true},
		{"Intercom's 404", &upstream.Error{Operation: "ShowContact", Status: 404}, true},
		{"Intercom's 404, wrapped", fmt.Errorf("page 2: %w", &upstream.Error{Status: 404}), true},
		{"Intercom's 400", &upstream.Error{Operation: "SearchContacts", Status: 400}, false},
		{"Intercom's 500", &upstream.Error{Status: 500}, false},
		{"a client mistake", errcode.Input("first must be positive"), false},
		// The graph's code decides: a bad argument that names a missing object is the client's mistake.
		{"a client mistake naming a missing object", errcode.InputField("assigneeId", notFound), false},
		{"anything else", errors.New("boom"), false},
		{"no error", nil, false},
	} {
		if got := errcode.IsNotFound(tc.err); got != tc.want {
			t.Errorf("%s: IsNotFound(%v) = %v, want %v", tc.name, tc.err, got, tc.want)
		}
	}
}

func TestMissingSaysWhichObjectInUpstreamsWords(t *testing.T) {
	err := errcode.Missing("Contact", "6540")
	var own *errcode.Error
	if !errors.As(err, &own) || own.Code != errcode.NotFound {
		t.Fatalf("Missing gave %#v, want an *Error with code %s", err, errcode.NotFound)
	}
	const want = `Contact "6540" was not found`
	if err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
	if upstreamSays := (&upstream.NotFoundError{Kind: "Contact", ID: "6540"}).Error(); upstreamSays != want {
		t.Errorf("upstream says %q where the graph says %q", upstreamSays, want)
	}
	if !errors.Is(err, upstream.ErrNotFound) {
		t.Error("Missing is not an upstream.ErrNotFound")
	}
}

func TestInputErrorsAreTheClientsToFix(t *testing.T) {
	cause := errors.New("must not be empty")
	for _, tc := range []struct {
		name       string
		err        error
		message    string
		field      string
		wrapsCause bool
	}{
		{"Input", errcode.Input("first must be between %d and %d", 0, 100), "first must be between 0 and 100", "", false},
		{"InputField", errcode.InputField("companyId", cause), "companyId: must not be empty", "companyId", true},
	} {
		var own *errcode.Error
		if !errors.As(tc.err, &own) || own.Code != errcode.BadUserInput {
			t.Errorf("%s gave %#v, want code %s", tc.name, tc.err, errcode.BadUserInput)
			continue
		}
		if own.Message != tc.message || own.Field != tc.field {
			t.Errorf("%s: message %q field %q, want %q and %q", tc.name, own.Message, own.Field, tc.message, tc.field)
		}
		if errors.Is(tc.err, cause) != tc.wrapsCause {
			t.Errorf("%s: wraps the cause: %v, want %v", tc.name, !tc.wrapsCause, tc.wrapsCause)
		}
	}
}
