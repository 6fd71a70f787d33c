package relay

import (
	"slices"
	"testing"
)

// ownSizeAPI is a page-number list that keeps its own page size whatever
// per_page asks, as lists whose spec declares no per_page may.
type ownSizeAPI struct {
	items []int
	size  int
	calls int
}

func (f *ownSizeAPI) fetch(page, _ int) (NumberedBatch[int], error) {
	f.calls++
	start := min((page-1)*f.size, len(f.items))
	end := min(start+f.size, len(f.items))
	return NumberedBatch[int]{Items: slices.Clone(f.items[start:end]), Total: len(f.items), PerPage: f.size}, nil
}

// Every window of a list served at another page size than asked comes back
// whole and in order, forwards and backwards, at no more than one extra call.
func TestNumberedListReadsPagesAtTheSizeIntercomServes(t *testing.T) {
	codec := NewCodec([]byte("k"))
	for _, tc := range []struct {
		name        string
		items, size int
	}{
		{"asked 2, answered 25, one page", 7, 25},
		{"larger pages than asked", 60, 25},
		{"smaller pages than asked", 60, 7},
		{"an exact multiple", 50, 25},
	} {
		t.Run(tc.name, func(t *testing.T) {
			api := &ownSizeAPI{items: make([]int, tc.items), size: tc.size}
			for i := range api.items {
				api.items[i] = i
			}
			for _, first := range []int{1, 2, 10, 30} {
				var seen []int
				var after *string
				for {
					before := api.calls
					page, err := NumberedList(codec, "c", Args{First: &first, After: after}, 50, api.fetch)
					if err != nil {
						t.Fatalf("first %d: %v", first, err)
					}
					// The pages of the served size the window spans, and at most one
					// call that learnt the size.
					start, end := len(seen), min(len(seen)+first, tc.items)
					if span := max(end-1, start)/tc.size - start/tc.size + 1; api.calls-before > span+1 {
						t.Errorf("first %d from %d cost %d calls at page size %d, want at most %d", first, start, api.calls-before, tc.size, span+1)
					}
					seen = append(seen, page.Nodes...)
					if !page.PageInfo.HasNextPage {
						break
					}
					after = page.PageInfo.EndCursor
				}
				if !slices.Equal(seen, api.items) {
					t.Errorf("first %d walked %v, want every item once in order", first, seen)
				}
			}
			for _, last := range []int{1, 3, 30} {
				page, err := NumberedList(codec, "c", Args{Last: &last}, 50, api.fetch)
				if err != nil {
					t.Fatal(err)
				}
				got := page.Nodes
				if want := api.items[max(len(api.items)-last, 0):]; !slices.Equal(got, want) {
					t.Errorf("last %d = %v, want %v", last, got, want)
				}
			}
		})
	}
}

// A list that changes its page size from one call to the next cannot be
// read without repeating or skipping items: the page fails rather than guess.
func TestNumberedListRefusesAPageSizeThatKeepsChanging(t *testing.T) {
	sizes := []int{7, 9, 11}
	calls := 0
	fetch := func(page, _ int) (NumberedBatch[int], error) {
		size := sizes[min(calls, len(sizes)-1)]
		calls++
		items := make([]int, size)
		for i := range items {
			items[i] = (page-1)*size + i
		}
		return NumberedBatch[int]{Items: items, Total: 100, PerPage: size}, nil
	}
	first, after := 5, NewCodec([]byte("k")).Encode(Position{Conn: "c", Offset: 39})
	if _, err := NumberedList(NewCodec([]byte("k")), "c", Args{First: &first, After: &after}, 50, fetch); err == nil {
		t.Error("a page size that changed twice was accepted")
	}
}
