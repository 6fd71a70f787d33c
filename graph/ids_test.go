package graph

import (
	"testing"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/relay"
)

func TestLookupIDTakesExactlyOneOfIDAndIntercomID(t *testing.T) {
	contactID := relay.NodeID("Contact", "6329bd9ffe4e8c8b9e3d2b6a")
	tests := []struct {
		name         string
		id, intercom *string
		want         string
		field, err   string // the refusal, when err is set
	}{
		{name: "a global ID of the type", id: &contactID, want: "6329bd9ffe4e8c8b9e3d2b6a"},
		{name: "an Intercom id", intercom: ptrTo("6329bd9ffe4e8c8b9e3d2b6a"), want: "6329bd9ffe4e8c8b9e3d2b6a"},
		{name: "a numeric Intercom id", intercom: ptrTo("147"), want: "147"},
		{name: "both", id: &contactID, intercom: ptrTo("6329bd9ffe4e8c8b9e3d2b6a"), err: "pass either id or intercomId, not both"},
		{name: "neither", err: "pass id or intercomId"},
		{name: "a global ID of another type", id: ptrTo(relay.NodeID("Conversation", "147")), field: "id",
			err: "id: the ID is a Conversation ID, a Contact ID is expected here"},
		{name: "an Intercom id given as id", id: ptrTo("6329bd9ffe4e8c8b9e3d2b6a"), field: "id", err: "id: not a valid global ID"},
		{name: "a malformed id", id: ptrTo("%%%"), field: "id", err: "id: not a valid global ID"},
		{name: "an empty id", id: ptrTo(""), field: "id", err: "id: not a valid global ID"},
		{name: "an Intercom id with a slash", intercom: ptrTo("147/parts"), field: "intercomId", err: "intercomId: not a valid Intercom id"},
		{name: "a dot-dot Intercom id", intercom: ptrTo(".."), field: "intercomId", err: "intercomId: not a valid Intercom id"},
		{name: "an empty Intercom id", intercom: ptrTo(""), field: "intercomId", err: "intercomId: not a valid Intercom id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := lookupID(typeContact, tc.id, tc.intercom)
			if tc.err != "" {
				wantCoded(t, err, errcode.BadUserInput, tc.field, tc.err)
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("lookupID = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}
