package graph_test

import (
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func TestNodeRoundTripsForCompaniesTagsAndSegments(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	data := f.Query(`{
	  companies(first: 1) { nodes { id intercomId } }
	  tags(first: 1) { nodes { id intercomId } }
	  segments(first: 1) { nodes { id intercomId } }
	}`, nil).MustData(t)
	for _, root := range []string{"companies", "tags", "segments"} {
		id := facadetest.Str(facadetest.Dig(data, root, "nodes", 0, "id"))
		intercomID := facadetest.Str(facadetest.Dig(data, root, "nodes", 0, "intercomId"))
		got := f.Query(`query($id: ID!) { node(id: $id) { id __typename ... on Company { intercomId name } ... on Tag { intercomId name } ... on Segment { intercomId name } } }`,
			map[string]any{"id": id}).MustData(t)
		if facadetest.Str(facadetest.Dig(got, "node", "id")) != id || facadetest.Str(facadetest.Dig(got, "node", "intercomId")) != intercomID || facadetest.Str(facadetest.Dig(got, "node", "name")) == "" {
			t.Errorf("%s: node(id) returned %v, want id %s intercomId %s", root, got["node"], id, intercomID)
		}
	}
	// An ID of one type is refused where another type is wanted, before any upstream call.
	before := f.Sim.Calls()
	for _, q := range []string{`query($id: ID) { tag(id: $id) { name } }`, `query($id: ID) { segment(id: $id) { name } }`} {
		resp := f.Query(q, map[string]any{"id": facadetest.Dig(data, "companies", "nodes", 0, "id")})
		if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" {
			t.Errorf("a Company ID where another type is wanted: got %s", resp.Raw)
		}
	}
	if calls := f.Sim.Calls() - before; calls != 0 {
		t.Errorf("refused IDs cost %d upstream calls", calls)
	}
}

const everyCompanyField = `
fragment tagFields on Tag { id intercomId name appliedAt appliedBy { intercomId name } }
fragment segmentFields on Segment { id intercomId name createdAt updatedAt personType count }
fragment companyFields on Company {
  id intercomId companyId name appId
  plan { intercomId name }
  remoteCreatedAt createdAt updatedAt lastRequestAt
  size website industry monthlySpend sessionCount userCount customAttributes
  tags(first: 100) { totalCount edges { cursor node { ...tagFields } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
  segments(first: 100) { totalCount edges { cursor node { ...segmentFields } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
  contacts(first: 3) { totalCount nodes { intercomId email } pageInfo { hasNextPage } }
}
{
  allCompanies(first: 100) {
    totalCount
    edges { cursor node { ...companyFields } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
  tags { totalCount nodes { ...tagFields } }
  segments { totalCount nodes { ...segmentFields } }
  contacts(first: 50) {
    nodes {
      intercomId
      companies { totalCount nodes { ...companyFields } }
      tags { totalCount nodes { ...tagFields } }
      segments { totalCount nodes { ...segmentFields } }
    }
  }
  conversations(first: 50) { nodes { tags { totalCount nodes { ...tagFields } } } }
}`

func TestEveryCompanyTagAndSegmentFieldResolves(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 4, Teams: 2, Tags: 12, Segments: 4, Companies: 40, Contacts: 120, Conversations: 50}},
		MaxQueryCost: 100_000})
	data := f.Query(everyCompanyField, nil).MustData(t)

	// Every field a company may lack is present on some company.
	seen := map[string]bool{}
	companies := facadetest.Dig(data, "allCompanies", "edges").([]any)
	if len(companies) != 40 {
		t.Fatalf("allCompanies listed %d companies, want 40", len(companies))
	}
	for _, e := range companies {
		c := facadetest.Dig(e, "node")
		for _, field := range []string{"plan", "remoteCreatedAt", "lastRequestAt", "size", "website", "industry"} {
			if facadetest.Dig(c, field) != nil {
				seen[field] = true
			}
		}
		if facadetest.Dig(c, "plan") != nil && (facadetest.Dig(c, "plan", "intercomId") == nil || facadetest.Dig(c, "plan", "name") == nil) {
			t.Errorf("company %v has a plan without id or name: %v", facadetest.Dig(c, "intercomId"), facadetest.Dig(c, "plan"))
		}
		if attrs, _ := facadetest.Dig(c, "customAttributes").(map[string]any); len(attrs) > 0 {
			seen["customAttributes"] = true
		}
		if facadetest.Dig(c, "monthlySpend").(float64) > 0 {
			seen["monthlySpend"] = true
		}
		if facadetest.Dig(c, "sessionCount").(float64) > 0 {
			seen["sessionCount"] = true
		}
		for _, list := range []string{"tags", "segments", "contacts"} {
			if facadetest.Dig(c, list, "totalCount").(float64) > 0 {
				seen[list] = true
			}
		}
		if facadetest.Dig(c, "userCount") != facadetest.Dig(c, "contacts", "totalCount") {
			t.Errorf("company %v: userCount %v but %v contacts", facadetest.Dig(c, "intercomId"), facadetest.Dig(c, "userCount"), facadetest.Dig(c, "contacts", "totalCount"))
		}
		for _, s := range facadetest.Dig(c, "segments", "edges").([]any) {
			if facadetest.Dig(s, "node", "count") == nil || facadetest.Dig(s, "node", "personType") == nil {
				t.Errorf("company %v: segment %v lacks count or personType", facadetest.Dig(c, "intercomId"), facadetest.Dig(s, "node"))
			}
		}
	}
	for _, field := range []string{"plan", "remoteCreatedAt", "lastRequestAt", "size", "website", "industry", "customAttributes",
		"monthlySpend", "sessionCount", "tags", "segments", "contacts"} {
		if !seen[field] {
			t.Errorf("no company has %s", field)
		}
	}

	for _, s := range facadetest.Dig(data, "segments", "nodes").([]any) {
		if facadetest.Dig(s, "count") == nil || facadetest.Dig(s, "personType") == nil || facadetest.Dig(s, "createdAt") == nil {
			t.Errorf("segment %v lacks a field", s)
		}
	}
	applied := false
	for _, c := range facadetest.Dig(data, "conversations", "nodes").([]any) {
		for _, tag := range facadetest.Dig(c, "tags", "nodes").([]any) {
			applied = applied || (facadetest.Dig(tag, "appliedAt") != nil && facadetest.Dig(tag, "appliedBy", "name") != nil)
		}
	}
	if !applied {
		t.Error("no conversation tag says when and by whom it was applied")
	}
	related := map[string]bool{}
	for _, c := range facadetest.Dig(data, "contacts", "nodes").([]any) {
		for _, list := range []string{"companies", "tags", "segments"} {
			if facadetest.Dig(c, list, "totalCount").(float64) > 0 {
				related[list] = true
			}
		}
	}
	if len(related) != 3 {
		t.Errorf("contacts relate to %v; the seed relates them to companies, tags and segments", related)
	}
}
