package graph

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"intercom-graphql/upstream"
)

func TestOwnersKnowWhatTheyRecordedAndForgetWhatIsGone(t *testing.T) {
	o := &owners[upstream.ConversationPart]{kind: typeConversationPart}
	a, b := &upstream.ConversationPart{ID: "1"}, &upstream.ConversationPart{ID: "1"}
	recordOwner(o, "2400000000", []*upstream.ConversationPart{a})
	o.record(a, "2400000000") // handed out again, as a second page or a refetch does
	if owner, err := o.of(a); err != nil || owner != "2400000000" {
		t.Fatalf("of(a) = %q, %v; want its conversation", owner, err)
	}
	// Objects are told apart by identity, not by content: an equal part of
	// another conversation is another object.
	if _, err := o.of(b); err == nil || !strings.Contains(err.Error(), "ConversationPart") {
		t.Fatalf("of(b) = %v; want an error naming the type", err)
	}

	entries := func() int {
		n := 0
		o.m.Range(func(any, any) bool { n++; return true })
		return n
	}
	if n := entries(); n != 1 {
		t.Fatalf("%d entries for one object recorded twice", n)
	}
	runtime.KeepAlive(a) // a is unreachable from here on
	for deadline := time.Now().Add(5 * time.Second); entries() > 0; {
		if time.Now().After(deadline) {
			t.Fatal("the entry of a collected object was kept")
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
}
