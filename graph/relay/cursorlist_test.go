package relay

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// fakeCursorAPI mimics an Intercom list paginated with starting_after: opaque
// next tokens, per_page between 1 and 150, no next on the last page.
type fakeCursorAPI struct {
	items    []int
	maxPer   int  // largest per_page Intercom accepts
	serveMax int  // largest batch it actually serves (0: per_page)
	noTotal  bool // total_count absent from the answer
	// trailingNext hands out a next token when the last page is exactly
	// full, as a list that counts pages lazily would.
	trailingNext bool
	failOn       int // the call that fails (1-based), 0 for none
	calls        int
}

var errUpstream = errors.New("upstream exploded")

func (f *fakeCursorAPI) token(i int) string { return "sa_" + strconv.Itoa(i*7919+13) }

func (f *fakeCursorAPI) fetch(perPage int, token string) (CursorBatch[int], error) {
	f.calls++
	if f.calls == f.failOn {
		return CursorBatch[int]{}, errUpstream
	}
	if perPage < 1 || perPage > f.maxPer {
		return CursorBatch[int]{}, fmt.Errorf("per_page %d out of range", perPage)
	}
	start := 0
	if token != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(token, "sa_"))
		if err != nil || !strings.HasPrefix(token, "sa_") || (n-13)%7919 != 0 {
			return CursorBatch[int]{}, fmt.Errorf("starting_after %q was not issued", token)
		}
		start = (n - 13) / 7919
	}
	served := perPage
	if f.serveMax > 0 {
		served = min(served, f.serveMax)
	}
	start = min(start, len(f.items))
	end := min(start+served, len(f.items))
	b := CursorBatch[int]{Items: slices.Clone(f.items[start:end]), Total: len(f.items)}
	if end < len(f.items) || (f.trailingNext && end == start+served && end > start) {
		b.Next = f.token(end)
	}
	if f.noTotal {
		b.Total = -1
	}
	return b, nil
}

type cursorListCase struct {
	n            int
	noTotal      bool
	trailingNext bool
}

func (c cursorListCase) String() string {
	s := fmt.Sprintf("len%d", c.n)
	if c.noTotal {
		s += "/nototal"
	}
	if c.trailingNext {
		s += "/trailingnext"
	}
	return s
}

func cursorListCases() []cursorListCase {
	var out []cursorListCase
	for _, n := range []int{0, 1, 2, 3, 5, 7, 9, 10, 12, 20, 30, 31, 100, 149, 150, 151, 300, 301} {
		for _, noTotal := range []bool{false, true} {
			for _, trailing := range []bool{false, true} {
				out = append(out, cursorListCase{n, noTotal, trailing})
			}
		}
	}
	return out
}

