package filter

import (
	"slices"

	"intercom-graphql/upstream"
)

// Intercom's limits on a search query, the same on every search endpoint.
const (
	// MaxDepth is how many levels of AND/OR groups a query may nest: a root
	// group and groups inside it, as in (1 OR 2) AND (3 OR 4).
	MaxDepth = 2
	// MaxGroupSize is how many filters one AND/OR group may hold.
	MaxGroupSize = 15
)

// Dialect is what one search endpoint accepts: the operators valid for each
// field type, as the endpoint's description in the spec lists them.
type Dialect struct {
	// Name is the resource searched, for messages.
	Name string
	// Operators lists the Intercom operators valid on each field type.
	Operators map[Type][]string
	// AmbiguousBounds says the endpoint documents > and < as "greater (or
	// equal)" and "lower (or equal)", so whether the bound itself matches is
	// unclear. Comparisons are then compiled to forms exact under both
	// readings: gt v as (> v AND != v), gte v as (> v OR = v).
	AmbiguousBounds bool
	// Everything is a query matching every record, for a filter that
	// simplifies to "everything" but still needs the search endpoint (to sort).
	Everything upstream.SearchQuery
}

// Contacts is POST /contacts/search: strings take = != IN NIN ~ !~ ^ $,
// numbers = != IN NIN < > <= >=, booleans = != IN NIN, and dates only = < >,
// matched by calendar day in the workspace's time zone.
var Contacts = Dialect{
	Name: "contacts",
	Operators: map[Type][]string{
		String:  {"=", "!=", "IN", "NIN", "~", "!~", "^", "$"},
		Integer: {"=", "!=", "IN", "NIN", "<", ">", "<=", ">="},
		Float:   {"=", "!=", "IN", "NIN", "<", ">", "<=", ">="},
		Boolean: {"=", "!=", "IN", "NIN"},
		Date:    {"=", "<", ">"},
	},
	// Every contact is a user or a lead.
	Everything: upstream.SearchQuery{Field: "role", Operator: "IN", Value: []any{"user", "lead"}},
}

// Conversations is POST /conversations/search: = != IN NIN on every type,
// > < on integers and dates (documented as "greater (or equal)"), ~ !~ ^ $ on
// strings; dates are compared to the second.
var Conversations = Dialect{
	Name: "conversations",
	Operators: map[Type][]string{
		String:    {"=", "!=", "IN", "NIN", "~", "!~", "^", "$"},
		Integer:   {"=", "!=", "IN", "NIN", "<", ">"},
		Boolean:   {"=", "!=", "IN", "NIN"},
		Timestamp: {"=", "!=", "IN", "NIN", "<", ">"},
	},
	AmbiguousBounds: true,
	// Every conversation is open, closed or snoozed.
	Everything: upstream.SearchQuery{Field: "state", Operator: "IN", Value: []any{"open", "closed", "snoozed"}},
}

// Tickets is POST /tickets/search: = != IN NIN on every type, > < on
// numbers and dates (documented as "greater (or equal)"), ~ !~ ^ $ on
// strings; dates are compared to the second. The description adds <= and
// >= on created_at, which the catalogue gives that field.
var Tickets = Dialect{
	Name: "tickets",
	Operators: map[Type][]string{
		String:    {"=", "!=", "IN", "NIN", "~", "!~", "^", "$"},
		Integer:   {"=", "!=", "IN", "NIN", "<", ">"},
		Float:     {"=", "!=", "IN", "NIN", "<", ">"},
		Boolean:   {"=", "!=", "IN", "NIN"},
		Timestamp: {"=", "!=", "IN", "NIN", "<", ">"},
	},
	AmbiguousBounds: true,
	// Every ticket was created after the epoch.
	Everything: upstream.SearchQuery{Field: "created_at", Operator: ">", Value: int64(0)},
}

// accepts reports whether the dialect lets field f be searched with the
// Intercom operator op.
func (d Dialect) accepts(f Field, op string) bool {
	ops := f.Operators
	if ops == nil {
		ops = d.Operators[f.Type]
	}
	return slices.Contains(ops, op)
}
