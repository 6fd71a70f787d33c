package relay

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

// fakePageAPI mimics an Intercom list paginated by page number: pages from 1,
// per_page capped (companies allow 60), total_count on every answer.
type fakePageAPI struct {
	items   []int
	maxPer  int
	failOn  int  // the call that fails (1-based), 0 for none
	noTotal bool // total_count missing (reported as 0)
	calls   int
}

func (f *fakePageAPI) fetch(page, perPage int) (NumberedBatch[int], error) {
	f.calls++
	if f.calls == f.failOn {
		return NumberedBatch[int]{}, errUpstream
	}
	if page < 1 || perPage < 1 || perPage > f.maxPer {
		return NumberedBatch[int]{}, fmt.Errorf("page %d, per_page %d out of range", page, perPage)
	}
	start := min((page-1)*perPage, len(f.items))
	end := min(start+perPage, len(f.items))
	b := NumberedBatch[int]{Items: slices.Clone(f.items[start:end]), Total: len(f.items)}
	if f.noTotal {
		b.Total = 0
	}
	return b, nil
}

// minPages is the fewest upstream pages of any allowed size that hold
// [start, start+count).
func minPages(start, count, maxPer int) int {
	best := count
	for p := 1; p <= maxPer; p++ {
		best = min(best, (start+count-1)/p-start/p+1)
	}
	return best
}

// checkRangeCost asserts what a page reading [start, start+count) may cost:
// one call whenever a single page size holds the range, never more than the
// best plan could do, and at most two while count fits in one upstream page.
func checkRangeCost(t *testing.T, cost, start, count, maxPer int) {
	t.Helper()
	if count == 0 {
		if cost != 1 {
			t.Fatalf("an empty range cost %d calls, want 1", cost)
		}
		return
	}
	if _, ok := alignedPerPage(start, count, maxPer); ok && cost != 1 {
		t.Fatalf("[%d, +%d) fits one page but cost %d calls", start, count, cost)
	}
	if best := minPages(start, count, maxPer); cost < 1 || cost > best {
		t.Fatalf("[%d, +%d) cost %d calls, the best plan needs %d", start, count, cost, best)
	}
	if count <= maxPer && cost > 2 {
		t.Fatalf("[%d, +%d) cost %d calls, want at most 2", start, count, cost)
	}
}

var numberedLengths = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 17, 23, 24, 25, 59, 60, 61, 119, 120, 121, 250}

var numberedSizes = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 20, 33, 59, 60, 61, 99, 100}

func TestNumberedListForwardWalk(t *testing.T) {
	codec := NewCodec(testKey)
	for _, n := range numberedLengths {
		for _, size := range numberedSizes {
			t.Run(fmt.Sprintf("len%d/first%d", n, size), func(t *testing.T) {
				api := &fakePageAPI{items: seq(n), maxPer: 60}
				var seen []int
				args := Args{First: ptr(size)}
				for pages := 0; ; pages++ {
					if pages > n+1 {
						t.Fatalf("walk did not end after %d pages", pages)
					}
					before := api.calls
					p, err := NumberedList(codec, "companies", args, 60, api.fetch)
					if err != nil {
						t.Fatal(err)
					}
					from := len(seen)
					checkRangeCost(t, api.calls-before, from, size, 60)
					want := api.items[from:min(from+size, n)]
					if !slices.Equal(p.Nodes, want) {
						t.Fatalf("page %d = %v, want %v", pages, p.Nodes, want)
					}
					checkPageInfo(t, p, from > 0, from+len(want) < n)
					checkTotal(t, p, n)
					for i, c := range p.Cursors {
						if pos, err := codec.Decode(c, "companies"); err != nil || pos != (Position{Conn: "companies", Offset: from + i}) {
							t.Fatalf("cursor %d decodes to %+v, %v", i, pos, err)
						}
					}
					seen = append(seen, p.Nodes...)
					if !p.PageInfo.HasNextPage {
						break
					}
					args.After = p.PageInfo.EndCursor
				}
				if !slices.Equal(seen, api.items) {
					t.Fatalf("walk saw %v, want %v", seen, api.items)
				}
			})
		}
	}
}

