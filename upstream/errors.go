package upstream

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Error is Intercom's answer when it refused a call: the HTTP status and the
// decoded `error.list` body.
type Error struct {
	Operation string
	Status    int
	RequestID string
	Errors    []ErrorItem
	// RetryAt is when Intercom's rate-limit window refills, on 429 answers.
	RetryAt time.Time
	// BudgetLeft is set on a 429 that came while the rate-limit window still
	// had calls left: a limit of the operation itself (Intercom runs one
	// export job at a time), not the app's rate budget.
	BudgetLeft bool
}

// ErrorItem is one entry of Intercom's error.list.
type ErrorItem struct {
	Code    string `json:"code"`
	Message string `json:"message,omitempty"`
	Field   string `json:"field,omitempty"`
}

// ErrorList is the wire shape of an Intercom error body.
type ErrorList struct {
	Type      string      `json:"type"`
	RequestID string      `json:"request_id,omitempty"`
	Errors    []ErrorItem `json:"errors"`
}

// Code is the first error's code (Intercom almost always sends exactly one).
func (e *Error) Code() string {
	if len(e.Errors) == 0 {
		return ""
	}
	return e.Errors[0].Code
}

// Message is the first error's human-readable text.
func (e *Error) Message() string {
	if len(e.Errors) == 0 {
		return http.StatusText(e.Status)
	}
	return e.Errors[0].Message
}

// Field is the request field the first error names, if any.
func (e *Error) Field() string {
	if len(e.Errors) == 0 {
		return ""
	}
	return e.Errors[0].Field
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "intercom %s: %d", e.Operation, e.Status)
	if code := e.Code(); code != "" {
		fmt.Fprintf(&b, " %s", code)
	}
	if msg := e.Message(); msg != "" {
		fmt.Fprintf(&b, ": %s", msg)
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " (request %s)", e.RequestID)
	}
	return b.String()
}

// Temporary reports whether the same call may succeed later unchanged.
func (e *Error) Temporary() bool {
	return e.Status == http.StatusTooManyRequests || e.Status >= 500
}

// TransportError means no usable answer arrived: the connection failed or
// timed out, or the body was cut short or was not JSON.
type TransportError struct {
	Operation string
	RequestID string
	Timeout   bool
	Err       error
}

func (e *TransportError) Error() string {
	what := "failed"
	if e.Timeout {
		what = "timed out"
	}
	return fmt.Sprintf("intercom %s %s: %v", e.Operation, what, e.Err)
}

func (e *TransportError) Unwrap() error { return e.Err }

// IsStatus reports whether err is an Intercom refusal with that HTTP status.
func IsStatus(err error, status int) bool {
	var apiErr *Error
	return errors.As(err, &apiErr) && apiErr.Status == status
}

// ErrNotFound is the one notion of "no such object": errors.Is matches it
// against Intercom's 404 and against a NotFoundError, so callers ask one
// question whichever way the absence was learnt.
var ErrNotFound = errors.New("upstream: no such object")

// Is makes Intercom's 404 an ErrNotFound.
func (e *Error) Is(target error) bool {
	return target == ErrNotFound && e.Status == http.StatusNotFound
}

// NotFoundError names an object Intercom does not have, as the clients of
// this package asked for it: an id missing from a list Intercom sent whole
// (admins, teams, ticket types), or one its search and its GET both lack.
type NotFoundError struct {
	Kind string // the object's type: Admin, Contact, TicketTypeAttribute...
	ID   string
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("%s %q was not found", e.Kind, e.ID) }

// Is makes a NotFoundError an ErrNotFound.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// IsNotFound reports whether err says the object does not exist: Intercom's
// 404, or an id not among those Intercom listed.
func IsNotFound(err error) bool { return errors.Is(err, ErrNotFound) }

func newErrorFromResponse(operation string, resp *http.Response, body []byte) *Error {
	e := &Error{Operation: operation, Status: resp.StatusCode, RequestID: resp.Header.Get("X-Request-Id")}
	var list ErrorList
	var keyed keyedError
	switch {
	case json.Unmarshal(body, &list) == nil && len(list.Errors) > 0:
		e.Errors = list.Errors
		if list.RequestID != "" {
			e.RequestID = list.RequestID
		}
	case json.Unmarshal(body, &keyed) == nil && keyed.Key != "":
		e.Errors = []ErrorItem{{Code: keyed.Key, Message: keyed.Message}}
	default:
		// Gateways in front of Intercom answer 502/503 with HTML; keep the status, invent a code.
		e.Errors = []ErrorItem{{Code: fallbackCode(resp.StatusCode), Message: http.StatusText(resp.StatusCode)}}
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		e.RetryAt = retryAt(resp.Header, time.Now())
		left, err := strconv.Atoi(resp.Header.Get("X-RateLimit-Remaining"))
		e.BudgetLeft = err == nil && left > 0
	}
	return e
}

// keyedError is the other error body Intercom sends, from its phone call
// redirects: {"error_key": "invalid_phone_number", "message": "Invalid phone number"}.
type keyedError struct {
	Key     string `json:"error_key"`
	Message string `json:"message"`
}

func fallbackCode(status int) string {
	switch {
	case status == http.StatusUnauthorized:
		return "unauthorized"
	case status == http.StatusForbidden:
		return "forbidden"
	case status == http.StatusNotFound:
		return "not_found"
	case status == http.StatusTooManyRequests:
		return "rate_limit_exceeded"
	case status == http.StatusServiceUnavailable:
		return "service_unavailable"
	case status >= 500:
		return "server_error"
	default:
		return "parameter_invalid"
	}
}

// retryAt reads when a rate-limited call may be tried again: Retry-After if
// present, else the window's reset time from X-RateLimit-Reset.
func retryAt(h http.Header, now time.Time) time.Time {
	if s := h.Get("Retry-After"); s != "" {
		if secs, err := strconv.Atoi(s); err == nil && secs >= 0 {
			return now.Add(time.Duration(secs) * time.Second)
		}
	}
	if s := h.Get("X-RateLimit-Reset"); s != "" {
		if unix, err := strconv.ParseInt(s, 10, 64); err == nil && unix > 0 {
			return time.Unix(unix, 0)
		}
	}
	return time.Time{}
}
