package graph

import (
	"fmt"

	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream"
)

func segmentConnection(p *relay.Page[*upstream.Segment]) *model.SegmentConnection {
	return &model.SegmentConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.Segment) *model.SegmentEdge { return &model.SegmentEdge{Cursor: c, Node: n} }),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

// segmentPersonType maps a segment's person_type: Intercom calls leads
// "contact" there.
func segmentPersonType(s *upstream.Segment) (*model.ContactRole, error) {
	var role model.ContactRole
	switch s.PersonType {
	case "user":
		role = model.ContactRoleUser
	case "contact", "lead":
		role = model.ContactRoleLead
	case "":
		return nil, nil
	default:
		return nil, fmt.Errorf("intercom sent segment %s with unknown person_type %q", s.ID, s.PersonType)
	}
	return &role, nil
}