func TestCursorListForwardWalk(t *testing.T) {
	codec := NewCodec(testKey)
	sizes := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 50, 99, 100}
	for _, lc := range cursorListCases() {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%v/first%d", lc, size), func(t *testing.T) {
				api := &fakeCursorAPI{items: seq(lc.n), maxPer: 150, noTotal: lc.noTotal, trailingNext: lc.trailingNext}
				var seen []int
				args := Args{First: ptr(size)}
				for pages := 0; ; pages++ {
					if pages > lc.n+1 {
						t.Fatalf("walk did not end after %d pages", pages)
					}
					before := api.calls
					p, err := CursorList(codec, "contacts", args, 150, api.fetch)
					if err != nil {
						t.Fatal(err)
					}
					if cost := api.calls - before; cost != 1 {
						t.Fatalf("page %d cost %d upstream calls, want 1", pages, cost)
					}
					from := len(seen)
					want := api.items[from:min(from+size, lc.n)]
					if !slices.Equal(p.Nodes, want) {
						t.Fatalf("page %d = %v, want %v", pages, p.Nodes, want)
					}
					hasNext := from+len(want) < lc.n
					if lc.noTotal && lc.trailingNext && len(want) == size && from+len(want) == lc.n {
						// Intercom said there is a next page and gave no count to
						// refute it; the next page will be empty.
						hasNext = true
					}
					checkPageInfo(t, p, from > 0, hasNext)
					if lc.noTotal {
						if p.TotalCount != nil {
							t.Fatalf("totalCount = %d, want null when Intercom gives none", *p.TotalCount)
						}
					} else {
						checkTotal(t, p, lc.n)
					}
					for i, c := range p.Cursors {
						if pos, err := codec.Decode(c, "contacts"); err != nil || pos.Offset != from+i {
							t.Fatalf("cursor %d decodes to %+v, %v; want offset %d", i, pos, err, from+i)
						}
					}
					seen = append(seen, p.Nodes...)
					if !p.PageInfo.HasNextPage {
						break
					}
					if p.PageInfo.EndCursor == nil {
						t.Fatalf("page %d has a next page but no end cursor", pages)
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

// TestCursorListResumeFromEveryEdge resumes from each edge of each page, not
// only from endCursor, which is how clients use the cursors of edges.
func TestCursorListResumeFromEveryEdge(t *testing.T) {
	codec := NewCodec(testKey)
	for _, n := range []int{1, 7, 23, 160, 301} {
		for _, size := range []int{1, 3, 8, 60, 100} {
			for _, next := range []int{0, 1, 4, 100} {
				t.Run(fmt.Sprintf("len%d/first%d/then%d", n, size, next), func(t *testing.T) {
					api := &fakeCursorAPI{items: seq(n), maxPer: 150}
					var after *string
					for from := 0; from < n; from += size {
						page, err := CursorList(codec, "contacts", Args{First: ptr(size), After: after}, 150, api.fetch)
						if err != nil {
							t.Fatal(err)
						}
						for i, c := range page.Cursors {
							pos, err := codec.Decode(c, "contacts")
							if err != nil {
								t.Fatal(err)
							}
							before := api.calls
							p, err := CursorList(codec, "contacts", Args{First: ptr(next), After: &c}, 150, api.fetch)
							if err != nil {
								t.Fatalf("resuming after item %d: %v", from+i, err)
							}
							at := from + i + 1
							want := api.items[at:min(at+next, n)]
							if !slices.Equal(p.Nodes, want) {
								t.Fatalf("after item %d: %v, want %v", from+i, p.Nodes, want)
							}
							checkPageInfo(t, p, true, at+len(want) < n)
							checkTotal(t, p, n)
							// The batch the cursor points into is re-read from its
							// start; a second call is due only when the page
							// runs past the 150 items one call can bring.
							wantCost := 1
							if batchStart := at - pos.Skip; pos.Skip+next > 150 && batchStart+150 < n {
								wantCost = 2
							}
							if cost := api.calls - before; cost != wantCost {
								t.Fatalf("after item %d (skip %d), first %d cost %d calls, want %d", from+i, pos.Skip, next, cost, wantCost)
							}
						}
						after = page.PageInfo.EndCursor
					}
				})
			}
		}
	}
}

func TestCursorListFirstZero(t *testing.T) {
	codec := NewCodec(testKey)
	tests := []struct {
		name             string
		n                int
		afterItem        int // -1: from the start
		hasPrev, hasNext bool
	}{
		{"empty list", 0, -1, false, false},
		{"from the start", 5, -1, false, true},
		{"after a middle item", 5, 2, true, true},
		{"after the last item", 5, 4, true, false},
		{"after the last item of a full page", 6, 2, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			api := &fakeCursorAPI{items: seq(tc.n), maxPer: 150}
			args := Args{First: ptr(0)}
			if tc.afterItem >= 0 {
				p, err := CursorList(codec, "contacts", Args{First: ptr(3)}, 150, api.fetch)
				if err != nil {
					t.Fatal(err)
				}
				for tc.afterItem >= 3 {
					p, err = CursorList(codec, "contacts", Args{First: ptr(3), After: p.PageInfo.EndCursor}, 150, api.fetch)
					if err != nil {
						t.Fatal(err)
					}
					tc.afterItem -= 3
				}
				args.After = &p.Cursors[tc.afterItem]
			}
			api.calls = 0
			p, err := CursorList(codec, "contacts", args, 150, api.fetch)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Nodes) != 0 {
				t.Fatalf("first: 0 returned %v", p.Nodes)
			}
			checkPageInfo(t, p, tc.hasPrev, tc.hasNext)
			checkTotal(t, p, tc.n)
			if api.calls != 1 {
				t.Fatalf("first: 0 cost %d calls, want 1 (for totalCount)", api.calls)
			}
		})
	}
}

// TestCursorListShortBatches covers an upstream that serves fewer items than
// per_page asks for: pages span batches and cursors land mid-batch.
func TestCursorListShortBatches(t *testing.T) {
	codec := NewCodec(testKey)
	for _, serve := range []int{1, 3, 7} {
		for _, size := range []int{1, 2, 5, 8, 13} {
			t.Run(fmt.Sprintf("serve%d/first%d", serve, size), func(t *testing.T) {
				api := &fakeCursorAPI{items: seq(40), maxPer: 150, serveMax: serve}
				var seen []int
				args := Args{First: ptr(size)}
				for !slices.Equal(seen, api.items) {
					p, err := CursorList(codec, "contacts", args, 150, api.fetch)
					if size > serve*maxFetchesPerPage {
						if !errors.Is(err, errTooManyFetches) {
							t.Fatalf("CursorList = %v, %v; want errTooManyFetches", p, err)
						}
						return
					}
					if err != nil {
						t.Fatal(err)
					}
					from := len(seen)
					want := api.items[from:min(from+size, 40)]
					if !slices.Equal(p.Nodes, want) {
						t.Fatalf("page from %d = %v, want %v", from, p.Nodes, want)
					}
					checkPageInfo(t, p, from > 0, from+len(want) < 40)
					seen = append(seen, p.Nodes...)
					args.After = p.PageInfo.EndCursor
					if !p.PageInfo.HasNextPage {
						break
					}
				}
				if !slices.Equal(seen, api.items) {
					t.Fatalf("walk saw %v", seen)
				}
			})
		}
	}
}

func TestCursorListFetchErrors(t *testing.T) {
	codec := NewCodec(testKey)
	t.Run("first call", func(t *testing.T) {
		api := &fakeCursorAPI{items: seq(10), maxPer: 150, failOn: 1}
		p, err := CursorList(codec, "contacts", Args{First: ptr(5)}, 150, api.fetch)
		if !errors.Is(err, errUpstream) || p != nil {
			t.Fatalf("CursorList = %v, %v; want the upstream error", p, err)
		}
		var ie *InputError
		if errors.As(err, &ie) {
			t.Fatalf("an upstream failure is not the client's input error: %v", err)
		}
	})
	t.Run("continuation call", func(t *testing.T) {
		api := &fakeCursorAPI{items: seq(10), maxPer: 150, serveMax: 2, failOn: 2}
		p, err := CursorList(codec, "contacts", Args{First: ptr(5)}, 150, api.fetch)
		if !errors.Is(err, errUpstream) || p != nil {
			t.Fatalf("CursorList = %v, %v; want the upstream error", p, err)
		}
		if api.calls != 2 {
			t.Fatalf("%d calls after the failure, want 2", api.calls)
		}
	})
	t.Run("bad cursor costs nothing", func(t *testing.T) {
		api := &fakeCursorAPI{items: seq(10), maxPer: 150}
		_, err := CursorList(codec, "contacts", Args{After: ptr(codec.Encode(Position{Conn: "conversations"}))}, 150, api.fetch)
		if !errors.Is(err, ErrForeignCursor) || api.calls != 0 {
			t.Fatalf("error %v after %d calls; want ErrForeignCursor and none", err, api.calls)
		}
	})
}

func TestCursorListStuckUpstream(t *testing.T) {
	codec := NewCodec(testKey)
	tests := []struct {
		name     string
		fetch    func(calls *int) CursorFetch[int]
		maxCalls int
	}{
		{
			name: "next repeats the token with a full batch",
			fetch: func(calls *int) CursorFetch[int] {
				return func(perPage int, token string) (CursorBatch[int], error) {
					*calls++
					return CursorBatch[int]{Items: seq(perPage), Next: "same", Total: -1}, nil
				}
			},
			maxCalls: 2,
		},
		{
			name: "next repeats the token with a short batch",
			fetch: func(calls *int) CursorFetch[int] {
				return func(perPage int, token string) (CursorBatch[int], error) {
					*calls++
					return CursorBatch[int]{Items: []int{1}, Next: "same", Total: 1000}, nil
				}
			},
			maxCalls: 2,
		},
		{
			name: "next tokens go round in a cycle",
			fetch: func(calls *int) CursorFetch[int] {
				return func(perPage int, token string) (CursorBatch[int], error) {
					*calls++
					next := map[string]string{"": "a", "a": "b", "b": "a"}[token]
					return CursorBatch[int]{Items: []int{*calls}, Next: next, Total: 1000}, nil
				}
			},
			maxCalls: 3,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			calls := 0
			fetch := tc.fetch(&calls)
			var err error
			var p *Page[int]
			args := Args{First: ptr(50)}
			// A stuck upstream must be caught within a page or on the page
			// after, never by the client paging forever.
			for range 2 {
				p, err = CursorList(codec, "contacts", args, 150, fetch)
				if err != nil {
					break
				}
				args.After = p.PageInfo.EndCursor
			}
			if !errors.Is(err, errNoProgress) {
				t.Fatalf("error = %v, want errNoProgress", err)
			}
			if calls > tc.maxCalls {
				t.Fatalf("%d calls before giving up, want at most %d", calls, tc.maxCalls)
			}
		})
	}
}

