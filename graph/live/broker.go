package live

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// Options size a broker.
type Options struct {
	// Buffer is how many events a subscriber may leave unread before it is
	// ended as too slow (default 64).
	Buffer int
	// MaxSubscriptions bounds the subscriptions this process serves at once (default 1000).
	MaxSubscriptions int
	// DedupeWindow is how long a notification id is remembered (default DefaultDedupeWindow).
	DedupeWindow time.Duration
	Logger       *slog.Logger
}

// Defaults for Options' zero fields.
const (
	DefaultBuffer           = 64
	DefaultMaxSubscriptions = 1000
)

func (o Options) withDefaults() Options {
	if o.Buffer <= 0 {
		o.Buffer = DefaultBuffer
	}
	if o.MaxSubscriptions <= 0 {
		o.MaxSubscriptions = DefaultMaxSubscriptions
	}
	if o.DedupeWindow <= 0 {
		o.DedupeWindow = DefaultDedupeWindow
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// Broker takes verified notifications in and hands events to subscribers:
// in this process only (NewLocal), or on every replica sharing a Redis
// (NewRedis), where a notification received by one replica reaches the
// subscribers of all of them.
type Broker struct {
	hub   *Hub
	seen  deduper
	log   *slog.Logger
	relay func(ctx context.Context, body []byte) error // nil: deliver in this process

	prepare atomic.Pointer[func(context.Context, *Event)]

	closeOnce sync.Once
	stop      func()
}

// NewLocal builds a broker that serves this process's subscribers.
func NewLocal(opts Options) *Broker {
	opts = opts.withDefaults()
	return &Broker{
		hub:  NewHub(opts.Buffer, opts.MaxSubscriptions),
		seen: newMemoryDeduper(opts.DedupeWindow),
		log:  opts.Logger,
		stop: func() {},
	}
}

// NewRedis builds a broker whose notifications travel through Redis pub/sub
// on a channel named after namespace (replicas serving one workspace must
// share it; other workspaces must not), and whose deduplication is shared
// through Redis keys. It returns once the channel is subscribed, so a
// notification published after it returns reaches this replica.
func NewRedis(ctx context.Context, client *redis.Client, namespace string, opts Options) (*Broker, error) {
	opts = opts.withDefaults()
	channel := "icg:live:" + namespace
	pubsub := client.Subscribe(ctx, channel)
	if _, err := pubsub.Receive(ctx); err != nil {
		_ = pubsub.Close()
		return nil, fmt.Errorf("subscribing to the live channel in Redis: %w", err)
	}
	b := &Broker{
		hub: NewHub(opts.Buffer, opts.MaxSubscriptions),
		seen: &redisDeduper{client: client, prefix: "icg:webhook:" + namespace + ":", window: opts.DedupeWindow,
			fallback: newMemoryDeduper(opts.DedupeWindow), log: opts.Logger},
		log: opts.Logger,
		relay: func(ctx context.Context, body []byte) error {
			return client.Publish(ctx, channel, body).Err()
		},
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		// The channel closes when pubsub is closed; go-redis resubscribes by
		// itself after a dropped connection.
		for msg := range pubsub.Channel() {
			b.deliver(context.Background(), []byte(msg.Payload))
		}
	}()
	b.stop = func() {
		_ = pubsub.Close()
		<-done
	}
	return b, nil
}

// FirstDelivery records a notification id and reports whether it is the
// first delivery of that notification (on any replica, with Redis).
func (b *Broker) FirstDelivery(ctx context.Context, notificationID string) bool {
	return b.seen.first(ctx, notificationID)
}

// Forget lets a later redelivery of the notification be accepted again, for
// a delivery the server accepted but could not process.
func (b *Broker) Forget(ctx context.Context, notificationID string) {
	b.seen.forget(ctx, notificationID)
}

// Publish hands a verified notification body to the subscribers of every
// replica (with Redis) or of this process.
func (b *Broker) Publish(ctx context.Context, body []byte) error {
	if b.relay == nil {
		b.deliver(ctx, body)
		return nil
	}
	if err := b.relay(ctx, body); err != nil {
		return fmt.Errorf("publishing the notification through Redis: %w", err)
	}
	return nil
}

func (b *Broker) deliver(ctx context.Context, body []byte) {
	n, err := ParseNotification(body)
	if err != nil {
		b.log.WarnContext(ctx, "live event dropped: unreadable notification", "error", err)
		return
	}
	ev, err := Decode(n)
	if err != nil {
		b.log.WarnContext(ctx, "live event dropped: the item does not match its topic", "error", err)
		return
	}
	if prepare := b.prepare.Load(); prepare != nil {
		(*prepare)(ctx, ev)
	}
	b.hub.Deliver(ev)
}

// BeforeDelivery makes every replica run fn on each event it receives,
// before any of its subscribers sees the event: there the server orphans the
// cached answers the event makes stale, so subscribers resolving the event's
// relations read fresh ones. It replaces an earlier fn.
func (b *Broker) BeforeDelivery(fn func(context.Context, *Event)) {
	b.prepare.Store(&fn)
}

// Subscribe adds a subscriber receiving the events match accepts.
func (b *Broker) Subscribe(match func(*Event) bool) (*Subscription, error) {
	return b.hub.Subscribe(match)
}

// Subscriptions is the number of subscriptions this process serves.
func (b *Broker) Subscriptions() int { return b.hub.Len() }

// Close ends every subscription with ErrShuttingDown and stops listening to Redis.
func (b *Broker) Close() {
	b.closeOnce.Do(func() {
		b.hub.Close()
		b.stop()
		b.seen.close()
	})
}
