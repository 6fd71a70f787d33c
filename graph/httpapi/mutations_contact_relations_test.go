package httpapi_test

import (
	"strings"
	"testing"

	"intercom-graphql/upstream/intercomsim"
)

const (
	attachSubscriptionDoc = `mutation($input: AttachSubscriptionTypeInput!) {
	  attachSubscriptionTypeToContact(input: $input) {
	    subscriptionType { intercomId } contact { subscriptionTypes { nodes { intercomId } } } userErrors { field message code }
	  }
	}`
	detachSubscriptionDoc = `mutation($input: DetachSubscriptionTypeInput!) {
	  detachSubscriptionTypeFromContact(input: $input) { subscriptionType { intercomId } contact { intercomId } userErrors { field message code } }
	}`
	readSubscriptions = `query($id: ID!) { contact(id: $id) { subscriptionTypes { nodes { intercomId } } } }`
	createNoteDoc     = `mutation($input: CreateNoteInput!) {
	  createNote(input: $input) { note { id intercomId body author { intercomId } contact { intercomId } } userErrors { field message code } }
	}`
	readNotes = `query($id: ID!) { contact(id: $id) { notes(first: 5) { totalCount nodes { intercomId body } } } }`
)

// subscriptionTypeWhere finds a subscription type by state and consent type.
func subscriptionTypeWhere(t *testing.T, f *facade, state, consent string) string {
	t.Helper()
	data := f.read(t, `{ subscriptionTypes { nodes { intercomId state consentType } } }`, nil)
	for _, n := range dig(data, "subscriptionTypes", "nodes").([]any) {
		if dig(n, "state") == state && (consent == "" || dig(n, "consentType") == consent) {
			return str(dig(n, "intercomId"))
		}
	}
	t.Fatalf("no %s %s subscription type", state, consent)
	return ""
}

func TestSubscriptionTypeMutations(t *testing.T) {
	f, ws := newWriteFacade(t)
	contact := firstContactWhere(t, ws, func(c intercomsim.ContactData) bool { return len(ws.ContactSubscriptionTypeIDs(c.Contact.ID)) == 0 }).Contact.ID
	id := globalID("Contact", contact)
	optIn := subscriptionTypeWhere(t, f, "LIVE", "OPT_IN")
	draft := subscriptionTypeWhere(t, f, "DRAFT", "")
	f.cached(t, readSubscriptions, map[string]any{"id": id})

	attached := succeeded(t, "attachSubscriptionTypeToContact", f.mutate(t, "attachSubscriptionTypeToContact", attachSubscriptionDoc,
		map[string]any{"contactId": id, "subscriptionTypeId": globalID("SubscriptionType", optIn), "consentType": "OPT_IN"}))
	if !containsStr(nodeIDs(dig(attached, "contact", "subscriptionTypes")), optIn) {
		t.Errorf("attach payload = %v", attached)
	}
	if ids := nodeIDs(dig(f.read(t, readSubscriptions, map[string]any{"id": id}), "contact", "subscriptionTypes")); !containsStr(ids, optIn) {
		t.Errorf("the contact's choices read after the attach: %v", ids)
	}
	succeeded(t, "detachSubscriptionTypeFromContact", f.mutate(t, "detachSubscriptionTypeFromContact", detachSubscriptionDoc,
		map[string]any{"contactId": id, "subscriptionTypeId": globalID("SubscriptionType", optIn)}))
	if ids := nodeIDs(dig(f.read(t, readSubscriptions, map[string]any{"id": id}), "contact", "subscriptionTypes")); containsStr(ids, optIn) {
		t.Errorf("the contact's choices read after the detach: %v", ids)
	}

	f.refuses(t, "attachSubscriptionTypeToContact", attachSubscriptionDoc, []refusal{
		{name: "the wrong consent type", input: map[string]any{"contactId": id, "subscriptionTypeId": globalID("SubscriptionType", optIn), "consentType": "OPT_OUT"},
			code: "INVALID", field: []string{"consentType"}, calls: 1},
		{name: "a draft type", input: map[string]any{"contactId": id, "subscriptionTypeId": globalID("SubscriptionType", draft), "consentType": "OPT_OUT"},
			code: "INVALID", field: []string{"subscriptionTypeId"}, calls: 1},
		{name: "an unknown type", input: map[string]any{"contactId": id, "subscriptionTypeId": globalID("SubscriptionType", "9"), "consentType": "OPT_IN"},
			code: "NOT_FOUND", field: []string{"subscriptionTypeId"}, calls: 1},
		{name: "a tag for the type", input: map[string]any{"contactId": id, "subscriptionTypeId": globalID("Tag", "9"), "consentType": "OPT_IN"},
			code: "INVALID_ID", field: []string{"subscriptionTypeId"}},
	}, func(t *testing.T) {
		if ids := ws.ContactSubscriptionTypeIDs(contact); len(ids) != 0 {
			t.Errorf("a refused choice was recorded: %v", ids)
		}
	})
	f.invalid(t, "a consent type that does not exist", attachSubscriptionDoc,
		map[string]any{"contactId": id, "subscriptionTypeId": globalID("SubscriptionType", optIn), "consentType": "MAYBE"}, "consentType")
}

