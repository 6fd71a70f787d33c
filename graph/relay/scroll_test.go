package relay

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// fakeScroll is an Intercom scroll over items 0..n-1 in batches: it moves on
// with every call, like Intercom's, and can be expired.
type fakeScroll struct {
	n, batch int
	next     int
	param    string
	opened   int
	calls    int
	expired  bool
}

func (f *fakeScroll) fetch(param string) (ScrollBatch[int], error) {
	f.calls++
	switch {
	case param == "":
		f.opened++
		f.param, f.next, f.expired = fmt.Sprintf("scroll-%d", f.opened), 0, false
	case param != f.param || f.expired:
		return ScrollBatch[int]{}, fmt.Errorf("intercom: 400: %w", ErrScrollGone)
	}
	var items []int
	for ; f.next < f.n && len(items) < f.batch; f.next++ {
		items = append(items, f.next)
	}
	return ScrollBatch[int]{Items: items, Param: f.param, Total: -1}, nil
}

func scrollPage(t *testing.T, codec Codec, scrolls *Scrolls[int], f *fakeScroll, first int, after *string) (*Page[int], error) {
	t.Helper()
	return ScrollList(codec, "all", Args{First: &first, After: after}, scrolls, f.fetch)
}

func TestScrollListWalksEveryItemOnceWithExactPageInfo(t *testing.T) {
	codec := NewCodec([]byte("k"))
	for _, n := range []int{0, 1, 99, 100, 101, 250} {
		for _, first := range []int{1, 7, 20, 100} {
			t.Run(fmt.Sprintf("%d items, first %d", n, first), func(t *testing.T) {
				f := &fakeScroll{n: n, batch: 100}
				scrolls := &Scrolls[int]{}
				var seen []int
				var after *string
				for pages := 0; ; pages++ {
					page, err := scrollPage(t, codec, scrolls, f, first, after)
					if err != nil {
						t.Fatalf("page %d: %v", pages, err)
					}
					if page.PageInfo.HasPreviousPage != (pages > 0) {
						t.Errorf("page %d: hasPreviousPage %v", pages, page.PageInfo.HasPreviousPage)
					}
					if page.TotalCount != nil {
						t.Errorf("page %d claims a total of %d; Intercom said none", pages, *page.TotalCount)
					}
					seen = append(seen, page.Nodes...)
					if !page.PageInfo.HasNextPage {
						break
					}
					if len(page.Nodes) != first {
						t.Fatalf("page %d holds %d items but says more follow", pages, len(page.Nodes))
					}
					after = page.PageInfo.EndCursor
				}
				for i, v := range seen {
					if v != i {
						t.Fatalf("walk saw %v, want 0..%d in order", seen, n-1)
					}
				}
				if len(seen) != n {
					t.Fatalf("walk saw %d items, want %d", len(seen), n)
				}
				// Every batch read once, plus the empty answer that ends the scroll.
				if want := (n+99)/100 + 1; f.calls != want {
					t.Errorf("walk cost %d upstream calls, want %d", f.calls, want)
				}
			})
		}
	}
}

func TestScrollListRefusesCursorsItCannotHonour(t *testing.T) {
	codec := NewCodec([]byte("k"))
	first := func() (*fakeScroll, *Scrolls[int], *Page[int]) {
		f := &fakeScroll{n: 250, batch: 100}
		scrolls := &Scrolls[int]{}
		page, err := scrollPage(t, codec, scrolls, f, 20, nil)
		if err != nil {
			t.Fatal(err)
		}
		return f, scrolls, page
	}
	isGone := func(t *testing.T, err error) {
		t.Helper()
		var in *InputError
		if !errors.As(err, &in) || in.Argument != "after" || !errors.Is(err, ErrScrollGone) {
			t.Errorf("got %v, want an input error on after saying the scroll is gone", err)
		}
	}

	t.Run("a retry of the same page", func(t *testing.T) {
		f, scrolls, p1 := first()
		p2, err := scrollPage(t, codec, scrolls, f, 20, p1.PageInfo.EndCursor)
		if err != nil {
			t.Fatal(err)
		}
		again, err := scrollPage(t, codec, scrolls, f, 20, p1.PageInfo.EndCursor)
		if err != nil || fmt.Sprint(again.Nodes) != fmt.Sprint(p2.Nodes) {
			t.Errorf("asking for page 2 again gave %v, %v; want %v", again.Nodes, err, p2.Nodes)
		}
	})
	t.Run("a page already left behind", func(t *testing.T) {
		f, scrolls, p1 := first()
		p2, _ := scrollPage(t, codec, scrolls, f, 20, p1.PageInfo.EndCursor)
		if _, err := scrollPage(t, codec, scrolls, f, 20, p2.PageInfo.EndCursor); err != nil {
			t.Fatal(err)
		}
		_, err := scrollPage(t, codec, scrolls, f, 20, &p1.Cursors[3])
		isGone(t, err)
	})
	t.Run("a cursor from another process", func(t *testing.T) {
		f, _, p1 := first()
		_, err := scrollPage(t, codec, &Scrolls[int]{}, f, 20, p1.PageInfo.EndCursor)
		isGone(t, err)
	})
	t.Run("a scroll idle past the limit", func(t *testing.T) {
		f, scrolls, p1 := first()
		now := time.Now()
		scrolls.Now = func() time.Time { return now.Add(ScrollIdleLimit) }
		calls := f.calls
		_, err := scrollPage(t, codec, scrolls, f, 20, p1.PageInfo.EndCursor)
		isGone(t, err)
		if f.calls != calls {
			t.Errorf("a forgotten scroll still cost %d upstream calls", f.calls-calls)
		}
	})
	t.Run("a scroll Intercom expired", func(t *testing.T) {
		f, scrolls, p1 := first()
		cursor := p1.PageInfo.EndCursor
		// Pages from the batch already read need no call; the next batch does.
		for range 4 {
			p, err := scrollPage(t, codec, scrolls, f, 20, cursor)
			if err != nil {
				t.Fatal(err)
			}
			cursor = p.PageInfo.EndCursor
		}
		// Items 100..199 were read with the first page's look-ahead; once
		// Intercom expires the scroll, they are still served, and the page that
		// needs item 200 is refused.
		f.expired = true
		served := 0
		var err error
		for range 10 {
			var p *Page[int]
			if p, err = scrollPage(t, codec, scrolls, f, 20, cursor); err != nil {
				break
			}
			served++
			cursor = p.PageInfo.EndCursor
		}
		isGone(t, err)
		if served != 4 {
			t.Errorf("%d pages were served after the expiry, want the 4 already read", served)
		}
		_, err = scrollPage(t, codec, scrolls, f, 20, cursor)
		isGone(t, err)
	})
	t.Run("backward paging", func(t *testing.T) {
		f := &fakeScroll{n: 10, batch: 100}
		last := 2
		_, err := ScrollList(codec, "all", Args{Last: &last}, &Scrolls[int]{}, f.fetch)
		if !errors.Is(err, ErrBackwardUnsupported) || f.calls != 0 {
			t.Errorf("last: got %v after %d calls, want ErrBackwardUnsupported before any call", err, f.calls)
		}
	})
	t.Run("a cursor of another connection", func(t *testing.T) {
		f, scrolls, _ := first()
		foreign := codec.Encode(Position{Conn: "other", Offset: 3})
		_, err := scrollPage(t, codec, scrolls, f, 20, &foreign)
		if !errors.Is(err, ErrForeignCursor) {
			t.Errorf("got %v, want ErrForeignCursor", err)
		}
	})
}
