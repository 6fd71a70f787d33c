package graph

import (
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream"
)

func newsItemConnection(p *relay.Page[*upstream.NewsItem]) *model.NewsItemConnection {
	return &model.NewsItemConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.NewsItem) *model.NewsItemEdge {
			return &model.NewsItemEdge{Cursor: c, Node: n}
		}),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

func newsfeedConnection(p *relay.Page[*upstream.Newsfeed]) *model.NewsfeedConnection {
	return &model.NewsfeedConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.Newsfeed) *model.NewsfeedEdge {
			return &model.NewsfeedEdge{Cursor: c, Node: n}
		}),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}
