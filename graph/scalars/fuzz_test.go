package scalars

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"

	"intercom-graphql/graph/errcode"
)

// FuzzUnmarshalDateTime reads arbitrary strings as DateTime input. It must
// never panic; whatever it refuses is the client's to fix (BAD_USER_INPUT),
// and whatever it accepts is written back in UTC as a value it reads again
// as the same instant.
//
//	go test ./graph/scalars -run='^$' -fuzz=FuzzUnmarshalDateTime -fuzztime=20s
func FuzzUnmarshalDateTime(f *testing.F) {
	fuzzRoundTrip(f, []string{"2026-05-01T09:30:00Z", "2026-05-01T11:30:00+02:00", "1969-12-31T23:59:59.5-00:30", "2026-05-01", ""},
		UnmarshalDateTime, MarshalDateTime, func(t *testing.T, in, out string) {
			if !strings.HasSuffix(out, "Z") {
				t.Fatalf("%q is written as %q, not in UTC", in, out)
			}
		})
}

// FuzzUnmarshalDate reads arbitrary strings as Date input. It must never
// panic; whatever it refuses is the client's to fix, and whatever it
// accepts is written back exactly as it was given.
//
//	go test ./graph/scalars -run='^$' -fuzz=FuzzUnmarshalDate -fuzztime=20s
func FuzzUnmarshalDate(f *testing.F) {
	fuzzRoundTrip(f, []string{"2026-05-01", "2024-02-29", "2026-02-29", "0000-01-01", "2026-05-01T00:00:00Z", ""},
		UnmarshalDate, MarshalDate, func(t *testing.T, in, out string) {
			if out != in {
				t.Fatalf("%q is written as %q", in, out)
			}
		})
}

// fuzzRoundTrip reads each input as a scalar: a refusal must be a
// BAD_USER_INPUT error, and an accepted value must be written as a JSON
// string that check approves of and that reads back as the same value.
func fuzzRoundTrip[V comparable](f *testing.F, seeds []string, unmarshal func(any) (V, error), marshal func(V) graphql.Marshaler,
	check func(t *testing.T, in, out string)) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := unmarshal(in)
		if err != nil {
			var e *errcode.Error
			if !errors.As(err, &e) || e.Code != errcode.BadUserInput || e.Message == "" {
				t.Fatalf("%q is refused with %v, not a BAD_USER_INPUT error", in, err)
			}
			return
		}
		out, err := strconv.Unquote(written(marshal(v)))
		if err != nil {
			t.Fatalf("%q is written as something other than a JSON string: %v", in, err)
		}
		check(t, in, out)
		again, err := unmarshal(out)
		if err != nil || again != v {
			t.Fatalf("%q reads as %v, is written as %q, which reads as %v, %v", in, v, out, again, err)
		}
	})
}
