package relay

import (
	"fmt"
	"slices"
	"testing"
)

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// checkPageInfo asserts the parts of a page every connection shares: one
// cursor per node, start/end cursors matching them, and non-nil slices.
func checkPageInfo[T any](t *testing.T, p *Page[T], hasPrev, hasNext bool) {
	t.Helper()
	if p.Nodes == nil || p.Cursors == nil {
		t.Fatalf("page has nil nodes or cursors; GraphQL lists must be []")
	}
	if len(p.Nodes) != len(p.Cursors) {
		t.Fatalf("%d nodes but %d cursors", len(p.Nodes), len(p.Cursors))
	}
	if p.PageInfo.HasPreviousPage != hasPrev || p.PageInfo.HasNextPage != hasNext {
		t.Fatalf("hasPreviousPage=%v hasNextPage=%v, want %v %v", p.PageInfo.HasPreviousPage, p.PageInfo.HasNextPage, hasPrev, hasNext)
	}
	if len(p.Cursors) == 0 {
		if p.PageInfo.StartCursor != nil || p.PageInfo.EndCursor != nil {
			t.Fatalf("empty page has start/end cursors")
		}
		return
	}
	if p.PageInfo.StartCursor == nil || *p.PageInfo.StartCursor != p.Cursors[0] ||
		p.PageInfo.EndCursor == nil || *p.PageInfo.EndCursor != p.Cursors[len(p.Cursors)-1] {
		t.Fatalf("start/end cursors do not match the edges")
	}
}

func checkTotal[T any](t *testing.T, p *Page[T], want int) {
	t.Helper()
	if p.TotalCount == nil || *p.TotalCount != want {
		t.Fatalf("totalCount = %v, want %d", p.TotalCount, want)
	}
}

func TestSliceForwardWalk(t *testing.T) {
	codec := NewCodec(testKey)
	for n := 0; n <= 23; n++ {
		for size := 1; size <= 7; size++ {
			t.Run(fmt.Sprintf("len%d/first%d", n, size), func(t *testing.T) {
				all := seq(n)
				var seen []int
				args := Args{First: ptr(size)}
				for pages := 0; ; pages++ {
					if pages > n+1 {
						t.Fatalf("walk did not end after %d pages", pages)
					}
					p, err := Slice(codec, "admins", args, all)
					if err != nil {
						t.Fatal(err)
					}
					from := len(seen)
					want := all[from:min(from+size, n)]
					if !slices.Equal(p.Nodes, want) {
						t.Fatalf("page %d = %v, want %v", pages, p.Nodes, want)
					}
					checkPageInfo(t, p, from > 0, from+len(want) < n)
					checkTotal(t, p, n)
					seen = append(seen, p.Nodes...)
					if !p.PageInfo.HasNextPage {
						break
					}
					args.After = p.PageInfo.EndCursor
				}
				if !slices.Equal(seen, all) {
					t.Fatalf("walk saw %v, want %v", seen, all)
				}
			})
		}
	}
}

func TestSliceBackwardWalk(t *testing.T) {
	codec := NewCodec(testKey)
	for n := 0; n <= 23; n++ {
		for size := 1; size <= 7; size++ {
			t.Run(fmt.Sprintf("len%d/last%d", n, size), func(t *testing.T) {
				all := seq(n)
				var seen []int // in list order, built from the end
				args := Args{Last: ptr(size)}
				for pages := 0; ; pages++ {
					if pages > n+1 {
						t.Fatalf("walk did not end after %d pages", pages)
					}
					p, err := Slice(codec, "admins", args, all)
					if err != nil {
						t.Fatal(err)
					}
					end := n - len(seen)
					want := all[max(end-size, 0):end]
					if !slices.Equal(p.Nodes, want) {
						t.Fatalf("page %d = %v, want %v", pages, p.Nodes, want)
					}
					checkPageInfo(t, p, end-len(want) > 0, end < n)
					checkTotal(t, p, n)
					seen = append(slices.Clone(p.Nodes), seen...)
					if !p.PageInfo.HasPreviousPage {
						break
					}
					args.Before = p.PageInfo.StartCursor
				}
				if !slices.Equal(seen, all) {
					t.Fatalf("walk saw %v, want %v", seen, all)
				}
			})
		}
	}
}

