package graph_test

import (
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func TestSegmentCountsComeFromOneCountedList(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: unevenSizes}})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	want := map[string]int{}
	for _, c := range ws.ContactIDs() {
		for _, s := range ws.ContactLinks(c).SegmentIDs {
			want[s]++
		}
	}
	check := func(name string, data map[string]any, path ...any) {
		t.Helper()
		for _, n := range facadetest.Dig(data, path...).([]any) {
			id := facadetest.Str(facadetest.Dig(n, "intercomId"))
			if facadetest.Dig(n, "count") != float64(want[id]) {
				t.Errorf("%s: segment %s counts %v, it holds %d contacts", name, id, facadetest.Dig(n, "count"), want[id])
			}
		}
	}
	for _, tc := range []struct {
		name, query string
		calls       int64
	}{
		{"asked with includeCount", `{ segments(includeCount: true) { nodes { intercomId count } } }`, 1},
		{"counted on demand", `{ segments { nodes { intercomId name count } } }`, 2},
	} {
		before := f.Sim.Calls()
		check(tc.name, f.Query(tc.query, nil).MustData(t), "segments", "nodes")
		if calls := f.Sim.Calls() - before; calls != tc.calls {
			t.Errorf("%s: %d upstream calls, want %d", tc.name, calls, tc.calls)
		}
	}
	without := f.Query(`{ segments { nodes { intercomId personType } } }`, nil).MustData(t)
	for _, n := range facadetest.Dig(without, "segments", "nodes").([]any) {
		if p := facadetest.Dig(n, "personType"); p != "USER" && p != "LEAD" {
			t.Errorf("segment %v: personType %v", facadetest.Dig(n, "intercomId"), p)
		}
	}
}

func TestContactAndCompanySegments(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: unevenSizes}})
	ws := f.Sim.Workspace(intercomsim.DemoToken)

	before := f.Sim.Calls()
	data := f.Query(`{ contacts(first: 6) { nodes { intercomId segments { totalCount nodes { intercomId name } } } } }`, nil).MustData(t)
	for _, c := range facadetest.Dig(data, "contacts", "nodes").([]any) {
		want := ws.ContactLinks(facadetest.Str(facadetest.Dig(c, "intercomId"))).SegmentIDs
		var got []string
		for _, s := range facadetest.Dig(c, "segments", "nodes").([]any) {
			got = append(got, facadetest.Str(facadetest.Dig(s, "intercomId")))
		}
		if len(want) == 0 {
			want = nil
		}
		assertIDsInOrder(t, "segments of "+facadetest.Str(facadetest.Dig(c, "intercomId")), got, want)
	}
	if calls := f.Sim.Calls() - before; calls != 7 {
		t.Errorf("6 contacts' segments cost %d upstream calls, want one for the list and one a contact", calls)
	}

	// A company embeds its segments; one that embeds none is asked about them.
	data = f.Query(`{ allCompanies(first: 100) { nodes { intercomId segments { totalCount nodes { intercomId name } } } } }`, nil).MustData(t)
	segmentsOf := map[string]int{}
	for _, c := range facadetest.Dig(data, "allCompanies", "nodes").([]any) {
		segmentsOf[facadetest.Str(facadetest.Dig(c, "intercomId"))] = int(facadetest.Dig(c, "segments", "totalCount").(float64))
	}
	before = f.Sim.Calls()
	data = f.Query(`{ companies(first: 60) { nodes { intercomId segments { totalCount nodes { name } } } } }`, nil).MustData(t)
	withSegments, without := 0, 0
	for _, c := range facadetest.Dig(data, "companies", "nodes").([]any) {
		n := segmentsOf[facadetest.Str(facadetest.Dig(c, "intercomId"))]
		if facadetest.Dig(c, "segments", "totalCount") != float64(n) {
			t.Errorf("company %v: %v segments here, %d in the scroll", facadetest.Dig(c, "intercomId"), facadetest.Dig(c, "segments", "totalCount"), n)
		}
		if n > 0 {
			withSegments++
		} else {
			without++
		}
	}
	if withSegments == 0 || without == 0 {
		t.Fatalf("%d companies with segments, %d without: the seed makes both", withSegments, without)
	}
	if calls := f.Sim.Calls() - before; calls != int64(1+without) {
		t.Errorf("companies and their segments cost %d upstream calls, want the list and one for each of the %d companies that embed none", calls, without)
	}
}

func TestSegmentLookupsAndMissingSegments(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	id := f.Sim.Workspace(intercomsim.DemoToken).SegmentIDs()[1]
	before := f.Sim.Calls()
	data := f.Query(`query($id: String!) { segment(intercomId: $id) { id intercomId name createdAt updatedAt personType } }`, map[string]any{"id": id}).MustData(t)
	if facadetest.Str(facadetest.Dig(data, "segment", "intercomId")) != id || facadetest.Dig(data, "segment", "createdAt") == nil {
		t.Errorf("segment(intercomId:) = %v", data["segment"])
	}
	if calls := f.Sim.Calls() - before; calls != 1 {
		t.Errorf("one segment cost %d upstream calls, want 1", calls)
	}
	missing := f.Query(`{ segment(intercomId: "000000000000000000000000") { name } }`, nil)
	if e, ok := missing.ErrorAt("segment"); !ok || e.Code() != "NOT_FOUND" || facadetest.Dig(missing.Data, "segment") != nil {
		t.Errorf("an unknown segment: want null with NOT_FOUND, got %s", missing.Raw)
	}
}
