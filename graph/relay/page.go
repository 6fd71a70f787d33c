package relay

// PageInfo is Relay's pageInfo.
type PageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

// Page is one page of a connection: the nodes, a cursor per node, and the
// page's position in the whole list.
type Page[T any] struct {
	Nodes []T
	// Cursors holds a cursor per node; only those the codec's selection
	// shows are signed, the others are empty. A page whose selection shows
	// none (nodes alone) has none.
	Cursors    []string
	PageInfo   PageInfo
	TotalCount *int

	shown shownCursors
	total int
}

// shownCursors is which of a page's cursors its connection's selection shows.
// Signing a cursor costs an HMAC and a few allocations per item, which a
// selection of nodes alone never sees.
type shownCursors uint8

const (
	everyCursor shownCursors = iota // edges are selected
	endCursors                      // pageInfo alone: its start and end cursors
	noCursor                        // neither edges nor pageInfo
)

func (s shownCursors) signs(i, n int) bool {
	return s == everyCursor || (s == endCursors && (i == 0 || i == n-1))
}

// ForSelection is the codec for pages of a connection whose selection shows
// edges, pageInfo, both or neither: the cursors left unseen are not signed
// (and edges are not built without edges). The cursors it signs are spelled
// as any codec of the same key spells them.
func (c Codec) ForSelection(edges, pageInfo bool) Codec {
	switch {
	case edges:
		c.shown = everyCursor
	case pageInfo:
		c.shown = endCursors
	default:
		c.shown = noCursor
	}
	return c
}

// Edges pairs every node with its cursor through build, for the generated
// edge types of each connection; none when the page's selection has no edges.
func Edges[T, E any](p *Page[T], build func(cursor string, node T) E) []E {
	if p.shown != everyCursor {
		return nil
	}
	edges := make([]E, len(p.Nodes))
	for i, n := range p.Nodes {
		edges[i] = build(p.Cursor(i), n)
	}
	return edges
}

// Cursor is node i's cursor, or "" where the page's selection does not show it.
func (p *Page[T]) Cursor(i int) string {
	if i < len(p.Cursors) {
		return p.Cursors[i]
	}
	return ""
}

// pageAt is the page of items found at offsets start, start+1... of
// connection conn; token, when the list has one, is where the cursors resume
// upstream. items may belong to a cache: the page's nodes share its array but
// not its capacity, so nothing appended to them reaches the cache, and nothing
// writes to them. A page none of whose cursors is shown has no cursors at all.
func pageAt[T any](codec Codec, conn, token string, start int, items []T) *Page[T] {
	p := &Page[T]{Nodes: items[:len(items):len(items)], shown: codec.shown}
	if codec.shown == noCursor {
		return p
	}
	p.Cursors = make([]string, len(items))
	for i := range items {
		if codec.shown.signs(i, len(items)) {
			p.Cursors[i] = codec.Encode(Position{Conn: conn, Offset: start + i, Token: token})
		}
	}
	return p
}

func (p *Page[T]) finish(hasPrev, hasNext bool, total *int) *Page[T] {
	p.PageInfo.HasPreviousPage, p.PageInfo.HasNextPage = hasPrev, hasNext
	if n := len(p.Cursors); n > 0 {
		p.PageInfo.StartCursor, p.PageInfo.EndCursor = &p.Cursors[0], &p.Cursors[n-1]
	}
	if p.Nodes == nil {
		p.Nodes, p.Cursors = []T{}, []string{}
	}
	if total != nil { // kept in the page: one allocation for both
		p.total = *total
		p.TotalCount = &p.total
	}
	return p
}
