package upstream

import (
	"bytes"
	"encoding/json"
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
	Type       string  `json:"type"`
	Page       int     `json:"page"`
	Next       *string `json:"next"`
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

// UnmarshalJSON reads a pages object whose next is the URL of the following
// page, as Intercom sends it, or null. The spec describes next on some of
// these lists as a starting_after object; such a next is read as "there is a
// next page" without a URL, since page numbers, not links, drive these lists.
func (p *PagesLink) UnmarshalJSON(b []byte) error {
	var wire struct {
		Type       string          `json:"type"`
		Page       int             `json:"page"`
		Next       json.RawMessage `json:"next"`
		PerPage    int             `json:"per_page"`
		TotalPages int             `json:"total_pages"`
	}
	if err := json.Unmarshal(b, &wire); err != nil {
		return err
	}
	*p = PagesLink{Type: wire.Type, Page: wire.Page, PerPage: wire.PerPage, TotalPages: wire.TotalPages}
	switch next := bytes.TrimSpace(wire.Next); {
	case len(next) == 0 || string(next) == "null":
	case next[0] == '"':
		var link string
		if err := json.Unmarshal(next, &link); err != nil {
			return err
		}
		p.Next = &link
	default:
		empty := ""
		p.Next = &empty
	}
	return nil
}
