// Package errcode is the graph's error vocabulary: every error a client sees
// carries one of these codes in extensions.code, and, when Intercom answered,
// what it said in extensions.intercom.
package errcode

import (
	"errors"
	"fmt"
)

// The codes of the vocabulary.
const (
	BadUserInput        = "BAD_USER_INPUT"
	NotFound            = "NOT_FOUND"
	Unauthenticated     = "UNAUTHENTICATED"
	Forbidden           = "FORBIDDEN"
	UpstreamRateLimited = "UPSTREAM_RATE_LIMITED"
	UpstreamUnavailable = "UPSTREAM_UNAVAILABLE"
	Internal            = "INTERNAL"
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

// Missing reports an object that does not exist.
func Missing(kind, id string) error {
	return &Error{Code: NotFound, Message: fmt.Sprintf("%s %q was not found", kind, id)}
}

// IsNotFound reports whether err says an object does not exist, whoever said it.
func IsNotFound(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == NotFound
}
