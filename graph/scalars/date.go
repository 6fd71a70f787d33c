package scalars

import (
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/filter"
)

// MarshalDate writes a calendar day as YYYY-MM-DD.
func MarshalDate(d filter.Day) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(d.String()))
	})
}

// UnmarshalDate reads a calendar day written as YYYY-MM-DD.
func UnmarshalDate(v any) (filter.Day, error) {
	s, ok := v.(string)
	if !ok {
		return filter.Day{}, errcode.Input("Date must be a string such as \"2026-05-01\", got %T", v)
	}
	d, err := filter.ParseDay(s)
	if err != nil {
		return filter.Day{}, errcode.Input("Date %v", err)
	}
	return d, nil
}
