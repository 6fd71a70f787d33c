package httpapi

import (
	"context"
	"errors"
	"testing"
	"time"
)

// Work a resolver started and left running (a prefetch, a batch) ends with
// the request, with the request's error, even after the resolver returned;
// what gqlgen does with the resolver's result afterwards never ends with it.
func TestAResolversContextEndsWithTheRequestOnlyWhileItRuns(t *testing.T) {
	request, end := context.WithCancel(context.Background())
	rc := &resolving{Context: context.WithoutCancel(request), request: request}
	leftRunning, cancel := context.WithTimeout(rc, time.Hour)
	defer cancel()
	rc.resolved.Store(true)
	if rc.Done() != nil {
		t.Fatal("after its resolver returned, the context should end with the operation only")
	}
	end()
	select {
	case <-leftRunning.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("work the resolver left running did not end with the request")
	}
	if !errors.Is(leftRunning.Err(), context.Canceled) || !errors.Is(rc.Err(), context.Canceled) {
		t.Errorf("want the request's error, got %v and %v", leftRunning.Err(), rc.Err())
	}
}