func TestCreateNote(t *testing.T) {
	f, ws := newWriteFacade(t)
	contact := ws.ContactIDs()[7]
	id := globalID("Contact", contact)
	before := int(dig(f.cached(t, readNotes, map[string]any{"id": id}), "contact", "notes", "totalCount").(float64))
	author := ws.AdminIDs()[2]
	note := succeeded(t, "createNote", f.mutate(t, "createNote", createNoteDoc, map[string]any{"contactId": id, "body": "Called about the renewal", "authorId": globalID("Admin", author)}))["note"].(map[string]any)
	if note["body"] != "<p>Called about the renewal</p>" || dig(note, "author", "intercomId") != author || dig(note, "contact", "intercomId") != contact {
		t.Errorf("created note = %v", note)
	}
	notes := dig(f.read(t, readNotes, map[string]any{"id": id}), "contact", "notes")
	if int(dig(notes, "totalCount").(float64)) != before+1 || nodeIDs(notes)[0] != note["intercomId"] {
		t.Errorf("the contact's notes read after the write: %v", notes)
	}
	mine := succeeded(t, "createNote", f.mutate(t, "createNote", createNoteDoc, map[string]any{"contactId": id, "body": "<p>Followed up</p>"}))
	if dig(mine, "note", "author", "intercomId") != ws.MeID() {
		t.Errorf("a note without author is by %v, want the token's admin %s", dig(mine, "note", "author", "intercomId"), ws.MeID())
	}

	count := func(t *testing.T) {
		if got := len(ws.NoteIDs(contact)); got != before+2 {
			t.Errorf("notes after a refusal: %d, want %d", got, before+2)
		}
	}
	f.refuses(t, "createNote", createNoteDoc, []refusal{
		{name: "an unknown author", input: map[string]any{"contactId": id, "body": "x", "authorId": globalID("Admin", "123")}, code: "NOT_FOUND", field: []string{"authorId"}, calls: 1},
		{name: "an unknown contact", input: map[string]any{"contactId": globalID("Contact", "000000000000000000000000"), "body": "x"}, code: "NOT_FOUND", field: []string{"contactId"}, calls: 1},
		{name: "a blank body", input: map[string]any{"contactId": id, "body": strings.Repeat(" ", 3)}, code: "REQUIRED", field: []string{"body"}},
		{name: "an author who is a team", input: map[string]any{"contactId": id, "body": "x", "authorId": globalID("Team", "1")}, code: "INVALID_ID", field: []string{"authorId"}},
	}, count)
	f.invalid(t, "no body", createNoteDoc, map[string]any{"contactId": id}, "body")
}
