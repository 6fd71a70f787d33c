package graph_test

import (
	"testing"

	"intercom-graphql/httpapi/facadetest"
)

const (
	upsertTagDoc    = `mutation($input: CreateOrUpdateTagInput!) { createOrUpdateTag(input: $input) { tag { id intercomId name } userErrors { field message code } } }`
	tagCompaniesDoc = `mutation($input: TagCompaniesInput!) {
	  tagCompanies(input: $input) { tag { intercomId name } companies { intercomId tags { nodes { intercomId } } } userErrors { field message code } }
	}`
	untagCompaniesDoc = `mutation($input: UntagCompaniesInput!) {
	  untagCompanies(input: $input) { tag { intercomId } companies { intercomId tags { nodes { intercomId } } } userErrors { field message code } }
	}`
	tagContactsDoc = `mutation($input: TagContactsInput!) {
	  tagContacts(input: $input) { tag { intercomId name } contacts { intercomId tags { nodes { intercomId } } } userErrors { field message code } }
	}`
	deleteTagDoc = `mutation($input: DeleteTagInput!) { deleteTag(input: $input) { deletedTagId userErrors { field message code } } }`
	attachTagDoc = `mutation($input: AttachTagToContactInput!) {
	  attachTagToContact(input: $input) { tag { intercomId appliedAt appliedBy { intercomId } } contact { intercomId tags { nodes { intercomId } } } userErrors { field message code } }
	}`
	detachTagDoc = `mutation($input: DetachTagFromContactInput!) {
	  detachTagFromContact(input: $input) { tag { intercomId } contact { intercomId tags { nodes { intercomId } } } userErrors { field message code } }
	}`
	readTags        = `{ tags(first: 100) { totalCount nodes { intercomId name } } }`
	readContactTags = `query($id: ID!) { contact(id: $id) { tags { nodes { intercomId name } } } }`
	readCompanyTags = `query($id: ID!) { company(id: $id) { tags { nodes { intercomId } } } }`
)

