package graph

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/relay"
)

func TestPageArgsKeepsEachArgumentInItsPlace(t *testing.T) {
	first, after, last, before := 1, "a", 2, "b"
	got := pageArgs(&first, &after, &last, &before)
	if got.First != &first || got.After != &after || got.Last != &last || got.Before != &before {
		t.Fatalf("pageArgs = %+v, want first, after, last and before in place", got)
	}
	if got := pageArgs(nil, nil, nil, nil); got != (relay.Args{}) {
		t.Fatalf("pageArgs of nothing = %+v", got)
	}
}

func TestPageErrorCodesWhoseFaultItIs(t *testing.T) {
	t.Run("a bad argument is the client's", func(t *testing.T) {
		err := pageError(fmt.Errorf("page: %w", &relay.InputError{Argument: "after", Err: relay.ErrForeignCursor}))
		wantCoded(t, err, errcode.BadUserInput, "after", "after: "+relay.ErrForeignCursor.Error())
		if !errors.Is(err, relay.ErrForeignCursor) {
			t.Errorf("%v no longer says which cursor error it was", err)
		}
	})
	t.Run("Intercom's pagination is Intercom's", func(t *testing.T) {
		cause := fmt.Errorf("%w: the next page cursor did not advance", relay.ErrUpstreamPagination)
		err := pageError(cause)
		wantCoded(t, err, errcode.UpstreamUnavailable, "", "Intercom's pagination misbehaved: upstream pagination misbehaved: the next page cursor did not advance")
		if !errors.Is(err, relay.ErrUpstreamPagination) {
			t.Errorf("%v no longer wraps the pagination error", err)
		}
	})
	t.Run("anything else passes through for the presenter", func(t *testing.T) {
		other := errors.New("connection reset")
		if err := pageError(other); err != other {
			t.Fatalf("pageError = %v, want the error as it was", err)
		}
	})
}

func TestSliceConnectionPagesAWholeList(t *testing.T) {
	codec := relay.NewCodec([]byte("slice test key"))
	letters := []string{"a", "b", "c", "d", "e"}
	loads := 0
	load := func(list []string) func() ([]string, error) {
		return func() ([]string, error) {
			loads++
			return list, nil
		}
	}
	page := func(t *testing.T, args relay.Args, list []string) *relay.Page[string] {
		t.Helper()
		p, err := sliceConnection(codec, "letters", args, load(list))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	first := page(t, relay.Args{First: ptrTo(2)}, letters)
	tests := []struct {
		name          string
		args          relay.Args
		list          []string
		want          []string
		hasPrev, more bool
		total         int
	}{
		{"the first page", relay.Args{First: ptrTo(2)}, letters, []string{"a", "b"}, false, true, 5},
		{"after a cursor", relay.Args{First: ptrTo(2), After: first.PageInfo.EndCursor}, letters, []string{"c", "d"}, true, true, 5},
		{"the last page", relay.Args{Last: ptrTo(2)}, letters, []string{"d", "e"}, true, false, 5},
		{"before a cursor", relay.Args{Last: ptrTo(5), Before: first.PageInfo.EndCursor}, letters, []string{"a"}, false, true, 5},
		{"the default size takes a short list whole", relay.Args{}, letters, letters, false, false, 5},
		{"an empty list", relay.Args{First: ptrTo(3)}, nil, []string{}, false, false, 0},
		{"a list that shrank past the cursor", relay.Args{First: ptrTo(2), After: first.PageInfo.EndCursor}, letters[:1], []string{}, true, false, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loads = 0
			p := page(t, tc.args, tc.list)
			if !reflect.DeepEqual(p.Nodes, tc.want) || p.PageInfo.HasPreviousPage != tc.hasPrev || p.PageInfo.HasNextPage != tc.more || p.TotalCount == nil || *p.TotalCount != tc.total {
				t.Fatalf("page = %v prev %v next %v total %v; want %v prev %v next %v total %d",
					p.Nodes, p.PageInfo.HasPreviousPage, p.PageInfo.HasNextPage, p.TotalCount, tc.want, tc.hasPrev, tc.more, tc.total)
			}
			if loads != 1 {
				t.Fatalf("the list was loaded %d times, want once", loads)
			}
		})
	}
}

func TestSliceConnectionRefusesBadArgumentsWithoutLoading(t *testing.T) {
	codec := relay.NewCodec([]byte("slice test key"))
	foreign := codec.Encode(relay.Position{Conn: "other", Offset: 0})
	forged := relay.NewCodec([]byte("another key")).Encode(relay.Position{Conn: "letters", Offset: 0})
	tests := []struct {
		name           string
		args           relay.Args
		field, message string
	}{
		{"a negative count", relay.Args{First: ptrTo(-1)}, "first", "first: must be between 0 and 100, got -1"},
		{"too large a count", relay.Args{Last: ptrTo(101)}, "last", "last: must be between 0 and 100, got 101"},
		{"first and last", relay.Args{First: ptrTo(1), Last: ptrTo(1)}, "first", "first: pass either first or last, not both"},
		{"a forged cursor", relay.Args{After: &forged}, "after", "after: " + relay.ErrInvalidCursor.Error()},
		{"another connection's cursor", relay.Args{Before: &foreign}, "before", "before: " + relay.ErrForeignCursor.Error()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loaded := false
			_, err := sliceConnection(codec, "letters", tc.args, func() ([]string, error) {
				loaded = true
				return []string{"a"}, nil
			})
			wantCoded(t, err, errcode.BadUserInput, tc.field, tc.message)
			if loaded {
				t.Fatal("the list was loaded for a request refused anyway")
			}
		})
	}
}

func TestSliceConnectionPassesLoadErrorsThrough(t *testing.T) {
	failure := errors.New("intercom is down")
	_, err := sliceConnection(relay.NewCodec(nil), "letters", relay.Args{}, func() ([]string, error) { return nil, failure })
	if err != failure {
		t.Fatalf("sliceConnection = %v, want the load's error as it was", err)
	}
}
