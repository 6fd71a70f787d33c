package upstream_test

import (
	"context"
	"errors"
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

func cachedClient(t *testing.T, sim *intercomsim.Simulator, token string, c upstream.ResponseCache, ttl upstream.CacheTTL) *upstream.Client {
	t.Helper()
	server := httptest.NewServer(sim.Handler())
	t.Cleanup(server.Close)
	client, err := upstream.New(upstream.Config{Token: token, BaseURL: server.URL, Cache: c, CacheTTL: ttl})
	if err != nil {
		t.Fatal(err)
	}
	return client
}

func TestCachedReadsSkipIntercomAndAreTallied(t *testing.T) {
	sim := intercomsim.New(intercomsim.Options{Sizes: smallSizes})
	client := cachedClient(t, sim, intercomsim.DemoToken, cache.NewMemory(100), upstream.DefaultCacheTTL())
	ctx, tally := upstream.WithTally(context.Background())
	first, err := client.Teams.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	second, err := client.Teams.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Teams) != len(first.Teams) || second.Teams[0].Name != first.Teams[0].Name {
		t.Errorf("the cached answer differs: %+v vs %+v", second.Teams, first.Teams)
	}
	if sim.Calls() != 1 || tally.Calls() != 1 || tally.CacheHits() != 1 {
		t.Errorf("simulator calls %d, tally calls %d hits %d; want 1, 1, 1", sim.Calls(), tally.Calls(), tally.CacheHits())
	}
	// Searches change nothing but are not cached: they are what dashboards refresh.
	if _, err := client.Contacts.List(ctx, upstream.CursorOptions{PerPage: 5}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.Contacts.List(ctx, upstream.CursorOptions{PerPage: 5}); err != nil {
		t.Fatal(err)
	}
	if sim.Calls() != 2 {
		t.Errorf("a repeated contact list within the objects TTL cost %d calls in all, want 2", sim.Calls())
	}
}

func TestAZeroTTLDisablesAKind(t *testing.T) {
	sim := intercomsim.New(intercomsim.Options{Sizes: smallSizes})
	client := cachedClient(t, sim, intercomsim.DemoToken, cache.NewMemory(100), upstream.CacheTTL{Reference: time.Minute})
	ctx := context.Background()
	for range 2 {
		if _, err := client.Contacts.List(ctx, upstream.CursorOptions{PerPage: 5}); err != nil {
			t.Fatal(err)
		}
		if _, err := client.Admins.List(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if sim.Calls() != 3 {
		t.Errorf("%d calls: want contacts twice (objects TTL 0) and admins once", sim.Calls())
	}
}

func TestConcurrentIdenticalReadsShareOneCall(t *testing.T) {
	sim := intercomsim.New(intercomsim.Options{Sizes: smallSizes, Latency: 100 * time.Millisecond})
	client := cachedClient(t, sim, intercomsim.DemoToken, cache.NewMemory(100), upstream.DefaultCacheTTL())
	ctx, tally := upstream.WithTally(context.Background())
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if _, err := client.Admins.List(ctx); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if sim.Calls() != 1 || tally.Calls()+tally.CacheHits() != 10 {
		t.Errorf("10 concurrent reads: %d simulator calls, tally %d calls + %d hits", sim.Calls(), tally.Calls(), tally.CacheHits())
	}
}

// Two workspaces, two tokens, one shared cache: neither ever sees the other's data.
func TestCacheKeepsTenantsApart(t *testing.T) {
	shared := map[string]upstream.ResponseCache{"memory": cache.NewMemory(1000)}
	if redisCache, err := cache.NewRedis(redistest.Start(t), slog.New(slog.NewTextHandler(io.Discard, nil))); err == nil {
		t.Cleanup(func() { _ = redisCache.Close() })
		shared["redis"] = redisCache
	}
	for name, c := range shared {
		t.Run(name, func(t *testing.T) {
			sim := intercomsim.New(intercomsim.Options{Seed: 1, Sizes: smallSizes})
			sim.AddWorkspace("other-token", 2, intercomsim.Sizes{Admins: 3, Teams: 1, Contacts: 4})
			a := cachedClient(t, sim, intercomsim.DemoToken, c, upstream.DefaultCacheTTL())
			b := cachedClient(t, sim, "other-token", c, upstream.DefaultCacheTTL())
			ctx := context.Background()
			for range 2 {
				listA, err := a.Admins.List(ctx)
				if err != nil {
					t.Fatal(err)
				}
				listB, err := b.Admins.List(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if len(listA.Admins) != smallSizes.Admins || len(listB.Admins) != 3 {
					t.Fatalf("workspace A sees %d admins, B sees %d; want %d and 3", len(listA.Admins), len(listB.Admins), smallSizes.Admins)
				}
			}
			if sim.Calls() != 2 {
				t.Errorf("%d simulator calls; want one per workspace, the repeats from the cache", sim.Calls())
			}
		})
	}
}

func TestInvalidationOrphansOnlyTheNamedKinds(t *testing.T) {
	sim := intercomsim.New(intercomsim.Options{Sizes: smallSizes})
	client := cachedClient(t, sim, intercomsim.DemoToken, cache.NewMemory(100), upstream.DefaultCacheTTL())
	ctx := context.Background()
	read := func() {
		if _, err := client.Teams.List(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := client.Admins.List(ctx); err != nil {
			t.Fatal(err)
		}
	}
	read()
	read()
	if sim.Calls() != 2 {
		t.Fatalf("%d calls before invalidation, want 2", sim.Calls())
	}
	client.Invalidate(ctx, "teams")
	read()
	if sim.Calls() != 3 {
		t.Errorf("%d calls after invalidating teams; teams alone should be read again", sim.Calls())
	}
}

// A cache-only read answers from the cache or says it cannot; it never calls
// Intercom, not even for writes or kinds the cache does not keep.
func TestCacheOnlyReadsNeverCallIntercom(t *testing.T) {
	sim := intercomsim.New(intercomsim.Options{Sizes: smallSizes})
	client := cachedClient(t, sim, intercomsim.DemoToken, cache.NewMemory(100), upstream.CacheTTL{Reference: time.Minute})
	cacheOnly := upstream.CacheOnly(context.Background())
	if _, err := client.Teams.List(cacheOnly); !errors.Is(err, upstream.ErrNotCached) {
		t.Errorf("an empty cache: got %v, want ErrNotCached", err)
	}
	if _, err := client.Teams.List(context.Background()); err != nil {
		t.Fatal(err)
	}
	if list, err := client.Teams.List(cacheOnly); err != nil || len(list.Teams) == 0 {
		t.Errorf("a cached list: got %v, %v", list, err)
	}
	if _, err := client.Contacts.List(cacheOnly, upstream.CursorOptions{PerPage: 5}); !errors.Is(err, upstream.ErrNotCached) {
		t.Errorf("a kind the cache does not keep: got %v, want ErrNotCached", err)
	}
	if _, err := client.Tags.CreateOrUpdate(cacheOnly, upstream.TagRequest{Name: "never-sent"}); !errors.Is(err, upstream.ErrNotCached) {
		t.Errorf("a write: got %v, want ErrNotCached", err)
	}
	if sim.Calls() != 1 {
		t.Errorf("%d calls reached the simulator; want only the one uncached read", sim.Calls())
	}
}
