package httpapi_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
)

// exchange is one raw HTTP request to /graphql and what must come back.
type exchange struct {
	name        string
	method      string
	query       string // URL query, for GET
	body        string
	headers     map[string]string
	status      int
	contentType string // prefix of the answer's Content-Type; "" for the JSON refusal default
	says        string // a part of the first error's message
	hasData     bool   // whether the answer has a data entry
}

const (
	jsonType    = "application/json"
	gqlRespType = "application/graphql-response+json"
)

func (x exchange) send(t *testing.T, f *facadetest.Facade) (int, http.Header, map[string]json.RawMessage, string) {
	t.Helper()
	method := x.method
	if method == "" {
		method = http.MethodPost
	}
	target := f.Server.URL + "/graphql"
	if x.query != "" {
		target += "?" + x.query
	}
	req, _ := http.NewRequest(method, target, strings.NewReader(x.body))
	if method == http.MethodPost {
		req.Header.Set("Content-Type", jsonType)
	}
	for k, v := range x.headers {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var body map[string]json.RawMessage
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Fatalf("the answer is not one JSON object (status %d): %q", resp.StatusCode, raw)
	}
	return resp.StatusCode, resp.Header, body, string(raw)
}

// check asserts the status, media type, data entry and that every error
// carries extensions.code.
func (x exchange) check(t *testing.T, f *facadetest.Facade) {
	t.Helper()
	status, header, body, raw := x.send(t, f)
	if status != x.status {
		t.Errorf("status %d, want %d: %s", status, x.status, raw)
	}
	wantType := x.contentType
	if wantType == "" {
		wantType = jsonType
	}
	if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, wantType) {
		t.Errorf("Content-Type %q, want %s", ct, wantType)
	}
	if _, ok := body["data"]; ok != x.hasData {
		t.Errorf("data entry present = %v, want %v: %s", ok, x.hasData, raw)
	}
	var errs []facadetest.Error
	_ = json.Unmarshal(body["errors"], &errs)
	for _, e := range errs {
		if e.Code() == "" {
			t.Errorf("an error without extensions.code: %s", raw)
		}
	}
	if x.says != "" && (len(errs) == 0 || !strings.Contains(errs[0].Message, x.says)) {
		t.Errorf("want an error saying %q, got %s", x.says, raw)
	}
	if len(raw) > 2000 {
		t.Errorf("a %d-byte answer to a %d-byte request: is the body echoed?", len(raw), len(x.body))
	}
}

func accept(media string) map[string]string { return map[string]string{"Accept": media} }

// The statuses, media types and bodies of the GraphQL-over-HTTP
// specification, as graphql-http's audit checks them.
func TestGraphQLOverHTTPStatusesAndMediaTypes(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ok := `{"query":"{ __typename }"}`
	parse := `{"query":"{"}`
	invalid := `{"query":"{ noSuchField }"}`
	coercion := `{"query":"query($n: Int) { admins(first: $n) { totalCount } }","variables":{"n":"many"}}`
	for _, x := range []exchange{
		{name: "graphql-response+json is answered in kind", body: ok, headers: accept(gqlRespType), status: 200, contentType: gqlRespType, hasData: true},
		{name: "application/json is answered in kind", body: ok, headers: accept(jsonType), status: 200, contentType: jsonType, hasData: true},
		{name: "*/* gets application/json", body: ok, headers: accept("*/*"), status: 200, contentType: jsonType, hasData: true},
		{name: "no Accept gets application/json", body: ok, status: 200, contentType: jsonType, hasData: true},
		{name: "the preferred type wins", body: ok, headers: accept("application/json;q=0.5, application/graphql-response+json"), status: 200, contentType: gqlRespType, hasData: true},
		{name: "UTF-8 charset", body: `{"query":"{ __type(name: \"Run🏃Swim🏊\") { name } }"}`, headers: map[string]string{"Content-Type": "application/json; charset=utf-8"}, status: 200, hasData: true},
		{name: "unacceptable Accept", body: ok, headers: accept("text/html"), status: 406, says: "Accept"},
		{name: "parse failure, json", body: parse, headers: accept(jsonType), status: 200, contentType: jsonType},
		{name: "parse failure, graphql-response+json", body: parse, headers: accept(gqlRespType), status: 400, contentType: gqlRespType},
		{name: "validation failure, json", body: invalid, headers: accept(jsonType), status: 200, says: "noSuchField"},
		{name: "validation failure, graphql-response+json", body: invalid, headers: accept(gqlRespType), status: 400, contentType: gqlRespType, says: "noSuchField"},
		{name: "variable coercion failure, json", body: coercion, headers: accept(jsonType), status: 200},
		{name: "variable coercion failure, graphql-response+json", body: coercion, headers: accept(gqlRespType), status: 400, contentType: gqlRespType},
		{name: "null parameters", body: `{"query":"{ __typename }","operationName":null,"variables":null,"extensions":null}`, status: 200, hasData: true},
		{name: "a named operation of several", body: `{"query":"query A { __typename } query B { __typename }","operationName":"B"}`, status: 200, hasData: true},
		{name: "several operations, none named", body: `{"query":"query A { __typename } query B { __typename }"}`, status: 200, says: "operationName"},
		{name: "GET query", method: "GET", query: "query=" + url.QueryEscape("{ __typename }"), status: 200, hasData: true},
		{name: "GET with variables", method: "GET", query: "query=" + url.QueryEscape("query($n: Int) { admins(first: $n) { totalCount } }") + "&variables=" + url.QueryEscape(`{"n":1}`), status: 200, hasData: true},
	} {
		t.Run(x.name, func(t *testing.T) { x.check(t, f) })
	}
	if f.Sim.Calls() != 1 {
		t.Errorf("the refused requests reached Intercom: %d calls for the two admins queries", f.Sim.Calls())
	}
}