func TestSliceMixedDirections(t *testing.T) {
	codec := NewCodec(testKey)
	all := seq(10)
	page := func(args Args) *Page[int] {
		t.Helper()
		p, err := Slice(codec, "teams", args, all)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	p1 := page(Args{First: ptr(3)})
	p2 := page(Args{First: ptr(3), After: p1.PageInfo.EndCursor})
	if !slices.Equal(p2.Nodes, []int{3, 4, 5}) {
		t.Fatalf("second page = %v", p2.Nodes)
	}
	back := page(Args{Last: ptr(3), Before: p2.PageInfo.StartCursor})
	if !slices.Equal(back.Nodes, p1.Nodes) || !slices.Equal(back.Cursors, p1.Cursors) {
		t.Fatalf("back one page = %v, want %v with the same cursors", back.Nodes, p1.Nodes)
	}
	checkPageInfo(t, back, false, true)

	// Paging backward past the start stops at the first item.
	short := page(Args{Last: ptr(5), Before: p1.PageInfo.EndCursor})
	if !slices.Equal(short.Nodes, []int{0, 1}) {
		t.Fatalf("last 5 before item 2 = %v", short.Nodes)
	}
	checkPageInfo(t, short, false, true)

	// A middle edge's cursor works in both directions.
	mid := p2.Cursors[1] // item 4
	fwd := page(Args{First: ptr(2), After: &mid})
	bwd := page(Args{Last: ptr(2), Before: &mid})
	if !slices.Equal(fwd.Nodes, []int{5, 6}) || !slices.Equal(bwd.Nodes, []int{2, 3}) {
		t.Fatalf("around item 4: forward %v, backward %v", fwd.Nodes, bwd.Nodes)
	}
	checkPageInfo(t, fwd, true, true)
	checkPageInfo(t, bwd, true, true)
}

func TestSliceEdgeCases(t *testing.T) {
	codec := NewCodec(testKey)
	all := seq(5)
	lastCursor := codec.Encode(Position{Conn: "tags", Offset: 4})
	firstCursor := codec.Encode(Position{Conn: "tags", Offset: 0})
	// A cursor from a longer version of the list: the list shrank since.
	stale := codec.Encode(Position{Conn: "tags", Offset: 9})
	tests := []struct {
		name             string
		args             Args
		want             []int
		hasPrev, hasNext bool
	}{
		{"first zero", Args{First: ptr(0)}, []int{}, false, true},
		{"last zero", Args{Last: ptr(0)}, []int{}, true, false},
		{"first zero after the middle", Args{First: ptr(0), After: &firstCursor}, []int{}, true, true},
		{"after the last item", Args{First: ptr(3), After: &lastCursor}, []int{}, true, false},
		{"before the first item", Args{Last: ptr(3), Before: &firstCursor}, []int{}, false, true},
		{"first larger than the list", Args{First: ptr(100)}, []int{0, 1, 2, 3, 4}, false, false},
		{"last larger than the list", Args{Last: ptr(100)}, []int{0, 1, 2, 3, 4}, false, false},
		{"default page size", Args{}, []int{0, 1, 2, 3, 4}, false, false},
		{"after a stale cursor", Args{First: ptr(2), After: &stale}, []int{}, true, false},
		{"before a stale cursor", Args{Last: ptr(2), Before: &stale}, []int{3, 4}, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Slice(codec, "tags", tc.args, all)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(p.Nodes, tc.want) {
				t.Fatalf("nodes = %v, want %v", p.Nodes, tc.want)
			}
			checkPageInfo(t, p, tc.hasPrev, tc.hasNext)
			checkTotal(t, p, 5)
		})
	}
}

func TestSliceCursorsAreOffsets(t *testing.T) {
	codec := NewCodec(testKey)
	p, err := Slice(codec, "segments", Args{First: ptr(3), After: ptr(codec.Encode(Position{Conn: "segments", Offset: 1}))}, []string{"a", "b", "c", "d", "e", "f"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.Nodes, []string{"c", "d", "e"}) {
		t.Fatalf("nodes = %v", p.Nodes)
	}
	for i, c := range p.Cursors {
		pos, err := codec.Decode(c, "segments")
		if err != nil || pos != (Position{Conn: "segments", Offset: 2 + i}) {
			t.Fatalf("cursor %d decodes to %+v, %v", i, pos, err)
		}
	}
	edges := Edges(p, func(cursor string, node string) string { return node + "@" + cursor[:4] })
	if len(edges) != 3 || edges[0] != "c@"+p.Cursors[0][:4] || edges[2] != "e@"+p.Cursors[2][:4] {
		t.Fatalf("Edges = %v", edges)
	}
}

// maxFuzzSteps bounds the page requests one fuzz input makes.
const maxFuzzSteps = 24

// FuzzSliceWindow drives Slice with a list length and a chain of page
// requests, each resuming from a cursor of the page before, and compares
// every page with a direct computation of the window.
func FuzzSliceWindow(f *testing.F) {
	f.Add(uint8(0), []byte{})
	f.Add(uint8(10), []byte{0x03, 0x03, 0x83, 0x43})
	f.Add(uint8(23), []byte{0x85, 0x05, 0xc7, 0x20, 0x64})
	f.Add(uint8(200), []byte{0x64, 0x64, 0x65, 0xff, 0xe4})
	codec := NewCodec(testKey)
	f.Fuzz(func(t *testing.T, n uint8, steps []byte) {
		all := seq(int(n))
		var prev *Page[int]
		// Long chains add nothing a short one cannot reach, and each step
		// signs up to a hundred cursors: keep every input fast.
		for i, step := range steps[:min(len(steps), maxFuzzSteps)] {
			// Bits: 7 backward, 6 use a cursor of the previous page, 0-5 count
			// (with 61-63 standing for out-of-range counts).
			backward, useCursor := step&0x80 != 0, step&0x40 != 0
			count := int(step & 0x3f)
			switch count {
			case 61:
				count = -1
			case 62:
				count = MaxPageSize
			case 63:
				count = MaxPageSize + 1
			}
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
			p, err := Slice(codec, "fuzz", args, all)
			if count < 0 || count > MaxPageSize {
				if err == nil {
					t.Fatalf("count %d accepted", count)
				}
				continue
			}
			if err != nil {
				t.Fatalf("step %d (%+v): %v", i, step, err)
			}
			var start, end int
			switch {
			case !backward && hasCursor:
				start, end = min(offset+1, len(all)), min(offset+1+count, len(all))
			case !backward:
				start, end = 0, min(count, len(all))
			case hasCursor:
				start, end = max(offset-count, 0), offset
			default:
				start, end = max(len(all)-count, 0), len(all)
			}
			if !slices.Equal(p.Nodes, all[start:end]) {
				t.Fatalf("step %d: nodes %v, want items [%d, %d)", i, p.Nodes, start, end)
			}
			checkPageInfo(t, p, start > 0, end < len(all))
			checkTotal(t, p, len(all))
			for j, c := range p.Cursors {
				if pos, err := codec.Decode(c, "fuzz"); err != nil || pos.Offset != start+j {
					t.Fatalf("cursor %d decodes to %+v, %v; want offset %d", j, pos, err, start+j)
				}
			}
			prev = p
		}
	})
}
