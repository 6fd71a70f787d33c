package scalars

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

func TestMarshalJSONWritesTheValueAsItIs(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"an object", map[string]any{"plan": "pro", "seats": 3, "trial": false}, `{"plan":"pro","seats":3,"trial":false}`},
		{"a list", []any{1, "two", 3.5, nil}, `[1,"two",3.5,null]`},
		{"a string", "pro", `"pro"`},
		{"a number", 42, `42`},
		{"a decimal number", 0.1, `0.1`},
		{"a boolean", true, `true`},
		{"nothing", nil, `null`},
		{"nested", map[string]any{"a": map[string]any{"b": []any{"c"}}}, `{"a":{"b":["c"]}}`},
		{"a number JSON cannot hold", math.NaN(), `null`},
		{"a value JSON cannot hold", map[string]any{"c": make(chan int)}, `null`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := written(MarshalJSON(tc.in))
			if got != tc.want {
				t.Fatalf("MarshalJSON(%#v) = %s, want %s", tc.in, got, tc.want)
			}
			if !json.Valid([]byte(got)) {
				t.Fatalf("MarshalJSON(%#v) = %s, which is not JSON", tc.in, got)
			}
		})
	}
}

func TestUnmarshalJSONKeepsTheInputValue(t *testing.T) {
	for _, in := range []any{
		map[string]any{"plan": "pro", "seats": json.Number("3"), "tags": []any{"a", "b"}},
		[]any{true, nil, "x"},
		"pro",
		json.Number("12.5"),
		false,
		nil,
	} {
		got, err := UnmarshalJSON(in)
		if err != nil || !reflect.DeepEqual(got, in) {
			t.Errorf("UnmarshalJSON(%#v) = %#v, %v; want the value unchanged", in, got, err)
		}
	}
}
