// Package scalars holds the graph's custom scalars: how Intercom's wire values
// read and write as GraphQL values.
package scalars

import (
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/upstream"
)

// MarshalDateTime writes Intercom's UNIX seconds as an RFC 3339 string in UTC.
func MarshalDateTime(t upstream.Timestamp) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(t.Time().Format(time.RFC3339)))
	})
}

// UnmarshalDateTime reads an RFC 3339 string (any offset) into UNIX seconds.
func UnmarshalDateTime(v any) (upstream.Timestamp, error) {
	s, ok := v.(string)
	if !ok {
		return 0, errcode.Input("DateTime must be an RFC 3339 string such as \"2026-05-01T09:30:00Z\", got %T", v)
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return 0, errcode.Input("DateTime %q is not RFC 3339, such as \"2026-05-01T09:30:00Z\"", s)
	}
	// RFC 3339 writes years 0001 to 9999 only: an instant outside them in UTC
	// could be read but never written back.
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return 0, errcode.Input("DateTime %q is outside the years 0001 to 9999 in UTC", s)
	}
	return upstream.TimestampOf(t), nil
}
