package httpapi_test

import (
	"testing"
)

const (
	upsertTagDoc    = `mutation($input: CreateOrUpdateTagInput!) { createOrUpdateTag(input: $input) { tag { id intercomId name } userErrors { field message code } } }`
	tagCompaniesDoc = `mutation($input: TagCompaniesInput!) {
	  tagCompanies(input: $input) { tag { intercomId name } companies { intercomId tags { nodes { intercomId } } } userErrors { field message code } }
	}`
	untagCompaniesDoc = `mutation($input: TagCompaniesInput!) {
	  untagCompanies(input: $input) { tag { intercomId } companies { intercomId tags { nodes { intercomId } } } userErrors { field message code } }
	}`
	tagContactsDoc = `mutation($input: TagContactsInput!) {
	  tagContacts(input: $input) { tag { intercomId name } contacts { intercomId tags { nodes { intercomId } } } userErrors { field message code } }
	}`
	deleteTagDoc = `mutation($input: DeleteTagInput!) { deleteTag(input: $input) { deletedTagId userErrors { field message code } } }`
	attachTagDoc = `mutation($input: ContactTagInput!) {
	  attachTagToContact(input: $input) { tag { intercomId appliedAt appliedBy { intercomId } } contact { intercomId tags { nodes { intercomId } } } userErrors { field message code } }
	}`
	detachTagDoc = `mutation($input: ContactTagInput!) {
	  detachTagFromContact(input: $input) { tag { intercomId } contact { intercomId tags { nodes { intercomId } } } userErrors { field message code } }
	}`
	readTags        = `{ tags(first: 100) { totalCount nodes { intercomId name } } }`
	readContactTags = `query($id: ID!) { contact(id: $id) { tags { nodes { intercomId name } } } }`
	readCompanyTags = `query($id: ID!) { company(id: $id) { tags { nodes { intercomId } } } }`
)

