package relay

import (
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// ScrollBatch is one answer of an Intercom scroll.
type ScrollBatch[T any] struct {
	Items []T
	Param string // the scroll_param that continues the scroll
	Total int    // total_count; negative when Intercom did not say
}

// ScrollFetch asks Intercom for the next batch of the scroll that param
// continues; an empty param opens a new scroll. It must report a scroll
// Intercom no longer knows with an error that wraps ErrScrollGone.
type ScrollFetch[T any] func(param string) (ScrollBatch[T], error)

// ErrScrollGone is returned for a cursor whose scroll cannot continue from it.
var ErrScrollGone = errors.New("the scroll this cursor belongs to cannot continue from it: Intercom closes a scroll " +
	"a minute after its last use and never goes back to an earlier page; start again without after")

// ScrollIdleLimit is how long an unused scroll stays open, at Intercom and here.
const ScrollIdleLimit = time.Minute

// Scrolls remembers, between requests, what the facade read of each open
// scroll and has not yet served. Intercom's scroll moves on with every call
// and its batches are larger than most pages, so a page that ends inside a
// batch leaves the rest of the batch here for the next page; a page costs an
// upstream call only when it needs a batch not yet read. What is remembered
// lives in this process, so a cursor resumes where it was issued (or at the
// end of a batch); it is forgotten when the scroll has been idle for
// ScrollIdleLimit. The zero value is ready to use.
type Scrolls[T any] struct {
	// Now is the clock (time.Now when nil).
	Now func() time.Time

	mu   sync.Mutex
	open map[string]*scrollState[T]
}

type scrollState[T any] struct {
	mu     sync.Mutex
	param  string // the scroll_param to continue with
	start  int    // the offset of items[0] in the whole walk
	items  []T    // read from Intercom, from the current page on
	ended  bool   // Intercom has handed out its last item
	total  int
	closed bool         // forgotten: a waiter must not use it
	used   atomic.Int64 // UNIX nanoseconds of the last page served; read without mu
}

func (s *Scrolls[T]) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// get returns the state of an open scroll, forgetting idle ones on the way.
func (s *Scrolls[T]) get(key string) *scrollState[T] {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for k, st := range s.open {
		if now.Sub(time.Unix(0, st.used.Load())) >= ScrollIdleLimit {
			delete(s.open, k)
		}
	}
	return s.open[key]
}

func (s *Scrolls[T]) put(key string, st *scrollState[T]) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.open == nil {
		s.open = map[string]*scrollState[T]{}
	}
	s.open[key] = st
}

func (s *Scrolls[T]) forget(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.open, key)
}

// ScrollList pages forward through an Intercom scroll. Without a cursor it
// opens a new scroll; with one, it continues the scroll the cursor belongs
// to. It reads one item past the page, so hasNextPage is exact.
func ScrollList[T any](codec Codec, conn string, args Args, scrolls *Scrolls[T], fetch ScrollFetch[T]) (*Page[T], error) {
	req, err := args.validate(false)
	if err != nil {
		return nil, err
	}
	pos, resuming, err := req.position(codec, conn)
	if err != nil {
		return nil, err
	}
	var key string
	var st *scrollState[T]
	from := 0
	if resuming {
		key, from = pos.Token, pos.Offset+1
		if st = scrolls.get(key); st == nil {
			return nil, inputErr(req.cursorArg, ErrScrollGone)
		}
	} else {
		b, err := fetch("")
		if err != nil {
			return nil, err
		}
		key = b.Param
		st = &scrollState[T]{param: b.Param, items: b.Items, ended: len(b.Items) == 0 || b.Param == "", total: b.Total}
		st.used.Store(scrolls.now().UnixNano())
		if key != "" {
			scrolls.put(key, st)
		}
	}

	st.mu.Lock()
	defer st.mu.Unlock()
	if st.closed || from < st.start || from > st.start+len(st.items) {
		return nil, inputErr(req.cursorArg, ErrScrollGone)
	}
	for !st.ended && st.start+len(st.items) <= from+req.count {
		b, err := fetch(st.param)
		if errors.Is(err, ErrScrollGone) {
			st.closed = true
			scrolls.forget(key)
			return nil, inputErr(req.cursorArg, ErrScrollGone)
		}
		if err != nil {
			return nil, err
		}
		st.items = append(st.items, b.Items...)
		st.ended = len(b.Items) == 0
		st.total = b.Total
		if b.Param != "" {
			st.param = b.Param
		}
	}
	available := st.start + len(st.items)
	end := min(from+req.count, available)
	p := pageAt(codec, conn, key, from, st.items[from-st.start:end-st.start])
	// Keep this page, so that asking for it again (a retry) works, and drop what came before it.
	st.items = st.items[from-st.start:]
	st.start = from
	st.used.Store(scrolls.now().UnixNano())
	var total *int
	if st.total >= 0 {
		total = &st.total
	}
	return p.finish(from > 0, end < available, total), nil
}
