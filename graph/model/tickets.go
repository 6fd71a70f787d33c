package model

import "intercom-graphql/upstream"

// TicketAttribute is one value of a ticket's attributes, with the ticket
// type attribute that defines it (nil when the ticket's type does not declare it).
type TicketAttribute struct {
	Name      string
	Attribute *upstream.TicketTypeAttribute
	Value     any
}

// TicketTypeAttributeOption is one option of a list attribute, read from
// the attribute's input options.
type TicketTypeAttributeOption struct {
	ID       string
	Label    string
	Archived bool
}

// IsEntity marks the option as an entity a federated graph can reach by key.
func (TicketTypeAttributeOption) IsEntity() {}
