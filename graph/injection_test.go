package graph_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream"
)

// A filter value is data: whatever characters it holds, it reaches Intercom as
// the value of the one filter it was written in, never as query structure.
func TestFilterStringsReachIntercomAsData(t *testing.T) {
	var mu sync.Mutex
	var bodies [][]byte
	f := facadetest.New(t, facadetest.Options{SeeUpstream: func(r *http.Request) {
		if r.Method == http.MethodPost {
			b, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(b))
			mu.Lock()
			bodies = append(bodies, b)
			mu.Unlock()
		}
	}})
	for _, hostile := range []string{
		`x"},{"field":"role","operator":"!=","value":"nobody`,
		`{"operator":"OR","value":[]}`,
		`' OR 1=1 --`,
		"\u0000\n\r\t\\",
		`]}]}]}`,
	} {
		mu.Lock()
		bodies = nil
		mu.Unlock()
		resp := f.Query(`query($v: String!) { contacts(filter: { email: { eq: $v } }) { totalCount } }`, map[string]any{"v": hostile})
		if facadetest.Dig(resp.MustData(t), "contacts", "totalCount") != float64(0) {
			t.Errorf("%q matched contacts: %s", hostile, resp.Raw)
		}
		mu.Lock()
		if len(bodies) != 1 {
			t.Fatalf("%q: %d search requests, want 1", hostile, len(bodies))
		}
		var req upstream.SearchRequest
		if err := json.Unmarshal(bodies[0], &req); err != nil {
			t.Fatalf("%q: the search body is not JSON: %v", hostile, err)
		}
		mu.Unlock()
		if req.Query.IsGroup() || req.Query.Field != "email" || req.Query.Operator != "=" || req.Query.Value != hostile {
			t.Errorf("%q changed the query's structure: %+v", hostile, req.Query)
		}
	}
}
