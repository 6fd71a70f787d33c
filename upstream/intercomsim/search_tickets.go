package intercomsim

import (
	"maps"

	"intercom-graphql/upstream"
)

// ticketSearchRules are POST /tickets/search's language as its description
// in the spec states it: = != IN NIN on every type, > and < on numbers and
// dates, documented as "greater (or equal)" and "lower (or equal)" and
// served that way, <= and >= on created_at (the description's own note),
// and dates compared to the second.
var ticketSearchRules = searchRules{
	ops: map[searchKind][]string{
		kindString:  {"=", "!=", "IN", "NIN", "~", "!~", "^", "$"},
		kindInteger: {"=", "!=", "IN", "NIN", "<", ">"},
		kindFloat:   {"=", "!=", "IN", "NIN", "<", ">"},
		kindBoolean: {"=", "!=", "IN", "NIN"},
		kindDate:    {"=", "!=", "IN", "NIN", "<", ">"},
	},
	inclusiveBounds: true,
	defaultPerPage:  20,
}

// ticketSearchFields are the fields of the description's table, but for
// ticket_attribute.{id}, which depends on the workspace's ticket types.
var ticketSearchFields = map[string]searchField[*ticketRecord]{
	"id": textField(func(r *ticketRecord) []any { return text(r.ticket.ID) }),
	"created_at": {kind: kindDate, ops: []string{"=", "!=", "IN", "NIN", "<", ">", "<=", ">="},
		values: func(r *ticketRecord) []any { return moment(r.ticket.CreatedAt) }},
	"updated_at":        dateField(func(r *ticketRecord) []any { return moment(r.ticket.UpdatedAt) }),
	"title":             textField(func(r *ticketRecord) []any { return attributeText(r, upstream.TicketTitleAttribute) }),
	"description":       textField(func(r *ticketRecord) []any { return attributeText(r, upstream.TicketDescriptionAttribute) }),
	"category":          textField(func(r *ticketRecord) []any { return text(r.ticket.Category) }),
	"ticket_type_id":    textField(func(r *ticketRecord) []any { return text(r.typeID) }),
	"contact_ids":       textField(ticketContactIDs),
	"teammate_ids":      textField(func(r *ticketRecord) []any { return texts(r.teammateIDs) }),
	"admin_assignee_id": textField(func(r *ticketRecord) []any { return assignee(r.ticket.AdminAssigneeID) }),
	"team_assignee_id":  textField(func(r *ticketRecord) []any { return assignee(r.ticket.TeamAssigneeID) }),
	"open":              boolField(func(r *ticketRecord) []any { return flag(r.ticket.Open) }),
	"state":             textField(func(r *ticketRecord) []any { return text(r.ticket.TicketState) }),
	"snoozed_until":     dateField(func(r *ticketRecord) []any { return optMoment(r.ticket.SnoozedUntil) }),
}

// ticketAttributeKinds are the search types of the attribute data types;
// files cannot be searched.
var ticketAttributeKinds = map[string]searchKind{
	"string": kindString, "list": kindString, "integer": kindInteger, "decimal": kindFloat, "boolean": kindBoolean, "datetime": kindDate,
}

// ticketSearch is the ticket search of this workspace: the table's fields
// and ticket_attribute.{id} for each attribute of its ticket types, typed
// by the attribute's data type.
func (ws *Workspace) ticketSearch() *searchSchema[*ticketRecord] {
	fields := maps.Clone(ticketSearchFields)
	for _, tt := range ws.ticketTypes {
		for _, a := range tt.TicketTypeAttributes.Data {
			kind, ok := ticketAttributeKinds[a.DataType]
			if !ok {
				continue
			}
			typeID, name := tt.ID, a.Name
			fields["ticket_attribute."+a.ID] = searchField[*ticketRecord]{kind: kind, values: func(r *ticketRecord) []any {
				// Only tickets of the attribute's type have it, whatever the others hold under the same name.
				v, ok := r.ticket.TicketAttributes[name]
				if r.typeID != typeID || !ok || v == nil {
					return nil
				}
				// A stored value not of the attribute's type matches nothing.
				n, err := normalizeOperand(kind, v)
				if err != nil {
					return nil
				}
				return []any{n}
			}}
		}
	}
	byID := func(ws *Workspace, id string) (*ticketRecord, bool) {
		rec, ok := ws.ticketByID[id]
		return rec, ok
	}
	return &searchSchema[*ticketRecord]{rules: ticketSearchRules, fields: fields, byID: byID}
}

func attributeText(r *ticketRecord, name string) []any {
	s, _ := r.ticket.TicketAttributes[name].(string)
	return text(s)
}

func ticketContactIDs(r *ticketRecord) []any {
	var out []any
	for _, c := range r.ticket.Contacts.Contacts {
		out = append(out, text(c.ID)...)
	}
	return out
}

// assignee reads an assignee id of a ticket, where "0" means nobody.
func assignee(id string) []any {
	if id == "0" {
		return nil
	}
	return text(id)
}
