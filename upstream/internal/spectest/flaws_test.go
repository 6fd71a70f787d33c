package spectest

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
)

// Each flaw must still be one (the raw check refuses a request Intercom
// takes), and leaving it out must not let other mistakes through.
func TestParameterFlawsAreStillNeededAndNarrow(t *testing.T) {
	s := Load(t)
	wellFormed := map[string]*http.Request{
		"listNotes":     get("/contacts/6657ac4a6abd0166b52ae225/notes?page=2&per_page=5"),
		"lisDataEvents": get("/events?type=user&intercom_user_id=6657ac4a6abd0166b52ae225&per_page=3"),
		"createNote":    send(http.MethodPost, "/contacts/6657ac4a6abd0166b52ae225/notes", `{"body":"Called about the renewal"}`),
	}
	for op := range parameterFlaws {
		req, ok := wellFormed[op]
		if !ok {
			t.Errorf("parameterFlaws has %s but this test has no request for it", op)
			continue
		}
		target := req.URL.RequestURI()
		x, err := s.CheckRequest(req)
		if x == nil || x.OperationID() != op || err != nil {
			t.Errorf("%s: CheckRequest = %v, %v; want operation %s and no error", target, x, err, op)
			continue
		}
		if raw := openapi3filter.ValidateRequest(context.Background(), x.Input); raw == nil {
			t.Errorf("%s: the spec's own check accepts this request now; remove the flaw of %s", target, op)
		}
	}
	for _, target := range []string{"/events?intercom_user_id=6657ac4a6abd0166b52ae225", "/notes/not-a-number"} {
		if _, err := s.CheckRequest(get(target)); err == nil {
			t.Errorf("%s passed the check; the flaws must hide only the flawed parameters", target)
		}
	}
}

// Each body flaw must still be one, and the schema it picks must still
// refuse a body that is wrong.
func TestBodyFlawsAreStillNeededAndNarrow(t *testing.T) {
	s := Load(t)
	cases := map[string]struct{ method, target, good, bad string }{
		"UpdateCompany": {http.MethodPut, "/companies/6657ac356abd0166b52ae1c4", `{"name":"Globex","size":120}`, `{"size":"large"}`},
		"createTag": {http.MethodPost, "/tags", `{"name":"vip","companies":[{"company_id":"company-0001"}]}`,
			`{"name":"vip","users":[{"id":7}]}`},
	}
	for op := range bodyFlaws {
		c, ok := cases[op]
		if !ok {
			t.Errorf("bodyFlaws has %s but this test has no request for it", op)
			continue
		}
		x, err := s.CheckRequest(send(c.method, c.target, c.good))
		if x == nil || x.OperationID() != op || err != nil {
			t.Errorf("%s %s: CheckRequest = %v, %v; want operation %s and no error", c.method, c.target, x, err, op)
			continue
		}
		raw := *x.Input
		raw.Request = send(c.method, c.target, c.good)
		opts := *raw.Options
		opts.ExcludeRequestBody = false
		raw.Options = &opts
		if openapi3filter.ValidateRequest(context.Background(), &raw) == nil {
			t.Errorf("%s: the spec's own check accepts %s now; remove the body flaw of %s", op, c.good, op)
		}
		if _, err := s.CheckRequest(send(c.method, c.target, c.bad)); err == nil {
			t.Errorf("%s: %s passed the check; the flaw must still check the body", op, c.bad)
		}
	}
}

func send(method, target, body string) *http.Request {
	req, _ := http.NewRequest(method, "http://simulator.test"+target, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer token")
	req.Header.Set("Content-Type", "application/json")
	return req
}

func get(target string) *http.Request {
	req, _ := http.NewRequest(http.MethodGet, "http://simulator.test"+target, nil)
	req.Header.Set("Authorization", "Bearer token")
	return req
}
