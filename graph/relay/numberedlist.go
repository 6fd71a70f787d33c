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
		// The last n items: the first call learns the total; when the whole list
		// fits in n it has already brought everything.
		first, ferr := fetch(1, max(min(req.count, maxPerPage), 1))
		if ferr != nil {
			return nil, ferr
		}
		total = first.Total
		start = max(total-req.count, 0)
		count = total - start
		if start == 0 && len(first.Items) >= count {
			items = first.Items[:count]
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

// fetchRange reads items [start, start+count) with as few calls as it can.
func fetchRange[T any](fetch PageFetch[T], start, count, maxPerPage int) ([]T, int, error) {
	if count == 0 {
		b, err := fetch(start+1, 1)
		return nil, b.Total, err
	}
	if perPage, ok := alignedPerPage(start, count, maxPerPage); ok {
		b, err := fetch(start/perPage+1, perPage)
		if err != nil {
			return nil, 0, err
		}
		from := min(start%perPage, len(b.Items))
		return b.Items[from:min(from+count, len(b.Items))], b.Total, nil
	}
	// No page size holds the range whole: with per_page = count it spans two
	// pages; a range longer than Intercom's largest page spans several.
	perPage := min(count, maxPerPage)
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
		if len(b.Items) < perPage || page*perPage >= total {
			break
		}
	}
	return out, total, nil
}

// alignedPerPage finds the smallest page size, from count up to maxPerPage,
// for which [start, start+count) lies within one page.
func alignedPerPage(start, count, maxPerPage int) (int, bool) {
	for p := count; p <= maxPerPage; p++ {
		if start/p == (start+count-1)/p {
			return p, true
		}
	}
	return 0, false
}
