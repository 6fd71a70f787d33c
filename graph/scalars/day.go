package scalars

import (
	"fmt"
	"time"
)

// Day is a calendar day, in whatever time zone the workspace keeps.
type Day struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDay reads a day written as YYYY-MM-DD.
func ParseDay(s string) (Day, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Day{}, fmt.Errorf("%q is not a date written as YYYY-MM-DD", s)
	}
	return DayOf(t), nil
}

// DayOf is the calendar day of t in t's location.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return Day{y, m, d}
}

// String writes the day as YYYY-MM-DD.
func (d Day) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// AddDays is the day n days later (earlier when n is negative).
func (d Day) AddDays(n int) Day {
	return DayOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

// Compare orders days: negative when d is earlier than e.
func (d Day) Compare(e Day) int {
	switch {
	case d.Year != e.Year:
		return d.Year - e.Year
	case d.Month != e.Month:
		return int(d.Month) - int(e.Month)
	}
	return d.Day - e.Day
}

// Within is a UNIX time inside the day in loc. Intercom truncates a date
// value to its day, so any instant of the day names it; noon is never
// skipped or repeated by a daylight-saving change, as midnight can be.
func (d Day) Within(loc *time.Location) int64 {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, loc).Unix()
}
