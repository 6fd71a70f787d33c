package upstream_test

import (
	"encoding/json"
	"testing"

	"intercom-graphql/upstream"
)

func TestPagesLinkReadsEveryFormOfNext(t *testing.T) {
	for _, tc := range []struct {
		body     string
		wantNext *string
	}{
		{`{"type":"pages","page":1,"per_page":15,"total_pages":3,"next":"https://api.intercom.io/companies?page=2&per_page=15"}`, nextLink("https://api.intercom.io/companies?page=2&per_page=15")},
		{`{"type":"pages","page":3,"per_page":15,"total_pages":3,"next":null}`, nil},
		{`{"type":"pages","page":3,"per_page":15,"total_pages":3}`, nil},
		// The spec's cursor_pages form: a next page exists, with no link to it.
		{`{"type":"pages","page":1,"per_page":15,"total_pages":3,"next":{"per_page":15,"starting_after":null}}`, nextLink("")},
	} {
		var p upstream.PagesLink
		if err := json.Unmarshal([]byte(tc.body), &p); err != nil {
			t.Fatalf("%s: %v", tc.body, err)
		}
		if p.Page == 0 || p.PerPage != 15 || p.TotalPages != 3 {
			t.Errorf("%s: read %+v", tc.body, p)
		}
		if (p.Next == nil) != (tc.wantNext == nil) || (p.Next != nil && p.Next.URL != *tc.wantNext) {
			t.Errorf("%s: next %v, want %v", tc.body, p.Next, tc.wantNext)
		}
	}
}

func nextLink(s string) *string { return &s }
