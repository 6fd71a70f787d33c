package httpapi_test

import (
	"testing"

	"intercom-graphql/upstream/intercomsim"
)

func TestSegmentCountsComeFromOneCountedList(t *testing.T) {
	f := newFacade(t, facadeOptions{sim: intercomsim.Options{Sizes: unevenSizes}})
	ws := f.sim.Workspace(intercomsim.DemoToken)
	want := map[string]int{}
	for _, c := range ws.ContactIDs() {
		for _, s := range ws.ContactLinks(c).SegmentIDs {
			want[s]++
		}
	}
	check := func(name string, data map[string]any, path ...any) {
		t.Helper()
		for _, n := range dig(data, path...).([]any) {
			id := str(dig(n, "intercomId"))
			if dig(n, "count") != float64(want[id]) {
				t.Errorf("%s: segment %s counts %v, it holds %d contacts", name, id, dig(n, "count"), want[id])
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
		before := f.sim.Calls()
		check(tc.name, f.query(tc.query, nil).mustData(t), "segments", "nodes")
		if calls := f.sim.Calls() - before; calls != tc.calls {
			t.Errorf("%s: %d upstream calls, want %d", tc.name, calls, tc.calls)
		}
	}
	without := f.query(`{ segments { nodes { intercomId personType } } }`, nil).mustData(t)
	for _, n := range dig(without, "segments", "nodes").([]any) {
		if p := dig(n, "personType"); p != "USER" && p != "LEAD" {
			t.Errorf("segment %v: personType %v", dig(n, "intercomId"), p)
		}
	}
}

func TestContactAndCompanySegments(t *testing.T) {
	f := newFacade(t, facadeOptions{sim: intercomsim.Options{Sizes: unevenSizes}})
	ws := f.sim.Workspace(intercomsim.DemoToken)

	before := f.sim.Calls()
	data := f.query(`{ contacts(first: 6) { nodes { intercomId segments { totalCount nodes { intercomId name } } } } }`, nil).mustData(t)
	for _, c := range dig(data, "contacts", "nodes").([]any) {
		want := ws.ContactLinks(str(dig(c, "intercomId"))).SegmentIDs
		var got []string
		for _, s := range dig(c, "segments", "nodes").([]any) {
			got = append(got, str(dig(s, "intercomId")))
		}
		if len(want) == 0 {
			want = nil
		}
		assertIDsInOrder(t, "segments of "+str(dig(c, "intercomId")), got, want)
	}
	if calls := f.sim.Calls() - before; calls != 7 {
		t.Errorf("6 contacts' segments cost %d upstream calls, want one for the list and one a contact", calls)
	}

	// A company embeds its segments; one that embeds none is asked about them.
	data = f.query(`{ allCompanies(first: 100) { nodes { intercomId segments { totalCount nodes { intercomId name } } } } }`, nil).mustData(t)
	segmentsOf := map[string]int{}
	for _, c := range dig(data, "allCompanies", "nodes").([]any) {
		segmentsOf[str(dig(c, "intercomId"))] = int(dig(c, "segments", "totalCount").(float64))
	}
	before = f.sim.Calls()
	data = f.query(`{ companies(first: 60) { nodes { intercomId segments { totalCount nodes { name } } } } }`, nil).mustData(t)
	withSegments, without := 0, 0
	for _, c := range dig(data, "companies", "nodes").([]any) {
		n := segmentsOf[str(dig(c, "intercomId"))]
		if dig(c, "segments", "totalCount") != float64(n) {
			t.Errorf("company %v: %v segments here, %d in the scroll", dig(c, "intercomId"), dig(c, "segments", "totalCount"), n)
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
	if calls := f.sim.Calls() - before; calls != int64(1+without) {
		t.Errorf("companies and their segments cost %d upstream calls, want the list and one for each of the %d companies that embed none", calls, without)
	}
}

func TestSegmentLookupsAndMissingSegments(t *testing.T) {
	f := newFacade(t, facadeOptions{})
	id := f.sim.Workspace(intercomsim.DemoToken).SegmentIDs()[1]
	before := f.sim.Calls()
	data := f.query(`query($id: String!) { segment(intercomId: $id) { id intercomId name createdAt updatedAt personType } }`, map[string]any{"id": id}).mustData(t)
	if str(dig(data, "segment", "intercomId")) != id || dig(data, "segment", "createdAt") == nil {
		t.Errorf("segment(intercomId:) = %v", data["segment"])
	}
	if calls := f.sim.Calls() - before; calls != 1 {
		t.Errorf("one segment cost %d upstream calls, want 1", calls)
	}
	missing := f.query(`{ segment(intercomId: "000000000000000000000000") { name } }`, nil)
	if e, ok := missing.errorAt("segment"); !ok || e.code() != "NOT_FOUND" || dig(missing.Data, "segment") != nil {
		t.Errorf("an unknown segment: want null with NOT_FOUND, got %s", missing.raw)
	}
}
