package errcode_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// present runs the presenter over err as gqlgen would, and returns what the
// client sees with what the server logged.
func present(err error) (*gqlerror.Error, string) {
	var log bytes.Buffer
	out := errcode.Presenter(slog.New(slog.NewTextHandler(&log, nil)))(context.Background(), err)
	return out, log.String()
}

// intercomSaid is extensions.intercom for an Intercom refusal.
func intercomSaid(status int, code, requestID string) map[string]any {
	return map[string]any{"status": status, "code": code, "requestId": requestID}
}

func TestPresenterGivesEachErrorItsCode(t *testing.T) {
	resetAt := time.Date(2024, 5, 1, 12, 0, 10, 0, time.UTC)
	refusal := func(status int, code, message string) *upstream.Error {
		return &upstream.Error{Operation: "ShowContact", Status: status, RequestID: "req-1", Errors: []upstream.ErrorItem{{Code: code, Message: message}}}
	}
	rateLimited := refusal(http.StatusTooManyRequests, "rate_limit_exceeded", "You have exceeded the rate limit.")
	rateLimited.RetryAt = resetAt.In(time.FixedZone("CEST", 2*60*60))
	notFound := &upstream.NotFoundError{Kind: "Admin", ID: "7"}

	for _, tc := range []struct {
		name     string
		err      error
		code     string
		message  string
		intercom any    // extensions.intercom, nil when there must be none
		field    string // extensions.field
		resetAt  string // extensions.resetAt
	}{
		{name: "a client mistake", err: errcode.Input("first must be positive"),
			code: errcode.BadUserInput, message: "first must be positive"},
		{name: "a client mistake in a field", err: errcode.InputField("companyId", errors.New("must not be empty")),
			code: errcode.BadUserInput, message: "companyId: must not be empty", field: "companyId"},
		{name: "the graph's not found", err: errcode.Missing("Company with companyId", "acme"),
			code: errcode.NotFound, message: `Company with companyId "acme" was not found`},
		{name: "an id missing from a list", err: notFound,
			code: errcode.NotFound, message: `Admin "7" was not found`},
		{name: "an id missing from a list, wrapped", err: fmt.Errorf("note author: %w", notFound),
			code: errcode.NotFound, message: `Admin "7" was not found`},
		{name: "Intercom refuses the token", err: refusal(http.StatusUnauthorized, "unauthorized", "Access Token Invalid"),
			code: errcode.Unauthenticated, message: "Intercom refused the facade's access token: Access Token Invalid",
			intercom: intercomSaid(401, "unauthorized", "req-1")},
		{name: "Intercom refuses access", err: refusal(http.StatusForbidden, "api_plan_restricted", "Active subscription needed."),
			code: errcode.Forbidden, message: "Intercom refused access to this data: Active subscription needed.",
			intercom: intercomSaid(403, "api_plan_restricted", "req-1")},
		{name: "a redirect", err: refusal(http.StatusFound, "found", "Found"),
			code: errcode.UpstreamUnavailable, message: "Intercom answered with a redirect (302), which is never followed",
			intercom: intercomSaid(302, "found", "req-1")},
		{name: "Intercom has no such object", err: refusal(http.StatusNotFound, "not_found", "User Not Found"),
			code: errcode.NotFound, message: "Intercom has no such object: User Not Found",
			intercom: intercomSaid(404, "not_found", "req-1")},
		{name: "Intercom's 404, wrapped", err: fmt.Errorf("page 2: %w", refusal(http.StatusNotFound, "not_found", "User Not Found")),
			code: errcode.NotFound, message: "Intercom has no such object: User Not Found",
			intercom: intercomSaid(404, "not_found", "req-1")},
		{name: "Intercom rejects the input", err: refusal(http.StatusBadRequest, "parameter_invalid", "per_page must be below 150"),
			code: errcode.BadUserInput, message: "Intercom rejected the request: per_page must be below 150",
			intercom: intercomSaid(400, "parameter_invalid", "req-1")},
		{name: "Intercom's rate limit", err: rateLimited,
			code: errcode.UpstreamRateLimited, message: "Intercom's rate limit is exhausted; try again after resetAt",
			intercom: intercomSaid(429, "rate_limit_exceeded", "req-1"), resetAt: "2024-05-01T12:00:10Z"},
		{name: "Intercom fails", err: refusal(http.StatusServiceUnavailable, "service_unavailable", "Service Unavailable"),
			code: errcode.UpstreamUnavailable, message: "Intercom failed to answer: Service Unavailable",
			intercom: intercomSaid(503, "service_unavailable", "req-1")},
		{name: "Intercom answers oddly", err: refusal(http.StatusProcessing, "", "Processing"),
			code: errcode.Internal, message: "Intercom answered unexpectedly: Processing",
			intercom: intercomSaid(102, "", "req-1")},
		{name: "the facade's own rate budget", err: &upstream.RateBudgetError{Operation: "listAdmins", ResetAt: resetAt},
			code: errcode.UpstreamRateLimited, message: "Intercom's rate budget for this window is spent; try again after resetAt",
			resetAt: "2024-05-01T12:00:10Z"},
		{name: "Intercom does not answer in time", err: &upstream.TransportError{Operation: "listAdmins", Timeout: true, Err: context.DeadlineExceeded},
			code: errcode.UpstreamUnavailable, message: "Intercom did not answer in time"},
		{name: "Intercom's answer is unreadable", err: &upstream.TransportError{Operation: "listAdmins", RequestID: "req-9", Err: errors.New("malformed JSON in response")},
			code: errcode.UpstreamUnavailable, message: "Intercom could not be reached or its answer could not be read",
			intercom: map[string]any{"requestId": "req-9"}},
		{name: "the request runs out of time", err: fmt.Errorf("waiting: %w", context.DeadlineExceeded),
			code: errcode.UpstreamUnavailable, message: "the request ran out of time waiting for Intercom"},
		{name: "the client goes away", err: context.Canceled,
			code: errcode.Internal, message: "the request was cancelled"},
		{name: "a failure of the facade", err: errors.New("redis: dial tcp 10.0.0.5:6379: connection refused"),
			code: errcode.Internal, message: "internal error"},
		{name: "a query that does not parse", err: &gqlerror.Error{Message: `Cannot query field "nmae" on type "Contact".`},
			code: errcode.BadUserInput, message: `Cannot query field "nmae" on type "Contact".`},
		{name: "a request check with a code of the vocabulary", err: &gqlerror.Error{Message: "a bearer token is required",
			Extensions: map[string]any{"code": errcode.Unauthenticated}},
			code: errcode.Unauthenticated, message: "a bearer token is required"},
		{name: "a request check with gqlgen's own code", err: &gqlerror.Error{Message: "operation has complexity 2000, which exceeds the limit of 1000",
			Extensions: map[string]any{"code": "COMPLEXITY_LIMIT_EXCEEDED"}},
			code: errcode.BadUserInput, message: "operation has complexity 2000, which exceeds the limit of 1000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := present(tc.err)
			if got.Message != tc.message {
				t.Errorf("message %q, want %q", got.Message, tc.message)
			}
			for key, want := range map[string]any{"code": tc.code, "intercom": tc.intercom, "field": tc.field, "resetAt": tc.resetAt} {
				v, has := got.Extensions[key]
				switch {
				case want == nil || want == "":
					if has {
						t.Errorf("extensions.%s = %v, want none", key, v)
					}
				case !reflect.DeepEqual(v, want):
					t.Errorf("extensions.%s = %#v, want %#v", key, v, want)
				}
			}
		})
	}
}

