package upstream_test

import (
	"encoding/json"
	"testing"

	"intercom-graphql/upstream"
)

// The spec's schema and its examples disagree on where ticket types and
// their attributes are listed; the client reads both.
func TestTicketTypeListsReadInEitherSpelling(t *testing.T) {
	for name, body := range map[string]string{
		"as Intercom sends it (data)": `{"type":"list","data":[{"type":"ticket_type","id":"87",` +
			`"ticket_type_attributes":{"type":"list","data":[{"type":"ticket_type_attribute","id":"261","name":"_default_title_"}]}}]}`,
		"as the spec's schema names it": `{"type":"ticket_type.list","ticket_types":[{"type":"ticket_type","id":"87",` +
			`"ticket_type_attributes":{"type":"ticket_type_attributes.list","ticket_type_attributes":[{"type":"ticket_type_attribute","id":"261","name":"_default_title_"}]}}]}`,
	} {
		var list upstream.TicketTypeList
		if err := json.Unmarshal([]byte(body), &list); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(list.Data) != 1 || list.Data[0].ID != "87" {
			t.Fatalf("%s: read %+v", name, list)
		}
		attrs := list.Data[0].TicketTypeAttributes.Data
		if len(attrs) != 1 || attrs[0].ID != "261" || attrs[0].Name != "_default_title_" {
			t.Errorf("%s: attributes read as %+v", name, attrs)
		}
	}
}
