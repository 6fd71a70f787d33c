package httpapi_test

import "testing"

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
	id := globalID("Visitor", visitors[0])
	f.cached(t, readVisitor, map[string]any{"userId": visitors[0]})
	updated := succeeded(t, "updateVisitor", f.mutate(t, "updateVisitor", updateVisitorDoc, map[string]any{"id": id, "name": "Gareth Bale", "customAttributes": map[string]any{"team": "Wales"}}))
	if dig(updated, "visitor", "name") != "Gareth Bale" {
		t.Errorf("update payload = %v", updated)
	}
	if v := f.read(t, readVisitor, map[string]any{"userId": visitors[0]}); dig(v, "visitor", "name") != "Gareth Bale" || dig(v, "visitor", "customAttributes", "team") != "Wales" {
		t.Errorf("the visitor read after its update = %v", v["visitor"])
	}

	f.cached(t, readVisitor, map[string]any{"userId": visitors[1]})
	converted := succeeded(t, "convertVisitor", f.mutate(t, "convertVisitor", convertVisitorDoc, map[string]any{
		"visitorId": globalID("Visitor", visitors[1]), "role": "USER", "userId": "converted-1", "email": "foo@bar.com",
	}))
	if dig(converted, "contact", "externalId") != "converted-1" || dig(converted, "contact", "email") != "foo@bar.com" || converted["convertedVisitorId"] != globalID("Visitor", visitors[1]) {
		t.Errorf("convert payload = %v", converted)
	}
	if resp := f.query(readVisitor, map[string]any{"userId": visitors[1]}); dig(resp.Data, "visitor") != nil {
		t.Errorf("a converted visitor reads back: %s", resp.raw)
	}
	user := firstContactWhere(t, ws, isUser).Contact.ID
	merged := succeeded(t, "convertVisitor", f.mutate(t, "convertVisitor", convertVisitorDoc, map[string]any{
		"visitorId": globalID("Visitor", visitors[2]), "role": "USER", "contactId": globalID("Contact", user),
	}))
	if dig(merged, "contact", "intercomId") != user {
		t.Errorf("a visitor merged into a user answered %v", merged["contact"])
	}

	f.refuses(t, "updateVisitor", updateVisitorDoc, []refusal{
		{name: "a converted visitor", input: map[string]any{"id": globalID("Visitor", visitors[1]), "name": "x"}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
		{name: "a contact for the visitor", input: map[string]any{"id": globalID("Contact", user), "name": "x"}, code: "INVALID_ID", field: []string{"id"}},
	}, nil)
	unchanged := unchangedSince(ws)
	f.refuses(t, "convertVisitor", convertVisitorDoc, []refusal{
		{name: "an unknown visitor", input: map[string]any{"visitorId": globalID("Visitor", "no-such-visitor"), "role": "LEAD", "userId": "x"}, code: "NOT_FOUND", field: []string{"visitorId"}, calls: 1},
		{name: "an unknown contact", input: map[string]any{"visitorId": globalID("Visitor", visitors[0]), "role": "USER", "contactId": globalID("Contact", "000000000000000000000000")},
			code: "NOT_FOUND", field: []string{"contactId"}, calls: 1},
		{name: "both a contact and a userId", input: map[string]any{"visitorId": globalID("Visitor", visitors[0]), "role": "USER", "contactId": globalID("Contact", user), "userId": "x"},
			code: "REQUIRED", field: []string{"contactId"}},
	}, unchanged)
	f.read(t, readVisitor, map[string]any{"userId": visitors[0]}) // refused conversions left it alone
	f.invalid(t, "no role", convertVisitorDoc, map[string]any{"visitorId": globalID("Visitor", visitors[0]), "userId": "x"}, "role")
}
