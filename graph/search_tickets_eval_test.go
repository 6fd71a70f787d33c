package graph_test

import (
	"strings"

	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// ticketCatalogue is TicketFilter read over the simulator's tickets, with
// ticketAttributes over the attributes of the workspace's ticket types
// (files attributes cannot be searched): an attribute has a value only on
// tickets of its type.
func ticketCatalogue(types []upstream.TicketType) catalogue[intercomsim.TicketData] {
	type T = intercomsim.TicketData
	text := func(path string, get func(t T) []any) filterField[T] {
		return filterField[T]{path: path, kind: kindText, values: get}
	}
	moment := func(path string, get func(t T) []any) filterField[T] {
		return filterField[T]{path: path, kind: kindMoment, values: get}
	}
	ref := func(path, typ string, get func(t T) []any) filterField[T] {
		return filterField[T]{path: path, kind: kindRef, refType: typ, values: get}
	}
	assignee := func(id string) []any {
		if id == "0" {
			return nil
		}
		return txt(id)
	}
	attribute := func(name string) func(t T) []any {
		return func(t T) []any {
			s, _ := t.Ticket.TicketAttributes[name].(string)
			return txt(s)
		}
	}
	categories := map[string]string{"Customer": "CUSTOMER", "Back-office": "BACK_OFFICE", "Tracker": "TRACKER"}
	kinds := map[string]fieldKind{"string": kindText, "list": kindText, "integer": kindInt, "decimal": kindFloat, "boolean": kindBool, "datetime": kindMoment}
	customKinds := map[string]fieldKind{}
	type declared struct{ typeID, name string }
	byID := map[string]declared{}
	for _, tt := range types {
		for _, a := range tt.TicketTypeAttributes.Data {
			if k, ok := kinds[a.DataType]; ok {
				customKinds[a.ID] = k
				byID[a.ID] = declared{tt.ID, a.Name}
			}
		}
	}
	return catalogue[T]{
		fields: []filterField[T]{
			ref("id", "Ticket", func(t T) []any { return txt(t.Ticket.ID) }),
			moment("createdAt", func(t T) []any { return when(t.Ticket.CreatedAt) }),
			moment("updatedAt", func(t T) []any { return when(t.Ticket.UpdatedAt) }),
			text("title", attribute(upstream.TicketTitleAttribute)),
			text("description", attribute(upstream.TicketDescriptionAttribute)),
			{path: "category", kind: kindChoice, choices: []string{"CUSTOMER", "BACK_OFFICE", "TRACKER"},
				values: func(t T) []any { return txt(categories[t.Ticket.Category]) }},
			ref("ticketType", "TicketType", func(t T) []any { return txt(t.Ticket.TicketType.ID) }),
			ref("contact", "Contact", func(t T) []any {
				var out []any
				for _, c := range t.Ticket.Contacts.Contacts {
					out = append(out, txt(c.ID)...)
				}
				return out
			}),
			ref("teammate", "Admin", func(t T) []any { return ids(t.TeammateIDs) }),
			ref("adminAssignee", "Admin", func(t T) []any { return assignee(t.Ticket.AdminAssigneeID) }),
			ref("teamAssignee", "Team", func(t T) []any { return assignee(t.Ticket.TeamAssigneeID) }),
			{path: "open", kind: kindBool, values: func(t T) []any { return []any{t.Ticket.Open} }},
			{path: "state", kind: kindChoice, choices: []string{"SUBMITTED", "IN_PROGRESS", "WAITING_ON_CUSTOMER", "RESOLVED"},
				values: func(t T) []any { return txt(strings.ToUpper(t.Ticket.TicketState)) }},
			moment("snoozedUntil", func(t T) []any { return optWhen(t.Ticket.SnoozedUntil) }),
		},
		custom: func(t T) map[string]any {
			out := map[string]any{}
			for id, d := range byID {
				if d.typeID != t.Ticket.TicketType.ID {
					continue
				}
				if v, ok := t.Ticket.TicketAttributes[d.name]; ok && v != nil {
					out[id] = v
				}
			}
			return out
		},
		customKinds: customKinds,
		customList:  "ticketAttributes",
		customName:  "attribute",
		customRef:   "TicketTypeAttribute",
	}
}
