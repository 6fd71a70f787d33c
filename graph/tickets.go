package graph

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// ticketCategories are Intercom's values of the ticket categories, by the
// graph's: capitalised and hyphenated, unlike the values wireEnum reads.
var ticketCategories = map[string]model.TicketCategory{
	"Customer": model.TicketCategoryCustomer, "Back-office": model.TicketCategoryBackOffice, "Tracker": model.TicketCategoryTracker,
}

func ticketCategory(what, id, category string) (model.TicketCategory, error) {
	if c, ok := ticketCategories[category]; ok {
		return c, nil
	}
	return "", fmt.Errorf("intercom sent %s %s with unknown category %q", what, id, category)
}

// ticketCategoryWire is Intercom's value of a category.
func ticketCategoryWire(c model.TicketCategory) string {
	for wire, e := range ticketCategories {
		if e == c {
			return wire
		}
	}
	return string(c)
}

// ticketText is a text attribute of a ticket, such as its title.
func ticketText(t *upstream.Ticket, name string) *string {
	s, ok := t.TicketAttributes[name].(string)
	if !ok {
		return nil
	}
	return &s
}

// ticketAttributeValues lists a ticket's attribute values: those its type
// declares in the type's order, then any other by name.
func ticketAttributeValues(t *upstream.Ticket) []*model.TicketAttribute {
	var declared []*upstream.TicketTypeAttribute
	if t.TicketType != nil {
		declared = slices.Clone(t.TicketType.TicketTypeAttributes.Data)
		slices.SortStableFunc(declared, func(a, b *upstream.TicketTypeAttribute) int { return a.Order - b.Order })
	}
	out := make([]*model.TicketAttribute, 0, len(t.TicketAttributes))
	seen := map[string]bool{}
	for _, a := range declared {
		if v, ok := t.TicketAttributes[a.Name]; ok && !seen[a.Name] {
			seen[a.Name] = true
			out = append(out, &model.TicketAttribute{Name: a.Name, Attribute: a, Value: v})
		}
	}
	var rest []string
	for name := range t.TicketAttributes {
		if !seen[name] {
			rest = append(rest, name)
		}
	}
	sort.Strings(rest)
	for _, name := range rest {
		out = append(out, &model.TicketAttribute{Name: name, Value: t.TicketAttributes[name]})
	}
	return out
}

// attributeOfType is the attribute value when its attribute has one of
// the data types given, else nil.
func attributeOfType(v *model.TicketAttribute, types ...string) any {
	if v.Attribute == nil || !slices.Contains(types, v.Attribute.DataType) {
		return nil
	}
	return v.Value
}

// wholeNumber reads a JSON number that holds a whole number.
func wholeNumber(v any) (int, bool) {
	f, ok := v.(float64)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int(f), true
}

// moment reads a datetime attribute: UNIX seconds, or an RFC 3339 string.
func moment(v any) (upstream.Timestamp, bool) {
	switch t := v.(type) {
	case float64:
		return upstream.Timestamp(t), true
	case string:
		if at, err := time.Parse(time.RFC3339, t); err == nil {
			return upstream.TimestampOf(at), true
		}
	}
	return 0, false
}

// listOptions reads a list attribute's options from its input options.
func listOptions(a *upstream.TicketTypeAttribute) []*model.TicketTypeAttributeOption {
	items, _ := a.InputOptions["list_options"].([]any)
	out := make([]*model.TicketTypeAttributeOption, 0, len(items))
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		id, _ := m["id"].(string)
		label, _ := m["label"].(string)
		archived, _ := m["archived"].(bool)
		out = append(out, &model.TicketTypeAttributeOption{ID: id, Label: label, Archived: archived})
	}
	return recordOwner(&attributeOfOption, a.ID, out)
}

// chosenOption is the option a list attribute's value names, by label or id.
func chosenOption(v *model.TicketAttribute) *model.TicketTypeAttributeOption {
	s, ok := attributeOfType(v, "list").(string)
	if !ok {
		return nil
	}
	for _, o := range listOptions(v.Attribute) {
		if o.Label == s || o.ID == s {
			return o
		}
	}
	return nil
}

