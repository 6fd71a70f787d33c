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
