package graph

import (
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream"
)

func subscriptionTypeConnection(p *relay.Page[*upstream.SubscriptionType]) *model.SubscriptionTypeConnection {
	return &model.SubscriptionTypeConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.SubscriptionType) *model.SubscriptionTypeEdge {
			return &model.SubscriptionTypeEdge{Cursor: c, Node: n}
		}),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

// contactSubscriptionTypeConnection pages the types a contact chose about.
// Intercom lists only explicit choices, so the choice follows from the type:
// an opt-in type listed was opted in to, an opt-out type listed was left.
func contactSubscriptionTypeConnection(p *relay.Page[*upstream.SubscriptionType]) (*model.ContactSubscriptionTypeConnection, error) {
	edges := make([]*model.ContactSubscriptionTypeEdge, len(p.Nodes))
	for i, st := range p.Nodes {
		consent, err := wireEnum[model.SubscriptionConsentType]("consent type", st.ConsentType)
		if err != nil {
			return nil, err
		}
		edge := &model.ContactSubscriptionTypeEdge{Cursor: p.Cursor(i), Node: st, Consent: model.ContactSubscriptionConsentOptedIn}
		if consent == model.SubscriptionConsentTypeOptOut {
			edge.Consent = model.ContactSubscriptionConsentOptedOut
		}
		edges[i] = edge
	}
	return &model.ContactSubscriptionTypeConnection{Edges: edges, Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p)}, nil
}
