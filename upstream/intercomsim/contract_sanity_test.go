package intercomsim_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"intercom-graphql/upstream/intercomsim"
	"intercom-graphql/upstream/internal/spectest"
)

// A contract test that cannot fail proves nothing. These feed the checks of
// contract_test.go with answers and requests that break the spec, and expect
// each to be caught.
func TestContractChecksCatchMistakes(t *testing.T) {
	spec := spectest.Load(t)
	jsonHeader := http.Header{"Content-Type": {"application/json"}}
	exchangeFor := func(t *testing.T, target string) *spectest.Exchange {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, "http://simulator.test"+target, nil)
		authorize(req, intercomsim.DemoToken)
		x, err := spec.CheckRequest(req)
		if err != nil {
			t.Fatalf("GET %s should be a valid request: %v", target, err)
		}
		return x
	}

	responses := []struct {
		name, target string
		status       int
		body         string
	}{
		{"a list that is not a list", "/admins", 200, `{"type":"admin.list","admins":"nope"}`},
		{"a number where the spec wants a string", "/admins/1", 200, `{"type":"admin","id":1}`},
		{"an enum value the spec does not list", "/teams", 200, `{"type":"teams","teams":[]}`},
		{"an error without its errors", "/admins/1", 404, `{"type":"error.list","request_id":"4c0e7d7a-3c34-4c61-9d43-3f8a2b0a6f1e"}`},
		{"an undocumented error status with a bad body", "/contacts", 429, `{"message":"slow down"}`},
		{"a request id that is no UUID", "/admins/1", 404, `{"type":"error.list","request_id":"abc","errors":[{"code":"not_found"}]}`},
		{"a success the operation does not document", "/admins", 201, `{"type":"admin.list","admins":[]}`},
	}
	for _, tc := range responses {
		t.Run(tc.name, func(t *testing.T) {
			x := exchangeFor(t, tc.target)
			if err := spec.CheckResponse(context.Background(), x, tc.status, jsonHeader, []byte(tc.body)); err == nil {
				t.Errorf("GET %s answered %d %s passed the check", tc.target, tc.status, tc.body)
			}
		})
	}

	t.Run("a good answer passes", func(t *testing.T) {
		x := exchangeFor(t, "/admins/1")
		body := `{"type":"error.list","request_id":"4c0e7d7a-3c34-4c61-9d43-3f8a2b0a6f1e","errors":[{"code":"not_found","message":"Admin Not Found"}]}`
		if err := spec.CheckResponse(context.Background(), x, 404, jsonHeader, []byte(body)); err != nil {
			t.Errorf("a well-formed 404 failed the check: %v", err)
		}
	})

	t.Run("a non-JSON error answer", func(t *testing.T) {
		x := exchangeFor(t, "/admins/1")
		if err := spec.CheckResponse(context.Background(), x, 404, http.Header{"Content-Type": {"text/html"}}, []byte("<h1>Not Found</h1>")); err == nil {
			t.Error("an HTML 404 passed the check")
		}
	})

	t.Run("requests that break the spec", func(t *testing.T) {
		for _, tc := range []struct{ name, target, auth string }{
			{"a non-integer admin id", "/admins/abc", "Bearer x"},
			{"a page size above the maximum", "/conversations?per_page=151", "Bearer x"},
			{"no bearer token", "/admins", ""},
		} {
			req, _ := http.NewRequest(http.MethodGet, "http://simulator.test"+tc.target, nil)
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			if x, err := spec.CheckRequest(req); err == nil || x == nil {
				t.Errorf("%s (GET %s) passed the check", tc.name, tc.target)
			}
		}
	})

	t.Run("a dropped property", func(t *testing.T) {
		var body any
		_ = json.Unmarshal([]byte(`{"type":"admin.list","admins":[{"type":"admin","id":"1","email":"a@b.example"}]}`), &body)
		rows := []contractRow{{op: "listAdmins", path: "/admins"}}
		problems := strings.Join(coverageProblems(spec, rows, bodyLog{"listAdmins": {body}}), "\n")
		for _, want := range []string{"admins[].name is missing", "admins[].team_priority_level is missing"} {
			if !strings.Contains(problems, want) {
				t.Errorf("coverage did not report %q; it said:\n%s", want, problems)
			}
		}
	})

	t.Run("an always-empty list of objects", func(t *testing.T) {
		var body any
		_ = json.Unmarshal([]byte(`{"type":"team.list","teams":[]}`), &body)
		rows := []contractRow{{op: "listTeams", path: "/teams"}}
		if problems := strings.Join(coverageProblems(spec, rows, bodyLog{"listTeams": {body}}), "\n"); !strings.Contains(problems, "teams[] is empty") {
			t.Errorf("coverage did not report the empty team list; it said:\n%s", problems)
		}
	})

	t.Run("a route without a row", func(t *testing.T) {
		routes := append(intercomsim.New(intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 1}}).Routes(),
			intercomsim.Route{Pattern: "GET /tags", OperationID: "listTags"},
			intercomsim.Route{Pattern: "GET /segment", OperationID: "listSegments"})
		var rows []contractRow // every row but the one for the route under test
		for _, r := range contractRows {
			if r.op != "listTags" {
				rows = append(rows, r)
			}
		}
		problems := strings.Join(routeRowProblems(spec, routes, rows), "\n")
		for _, want := range []string{`"GET /tags" (listTags) has no row`, `"GET /segment" serves listSegments, which the spec puts at GET /segments`} {
			if !strings.Contains(problems, want) {
				t.Errorf("route check did not report %q; it said:\n%s", want, problems)
			}
		}
	})
}
