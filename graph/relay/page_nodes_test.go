package relay

import (
	"slices"
	"testing"
)

// A page's nodes may share a cached list's array: whatever is appended to
// them (a connection's resolver adding an item, a later page being built)
// never reaches the cached list.
func TestAPageNeverWritesIntoTheListItWasCutFrom(t *testing.T) {
	cached := seq(10)
	want := slices.Clone(cached)
	codec := NewCodec([]byte("k")).ForSelection(false, false)
	p, err := Slice(codec, "tags", Args{First: ptr(3)}, cached)
	if err != nil {
		t.Fatal(err)
	}
	p.Nodes = append(p.Nodes, 99, 98)
	if !slices.Equal(cached, want) {
		t.Fatalf("appending to a page changed the cached list: %v, want %v", cached, want)
	}
	if !slices.Equal(p.Nodes, []int{0, 1, 2, 99, 98}) {
		t.Fatalf("nodes %v", p.Nodes)
	}
}

// A selection of nodes alone signs no cursor; asked for one anyway, the page
// answers "" rather than failing.
func TestAPageOfNodesAloneHasNoCursors(t *testing.T) {
	codec := NewCodec([]byte("k")).ForSelection(false, false)
	p, err := Slice(codec, "tags", Args{First: ptr(3)}, seq(10))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Cursors) != 0 || p.Cursor(0) != "" || p.Cursor(2) != "" {
		t.Fatalf("cursors %q, first %q", p.Cursors, p.Cursor(0))
	}
	if got := Edges(p, func(c string, n int) string { return c }); got != nil {
		t.Fatalf("edges %q without edges selected", got)
	}
	every, err := Slice(codec.ForSelection(true, false), "tags", Args{First: ptr(3)}, seq(10))
	if err != nil {
		t.Fatal(err)
	}
	if every.Cursor(2) == "" || every.Cursor(2) != every.Cursors[2] || every.Cursor(3) != "" {
		t.Fatalf("with edges: cursor 2 %q, cursor 3 %q", every.Cursor(2), every.Cursor(3))
	}
}
