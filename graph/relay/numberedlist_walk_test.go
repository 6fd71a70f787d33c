package relay

import (
	"fmt"
	"testing"
)

// numberedUpstream is a page-number list of n items that refuses pages
// larger than its maximum, as Intercom does, and counts the calls made.
type numberedUpstream struct {
	n, maxPerPage int
	calls         int
}

func (u *numberedUpstream) fetch(page, perPage int) (NumberedBatch[int], error) {
	u.calls++
	if perPage < 1 || perPage > u.maxPerPage || page < 1 {
		return NumberedBatch[int]{}, fmt.Errorf("page %d of %d items is out of bounds (max %d)", page, perPage, u.maxPerPage)
	}
	var items []int
	for i := (page - 1) * perPage; i < min(page*perPage, u.n); i++ {
		items = append(items, i)
	}
	return NumberedBatch[int]{Items: items, Total: u.n}, nil
}

// TestNumberedListWalksBothWays walks lists of sizes around the page sizes
// in both directions with page sizes below, at and above Intercom's
// maximum: every item once, in order, and one call a page whenever the
// maximum allows it.
func TestNumberedListWalksBothWays(t *testing.T) {
	codec := NewCodec([]byte("k"))
	for _, maxPerPage := range []int{20, 250} {
		for _, n := range []int{0, 1, 19, 20, 21, 47, 101} {
			for _, size := range []int{1, 7, 20, 21, 100} {
				name := fmt.Sprintf("max %d, %d items, pages of %d", maxPerPage, n, size)
				u := &numberedUpstream{n: n, maxPerPage: maxPerPage}
				// Forward.
				var seen []int
				var after *string
				pages := 0
				for {
					p, err := NumberedList(codec, "c", Args{First: ptr(size), After: after}, maxPerPage, u.fetch)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					pages++
					seen = append(seen, p.Nodes...)
					if *p.TotalCount != n || p.PageInfo.HasPreviousPage != (pages > 1) {
						t.Fatalf("%s: page %d says total %d, hasPreviousPage %v", name, pages, *p.TotalCount, p.PageInfo.HasPreviousPage)
					}
					if !p.PageInfo.HasNextPage {
						break
					}
					after = p.PageInfo.EndCursor
				}
				checkSequence(t, name+" forward", seen, n)
				if want := pages * ((size + maxPerPage - 1) / maxPerPage); u.calls > want {
					t.Errorf("%s: %d pages forward cost %d calls, want at most %d", name, pages, u.calls, want)
				}
				// Backward.
				seen, u.calls, pages = nil, 0, 0
				var before *string
				for {
					p, err := NumberedList(codec, "c", Args{Last: ptr(size), Before: before}, maxPerPage, u.fetch)
					if err != nil {
						t.Fatalf("%s backward: %v", name, err)
					}
					pages++
					seen = append(append([]int{}, p.Nodes...), seen...)
					if !p.PageInfo.HasPreviousPage {
						break
					}
					before = p.PageInfo.StartCursor
				}
				checkSequence(t, name+" backward", seen, n)
			}
		}
	}
}

func checkSequence(t *testing.T, name string, seen []int, n int) {
	t.Helper()
	if len(seen) != n {
		t.Fatalf("%s: saw %d items, want %d: %v", name, len(seen), n, seen)
	}
	for i, v := range seen {
		if v != i {
			t.Fatalf("%s: item %d is %d: %v", name, i, v, seen)
		}
	}
}

func TestNumberedListRefusesForeignCursors(t *testing.T) {
	codec := NewCodec([]byte("k"))
	u := &numberedUpstream{n: 30, maxPerPage: 20}
	p, err := NumberedList(codec, "articles", Args{First: ptr(5)}, 20, u.fetch)
	if err != nil {
		t.Fatal(err)
	}
	calls := u.calls
	_, err = NumberedList(codec, "collections", Args{First: ptr(5), After: p.PageInfo.EndCursor}, 20, u.fetch)
	if err == nil || u.calls != calls {
		t.Errorf("a cursor of another connection: err %v after %d upstream calls, want an error and none", err, u.calls-calls)
	}
}
