package upstream_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync"
	"testing"

	"intercom-graphql/loaders/cache"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// loseAnswers is a transport that delivers requests but loses the answer to
// the first n of those it matches: Intercom did the work, the caller never
// heard.
type loseAnswers struct {
	match func(*http.Request) bool
	n     int

	mu   sync.Mutex
	seen int // matching requests delivered
}

func (l *loseAnswers) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil || !l.match(req) {
		return resp, err
	}
	l.mu.Lock()
	l.seen++
	lose := l.seen <= l.n
	l.mu.Unlock()
	if lose {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return nil, io.ErrUnexpectedEOF
	}
	return resp, nil
}

func (l *loseAnswers) delivered() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.seen
}

func method(m string) func(*http.Request) bool {
	return func(r *http.Request) bool { return r.Method == m }
}

// A removal whose answer was lost is retried; the retry finds the object
// gone, which means the lost attempt removed it: the caller hears of success.
func TestARemovalRetriedAfterALostAnswerSucceeds(t *testing.T) {
	lose := &loseAnswers{match: method(http.MethodDelete), n: 1}
	f := newFixture(t, intercomsim.Options{}, upstream.Config{HTTPClient: &http.Client{Transport: lose}})
	ctx := context.Background()
	id := f.sim.Workspace(intercomsim.DemoToken).TagIDs()[0]
	if err := f.client.Tags.Delete(ctx, id); err != nil {
		t.Fatalf("a removal whose first answer was lost: %v", err)
	}
	if lose.delivered() != 2 {
		t.Errorf("DELETE sent %d times, want 2 (the lost attempt and its retry)", lose.delivered())
	}
	if _, err := f.client.Tags.Get(ctx, id); !upstream.IsNotFound(err) {
		t.Errorf("the tag reads back after its removal: %v", err)
	}
	// A removal of something that never existed stays a 404.
	if err := f.client.Tags.Delete(ctx, "424242"); !upstream.IsNotFound(err) {
		t.Errorf("removing an unknown tag: %v, want a 404", err)
	}
}

// A write that adds something is never retried: after a lost answer the
// caller hears of the failure, and the note exists once.
func TestAWriteThatAddsIsNotRetriedAfterALostAnswer(t *testing.T) {
	lose := &loseAnswers{match: method(http.MethodPost), n: 1}
	f := newFixture(t, intercomsim.Options{}, upstream.Config{HTTPClient: &http.Client{Transport: lose}})
	ws := f.sim.Workspace(intercomsim.DemoToken)
	contact := ws.ContactIDs()[0]
	before := len(ws.NoteIDs(contact))
	_, err := f.client.Notes.Create(context.Background(), contact, upstream.NoteRequest{Body: "Once"})
	var transportErr *upstream.TransportError
	if !errors.As(err, &transportErr) {
		t.Errorf("a note whose answer was lost: %v, want the transport failure", err)
	}
	if lose.delivered() != 1 || len(ws.NoteIDs(contact)) != before+1 {
		t.Errorf("POST sent %d times, %d notes added; want once and one", lose.delivered(), len(ws.NoteIDs(contact))-before)
	}
}

// A 503 is Intercom saying it failed: an idempotent write is tried again, a
// write that adds is not.
func TestWritesMeetingA503(t *testing.T) {
	f := newFixture(t, intercomsim.Options{}, upstream.Config{})
	ctx := context.Background()
	ws := f.sim.Workspace(intercomsim.DemoToken)
	contact := ws.ContactIDs()[1]

	remove := f.sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultStatus, Method: http.MethodPut, Path: "/contacts/" + contact, Status: 503, Times: 1})
	before := f.sim.Calls()
	if _, err := f.client.Contacts.Update(ctx, contact, upstream.ContactRequest{Name: upstream.Set("Retried")}); err != nil {
		t.Errorf("an update after a 503: %v", err)
	}
	if got := f.sim.Calls() - before; got != 2 {
		t.Errorf("the update took %d calls, want 2", got)
	}
	remove()

	f.sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultStatus, Method: http.MethodPost, Path: "/contacts", Status: 503, Times: 1})
	before = f.sim.Calls()
	_, err := f.client.Contacts.Create(ctx, upstream.ContactRequest{Email: ptr("once@example.org")})
	if !upstream.IsStatus(err, 503) {
		t.Errorf("a creation meeting a 503: %v, want the 503", err)
	}
	if got := f.sim.Calls() - before; got != 1 {
		t.Errorf("the creation took %d calls, want 1", got)
	}
}

// A successful write orphans the cached answers of what it changed, its own
// kind and the kinds it names; a refused one leaves the cache alone.
func TestWritesInvalidateWhatTheyChange(t *testing.T) {
	f := newFixture(t, intercomsim.Options{}, upstream.Config{Cache: cache.NewMemory(100), CacheTTL: upstream.DefaultCacheTTL()})
	ctx := context.Background()
	ws := f.sim.Workspace(intercomsim.DemoToken)
	contact, company := ws.ContactIDs()[2], ws.CompanyIDs()[0]
	read := func() (*upstream.Contact, *upstream.CompanyContactList) {
		c, err := f.client.Contacts.Get(ctx, contact)
		if err != nil {
			t.Fatal(err)
		}
		members, err := f.client.Companies.ListContacts(ctx, company, upstream.PageOptions{PerPage: upstream.MaxCompanyContactsPerPage})
		if err != nil {
			t.Fatal(err)
		}
		return c, members
	}
	read()
	before := f.sim.Calls()
	read()
	if f.sim.Calls() != before {
		t.Fatalf("repeated reads cost %d calls; they should come from the cache", f.sim.Calls()-before)
	}
	if _, err := f.client.Companies.AttachContact(ctx, contact, "000000000000000000000000"); !upstream.IsNotFound(err) {
		t.Fatalf("attaching an unknown company: %v", err)
	}
	before = f.sim.Calls()
	read()
	if f.sim.Calls() != before {
		t.Errorf("a refused write orphaned the cache (%d calls)", f.sim.Calls()-before)
	}
	if _, err := f.client.Companies.AttachContact(ctx, contact, company); err != nil {
		t.Fatal(err)
	}
	c, members := read()
	if !containsRef(c.Companies, company) {
		t.Errorf("the contact read after the write does not show company %s", company)
	}
	found := false
	for _, m := range members.Data {
		found = found || m.ID == contact
	}
	if !found {
		t.Errorf("the company's contacts read after the write do not show contact %s", contact)
	}
}

func containsRef(refs *upstream.AddressableRefs, id string) bool {
	for _, r := range refs.Data {
		if r.ID == id {
			return true
		}
	}
	return false
}
