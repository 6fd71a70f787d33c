package graph

import (
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream"
)

func tagConnection(p *relay.Page[*upstream.Tag]) *model.TagConnection {
	return &model.TagConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.Tag) *model.TagEdge { return &model.TagEdge{Cursor: c, Node: n} }),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

// tagsOf is the tags of an embedded tag list, which may be absent.
func tagsOf(list *upstream.TagList) []*upstream.Tag {
	if list == nil {
		return nil
	}
	return list.Tags
}
