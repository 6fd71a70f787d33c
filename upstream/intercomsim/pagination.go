package intercomsim

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"intercom-graphql/upstream"
)

// Cursor pagination: Intercom's starting_after values are opaque; ours encode
// the sequence number of the last item served and the page number, so a page
// stays where it was when objects are added or removed before it.

type startingAfter struct {
	Seq  int64 `json:"s"`
	Page int   `json:"p"`
}

func encodeStartingAfter(t startingAfter) string {
	b, _ := json.Marshal(t)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeStartingAfter(s string) (startingAfter, error) {
	var t startingAfter
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &t) != nil || t.Page < 1 || t.Seq < 0 {
		return t, errors.New("starting_after is not a cursor this API issued")
	}
	return t, nil
}

// sequenced is anything listed in creation order.
type sequenced interface{ sequence() int64 }

// cursorPage serves one page of items newest first, as Intercom's cursor
// lists do. Items are in creation order (ascending sequence), the order the
// workspace keeps them in, so a cursor finds its place by binary search and
// a page costs its own size, not the list's.
func cursorPage[T sequenced](items []T, perPage int, after string) ([]T, *upstream.CursorPages, error) {
	end, page := len(items), 1
	if after != "" {
		t, err := decodeStartingAfter(after)
		if err != nil {
			return nil, nil, err
		}
		page = t.Page + 1
		// The page goes on with the newest item older than the last one served.
		end, _ = slices.BinarySearchFunc(items, t.Seq, func(it T, seq int64) int { return cmp.Compare(it.sequence(), seq) })
	}
	start := max(end-perPage, 0)
	out := slices.Clone(items[start:end])
	slices.Reverse(out)
	pages := &upstream.CursorPages{Type: "pages", Page: page, PerPage: perPage, TotalPages: ceilDiv(len(items), perPage)}
	if start > 0 {
		pages.Next = &upstream.StartingAfter{PerPage: perPage, StartingAfter: encodeStartingAfter(startingAfter{Seq: items[start].sequence(), Page: page})}
	}
	return out, pages, nil
}

// pageNumberPage serves page `page` (from 1) of items; next is the URL of the
// following page, as Intercom sends it, keeping the request's other
// parameters (filters, order).
func pageNumberPage[T any](r *http.Request, items []T, page, perPage int) ([]T, upstream.PagesLink) {
	start := min((page-1)*perPage, len(items))
	end := min(start+perPage, len(items))
	link := upstream.PagesLink{Type: "pages", Page: page, PerPage: perPage, TotalPages: ceilDiv(len(items), perPage)}
	if end < len(items) {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(page+1))
		q.Set("per_page", strconv.Itoa(perPage))
		next := fmt.Sprintf("%s://%s%s?%s", scheme(r), r.Host, r.URL.Path, q.Encode())
		link.Next = &upstream.NextPage{URL: next, Page: page + 1, PerPage: perPage}
	}
	return items[start:end], link
}

func ceilDiv(n, d int) int {
	if n == 0 {
		return 0
	}
	return (n + d - 1) / d
}

// perPageParam reads a per_page value, answering 400 itself when it is out of
// range; ok is false when it did.
func perPageParam(w http.ResponseWriter, r *http.Request, raw string, def, maxPerPage int) (int, bool) {
	if raw == "" {
		return def, true
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > maxPerPage {
		badRequest(w, r, "parameter_invalid", fmt.Sprintf("per_page must be an integer between 1 and %d", maxPerPage), "per_page")
		return 0, false
	}
	return n, true
}

// pageParam reads a page number (from 1).
func pageParam(w http.ResponseWriter, r *http.Request, raw string) (int, bool) {
	if raw == "" {
		return 1, true
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 {
		badRequest(w, r, "parameter_invalid", "page must be a positive integer", "page")
		return 0, false
	}
	return n, true
}

// pageNumberPageObject serves page `page` (from 1) of items with pages.next
// as the spec types it for these lists: an object with the number and size
// of the following page.
func pageNumberPageObject[T any](items []T, page, perPage int) ([]T, upstream.PagesLink) {
	start := min((page-1)*perPage, len(items))
	end := min(start+perPage, len(items))
	link := upstream.PagesLink{Type: "pages", Page: page, PerPage: perPage, TotalPages: ceilDiv(len(items), perPage)}
	if end < len(items) {
		link.Next = &upstream.NextPage{Page: page + 1, PerPage: perPage}
	}
	return items[start:end], link
}

func scheme(r *http.Request) string {
	if r.TLS != nil {
		return "https"
	}
	return "http"
}
