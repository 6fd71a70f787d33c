package scalars

import (
	"errors"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"

	"intercom-graphql/graph/errcode"
)

// written is what a marshaler writes into a response.
func written(m graphql.Marshaler) string {
	var b strings.Builder
	m.MarshalGQL(&b)
	return b.String()
}

// refusal is an input a scalar refuses, and the message the client reads.
type refusal struct {
	name string
	in   any
	want string
}

// refuses checks each input is refused with a BAD_USER_INPUT error
// carrying exactly its message.
func refuses[V any](t *testing.T, unmarshal func(any) (V, error), tests []refusal) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := unmarshal(tc.in)
			var e *errcode.Error
			if !errors.As(err, &e) {
				t.Fatalf("%#v reads as %v, %v; want a refusal", tc.in, got, err)
			}
			if e.Code != errcode.BadUserInput || e.Message != tc.want {
				t.Fatalf("error = %s %q, want %s %q", e.Code, e.Message, errcode.BadUserInput, tc.want)
			}
		})
	}
}
