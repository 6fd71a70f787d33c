package httpapi_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"intercom-graphql/graph/live"
	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/loaders/cache"
	"intercom-graphql/loaders/cache/redistest"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// One Intercom app installed in several workspaces has one webhook URL. On a
// server of one workspace, another workspace's notification reaches no
// subscriber and leaves the cache alone.
func TestNotificationsOfAnotherWorkspaceReachNoSubscriber(t *testing.T) {
	broker := facadetest.NewLocalBroker(t, live.Options{})
	f := facadetest.NewLive(t, facadetest.Options{Cache: cache.NewMemory(1000), CacheTTL: upstream.CacheTTL{Reference: time.Minute, Objects: time.Minute},
		Configure: facadetest.WithBroker(broker)})
	id := firstContactID(t, f)
	readContact := contactReader(t, f, nil, id)
	readContact()

	contacts, _ := facadetest.OpenSSE(t, f, nil, `subscription { contactEvents { notificationId } }`, nil)
	companies, _ := facadetest.OpenSSE(t, f, nil, `subscription { companyEvents { notificationId } }`, nil)
	facadetest.WaitSubscribers(t, broker, 2)
	f.DeliverSigned(facadetest.NotificationFrom("another-workspace", "notif_foreign", "contact.user.updated", f.RESTObject("/contacts/"+id)))
	company := f.RESTObject("/companies/" + facadetest.Str(facadetest.Dig(f.Query(`{ companies(first: 1) { nodes { intercomId } } }`, nil).MustData(t), "companies", "nodes", 0, "intercomId")))
	f.DeliverSigned(f.Notification("notif_company", "company.updated", company))
	// Deliveries are processed in order: once the company event is out, the
	// foreign contact event has been dealt with.
	companies.Event()
	if calls := readContact(); calls != 0 {
		t.Errorf("another workspace's contact.user.updated invalidated this workspace's cached contact (the read cost %v calls)", calls)
	}
	f.DeliverSigned(f.Notification("notif_contact", "contact.user.updated", f.RESTObject("/contacts/"+id)))
	if got := facadetest.Str(facadetest.Dig(contacts.Event().MustData(t), "contactEvents", "notificationId")); got != "notif_contact" {
		t.Fatalf("the first contact event delivered is %q, want notif_contact: another workspace's notification reached a subscriber", got)
	}
}

// When callers bring their own tokens, each subscriber receives its own
// workspace's notifications only, and a notification invalidates the cached
// answers of its workspace only.
func TestPassThroughSubscribersSeeTheirOwnWorkspace(t *testing.T) {
	sim := newTwoWorkspaceSimulator(t)
	broker := facadetest.NewLocalBroker(t, live.Options{})
	server := newPassThroughReplica(t, sim, broker, cache.NewMemory(1000))
	a, b := workspaceUnder(t, sim, server, intercomsim.DemoToken), workspaceUnder(t, sim, server, "token-b")

	readA, readB := a.contactReader(), b.contactReader()
	readA()
	readB()
	subA, subB := a.subscribe(), b.subscribe()
	facadetest.WaitSubscribers(t, broker, 2)

	a.deliverContactUpdate("notif_a")
	b.deliverContactUpdate("notif_b")
	if got := a.nextEventID(subA); got != "notif_a" {
		t.Errorf("workspace A's subscriber received %q first, want notif_a", got)
	}
	if got := b.nextEventID(subB); got != "notif_b" {
		t.Errorf("workspace B's subscriber received %q first, want notif_b: A's notification crossed workspaces", got)
	}
	if calls := readA(); calls != 1 {
		t.Errorf("A's contact read after A's contact.user.updated cost %v calls, want 1 (invalidated)", calls)
	}
	b.deliverContactUpdate("notif_b_again")
	b.nextEventID(subB)
	if calls := readA(); calls != 0 {
		t.Errorf("B's notification invalidated A's cached contact (the read cost %v calls)", calls)
	}
}

// Replicas serving callers' own tokens share Redis: a webhook that reaches a
// replica which never saw its workspace's token still reaches that
// workspace's subscribers on another replica, which invalidates its cached
// answers before they see the event.
func TestPassThroughReplicasInvalidateWhatTheyServedWhereverTheWebhookLands(t *testing.T) {
	url := redistest.Start(t)
	shared, err := cache.NewRedis(url, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = shared.Close() })
	sim := newTwoWorkspaceSimulator(t)
	replica := func() (*httptest.Server, *live.Broker) {
		broker, err := live.NewRedis(context.Background(), shared.Client(), "pass-through-under-test", live.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(broker.Close)
		return newPassThroughReplica(t, sim, broker, shared), broker
	}
	receiving, _ := replica()
	serving, servingBroker := replica()
	a := workspaceUnder(t, sim, serving, intercomsim.DemoToken)

	readA := a.contactReader()
	readA()
	if calls := readA(); calls != 0 {
		t.Fatalf("a second read cost %v calls; the shared cache should answer it", calls)
	}
	sub := a.subscribe()
	facadetest.WaitSubscribers(t, servingBroker, 1)

	a.server = receiving // the webhook lands on the replica that never saw A's token
	a.deliverContactUpdate("notif_elsewhere")
	if got := a.nextEventID(sub); got != "notif_elsewhere" {
		t.Fatalf("A's subscriber received %q, want notif_elsewhere", got)
	}
	a.server = serving
	if calls := readA(); calls != 1 {
		t.Errorf("A's contact read after its contact.user.updated cost %v calls, want 1 (the serving replica must invalidate)", calls)
	}
}