// FuzzCursorList walks a starting_after list of random length, resuming each
// page from the end of the previous one or from one of its middle edges, and
// compares every page and its cost with a direct computation.
func FuzzCursorList(f *testing.F) {
	f.Add(uint16(0), false, []byte{})
	f.Add(uint16(10), false, []byte{0x03, 0x03, 0x83, 0x03})
	f.Add(uint16(160), true, []byte{0x3c, 0xe4, 0x64})
	f.Add(uint16(301), false, []byte{0x64, 0x64, 0x64, 0x64})
	f.Add(uint16(7), true, []byte{0x00, 0x07, 0x00})
	codec := NewCodec(testKey)
	f.Fuzz(func(t *testing.T, n uint16, noTotal bool, steps []byte) {
		api := &fakeCursorAPI{items: seq(int(n) % 2001), maxPer: 150, noTotal: noTotal}
		all := api.items
		var prev *Page[int]
		// Long chains add nothing a short one cannot reach, and each step
		// signs up to a hundred cursors: keep every input fast.
		for i, step := range steps[:min(len(steps), maxFuzzSteps)] {
			count := int(step & 0x7f) // 0..127: some above the cap
			args := Args{First: &count}
			at, skip := 0, 0
			if prev != nil && len(prev.Cursors) > 0 {
				c := *prev.PageInfo.EndCursor
				if step&0x80 != 0 {
					c = prev.Cursors[i%len(prev.Cursors)]
				}
				pos, err := codec.Decode(c, "fuzz")
				if err != nil {
					t.Fatalf("issued cursor refused: %v", err)
				}
				at, skip = pos.Offset+1, pos.Skip
				args.After = &c
			}
			before := api.calls
			p, err := CursorList(codec, "fuzz", args, 150, api.fetch)
			if count > MaxPageSize {
				var ie *InputError
				if !errors.As(err, &ie) || api.calls != before {
					t.Fatalf("count %d: error %v after %d calls, want an *InputError and none", count, err, api.calls-before)
				}
				continue
			}
			if err != nil {
				t.Fatalf("step %d (%#x): %v", i, step, err)
			}
			if cost := api.calls - before; cost < 1 || cost > 2 || (cost == 2 && skip+count <= 150) {
				t.Fatalf("step %d: skip %d, first %d cost %d calls", i, skip, count, cost)
			}
			end := min(at+count, len(all))
			if !slices.Equal(p.Nodes, all[at:end]) {
				t.Fatalf("step %d: nodes %v, want items [%d, %d)", i, p.Nodes, at, end)
			}
			checkPageInfo(t, p, at > 0, end < len(all))
			if !noTotal {
				checkTotal(t, p, len(all))
			}
			if len(p.Nodes) > 0 {
				prev = p
			}
		}
	})
}
