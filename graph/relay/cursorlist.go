package relay

import (
	"errors"
	"fmt"
	"slices"
)

// CursorBatch is one answer of an Intercom list paginated with starting_after.
type CursorBatch[T any] struct {
	Items []T
	Next  string // starting_after of the following page; "" on the last page
	Total int    // total_count; negative when Intercom did not say
}

// CursorFetch asks Intercom for perPage items starting after token ("" for the start).
type CursorFetch[T any] func(perPage int, token string) (CursorBatch[T], error)

// maxFetchesPerPage bounds the calls one page may cost when the upstream
// serves far fewer items than per_page asks for.
const maxFetchesPerPage = 8

// ErrUpstreamPagination is what the upstream's pagination errors wrap: the
// fault is Intercom's answers, not the client's arguments.
var ErrUpstreamPagination = errors.New("upstream pagination misbehaved")

var (
	// errNoProgress reports an upstream whose next cursor leads back to a
	// page already read.
	errNoProgress = fmt.Errorf("%w: the next page cursor did not advance", ErrUpstreamPagination)
	// errTooManyFetches reports an upstream whose pages are too small to fill
	// a connection page within maxFetchesPerPage calls.
	errTooManyFetches = fmt.Errorf("%w: pages too small to fill the requested page", ErrUpstreamPagination)
)

// CursorList pages forward through a starting_after list. A page that begins
// at the end of the previous one costs a single call (per_page = first); a page
// that resumes mid-way through an upstream page re-reads that page and skips
// what the client has seen, so it costs one call as long as the two fit in
// maxPerPage.
func CursorList[T any](codec Codec, conn string, args Args, maxPerPage int, fetch CursorFetch[T]) (*Page[T], error) {
	req, err := args.validate(false)
	if err != nil {
		return nil, err
	}
	pos, ok, err := req.position(codec, conn)
	if err != nil {
		return nil, err
	}
	token, skip, offset := "", 0, 0
	if ok {
		token, skip, offset = pos.Token, pos.Skip, pos.Offset+1
	}
	hasPrev := offset > 0
	need := req.count
	p := &Page[T]{shown: codec.shown}
	var lastResume Position // signed after the loop when only the ends are shown
	total, hasNext := -1, false
	read := []string{token}
	for fetches := 0; ; fetches++ {
		if fetches == maxFetchesPerPage {
			return nil, errTooManyFetches
		}
		b, err := fetch(min(maxPerPage, skip+max(need, 1)), token)
		if err != nil {
			return nil, err
		}
		if b.Next != "" && slices.Contains(read, b.Next) {
			// Following it would hand out the same items again, on this page
			// or on the client's next one.
			return nil, errNoProgress
		}
		read = append(read, b.Next)
		total = b.Total
		if skip >= len(b.Items) {
			// Everything in this batch was seen before (or the list shrank).
			if b.Next == "" || len(b.Items) == 0 {
				hasNext = false
				break
			}
			skip -= len(b.Items)
			token = b.Next
			continue
		}
		last := len(b.Items) - 1
		j := skip
		for ; j <= last && need > 0; j++ {
			resume := Position{Conn: conn, Offset: offset, Token: token, Skip: j + 1}
			if j == last && b.Next != "" {
				resume.Token, resume.Skip = b.Next, 0
			}
			p.Nodes = append(p.Nodes, b.Items[j])
			cursor := ""
			if codec.shown == everyCursor || (codec.shown == endCursors && len(p.Cursors) == 0) {
				cursor = codec.Encode(resume)
			}
			p.Cursors = append(p.Cursors, cursor)
			lastResume = resume
			offset++
			need--
		}
		if need == 0 {
			// Unread items in this batch, or a next page that holds some.
			hasNext = j <= last || (b.Next != "" && (total < 0 || offset < total))
			break
		}
		if b.Next == "" {
			break
		}
		token, skip = b.Next, 0
	}
	if n := len(p.Cursors); codec.shown == endCursors && n > 1 {
		p.Cursors[n-1] = codec.Encode(lastResume)
	}
	var totalCount *int
	if total >= 0 {
		totalCount = &total
	}
	return p.finish(hasPrev, hasNext, totalCount), nil
}