func TestTagMutations(t *testing.T) {
	f, ws := newWriteFacade(t)
	tagCount := func(data map[string]any) int { return int(facadetest.Dig(data, "tags", "totalCount").(float64)) }
	before := tagCount(cached(t, f, readTags, nil))

	created := facadetest.Succeeded(t, "createOrUpdateTag", f.Mutate(t, "createOrUpdateTag", upsertTagDoc, map[string]any{"name": "Zeppelin owners"}))["tag"].(map[string]any)
	if got := tagCount(readBack(t, f, readTags, nil)); got != before+1 {
		t.Errorf("tags after a creation: %d, want %d", got, before+1)
	}
	same := facadetest.Succeeded(t, "createOrUpdateTag", f.Mutate(t, "createOrUpdateTag", upsertTagDoc, map[string]any{"name": "zeppelin OWNERS"}))["tag"].(map[string]any)
	if same["id"] != created["id"] {
		t.Errorf("the same name in another case made tag %v, want %v", same["id"], created["id"])
	}

	contact := ws.ContactIDs()[0]
	contactGID := facadetest.GlobalID("Contact", contact)
	cached(t, f, readContactTags, map[string]any{"id": contactGID})
	renamed := facadetest.Succeeded(t, "createOrUpdateTag", f.Mutate(t, "createOrUpdateTag", upsertTagDoc, map[string]any{"name": "Airship owners", "id": created["id"]}))
	if facadetest.Dig(renamed, "tag", "name") != "Airship owners" {
		t.Errorf("renamed tag = %v", renamed["tag"])
	}

	attached := facadetest.Succeeded(t, "attachTagToContact", f.Mutate(t, "attachTagToContact", attachTagDoc, map[string]any{"contactId": contactGID, "tagId": created["id"]}))
	tagID := created["intercomId"].(string)
	if facadetest.Dig(attached, "tag", "appliedAt") == nil || facadetest.Dig(attached, "tag", "appliedBy", "intercomId") != ws.MeID() ||
		!containsStr(nodeIDs(facadetest.Dig(attached, "contact", "tags")), tagID) {
		t.Errorf("attach payload = %v", attached)
	}
	if tags := facadetest.Dig(readBack(t, f, readContactTags, map[string]any{"id": contactGID}), "contact", "tags", "nodes").([]any); !hasTagNamed(tags, tagID, "Airship owners") {
		t.Errorf("the contact read after tagging lacks the renamed tag: %v", tags)
	}
	detached := facadetest.Succeeded(t, "detachTagFromContact", f.Mutate(t, "detachTagFromContact", detachTagDoc, map[string]any{"contactId": contactGID, "tagId": created["id"]}))
	if containsStr(nodeIDs(facadetest.Dig(detached, "contact", "tags")), tagID) {
		t.Errorf("detach payload still shows the tag: %v", detached)
	}

	companies := []any{facadetest.GlobalID("Company", ws.CompanyIDs()[1]), facadetest.GlobalID("Company", ws.CompanyIDs()[2])}
	cached(t, f, readCompanyTags, map[string]any{"id": companies[0]})
	tagged := facadetest.Succeeded(t, "tagCompanies", f.Mutate(t, "tagCompanies", tagCompaniesDoc, map[string]any{"name": "Airship owners", "companyIds": companies}))
	for _, c := range tagged["companies"].([]any) {
		if !containsStr(nodeIDs(facadetest.Dig(c, "tags")), tagID) {
			t.Errorf("company %v in the payload is not tagged", facadetest.Dig(c, "intercomId"))
		}
	}
	if ids := nodeIDs(facadetest.Dig(readBack(t, f, readCompanyTags, map[string]any{"id": companies[0]}), "company", "tags")); !containsStr(ids, tagID) {
		t.Errorf("the company read after tagging lacks the tag: %v", ids)
	}
	facadetest.Succeeded(t, "untagCompanies", f.Mutate(t, "untagCompanies", untagCompaniesDoc, map[string]any{"name": "airship owners", "companyIds": companies[:1]}))
	if ids := nodeIDs(facadetest.Dig(readBack(t, f, readCompanyTags, map[string]any{"id": companies[0]}), "company", "tags")); containsStr(ids, tagID) {
		t.Errorf("the company read after untagging still has the tag: %v", ids)
	}

	people := []any{facadetest.GlobalID("Contact", ws.ContactIDs()[1]), facadetest.GlobalID("Contact", ws.ContactIDs()[2])}
	balloonists := facadetest.Succeeded(t, "tagContacts", f.Mutate(t, "tagContacts", tagContactsDoc, map[string]any{"name": "Balloonists", "contactIds": people}))
	newTag := facadetest.Dig(balloonists, "tag", "intercomId").(string)
	for _, c := range balloonists["contacts"].([]any) {
		if !containsStr(nodeIDs(facadetest.Dig(c, "tags")), newTag) {
			t.Errorf("contact %v in the payload is not tagged", facadetest.Dig(c, "intercomId"))
		}
	}

	unchanged := unchangedSince(ws)
	refuses(t, f, "tagContacts", tagContactsDoc, []refusal{
		{name: "an unknown contact among others", input: map[string]any{"name": "Never", "contactIds": []any{people[0], facadetest.GlobalID("Contact", "123")}},
			code: "NOT_FOUND", field: []string{"contactIds"}, calls: 1},
		{name: "a company among the contacts", input: map[string]any{"name": "Never", "contactIds": []any{people[0], companies[0]}}, code: "INVALID_ID", field: []string{"contactIds", "1"}},
		{name: "no contact", input: map[string]any{"name": "Never", "contactIds": []any{}}, code: "REQUIRED", field: []string{"contactIds"}},
	}, unchanged)
	refuses(t, f, "tagCompanies", tagCompaniesDoc, []refusal{
		{name: "an unknown company", input: map[string]any{"name": "Never", "companyIds": []any{facadetest.GlobalID("Company", "123")}}, code: "NOT_FOUND", field: []string{"companyIds"}, calls: 1},
	}, unchanged)
	refuses(t, f, "untagCompanies", untagCompaniesDoc, []refusal{
		{name: "a tag that does not exist", input: map[string]any{"name": "No such tag", "companyIds": companies}, code: "NOT_FOUND", field: []string{"name"}, calls: 1},
	}, unchanged)
	refuses(t, f, "attachTagToContact", attachTagDoc, []refusal{
		{name: "an unknown tag", input: map[string]any{"contactId": contactGID, "tagId": facadetest.GlobalID("Tag", "123")}, code: "NOT_FOUND", field: []string{"tagId"}, calls: 1},
		{name: "an unknown contact", input: map[string]any{"contactId": facadetest.GlobalID("Contact", "000000000000000000000000"), "tagId": created["id"]},
			code: "NOT_FOUND", field: []string{"contactId"}, calls: 1},
		{name: "a contact for the tag", input: map[string]any{"contactId": contactGID, "tagId": contactGID}, code: "INVALID_ID", field: []string{"tagId"}},
	}, unchanged)
	refuses(t, f, "createOrUpdateTag", upsertTagDoc, []refusal{
		{name: "renaming an unknown tag", input: map[string]any{"name": "x", "id": facadetest.GlobalID("Tag", "1")}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
		{name: "a blank name", input: map[string]any{"name": "   "}, code: "REQUIRED", field: []string{"name"}},
	}, unchanged)
	if got := tagCount(readBack(t, f, readTags, nil)); got != before+2 {
		t.Errorf("tags after the refusals: %d, want %d (the refused taggings must not create theirs)", got, before+2)
	}

	gone := facadetest.Succeeded(t, "deleteTag", f.Mutate(t, "deleteTag", deleteTagDoc, map[string]any{"id": facadetest.GlobalID("Tag", newTag)}))
	if gone["deletedTagId"] != facadetest.GlobalID("Tag", newTag) {
		t.Errorf("deletedTagId = %v", gone["deletedTagId"])
	}
	if ids := nodeIDs(facadetest.Dig(readBack(t, f, readContactTags, map[string]any{"id": people[0]}), "contact", "tags")); containsStr(ids, newTag) {
		t.Errorf("a contact still has a deleted tag: %v", ids)
	}
	if got := tagCount(readBack(t, f, readTags, nil)); got != before+1 {
		t.Errorf("tags after a deletion: %d, want %d", got, before+1)
	}
	refuses(t, f, "deleteTag", deleteTagDoc, []refusal{
		{name: "a deleted tag", input: map[string]any{"id": facadetest.GlobalID("Tag", newTag)}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
	}, nil)
	invalid(t, f, "no name", tagContactsDoc, map[string]any{"contactIds": people}, "name")
}

func hasTagNamed(tags []any, id, name string) bool {
	for _, t := range tags {
		if facadetest.Dig(t, "intercomId") == id && facadetest.Dig(t, "name") == name {
			return true
		}
	}
	return false
}
