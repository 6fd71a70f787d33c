package live

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"intercom-graphql/loaders/cache/redistest"
)

func body(id string) []byte {
	b, _ := json.Marshal(map[string]any{"type": "notification_event", "id": id, "topic": "company.created",
		"data": map[string]any{"item": map[string]any{"type": "company", "id": "co-" + id, "name": "Acme"}}})
	return b
}

func receive(t *testing.T, s *Subscription) *Event {
	t.Helper()
	select {
	case ev := <-s.C:
		return ev
	case <-time.After(5 * time.Second):
		t.Fatal("no event arrived")
	}
	return nil
}

func TestLocalBrokerDeliversAndRemembersDeliveries(t *testing.T) {
	ctx := context.Background()
	b := NewLocal(Options{})
	defer b.Close()
	sub, _ := b.Subscribe(nil)
	if !b.FirstDelivery(ctx, "n1") || b.FirstDelivery(ctx, "n1") {
		t.Error("an id is new once")
	}
	b.Forget(ctx, "n1")
	if !b.FirstDelivery(ctx, "n1") {
		t.Error("a forgotten id is new again")
	}
	if err := b.Publish(ctx, body("n1")); err != nil {
		t.Fatal(err)
	}
	if ev := receive(t, sub); ev.Company == nil || ev.ObjectID != "co-n1" {
		t.Errorf("received %+v", ev)
	}
	// A notification whose item contradicts its topic reaches nobody.
	_ = b.Publish(ctx, []byte(`{"type":"notification_event","id":"bad","topic":"company.created","data":{"item":{"type":"contact","id":"1"}}}`))
	_ = b.Publish(ctx, body("n2"))
	if ev := receive(t, sub); ev.NotificationID != "n2" {
		t.Errorf("received %s, want n2", ev.NotificationID)
	}
}

// Brokers sharing a real redis-server and a namespace deliver each other's
// notifications and agree on which were already received; another
// namespace (another workspace) sees none of it.
func TestRedisBrokersShareNotificationsWithinANamespace(t *testing.T) {
	url := redistest.Start(t)
	ctx := context.Background()
	newBroker := func(namespace string) *Broker {
		opts, _ := redis.ParseURL(url)
		client := redis.NewClient(opts)
		t.Cleanup(func() { _ = client.Close() })
		b, err := NewRedis(ctx, client, namespace, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(b.Close)
		return b
	}
	a, b, other := newBroker("ws1"), newBroker("ws1"), newBroker("ws2")
	subA, _ := a.Subscribe(nil)
	subB, _ := b.Subscribe(nil)
	subOther, _ := other.Subscribe(nil)

	if !a.FirstDelivery(ctx, "n1") || b.FirstDelivery(ctx, "n1") {
		t.Error("replicas must agree that n1 was already received")
	}
	if !other.FirstDelivery(ctx, "n1") {
		t.Error("another workspace's notification ids are its own")
	}
	if err := a.Publish(ctx, body("n1")); err != nil {
		t.Fatal(err)
	}
	for name, sub := range map[string]*Subscription{"a": subA, "b": subB} {
		if ev := receive(t, sub); ev.NotificationID != "n1" {
			t.Errorf("%s received %s", name, ev.NotificationID)
		}
	}
	if err := other.Publish(ctx, body("n2")); err != nil {
		t.Fatal(err)
	}
	if ev := receive(t, subOther); ev.NotificationID != "n2" {
		t.Errorf("the other namespace received %s", ev.NotificationID)
	}
	select {
	case ev := <-subA.C:
		t.Errorf("a notification of another namespace arrived: %s", ev.NotificationID)
	case <-time.After(50 * time.Millisecond):
	}
	a.Close()
	if _, ok := <-subA.C; ok || subA.Err() != ErrShuttingDown {
		t.Error("closing a broker ends its subscriptions with ErrShuttingDown")
	}
}
