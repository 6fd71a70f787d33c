package scalars

import (
	"testing"
	"time"
)

func TestMarshalDate(t *testing.T) {
	tests := []struct {
		in   Day
		want string
	}{
		{Day{2026, time.May, 1}, `"2026-05-01"`},
		{Day{2024, time.February, 29}, `"2024-02-29"`},
		{Day{1, time.January, 1}, `"0001-01-01"`},
	}
	for _, tc := range tests {
		if got := written(MarshalDate(tc.in)); got != tc.want {
			t.Errorf("MarshalDate(%+v) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestUnmarshalDate(t *testing.T) {
	got, err := UnmarshalDate("2024-02-29")
	if want := (Day{2024, time.February, 29}); err != nil || got != want {
		t.Fatalf("UnmarshalDate(\"2024-02-29\") = %+v, %v; want %+v", got, err, want)
	}
}

func TestUnmarshalDateRefusesWhatIsNotADay(t *testing.T) {
	refuses(t, UnmarshalDate, []refusal{
		{"a number", 20260501, `Date must be a string such as "2026-05-01", got int`},
		{"null", nil, `Date must be a string such as "2026-05-01", got <nil>`},
		{"a list", []any{"2026-05-01"}, `Date must be a string such as "2026-05-01", got []interface {}`},
		{"a DateTime", "2026-05-01T00:00:00Z", `Date "2026-05-01T00:00:00Z" is not a date written as YYYY-MM-DD`},
		{"a day that does not exist", "2026-02-29", `Date "2026-02-29" is not a date written as YYYY-MM-DD`},
		{"day first", "01/05/2026", `Date "01/05/2026" is not a date written as YYYY-MM-DD`},
		{"the empty string", "", `Date "" is not a date written as YYYY-MM-DD`},
	})
}
