package graph

import (
	"context"
	"strconv"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/loaders"
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

// customAttribute marks the global IDs of custom attributes, which are known
// by their Intercom id; standard attributes have none and are known by their
// model and full name instead, which Intercom keeps unique within a model.
const customAttribute = "custom"

// dataAttributeModels are the models a standard attribute's global ID may name.
var dataAttributeModels = map[string]bool{"contact": true, "company": true, "conversation": true}

// dataAttributeKey is the Intercom part of a data attribute's global ID.
func dataAttributeKey(a *upstream.DataAttribute) string {
	if a.ID != nil {
		return relay.JoinIDs(customAttribute, strconv.FormatInt(*a.ID, 10))
	}
	return relay.JoinIDs(a.Model, a.FullName)
}

// loadDataAttribute finds a data attribute again in the workspace's list,
// archived ones included: Intercom has no call for one attribute, and one
// list of every model serves every attribute a query asks for.
func loadDataAttribute(ctx context.Context, key string) func() (relay.Node, error) {
	ids, err := relay.SplitIDs(key, 2)
	if err != nil || !(ids[0] == customAttribute && numeric(ids[1]) || dataAttributeModels[ids[0]]) {
		return fail(errcode.InputField("id", relay.ErrMalformedID))
	}
	return func() (relay.Node, error) {
		all, err := loaders.For(ctx).DataAttributes(ctx, upstream.DataAttributeListOptions{IncludeArchived: true})
		if err != nil {
			return nil, err
		}
		for _, a := range all {
			if dataAttributeKey(a) == key {
				return a, nil
			}
		}
		return nil, errcode.Missing(typeDataAttribute, key)
	}
}
