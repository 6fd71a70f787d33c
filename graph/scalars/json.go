package scalars

import (
	"encoding/json"
	"io"

	"github.com/99designs/gqlgen/graphql"
)

// MarshalJSON writes any JSON-encodable value as it is.
func MarshalJSON(v any) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		b, err := json.Marshal(v)
		if err != nil {
			b = []byte("null")
		}
		_, _ = w.Write(b)
	})
}

// UnmarshalJSON accepts any GraphQL input value; gqlgen has already turned it
// into Go maps, slices and scalars.
func UnmarshalJSON(v any) (any, error) { return v, nil }
