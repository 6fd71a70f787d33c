package httpapi_test

import (
	"net/http"
	"testing"
	"time"

	"intercom-graphql/upstream/intercomsim"
)

// Writes that add something are never retried: after a 503 or a timeout the
// client hears of the failure (a top-level error, the payload null) and
// Intercom was asked once. Writes that set a state are retried.
func TestWritesRetryOnlyWhenARepeatIsHarmless(t *testing.T) {
	f := newFacade(t, facadeOptions{sim: intercomsim.Options{Sizes: writeSizes}, attemptTimeout: 150 * time.Millisecond})
	ws := f.sim.Workspace(intercomsim.DemoToken)
	contact := globalID("Contact", ws.ContactIDs()[0])

	for _, fault := range []intercomsim.Fault{
		{Kind: intercomsim.FaultStatus, Method: http.MethodPost, Path: "/contacts/*", Status: 503},
		{Kind: intercomsim.FaultDelay, Method: http.MethodPost, Path: "/contacts/*", Delay: 300 * time.Millisecond},
	} {
		remove := f.sim.InjectFault(fault)
		before := f.sim.Calls()
		resp := f.query(createNoteDoc, map[string]any{"input": map[string]any{"contactId": contact, "body": "Once"}})
		remove()
		e, ok := resp.errorAt("createNote")
		if !ok || e.code() != "UPSTREAM_UNAVAILABLE" || dig(resp.Data, "createNote") != nil {
			t.Errorf("a note meeting a fault (%d): want a null payload and UPSTREAM_UNAVAILABLE, got %s", fault.Kind, resp.raw)
		}
		if calls := f.sim.Calls() - before; calls != 1 {
			t.Errorf("a note meeting a fault (%d) was sent %d times, want once", fault.Kind, calls)
		}
	}

	remove := f.sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultStatus, Method: http.MethodPut, Path: "/contacts/*", Status: 503, Times: 1})
	defer remove()
	before := f.sim.Calls()
	payload := succeeded(t, "updateContact", f.mutate(t, "updateContact", updateContactDoc, map[string]any{"id": contact, "name": "Retried"}))
	if dig(payload, "contact", "name") != "Retried" {
		t.Errorf("update payload = %v", payload)
	}
	if calls := f.sim.Calls() - before; calls != 2 {
		t.Errorf("an update meeting one 503 took %d calls, want 2 (it is retried)", calls)
	}
}

// Mutations of one request run in order, and each sees what the ones before
// it did: the loaders start afresh after a write.
func TestAMutationSeesTheWritesBeforeIt(t *testing.T) {
	f, ws := newWriteFacade(t)
	contact := globalID("Contact", ws.ContactIDs()[1])
	data := f.read(t, `mutation($contact: ID!) {
	  first: createOrUpdateTag(input: {name: "First wave"}) { tag { intercomId } }
	  tagged: tagContacts(input: {name: "First wave", contactIds: [$contact]}) { contacts { tags { nodes { name } } } }
	  renamed: createOrUpdateTag(input: {name: "Second wave"}) { tag { intercomId } }
	  again: tagContacts(input: {name: "Second wave", contactIds: [$contact]}) { contacts { tags { nodes { name } } } }
	}`, map[string]any{"contact": contact})
	names := func(key string) []string {
		var out []string
		for _, n := range dig(data, key, "contacts", 0, "tags", "nodes").([]any) {
			out = append(out, str(dig(n, "name")))
		}
		return out
	}
	if !containsStr(names("tagged"), "First wave") || containsStr(names("tagged"), "Second wave") {
		t.Errorf("after the first tagging the contact has %v", names("tagged"))
	}
	if !containsStr(names("again"), "First wave") || !containsStr(names("again"), "Second wave") {
		t.Errorf("after the second tagging the contact has %v", names("again"))
	}
}
