package live

import (
	"errors"
	"testing"
)

func event(id string) *Event {
	return &Event{NotificationID: id, Topic: "contact.user.updated", Resource: Contacts, ObjectID: id}
}

// A reader that falls a whole buffer behind is ended with a reason; the
// others receive every event, and delivery never waits.
func TestHubEndsASlowSubscriberAndKeepsTheOthers(t *testing.T) {
	hub := NewHub(2, 10)
	slow, _ := hub.Subscribe(nil)
	fast, _ := hub.Subscribe(nil)
	var fastGot []string
	for _, id := range []string{"a", "b", "c", "d"} {
		hub.Deliver(event(id)) // would block here if a full buffer made delivery wait
		fastGot = append(fastGot, (<-fast.C).NotificationID)
	}
	if len(fastGot) != 4 || fastGot[3] != "d" {
		t.Errorf("the fast subscriber received %v", fastGot)
	}
	var slowGot []string
	for ev := range slow.C {
		slowGot = append(slowGot, ev.NotificationID)
	}
	if len(slowGot) != 2 || slowGot[0] != "a" || slowGot[1] != "b" {
		t.Errorf("the slow subscriber keeps what its buffer held, got %v", slowGot)
	}
	if !errors.Is(slow.Err(), ErrSlowSubscriber) || fast.Err() != nil {
		t.Errorf("reasons: slow %v, fast %v", slow.Err(), fast.Err())
	}
	if hub.Len() != 1 {
		t.Errorf("the hub still serves %d subscriptions, want 1", hub.Len())
	}
}

func TestHubDeliversOnlyWhatASubscriberAccepts(t *testing.T) {
	hub := NewHub(4, 10)
	only, _ := hub.Subscribe(func(ev *Event) bool { return ev.ObjectID == "b" })
	hub.Deliver(event("a"))
	hub.Deliver(event("b"))
	hub.Deliver(event("c"))
	only.Close()
	var got []string
	for ev := range only.C {
		got = append(got, ev.NotificationID)
	}
	if len(got) != 1 || got[0] != "b" || only.Err() != nil {
		t.Errorf("received %v (err %v), want [b] and no error after closing it", got, only.Err())
	}
	only.Close() // closing twice is harmless
}

func TestHubBoundsSubscriptionsAndShutsDown(t *testing.T) {
	hub := NewHub(1, 2)
	a, _ := hub.Subscribe(nil)
	if _, err := hub.Subscribe(nil); err != nil {
		t.Fatal(err)
	}
	var limit *LimitError
	if _, err := hub.Subscribe(nil); !errors.As(err, &limit) || limit.Max != 2 {
		t.Fatalf("a third subscription: %v, want a LimitError of 2", err)
	}
	a.Close()
	if _, err := hub.Subscribe(nil); err != nil {
		t.Errorf("a freed slot must be served again: %v", err)
	}
	hub.Close()
	if _, ok := <-a.C; ok {
		t.Error("a closed subscription's channel must be closed")
	}
	if _, err := hub.Subscribe(nil); !errors.Is(err, ErrShuttingDown) {
		t.Errorf("subscribing after shutdown: %v", err)
	}
	if hub.Len() != 0 {
		t.Errorf("%d subscriptions survive shutdown", hub.Len())
	}
}

func TestEndingIsReportedOnce(t *testing.T) {
	var nothing *Ending
	nothing.Set(ErrSlowSubscriber) // outside a subscription there is nowhere to record it
	if nothing.Report() != nil {
		t.Error("a nil Ending reports nothing")
	}
	e := &Ending{}
	e.Set(ErrSlowSubscriber)
	e.Set(ErrShuttingDown)
	if !errors.Is(e.Report(), ErrSlowSubscriber) || e.Report() != nil {
		t.Error("the first reason is reported, once")
	}
}
