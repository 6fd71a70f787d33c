package scalars

import (
	"encoding/json"
	"io"
	"math"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"intercom-graphql/graph/errcode"
)

// MarshalInt writes an Int.
func MarshalInt(n int) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) { _, _ = io.WriteString(w, strconv.Itoa(n)) })
}

// UnmarshalInt reads an Int as the GraphQL specification defines it: a
// whole number within 32 bits. Anything else is the client's type error,
// said as such, rather than a number the graph would clamp or misread.
func UnmarshalInt(v any) (int, error) {
	var n int64
	switch x := v.(type) {
	case int:
		n = int64(x)
	case int32:
		n = int64(x)
	case int64:
		n = x
	case json.Number:
		parsed, err := strconv.ParseInt(string(x), 10, 64)
		if err != nil {
			return 0, errcode.Input("Int cannot represent %s: it must be a whole number from %d to %d", x, math.MinInt32, math.MaxInt32)
		}
		n = parsed
	case float64:
		if x != math.Trunc(x) || x < math.MinInt32 || x > math.MaxInt32 {
			return 0, errcode.Input("Int cannot represent %v: it must be a whole number from %d to %d", x, math.MinInt32, math.MaxInt32)
		}
		n = int64(x)
	default:
		return 0, errcode.Input("Int cannot represent a %T value", v)
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		return 0, errcode.Input("Int cannot represent %d: it must be a whole number from %d to %d", n, math.MinInt32, math.MaxInt32)
	}
	return int(n), nil
}
