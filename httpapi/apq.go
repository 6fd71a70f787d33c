package httpapi

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisQueryStore keeps automatic persisted queries in Redis, so a query a
// client registered through one replica is known to all of them.
type RedisQueryStore struct {
	client *redis.Client
	ttl    time.Duration
}

// NewRedisQueryStore keeps each registered query for ttl after its last registration.
func NewRedisQueryStore(client *redis.Client, ttl time.Duration) *RedisQueryStore {
	return &RedisQueryStore{client: client, ttl: ttl}
}

// Get returns the query registered under a hash.
func (s *RedisQueryStore) Get(ctx context.Context, hash string) (string, bool) {
	q, err := s.client.Get(ctx, "icg:apq:"+hash).Result()
	return q, err == nil
}

// Add registers a query under its hash.
func (s *RedisQueryStore) Add(ctx context.Context, hash, query string) {
	s.client.Set(ctx, "icg:apq:"+hash, query, s.ttl)
}
