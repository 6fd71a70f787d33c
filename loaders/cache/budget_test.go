package cache_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"intercom-graphql/loaders/cache"
	"intercom-graphql/loaders/cache/redistest"
)

// The shared rate budget counts every replica's calls in a window, never
// below what Intercom or the unseen calls say, and refuses past the limit
// without spending.
func TestSharedBudgetCountsRaisesAndRefuses(t *testing.T) {
	ctx := context.Background()
	r, err := cache.NewRedis(redistest.Start(t), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	expire := time.Now().Add(time.Minute)
	spend := func(key string, atLeast int64, unseen string, limit int64) int64 {
		t.Helper()
		n, err := r.Spend(ctx, key, atLeast, unseen, limit, expire)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := spend("w", 0, "", 10); n != 1 {
		t.Fatalf("the first call of a window counted %d", n)
	}
	if n := spend("w", 5, "", 10); n != 6 {
		t.Errorf("a call after Intercom counted 5 counted %d, want 6", n)
	}
	if n := spend("w", 0, "", 10); n != 7 {
		t.Errorf("a lower floor lowered the count: %d, want 7", n)
	}
	spend("unseen", 0, "", 100)
	spend("unseen", 0, "", 100)
	if n := spend("w", 7, "unseen", 10); n != 10 {
		t.Errorf("two unseen calls on a floor of 7 counted %d, want 10", n)
	}
	if n := spend("w", 0, "", 10); n != 11 {
		t.Errorf("a call past the limit answered %d, want 11 (refused)", n)
	}
	if n := spend("w", 0, "", 10); n != 11 {
		t.Errorf("a refused call was counted: the next one answered %d, want 11", n)
	}
	if n := spend("other", 0, "", 10); n != 1 {
		t.Errorf("another window shared the count: %d", n)
	}
}

// A refused call does not extend the count's life: a window that filled
// ends when it was set to, however many callers keep asking.
func TestSharedBudgetRefusalLeavesExpiry(t *testing.T) {
	ctx := context.Background()
	r, err := cache.NewRedis(redistest.Start(t), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := r.Spend(ctx, "u", 0, "", 1, time.Now().Add(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		n, err := r.Spend(ctx, "u", 0, "", 1, time.Now().Add(300*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		if n == 1 {
			return // the count expired and this call was the first of a new one
		}
		if time.Now().After(deadline) {
			t.Fatal("refused calls kept a full count alive for 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
