package upstream

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestRetryPolicyNeverRetriesWrites(t *testing.T) {
	policy := RetryPolicy{MaxAttempts: 5, InitialBackoff: time.Millisecond, MaxBackoff: time.Millisecond, MaxRateLimitWait: time.Second}
	for _, failure := range []error{
		&Error{Status: 503},
		&Error{Status: 429, RetryAt: time.Now()},
		&TransportError{Operation: "createContact", Timeout: true, Err: context.DeadlineExceeded},
	} {
		attempts := 0
		err := policy.run(context.Background(), false, func() error { attempts++; return failure })
		if attempts != 1 {
			t.Errorf("%v: a write was attempted %d times", failure, attempts)
		}
		if !errors.Is(err, failure) {
			t.Errorf("%v: got %v back", failure, err)
		}
	}
}

func TestRetryPolicyDoesNotRetryClientErrors(t *testing.T) {
	policy := DefaultRetryPolicy()
	for _, status := range []int{400, 401, 403, 404, 409, 422} {
		attempts := 0
		_ = policy.run(context.Background(), true, func() error { attempts++; return &Error{Status: status} })
		if attempts != 1 {
			t.Errorf("status %d was retried (%d attempts)", status, attempts)
		}
	}
}
