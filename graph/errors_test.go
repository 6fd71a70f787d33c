package graph_test

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
	"time"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func TestForgedAndForeignCursorsAreRefused(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	page := f.Query(contactsPage, map[string]any{"first": 2}).MustData(t)
	cursor := facadetest.Str(facadetest.Dig(page, "contacts", "pageInfo", "endCursor"))
	raw, _ := base64.RawURLEncoding.DecodeString(cursor)
	tampered := []byte(strings.Replace(string(raw), `"o":1`, `"o":9`, 1))
	cases := map[string]struct {
		query  string
		cursor string
	}{
		"garbage":                          {contactsPage, "not a cursor"},
		"edited offset":                    {contactsPage, base64.RawURLEncoding.EncodeToString(tampered)},
		"contacts cursor on conversations": {`query($first: Int, $after: String) { conversations(first: $first, after: $after) { totalCount } }`, cursor},
		"contacts cursor on admins":        {`query($first: Int, $after: String) { admins(first: $first, after: $after) { totalCount } }`, cursor},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			before := f.Sim.Calls()
			resp := f.Query(tc.query, map[string]any{"first": 2, "after": tc.cursor})
			if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" || resp.Errors[0].Extensions["field"] != "after" {
				t.Fatalf("want one BAD_USER_INPUT error naming after, got %s", resp.Raw)
			}
			if f.Sim.Calls() != before {
				t.Errorf("a refused cursor cost %d upstream calls", f.Sim.Calls()-before)
			}
		})
	}
}

func TestBadArgumentsAreRefusedBeforeAnyUpstreamCall(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	cases := map[string]struct {
		query string
		field string
	}{
		"first too large":                 {`{ contacts(first: 101) { totalCount } }`, "first"},
		"negative first":                  {`{ admins(first: -1) { totalCount } }`, "first"},
		"first and last":                  {`{ admins(first: 1, last: 1) { totalCount } }`, "first"},
		"forged global id":                {`{ contact(id: "bm9wZQ") { email } }`, "id"},
		"global id of another type":       {`{ contact(id: "` + base64.RawURLEncoding.EncodeToString([]byte("Admin:991267700")) + `") { email } }`, "id"},
		"intercom id with a slash":        {`{ contact(intercomId: "../admins") { email } }`, "intercomId"},
		"backward on a forward-only list": {`{ conversation(intercomId: "2400000000") { contacts(last: 1) { totalCount } } contacts(first: 1, after: "x") { totalCount } }`, ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			before := f.Sim.Calls()
			resp := f.Query(tc.query, nil)
			if len(resp.Errors) == 0 || resp.Errors[0].Code() != "BAD_USER_INPUT" {
				t.Fatalf("want BAD_USER_INPUT, got %s", resp.Raw)
			}
			if tc.field != "" {
				if resp.Errors[0].Extensions["field"] != tc.field {
					t.Errorf("error names %v, want %s: %s", resp.Errors[0].Extensions["field"], tc.field, resp.Raw)
				}
				if f.Sim.Calls() != before {
					t.Errorf("refused input cost %d upstream calls", f.Sim.Calls()-before)
				}
			}
		})
	}
}

