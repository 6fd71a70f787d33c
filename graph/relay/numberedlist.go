package relay

import "fmt"

// NumberedBatch is one answer of an Intercom list paginated by page number.
type NumberedBatch[T any] struct {
	Items []T
	Total int // total_count
	// PerPage is the page size Intercom served, when it said; 0 means the
	// size asked for. Lists whose spec declares no per_page may keep their own.
	PerPage int
}

// PageFetch asks Intercom for page `page` (from 1) of perPage items.
type PageFetch[T any] func(page, perPage int) (NumberedBatch[T], error)

// NumberedList pages through a page-number list in either direction. It
// picks a per_page for which the requested range falls inside one upstream
// page, so most connection pages cost one call.
func NumberedList[T any](codec Codec, conn string, args Args, maxPerPage int, fetch PageFetch[T]) (*Page[T], error) {
	req, err := args.validate(true)
	if err != nil {
		return nil, err
	}
	pos, ok, err := req.position(codec, conn)
	if err != nil {
		return nil, err
	}
	var start, count, total int
	var items []T
	switch {
	case !req.backward:
		if ok {
			start = pos.Offset + 1
		}
		count = req.count
		items, total, err = fetchRange(fetch, start, count, maxPerPage)
	case ok:
		start = max(pos.Offset-req.count, 0)
		count = pos.Offset - start
		items, total, err = fetchRange(fetch, start, count, maxPerPage)
	default:
		// The last n items: the first call learns the total, and brings the
		// items of page one, which are the whole answer when the list fits in n
		// and a head start when n exceeds maxPerPage.
		first, ferr := fetch(1, max(min(req.count, maxPerPage), 1))
		if ferr != nil {
			return nil, ferr
		}
		total = max(first.Total, 0)
		start = max(total-req.count, 0)
		count = total - start
		have := first.Items[min(start, len(first.Items)):]
		if len(have) >= count {
			items = have[:count]
			break
		}
		var rest []T
		rest, total, err = fetchRange(fetch, start+len(have), count-len(have), maxPerPage)
		items = append(have[:len(have):len(have)], rest...)
	}
	if err != nil {
		return nil, err
	}
	return pageAt(codec, conn, "", start, items).finish(start > 0, start+len(items) < total, &total), nil
}

// fetchRange reads items [start, start+count) with as few calls as it can.
// When Intercom serves pages of another size than asked, the page is read
// at the size it has (its items start at (page-1)*size), and the following
// pages are asked for at that size.
func fetchRange[T any](fetch PageFetch[T], start, count, maxPerPage int) ([]T, int, error) {
	if count == 0 {
		b, err := fetch(start+1, 1)
		return nil, b.Total, err
	}
	perPage := planPerPage(start, count, maxPerPage)
	var out []T
	total, resized := 0, false
	for len(out) < count {
		next := start + len(out)
		page := next/perPage + 1
		b, err := fetch(page, perPage)
		if err != nil {
			return nil, 0, err
		}
		total = b.Total
		if b.PerPage > 0 && b.PerPage != perPage {
			if resized {
				return nil, 0, fmt.Errorf("%w: Intercom changed its page size from %d to %d between pages", ErrUpstreamPagination, perPage, b.PerPage)
			}
			perPage, resized = b.PerPage, true
		}
		first := (page - 1) * perPage
		if next < first || next >= first+perPage {
			continue // the page served at its own size lies elsewhere: ask again at that size
		}
		from := min(next-first, len(b.Items))
		out = append(out, b.Items[from:min(from+count-len(out), len(b.Items))]...)
		// A short page ends the list; so does the total, which saves a call
		// for an empty page when the list ends on a page boundary.
		if len(b.Items) < perPage || (total > 0 && page*perPage >= total) {
			break
		}
	}
	return out, total, nil
}

// planPerPage picks the page size that covers [start, start+count) in the
// fewest pages, and among those the smallest. The page size never exceeds
// maxPerPage, even when count does (first: 100 on companies, capped at 60).
func planPerPage(start, count, maxPerPage int) int {
	if p, ok := alignedPerPage(start, count, maxPerPage); ok {
		return p
	}
	best, bestPages := 1, count
	for p := 2; p <= maxPerPage; p++ {
		if pages := (start+count-1)/p - start/p + 1; pages < bestPages {
			best, bestPages = p, pages
		}
	}
	return best
}

// alignedPerPage finds the smallest page size, from count up to maxPerPage,
// for which [start, start+count) lies within one page.
func alignedPerPage(start, count, maxPerPage int) (int, bool) {
	if start < 0 || count < 1 {
		return 0, false
	}
	for p := count; p <= maxPerPage; p++ {
		if start/p == (start+count-1)/p {
			return p, true
		}
	}
	return 0, false
}