func newTwoWorkspaceSimulator(t *testing.T) *intercomsim.Simulator {
	sim := intercomsim.New(intercomsim.Options{Seed: 1, Sizes: intercomsim.Sizes{Admins: 4, Teams: 2, Companies: 5, Contacts: 20, Conversations: 6}})
	sim.AddWorkspace("token-b", 2, intercomsim.Sizes{Admins: 3, Teams: 1, Companies: 4, Contacts: 12, Conversations: 4})
	if sim.Workspace(intercomsim.DemoToken).AppID() == sim.Workspace("token-b").AppID() {
		t.Fatal("the two workspaces share an id_code")
	}
	return sim
}

// newPassThroughReplica is a facade whose callers bring their own tokens,
// with objects cached for a minute.
func newPassThroughReplica(t *testing.T, sim *intercomsim.Simulator, broker *live.Broker, responses upstream.ResponseCache) *httptest.Server {
	simServer := httptest.NewServer(sim.Handler())
	t.Cleanup(simServer.Close)
	pool, err := upstream.NewPool(upstream.Config{BaseURL: simServer.URL, Cache: responses,
		CacheTTL: upstream.CacheTTL{Reference: time.Minute, Objects: time.Minute}}, 10)
	if err != nil {
		t.Fatal(err)
	}
	server := httptest.NewServer(httpapi.New(httpapi.Config{
		CursorKey: []byte("k"), Auth: httpapi.NewPassThrough(pool), Live: broker, WebhookSecret: facadetest.WebhookSecret,
		Limits: httpapi.Limits{RequestsPerMinute: -1}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}))
	t.Cleanup(server.Close)
	return server
}

// callerWorkspace is a caller of a pass-through facade with its own token,
// and the first contact of its workspace.
type callerWorkspace struct {
	t         *testing.T
	sim       *intercomsim.Simulator
	server    *httptest.Server
	token     string
	contactID string
}

func workspaceUnder(t *testing.T, sim *intercomsim.Simulator, server *httptest.Server, token string) *callerWorkspace {
	w := &callerWorkspace{t: t, sim: sim, server: server, token: token}
	data := postWithVariables(w.facade(), w.auth(), `{ contacts(first: 1) { nodes { intercomId } } }`, nil).MustData(t)
	w.contactID = facadetest.Str(facadetest.Dig(data, "contacts", "nodes", 0, "intercomId"))
	return w
}

func (w *callerWorkspace) facade() *facadetest.Facade {
	return &facadetest.Facade{T: w.t, Sim: w.sim, Server: w.server}
}

func (w *callerWorkspace) auth() map[string]string {
	return map[string]string{"Authorization": "Bearer " + w.token}
}

// contactReader reads the workspace's contact and returns what each read cost upstream.
func (w *callerWorkspace) contactReader() func() float64 {
	return contactReader(w.t, w.facade(), w.auth(), w.contactID)
}

func (w *callerWorkspace) subscribe() *facadetest.SSEClient {
	sse, resp := facadetest.OpenSSE(w.t, w.facade(), http.Header{"Authorization": {"Bearer " + w.token}}, `subscription { contactEvents { notificationId } }`, nil)
	if sse == nil {
		w.t.Fatalf("the subscription was refused: %d", resp.StatusCode)
	}
	return sse
}

func (w *callerWorkspace) nextEventID(sse *facadetest.SSEClient) string {
	w.t.Helper()
	return facadetest.Str(facadetest.Dig(sse.Event().MustData(w.t), "contactEvents", "notificationId"))
}

// deliverContactUpdate delivers the notification Intercom sends when the
// workspace's contact changes, signed, to the caller's replica.
func (w *callerWorkspace) deliverContactUpdate(notificationID string) {
	w.t.Helper()
	req := httptest.NewRequest(http.MethodGet, "/contacts/"+w.contactID, nil)
	req.Header.Set("Authorization", "Bearer "+w.token)
	rec := httptest.NewRecorder()
	w.sim.Handler().ServeHTTP(rec, req)
	var item map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &item); err != nil || rec.Code != http.StatusOK {
		w.t.Fatalf("GET /contacts/%s: %d %v", w.contactID, rec.Code, err)
	}
	w.facade().DeliverSigned(facadetest.NotificationFrom(w.sim.Workspace(w.token).AppID(), notificationID, "contact.user.updated", item))
}

// contactReader reads one contact through the graph and returns what each
// read cost upstream.
func contactReader(t *testing.T, f *facadetest.Facade, headers map[string]string, id string) func() float64 {
	return func() float64 {
		t.Helper()
		resp := postWithVariables(f, headers, `query($id: String!) { contact(intercomId: $id) { email } }`, map[string]any{"id": id})
		resp.MustData(t)
		return upstreamCalls(resp)
	}
}