func TestNumberedListBackwardWalk(t *testing.T) {
	codec := NewCodec(testKey)
	for _, n := range numberedLengths {
		for _, size := range numberedSizes {
			t.Run(fmt.Sprintf("len%d/last%d", n, size), func(t *testing.T) {
				api := &fakePageAPI{items: seq(n), maxPer: 60}
				var seen []int
				args := Args{Last: ptr(size)}
				for pages := 0; ; pages++ {
					if pages > n+1 {
						t.Fatalf("walk did not end after %d pages", pages)
					}
					before := api.calls
					p, err := NumberedList(codec, "companies", args, 60, api.fetch)
					if err != nil {
						t.Fatal(err)
					}
					end := n - len(seen)
					start := max(end-size, 0)
					cost := api.calls - before
					if pages == 0 {
						checkLastCost(t, cost, n, size, 60)
					} else {
						checkRangeCost(t, cost, start, end-start, 60)
					}
					want := api.items[start:end]
					if !slices.Equal(p.Nodes, want) {
						t.Fatalf("page %d = %v, want %v", pages, p.Nodes, want)
					}
					checkPageInfo(t, p, start > 0, end < n)
					checkTotal(t, p, n)
					seen = append(slices.Clone(p.Nodes), seen...)
					if !p.PageInfo.HasPreviousPage {
						break
					}
					args.Before = p.PageInfo.StartCursor
				}
				if !slices.Equal(seen, api.items) {
					t.Fatalf("walk saw %v, want %v", seen, api.items)
				}
			})
		}
	}
}

// checkLastCost asserts the cost of `last: n` without a cursor: one call to
// learn the total, which is the whole answer when the list fits in it, and
// then the tail. The tail costs a second call when one page size holds it;
// when none does (last: 60 of 1000 companies, 60 a page), no plan avoids a
// third, since which pages hold the tail is unknown until the first answer.
func checkLastCost(t *testing.T, cost, total, n, maxPer int) {
	t.Helper()
	probe := min(max(n, 1), maxPer)
	if total <= probe || n == 0 {
		if cost != 1 {
			t.Fatalf("last %d of %d cost %d calls, want 1", n, total, cost)
		}
		return
	}
	start := max(total-n, probe) // what the first call brought is not read again
	if start == total {
		if cost != 1 {
			t.Fatalf("last %d of %d cost %d calls, want 1", n, total, cost)
		}
		return
	}
	checkRangeCost(t, cost-1, start, total-start, maxPer)
}

func TestNumberedListLastCosts(t *testing.T) {
	codec := NewCodec(testKey)
	tests := []struct {
		name       string
		total, n   int
		wantCalls  int
		wantFirst  int
		wantLength int
	}{
		{"list fits in n", 7, 10, 1, 0, 7},
		{"list is exactly n", 10, 10, 1, 0, 10},
		{"tail in one page", 25, 10, 2, 15, 10},
		{"tail of companies at a page boundary", 1020, 60, 2, 960, 60},
		{"tail of companies off a page boundary", 1000, 60, 3, 940, 60},
		{"n above the page cap, list fits in n", 80, 100, 2, 0, 80},
		{"n above the page cap", 500, 100, 3, 400, 100}, // 100 items take two pages of at most 60
		{"empty list", 0, 5, 1, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			api := &fakePageAPI{items: seq(tc.total), maxPer: 60}
			p, err := NumberedList(codec, "companies", Args{Last: ptr(tc.n)}, 60, api.fetch)
			if err != nil {
				t.Fatal(err)
			}
			want := api.items[tc.wantFirst : tc.wantFirst+tc.wantLength]
			if !slices.Equal(p.Nodes, want) {
				t.Fatalf("nodes = %v, want %v", p.Nodes, want)
			}
			checkPageInfo(t, p, tc.wantFirst > 0, false)
			checkTotal(t, p, tc.total)
			if api.calls != tc.wantCalls {
				t.Fatalf("cost %d calls, want %d", api.calls, tc.wantCalls)
			}
		})
	}
}

