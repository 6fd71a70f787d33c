package upstream

import (
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

// PagesLink is the `pages` object of page-number-paginated lists.
type PagesLink struct {
	Type       string  `json:"type"`
	Page       int     `json:"page"`
	Next       *string `json:"next,omitempty"`
	PerPage    int     `json:"per_page"`
	TotalPages int     `json:"total_pages"`
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
