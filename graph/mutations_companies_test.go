package graph_test

import (
	"slices"
	"testing"

	"intercom-graphql/httpapi/facadetest"
)

const (
	upsertCompanyDoc = `mutation($input: CreateOrUpdateCompanyInput!) {
	  createOrUpdateCompany(input: $input) { company { id intercomId companyId name size plan { name } customAttributes } userErrors { field message code } }
	}`
	updateCompanyDoc = `mutation($input: UpdateCompanyInput!) {
	  updateCompany(input: $input) { company { id name industry } userErrors { field message code } }
	}`
	deleteCompanyDoc = `mutation($input: DeleteCompanyInput!) { deleteCompany(input: $input) { deletedCompanyId userErrors { field message code } } }`
	attachCompanyDoc = `mutation($input: AttachContactToCompanyInput!) {
	  attachContactToCompany(input: $input) {
	    company { intercomId userCount } contact { intercomId companies { nodes { intercomId } } }
	    userErrors { field message code }
	  }
	}`
	detachCompanyDoc = `mutation($input: DetachContactFromCompanyInput!) {
	  detachContactFromCompany(input: $input) {
	    company { intercomId } contact { intercomId companies { nodes { intercomId } } }
	    userErrors { field message code }
	  }
	}`
	readCompany = `query($id: ID!) { company(id: $id) { name size industry contacts(first: 50) { nodes { intercomId } } } }`
)