func TestNumberedListZeroCounts(t *testing.T) {
	codec := NewCodec(testKey)
	mid := codec.Encode(Position{Conn: "companies", Offset: 4})
	tests := []struct {
		name             string
		n                int
		args             Args
		hasPrev, hasNext bool
	}{
		{"first 0", 10, Args{First: ptr(0)}, false, true},
		{"first 0 of nothing", 0, Args{First: ptr(0)}, false, false},
		{"first 0 after the middle", 10, Args{First: ptr(0), After: &mid}, true, true},
		{"first 0 after the last item", 5, Args{First: ptr(0), After: &mid}, true, false},
		{"last 0", 10, Args{Last: ptr(0)}, true, false},
		{"last 0 of nothing", 0, Args{Last: ptr(0)}, false, false},
		{"last 0 before the middle", 10, Args{Last: ptr(0), Before: &mid}, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			api := &fakePageAPI{items: seq(tc.n), maxPer: 60}
			p, err := NumberedList(codec, "companies", tc.args, 60, api.fetch)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Nodes) != 0 {
				t.Fatalf("nodes = %v, want none", p.Nodes)
			}
			checkPageInfo(t, p, tc.hasPrev, tc.hasNext)
			checkTotal(t, p, tc.n)
			if api.calls != 1 {
				t.Fatalf("cost %d calls, want 1 (for totalCount)", api.calls)
			}
		})
	}
}

func TestNumberedListMixedDirections(t *testing.T) {
	codec := NewCodec(testKey)
	api := &fakePageAPI{items: seq(50), maxPer: 60}
	page := func(args Args) *Page[int] {
		t.Helper()
		p, err := NumberedList(codec, "articles", args, 60, api.fetch)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	p1 := page(Args{First: ptr(7)})
	p2 := page(Args{First: ptr(7), After: p1.PageInfo.EndCursor})
	if !slices.Equal(p2.Nodes, seq(14)[7:]) {
		t.Fatalf("second page = %v", p2.Nodes)
	}
	back := page(Args{Last: ptr(7), Before: p2.PageInfo.StartCursor})
	if !slices.Equal(back.Nodes, p1.Nodes) || !slices.Equal(back.Cursors, p1.Cursors) {
		t.Fatalf("back one page = %v, want %v with the same cursors", back.Nodes, p1.Nodes)
	}
	checkPageInfo(t, back, false, true)
	mid := p2.Cursors[3] // item 10
	fwd := page(Args{First: ptr(4), After: &mid})
	bwd := page(Args{Last: ptr(4), Before: &mid})
	if !slices.Equal(fwd.Nodes, []int{11, 12, 13, 14}) || !slices.Equal(bwd.Nodes, []int{6, 7, 8, 9}) {
		t.Fatalf("around item 10: forward %v, backward %v", fwd.Nodes, bwd.Nodes)
	}
	checkPageInfo(t, fwd, true, true)
	checkPageInfo(t, bwd, true, true)
}

func TestNumberedListNeverExceedsPerPageCap(t *testing.T) {
	// first: 100 is a valid connection argument, but companies serve at most 60
	// a page; asking for more would be refused (or silently cut) by Intercom.
	codec := NewCodec(testKey)
	for _, start := range []int{-1, 0, 5, 30, 59, 60, 100, 170} {
		t.Run(fmt.Sprintf("after%d", start), func(t *testing.T) {
			api := &fakePageAPI{items: seq(400), maxPer: 60}
			args := Args{First: ptr(100)}
			if start >= 0 {
				args.After = ptr(codec.Encode(Position{Conn: "companies", Offset: start}))
			}
			p, err := NumberedList(codec, "companies", args, 60, api.fetch)
			if err != nil {
				t.Fatal(err)
			}
			if want := seq(400)[start+1 : start+101]; !slices.Equal(p.Nodes, want) {
				t.Fatalf("nodes = %v, want %v", p.Nodes, want)
			}
			checkRangeCost(t, api.calls, start+1, 100, 60)
		})
	}
}

func TestNumberedListSplitRangeCalls(t *testing.T) {
	codec := NewCodec(testKey)
	after := func(i int) *string { return ptr(codec.Encode(Position{Conn: "companies", Offset: i})) }
	tests := []struct {
		name      string
		n         int
		args      Args
		noTotal   bool
		want      []int
		wantCalls int
	}{
		// No single page holds [10, 70); two pages of 35 do.
		{"range over two pages", 200, Args{First: ptr(60), After: after(9)}, false, seq(70)[10:], 2},
		// The list ends with page 1 of 35 full: the total spares asking for page 2.
		{"list ends on the page boundary", 35, Args{First: ptr(60), After: after(9)}, false, seq(35)[10:], 1},
		// Without a total only a short page tells where the list ends.
		{"no total", 200, Args{First: ptr(60), After: after(9)}, true, seq(70)[10:], 2},
		{"no total, list ends on the page boundary", 35, Args{First: ptr(60), After: after(9)}, true, seq(35)[10:], 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			api := &fakePageAPI{items: seq(tc.n), maxPer: 60, noTotal: tc.noTotal}
			p, err := NumberedList(codec, "companies", tc.args, 60, api.fetch)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(p.Nodes, tc.want) {
				t.Fatalf("nodes = %v, want %v", p.Nodes, tc.want)
			}
			if api.calls != tc.wantCalls {
				t.Fatalf("cost %d calls, want %d", api.calls, tc.wantCalls)
			}
		})
	}
}