// What the facade failed at is logged in full for its operators, and the
// client learns only that it failed.
func TestPresenterKeepsInternalErrorsToTheLog(t *testing.T) {
	const detail = "redis: dial tcp 10.0.0.5:6379: connection refused"
	got, log := present(fmt.Errorf("reading the cache: %w", errors.New(detail)))
	if strings.Contains(got.Message, "redis") || strings.Contains(fmt.Sprint(got.Extensions), "redis") {
		t.Errorf("the client sees the internal error: %q %v", got.Message, got.Extensions)
	}
	if !strings.Contains(log, detail) {
		t.Errorf("the log lacks the error: %q", log)
	}
	// Errors the presenter knows are the client's answer, not news for the log.
	if _, log := present(errcode.Input("first must be positive")); log != "" {
		t.Errorf("a client mistake was logged: %q", log)
	}
}

// The errors the client really returns, presented: Intercom's request ids
// come through, and the token behind the calls never does, whether Intercom
// refused it, refused the call, or could not be reached.
func TestPresentedUpstreamErrorsCarryIntercomsAnswerAndNeverTheToken(t *testing.T) {
	const token, wrongToken = "tok_live_5ecret_value_0001", "tok_live_5ecret_value_0002"
	sim := intercomsim.New(intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 2, Teams: 1, Contacts: 5}})
	sim.AddWorkspace(token, 1, intercomsim.Sizes{Admins: 2, Teams: 1, Contacts: 5})
	sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultStatus, Method: http.MethodGet, Path: "/teams", Status: http.StatusInternalServerError})
	srv := httptest.NewServer(sim.Handler())
	defer srv.Close()
	gone := httptest.NewServer(http.NotFoundHandler())
	gone.Close()

	client := func(token, baseURL string) *upstream.Client {
		c, err := upstream.New(upstream.Config{Token: token, BaseURL: baseURL, Retry: &upstream.RetryPolicy{MaxAttempts: 1}})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		call   func() error
		code   string
		status int // extensions.intercom.status; 0 when Intercom did not answer
	}{
		{"a token Intercom refuses", func() error { _, err := client(wrongToken, srv.URL).Admins.List(ctx); return err },
			errcode.Unauthenticated, http.StatusUnauthorized},
		{"an object Intercom does not have", func() error { _, err := client(token, srv.URL).Contacts.Get(ctx, "no-such-contact"); return err },
			errcode.NotFound, http.StatusNotFound},
		{"Intercom failing", func() error { _, err := client(token, srv.URL).Teams.List(ctx); return err },
			errcode.UpstreamUnavailable, http.StatusInternalServerError},
		{"Intercom out of reach", func() error { _, err := client(token, gone.URL).Admins.List(ctx); return err },
			errcode.UpstreamUnavailable, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if err == nil {
				t.Fatal("the call succeeded")
			}
			got, log := present(err)
			if got.Extensions["code"] != tc.code {
				t.Errorf("code %v, want %s", got.Extensions["code"], tc.code)
			}
			said, _ := got.Extensions["intercom"].(map[string]any)
			if tc.status != 0 && (said["status"] != tc.status || said["requestId"] == "" || said["code"] == "") {
				t.Errorf("extensions.intercom = %v, want status %d with Intercom's code and request id", said, tc.status)
			}
			body, jerr := json.Marshal(got)
			if jerr != nil {
				t.Fatal(jerr)
			}
			for _, secret := range []string{token, wrongToken} {
				if strings.Contains(string(body), secret) || strings.Contains(log, secret) {
					t.Errorf("the token shows: %s; log %q", body, log)
				}
			}
		})
	}
}
