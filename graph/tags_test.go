package graph_test

import (
	"fmt"
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

const tagsPage = `query($first: Int, $after: String, $last: Int, $before: String) {
  tags(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { id intercomId name } }
    nodes { intercomId }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`

func TestTagsAndSegmentsWalkBothWaysAtOneCallPerQuery(t *testing.T) {
	segmentsPage := `query($first: Int, $after: String, $last: Int, $before: String) {
	  segments(first: $first, after: $after, last: $last, before: $before) {
	    totalCount edges { cursor node { intercomId } } nodes { intercomId }
	    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
	  }
	}`
	for name, sizes := range map[string]intercomsim.Sizes{"default sizes": {}, "odd sizes": unevenSizes} {
		t.Run(name, func(t *testing.T) {
			f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: sizes}})
			ws := f.Sim.Workspace(intercomsim.DemoToken)
			for _, list := range []struct {
				name, query string
				want        []string
			}{{"tags", tagsPage, ws.TagIDs()}, {"segments", segmentsPage, ws.SegmentIDs()}} {
				for _, first := range []int{1, 2, 5, 100} {
					ids, calls := walk(t, f, list.query, []any{list.name}, first)
					assertIDsInOrder(t, fmt.Sprintf("%s, first=%d", list.name, first), ids, list.want)
					if pages := int64((len(list.want) + first - 1) / first); calls != max(pages, 1) {
						t.Errorf("%s, first=%d: %d pages cost %d upstream calls, want one a page", list.name, first, pages, calls)
					}
					back, _ := walkLastBefore(t, f, list.query, nil, []any{list.name}, first)
					assertIDsInOrder(t, fmt.Sprintf("%s, last=%d", list.name, first), back, list.want)
				}
			}
		})
	}
}

func TestTagsByIDCostOneCallAloneAndOneListTogether(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ids := f.Sim.Workspace(intercomsim.DemoToken).TagIDs()
	before := f.Sim.Calls()
	one := f.Query(`query($id: String!) { tag(intercomId: $id) { id intercomId name } }`, map[string]any{"id": ids[3]}).MustData(t)
	if facadetest.Str(facadetest.Dig(one, "tag", "intercomId")) != ids[3] || facadetest.Str(facadetest.Dig(one, "tag", "name")) == "" {
		t.Errorf("tag(intercomId:) = %v", one["tag"])
	}
	if calls := f.Sim.Calls() - before; calls != 1 {
		t.Errorf("one tag cost %d upstream calls, want 1", calls)
	}
	globalIDs := []any{}
	data := f.Query(tagsPage, map[string]any{"first": 5}).MustData(t)
	for _, n := range facadetest.Dig(data, "tags", "edges").([]any) {
		globalIDs = append(globalIDs, facadetest.Dig(n, "node", "id"))
	}
	before = f.Sim.Calls()
	many := f.Query(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Tag { name } } }`, map[string]any{"ids": globalIDs}).MustData(t)
	for i, n := range facadetest.Dig(many, "nodes").([]any) {
		if facadetest.Dig(n, "id") != globalIDs[i] || facadetest.Str(facadetest.Dig(n, "name")) == "" {
			t.Errorf("nodes[%d] = %v, want tag %v", i, n, globalIDs[i])
		}
	}
	if calls := f.Sim.Calls() - before; calls != 1 {
		t.Errorf("five tags by ID cost %d upstream calls, want one list", calls)
	}
	missing := f.Query(`{ tag(intercomId: "1") { name } }`, nil)
	if e, ok := missing.ErrorAt("tag"); !ok || e.Code() != "NOT_FOUND" || facadetest.Dig(missing.Data, "tag") != nil {
		t.Errorf("an unknown tag: want null with NOT_FOUND, got %s", missing.Raw)
	}
}

func TestContactTagsUseTheWorkspaceListUnlessTheContactHasMore(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 2, Tags: 14, Segments: 2, Companies: 4, Contacts: 30}}})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	before := f.Sim.Calls()
	data := f.Query(`{ contacts(first: 30) { nodes { intercomId tags { totalCount nodes { intercomId name appliedAt } } } } }`, nil).MustData(t)
	crowded := 0
	for _, c := range facadetest.Dig(data, "contacts", "nodes").([]any) {
		want := ws.ContactLinks(facadetest.Str(facadetest.Dig(c, "intercomId"))).TagIDs
		if len(want) > 10 {
			crowded++
		}
		var got []string
		for _, tag := range facadetest.Dig(c, "tags", "nodes").([]any) {
			got = append(got, facadetest.Str(facadetest.Dig(tag, "intercomId")))
			if facadetest.Str(facadetest.Dig(tag, "name")) == "" {
				t.Errorf("a tag of contact %v has no name", facadetest.Dig(c, "intercomId"))
			}
		}
		if len(want) == 0 {
			want = nil
		}
		assertIDsInOrder(t, "tags of "+facadetest.Str(facadetest.Dig(c, "intercomId")), got, want)
		if facadetest.Dig(c, "tags", "totalCount") != float64(len(want)) {
			t.Errorf("contact %v: totalCount %v, want %d", facadetest.Dig(c, "intercomId"), facadetest.Dig(c, "tags", "totalCount"), len(want))
		}
	}
	if crowded != 1 {
		t.Fatalf("%d contacts carry more tags than Intercom embeds; the seed makes one", crowded)
	}
	// The contacts, the tag list once, and the crowded contact's own list.
	if calls := f.Sim.Calls() - before; calls != 3 {
		t.Errorf("30 contacts' tags cost %d upstream calls, want 3", calls)
	}
}

func TestConversationTagsCostNothingAndSayWhoAppliedThem(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	data := f.Query(`{ conversations(first: 53) { nodes { intercomId tags { totalCount nodes { id intercomId name appliedAt appliedBy { intercomId name } } } } } }`, nil).MustData(t)
	tagged, applied := 0, 0
	for _, c := range facadetest.Dig(data, "conversations", "nodes").([]any) {
		for _, tag := range facadetest.Dig(c, "tags", "nodes").([]any) {
			tagged++
			if facadetest.Dig(tag, "appliedAt") == nil || facadetest.Str(facadetest.Dig(tag, "name")) == "" {
				t.Errorf("conversation %v: tag %v lacks its name or appliedAt", facadetest.Dig(c, "intercomId"), tag)
			}
			if facadetest.Dig(tag, "appliedBy", "name") != nil {
				applied++
			}
		}
	}
	if tagged == 0 || applied == 0 {
		t.Errorf("%d conversation tags, %d with who applied them: the seed tags conversations", tagged, applied)
	}
	before := f.Sim.Calls()
	f.Query(`{ conversations(first: 10) { nodes { tags { totalCount nodes { name } } } } }`, nil).MustData(t)
	if calls := f.Sim.Calls() - before; calls != 1 {
		t.Errorf("conversations with their tags cost %d upstream calls, want the list alone", calls)
	}
}
