package intercomsim_test

import (
	"testing"
	"time"

	"intercom-graphql/upstream/intercomsim"
)

func TestRoundsCountsSequentialWaves(t *testing.T) {
	at := func(ms int) time.Time { return time.Unix(0, 0).Add(time.Duration(ms) * time.Millisecond) }
	span := func(start, end int) intercomsim.CallSpan { return intercomsim.CallSpan{Start: at(start), End: at(end)} }
	cases := []struct {
		name  string
		spans []intercomsim.CallSpan
		want  int
	}{
		{"none", nil, 0},
		{"one", []intercomsim.CallSpan{span(0, 50)}, 1},
		{"parallel", []intercomsim.CallSpan{span(0, 50), span(1, 51), span(2, 49)}, 1},
		{"two waves", []intercomsim.CallSpan{span(0, 50), span(1, 50), span(52, 100), span(53, 101)}, 2},
		{"a wave waits for the slowest of the previous", []intercomsim.CallSpan{span(0, 50), span(0, 90), span(60, 110)}, 2},
		{"three in a chain", []intercomsim.CallSpan{span(0, 10), span(11, 20), span(21, 30), span(5, 15)}, 3},
	}
	for _, tc := range cases {
		if got := intercomsim.Rounds(tc.spans); got != tc.want {
			t.Errorf("%s: Rounds = %d, want %d", tc.name, got, tc.want)
		}
	}
}
