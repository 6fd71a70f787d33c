package scalars

import (
	"encoding/json"
	"testing"
	"time"

	"intercom-graphql/upstream"
)

func TestMarshalDateTimeWritesRFC3339InUTC(t *testing.T) {
	tests := []struct {
		name string
		in   upstream.Timestamp
		want string
	}{
		{"the epoch", 0, `"1970-01-01T00:00:00Z"`},
		{"a morning in May", 1777627800, `"2026-05-01T09:30:00Z"`},
		{"the last second of a leap day", 1709251199, `"2024-02-29T23:59:59Z"`},
		{"a second before the epoch", -1, `"1969-12-31T23:59:59Z"`},
		{"the first instant of year 1", -62135596800, `"0001-01-01T00:00:00Z"`},
		{"the last second of year 9999", 253402300799, `"9999-12-31T23:59:59Z"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := written(MarshalDateTime(tc.in)); got != tc.want {
				t.Fatalf("MarshalDateTime(%d) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestUnmarshalDateTimeAcceptsAnyOffset(t *testing.T) {
	const may1 = upstream.Timestamp(1777627800) // 2026-05-01T09:30:00Z
	tests := []struct {
		name string
		in   string
		want upstream.Timestamp
	}{
		{"UTC", "2026-05-01T09:30:00Z", may1},
		{"zero offset written out", "2026-05-01T09:30:00+00:00", may1},
		{"east of UTC", "2026-05-01T11:30:00+02:00", may1},
		{"west of UTC", "2026-05-01T04:30:00-05:00", may1},
		{"a half-hour offset", "2026-05-01T15:00:00+05:30", may1},
		{"an offset that moves the day", "2026-04-30T23:30:00-10:00", may1},
		{"an offset that moves the day back", "2026-05-02T00:30:00+15:00", may1},
		{"fractions of a second are dropped", "2026-05-01T09:30:00.999999999Z", may1},
		{"before the epoch, a fraction rounds down", "1969-12-31T23:59:59.5Z", -1},
		{"a leap day", "2024-02-29T23:59:59Z", 1709251199},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := UnmarshalDateTime(tc.in)
			if err != nil || got != tc.want {
				t.Fatalf("UnmarshalDateTime(%q) = %d, %v; want %d (%s)", tc.in, got, err, tc.want, tc.want.Time().Format(time.RFC3339))
			}
		})
	}
}

func TestUnmarshalDateTimeRefusesWhatIsNotRFC3339(t *testing.T) {
	notRFC3339 := func(s string) string {
		return `DateTime "` + s + `" is not RFC 3339, such as "2026-05-01T09:30:00Z"`
	}
	refuses(t, UnmarshalDateTime, []refusal{
		{"UNIX seconds as a number", 1777627800, `DateTime must be an RFC 3339 string such as "2026-05-01T09:30:00Z", got int`},
		{"UNIX seconds as a JSON number", json.Number("1777627800"), `DateTime must be an RFC 3339 string such as "2026-05-01T09:30:00Z", got json.Number`},
		{"null", nil, `DateTime must be an RFC 3339 string such as "2026-05-01T09:30:00Z", got <nil>`},
		{"UNIX seconds as a string", "1777627800", notRFC3339("1777627800")},
		{"a date without a time", "2026-05-01", notRFC3339("2026-05-01")},
		{"no offset", "2026-05-01T09:30:00", notRFC3339("2026-05-01T09:30:00")},
		{"a space for the T", "2026-05-01 09:30:00Z", notRFC3339("2026-05-01 09:30:00Z")},
		{"no seconds", "2026-05-01T09:30Z", notRFC3339("2026-05-01T09:30Z")},
		{"a thirteenth month", "2026-13-01T09:30:00Z", notRFC3339("2026-13-01T09:30:00Z")},
		{"the thirtieth of February", "2026-02-30T09:30:00Z", notRFC3339("2026-02-30T09:30:00Z")},
		{"a leap day in a common year", "2026-02-29T09:30:00Z", notRFC3339("2026-02-29T09:30:00Z")},
		{"hour 24", "2026-05-01T24:00:00Z", notRFC3339("2026-05-01T24:00:00Z")},
		{"a two-digit year", "26-05-01T09:30:00Z", notRFC3339("26-05-01T09:30:00Z")},
		{"the empty string", "", notRFC3339("")},
		{"trailing text", "2026-05-01T09:30:00Z tomorrow", notRFC3339("2026-05-01T09:30:00Z tomorrow")},
		{"past 9999 in UTC", "9999-12-31T23:59:59-01:00", `DateTime "9999-12-31T23:59:59-01:00" is outside the years 0001 to 9999 in UTC`},
		{"before 0001 in UTC", "0000-01-01T00:00:00+01:00", `DateTime "0000-01-01T00:00:00+01:00" is outside the years 0001 to 9999 in UTC`},
	})
}