func TestTagMutations(t *testing.T) {
	f, ws := newWriteFacade(t)
	tagCount := func(data map[string]any) int { return int(dig(data, "tags", "totalCount").(float64)) }
	before := tagCount(f.cached(t, readTags, nil))

	created := succeeded(t, "createOrUpdateTag", f.mutate(t, "createOrUpdateTag", upsertTagDoc, map[string]any{"name": "Zeppelin owners"}))["tag"].(map[string]any)
	if got := tagCount(f.read(t, readTags, nil)); got != before+1 {
		t.Errorf("tags after a creation: %d, want %d", got, before+1)
	}
	same := succeeded(t, "createOrUpdateTag", f.mutate(t, "createOrUpdateTag", upsertTagDoc, map[string]any{"name": "zeppelin OWNERS"}))["tag"].(map[string]any)
	if same["id"] != created["id"] {
		t.Errorf("the same name in another case made tag %v, want %v", same["id"], created["id"])
	}

	contact := ws.ContactIDs()[0]
	contactGID := globalID("Contact", contact)
	f.cached(t, readContactTags, map[string]any{"id": contactGID})
	renamed := succeeded(t, "createOrUpdateTag", f.mutate(t, "createOrUpdateTag", upsertTagDoc, map[string]any{"name": "Airship owners", "id": created["id"]}))
	if dig(renamed, "tag", "name") != "Airship owners" {
		t.Errorf("renamed tag = %v", renamed["tag"])
	}

	attached := succeeded(t, "attachTagToContact", f.mutate(t, "attachTagToContact", attachTagDoc, map[string]any{"contactId": contactGID, "tagId": created["id"]}))
	tagID := created["intercomId"].(string)
	if dig(attached, "tag", "appliedAt") == nil || dig(attached, "tag", "appliedBy", "intercomId") != ws.MeID() ||
		!containsStr(nodeIDs(dig(attached, "contact", "tags")), tagID) {
		t.Errorf("attach payload = %v", attached)
	}
	if tags := dig(f.read(t, readContactTags, map[string]any{"id": contactGID}), "contact", "tags", "nodes").([]any); !hasTagNamed(tags, tagID, "Airship owners") {
		t.Errorf("the contact read after tagging lacks the renamed tag: %v", tags)
	}
	detached := succeeded(t, "detachTagFromContact", f.mutate(t, "detachTagFromContact", detachTagDoc, map[string]any{"contactId": contactGID, "tagId": created["id"]}))
	if containsStr(nodeIDs(dig(detached, "contact", "tags")), tagID) {
		t.Errorf("detach payload still shows the tag: %v", detached)
	}

	companies := []any{globalID("Company", ws.CompanyIDs()[1]), globalID("Company", ws.CompanyIDs()[2])}
	f.cached(t, readCompanyTags, map[string]any{"id": companies[0]})
	tagged := succeeded(t, "tagCompanies", f.mutate(t, "tagCompanies", tagCompaniesDoc, map[string]any{"name": "Airship owners", "companyIds": companies}))
	for _, c := range tagged["companies"].([]any) {
		if !containsStr(nodeIDs(dig(c, "tags")), tagID) {
			t.Errorf("company %v in the payload is not tagged", dig(c, "intercomId"))
		}
	}
	if ids := nodeIDs(dig(f.read(t, readCompanyTags, map[string]any{"id": companies[0]}), "company", "tags")); !containsStr(ids, tagID) {
		t.Errorf("the company read after tagging lacks the tag: %v", ids)
	}
	succeeded(t, "untagCompanies", f.mutate(t, "untagCompanies", untagCompaniesDoc, map[string]any{"name": "airship owners", "companyIds": companies[:1]}))
	if ids := nodeIDs(dig(f.read(t, readCompanyTags, map[string]any{"id": companies[0]}), "company", "tags")); containsStr(ids, tagID) {
		t.Errorf("the company read after untagging still has the tag: %v", ids)
	}

	people := []any{globalID("Contact", ws.ContactIDs()[1]), globalID("Contact", ws.ContactIDs()[2])}
	balloonists := succeeded(t, "tagContacts", f.mutate(t, "tagContacts", tagContactsDoc, map[string]any{"name": "Balloonists", "contactIds": people}))
	newTag := dig(balloonists, "tag", "intercomId").(string)
	for _, c := range balloonists["contacts"].([]any) {
		if !containsStr(nodeIDs(dig(c, "tags")), newTag) {
			t.Errorf("contact %v in the payload is not tagged", dig(c, "intercomId"))
		}
	}

	unchanged := unchangedSince(ws)
	f.refuses(t, "tagContacts", tagContactsDoc, []refusal{
		{name: "an unknown contact among others", input: map[string]any{"name": "Never", "contactIds": []any{people[0], globalID("Contact", "123")}},
			code: "NOT_FOUND", field: []string{"contactIds"}, calls: 1},
		{name: "a company among the contacts", input: map[string]any{"name": "Never", "contactIds": []any{people[0], companies[0]}}, code: "INVALID_ID", field: []string{"contactIds", "1"}},
		{name: "no contact", input: map[string]any{"name": "Never", "contactIds": []any{}}, code: "REQUIRED", field: []string{"contactIds"}},
	}, unchanged)
	f.refuses(t, "tagCompanies", tagCompaniesDoc, []refusal{
		{name: "an unknown company", input: map[string]any{"name": "Never", "companyIds": []any{globalID("Company", "123")}}, code: "NOT_FOUND", field: []string{"companyIds"}, calls: 1},
	}, unchanged)
	f.refuses(t, "untagCompanies", untagCompaniesDoc, []refusal{
		{name: "a tag that does not exist", input: map[string]any{"name": "No such tag", "companyIds": companies}, code: "NOT_FOUND", field: []string{"name"}, calls: 1},
	}, unchanged)
	f.refuses(t, "attachTagToContact", attachTagDoc, []refusal{
		{name: "an unknown tag", input: map[string]any{"contactId": contactGID, "tagId": globalID("Tag", "123")}, code: "NOT_FOUND", field: []string{"tagId"}, calls: 1},
		{name: "an unknown contact", input: map[string]any{"contactId": globalID("Contact", "000000000000000000000000"), "tagId": created["id"]},
			code: "NOT_FOUND", field: []string{"contactId"}, calls: 1},
		{name: "a contact for the tag", input: map[string]any{"contactId": contactGID, "tagId": contactGID}, code: "INVALID_ID", field: []string{"tagId"}},
	}, unchanged)
	f.refuses(t, "createOrUpdateTag", upsertTagDoc, []refusal{
		{name: "renaming an unknown tag", input: map[string]any{"name": "x", "id": globalID("Tag", "1")}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
		{name: "a blank name", input: map[string]any{"name": "   "}, code: "REQUIRED", field: []string{"name"}},
	}, unchanged)
	if got := tagCount(f.read(t, readTags, nil)); got != before+2 {
		t.Errorf("tags after the refusals: %d, want %d (the refused taggings must not create theirs)", got, before+2)
	}

	gone := succeeded(t, "deleteTag", f.mutate(t, "deleteTag", deleteTagDoc, map[string]any{"id": globalID("Tag", newTag)}))
	if gone["deletedTagId"] != globalID("Tag", newTag) {
		t.Errorf("deletedTagId = %v", gone["deletedTagId"])
	}
	if ids := nodeIDs(dig(f.read(t, readContactTags, map[string]any{"id": people[0]}), "contact", "tags")); containsStr(ids, newTag) {
		t.Errorf("a contact still has a deleted tag: %v", ids)
	}
	if got := tagCount(f.read(t, readTags, nil)); got != before+1 {
		t.Errorf("tags after a deletion: %d, want %d", got, before+1)
	}
	f.refuses(t, "deleteTag", deleteTagDoc, []refusal{
		{name: "a deleted tag", input: map[string]any{"id": globalID("Tag", newTag)}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
	}, nil)
	f.invalid(t, "no name", tagContactsDoc, map[string]any{"contactIds": people}, "name")
}

func hasTagNamed(tags []any, id, name string) bool {
	for _, t := range tags {
		if dig(t, "intercomId") == id && dig(t, "name") == name {
			return true
		}
	}
	return false
}
