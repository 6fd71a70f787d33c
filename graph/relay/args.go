package relay

import (
	"errors"
	"fmt"
)

// MaxPageSize caps first and last, as GitHub caps them at 100: a page stays
// within one upstream call on every Intercom list (their limits are 50 to 150).
const MaxPageSize = 100

// DefaultPageSize applies when a client gives neither first nor last.
const DefaultPageSize = 20

// Args are the Relay arguments of a connection field as the client sent them.
type Args struct {
	First  *int
	After  *string
	Last   *int
	Before *string
}

// ErrBackwardUnsupported is returned for last/before on connections over
// Intercom's forward-only cursor and scroll lists.
var ErrBackwardUnsupported = errors.New("this connection pages forward only, as Intercom's cursor pagination does: use first and after")

// InputError is a client mistake in a connection's arguments: a bad count, a
// contradictory combination, or a cursor this connection did not issue.
type InputError struct {
	Argument string
	Err      error
}

func (e *InputError) Error() string { return e.Argument + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(argument string, err error) error { return &InputError{Argument: argument, Err: err} }

// request is validated Args: a direction and a count.
type request struct {
	backward  bool
	count     int
	cursor    *string // after when forward, before when backward
	cursorArg string  // the name of that argument, for errors
}

// position decodes the request's cursor, if it has one.
func (r request) position(codec Codec, conn string) (Position, bool, error) {
	if r.cursor == nil {
		return Position{}, false, nil
	}
	pos, err := codec.Decode(*r.cursor, conn)
	if err != nil {
		return Position{}, false, inputErr(r.cursorArg, err)
	}
	return pos, true, nil
}

func (a Args) validate(backwardAllowed bool) (request, error) {
	if a.First != nil && a.Last != nil {
		return request{}, inputErr("first", errors.New("pass either first or last, not both"))
	}
	if a.After != nil && a.Before != nil {
		return request{}, inputErr("after", errors.New("pass either after or before, not both"))
	}
	backward := a.Last != nil || a.Before != nil
	if backward && a.First != nil {
		return request{}, inputErr("before", errors.New("before pages backward: combine it with last, not first"))
	}
	if backward && a.After != nil {
		return request{}, inputErr("after", errors.New("after pages forward: combine it with first, not last"))
	}
	if backward && !backwardAllowed {
		argument := "last"
		if a.Last == nil {
			argument = "before"
		}
		return request{}, inputErr(argument, ErrBackwardUnsupported)
	}
	r := request{backward: backward, count: DefaultPageSize, cursor: a.After, cursorArg: "after"}
	if backward {
		r.cursor, r.cursorArg = a.Before, "before"
	}
	n, name := a.First, "first"
	if backward {
		n, name = a.Last, "last"
	}
	if n != nil {
		if *n < 0 || *n > MaxPageSize {
			return request{}, inputErr(name, fmt.Errorf("must be between 0 and %d, got %d", MaxPageSize, *n))
		}
		r.count = *n
	}
	return r, nil
}
