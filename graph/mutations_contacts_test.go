package graph_test

import (
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

const (
	createContactDoc = `mutation($input: CreateContactInput!) {
	  createContact(input: $input) { contact { id intercomId role email phone name owner { intercomId } customAttributes } userErrors { field message code } }
	}`
	updateContactDoc = `mutation($input: UpdateContactInput!) {
	  updateContact(input: $input) { contact { id name phone email customAttributes } userErrors { field message code } }
	}`
	deleteContactDoc    = `mutation($input: DeleteContactInput!) { deleteContact(input: $input) { deletedContactId userErrors { field message code } } }`
	archiveContactDoc   = `mutation($input: ArchiveContactInput!) { archiveContact(input: $input) { contactId archived contact { intercomId } userErrors { field message code } } }`
	unarchiveContactDoc = `mutation($input: UnarchiveContactInput!) { unarchiveContact(input: $input) { contactId archived userErrors { field message code } } }`
	mergeContactsDoc    = `mutation($input: MergeContactsInput!) {
	  mergeContacts(input: $input) { contact { intercomId role } mergedLeadId userErrors { field message code } }
	}`
	readContact    = `query($id: ID!) { contact(id: $id) { name phone email role customAttributes } }`
	contactsTotal  = `{ contacts(first: 1) { totalCount } }`
	contactByEmail = `query($email: String!) { contacts(filter: {email: {eq: $email}}) { nodes { intercomId } } }`
)

func TestCreateAndUpdateContacts(t *testing.T) {
	f, ws := newWriteFacade(t)
	total := func(t *testing.T) int {
		return int(facadetest.Dig(readBack(t, f, contactsTotal, nil), "contacts", "totalCount").(float64))
	}
	before := int(facadetest.Dig(cached(t, f, contactsTotal, nil), "contacts", "totalCount").(float64))
	owner := ws.AdminIDs()[2]

	created := facadetest.Succeeded(t, "createContact", f.Mutate(t, "createContact", createContactDoc, map[string]any{
		"email": "grace.zeppelin@example.org", "externalId": "ext-9001", "name": "Grace Zeppelin", "phone": "+353871234567",
		"ownerId": facadetest.GlobalID("Admin", owner), "signedUpAt": "2019-10-21T15:35:54Z", "customAttributes": map[string]any{"plan": "pro", "seats": 12},
	}))["contact"].(map[string]any)
	if created["role"] != "USER" || facadetest.Dig(created, "owner", "intercomId") != owner || facadetest.Dig(created, "customAttributes", "seats") != float64(12) {
		t.Errorf("created contact = %v", created)
	}
	if got := total(t); got != before+1 {
		t.Errorf("contacts after a creation: %d, want %d", got, before+1)
	}
	if ids := nodeIDs(readBack(t, f, contactByEmail, map[string]any{"email": "grace.zeppelin@example.org"})["contacts"]); len(ids) != 1 || ids[0] != created["intercomId"] {
		t.Errorf("searching the new email found %v", ids)
	}
	lead := facadetest.Succeeded(t, "createContact", f.Mutate(t, "createContact", createContactDoc, map[string]any{"role": "LEAD"}))["contact"].(map[string]any)
	if lead["role"] != "LEAD" {
		t.Errorf("a contact made with role LEAD is a %v", lead["role"])
	}

	id := created["id"].(string)
	cached(t, f, readContact, map[string]any{"id": id})
	updated := facadetest.Succeeded(t, "updateContact", f.Mutate(t, "updateContact", updateContactDoc, map[string]any{
		"id": id, "name": "Ada Zeppelin", "phone": nil, "customAttributes": map[string]any{"beta_tester": true},
	}))["contact"].(map[string]any)
	if updated["name"] != "Ada Zeppelin" || updated["phone"] != nil || facadetest.Dig(updated, "customAttributes", "plan") != "pro" {
		t.Errorf("updated contact = %v", updated)
	}
	read := readBack(t, f, readContact, map[string]any{"id": id})["contact"].(map[string]any)
	if read["name"] != "Ada Zeppelin" || read["phone"] != nil || facadetest.Dig(read, "customAttributes", "beta_tester") != true {
		t.Errorf("the contact read after its update = %v", read)
	}
	// Fields left out stay; the name is not cleared by omission.
	facadetest.Succeeded(t, "updateContact", f.Mutate(t, "updateContact", updateContactDoc, map[string]any{"id": id, "phone": "+15550000000"}))
	if read := readBack(t, f, readContact, map[string]any{"id": id})["contact"].(map[string]any); read["name"] != "Ada Zeppelin" || read["phone"] != "+15550000000" {
		t.Errorf("an update of the phone alone gave %v", read)
	}

	user := firstContactWhere(t, ws, isUser)
	unchanged := unchangedSince(ws)
	refuses(t, f, "createContact", createContactDoc, []refusal{
		{name: "no email, externalId or role", input: map[string]any{"name": "Nobody"}, code: "REQUIRED", field: []string{"email"}},
		{name: "an owner who is a contact", input: map[string]any{"email": "x@example.org", "ownerId": id}, code: "INVALID_ID", field: []string{"ownerId"}},
		{name: "a user's email taken", input: map[string]any{"email": user.Contact.Email}, code: "TAKEN", field: []string{"email"}, calls: 1},
		{name: "an externalId taken", input: map[string]any{"email": "new@example.org", "externalId": "ext-9001"}, code: "TAKEN", field: []string{"externalId"}, calls: 1},
		{name: "an undefined custom attribute", input: map[string]any{"email": "shoes@example.org", "customAttributes": map[string]any{"shoe_size": 42}},
			code: "INVALID", field: []string{"customAttributes"}, calls: 1},
	}, unchanged)
	refuses(t, f, "updateContact", updateContactDoc, []refusal{
		{name: "another user's email", input: map[string]any{"id": id, "email": user.Contact.Email}, code: "TAKEN", field: []string{"email"}, calls: 1},
		{name: "an avatar that is no URL", input: map[string]any{"id": id, "avatarUrl": "me.png"}, code: "INVALID", field: []string{"avatarUrl"}, calls: 1},
		{name: "an unknown contact", input: map[string]any{"id": facadetest.GlobalID("Contact", "000000000000000000000000"), "name": "x"}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
		{name: "a malformed ID", input: map[string]any{"id": "Q29udGFjdDo", "name": "x"}, code: "INVALID_ID", field: []string{"id"}},
	}, unchanged)
	invalid(t, f, "a role that does not exist", createContactDoc, map[string]any{"role": "VISITOR"}, "role")
	invalid(t, f, "no id", updateContactDoc, map[string]any{"name": "x"}, "id")
}

func TestArchiveDeleteAndMergeContacts(t *testing.T) {
	f, ws := newWriteFacade(t)
	total := func(t *testing.T) int {
		return int(facadetest.Dig(readBack(t, f, contactsTotal, nil), "contacts", "totalCount").(float64))
	}
	before := int(facadetest.Dig(cached(t, f, contactsTotal, nil), "contacts", "totalCount").(float64))
	victim := ws.ContactIDs()[5]
	id := facadetest.GlobalID("Contact", victim)

	archived := facadetest.Succeeded(t, "archiveContact", f.Mutate(t, "archiveContact", archiveContactDoc, map[string]any{"id": id}))
	if archived["archived"] != true || archived["contactId"] != id || facadetest.Dig(archived, "contact", "intercomId") != victim {
		t.Errorf("archive payload = %v", archived)
	}
	if got := total(t); got != before-1 {
		t.Errorf("contacts listed after an archive: %d, want %d", got, before-1)
	}
	unarchived := facadetest.Succeeded(t, "unarchiveContact", f.Mutate(t, "unarchiveContact", unarchiveContactDoc, map[string]any{"id": id}))
	if unarchived["archived"] != false {
		t.Errorf("unarchive payload = %v", unarchived)
	}
	if got := total(t); got != before {
		t.Errorf("contacts listed after the unarchive: %d, want %d", got, before)
	}

	cached(t, f, readContact, map[string]any{"id": id})
	gone := facadetest.Succeeded(t, "deleteContact", f.Mutate(t, "deleteContact", deleteContactDoc, map[string]any{"id": id}))
	if gone["deletedContactId"] != id {
		t.Errorf("deletedContactId = %v", gone["deletedContactId"])
	}
	if resp := f.Query(readContact, map[string]any{"id": id}); facadetest.Dig(resp.Data, "contact") != nil {
		t.Errorf("a deleted contact reads back (through the cache?): %s", resp.Raw)
	}

	// A lead who is in a conversation, merged into a user.
	roles := map[string]string{}
	for _, c := range ws.Contacts() {
		roles[c.Contact.ID] = c.Contact.Role
	}
	var lead, conversation string
	for _, c := range ws.Conversations() {
		for _, ref := range c.Conversation.Contacts.Contacts {
			if lead == "" && roles[ref.ID] == "lead" {
				lead, conversation = ref.ID, c.Conversation.ID
			}
		}
	}
	if lead == "" {
		t.Fatal("no lead is in a conversation")
	}
	user := firstContactWhere(t, ws, isUser).Contact.ID
	const readConversation = `query($id: ID!) { conversation(id: $id) { contacts { nodes { intercomId } } } }`
	cached(t, f, readConversation, map[string]any{"id": facadetest.GlobalID("Conversation", conversation)})
	unchanged := unchangedSince(ws)
	refuses(t, f, "mergeContacts", mergeContactsDoc, []refusal{
		{name: "a user into a user", input: map[string]any{"leadId": facadetest.GlobalID("Contact", firstContactWhere(t, ws, func(c intercomsim.ContactData) bool {
			return isUser(c) && c.Contact.ID != user
		}).Contact.ID), "userId": facadetest.GlobalID("Contact", user)}, code: "INVALID", field: []string{"leadId"}, calls: 1},
		{name: "an unknown lead", input: map[string]any{"leadId": facadetest.GlobalID("Contact", "000000000000000000000000"), "userId": facadetest.GlobalID("Contact", user)},
			code: "NOT_FOUND", field: []string{"leadId"}, calls: 1},
		{name: "a contact into itself", input: map[string]any{"leadId": facadetest.GlobalID("Contact", lead), "userId": facadetest.GlobalID("Contact", lead)}, code: "INVALID", field: []string{"userId"}},
		{name: "a tag for the user", input: map[string]any{"leadId": facadetest.GlobalID("Contact", lead), "userId": facadetest.GlobalID("Tag", "7500000")}, code: "INVALID_ID", field: []string{"userId"}},
	}, unchanged)
	refuses(t, f, "archiveContact", archiveContactDoc, []refusal{
		{name: "a deleted contact", input: map[string]any{"id": id}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
	}, unchanged)
	refuses(t, f, "deleteContact", deleteContactDoc, []refusal{
		{name: "a deleted contact", input: map[string]any{"id": id}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
	}, unchanged)

	merged := facadetest.Succeeded(t, "mergeContacts", f.Mutate(t, "mergeContacts", mergeContactsDoc, map[string]any{"leadId": facadetest.GlobalID("Contact", lead), "userId": facadetest.GlobalID("Contact", user)}))
	if facadetest.Dig(merged, "contact", "intercomId") != user || merged["mergedLeadId"] != facadetest.GlobalID("Contact", lead) {
		t.Errorf("merge payload = %v", merged)
	}
	if resp := f.Query(readContact, map[string]any{"id": facadetest.GlobalID("Contact", lead)}); facadetest.Dig(resp.Data, "contact") != nil {
		t.Errorf("a merged lead reads back: %s", resp.Raw)
	}
	with := nodeIDs(facadetest.Dig(readBack(t, f, readConversation, map[string]any{"id": facadetest.GlobalID("Conversation", conversation)}), "conversation", "contacts"))
	if !containsStr(with, user) || containsStr(with, lead) {
		t.Errorf("conversation %s is with %v after the merge; want the user %s instead of the lead %s", conversation, with, user, lead)
	}
}
