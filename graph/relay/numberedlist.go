package relay

// NumberedBatch is one answer of an Intercom list paginated by page number.
type NumberedBatch[T any] struct {
	Items []T
	Total int // total_count
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
		// The last n items: the first call learns the total; what it brought of
		// the range is kept, and only the rest is fetched.
		first, ferr := fetch(1, max(min(req.count, maxPerPage), 1))
		if ferr != nil {
			return nil, ferr
		}
		total = first.Total
		start = max(total-req.count, 0)
		count = total - start
		if start < len(first.Items) {
			items = first.Items[start:min(len(first.Items), start+count)]
			if len(items) < count {
				var rest []T
				rest, total, err = fetchRange(fetch, start+len(items), count-len(items), maxPerPage)
				items = append(items, rest...)
			}
		} else {
			items, total, err = fetchRange(fetch, start, count, maxPerPage)
		}
	}
	if err != nil {
		return nil, err
	}
	p := &Page[T]{}
	for i, it := range items {
		p.Nodes = append(p.Nodes, it)
		p.Cursors = append(p.Cursors, codec.Encode(Position{Conn: conn, Offset: start + i}))
	}
	return p.finish(start > 0, start+len(items) < total, &total), nil
}

// fetchRange reads items [start, start+count) with as few calls as it can,
// never asking for more than maxPerPage items a page.
func fetchRange[T any](fetch PageFetch[T], start, count, maxPerPage int) ([]T, int, error) {
	if count == 0 {
		b, err := fetch(start+1, 1)
		return nil, b.Total, err
	}
	perPage := bestPerPage(start, count, maxPerPage)
	var out []T
	total := 0
	for page := start/perPage + 1; len(out) < count; page++ {
		b, err := fetch(page, perPage)
		if err != nil {
			return nil, 0, err
		}
		total = b.Total
		from := 0
		if page == start/perPage+1 {
			from = min(start%perPage, len(b.Items))
		}
		out = append(out, b.Items[from:min(from+count-len(out), len(b.Items))]...)
		if len(b.Items) < perPage {
			break
		}
	}
	return out, total, nil
}

// bestPerPage picks the page size, from 1 to maxPerPage, that covers
// [start, start+count) in the fewest pages, and the smallest such size, so no
// call brings more than it must. When the range fits one page of at most
// maxPerPage items, that is one call.
func bestPerPage(start, count, maxPerPage int) int {
	best, bestCalls := 1, count
	for p := 1; p <= max(maxPerPage, 1); p++ {
		if calls := (start+count-1)/p - start/p + 1; calls < bestCalls {
			best, bestCalls = p, calls
		}
	}
	return best
}
