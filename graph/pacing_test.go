package graph_test

import (
	"sync"
	"testing"
	"time"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// A dashboard burst larger than the window's budget is spread over windows by
// the client's pacing: every query succeeds and Intercom never answers 429.
func TestABurstStaysWithinTheBudgetWithoutA429(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Budget: 20, Window: time.Second}, RateLimitWait: 5 * time.Second})
	var wg sync.WaitGroup
	errs := make(chan string, 60)
	for range 60 {
		wg.Go(func() {
			resp := f.Query(`{ contacts(first: 1) { totalCount } }`, nil)
			if len(resp.Errors) > 0 {
				errs <- resp.Raw
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("a query of the burst failed: %s", e)
	}
	if f.Sim.Calls() != 60 {
		t.Errorf("the simulator answered %d requests for 60 calls: the extra ones were 429s", f.Sim.Calls())
	}
}
