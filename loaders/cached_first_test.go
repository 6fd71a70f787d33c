package loaders_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"intercom-graphql/loaders"
	"intercom-graphql/loaders/cache"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// Objects the cross-request cache holds are answered from it at once; only
// the others wait for a batch, which they then share alone: a contact read
// before and a new one loaded together cost a GET of the new one, not a
// search for both.
func TestCachedObjectsDoNotJoinTheBatch(t *testing.T) {
	sim := intercomsim.New(intercomsim.Options{Seed: 7, Sizes: intercomsim.Sizes{Admins: 2, Teams: 1, Contacts: 10}})
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	client, err := upstream.New(upstream.Config{Token: intercomsim.DemoToken, BaseURL: srv.URL,
		Cache: cache.NewMemory(100), CacheTTL: upstream.CacheTTL{Objects: time.Hour}})
	if err != nil {
		t.Fatal(err)
	}
	contacts := sim.Workspace(intercomsim.DemoToken).Contacts()
	known, unknown := contacts[0].Contact.ID, contacts[1].Contact.ID
	if _, err := loaders.New(client).Contact(context.Background(), known); err != nil { // one operation reads it
		t.Fatal(err)
	}

	ctx, tally := upstream.WithTally(context.Background())
	l := loaders.New(client) // a later operation asks for it and another at once
	sim.StartTrace()
	first, second := l.ContactThunk(ctx, known), l.ContactThunk(ctx, unknown)
	a, errA := first()
	b, errB := second()
	spans := sim.StopTrace()
	if errA != nil || errB != nil || a.ID != known || b.ID != unknown {
		t.Fatalf("got %v, %v / %v, %v", a, errA, b, errB)
	}
	if len(spans) != 1 || spans[0].Method != "GET" || spans[0].Path != "/contacts/"+unknown {
		t.Errorf("want only GET /contacts/%s, got %+v", unknown, spans)
	}
	if tally.CacheHits() != 1 || tally.Calls() != 1 {
		t.Errorf("want 1 cache hit and 1 call, got %d and %d", tally.CacheHits(), tally.Calls())
	}
}
