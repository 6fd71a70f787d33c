package graph_test

import (
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

const (
	attachSubscriptionDoc = `mutation($input: AttachSubscriptionTypeToContactInput!) {
	  attachSubscriptionTypeToContact(input: $input) {
	    subscriptionType { intercomId } contact { subscriptionTypes { nodes { intercomId } } } userErrors { field message code }
	  }
	}`
	detachSubscriptionDoc = `mutation($input: DetachSubscriptionTypeFromContactInput!) {
	  detachSubscriptionTypeFromContact(input: $input) { subscriptionType { intercomId } contact { intercomId } userErrors { field message code } }
	}`
	readSubscriptions = `query($id: ID!) { contact(id: $id) { subscriptionTypes { nodes { intercomId } } } }`
	createNoteDoc     = `mutation($input: CreateNoteInput!) {
	  createNote(input: $input) { note { id intercomId body author { intercomId } contact { intercomId } } userErrors { field message code } }
	}`
	readNotes = `query($id: ID!) { contact(id: $id) { notes(first: 5) { totalCount nodes { intercomId body } } } }`
)

// subscriptionTypeWhere finds a subscription type by state and consent type.
func subscriptionTypeWhere(t *testing.T, f *facadetest.Facade, state, consent string) string {
	t.Helper()
	data := readBack(t, f, `{ subscriptionTypes { nodes { intercomId state consentType } } }`, nil)
	for _, n := range facadetest.Dig(data, "subscriptionTypes", "nodes").([]any) {
		if facadetest.Dig(n, "state") == state && (consent == "" || facadetest.Dig(n, "consentType") == consent) {
			return facadetest.Str(facadetest.Dig(n, "intercomId"))
		}
	}
	t.Fatalf("no %s %s subscription type", state, consent)
	return ""
}

func TestSubscriptionTypeMutations(t *testing.T) {
	f, ws := newWriteFacade(t)
	contact := firstContactWhere(t, ws, func(c intercomsim.ContactData) bool { return len(ws.ContactSubscriptionTypeIDs(c.Contact.ID)) == 0 }).Contact.ID
	id := facadetest.GlobalID("Contact", contact)
	optIn := subscriptionTypeWhere(t, f, "LIVE", "OPT_IN")
	draft := subscriptionTypeWhere(t, f, "DRAFT", "")
	cached(t, f, readSubscriptions, map[string]any{"id": id})

	attached := facadetest.Succeeded(t, "attachSubscriptionTypeToContact", f.Mutate(t, "attachSubscriptionTypeToContact", attachSubscriptionDoc,
		map[string]any{"contactId": id, "subscriptionTypeId": facadetest.GlobalID("SubscriptionType", optIn), "consentType": "OPT_IN"}))
	if !containsStr(nodeIDs(facadetest.Dig(attached, "contact", "subscriptionTypes")), optIn) {
		t.Errorf("attach payload = %v", attached)
	}
	if ids := nodeIDs(facadetest.Dig(readBack(t, f, readSubscriptions, map[string]any{"id": id}), "contact", "subscriptionTypes")); !containsStr(ids, optIn) {
		t.Errorf("the contact's choices read after the attach: %v", ids)
	}
	facadetest.Succeeded(t, "detachSubscriptionTypeFromContact", f.Mutate(t, "detachSubscriptionTypeFromContact", detachSubscriptionDoc,
		map[string]any{"contactId": id, "subscriptionTypeId": facadetest.GlobalID("SubscriptionType", optIn)}))
	if ids := nodeIDs(facadetest.Dig(readBack(t, f, readSubscriptions, map[string]any{"id": id}), "contact", "subscriptionTypes")); containsStr(ids, optIn) {
		t.Errorf("the contact's choices read after the detach: %v", ids)
	}

	refuses(t, f, "attachSubscriptionTypeToContact", attachSubscriptionDoc, []refusal{
		{name: "the wrong consent type", input: map[string]any{"contactId": id, "subscriptionTypeId": facadetest.GlobalID("SubscriptionType", optIn), "consentType": "OPT_OUT"},
			code: "INVALID", field: []string{"consentType"}, calls: 1},
		{name: "a draft type", input: map[string]any{"contactId": id, "subscriptionTypeId": facadetest.GlobalID("SubscriptionType", draft), "consentType": "OPT_OUT"},
			code: "INVALID", field: []string{"subscriptionTypeId"}, calls: 1},
		{name: "an unknown type", input: map[string]any{"contactId": id, "subscriptionTypeId": facadetest.GlobalID("SubscriptionType", "9"), "consentType": "OPT_IN"},
			code: "NOT_FOUND", field: []string{"subscriptionTypeId"}, calls: 1},
		{name: "a tag for the type", input: map[string]any{"contactId": id, "subscriptionTypeId": facadetest.GlobalID("Tag", "9"), "consentType": "OPT_IN"},
			code: "INVALID_ID", field: []string{"subscriptionTypeId"}},
	}, func(t *testing.T) {
		if ids := ws.ContactSubscriptionTypeIDs(contact); len(ids) != 0 {
			t.Errorf("a refused choice was recorded: %v", ids)
		}
	})
	invalid(t, f, "a consent type that does not exist", attachSubscriptionDoc,
		map[string]any{"contactId": id, "subscriptionTypeId": facadetest.GlobalID("SubscriptionType", optIn), "consentType": "MAYBE"}, "consentType")
}

func TestCreateNote(t *testing.T) {
	f, ws := newWriteFacade(t)
	contact := ws.ContactIDs()[7]
	id := facadetest.GlobalID("Contact", contact)
	before := int(facadetest.Dig(cached(t, f, readNotes, map[string]any{"id": id}), "contact", "notes", "totalCount").(float64))
	author := ws.AdminIDs()[2]
	note := facadetest.Succeeded(t, "createNote", f.Mutate(t, "createNote", createNoteDoc, map[string]any{"contactId": id, "body": "Called about the renewal", "authorId": facadetest.GlobalID("Admin", author)}))["note"].(map[string]any)
	if note["body"] != "<p>Called about the renewal</p>" || facadetest.Dig(note, "author", "intercomId") != author || facadetest.Dig(note, "contact", "intercomId") != contact {
		t.Errorf("created note = %v", note)
	}
	notes := facadetest.Dig(readBack(t, f, readNotes, map[string]any{"id": id}), "contact", "notes")
	if int(facadetest.Dig(notes, "totalCount").(float64)) != before+1 || nodeIDs(notes)[0] != note["intercomId"] {
		t.Errorf("the contact's notes read after the write: %v", notes)
	}
	mine := facadetest.Succeeded(t, "createNote", f.Mutate(t, "createNote", createNoteDoc, map[string]any{"contactId": id, "body": "<p>Followed up</p>"}))
	if facadetest.Dig(mine, "note", "author", "intercomId") != ws.MeID() {
		t.Errorf("a note without author is by %v, want the token's admin %s", facadetest.Dig(mine, "note", "author", "intercomId"), ws.MeID())
	}

	count := func(t *testing.T) {
		if got := len(ws.NoteIDs(contact)); got != before+2 {
			t.Errorf("notes after a refusal: %d, want %d", got, before+2)
		}
	}
	refuses(t, f, "createNote", createNoteDoc, []refusal{
		{name: "an unknown author", input: map[string]any{"contactId": id, "body": "x", "authorId": facadetest.GlobalID("Admin", "123")}, code: "NOT_FOUND", field: []string{"authorId"}, calls: 1},
		{name: "an unknown contact", input: map[string]any{"contactId": facadetest.GlobalID("Contact", "000000000000000000000000"), "body": "x"}, code: "NOT_FOUND", field: []string{"contactId"}, calls: 1},
		{name: "a blank body", input: map[string]any{"contactId": id, "body": strings.Repeat(" ", 3)}, code: "REQUIRED", field: []string{"body"}},
		{name: "an author who is a team", input: map[string]any{"contactId": id, "body": "x", "authorId": facadetest.GlobalID("Team", "1")}, code: "INVALID_ID", field: []string{"authorId"}},
	}, count)
	invalid(t, f, "no body", createNoteDoc, map[string]any{"contactId": id}, "body")
}
