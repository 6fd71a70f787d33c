package scalars

import (
	"strconv"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, whatever the host ships
)

func TestParseDay(t *testing.T) {
	tests := []struct {
		in   string
		want Day
	}{
		{"2026-05-01", Day{2026, time.May, 1}},
		{"2024-02-29", Day{2024, time.February, 29}},
		{"2000-02-29", Day{2000, time.February, 29}},
		{"1999-12-31", Day{1999, time.December, 31}},
		{"0001-01-01", Day{1, time.January, 1}},
		{"9999-12-31", Day{9999, time.December, 31}},
	}
	for _, tc := range tests {
		got, err := ParseDay(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseDay(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
}

func TestParseDayRefusesWhatIsNotACalendarDay(t *testing.T) {
	for _, in := range []string{
		"2026-02-29",           // not a leap year
		"1900-02-29",           // centuries are leap years only every 400 years
		"2026-04-31",           // April has 30 days
		"2026-13-01",           // no thirteenth month
		"2026-00-10",           // no month zero
		"2026-05-00",           // no day zero
		"2026-5-1",             // digits missing
		"26-05-01",             // a two-digit year
		"2026/05/01",           // other separators
		"01-05-2026",           // day first
		"2026-05-01T00:00:00Z", // a DateTime
		" 2026-05-01",          // padding
		"2026-05-01\n",
		"",
	} {
		got, err := ParseDay(in)
		if err == nil {
			t.Errorf("ParseDay(%q) = %+v, want an error", in, got)
			continue
		}
		if want := strconv.Quote(in) + " is not a date written as YYYY-MM-DD"; err.Error() != want {
			t.Errorf("ParseDay(%q): %q, want %q", in, err, want)
		}
	}
}

func TestDayOfIsTheDayWhereTheInstantIsSeen(t *testing.T) {
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	honolulu, _ := time.LoadLocation("Pacific/Honolulu")
	instant := time.Date(2026, 5, 1, 20, 0, 0, 0, time.UTC)
	tests := []struct {
		loc  *time.Location
		want Day
	}{
		{time.UTC, Day{2026, time.May, 1}},
		{tokyo, Day{2026, time.May, 2}},
		{honolulu, Day{2026, time.May, 1}},
	}
	for _, tc := range tests {
		if got := DayOf(instant.In(tc.loc)); got != tc.want {
			t.Errorf("DayOf(%s in %s) = %+v, want %+v", instant, tc.loc, got, tc.want)
		}
	}
}

func TestDayString(t *testing.T) {
	tests := []struct {
		in   Day
		want string
	}{
		{Day{2026, time.May, 1}, "2026-05-01"},
		{Day{2026, time.December, 31}, "2026-12-31"},
		{Day{33, time.January, 9}, "0033-01-09"},
		{Day{9999, time.December, 31}, "9999-12-31"},
	}
	for _, tc := range tests {
		if got := tc.in.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDayAddDays(t *testing.T) {
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"no days", "2026-05-01", 0, "2026-05-01"},
		{"into the next month", "2026-01-31", 1, "2026-02-01"},
		{"into the previous month", "2026-03-01", -1, "2026-02-28"},
		{"into the next year", "2026-12-31", 1, "2027-01-01"},
		{"into the previous year", "2027-01-01", -1, "2026-12-31"},
		{"onto a leap day", "2024-02-28", 1, "2024-02-29"},
		{"off a leap day", "2024-02-29", 1, "2024-03-01"},
		{"back onto a leap day", "2024-03-01", -1, "2024-02-29"},
		{"past a common year's February", "2025-02-28", 1, "2025-03-01"},
		{"a century without a leap day", "1900-02-28", 1, "1900-03-01"},
		{"a fourth century with one", "2000-02-28", 1, "2000-02-29"},
		{"a whole leap year", "2024-01-01", 366, "2025-01-01"},
		{"a whole year back over a leap day", "2025-01-01", -366, "2024-01-01"},
		{"over a daylight-saving change in Europe", "2026-03-28", 2, "2026-03-30"},
		{"over a daylight-saving change in America", "2026-11-01", -1, "2026-10-31"},
		{"many months", "2026-05-01", 100, "2026-08-09"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			from, err := ParseDay(tc.from)
			if err != nil {
				t.Fatal(err)
			}
			if got := from.AddDays(tc.n).String(); got != tc.want {
				t.Fatalf("%s + %d days = %s, want %s", tc.from, tc.n, got, tc.want)
			}
		})
	}
}

func TestDayCompare(t *testing.T) {
	tests := []struct {
		d, e string
		want int // the sign
	}{
		{"2026-05-01", "2026-05-01", 0},
		{"2026-05-01", "2026-05-02", -1},
		{"2026-05-31", "2026-06-01", -1},
		{"2025-12-31", "2026-01-01", -1},
		{"2026-02-01", "2026-01-31", 1},
		{"2027-01-01", "2026-12-31", 1},
		{"2026-05-02", "2026-05-01", 1},
		{"0999-12-31", "1000-01-01", -1},
	}
	sign := func(n int) int {
		switch {
		case n < 0:
			return -1
		case n > 0:
			return 1
		}
		return 0
	}
	for _, tc := range tests {
		d, _ := ParseDay(tc.d)
		e, _ := ParseDay(tc.e)
		if got := sign(d.Compare(e)); got != tc.want {
			t.Errorf("%s compared with %s: %d, want the sign %d", tc.d, tc.e, d.Compare(e), tc.want)
		}
		if got := sign(e.Compare(d)); got != -tc.want {
			t.Errorf("%s compared with %s: %d, want the sign %d", tc.e, tc.d, e.Compare(d), -tc.want)
		}
	}
}

func TestDayWithinIsAnInstantOfThatDayInTheZone(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) int64 {
		return time.Date(y, m, d, h, min, 0, 0, time.UTC).Unix()
	}
	tests := []struct {
		name string
		day  string
		zone string
		want int64
	}{
		{"UTC", "2026-05-01", "UTC", utc(2026, time.May, 1, 12, 0)},
		{"Berlin in winter time", "2026-03-28", "Europe/Berlin", utc(2026, time.March, 28, 11, 0)},
		{"Berlin on the day clocks go forward", "2026-03-29", "Europe/Berlin", utc(2026, time.March, 29, 10, 0)},
		{"Berlin on the day clocks go back", "2026-10-25", "Europe/Berlin", utc(2026, time.October, 25, 11, 0)},
		{"New York on the day clocks go forward", "2026-03-08", "America/New_York", utc(2026, time.March, 8, 16, 0)},
		{"New York on the day clocks go back", "2026-11-01", "America/New_York", utc(2026, time.November, 1, 17, 0)},
		{"São Paulo on a day without a midnight", "2018-11-04", "America/Sao_Paulo", utc(2018, time.November, 4, 14, 0)},
		{"Kathmandu, three quarters past the hour", "2026-05-01", "Asia/Kathmandu", utc(2026, time.May, 1, 6, 15)},
		{"Kiritimati, fourteen hours ahead", "2026-05-01", "Pacific/Kiritimati", utc(2026, time.April, 30, 22, 0)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loc, err := time.LoadLocation(tc.zone)
			if err != nil {
				t.Fatal(err)
			}
			d, err := ParseDay(tc.day)
			if err != nil {
				t.Fatal(err)
			}
			got := d.Within(loc)
			if got != tc.want {
				t.Errorf("%s.Within(%s) = %d (%s), want %d (%s)", tc.day, tc.zone, got, time.Unix(got, 0).UTC(), tc.want, time.Unix(tc.want, 0).UTC())
			}
			if back := DayOf(time.Unix(got, 0).In(loc)); back != d {
				t.Errorf("%s.Within(%s) is on %s there", tc.day, tc.zone, back)
			}
		})
	}
}
