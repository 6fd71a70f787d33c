package scalars

import (
	"encoding/json"
	"math"
	"testing"
)

func TestUnmarshalIntAcceptsThirtyTwoBits(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want int
	}{
		{int64(20), 20}, {0, 0}, {json.Number("-5"), -5}, {float64(100), 100},
		{int64(math.MaxInt32), math.MaxInt32}, {json.Number("-2147483648"), math.MinInt32},
	} {
		if got, err := UnmarshalInt(tc.in); err != nil || got != tc.want {
			t.Errorf("%#v reads as %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
}

func TestUnmarshalIntRefusesWhatIsNoThirtyTwoBitInt(t *testing.T) {
	refuses(t, UnmarshalInt, []refusal{
		{"one past the largest", int64(2147483648), "Int cannot represent 2147483648: it must be a whole number from -2147483648 to 2147483647"},
		{"one below the smallest", json.Number("-2147483649"), "Int cannot represent -2147483649: it must be a whole number from -2147483648 to 2147483647"},
		{"past 64 bits", json.Number("99999999999999999999"), "Int cannot represent 99999999999999999999: it must be a whole number from -2147483648 to 2147483647"},
		{"a fraction", json.Number("1.5"), "Int cannot represent 1.5: it must be a whole number from -2147483648 to 2147483647"},
		{"a fractional float", 2.5, "Int cannot represent 2.5: it must be a whole number from -2147483648 to 2147483647"},
		{"a string", "20", "Int cannot represent a string value"},
		{"a boolean", true, "Int cannot represent a bool value"},
	})
}
