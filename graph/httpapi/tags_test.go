package httpapi_test

import (
	"fmt"
	"testing"

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
			f := newFacade(t, facadeOptions{sim: intercomsim.Options{Sizes: sizes}})
			ws := f.sim.Workspace(intercomsim.DemoToken)
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
	f := newFacade(t, facadeOptions{})
	ids := f.sim.Workspace(intercomsim.DemoToken).TagIDs()
	before := f.sim.Calls()
	one := f.query(`query($id: String!) { tag(intercomId: $id) { id intercomId name } }`, map[string]any{"id": ids[3]}).mustData(t)
	if str(dig(one, "tag", "intercomId")) != ids[3] || str(dig(one, "tag", "name")) == "" {
		t.Errorf("tag(intercomId:) = %v", one["tag"])
	}
	if calls := f.sim.Calls() - before; calls != 1 {
		t.Errorf("one tag cost %d upstream calls, want 1", calls)
	}
	globalIDs := []any{}
	data := f.query(tagsPage, map[string]any{"first": 5}).mustData(t)
	for _, n := range dig(data, "tags", "edges").([]any) {
		globalIDs = append(globalIDs, dig(n, "node", "id"))
	}
	before = f.sim.Calls()
	many := f.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Tag { name } } }`, map[string]any{"ids": globalIDs}).mustData(t)
	for i, n := range dig(many, "nodes").([]any) {
		if dig(n, "id") != globalIDs[i] || str(dig(n, "name")) == "" {
			t.Errorf("nodes[%d] = %v, want tag %v", i, n, globalIDs[i])
		}
	}
	if calls := f.sim.Calls() - before; calls != 1 {
		t.Errorf("five tags by ID cost %d upstream calls, want one list", calls)
	}
	missing := f.query(`{ tag(intercomId: "1") { name } }`, nil)
	if e, ok := missing.errorAt("tag"); !ok || e.code() != "NOT_FOUND" || dig(missing.Data, "tag") != nil {
		t.Errorf("an unknown tag: want null with NOT_FOUND, got %s", missing.raw)
	}
}

func TestContactTagsUseTheWorkspaceListUnlessTheContactHasMore(t *testing.T) {
	f := newFacade(t, facadeOptions{sim: intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 2, Tags: 14, Segments: 2, Companies: 4, Contacts: 30}}})
	ws := f.sim.Workspace(intercomsim.DemoToken)
	before := f.sim.Calls()
	data := f.query(`{ contacts(first: 30) { nodes { intercomId tags { totalCount nodes { intercomId name appliedAt } } } } }`, nil).mustData(t)
	crowded := 0
	for _, c := range dig(data, "contacts", "nodes").([]any) {
		want := ws.ContactLinks(str(dig(c, "intercomId"))).TagIDs
		if len(want) > 10 {
			crowded++
		}
		var got []string
		for _, tag := range dig(c, "tags", "nodes").([]any) {
			got = append(got, str(dig(tag, "intercomId")))
			if str(dig(tag, "name")) == "" {
				t.Errorf("a tag of contact %v has no name", dig(c, "intercomId"))
			}
		}
		if len(want) == 0 {
			want = nil
		}
		assertIDsInOrder(t, "tags of "+str(dig(c, "intercomId")), got, want)
		if dig(c, "tags", "totalCount") != float64(len(want)) {
			t.Errorf("contact %v: totalCount %v, want %d", dig(c, "intercomId"), dig(c, "tags", "totalCount"), len(want))
		}
	}
	if crowded != 1 {
		t.Fatalf("%d contacts carry more tags than Intercom embeds; the seed makes one", crowded)
	}
	// The contacts, the tag list once, and the crowded contact's own list.
	if calls := f.sim.Calls() - before; calls != 3 {
		t.Errorf("30 contacts' tags cost %d upstream calls, want 3", calls)
	}
}

func TestConversationTagsCostNothingAndSayWhoAppliedThem(t *testing.T) {
	f := newFacade(t, facadeOptions{})
	data := f.query(`{ conversations(first: 53) { nodes { intercomId tags { totalCount nodes { id intercomId name appliedAt appliedBy { intercomId name } } } } } }`, nil).mustData(t)
	tagged, applied := 0, 0
	for _, c := range dig(data, "conversations", "nodes").([]any) {
		for _, tag := range dig(c, "tags", "nodes").([]any) {
			tagged++
			if dig(tag, "appliedAt") == nil || str(dig(tag, "name")) == "" {
				t.Errorf("conversation %v: tag %v lacks its name or appliedAt", dig(c, "intercomId"), tag)
			}
			if dig(tag, "appliedBy", "name") != nil {
				applied++
			}
		}
	}
	if tagged == 0 || applied == 0 {
		t.Errorf("%d conversation tags, %d with who applied them: the seed tags conversations", tagged, applied)
	}
	before := f.sim.Calls()
	f.query(`{ conversations(first: 10) { nodes { tags { totalCount nodes { name } } } } }`, nil).mustData(t)
	if calls := f.sim.Calls() - before; calls != 1 {
		t.Errorf("conversations with their tags cost %d upstream calls, want the list alone", calls)
	}
}