// A malformed request gets a 4xx status and one short sentence with a code,
// never the body it sent, and nothing runs.
func TestMalformedRequestsGetAShortCodedRefusal(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	huge := `{"query": "` + strings.Repeat("{ me ", 150_000) + `"` // 900 KB, unterminated
	for _, x := range []exchange{
		{name: "not JSON", body: `{ "not a JSON`, status: 400, says: "not valid JSON"},
		{name: "900 KB of broken JSON", body: huge, status: 400, says: "not valid JSON"},
		{name: "trailing bytes", body: `{"query":"{ __typename }"} {"query":"mutation { x }"}`, status: 400, says: "more than one JSON value"},
		{name: "trailing garbage", body: `{"query":"{ __typename }"}x`, status: 400, says: "more than one JSON value"},
		{name: "empty body", body: ``, status: 400, says: "empty"},
		{name: "a batch", body: `[{"query":"{ __typename }"}]`, status: 400, says: "batched"},
		{name: "a string body", body: `"{ __typename }"`, status: 400, says: "must be a JSON object"},
		{name: "no query", body: `{"qeury":"{ __typename }"}`, status: 400, says: "no query"},
		{name: "object query", body: `{"query":{"obj":"ect"}}`, status: 400, says: "query must be a string"},
		{name: "number query", body: `{"query":0}`, status: 400, says: "query must be a string"},
		{name: "boolean query", body: `{"query":false}`, status: 400, says: "query must be a string"},
		{name: "array query", body: `{"query":["array"]}`, status: 400, says: "query must be a string"},
		{name: "number operationName", body: `{"query":"{ __typename }","operationName":0}`, status: 400, says: "operationName must be a string"},
		{name: "string variables", body: `{"query":"{ __typename }","variables":"string"}`, status: 400, says: "variables must be a JSON object"},
		{name: "array variables", body: `{"query":"{ __typename }","variables":["array"]}`, status: 400, says: "variables must be a JSON object"},
		{name: "boolean extensions", body: `{"query":"{ __typename }","extensions":false}`, status: 400, says: "extensions must be a JSON object"},
		{name: "no Content-Type", body: `{"query":"{ __typename }"}`, headers: map[string]string{"Content-Type": ""}, status: 415, says: "Content-Type"},
		{name: "text/plain", body: `{"query":"{ __typename }"}`, headers: map[string]string{"Content-Type": "text/plain"}, status: 415, says: "application/json"},
		{name: "a charset other than UTF-8", body: `{"query":"{ __typename }"}`, headers: map[string]string{"Content-Type": "application/json; charset=latin1"}, status: 415, says: "UTF-8"},
		{name: "PUT", method: "PUT", body: `{"query":"{ __typename }"}`, status: 405, says: "PUT"},
		{name: "DELETE", method: "DELETE", status: 405, says: "DELETE"},
		{name: "GET mutation", method: "GET", query: "query=" + url.QueryEscape(`mutation { createOrUpdateTag(input: {name: "x"}) { userErrors { message } } }`), headers: accept(gqlRespType), status: 405, says: "POST"},
		{name: "GET with a bad escape", method: "GET", query: "query=%zz", status: 400, says: "malformed"},
		{name: "GET with variables that are no JSON", method: "GET", query: "query=" + url.QueryEscape("{ __typename }") + "&variables=%7Bnope", status: 400, says: "variables must be a JSON object"},
		{name: "GET with extensions that are no JSON", method: "GET", query: "query=" + url.QueryEscape("{ __typename }") + "&extensions=1", status: 400, says: "extensions must be a JSON object"},
		{name: "GET without a query", method: "GET", status: 400, says: "no query"},
		{name: "a WebSocket upgrade over POST", body: `{"query":"{ __typename }"}`, headers: map[string]string{"Upgrade": "websocket", "Connection": "Upgrade"}, status: 400, says: "GET"},
	} {
		t.Run(x.name, func(t *testing.T) { x.check(t, f) })
	}
	if f.Sim.Calls() != 0 {
		t.Errorf("refused requests reached Intercom %d times", f.Sim.Calls())
	}
	for _, line := range strings.Split(strings.TrimSpace(f.Logs.String()), "\n") {
		if !json.Valid([]byte(line)) {
			t.Errorf("a log line is not JSON: %q", line)
		}
	}
	if strings.Contains(f.Logs.String(), "superfluous") {
		t.Errorf("a response header was written twice: %s", f.Logs.String())
	}
}

