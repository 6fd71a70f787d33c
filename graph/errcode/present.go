package errcode

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"intercom-graphql/upstream"
)

// Presenter turns any error a resolver returned into the error the client
// sees: a code of the vocabulary, a message worth reading, and Intercom's own
// status, code and request id when Intercom answered. Errors the graph cannot
// classify are logged in full and shown as INTERNAL without their text.
func Presenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		if gqlErr.Extensions == nil {
			gqlErr.Extensions = map[string]any{}
		}
		if gqlErr.Err == nil {
			// Made about the request itself, before any resolver ran: unreadable
			// body, parse and validation failures, limits. The client's to fix,
			// unless a check of ours already gave it a code of the vocabulary.
			if code, _ := gqlErr.Extensions["code"].(string); !vocabulary[code] {
				gqlErr.Extensions["code"] = BadUserInput
			}
			return gqlErr
		}
		classify(ctx, log, gqlErr, gqlErr.Err)
		return gqlErr
	}
}

var vocabulary = map[string]bool{
	BadUserInput: true, NotFound: true, Unauthenticated: true, Forbidden: true,
	UpstreamRateLimited: true, UpstreamUnavailable: true, Unavailable: true, MaxCostExceeded: true, Internal: true,
}

func classify(ctx context.Context, log *slog.Logger, out *gqlerror.Error, err error) {
	var own *Error
	var missing *upstream.NotFoundError
	var apiErr *upstream.Error
	var transportErr *upstream.TransportError
	var budgetErr *upstream.RateBudgetError
	var limitErr *upstream.CallLimitError
	switch {
	case errors.As(err, &own):
		out.Message = own.Message
		out.Extensions["code"] = own.Code
		if own.Field != "" {
			out.Extensions["field"] = own.Field
		}
	case errors.As(err, &missing):
		out.Message = missing.Error()
		out.Extensions["code"] = NotFound
	case errors.As(err, &apiErr):
		code, message := upstreamCode(apiErr)
		out.Message = message
		out.Extensions["code"] = code
		out.Extensions["intercom"] = map[string]any{"status": apiErr.Status, "code": apiErr.Code(), "requestId": apiErr.RequestID}
		if !apiErr.RetryAt.IsZero() {
			out.Extensions["resetAt"] = apiErr.RetryAt.UTC().Format(time.RFC3339)
		}
	case errors.As(err, &budgetErr):
		out.Extensions["code"] = UpstreamRateLimited
		out.Extensions["resetAt"] = budgetErr.ResetAt.UTC().Format(time.RFC3339)
		out.Message = "Intercom's rate budget for this window is spent; try again after resetAt"
	case errors.As(err, &limitErr):
		out.Extensions["code"] = MaxCostExceeded
		out.Extensions["cost"] = map[string]any{"spent": limitErr.Spent, "limit": limitErr.Limit}
		out.Message = fmt.Sprintf("not fetched: this query has spent the %d upstream calls a query may cost; ask for smaller pages or fewer nested connections", limitErr.Limit)
	case errors.As(err, &transportErr):
		out.Extensions["code"] = UpstreamUnavailable
		out.Message = "Intercom could not be reached or its answer could not be read"
		if transportErr.Timeout {
			out.Message = "Intercom did not answer in time"
		}
		if transportErr.RequestID != "" {
			out.Extensions["intercom"] = map[string]any{"requestId": transportErr.RequestID}
		}
	case errors.Is(err, context.DeadlineExceeded):
		out.Extensions["code"] = UpstreamUnavailable
		out.Message = "the request ran out of time waiting for Intercom"
	case errors.Is(err, context.Canceled):
		out.Extensions["code"] = Internal
		out.Message = "the request was cancelled"
	default:
		log.ErrorContext(ctx, "unclassified resolver error", "path", out.Path.String(), "error", err)
		out.Extensions["code"] = Internal
		out.Message = "internal error"
	}
}

// upstreamCode maps an Intercom refusal onto the vocabulary. The message
// says whose fault it is: the facade's credentials, the client's input, or Intercom.
func upstreamCode(e *upstream.Error) (code, message string) {
	detail := e.Message()
	switch {
	case e.Status == http.StatusUnauthorized:
		return Unauthenticated, "Intercom refused the facade's access token: " + detail
	case e.Status == http.StatusForbidden:
		return Forbidden, "Intercom refused access to this data: " + detail
	case e.Status == http.StatusNotFound:
		return NotFound, "Intercom has no such object: " + detail
	case e.Status == http.StatusTooManyRequests:
		return UpstreamRateLimited, "Intercom's rate limit is exhausted; try again after resetAt"
	case e.Status >= 500:
		return UpstreamUnavailable, "Intercom failed to answer: " + detail
	case e.Status >= 400:
		return BadUserInput, "Intercom rejected the request: " + detail
	case e.Status >= 300:
		return UpstreamUnavailable, fmt.Sprintf("Intercom answered with a redirect (%d), which is never followed", e.Status)
	default:
		return Internal, "Intercom answered unexpectedly: " + detail
	}
}