func TestCompanyMutations(t *testing.T) {
	f, ws := newWriteFacade(t)
	created := facadetest.Succeeded(t, "createOrUpdateCompany", f.Mutate(t, "createOrUpdateCompany", upsertCompanyDoc, map[string]any{
		"companyId": "remote-77", "name": "Zeppelin Works", "plan": "Pro", "size": 30, "monthlySpend": 1500,
		"remoteCreatedAt": "2013-07-18T09:00:00Z", "customAttributes": map[string]any{"account_tier": "gold"},
	}))["company"].(map[string]any)
	if created["companyId"] != "remote-77" || facadetest.Dig(created, "plan", "name") != "Pro" || facadetest.Dig(created, "customAttributes", "account_tier") != "gold" {
		t.Errorf("created company = %v", created)
	}
	id := created["id"].(string)
	cached(t, f, readCompany, map[string]any{"id": id})
	again := facadetest.Succeeded(t, "createOrUpdateCompany", f.Mutate(t, "createOrUpdateCompany", upsertCompanyDoc, map[string]any{"companyId": "remote-77", "size": 31}))
	if facadetest.Dig(again, "company", "id") != id {
		t.Errorf("the upsert by companyId made another company: %v", again["company"])
	}
	if c := readBack(t, f, readCompany, map[string]any{"id": id}); facadetest.Dig(c, "company", "size") != float64(31) || facadetest.Dig(c, "company", "name") != "Zeppelin Works" {
		t.Errorf("the company read after the upsert = %v", c["company"])
	}
	byCompanyID := readBack(t, f, `{ company(companyId: "remote-77") { intercomId } }`, nil)
	if facadetest.Dig(byCompanyID, "company", "intercomId") != created["intercomId"] {
		t.Errorf("company(companyId:) = %v", byCompanyID["company"])
	}

	facadetest.Succeeded(t, "updateCompany", f.Mutate(t, "updateCompany", updateCompanyDoc, map[string]any{"id": id, "industry": "Aviation"}))
	if c := readBack(t, f, readCompany, map[string]any{"id": id}); facadetest.Dig(c, "company", "industry") != "Aviation" {
		t.Errorf("the company read after its update = %v", c["company"])
	}

	contact := ws.ContactIDs()[3]
	const readContactCompanies = `query($id: ID!) { contact(id: $id) { companies { nodes { intercomId } } } }`
	cached(t, f, readContactCompanies, map[string]any{"id": facadetest.GlobalID("Contact", contact)})
	attached := facadetest.Succeeded(t, "attachContactToCompany", f.Mutate(t, "attachContactToCompany", attachCompanyDoc,
		map[string]any{"contactId": facadetest.GlobalID("Contact", contact), "companyId": id}))
	if facadetest.Dig(attached, "company", "userCount") != float64(1) || !containsStr(nodeIDs(facadetest.Dig(attached, "contact", "companies")), created["intercomId"].(string)) {
		t.Errorf("attach payload = %v", attached)
	}
	if ids := nodeIDs(facadetest.Dig(readBack(t, f, readCompany, map[string]any{"id": id}), "company", "contacts")); !slices.Equal(ids, []string{contact}) {
		t.Errorf("the company's contacts after the attach: %v", ids)
	}
	if ids := nodeIDs(facadetest.Dig(readBack(t, f, readContactCompanies, map[string]any{"id": facadetest.GlobalID("Contact", contact)}), "contact", "companies")); !containsStr(ids, created["intercomId"].(string)) {
		t.Errorf("the contact's companies read after the attach: %v", ids)
	}
	detached := facadetest.Succeeded(t, "detachContactFromCompany", f.Mutate(t, "detachContactFromCompany", detachCompanyDoc,
		map[string]any{"contactId": facadetest.GlobalID("Contact", contact), "companyId": id}))
	if containsStr(nodeIDs(facadetest.Dig(detached, "contact", "companies")), created["intercomId"].(string)) {
		t.Errorf("detach payload still shows the company: %v", detached)
	}

	gone := facadetest.Succeeded(t, "deleteCompany", f.Mutate(t, "deleteCompany", deleteCompanyDoc, map[string]any{"id": id}))
	if gone["deletedCompanyId"] != id {
		t.Errorf("deletedCompanyId = %v", gone["deletedCompanyId"])
	}
	if resp := f.Query(readCompany, map[string]any{"id": id}); facadetest.Dig(resp.Data, "company") != nil {
		t.Errorf("a deleted company reads back: %s", resp.Raw)
	}

	seeded := facadetest.GlobalID("Company", ws.CompanyIDs()[0])
	unchanged := unchangedSince(ws)
	refuses(t, f, "createOrUpdateCompany", upsertCompanyDoc, []refusal{
		{name: "a blank companyId", input: map[string]any{"companyId": " "}, code: "REQUIRED", field: []string{"companyId"}},
		{name: "custom attributes that are no object", input: map[string]any{"companyId": "x", "customAttributes": "gold"}, code: "INVALID", field: []string{"customAttributes"}},
		{name: "a negative size", input: map[string]any{"companyId": "remote-78", "size": -3}, code: "INVALID", field: []string{"size"}, calls: 1},
	}, unchanged)
	refuses(t, f, "updateCompany", updateCompanyDoc, []refusal{
		{name: "the ID of a contact", input: map[string]any{"id": facadetest.GlobalID("Contact", contact), "name": "x"}, code: "INVALID_ID", field: []string{"id"}},
		{name: "a deleted company", input: map[string]any{"id": id, "name": "x"}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
	}, unchanged)
	refuses(t, f, "attachContactToCompany", attachCompanyDoc, []refusal{
		{name: "an unknown company", input: map[string]any{"contactId": facadetest.GlobalID("Contact", contact), "companyId": facadetest.GlobalID("Company", "000000000000000000000000")},
			code: "NOT_FOUND", field: []string{"companyId"}, calls: 1},
		{name: "an unknown contact", input: map[string]any{"contactId": facadetest.GlobalID("Contact", "000000000000000000000000"), "companyId": seeded},
			code: "NOT_FOUND", field: []string{"contactId"}, calls: 1},
		{name: "a company ID for the contact", input: map[string]any{"contactId": seeded, "companyId": seeded}, code: "INVALID_ID", field: []string{"contactId"}},
	}, unchanged)
	refuses(t, f, "deleteCompany", deleteCompanyDoc, []refusal{
		{name: "a deleted company", input: map[string]any{"id": id}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
	}, unchanged)
	invalid(t, f, "no companyId", upsertCompanyDoc, map[string]any{"name": "x"}, "companyId")
	invalid(t, f, "a size that is no number", upsertCompanyDoc, map[string]any{"companyId": "x", "size": "large"}, "size")
}
