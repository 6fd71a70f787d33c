package graph_test

import (
	"testing"

	"github.com/99designs/gqlgen/client"

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
	for _, tc := range []struct {
		name, query string
		calls       int64
	}{
		{"asked with includeCount", `{ segments(includeCount: true) { nodes { intercomId count } } }`, 1},
		{"counted on demand", `{ segments { nodes { intercomId name count } } }`, 2},
	} {
		before := f.Sim.Calls()
		var data struct {
			Segments struct {
				Nodes []struct {
					IntercomID, Name string
					Count            *int
				}
			}
		}
		f.MustPost(tc.query, &data)
		for _, n := range data.Segments.Nodes {
			switch {
			case n.Count == nil:
				t.Errorf("%s: segment %s has no count, it holds %d contacts", tc.name, n.IntercomID, want[n.IntercomID])
			case *n.Count != want[n.IntercomID]:
				t.Errorf("%s: segment %s counts %d, it holds %d contacts", tc.name, n.IntercomID, *n.Count, want[n.IntercomID])
			}
		}
		if calls := f.Sim.Calls() - before; calls != tc.calls {
			t.Errorf("%s: %d upstream calls, want %d", tc.name, calls, tc.calls)
		}
	}
	var without struct {
		Segments struct {
			Nodes []struct{ IntercomID, PersonType string }
		}
	}
	f.MustPost(`{ segments { nodes { intercomId personType } } }`, &without)
	for _, n := range without.Segments.Nodes {
		if p := n.PersonType; p != "USER" && p != "LEAD" {
			t.Errorf("segment %v: personType %q", n.IntercomID, p)
		}
	}
}

// segmentList is the segments of a contact or a company.
type segmentList struct {
	TotalCount int
	Nodes      []struct{ IntercomID, Name string }
}

// segmentHolders is a page of contacts or companies with their segments.
type segmentHolders struct {
	Nodes []struct {
		IntercomID string
		Segments   segmentList
	}
}

func TestContactAndCompanySegments(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: unevenSizes}})
	ws := f.Sim.Workspace(intercomsim.DemoToken)

	before := f.Sim.Calls()
	var contacts struct{ Contacts segmentHolders }
	f.MustPost(`{ contacts(first: 6) { nodes { intercomId segments { totalCount nodes { intercomId name } } } } }`, &contacts)
	for _, c := range contacts.Contacts.Nodes {
		want := ws.ContactLinks(c.IntercomID).SegmentIDs
		var got []string
		for _, s := range c.Segments.Nodes {
			got = append(got, s.IntercomID)
		}
		if len(want) == 0 {
			want = nil
		}
		assertIDsInOrder(t, "segments of "+c.IntercomID, got, want)
	}
	if calls := f.Sim.Calls() - before; calls != 7 {
		t.Errorf("6 contacts' segments cost %d upstream calls, want one for the list and one a contact", calls)
	}

	// A company embeds its segments; one that embeds none is asked about them.
	var all struct{ AllCompanies segmentHolders }
	f.MustPost(`{ allCompanies(first: 100) { nodes { intercomId segments { totalCount nodes { intercomId name } } } } }`, &all)
	segmentsOf := map[string]int{}
	for _, c := range all.AllCompanies.Nodes {
		segmentsOf[c.IntercomID] = c.Segments.TotalCount
	}
	before = f.Sim.Calls()
	var companies struct{ Companies segmentHolders }
	f.MustPost(`{ companies(first: 60) { nodes { intercomId segments { totalCount nodes { name } } } } }`, &companies)
	withSegments, without := 0, 0
	for _, c := range companies.Companies.Nodes {
		n := segmentsOf[c.IntercomID]
		if c.Segments.TotalCount != n {
			t.Errorf("company %v: %v segments here, %d in the scroll", c.IntercomID, c.Segments.TotalCount, n)
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
	var data struct {
		Segment struct {
			ID, IntercomID, Name, CreatedAt, UpdatedAt string
			PersonType                                 *string
		}
	}
	f.MustPost(`query($id: String!) { segment(intercomId: $id) { id intercomId name createdAt updatedAt personType } }`, &data, client.Var("id", id))
	if data.Segment.IntercomID != id || data.Segment.CreatedAt == "" {
		t.Errorf("segment(intercomId:) = %+v", data.Segment)
	}
	if calls := f.Sim.Calls() - before; calls != 1 {
		t.Errorf("one segment cost %d upstream calls, want 1", calls)
	}
	missing := f.Query(`{ segment(intercomId: "000000000000000000000000") { name } }`, nil)
	if e, ok := missing.ErrorAt("segment"); !ok || e.Code() != "NOT_FOUND" || facadetest.Dig(missing.Data, "segment") != nil {
		t.Errorf("an unknown segment: want null with NOT_FOUND, got %s", missing.Raw)
	}
}