func TestNumberedListFetchErrors(t *testing.T) {
	codec := NewCodec(testKey)
	tests := []struct {
		name   string
		args   Args
		failOn int
	}{
		{"forward", Args{First: ptr(5)}, 1},
		{"second page of a split range", Args{First: ptr(60), After: ptr(codec.Encode(Position{Conn: "companies", Offset: 9}))}, 2},
		{"last, learning the total", Args{Last: ptr(5)}, 1},
		{"last, reading the tail", Args{Last: ptr(5)}, 2},
		{"before", Args{Last: ptr(5), Before: ptr(codec.Encode(Position{Conn: "companies", Offset: 30}))}, 1},
		{"first 0", Args{First: ptr(0)}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			api := &fakePageAPI{items: seq(200), maxPer: 60, failOn: tc.failOn}
			p, err := NumberedList(codec, "companies", tc.args, 60, api.fetch)
			if !errors.Is(err, errUpstream) || p != nil {
				t.Fatalf("NumberedList = %v, %v; want the upstream error", p, err)
			}
			if api.calls != tc.failOn {
				t.Fatalf("%d calls, want %d (none after the failure)", api.calls, tc.failOn)
			}
		})
	}
}

func TestAlignedPerPage(t *testing.T) {
	tests := []struct {
		start, count, max int
		want              int
		ok                bool
	}{
		{0, 20, 150, 20, true},
		{20, 20, 150, 20, true},
		{10, 20, 150, 30, true},    // [10, 30) is page 0 of 30
		{15, 10, 60, 13, true},     // [15, 25) is page 1 of 13: [13, 26)
		{940, 60, 60, 0, false},    // only 60 could hold 60 items, and 940 is not a multiple
		{960, 60, 60, 60, true},    // page 16 of 60
		{0, 100, 60, 0, false},     // more than a page can hold
		{5, 1, 60, 1, true},        // one item always fits a page of one
		{0, 0, 60, 0, false},       // nothing to hold
		{-1, 5, 60, 0, false},      // no negative positions
		{149, 100, 150, 125, true}, // [149, 249) is page 1 of 125: [125, 250)
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("start%d/count%d/max%d", tc.start, tc.count, tc.max), func(t *testing.T) {
			got, ok := alignedPerPage(tc.start, tc.count, tc.max)
			if got != tc.want || ok != tc.ok {
				t.Fatalf("alignedPerPage = %d, %v; want %d, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}

func FuzzAlignedPerPage(f *testing.F) {
	f.Add(0, 20, 150)
	f.Add(940, 60, 60)
	f.Add(15, 10, 60)
	f.Add(149, 100, 150)
	f.Add(1<<30, 100, 150)
	f.Add(0, 0, 60)
	f.Fuzz(func(t *testing.T, start, count, maxPer int) {
		// The planners only ever see positions a cursor can hold and the
		// page sizes of Intercom's lists.
		if start < -1 || start > maxCursorPosition+1 || count > MaxPageSize+1 || maxPer > 1000 {
			return
		}
		p, ok := alignedPerPage(start, count, maxPer)
		if ok {
			if p < count || p > maxPer || p < 1 {
				t.Fatalf("alignedPerPage(%d, %d, %d) = %d: outside [count, max]", start, count, maxPer, p)
			}
			if start/p != (start+count-1)/p {
				t.Fatalf("alignedPerPage(%d, %d, %d) = %d: items %d and %d fall in pages %d and %d",
					start, count, maxPer, p, start, start+count-1, start/p, (start+count-1)/p)
			}
			for q := max(count, 1); q < p; q++ {
				if start/q == (start+count-1)/q {
					t.Fatalf("alignedPerPage(%d, %d, %d) = %d, but %d also holds the range", start, count, maxPer, p, q)
				}
			}
		} else if start >= 0 && count >= 1 {
			for q := count; q <= maxPer; q++ {
				if start/q == (start+count-1)/q {
					t.Fatalf("alignedPerPage(%d, %d, %d) found nothing, but %d holds the range", start, count, maxPer, q)
				}
			}
		}
		if start < 0 || count < 1 || maxPer < 1 {
			return
		}
		pp := planPerPage(start, count, maxPer)
		if pp < 1 || pp > maxPer {
			t.Fatalf("planPerPage(%d, %d, %d) = %d: outside [1, max]", start, count, maxPer, pp)
		}
		if got, best := (start+count-1)/pp-start/pp+1, minPages(start, count, maxPer); got != best {
			t.Fatalf("planPerPage(%d, %d, %d) = %d spans %d pages, %d would do", start, count, maxPer, pp, got, best)
		}
	})
}

// FuzzNumberedList walks a page-number list of random length and page cap
// with a chain of requests, each resuming from a cursor of the page before,
// and compares every page and its cost with a direct computation.
func FuzzNumberedList(f *testing.F) {
	f.Add(uint16(0), uint8(59), []byte{})
	f.Add(uint16(50), uint8(59), []byte{0x07, 0x47, 0xc7, 0x4a})
	f.Add(uint16(1000), uint8(59), []byte{0xbc, 0xfc, 0x64, 0x64})
	f.Add(uint16(300), uint8(0), []byte{0x05, 0x45})
	f.Add(uint16(121), uint8(149), []byte{0x64, 0x64, 0xe4})
	codec := NewCodec(testKey)
	f.Fuzz(func(t *testing.T, n uint16, perPageCap uint8, steps []byte) {
		maxPer := 1 + int(perPageCap)%150
		api := &fakePageAPI{items: seq(int(n) % 2001), maxPer: maxPer}
		all := api.items
		var prev *Page[int]
		// Long chains add nothing a short one cannot reach, and each step
		// signs up to a hundred cursors: keep every input fast.
		for i, step := range steps[:min(len(steps), maxFuzzSteps)] {
			backward, useCursor := step&0x80 != 0, step&0x40 != 0
			count := int(step&0x3f) * 2 // 0..126: some above the cap
			var args Args
			offset, hasCursor := -1, false
			if useCursor && prev != nil && len(prev.Cursors) > 0 {
				c := prev.Cursors[i%len(prev.Cursors)]
				pos, err := codec.Decode(c, "fuzz")
				if err != nil {
					t.Fatalf("issued cursor refused: %v", err)
				}
				offset, hasCursor = pos.Offset, true
				if backward {
					args.Before = &c
				} else {
					args.After = &c
				}
			}
			if backward {
				args.Last = &count
			} else {
				args.First = &count
			}
			before := api.calls
			p, err := NumberedList(codec, "fuzz", args, maxPer, api.fetch)
			if count > MaxPageSize {
				var ie *InputError
				if !errors.As(err, &ie) {
					t.Fatalf("count %d: error %v, want an *InputError", count, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("step %d (%#x): %v", i, step, err)
			}
			cost := api.calls - before
			var start, end int
			switch {
			case !backward:
				if hasCursor {
					start = offset + 1
				}
				end = min(start+count, len(all))
				checkRangeCost(t, cost, start, count, maxPer)
				start = min(start, len(all))
			case hasCursor:
				start, end = max(offset-count, 0), offset
				checkRangeCost(t, cost, start, end-start, maxPer)
			default:
				start, end = max(len(all)-count, 0), len(all)
				checkLastCost(t, cost, len(all), count, maxPer)
			}
			if !slices.Equal(p.Nodes, all[start:end]) {
				t.Fatalf("step %d: nodes %v, want items [%d, %d)", i, p.Nodes, start, end)
			}
			checkPageInfo(t, p, start > 0, end < len(all))
			checkTotal(t, p, len(all))
			prev = p
		}
	})
}
