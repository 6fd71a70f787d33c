package cache_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"intercom-graphql/loaders/cache"
	"intercom-graphql/loaders/cache/redistest"
	"intercom-graphql/upstream"
)

// Both caches must keep the same promises; each test runs on each.
func caches(t *testing.T) map[string]upstream.ResponseCache {
	redisCache, err := cache.NewRedis(redistest.Start(t), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = redisCache.Close() })
	return map[string]upstream.ResponseCache{"memory": cache.NewMemory(1000), "redis": redisCache}
}

func TestCachesStoreAndExpire(t *testing.T) {
	ctx := context.Background()
	for name, c := range caches(t) {
		t.Run(name, func(t *testing.T) {
			c.Set(ctx, "k", []byte("v"), time.Second)
			if got, ok := c.Get(ctx, "k"); !ok || string(got) != "v" {
				t.Fatalf("Get = %q %v", got, ok)
			}
			if _, ok := c.Get(ctx, "missing"); ok {
				t.Error("a key never set was found")
			}
			c.Set(ctx, "short", []byte("v"), 50*time.Millisecond)
			deadline := time.Now().Add(5 * time.Second)
			for {
				if _, ok := c.Get(ctx, "short"); !ok {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("an entry outlived its TTL by seconds")
				}
				time.Sleep(20 * time.Millisecond)
			}
		})
	}
}

func TestCachesBumpGenerationsPerScope(t *testing.T) {
	ctx := context.Background()
	for name, c := range caches(t) {
		t.Run(name, func(t *testing.T) {
			if c.Generation(ctx, "ws1:contacts") != 0 {
				t.Fatal("a fresh scope should be at generation 0")
			}
			c.Bump(ctx, "ws1:contacts")
			c.Bump(ctx, "ws1:contacts")
			if g := c.Generation(ctx, "ws1:contacts"); g != 2 {
				t.Errorf("generation after two bumps = %d", g)
			}
			if g := c.Generation(ctx, "ws2:contacts"); g != 0 {
				t.Errorf("another workspace's scope moved to %d", g)
			}
		})
	}
}

func TestMemoryCacheIsBounded(t *testing.T) {
	ctx := context.Background()
	c := cache.NewMemory(100)
	for i := range 5000 {
		c.Set(ctx, string(rune('a'+i%26))+time.Duration(i).String(), []byte("x"), time.Minute)
	}
	kept := func() int {
		n := 0
		for i := range 5000 {
			if _, ok := c.Get(ctx, string(rune('a'+i%26))+time.Duration(i).String()); ok {
				n++
			}
		}
		return n
	}
	// Eviction is amortised over reads and writes and can lag a burst on a
	// busy machine, so the bound is checked once the cache has caught up;
	// what matters is that 5,000 writes do not stay.
	deadline := time.Now().Add(10 * time.Second)
	n := kept()
	for n > 200 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
		n = kept()
	}
	if n > 200 {
		t.Errorf("a cache bounded at 100 entries kept %d of 5000", n)
	}
}
