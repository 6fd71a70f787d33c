package scalars

import (
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"intercom-graphql/graph/errcode"
)

// MarshalDate writes a calendar day as YYYY-MM-DD.
func MarshalDate(d Day) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(d.String()))
	})
}

// UnmarshalDate reads a calendar day written as YYYY-MM-DD.
func UnmarshalDate(v any) (Day, error) {
	s, ok := v.(string)
	if !ok {
		return Day{}, errcode.Input("Date must be a string such as \"2026-05-01\", got %T", v)
	}
	d, err := ParseDay(s)
	if err != nil {
		return Day{}, errcode.Input("Date %v", err)
	}
	return d, nil
}
