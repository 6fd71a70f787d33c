package relay

import (
	"errors"
	"testing"
)

func ptr[T any](v T) *T { return &v }

func TestArgsValidate(t *testing.T) {
	after, before := ptr("A"), ptr("B")
	tests := []struct {
		name        string
		args        Args
		backward    bool // whether the connection allows last/before
		wantArg     string
		wantErr     error // checked with errors.Is when set
		wantBack    bool
		wantCount   int
		wantCursor  *string
		wantCurName string
	}{
		{name: "defaults to 20 forward", args: Args{}, backward: true, wantCount: DefaultPageSize, wantCurName: "after"},
		{name: "defaults on a forward-only list", args: Args{}, wantCount: 20, wantCurName: "after"},
		{name: "first", args: Args{First: ptr(5)}, backward: true, wantCount: 5, wantCurName: "after"},
		{name: "first zero", args: Args{First: ptr(0)}, backward: true, wantCount: 0, wantCurName: "after"},
		{name: "first at the cap", args: Args{First: ptr(100)}, wantCount: 100, wantCurName: "after"},
		{name: "first and after", args: Args{First: ptr(3), After: after}, wantCount: 3, wantCursor: after, wantCurName: "after"},
		{name: "after alone takes the default", args: Args{After: after}, wantCount: 20, wantCursor: after, wantCurName: "after"},
		{name: "last", args: Args{Last: ptr(7)}, backward: true, wantBack: true, wantCount: 7, wantCurName: "before"},
		{name: "last zero", args: Args{Last: ptr(0)}, backward: true, wantBack: true, wantCount: 0, wantCurName: "before"},
		{name: "last and before", args: Args{Last: ptr(2), Before: before}, backward: true, wantBack: true, wantCount: 2, wantCursor: before, wantCurName: "before"},
		{name: "before alone takes the default", args: Args{Before: before}, backward: true, wantBack: true, wantCount: 20, wantCursor: before, wantCurName: "before"},

		{name: "first and last", args: Args{First: ptr(1), Last: ptr(1)}, backward: true, wantArg: "first"},
		{name: "after and before", args: Args{After: after, Before: before}, backward: true, wantArg: "after"},
		{name: "first and before", args: Args{First: ptr(1), Before: before}, backward: true, wantArg: "before"},
		{name: "last and after", args: Args{Last: ptr(1), After: after}, backward: true, wantArg: "after"},
		{name: "negative first", args: Args{First: ptr(-1)}, backward: true, wantArg: "first"},
		{name: "negative last", args: Args{Last: ptr(-5)}, backward: true, wantArg: "last"},
		{name: "first above the cap", args: Args{First: ptr(101)}, backward: true, wantArg: "first"},
		{name: "last above the cap", args: Args{Last: ptr(1000)}, backward: true, wantArg: "last"},
		{name: "last on a forward-only list", args: Args{Last: ptr(3)}, wantArg: "last", wantErr: ErrBackwardUnsupported},
		{name: "before on a forward-only list", args: Args{Before: before}, wantArg: "before", wantErr: ErrBackwardUnsupported},
		{name: "last and before on a forward-only list", args: Args{Last: ptr(3), Before: before}, wantArg: "last", wantErr: ErrBackwardUnsupported},
		{name: "oversized last on a forward-only list names direction first", args: Args{Last: ptr(500)}, wantArg: "last", wantErr: ErrBackwardUnsupported},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, err := tc.args.validate(tc.backward)
			if tc.wantArg != "" {
				var ie *InputError
				if !errors.As(err, &ie) {
					t.Fatalf("validate = %+v, %v; want an *InputError", req, err)
				}
				if ie.Argument != tc.wantArg {
					t.Fatalf("error names %q, want %q (%v)", ie.Argument, tc.wantArg, err)
				}
				if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
					t.Fatalf("error %v does not wrap %v", err, tc.wantErr)
				}
				if err.Error() != ie.Argument+": "+ie.Err.Error() {
					t.Fatalf("message %q does not lead with the argument", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("validate: %v", err)
			}
			if req.backward != tc.wantBack || req.count != tc.wantCount || req.cursor != tc.wantCursor || req.cursorArg != tc.wantCurName {
				t.Fatalf("validate = {backward:%v count:%d cursor:%v arg:%q}, want {%v %d %v %q}",
					req.backward, req.count, req.cursor, req.cursorArg, tc.wantBack, tc.wantCount, tc.wantCursor, tc.wantCurName)
			}
		})
	}
}

func TestCursorErrorsNameTheArgument(t *testing.T) {
	codec := NewCodec(testKey)
	foreign := codec.Encode(Position{Conn: "teams", Offset: 0})
	all := []int{1, 2, 3}
	tests := []struct {
		name    string
		args    Args
		wantArg string
		wantErr error
	}{
		{"forged after", Args{After: ptr("garbage")}, "after", ErrInvalidCursor},
		{"foreign after", Args{After: &foreign}, "after", ErrForeignCursor},
		{"foreign before", Args{Last: ptr(1), Before: &foreign}, "before", ErrForeignCursor},
		{"forged before", Args{Before: ptr("Zm9v")}, "before", ErrInvalidCursor},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page, err := Slice(codec, "admins", tc.args, all)
			var ie *InputError
			if !errors.As(err, &ie) || ie.Argument != tc.wantArg || !errors.Is(err, tc.wantErr) {
				t.Fatalf("Slice = %v, %v; want an *InputError on %q wrapping %v", page, err, tc.wantArg, tc.wantErr)
			}
		})
	}
}

func TestForwardOnlyListsRefuseBackward(t *testing.T) {
	codec := NewCodec(testKey)
	calls := 0
	fetch := func(perPage int, token string) (CursorBatch[int], error) {
		calls++
		return CursorBatch[int]{}, nil
	}
	for _, args := range []Args{{Last: ptr(2)}, {Before: ptr(codec.Encode(Position{Conn: "contacts"}))}} {
		_, err := CursorList(codec, "contacts", args, 150, fetch)
		var ie *InputError
		if !errors.As(err, &ie) || !errors.Is(err, ErrBackwardUnsupported) {
			t.Fatalf("CursorList(%+v) error = %v; want ErrBackwardUnsupported in an *InputError", args, err)
		}
	}
	if calls != 0 {
		t.Fatalf("refused arguments cost %d upstream calls", calls)
	}
}
