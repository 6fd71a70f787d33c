package relay

import (
	"fmt"
	"testing"
)

// numbered is a page-number list of n items (0..n-1) that records its calls
// and refuses pages larger than maxPerPage, as Intercom answers 400.
type numbered struct {
	n, maxPerPage int
	calls         []string
}

func (l *numbered) fetch(page, perPage int) (NumberedBatch[int], error) {
	l.calls = append(l.calls, fmt.Sprintf("page=%d&per_page=%d", page, perPage))
	if perPage < 1 || perPage > l.maxPerPage {
		return NumberedBatch[int]{}, fmt.Errorf("per_page %d is out of range", perPage)
	}
	var items []int
	for i := (page - 1) * perPage; i < min(page*perPage, l.n); i++ {
		items = append(items, i)
	}
	return NumberedBatch[int]{Items: items, Total: l.n}, nil
}

func TestNumberedListStaysWithinTheUpstreamPageLimit(t *testing.T) {
	codec := NewCodec([]byte("k"))
	for _, tc := range []struct {
		n, maxPerPage, first, wantCalls int
	}{
		{n: 250, maxPerPage: 60, first: 100, wantCalls: 2},
		{n: 250, maxPerPage: 60, first: 60, wantCalls: 1},
		{n: 250, maxPerPage: 60, first: 7, wantCalls: 1},
		{n: 250, maxPerPage: 50, first: 100, wantCalls: 2},
		{n: 73, maxPerPage: 60, first: 100, wantCalls: 2},
	} {
		t.Run(fmt.Sprintf("%d items, max %d, first %d", tc.n, tc.maxPerPage, tc.first), func(t *testing.T) {
			l := &numbered{n: tc.n, maxPerPage: tc.maxPerPage}
			var seen []int
			var after *string
			for pages := 0; ; pages++ {
				l.calls = nil
				first := tc.first
				page, err := NumberedList(codec, "c", Args{First: &first, After: after}, tc.maxPerPage, l.fetch)
				if err != nil {
					t.Fatalf("page %d: %v (calls %v)", pages, err, l.calls)
				}
				if len(l.calls) > tc.wantCalls {
					t.Errorf("page %d cost %d calls %v, want at most %d", pages, len(l.calls), l.calls, tc.wantCalls)
				}
				seen = append(seen, page.Nodes...)
				if !page.PageInfo.HasNextPage {
					break
				}
				after = page.PageInfo.EndCursor
			}
			for i, v := range seen {
				if v != i {
					t.Fatalf("walk saw %v, want 0..%d in order", seen, tc.n-1)
				}
			}
			if len(seen) != tc.n {
				t.Errorf("walk saw %d items, want %d", len(seen), tc.n)
			}
		})
	}
}

func TestPlanPerPageCoversTheRangeInTheFewestCalls(t *testing.T) {
	for _, tc := range []struct{ start, count, max, want int }{
		{0, 20, 60, 20},   // the first page: exactly the range
		{20, 20, 60, 20},  // aligned
		{5, 20, 60, 25},   // the smallest page holding items 5..24
		{0, 100, 60, 50},  // two pages of 50 bring no more than asked
		{30, 100, 60, 44}, // items 30..129: three pages of 44 (0-43, 44-87, 88-131); no size up to 60 does it in two
	} {
		got := planPerPage(tc.start, tc.count, tc.max)
		calls := (tc.start+tc.count-1)/got - tc.start/got + 1
		wantCalls := (tc.start+tc.count-1)/tc.want - tc.start/tc.want + 1
		if got > tc.max || calls > wantCalls || got != tc.want {
			t.Errorf("planPerPage(%d, %d, %d) = %d (%d calls), want %d (%d calls)", tc.start, tc.count, tc.max, got, calls, tc.want, wantCalls)
		}
	}
}

func TestNumberedListWalksBackwardWithinTheUpstreamPageLimit(t *testing.T) {
	codec := NewCodec([]byte("k"))
	for _, tc := range []struct{ n, maxPerPage, last int }{
		{69, 60, 100}, {250, 60, 100}, {250, 60, 7}, {73, 50, 20}, {5, 60, 100},
	} {
		t.Run(fmt.Sprintf("%d items, max %d, last %d", tc.n, tc.maxPerPage, tc.last), func(t *testing.T) {
			l := &numbered{n: tc.n, maxPerPage: tc.maxPerPage}
			var seen []int
			var before *string
			for pages := 0; ; pages++ {
				l.calls = nil
				last := tc.last
				page, err := NumberedList(codec, "c", Args{Last: &last, Before: before}, tc.maxPerPage, l.fetch)
				if err != nil {
					t.Fatalf("page %d: %v (calls %v)", pages, err, l.calls)
				}
				// A page needs one call, two past the page limit, and one more
				// without a cursor to learn the total (one page of the list
				// learns it when the list is that short).
				allowed := 1
				if tc.last > tc.maxPerPage {
					allowed = 2
				}
				if before == nil {
					allowed++
				}
				if len(l.calls) > allowed {
					t.Errorf("page %d cost %d calls %v, want at most %d", pages, len(l.calls), l.calls, allowed)
				}
				seen = append(append([]int{}, page.Nodes...), seen...)
				if !page.PageInfo.HasPreviousPage {
					break
				}
				before = page.PageInfo.StartCursor
			}
			for i, v := range seen {
				if v != i {
					t.Fatalf("backward walk saw %v, want 0..%d in order", seen, tc.n-1)
				}
			}
			if len(seen) != tc.n {
				t.Errorf("backward walk saw %d items, want %d", len(seen), tc.n)
			}
		})
	}
}
