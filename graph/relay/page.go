package relay

import "slices"

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
	Nodes      []T
	Cursors    []string
	PageInfo   PageInfo
	TotalCount *int
}

// Edges pairs every node with its cursor through build, for the generated
// edge types of each connection.
func Edges[T, E any](p *Page[T], build func(cursor string, node T) E) []E {
	edges := make([]E, len(p.Nodes))
	for i, n := range p.Nodes {
		edges[i] = build(p.Cursors[i], n)
	}
	return edges
}

// pageAt is the page of items found at offsets start, start+1... of
// connection conn; token, when the list has one, is where the cursors resume
// upstream. The page holds its own copy of items, which may belong to a cache.
func pageAt[T any](codec Codec, conn, token string, start int, items []T) *Page[T] {
	p := &Page[T]{Nodes: slices.Clone(items), Cursors: make([]string, len(items))}
	for i := range items {
		p.Cursors[i] = codec.Encode(Position{Conn: conn, Offset: start + i, Token: token})
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
	p.TotalCount = total
	return p
}
