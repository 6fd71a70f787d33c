package graph

import (
	"context"
	"errors"
	"fmt"

	"intercom-graphql/graph/filter"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream"
)

// ticketSortFields are Intercom's names of the fields tickets sort by.
var ticketSortFields = map[model.TicketOrderField]string{
	model.TicketOrderFieldCreatedAt:    "created_at",
	model.TicketOrderFieldUpdatedAt:    "updated_at",
	model.TicketOrderFieldSnoozedUntil: "snoozed_until",
}

// ticketCreatedAt is the one field the ticket search's description lets
// be compared with <= and >= as well.
var ticketCreatedAt = filter.Field{Name: "created_at", Type: filter.Timestamp,
	Operators: []string{"=", "!=", "IN", "NIN", "<", ">", "<=", ">="}}

// ticketFilterExpr reads a TicketFilter: each field of the input names the
// ticket search field of the spec's table it filters.
func ticketFilterExpr(in *model.TicketFilter, path string) (filter.Expr, error) {
	c := newConditions(path)
	logic(c, in.And, in.Or, in.Not, ticketFilterExpr)
	c.reference("id", in.ID, textField("id"), typeTicket)
	c.moment("createdAt", in.CreatedAt, ticketCreatedAt)
	c.moment("updatedAt", in.UpdatedAt, momentField("updated_at", true))
	c.text("title", in.Title, textField("title"))
	c.text("description", in.Description, textField("description"))
	if cat := in.Category; cat != nil {
		choice(c, "category", textField("category"), ticketCategoryWire, cat.Eq, cat.Ne, cat.In, cat.Nin)
	}
	c.reference("ticketType", in.TicketType, textField("ticket_type_id"), typeTicketType)
	c.reference("contact", in.Contact, textField("contact_ids"), typeContact)
	c.reference("teammate", in.Teammate, textField("teammate_ids"), typeAdmin)
	c.reference("adminAssignee", in.AdminAssignee, textField("admin_assignee_id"), typeAdmin)
	c.reference("teamAssignee", in.TeamAssignee, textField("team_assignee_id"), typeTeam)
	c.boolean("open", in.Open, boolField("open"))
	if s := in.State; s != nil {
		choice(c, "state", textField("state"), wireValue[model.TicketState], s.Eq, s.Ne, s.In, s.Nin)
	}
	c.moment("snoozedUntil", in.SnoozedUntil, momentField("snoozed_until", false))
	c.ticketAttributes(in.TicketAttributes)
	return c.expr()
}

// ticketAttributes adds the conditions on ticket attributes, each by the
// attribute's id with the filter of its data type.
func (c *conditions) ticketAttributes(list []*model.TicketAttributeFilter) {
	for i, ta := range list {
		path := fmt.Sprintf("%s.ticketAttributes[%d]", c.path, i)
		id, err := referenceID(ta.Attribute, typeTicketTypeAttribute)
		if err != nil {
			c.fail(path+".attribute", err)
			continue
		}
		given := 0
		for _, set := range []bool{ta.String != nil, ta.Int != nil, ta.Float != nil, ta.Boolean != nil, ta.DateTime != nil} {
			if set {
				given++
			}
		}
		if given != 1 {
			c.fail(path, errors.New("give exactly one of string, int, float, boolean or dateTime, the filter for the attribute's data type"))
			continue
		}
		// Only tickets of the attribute's type have it: for the others it has no value.
		field := func(t filter.Type) filter.Field {
			return filter.Field{Name: "ticket_attribute." + id, Type: t, Optional: true}
		}
		c.nested(fmt.Sprintf("ticketAttributes[%d]", i), func(c *conditions) {
			c.text("string", ta.String, field(filter.String))
			c.integer("int", ta.Int, field(filter.Integer))
			c.decimal("float", ta.Float, field(filter.Float))
			c.boolean("boolean", ta.Boolean, field(filter.Boolean))
			c.moment("dateTime", ta.DateTime, field(filter.Timestamp))
		})
	}
}

// searchTickets serves the tickets connection through POST /tickets/search,
// the only way Intercom lists tickets: without a filter, a query matching
// every ticket.
func (r *Resolver) searchTickets(ctx context.Context, in *model.TicketFilter, orderBy *model.TicketOrder, args relay.Args) (*relay.Page[*upstream.Ticket], error) {
	plan, sort, err := searchArgs(in, ticketFilterExpr, filter.Tickets, orderBy, func(s *model.TicketOrder) sortChoice {
		return sortChoice{field: ticketSortFields[s.Field], direction: s.Direction}
	})
	if err != nil {
		return nil, err
	}
	return searchConnection(ctx, r.cursors(ctx), "tickets", plan, sort, args, func(req upstream.SearchRequest) (relay.CursorBatch[*upstream.Ticket], error) {
		list, err := r.client(ctx).Tickets.Search(ctx, req)
		if err != nil {
			return relay.CursorBatch[*upstream.Ticket]{}, err
		}
		return relay.CursorBatch[*upstream.Ticket]{Items: list.Tickets, Next: list.Pages.NextCursor(), Total: list.TotalCount}, nil
	})
}
