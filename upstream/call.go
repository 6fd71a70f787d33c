package upstream

import (
	"context"
	"fmt"
	"net/url"
	"strings"
)

// call describes one operation of the spec.
type call struct {
	operation string // operationId
	method    string // HTTP method
	// template is the spec's path, such as /contacts/{contact_id}/tags/{id}:
	// the one spelling of the endpoint. Observers label metrics with it, so
	// ids stay out of labels, and the request path is filled in from it.
	template string
	ids      []string   // fill the template's {placeholders}, in order
	path     string     // the filled-in path, ids escaped; set by do, never by hand
	query    url.Values // may be nil
	body     any        // JSON-encoded when non-nil
	// idempotent marks a call that may be retried after a failure.
	idempotent bool
	// invalidates names resource kinds, beyond the call's own, whose cached
	// answers a successful write makes stale.
	invalidates []string
	cacheable   bool // set by read when the cache may keep the answer
	// write marks a call that changes the workspace: its success orphans the
	// cached answers of its own kind and of the kinds in invalidates.
	write bool
	// doneIfGone marks a removal that is retried: when an earlier attempt's
	// outcome is unknown (no answer, or a 5xx), a 404 on the retry means that
	// attempt removed the object, and the call succeeded (errRemovedEarlier).
	doneIfGone bool
}

// fill puts the escaped ids into the template's placeholders: an id that came
// from a client stays one path segment and can never change which endpoint
// is called.
func (cl call) fill() (string, error) {
	segments := strings.Split(cl.template, "/")
	next := 0
	for i, s := range segments {
		if !strings.HasPrefix(s, "{") || !strings.HasSuffix(s, "}") {
			continue
		}
		if next < len(cl.ids) {
			segments[i] = url.PathEscape(cl.ids[next])
		}
		next++
	}
	if next != len(cl.ids) {
		return "", fmt.Errorf("upstream: building %s request: %s has %d placeholders for %d ids", cl.operation, cl.template, next, len(cl.ids))
	}
	return strings.Join(segments, "/"), nil
}

// fetch makes a call and returns its decoded answer. On failure the answer is
// nil: a zero object beside an error could pass for an empty one.
func fetch[T any](ctx context.Context, c *Client, cl call) (*T, error) {
	var out T
	if err := c.do(ctx, cl, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
