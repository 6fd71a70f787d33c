package relay

// Slice pages through a list Intercom hands over whole (admins, teams, tags,
// a contact's segments...): any direction, no upstream call per page.
func Slice[T any](codec Codec, conn string, args Args, all []T) (*Page[T], error) {
	req, err := args.validate(true)
	if err != nil {
		return nil, err
	}
	start, end, err := window(codec, conn, req, len(all))
	if err != nil {
		return nil, err
	}
	total := len(all)
	return pageAt(codec, conn, "", start, all[start:end]).finish(start > 0, end < total, &total), nil
}

// window turns a validated request into the half-open range [start, end) of
// a list of known length.
func window(codec Codec, conn string, req request, total int) (start, end int, err error) {
	pos, ok, err := req.position(codec, conn)
	if err != nil {
		return 0, 0, err
	}
	if !req.backward {
		if ok {
			start = min(pos.Offset+1, total)
		}
		return start, min(start+req.count, total), nil
	}
	end = total
	if ok {
		end = min(pos.Offset, total)
	}
	return max(end-req.count, 0), end, nil
}
