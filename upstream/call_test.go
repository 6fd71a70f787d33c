package upstream

import (
	"strings"
	"testing"
)

func TestFillPutsEscapedIDsIntoTheTemplate(t *testing.T) {
	for _, tc := range []struct {
		template string
		ids      []string
		want     string // "" when filling must fail
	}{
		{template: "/contacts", want: "/contacts"},
		{template: "/contacts/{id}", ids: []string{"6540"}, want: "/contacts/6540"},
		{template: "/contacts/{contact_id}/tags/{id}", ids: []string{"c1", "t2"}, want: "/contacts/c1/tags/t2"},
		// An id stays one segment whatever it holds: it cannot reach another endpoint or add a query.
		{template: "/admins/{id}", ids: []string{"../teams"}, want: "/admins/..%2Fteams"},
		{template: "/visitors/{id}", ids: []string{"a b?c=d#e"}, want: "/visitors/a%20b%3Fc=d%23e"},
		{template: "/tags/{id}", ids: []string{"50%"}, want: "/tags/50%25"},
		// A template and its ids that disagree are a mistake of the client, not a request to send.
		{template: "/contacts/{id}", ids: nil},
		{template: "/contacts/{id}", ids: []string{"1", "2"}},
		{template: "/contacts", ids: []string{"1"}},
	} {
		got, err := call{operation: "op", template: tc.template, ids: tc.ids}.fill()
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("%s with %q: filled as %q, want an error", tc.template, tc.ids, got)
		case tc.want == "" && !strings.Contains(err.Error(), tc.template):
			t.Errorf("%s with %q: error %q does not name the template", tc.template, tc.ids, err)
		case tc.want != "" && (err != nil || got != tc.want):
			t.Errorf("%s with %q: got %q, %v; want %q", tc.template, tc.ids, got, err, tc.want)
		}
	}
}