// linkedObjects loads the tickets and conversations a linked object list
// names, in its order; one since deleted is left out.
func linkedObjects(ctx context.Context, list upstream.LinkedObjectList) ([]relay.Node, error) {
	l := loaders.For(ctx)
	var ticketIDs, conversationIDs []string
	for _, o := range list.Data {
		switch o.Type {
		case "ticket":
			ticketIDs = append(ticketIDs, o.ID)
		case "conversation":
			conversationIDs = append(conversationIDs, o.ID)
		}
	}
	tickets, err := resolveAll(ctx, ticketIDs, func(ctx context.Context, ids []string) ([]*upstream.Ticket, []error) {
		return loadEach(ctx, ids, l.TicketThunk)
	})
	if err != nil {
		return nil, err
	}
	conversations, err := resolveAll(ctx, conversationIDs, func(ctx context.Context, ids []string) ([]*upstream.Conversation, []error) {
		return loadEach(ctx, ids, l.ConversationThunk)
	})
	if err != nil {
		return nil, err
	}
	found := map[string]relay.Node{}
	for _, t := range tickets {
		found["ticket:"+t.ID] = t
	}
	for _, c := range conversations {
		found["conversation:"+c.ID] = c
	}
	out := make([]relay.Node, 0, len(list.Data))
	for _, o := range list.Data {
		if n, ok := found[o.Type+":"+o.ID]; ok {
			out = append(out, n)
		}
	}
	return out, nil
}

// loadEach starts every load before waiting for any, so a loader batches them.
func loadEach[T any](ctx context.Context, ids []string, start func(context.Context, string) func() (T, error)) ([]T, []error) {
	thunks := make([]func() (T, error), len(ids))
	for i, id := range ids {
		thunks[i] = start(ctx, id)
	}
	values, errs := make([]T, len(ids)), make([]error, len(ids))
	for i, wait := range thunks {
		values[i], errs[i] = wait()
	}
	return values, errs
}

func (r *Resolver) linkedObjectConnection(ctx context.Context, conn string, list upstream.LinkedObjectList, args relay.Args) (*model.LinkedObjectConnection, error) {
	page, err := sliceConnection(r.cursors(ctx), conn, args, func() ([]relay.Node, error) { return linkedObjects(ctx, list) })
	if err != nil {
		return nil, err
	}
	return &model.LinkedObjectConnection{
		Edges: relay.Edges(page, func(c string, n relay.Node) *model.LinkedObjectEdge {
			return &model.LinkedObjectEdge{Cursor: c, Node: n}
		}),
		Nodes: page.Nodes, PageInfo: &page.PageInfo, TotalCount: max(list.TotalCount, totalOf(page)), HasMore: list.HasMore,
	}, nil
}

// The authors of parts and the targets of assignments name an admin, a
// contact or a team by type and id; each resolves only for its own kind.

func authorAdmin(ctx context.Context, kind, id string) (*upstream.Admin, error) {
	if kind != "admin" && kind != "bot" {
		return nil, nil
	}
	return optionalRef(ctx, &id, loaders.For(ctx).Admin)
}

func authorContact(ctx context.Context, kind, id string) (*upstream.Contact, error) {
	if kind != "user" && kind != "lead" && kind != "contact" {
		return nil, nil
	}
	return optionalRef(ctx, &id, loaders.For(ctx).Contact)
}

func authorTeam(ctx context.Context, kind, id string) (*upstream.Team, error) {
	if kind != "team" {
		return nil, nil
	}
	return optionalRef(ctx, &id, loaders.For(ctx).Team)
}

func ticketConnection(p *relay.Page[*upstream.Ticket]) *model.TicketConnection {
	return &model.TicketConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.Ticket) *model.TicketEdge { return &model.TicketEdge{Cursor: c, Node: n} }),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

func ticketTypeConnection(p *relay.Page[*upstream.TicketType]) *model.TicketTypeConnection {
	return &model.TicketTypeConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.TicketType) *model.TicketTypeEdge {
			return &model.TicketTypeEdge{Cursor: c, Node: n}
		}),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

func ticketTypeAttributeConnection(p *relay.Page[*upstream.TicketTypeAttribute]) *model.TicketTypeAttributeConnection {
	return &model.TicketTypeAttributeConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.TicketTypeAttribute) *model.TicketTypeAttributeEdge {
			return &model.TicketTypeAttributeEdge{Cursor: c, Node: n}
		}),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

func ticketTypeAttributeOptionConnection(p *relay.Page[*model.TicketTypeAttributeOption]) *model.TicketTypeAttributeOptionConnection {
	return &model.TicketTypeAttributeOptionConnection{
		Edges: relay.Edges(p, func(c string, n *model.TicketTypeAttributeOption) *model.TicketTypeAttributeOptionEdge {
			return &model.TicketTypeAttributeOptionEdge{Cursor: c, Node: n}
		}),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

func ticketPartConnection(p *relay.Page[*upstream.TicketPart]) *model.TicketPartConnection {
	return &model.TicketPartConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.TicketPart) *model.TicketPartEdge {
			return &model.TicketPartEdge{Cursor: c, Node: n}
		}),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}
