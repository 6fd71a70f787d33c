package cache

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/redis/go-redis/v9"
)

// Redis keeps answers in Redis so every replica of the facade shares them,
// and invalidations made by one replica's writes reach all of them.
type Redis struct {
	client *redis.Client
	log    *slog.Logger
}

// NewRedis connects to the Redis at url (redis://host:port/db).
func NewRedis(url string, log *slog.Logger) (*Redis, error) {
	opts, err := redis.ParseURL(url)
	if err != nil {
		return nil, err
	}
	return &Redis{client: redis.NewClient(opts), log: log}, nil
}

// Client is the underlying Redis client, for the other shared state
// (rate budget, subscriptions) that should use the same connection pool.
func (r *Redis) Client() *redis.Client { return r.client }

// Ping checks the connection.
func (r *Redis) Ping(ctx context.Context) error { return r.client.Ping(ctx).Err() }

// Close releases the connection pool.
func (r *Redis) Close() error { return r.client.Close() }

// Get returns a cached answer; an unreachable Redis is a miss, logged.
func (r *Redis) Get(ctx context.Context, key string) ([]byte, bool) {
	body, err := r.client.Get(ctx, key).Bytes()
	if err != nil {
		if !errors.Is(err, redis.Nil) {
			r.log.WarnContext(ctx, "cache read failed", "error", err)
		}
		return nil, false
	}
	return body, true
}

// Set stores an answer for ttl.
func (r *Redis) Set(ctx context.Context, key string, body []byte, ttl time.Duration) {
	if err := r.client.Set(ctx, key, body, ttl).Err(); err != nil {
		r.log.WarnContext(ctx, "cache write failed", "error", err)
	}
}

func generationKey(scope string) string { return "icg:gen:" + scope }

// Generation is the scope's current generation (0 when never bumped).
func (r *Redis) Generation(ctx context.Context, scope string) int64 {
	n, err := r.client.Get(ctx, generationKey(scope)).Int64()
	if err != nil && !errors.Is(err, redis.Nil) {
		r.log.WarnContext(ctx, "cache generation read failed", "error", err)
	}
	return n
}

// Bump starts a new generation for every replica at once.
func (r *Redis) Bump(ctx context.Context, scope string) {
	if err := r.client.Incr(ctx, generationKey(scope)).Err(); err != nil {
		r.log.WarnContext(ctx, "cache invalidation failed", "error", err)
	}
}

// spendScript counts one call under KEYS[1], first raising the count to what
// Intercom is known to have counted plus the calls counted under KEYS[2]
// (when given): replicas that saw a later answer teach the others about calls
// nobody recorded in the window. A call past the limit is refused and leaves
// the count, and its expiry, as they were.
var spendScript = redis.NewScript(`
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local floor = tonumber(ARGV[1])
if KEYS[2] then floor = floor + tonumber(redis.call('GET', KEYS[2]) or '0') end
if used < floor then used = floor end
if used >= tonumber(ARGV[3]) then return used + 1 end
used = used + 1
redis.call('SET', KEYS[1], used, 'PXAT', ARGV[2])
return used
`)

// Spend counts one call in a rate-limit window shared by every replica.
func (r *Redis) Spend(ctx context.Context, key string, atLeast int64, unseen string, limit int64, expireAt time.Time) (int64, error) {
	keys := []string{key}
	if unseen != "" {
		keys = append(keys, unseen)
	}
	return spendScript.Run(ctx, r.client, keys, atLeast, expireAt.UnixMilli(), limit).Int64()
}
