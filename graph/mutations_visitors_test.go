package graph_test

import (
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

const (
	updateVisitorDoc = `mutation($input: UpdateVisitorInput!) {
	  updateVisitor(input: $input) { visitor { id name customAttributes } userErrors { field message code } }
	}`
	convertVisitorDoc = `mutation($input: ConvertVisitorInput!) {
	  convertVisitor(input: $input) { contact { intercomId role email externalId } convertedVisitorId userErrors { field message code } }
	}`
	readVisitor = `query($userId: String!) { visitor(userId: $userId) { name customAttributes } }`
)

func TestVisitorMutations(t *testing.T) {
	f, ws := newWriteFacade(t)
	visitors := ws.VisitorUserIDs()
	id := facadetest.GlobalID("Visitor", visitors[0])
	cached(t, f, readVisitor, map[string]any{"userId": visitors[0]})
	updated := facadetest.Succeeded(t, "updateVisitor", f.Mutate(t, "updateVisitor", updateVisitorDoc, map[string]any{"id": id, "name": "Gareth Bale", "customAttributes": map[string]any{"team": "Wales"}}))
	if facadetest.Dig(updated, "visitor", "name") != "Gareth Bale" {
		t.Errorf("update payload = %v", updated)
	}
	if v := readBack(t, f, readVisitor, map[string]any{"userId": visitors[0]}); facadetest.Dig(v, "visitor", "name") != "Gareth Bale" || facadetest.Dig(v, "visitor", "customAttributes", "team") != "Wales" {
		t.Errorf("the visitor read after its update = %v", v["visitor"])
	}

	cached(t, f, readVisitor, map[string]any{"userId": visitors[1]})
	converted := facadetest.Succeeded(t, "convertVisitor", f.Mutate(t, "convertVisitor", convertVisitorDoc, map[string]any{
		"visitorId": facadetest.GlobalID("Visitor", visitors[1]), "role": "USER", "userId": "converted-1", "email": "foo@bar.com",
	}))
	if facadetest.Dig(converted, "contact", "externalId") != "converted-1" || facadetest.Dig(converted, "contact", "email") != "foo@bar.com" || converted["convertedVisitorId"] != facadetest.GlobalID("Visitor", visitors[1]) {
		t.Errorf("convert payload = %v", converted)
	}
	if resp := f.Query(readVisitor, map[string]any{"userId": visitors[1]}); facadetest.Dig(resp.Data, "visitor") != nil {
		t.Errorf("a converted visitor reads back: %s", resp.Raw)
	}
	user := firstContactWhere(t, ws, isUser).Contact.ID
	merged := facadetest.Succeeded(t, "convertVisitor", f.Mutate(t, "convertVisitor", convertVisitorDoc, map[string]any{
		"visitorId": facadetest.GlobalID("Visitor", visitors[2]), "role": "USER", "contactId": facadetest.GlobalID("Contact", user),
	}))
	if facadetest.Dig(merged, "contact", "intercomId") != user {
		t.Errorf("a visitor merged into a user answered %v", merged["contact"])
	}

	refuses(t, f, "updateVisitor", updateVisitorDoc, []refusal{
		{name: "a converted visitor", input: map[string]any{"id": facadetest.GlobalID("Visitor", visitors[1]), "name": "x"}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
		{name: "a contact for the visitor", input: map[string]any{"id": facadetest.GlobalID("Contact", user), "name": "x"}, code: "INVALID_ID", field: []string{"id"}},
	}, nil)
	unchanged := unchangedSince(ws)
	refuses(t, f, "convertVisitor", convertVisitorDoc, []refusal{
		{name: "an unknown visitor", input: map[string]any{"visitorId": facadetest.GlobalID("Visitor", "no-such-visitor"), "role": "LEAD", "userId": "x"}, code: "NOT_FOUND", field: []string{"visitorId"}, calls: 1},
		{name: "an unknown contact", input: map[string]any{"visitorId": facadetest.GlobalID("Visitor", visitors[0]), "role": "USER", "contactId": facadetest.GlobalID("Contact", "000000000000000000000000")},
			code: "NOT_FOUND", field: []string{"contactId"}, calls: 1},
		{name: "both a contact and a userId", input: map[string]any{"visitorId": facadetest.GlobalID("Visitor", visitors[0]), "role": "USER", "contactId": facadetest.GlobalID("Contact", user), "userId": "x"},
			code: "INVALID", field: []string{"contactId"}},
		{name: "neither a contact nor a userId", input: map[string]any{"visitorId": facadetest.GlobalID("Visitor", visitors[0]), "role": "USER"},
			code: "REQUIRED", field: []string{"contactId"}},
	}, unchanged)
	readBack(t, f, readVisitor, map[string]any{"userId": visitors[0]}) // refused conversions left it alone
	invalid(t, f, "no role", convertVisitorDoc, map[string]any{"visitorId": facadetest.GlobalID("Visitor", visitors[0]), "userId": "x"}, "role")
}

// A conversion that names no contact says what is missing, not that two
// were given.
func TestConvertVisitorSaysWhatIsMissing(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: writeSizes}})
	visitor := f.Sim.Workspace(intercomsim.DemoToken).VisitorUserIDs()[0]
	payload := f.Mutate(t, "convertVisitor", convertVisitorDoc, map[string]any{"visitorId": facadetest.GlobalID("Visitor", visitor), "role": "LEAD"})
	if msg := facadetest.Str(facadetest.Dig(payload, "userErrors", 0, "message")); msg != "give the contact to convert the visitor into: contactId or userId" {
		t.Errorf("a conversion without a contact: %q", msg)
	}
}