func TestUpstreamFailuresBecomeCodedFieldErrors(t *testing.T) {
	cases := []struct {
		name       string
		fault      intercomsim.Fault
		wantCode   string
		wantStatus float64
	}{
		{"401", intercomsim.Fault{Kind: intercomsim.FaultStatus, Status: 401}, "UNAUTHENTICATED", 401},
		{"403", intercomsim.Fault{Kind: intercomsim.FaultStatus, Status: 403}, "FORBIDDEN", 403},
		{"404", intercomsim.Fault{Kind: intercomsim.FaultStatus, Status: 404}, "NOT_FOUND", 404},
		{"422", intercomsim.Fault{Kind: intercomsim.FaultStatus, Status: 422}, "BAD_USER_INPUT", 422},
		{"429", intercomsim.Fault{Kind: intercomsim.FaultStatus, Status: 429}, "UPSTREAM_RATE_LIMITED", 429},
		{"500", intercomsim.Fault{Kind: intercomsim.FaultStatus, Status: 500}, "UPSTREAM_UNAVAILABLE", 500},
		{"503", intercomsim.Fault{Kind: intercomsim.FaultStatus, Status: 503}, "UPSTREAM_UNAVAILABLE", 503},
		{"connection reset", intercomsim.Fault{Kind: intercomsim.FaultReset}, "UPSTREAM_UNAVAILABLE", 0},
		{"truncated body", intercomsim.Fault{Kind: intercomsim.FaultTruncated}, "UPSTREAM_UNAVAILABLE", 0},
		{"not JSON", intercomsim.Fault{Kind: intercomsim.FaultMalformed}, "UPSTREAM_UNAVAILABLE", 0},
		{"timeout", intercomsim.Fault{Kind: intercomsim.FaultDelay, Delay: 2 * time.Second}, "UPSTREAM_UNAVAILABLE", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := facadetest.New(t, facadetest.Options{AttemptTimeout: 150 * time.Millisecond})
			tc.fault.Path = "/teams"
			f.Sim.InjectFault(tc.fault)
			resp := f.Query(`{ me { name } teams { totalCount } }`, nil)
			if facadetest.Str(facadetest.Dig(resp.Data, "me", "name")) == "" {
				// A 429 says the app's budget for the window is spent: a call
				// that had not left yet when it arrived is held back, and says
				// so. Any other fault leaves the healthy field its data.
				if e, ok := resp.ErrorAt("me"); tc.name != "429" || !ok || e.Code() != "UPSTREAM_RATE_LIMITED" || facadetest.Str(e.Extensions["resetAt"]) == "" {
					t.Errorf("the healthy field lost its data: %s", resp.Raw)
				}
			}
			e, ok := resp.ErrorAt("teams")
			if !ok || e.Code() != tc.wantCode {
				t.Fatalf("want %s on teams, got %s", tc.wantCode, resp.Raw)
			}
			if tc.wantStatus != 0 {
				if got := facadetest.Dig(e.Extensions, "intercom", "status"); got != tc.wantStatus {
					t.Errorf("extensions.intercom.Status = %v, want %v", got, tc.wantStatus)
				}
				if facadetest.Str(facadetest.Dig(e.Extensions, "intercom", "requestId")) == "" {
					t.Errorf("no Intercom request id: %s", resp.Raw)
				}
			}
			if tc.name == "429" && facadetest.Str(e.Extensions["resetAt"]) == "" {
				t.Errorf("a rate-limited field must say when to retry: %s", resp.Raw)
			}
		})
	}
}

func TestAMissingObjectIsNullWithNotFound(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	resp := f.Query(`{ me { name } contact(intercomId: "000000000000000000000000") { email } admin(intercomId: "1") { name } }`, nil)
	if facadetest.Dig(resp.Data, "contact") != nil || facadetest.Dig(resp.Data, "admin") != nil || facadetest.Str(facadetest.Dig(resp.Data, "me", "name")) == "" {
		t.Fatalf("data = %s", resp.Raw)
	}
	for _, field := range []string{"contact", "admin"} {
		if e, ok := resp.ErrorAt(field); !ok || e.Code() != "NOT_FOUND" {
			t.Errorf("%s: want NOT_FOUND, got %s", field, resp.Raw)
		}
	}
}

func TestRateLimitedWorkspaceSaysWhenToComeBack(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Budget: 1, Window: 24 * time.Hour}})
	f.Query(`{ me { name } }`, nil).MustData(t)
	before := f.Sim.Calls()
	resp := f.Query(`{ teams { totalCount } contacts(first: 5) { totalCount } }`, nil)
	// One clear refusal for the whole query, rather than a failed field each.
	if len(resp.Errors) != 1 || resp.Errors[0].Code() != "UPSTREAM_RATE_LIMITED" || resp.Data != nil {
		t.Fatalf("want one UPSTREAM_RATE_LIMITED error and no data, got %s", resp.Raw)
	}
	if reset, err := time.Parse(time.RFC3339, facadetest.Str(resp.Errors[0].Extensions["resetAt"])); err != nil || reset.Before(time.Now()) {
		t.Errorf("resetAt %v is not a future RFC 3339 time", resp.Errors[0].Extensions["resetAt"])
	}
	if f.Sim.Calls() != before {
		t.Errorf("a query the budget cannot pay for made %d upstream calls", f.Sim.Calls()-before)
	}
}

func TestAWrongTokenIsUnauthenticatedAndNeverEchoed(t *testing.T) {
	const secret = "tok_leak_canary_5f1e"
	f := facadetest.New(t, facadetest.Options{Token: secret})
	resp := f.Query(`{ me { name } contacts(first: 1) { totalCount } }`, nil)
	if len(resp.Errors) == 0 || resp.Errors[0].Code() != "UNAUTHENTICATED" {
		t.Fatalf("want UNAUTHENTICATED, got %s", resp.Raw)
	}
	if strings.Contains(resp.Raw, secret) || strings.Contains(f.Logs.String(), secret) {
		t.Error("the access token appears in a response or a log line")
	}
	ready, err := http.Get(f.Server.URL + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	ready.Body.Close()
	if ready.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz = %d with a refused token, want 503", ready.StatusCode)
	}
}
