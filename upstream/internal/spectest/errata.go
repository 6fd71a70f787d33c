package spectest

import (
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// erratum is a place where Intercom's published 2.10 file describes an answer
// differently from how Intercom sends it. The loaded document is corrected in
// memory (the file stays as published), so the client and the simulator are
// both held to what Intercom really does; each correction says how we know.
type erratum struct {
	schema, property string // the property of components.schemas to correct (dotted for a nested one)
	useSchema        string // the components.schemas entry it really follows
	renamed          string // the name Intercom sends the property under, when not the file's
	dropFormat       bool   // the property's format is one no value Intercom takes could have
	why              string
}

var errata = []erratum{
	{
		schema: "company_list", property: "pages", useSchema: "pages_link",
		why: "the company lists are paginated by page number, and Intercom's reference for listing companies shows " +
			"pages.next as the URL of the next page (\"https://api.intercom.io/companies?per_page=50&page=2\"), as do answers " +
			"recorded by integrations; the file reuses cursor_pages, whose next is a starting_after object",
	},
	{
		schema: "company_attached_contacts", property: "pages", useSchema: "pages_link",
		why: "a company's contacts are listed by page number like the company lists, with the same pages object",
	},
	{
		schema: "ticket_type_list", property: "ticket_types", renamed: "data",
		why: "every example of the file that lists ticket types (listTicketTypes) carries them in data, in an object of type list",
	},
	{
		schema: "ticket_type_attribute_list", property: "ticket_type_attributes", renamed: "data",
		why: "every ticket type in the file's examples (listTicketTypes, getTicketType, getTicket, searchTickets) carries its " +
			"attributes in data, in an object of type list",
	},
	{
		schema: "create_conversation_request", property: "from.id", dropFormat: true,
		why: "the file gives the contact's id the format uuid and a length of exactly 24, which no string has (a UUID is 36 " +
			"characters); contact ids are 24 hexadecimal digits, as the operation's own examples show (6657ac8a6abd0166b52ae266)",
	},
}

func applyErrata(doc *openapi3.T) error {
	for _, e := range errata {
		if e.dropFormat {
			prop, err := nested(doc, e)
			if err != nil {
				return err
			}
			prop.Format = ""
			continue
		}
		if e.renamed != "" {
			if err := rename(doc, e); err != nil {
				return err
			}
			continue
		}
		owner, target := doc.Components.Schemas[e.schema], doc.Components.Schemas[e.useSchema]
		if owner == nil || owner.Value == nil || target == nil || target.Value == nil {
			return fmt.Errorf("erratum for %s.%s: the spec has no schema %s or %s", e.schema, e.property, e.schema, e.useSchema)
		}
		if _, ok := owner.Value.Properties[e.property]; !ok {
			return fmt.Errorf("erratum for %s.%s: the schema has no such property", e.schema, e.property)
		}
		owner.Value.Properties[e.property] = &openapi3.SchemaRef{Ref: "#/components/schemas/" + e.useSchema, Value: target.Value}
	}
	return nil
}

// rename moves a property, with its schema, to the name Intercom sends it under.
func rename(doc *openapi3.T, e erratum) error {
	owner := doc.Components.Schemas[e.schema]
	if owner == nil || owner.Value == nil {
		return fmt.Errorf("erratum for %s.%s: the spec has no schema %s", e.schema, e.property, e.schema)
	}
	prop, ok := owner.Value.Properties[e.property]
	if !ok {
		return fmt.Errorf("erratum for %s.%s: the schema has no such property", e.schema, e.property)
	}
	delete(owner.Value.Properties, e.property)
	owner.Value.Properties[e.renamed] = prop
	return nil
}

// nested finds an erratum's property, following a dotted path through
// inline object schemas.
func nested(doc *openapi3.T, e erratum) (*openapi3.Schema, error) {
	owner := doc.Components.Schemas[e.schema]
	if owner == nil || owner.Value == nil {
		return nil, fmt.Errorf("erratum for %s.%s: the spec has no schema %s", e.schema, e.property, e.schema)
	}
	s := owner.Value
	for _, name := range strings.Split(e.property, ".") {
		prop, ok := s.Properties[name]
		if !ok || prop.Value == nil {
			return nil, fmt.Errorf("erratum for %s.%s: the schema has no such property", e.schema, e.property)
		}
		s = prop.Value
	}
	return s, nil
}
