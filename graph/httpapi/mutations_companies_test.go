package httpapi_test

import (
	"slices"
	"testing"
)

const (
	upsertCompanyDoc = `mutation($input: CreateOrUpdateCompanyInput!) {
	  createOrUpdateCompany(input: $input) { company { id intercomId companyId name size plan { name } customAttributes } userErrors { field message code } }
	}`
	updateCompanyDoc = `mutation($input: UpdateCompanyInput!) {
	  updateCompany(input: $input) { company { id name industry } userErrors { field message code } }
	}`
	deleteCompanyDoc = `mutation($input: DeleteCompanyInput!) { deleteCompany(input: $input) { deletedCompanyId userErrors { field message code } } }`
	attachCompanyDoc = `mutation($input: ContactCompanyInput!) {
	  attachContactToCompany(input: $input) {
	    company { intercomId userCount } contact { intercomId companies { nodes { intercomId } } }
	    userErrors { field message code }
	  }
	}`
	detachCompanyDoc = `mutation($input: ContactCompanyInput!) {
	  detachContactFromCompany(input: $input) {
	    company { intercomId } contact { intercomId companies { nodes { intercomId } } }
	    userErrors { field message code }
	  }
	}`
	readCompany = `query($id: ID!) { company(id: $id) { name size industry contacts(first: 50) { nodes { intercomId } } } }`
)

func TestCompanyMutations(t *testing.T) {
	f, ws := newWriteFacade(t)
	created := succeeded(t, "createOrUpdateCompany", f.mutate(t, "createOrUpdateCompany", upsertCompanyDoc, map[string]any{
		"companyId": "remote-77", "name": "Zeppelin Works", "plan": "Pro", "size": 30, "monthlySpend": 1500,
		"remoteCreatedAt": "2013-07-18T09:00:00Z", "customAttributes": map[string]any{"account_tier": "gold"},
	}))["company"].(map[string]any)
	if created["companyId"] != "remote-77" || dig(created, "plan", "name") != "Pro" || dig(created, "customAttributes", "account_tier") != "gold" {
		t.Errorf("created company = %v", created)
	}
	id := created["id"].(string)
	f.cached(t, readCompany, map[string]any{"id": id})
	again := succeeded(t, "createOrUpdateCompany", f.mutate(t, "createOrUpdateCompany", upsertCompanyDoc, map[string]any{"companyId": "remote-77", "size": 31}))
	if dig(again, "company", "id") != id {
		t.Errorf("the upsert by companyId made another company: %v", again["company"])
	}
	if c := f.read(t, readCompany, map[string]any{"id": id}); dig(c, "company", "size") != float64(31) || dig(c, "company", "name") != "Zeppelin Works" {
		t.Errorf("the company read after the upsert = %v", c["company"])
	}
	byCompanyID := f.read(t, `{ company(companyId: "remote-77") { intercomId } }`, nil)
	if dig(byCompanyID, "company", "intercomId") != created["intercomId"] {
		t.Errorf("company(companyId:) = %v", byCompanyID["company"])
	}

	succeeded(t, "updateCompany", f.mutate(t, "updateCompany", updateCompanyDoc, map[string]any{"id": id, "industry": "Aviation"}))
	if c := f.read(t, readCompany, map[string]any{"id": id}); dig(c, "company", "industry") != "Aviation" {
		t.Errorf("the company read after its update = %v", c["company"])
	}

	contact := ws.ContactIDs()[3]
	const readContactCompanies = `query($id: ID!) { contact(id: $id) { companies { nodes { intercomId } } } }`
	f.cached(t, readContactCompanies, map[string]any{"id": globalID("Contact", contact)})
	attached := succeeded(t, "attachContactToCompany", f.mutate(t, "attachContactToCompany", attachCompanyDoc,
		map[string]any{"contactId": globalID("Contact", contact), "companyId": id}))
	if dig(attached, "company", "userCount") != float64(1) || !containsStr(nodeIDs(dig(attached, "contact", "companies")), created["intercomId"].(string)) {
		t.Errorf("attach payload = %v", attached)
	}
	if ids := nodeIDs(dig(f.read(t, readCompany, map[string]any{"id": id}), "company", "contacts")); !slices.Equal(ids, []string{contact}) {
		t.Errorf("the company's contacts after the attach: %v", ids)
	}
	if ids := nodeIDs(dig(f.read(t, readContactCompanies, map[string]any{"id": globalID("Contact", contact)}), "contact", "companies")); !containsStr(ids, created["intercomId"].(string)) {
		t.Errorf("the contact's companies read after the attach: %v", ids)
	}
	detached := succeeded(t, "detachContactFromCompany", f.mutate(t, "detachContactFromCompany", detachCompanyDoc,
		map[string]any{"contactId": globalID("Contact", contact), "companyId": id}))
	if containsStr(nodeIDs(dig(detached, "contact", "companies")), created["intercomId"].(string)) {
		t.Errorf("detach payload still shows the company: %v", detached)
	}

	gone := succeeded(t, "deleteCompany", f.mutate(t, "deleteCompany", deleteCompanyDoc, map[string]any{"id": id}))
	if gone["deletedCompanyId"] != id {
		t.Errorf("deletedCompanyId = %v", gone["deletedCompanyId"])
	}
	if resp := f.query(readCompany, map[string]any{"id": id}); dig(resp.Data, "company") != nil {
		t.Errorf("a deleted company reads back: %s", resp.raw)
	}

	seeded := globalID("Company", ws.CompanyIDs()[0])
	unchanged := unchangedSince(ws)
	f.refuses(t, "createOrUpdateCompany", upsertCompanyDoc, []refusal{
		{name: "a blank companyId", input: map[string]any{"companyId": " "}, code: "REQUIRED", field: []string{"companyId"}},
		{name: "custom attributes that are no object", input: map[string]any{"companyId": "x", "customAttributes": "gold"}, code: "INVALID", field: []string{"customAttributes"}},
		{name: "a negative size", input: map[string]any{"companyId": "remote-78", "size": -3}, code: "INVALID", field: []string{"size"}, calls: 1},
	}, unchanged)
	f.refuses(t, "updateCompany", updateCompanyDoc, []refusal{
		{name: "the ID of a contact", input: map[string]any{"id": globalID("Contact", contact), "name": "x"}, code: "INVALID_ID", field: []string{"id"}},
		{name: "a deleted company", input: map[string]any{"id": id, "name": "x"}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
	}, unchanged)
	f.refuses(t, "attachContactToCompany", attachCompanyDoc, []refusal{
		{name: "an unknown company", input: map[string]any{"contactId": globalID("Contact", contact), "companyId": globalID("Company", "000000000000000000000000")},
			code: "NOT_FOUND", field: []string{"companyId"}, calls: 1},
		{name: "an unknown contact", input: map[string]any{"contactId": globalID("Contact", "000000000000000000000000"), "companyId": seeded},
			code: "NOT_FOUND", field: []string{"contactId"}, calls: 1},
		{name: "a company ID for the contact", input: map[string]any{"contactId": seeded, "companyId": seeded}, code: "INVALID_ID", field: []string{"contactId"}},
	}, unchanged)
	f.refuses(t, "deleteCompany", deleteCompanyDoc, []refusal{
		{name: "a deleted company", input: map[string]any{"id": id}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
	}, unchanged)
	f.invalid(t, "no companyId", upsertCompanyDoc, map[string]any{"name": "x"}, "companyId")
	f.invalid(t, "a size that is no number", upsertCompanyDoc, map[string]any{"companyId": "x", "size": "large"}, "size")
}
