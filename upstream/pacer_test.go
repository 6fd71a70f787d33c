package upstream_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"intercom-graphql/loaders/cache"
	"intercom-graphql/loaders/cache/redistest"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// Three replicas of the facade share one token, hence one Intercom budget;
// through Redis they pace as one app, and a joint burst from a cold start,
// across several windows, meets no 429.
func TestReplicasShareOneBudgetThroughRedis(t *testing.T) {
	shared, err := cache.NewRedis(redistest.Start(t), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer shared.Close()
	sim := intercomsim.New(intercomsim.Options{Sizes: smallSizes, Budget: 40, Window: time.Second})
	server := httptest.NewServer(sim.Handler())
	defer server.Close()
	replica := func() *upstream.Client {
		c, err := upstream.New(upstream.Config{Token: intercomsim.DemoToken, BaseURL: server.URL, SharedBudget: shared})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	replicas := []*upstream.Client{replica(), replica(), replica()}
	// Four windows carry the 120 calls; a call still waiting after a minute
	// is stuck, and the test says so rather than hanging.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	for i := range 120 {
		client := replicas[i%len(replicas)]
		wg.Go(func() {
			if _, err := client.Contacts.List(ctx, upstream.CursorOptions{PerPage: 1}); err != nil {
				t.Errorf("a call of the burst failed: %v", err)
			}
		})
	}
	wg.Wait()
	if sim.Calls() != 120 {
		t.Errorf("the simulator answered %d requests for 120 calls: the extra ones were 429s", sim.Calls())
	}
}
