package upstream

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/cenkalti/backoff/v5"
)

// RetryPolicy says how often and how patiently idempotent calls are retried:
// reads, and writes whose repetition changes nothing more (setting a state,
// removing an object). Other writes are never retried: a retry after a
// timeout could apply them twice.
type RetryPolicy struct {
	// MaxAttempts counts the first try (1 disables retries).
	MaxAttempts int
	// InitialBackoff and MaxBackoff bound the exponential, jittered wait between
	// attempts after a 5xx or a transport failure.
	InitialBackoff time.Duration
	MaxBackoff     time.Duration
	// MaxRateLimitWait is the longest the client waits for a rate-limit window
	// to refill after a 429; a later reset is reported to the caller instead.
	MaxRateLimitWait time.Duration
}

// DefaultRetryPolicy retries an idempotent call up to twice: enough to ride
// out a blip, short enough that a dashboard still answers promptly.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{
		MaxAttempts:      3,
		InitialBackoff:   200 * time.Millisecond,
		MaxBackoff:       2 * time.Second,
		MaxRateLimitWait: 11 * time.Second, // one 10-second window, plus the clock skew a reset in whole seconds implies
	}
}

// rateLimitRetry carries the Intercom error together with the wait the
// backoff library should honour, so the caller still gets the *Error when
// attempts run out.
type rateLimitRetry struct {
	apiErr *Error
	after  *backoff.RetryAfterError
}

func (r *rateLimitRetry) Error() string   { return r.apiErr.Error() }
func (r *rateLimitRetry) Unwrap() []error { return []error{r.apiErr, r.after} }

func (p RetryPolicy) run(ctx context.Context, idempotent bool, attempt func() error) error {
	tries := p.MaxAttempts
	if !idempotent || tries < 1 {
		tries = 1
	}
	exp := backoff.NewExponentialBackOff()
	exp.InitialInterval = p.InitialBackoff
	exp.MaxInterval = p.MaxBackoff
	_, err := backoff.Retry(ctx, func() (struct{}, error) {
		return struct{}{}, p.classify(ctx, attempt())
	}, backoff.WithBackOff(exp), backoff.WithMaxTries(uint(tries)), backoff.WithMaxElapsedTime(0))

	var limited *rateLimitRetry
	if errors.As(err, &limited) {
		return limited.apiErr
	}
	return err
}

// classify tells the backoff loop whether an attempt's error is worth another try.
func (p RetryPolicy) classify(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return backoff.Permanent(err)
	}
	var apiErr *Error
	if errors.As(err, &apiErr) {
		switch {
		case apiErr.Status == 429 && apiErr.BudgetLeft:
			// Not the app's budget but a limit of the operation itself (one
			// active export job): waiting for the window changes nothing.
			return backoff.Permanent(err)
		case apiErr.Status == 429:
			wait := time.Until(apiErr.RetryAt)
			if apiErr.RetryAt.IsZero() {
				wait = p.InitialBackoff
			}
			if wait > p.MaxRateLimitWait {
				return backoff.Permanent(err)
			}
			// Jitter spreads the replicas that all waited for the same reset.
			wait = max(wait, 0) + time.Duration(rand.Int64N(int64(100*time.Millisecond)))
			return &rateLimitRetry{apiErr: apiErr, after: &backoff.RetryAfterError{Duration: wait}}
		case apiErr.Temporary():
			return err
		default:
			return backoff.Permanent(err)
		}
	}
	var transportErr *TransportError
	if errors.As(err, &transportErr) {
		return err
	}
	return backoff.Permanent(err)
}

// mayHaveApplied reports whether a failed attempt may nonetheless have been
// carried out by Intercom: no answer arrived, or Intercom failed midway.
func mayHaveApplied(err error) bool {
	var apiErr *Error
	if errors.As(err, &apiErr) {
		return apiErr.Status >= 500
	}
	var transportErr *TransportError
	return errors.As(err, &transportErr)
}
