package upstream

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
)

// Intercom paginates in four styles (cursor, page number, scroll, none). These
// are the wire shapes of the first two; the scroll shape lives with companies.

// CursorPages is the `pages` object of cursor-paginated lists and searches.
type CursorPages struct {
	Type       string         `json:"type"`
	Page       int            `json:"page"`
	PerPage    int            `json:"per_page"`
	TotalPages int            `json:"total_pages"`
	Next       *StartingAfter `json:"next,omitempty"`
}

// StartingAfter points at the next page of a cursor-paginated list. It is also
// the request body's `pagination` object of the search endpoints.
type StartingAfter struct {
	PerPage       int    `json:"per_page,omitempty"`
	StartingAfter string `json:"starting_after,omitempty"`
}

// NextCursor is the starting_after value of the next page, or "" on the last page.
func (p *CursorPages) NextCursor() string {
	if p == nil || p.Next == nil {
		return ""
	}
	return p.Next.StartingAfter
}

// PagesLink is the `pages` object of page-number-paginated lists. Next is
// null on the last page, as Intercom sends it.
type PagesLink struct {
	Type       string    `json:"type"`
	Page       int       `json:"page"`
	Next       *NextPage `json:"next"`
	PerPage    int       `json:"per_page"`
	TotalPages int       `json:"total_pages"`
}

// NextPage points at the following page of a page-number list. The spec
// types it as starting_after_paging, an object; Intercom answers some of
// these lists with the next page's URL instead. Both forms decode, and the
// page number and size are read from either.
type NextPage struct {
	Page          int     `json:"page,omitempty"`
	PerPage       int     `json:"per_page"`
	StartingAfter *string `json:"starting_after"`
	// URL is the next page's address, when Intercom sent one rather than an object.
	URL string `json:"-"`
}

// MarshalJSON writes the form the page was read in (or built with): the URL
// when there is one, the object otherwise.
func (n NextPage) MarshalJSON() ([]byte, error) {
	if n.URL != "" {
		return json.Marshal(n.URL)
	}
	type object NextPage
	return json.Marshal(object(n))
}

// UnmarshalJSON reads either form of a next page.
func (n *NextPage) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var raw string
		if err := json.Unmarshal(b, &raw); err != nil {
			return err
		}
		*n = NextPage{URL: raw}
		if u, err := url.Parse(raw); err == nil {
			n.Page, _ = strconv.Atoi(u.Query().Get("page"))
			n.PerPage, _ = strconv.Atoi(u.Query().Get("per_page"))
		}
		return nil
	}
	type object NextPage
	return json.Unmarshal(b, (*object)(n))
}

// CursorOptions select one page of a cursor-paginated list.
type CursorOptions struct {
	PerPage       int    // 0 leaves Intercom's default
	StartingAfter string // "" for the first page
}

// MaxPerPage is the largest page Intercom serves on cursor-paginated lists and searches.
const MaxPerPage = 150

func (o CursorOptions) values() url.Values {
	q := url.Values{}
	if o.PerPage > 0 {
		q.Set("per_page", strconv.Itoa(o.PerPage))
	}
	if o.StartingAfter != "" {
		q.Set("starting_after", o.StartingAfter)
	}
	return q
}

// PageOptions select one page of a page-number list.
type PageOptions struct {
	Page    int // from 1; 0 leaves Intercom's default, the first page
	PerPage int // 0 leaves Intercom's default
}

func (o PageOptions) values() url.Values {
	q := url.Values{}
	if o.Page > 0 {
		q.Set("page", strconv.Itoa(o.Page))
	}
	if o.PerPage > 0 {
		q.Set("per_page", strconv.Itoa(o.PerPage))
	}
	return q
}

// checkPage refuses an answer that is not the page asked for. Some of
// Intercom's page-number lists have ignored page; taking their first page
// for the second would hand out the same items twice. A page of another
// size is no mistake: the spec declares no per_page on several of these
// lists, and the caller reads the page at the size it was served.
func checkPage(operation string, asked PageOptions, got *PagesLink) error {
	if got == nil {
		return nil
	}
	if asked.Page > 0 && got.Page != 0 && got.Page != asked.Page {
		return &TransportError{Operation: operation, Err: fmt.Errorf("asked for page %d of %d items, Intercom answered with page %d of %d items",
			max(asked.Page, 1), asked.PerPage, got.Page, got.PerPage)}
	}
	return nil
}

// fetchPage is fetch for one page of a page-number list: an answer that is
// not the page asked for fails the call (checkPage).
func fetchPage[T any](ctx context.Context, c *Client, cl call, asked PageOptions, pages func(*T) *PagesLink) (*T, error) {
	out, err := fetch[T](ctx, c, cl)
	if err != nil {
		return nil, err
	}
	if err := checkPage(cl.operation, asked, pages(out)); err != nil {
		return nil, err
	}
	return out, nil
}
