package relay

import (
	"slices"
	"testing"
)

// A page larger than Intercom's largest page is read in several pages of
// the largest size, never with a per_page Intercom would refuse.
func TestNumberedListNeverAsksForMoreThanTheLargestPage(t *testing.T) {
	all := make([]int, 137)
	for i := range all {
		all[i] = i
	}
	const maxPerPage = 50
	codec := NewCodec([]byte("key"))
	var seen []int
	var after *string
	for range 10 {
		first := 100
		p, err := NumberedList(codec, "conn", Args{First: &first, After: after}, maxPerPage, func(page, perPage int) (NumberedBatch[int], error) {
			if perPage > maxPerPage || perPage < 1 || page < 1 {
				t.Fatalf("asked for page %d of %d items; at most %d fit a page", page, perPage, maxPerPage)
			}
			from := min((page-1)*perPage, len(all))
			return NumberedBatch[int]{Items: all[from:min(from+perPage, len(all))], Total: len(all)}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		seen = append(seen, p.Nodes...)
		if !p.PageInfo.HasNextPage {
			break
		}
		after = p.PageInfo.EndCursor
	}
	if !slices.Equal(seen, all) {
		t.Errorf("walked %v, want 0..136 once each", seen)
	}
}
