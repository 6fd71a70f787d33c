package httpapi_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func keyDigest(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// One valid key cannot make another client's query fail: at the default
// limits a client holds at most its share of the concurrent slots, however
// slow its requests, and the next one is refused at once with 429 while
// another client is still served.
func TestOneClientCannotTakeEveryConcurrentSlot(t *testing.T) {
	keys, err := httpapi.NewAPIKeys([]string{keyDigest("abuser-key"), keyDigest("other-key")})
	if err != nil {
		t.Fatal(err)
	}
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.Auth = keys }})
	share := httpapi.DefaultLimits().MaxConcurrentRequests / 4
	// An answer tells the client Intercom's budget; before that only a few
	// calls go out blind.
	postAs(f, map[string]string{"X-API-Key": "other-key"}, `{ me { name } }`).MustData(t)
	remove := f.Sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultDelay, Path: "/contacts", Delay: time.Minute})
	defer remove()

	slow := func() {
		req, _ := http.NewRequest(http.MethodPost, f.Server.URL+"/graphql", strings.NewReader(`{"query":"{ contacts(first: 1) { totalCount } }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-API-Key", "abuser-key")
		if resp, err := http.DefaultClient.Do(req); err == nil { // the test ends them by closing their connections
			resp.Body.Close()
		}
	}
	var wg sync.WaitGroup
	for range share {
		wg.Go(slow)
	}
	// Once every slow request holds its slot, the client's next one is
	// refused at once, even one that needs no upstream call.
	var one facadetest.Response
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if one = postAs(f, map[string]string{"X-API-Key": "abuser-key"}, `{ __typename }`); one.Status != http.StatusOK {
			break
		}
	}
	if one.Status != http.StatusTooManyRequests || len(one.Errors) != 1 || one.Errors[0].Extensions["reason"] != "CLIENT_CONCURRENCY_LIMITED" {
		t.Fatalf("a request past the client's share of %d: %d %s, want 429 with reason CLIENT_CONCURRENCY_LIMITED", share, one.Status, one.Raw)
	}
	other := postAs(f, map[string]string{"X-API-Key": "other-key"}, `{ me { name } }`)
	if other.Status != http.StatusOK || len(other.Errors) != 0 {
		t.Errorf("another client was not served while the first held its share: %d %s", other.Status, other.Raw)
	}
	remove()
	f.Server.CloseClientConnections() // end the held requests
	wg.Wait()
}

// The 503 of a full server is the facade's own refusal, not Intercom's.
func TestAFullServerSaysItIsItself(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) {
		c.Limits.MaxConcurrentRequests, c.Limits.MaxConcurrentPerClient = 1, 1
	}})
	remove := f.Sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultDelay, Path: "/contacts", Delay: time.Minute})
	defer remove()
	done := make(chan struct{})
	go func() {
		defer close(done)
		resp, err := http.Post(f.Server.URL+"/graphql", "application/json", strings.NewReader(`{"query":"{ contacts(first: 1) { totalCount } }"}`))
		if err == nil {
			resp.Body.Close()
		}
	}()
	for f.Sim.Calls() == 0 {
		time.Sleep(10 * time.Millisecond)
	}
	r := f.Query(`{ __typename }`, nil)
	if r.Status != http.StatusServiceUnavailable || len(r.Errors) != 1 || r.Errors[0].Code() != "UNAVAILABLE" {
		t.Errorf("a full server answered %d %s, want 503 UNAVAILABLE", r.Status, r.Raw)
	}
	remove()
	f.Server.CloseClientConnections()
	<-done
}
