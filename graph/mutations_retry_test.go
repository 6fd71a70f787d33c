package graph_test

import (
	"net/http"
	"testing"
	"time"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// Writes that add something are never retried: after a 503 or a timeout the
// client hears of the failure (a top-level error, the payload null) and
// Intercom was asked once. Writes that set a state are retried.
func TestWritesRetryOnlyWhenARepeatIsHarmless(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: writeSizes}, AttemptTimeout: 150 * time.Millisecond})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	contact := facadetest.GlobalID("Contact", ws.ContactIDs()[0])

	for _, fault := range []intercomsim.Fault{
		{Kind: intercomsim.FaultStatus, Method: http.MethodPost, Path: "/contacts/*", Status: 503},
		{Kind: intercomsim.FaultDelay, Method: http.MethodPost, Path: "/contacts/*", Delay: 300 * time.Millisecond},
	} {
		remove := f.Sim.InjectFault(fault)
		before := f.Sim.Calls()
		resp := f.Query(createNoteDoc, map[string]any{"input": map[string]any{"contactId": contact, "body": "Once"}})
		remove()
		e, ok := resp.ErrorAt("createNote")
		if !ok || e.Code() != "UPSTREAM_UNAVAILABLE" || facadetest.Dig(resp.Data, "createNote") != nil {
			t.Errorf("a note meeting a fault (%d): want a null payload and UPSTREAM_UNAVAILABLE, got %s", fault.Kind, resp.Raw)
		}
		if calls := f.Sim.Calls() - before; calls != 1 {
			t.Errorf("a note meeting a fault (%d) was sent %d times, want once", fault.Kind, calls)
		}
	}

	remove := f.Sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultStatus, Method: http.MethodPut, Path: "/contacts/*", Status: 503, Times: 1})
	defer remove()
	before := f.Sim.Calls()
	payload := facadetest.Succeeded(t, "updateContact", f.Mutate(t, "updateContact", updateContactDoc, map[string]any{"id": contact, "name": "Retried"}))
	if facadetest.Dig(payload, "contact", "name") != "Retried" {
		t.Errorf("update payload = %v", payload)
	}
	if calls := f.Sim.Calls() - before; calls != 2 {
		t.Errorf("an update meeting one 503 took %d calls, want 2 (it is retried)", calls)
	}
}

// Mutations of one request run in order, and each sees what the ones before
// it did: the loaders start afresh after a write.
func TestAMutationSeesTheWritesBeforeIt(t *testing.T) {
	f, ws := newWriteFacade(t)
	contact := facadetest.GlobalID("Contact", ws.ContactIDs()[1])
	data := readBack(t, f, `mutation($contact: ID!) {
	  first: createOrUpdateTag(input: {name: "First wave"}) { tag { intercomId } }
	  tagged: tagContacts(input: {name: "First wave", contactIds: [$contact]}) { contacts { tags { nodes { name } } } }
	  renamed: createOrUpdateTag(input: {name: "Second wave"}) { tag { intercomId } }
	  again: tagContacts(input: {name: "Second wave", contactIds: [$contact]}) { contacts { tags { nodes { name } } } }
	}`, map[string]any{"contact": contact})
	names := func(key string) []string {
		var out []string
		for _, n := range facadetest.Dig(data, key, "contacts", 0, "tags", "nodes").([]any) {
			out = append(out, facadetest.Str(facadetest.Dig(n, "name")))
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
