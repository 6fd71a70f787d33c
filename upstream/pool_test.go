package upstream_test

import (
	"sync"
	"testing"

	"intercom-graphql/upstream"
)

// The first requests of a token often arrive together; they must share one
// client, hence one rate budget for the workspace.
func TestPoolGivesConcurrentFirstCallersOneClient(t *testing.T) {
	pool, err := upstream.NewPool(upstream.Config{BaseURL: "http://127.0.0.1:1"}, 10)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]*upstream.Client, 200)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			<-start
			got[i], _ = pool.Client("token")
		})
	}
	close(start)
	wg.Wait()
	for i, c := range got {
		if c == nil || c != got[0] {
			t.Fatalf("caller %d got client %p, caller 0 got %p", i, c, got[0])
		}
	}
}
