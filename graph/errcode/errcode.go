// Package errcode is the graph's error vocabulary: every error a client sees
// carries one of these codes in extensions.code, and, when Intercom answered,
// what it said in extensions.intercom.
package errcode

import (
	"errors"
	"fmt"

	"intercom-graphql/upstream"
)

// The codes of the vocabulary.
const (
	BadUserInput        = "BAD_USER_INPUT"
	NotFound            = "NOT_FOUND"
	Unauthenticated     = "UNAUTHENTICATED"
	Forbidden           = "FORBIDDEN"
	UpstreamRateLimited = "UPSTREAM_RATE_LIMITED"
	UpstreamUnavailable = "UPSTREAM_UNAVAILABLE"
	// Unavailable is the facade's own: at a limit of what it serves at
	// once, or shutting down; Intercom is not involved.
	Unavailable = "UNAVAILABLE"
	// MaxCostExceeded is a query that would spend more upstream calls than a
	// query may: refused before it runs when even its fewest calls would,
	// or, for the fields it could not pay for, while it runs.
	MaxCostExceeded = "MAX_COST_EXCEEDED"
	Internal        = "INTERNAL"
)

// Error is an error the graph raises itself, with its code.
type Error struct {
	Code    string
	Message string
	// Field names the argument or input field at fault, when there is one.
	Field string
	Err   error
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.Err }

// Input reports a client mistake that no upstream call could fix.
func Input(format string, args ...any) error {
	return &Error{Code: BadUserInput, Message: fmt.Sprintf(format, args...)}
}

// InputField reports a client mistake in one named argument or input field.
func InputField(field string, err error) error {
	return &Error{Code: BadUserInput, Message: fmt.Sprintf("%s: %v", field, err), Field: field, Err: err}
}

// Missing reports an object that does not exist, in the words of upstream's
// NotFoundError, which it wraps.
func Missing(kind, id string) error {
	missing := &upstream.NotFoundError{Kind: kind, ID: id}
	return &Error{Code: NotFound, Message: missing.Error(), Err: missing}
}

// IsNotFound reports whether err says an object does not exist, whoever said
// it: the graph, the loaders (an id missing from a list) or Intercom (a 404).
// Where the graph gave the error a code of its own, that code decides.
func IsNotFound(err error) bool {
	var own *Error
	if errors.As(err, &own) {
		return own.Code == NotFound
	}
	return errors.Is(err, upstream.ErrNotFound)
}
