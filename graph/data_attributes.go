package graph

import (
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream"
)

func dataAttributeConnection(p *relay.Page[*upstream.DataAttribute]) *model.DataAttributeConnection {
	return &model.DataAttributeConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.DataAttribute) *model.DataAttributeEdge {
			return &model.DataAttributeEdge{Cursor: c, Node: n}
		}),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}