func TestMethodsAreAdvertisedAsServed(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	req, _ := http.NewRequest(http.MethodPut, f.Server.URL+"/graphql", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, POST, OPTIONS" {
		t.Errorf("PUT: %d Allow %q, want 405 with Allow: GET, POST, OPTIONS", resp.StatusCode, resp.Header.Get("Allow"))
	}
	q := url.Values{"query": {`mutation { createOrUpdateTag(input: {name: "x"}) { userErrors { message } } }`}}
	resp, err = http.Get(f.Server.URL + "/graphql?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "POST" {
		t.Errorf("GET mutation: %d Allow %q, want 405 with Allow: POST", resp.StatusCode, resp.Header.Get("Allow"))
	}
}

// A subscription sent where nothing can stream is refused at once: it must
// not hold a concurrent-request slot until the request times out.
func TestSubscriptionsOverPlainHTTPAreRefusedAtOnce(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) {
		c.Limits.MaxConcurrentRequests = 1
		c.Limits.RequestTimeout = time.Hour
	}})
	sub := `{"query":"subscription { conversationEvents { topic } }"}`
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, media := range []string{jsonType, gqlRespType} {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, f.Server.URL+"/graphql", strings.NewReader(sub))
		req.Header.Set("Content-Type", jsonType)
		req.Header.Set("Accept", media)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("the subscription was held open: %v", err)
		}
		r := facadetest.Decode(t, resp)
		if len(r.Errors) != 1 || r.Errors[0].Code() != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "text/event-stream") || r.Data != nil {
			t.Errorf("%s: a subscription over POST answered %d %s", media, r.Status, r.Raw)
		}
	}
	q := url.Values{"query": {"subscription { conversationEvents { topic } }"}}
	resp, err := http.Get(f.Server.URL + "/graphql?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if r := facadetest.Decode(t, resp); len(r.Errors) != 1 || r.Errors[0].Code() != "BAD_USER_INPUT" {
		t.Errorf("a subscription over GET answered %d %s", r.Status, r.Raw)
	}
	// The one slot is free again.
	if r := f.Query(`{ __typename }`, nil); r.Status != http.StatusOK || len(r.Errors) != 0 {
		t.Errorf("after the refused subscriptions a query got %d %s", r.Status, r.Raw)
	}
}

// Int is 32 bits: a larger first is a type error, in a literal or a variable.
func TestIntArgumentsPastThirtyTwoBitsAreTypeErrors(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	for name, resp := range map[string]facadetest.Response{
		"literal":  f.Query(`{ admins(first: 2147483648) { totalCount } }`, nil),
		"variable": f.Query(`query($n: Int) { admins(first: $n) { totalCount } }`, map[string]any{"n": 2147483648}),
	} {
		if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" || !strings.Contains(resp.Errors[0].Message, "Int cannot represent") {
			t.Errorf("%s: %s, want one BAD_USER_INPUT saying Int cannot represent the value", name, resp.Raw)
		}
	}
	if f.Sim.Calls() != 0 {
		t.Errorf("the refused arguments cost %d upstream calls", f.Sim.Calls())
	}
}
