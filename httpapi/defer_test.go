package httpapi_test

import (
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"intercom-graphql/graph/relay"
	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// contactView asks for a contact at once and for its companies, segments
// and notes in two deferred fragments, each a call of its own upstream.
const contactView = `query($id: ID!) {
  contact(id: $id) {
    name email tags { nodes { name } }
    ... @defer(label: "companies") { companies { nodes { name } } }
    ...Activity @defer(label: "activity")
  }
}
fragment Activity on Contact { segments { nodes { name } } notes(first: 5) { nodes { body author { name } } } }`

// contactViewAtOnce is the same selection without @defer.
const contactViewAtOnce = `query($id: ID!) {
  contact(id: $id) {
    name email tags { nodes { name } }
    companies { nodes { name } }
    segments { nodes { name } }
    notes(first: 5) { nodes { body author { name } } }
  }
}`

const apolloAccept = "multipart/mixed;deferSpec=20220824,application/json"

// richContact is a contact with companies, segments and notes, as a global ID.
func richContact(t *testing.T, f *facadetest.Facade) (id, intercomID string) {
	t.Helper()
	for _, c := range f.Sim.Workspace(intercomsim.DemoToken).Contacts() {
		if len(c.CompanyIDs) > 0 && len(c.SegmentIDs) > 0 && c.Contact.Notes != nil && c.Contact.Notes.TotalCount > 0 {
			return relay.NodeID("Contact", c.Contact.ID), c.Contact.ID
		}
	}
	t.Fatal("the workspace has no contact with companies, segments and notes")
	return "", ""
}

// The first part carries what was not deferred, each deferred fragment
// comes in a part of its own with its path and label, the last part says
// hasNext: false, and what a client assembles is the answer of the same
// query without @defer. Apollo Client's Accept and a plain multipart/mixed
// get the same answer.
func TestDeferredFragmentsArriveInPartsThatMergeIntoTheWholeAnswer(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	id, _ := richContact(t, f)
	vars := map[string]any{"id": id}
	whole := f.Query(contactViewAtOnce, vars).MustData(t)
	for _, accept := range []string{apolloAccept, "multipart/mixed", "multipart/mixed; deferSpec=20220824"} {
		t.Run(accept, func(t *testing.T) {
			resp, _ := postDeferred(t, f, accept, contactView, vars)
			parts := allParts(t, multipartParts(t, resp))
			first := parts[0]
			if facadetest.Str(facadetest.Dig(first.Data, "contact", "email")) == "" || len(first.Errors) > 0 || !*first.HasNext {
				t.Fatalf("the first part should carry the contact, without errors, and hasNext: true: %s", first.Raw)
			}
			for _, deferred := range []string{"companies", "segments", "notes"} {
				if _, sent := facadetest.Dig(first.Data, "contact").(map[string]any)[deferred]; sent {
					t.Errorf("the first part should leave out the deferred %s, not hold a null in its place: %s", deferred, first.Raw)
				}
			}
			if !strings.Contains(first.Raw, `{"contact":{"name":`) {
				t.Errorf("the first part should keep the selection's order: %s", first.Raw)
			}
			labels := map[string]bool{}
			for _, p := range parts[1:] {
				for _, inc := range p.Incremental {
					if !reflect.DeepEqual(inc.Path, []any{"contact"}) || len(inc.Errors) > 0 {
						t.Errorf("a deferred fragment of the contact should come at path [contact], without errors: %s", p.Raw)
					}
					labels[inc.Label] = true
				}
			}
			if !labels["companies"] || !labels["activity"] || len(labels) != 2 {
				t.Errorf("want one incremental result for each label, got %v", labels)
			}
			if got := merged(t, parts); !reflect.DeepEqual(got, whole) {
				t.Errorf("the merged parts differ from the whole answer:\n got %v\nwant %v", got, whole)
			}
		})
	}
}

// gqlgen resolves a field without a resolver at once, even in a deferred
// fragment: it comes in the first part, null or not, and is not lost.
func TestPlainFieldsOfADeferredFragmentComeInTheFirstPart(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	for _, c := range f.Sim.Workspace(intercomsim.DemoToken).Contacts()[:10] {
		vars := map[string]any{"id": relay.NodeID("Contact", c.Contact.ID)}
		for _, q := range []struct{ whole, deferred string }{
			{`query($id: ID!) { contact(id: $id) { email phone externalId segments { totalCount } } }`,
				`query($id: ID!) { contact(id: $id) { email ... @defer { phone externalId segments { totalCount } } } }`},
			// An interface's object, its type unknown to the writer without __typename.
			{`query($id: ID!) { node(id: $id) { ... on Contact { email phone segments { totalCount } } } }`,
				`query($id: ID!) { node(id: $id) { ... on Contact { email ... @defer { phone segments { totalCount } } } } }`},
		} {
			whole := f.Query(q.whole, vars).MustData(t)
			resp, _ := postDeferred(t, f, apolloAccept, q.deferred, vars)
			parts := allParts(t, multipartParts(t, resp))
			if got := merged(t, parts); !reflect.DeepEqual(got, whole) {
				t.Errorf("the merged parts differ from the whole answer:\n got %v\nwant %v", got, whole)
			}
		}
	}
}

// Each part reports the upstream calls spent so far; the last one carries
// the operation's total, which is what the simulator saw and what the same
// query costs without @defer.
func TestTheLastPartCarriesTheOperationsUpstreamCalls(t *testing.T) {
	atOnce := facadetest.New(t, facadetest.Options{})
	id, _ := richContact(t, atOnce)
	vars := map[string]any{"id": id}
	atOnce.Query(contactViewAtOnce, vars).MustData(t)
	wholeCalls := atOnce.Sim.Calls()

	f := facadetest.New(t, facadetest.Options{})
	resp, _ := postDeferred(t, f, apolloAccept, contactView, vars)
	parts := allParts(t, multipartParts(t, resp))
	spent := int64(0)
	for i, p := range parts {
		if p.calls() < spent {
			t.Errorf("part %d reports %d calls, fewer than the part before it (%d)", i, p.calls(), spent)
		}
		spent = p.calls()
	}
	if spent != f.Sim.Calls() || spent != wholeCalls {
		t.Errorf("the last part reports %d calls; the simulator saw %d; the query without @defer costs %d", spent, f.Sim.Calls(), wholeCalls)
	}
	if parts[0].calls() >= spent {
		t.Errorf("the first part should be sent before the deferred fragments' calls: %d of %d", parts[0].calls(), spent)
	}
}

// A failing deferred fragment reports its error in its own incremental
// result, on its path; the first part and the other fragment stay clean.
func TestAnErrorInADeferredFragmentStaysInItsPart(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	id, intercomID := richContact(t, f)
	f.Sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultStatus, Status: 500, Path: "/contacts/" + intercomID + "/segments"})
	resp, _ := postDeferred(t, f, apolloAccept, contactView, map[string]any{"id": id})
	parts := allParts(t, multipartParts(t, resp))
	if len(parts[0].Errors) > 0 {
		t.Errorf("the first part should carry no error: %s", parts[0].Raw)
	}
	for _, p := range parts[1:] {
		for _, inc := range p.Incremental {
			switch inc.Label {
			case "companies":
				if len(inc.Errors) > 0 || len(listAt(inc.Data, "companies", "nodes")) == 0 {
					t.Errorf("the companies fragment should be whole and clean: %s", p.Raw)
				}
			case "activity":
				if len(inc.Errors) != 1 || inc.Errors[0].Code() != "UPSTREAM_UNAVAILABLE" || !reflect.DeepEqual(inc.Errors[0].Path, []any{"contact", "segments"}) {
					t.Errorf("the activity fragment should carry one UPSTREAM_UNAVAILABLE error at contact.segments: %s", p.Raw)
				}
				if len(listAt(inc.Data, "notes", "nodes")) == 0 {
					t.Errorf("the notes beside the failed segments should be served: %s", p.Raw)
				}
			}
		}
	}
}

// The cost limit holds across parts: the meter stops the deferred
// fragments' calls at the limit, says so in their part, and the last part
// reports exactly the limit.
func TestTheCostLimitHoldsAcrossParts(t *testing.T) {
	probe := facadetest.New(t, facadetest.Options{})
	id, _ := richContact(t, probe)
	resp, _ := postDeferred(t, probe, apolloAccept, contactView, map[string]any{"id": id})
	parts := allParts(t, multipartParts(t, resp))
	limit := int(parts[0].calls()) + 1 // the first part's calls, and one more
	if int64(limit) >= parts[len(parts)-1].calls() {
		t.Fatalf("the query should need more than %d calls", limit)
	}

	f := facadetest.New(t, facadetest.Options{MaxQueryCost: limit})
	resp, _ = postDeferred(t, f, apolloAccept, contactView, map[string]any{"id": id})
	parts = allParts(t, multipartParts(t, resp))
	if last := parts[len(parts)-1].calls(); last != int64(limit) || f.Sim.Calls() != int64(limit) {
		t.Errorf("want exactly %d calls reported and made, got %d reported, %d made", limit, last, f.Sim.Calls())
	}
	stopped := false
	for _, p := range parts[1:] {
		for _, inc := range p.Incremental {
			for _, e := range inc.Errors {
				stopped = stopped || e.Code() == "MAX_COST_EXCEEDED"
			}
		}
	}
	if !stopped || len(parts[0].Errors) > 0 {
		t.Errorf("the deferred fragments, not the first part, should say MAX_COST_EXCEEDED: %v", parts)
	}
}

// A query with @defer from a client that takes only one JSON answer is
// refused before any upstream call, saying what to accept; @defer(if:
// false) is no deferral, and a mutation cannot defer.
func TestDeferWithoutAnIncrementalAcceptIsRefusedWithACode(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	id, _ := richContact(t, f)
	vars := map[string]any{"id": id}
	for _, accept := range []string{"", "application/json", "application/graphql-response+json", "*/*"} {
		resp, _ := postDeferred(t, f, accept, contactView, vars)
		got := facadetest.Decode(t, resp)
		if got.Status != http.StatusNotAcceptable || len(got.Errors) != 1 || got.Errors[0].Code() != "BAD_USER_INPUT" ||
			!strings.Contains(got.Errors[0].Message, "multipart/mixed") {
			t.Errorf("Accept %q: want 406 BAD_USER_INPUT naming multipart/mixed, got %d %s", accept, got.Status, got.Raw)
		}
	}
	if f.Sim.Calls() != 0 {
		t.Errorf("refused queries made %d upstream calls", f.Sim.Calls())
	}
	resp, _ := postDeferred(t, f, "multipart/mixed;deferSpec=20990101", contactView, vars)
	if resp.StatusCode != http.StatusNotAcceptable {
		t.Errorf("a deferSpec we do not speak should be refused with 406, got %d", resp.StatusCode)
	}
	resp.Body.Close()

	notDeferred := strings.ReplaceAll(contactView, `@defer(label:`, `@defer(if: false, label:`)
	if got := f.Query(notDeferred, vars); len(got.Errors) > 0 || facadetest.Dig(got.Data, "contact", "segments") == nil {
		t.Errorf("@defer(if: false) should answer at once in JSON: %s", got.Raw)
	}

	mutation := `mutation { createOrUpdateTag(input: { name: "deferred" }) { tag { name ... @defer { id } } } }`
	resp, _ = postDeferred(t, f, apolloAccept, mutation, nil)
	if got := facadetest.Decode(t, resp); len(got.Errors) != 1 || got.Errors[0].Code() != "BAD_USER_INPUT" || !strings.Contains(got.Errors[0].Message, "queries only") {
		t.Errorf("a mutation with @defer should be refused: %s", got.Raw)
	}
}

// A persisted query may defer: registered with its document, then sent by
// its hash alone, it is answered in parts; so is a query over GET. A
// fragment deferred in a list comes at its item's path.
func TestPersistedQueriesAndGETCanDefer(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	query := `{ contacts(first: 3) { nodes { email ... @defer(label: "segments") { segments { totalCount } } } } }`
	whole := f.Query(strings.ReplaceAll(query, `... @defer(label: "segments")`, `...`), nil).MustData(t)
	for _, body := range [][]byte{persisted(hashOf(query), query), persisted(hashOf(query), "")} {
		resp, _ := postBody(t, f, apolloAccept, body)
		parts := allParts(t, multipartParts(t, resp))
		if len(parts) != 4 {
			t.Errorf("want the first part and one for each of the 3 contacts, got %d", len(parts))
		}
		for _, p := range parts[1:] {
			if path := p.Incremental[0].Path; len(path) != 3 || path[0] != "contacts" || path[1] != "nodes" {
				t.Errorf("a contact's fragment should come at contacts.nodes.<index>, got %v", path)
			}
		}
		if got := merged(t, parts); !reflect.DeepEqual(got, whole) {
			t.Errorf("the merged parts differ from the whole answer:\n got %v\nwant %v", got, whole)
		}
	}
	req, _ := http.NewRequest(http.MethodGet, f.Server.URL+"/graphql?query="+url.QueryEscape(query), nil)
	req.Header.Set("Accept", "multipart/mixed")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if got := merged(t, allParts(t, multipartParts(t, resp))); !reflect.DeepEqual(got, whole) {
		t.Errorf("over GET, the merged parts differ from the whole answer:\n got %v\nwant %v", got, whole)
	}
}

// @stream is not served: gqlgen does not implement it, and the schema does
// not declare it, so a query using it is refused with a code.
func TestStreamIsRefusedAsAnUnknownDirective(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	resp := f.Query(`{ contacts(first: 3) { nodes @stream(initialCount: 1) { email } } }`, nil)
	if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" || !strings.Contains(resp.Errors[0].Message, "stream") {
		t.Errorf("want one BAD_USER_INPUT error naming @stream, got %s", resp.Raw)
	}
}

// A client that takes only multipart/mixed gets a query without @defer as
// one part; so does a query that defers only root fields.
func TestAQueryWithoutDeferIsOnePartForAMultipartOnlyClient(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	resp, _ := postDeferred(t, f, "multipart/mixed", `{ me { name } }`, nil)
	parts := allParts(t, multipartParts(t, resp))
	if len(parts) != 1 || facadetest.Str(facadetest.Dig(parts[0].Data, "me", "name")) == "" {
		t.Errorf("want one part with the data and hasNext: false, got %v", parts)
	}
	// gqlgen resolves root fields at once: deferring them changes nothing.
	resp, _ = postDeferred(t, f, apolloAccept, `{ ... @defer { me { name } } }`, nil)
	parts = allParts(t, multipartParts(t, resp))
	if len(parts) != 1 || facadetest.Str(facadetest.Dig(parts[0].Data, "me", "name")) == "" {
		t.Errorf("a deferred root field comes in the one part, got %v", parts)
	}
}

// Over Server-Sent Events the same parts come as next events, then complete.
func TestDeferredFragmentsArriveAsEventsOverSSE(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	id, _ := richContact(t, f)
	vars := map[string]any{"id": id}
	whole := f.Query(contactViewAtOnce, vars).MustData(t)
	before := f.Sim.Calls()
	c, resp := facadetest.OpenSSE(t, f, nil, contactView, vars)
	if c == nil {
		t.Fatalf("the event stream was refused: %d", resp.StatusCode)
	}
	parts := ssePayloads(t, c)
	if len(parts) != 3 || !*parts[0].HasNext || *parts[len(parts)-1].HasNext {
		t.Fatalf("want three parts, the last with hasNext: false, got %v", parts)
	}
	if got := merged(t, parts); !reflect.DeepEqual(got, whole) {
		t.Errorf("the merged events differ from the whole answer:\n got %v\nwant %v", got, whole)
	}
	if spent := parts[2].calls(); spent != f.Sim.Calls()-before {
		t.Errorf("the last event reports %d calls; the simulator saw %d", spent, f.Sim.Calls()-before)
	}
}

// The first part does not wait for a deferred fragment's upstream call; a
// client that leaves mid-stream ends the operation: its request finishes,
// the held upstream calls are dropped, and nothing is left running. Run
// repeatedly, as a lost fragment hangs the writer only some of the time.
func TestAClientLeavingMidStreamEndsTheOperation(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	t.Run("leaving", func(t *testing.T) {
		f := facadetest.New(t, facadetest.Options{})
		id, intercomID := richContact(t, f)
		f.Sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultDelay, Delay: time.Minute, Path: "/contacts/" + intercomID + "/segments"})
		for round := range 10 {
			accept := apolloAccept
			if round%2 == 1 {
				accept = "text/event-stream"
			}
			resp, leave := postDeferred(t, f, accept, contactView, map[string]any{"id": id})
			if first := firstPayload(t, resp); !*first.HasNext || facadetest.Dig(first.Data, "contact", "email") == nil {
				t.Fatalf("%s: the first part should come while the segments are held: %s", accept, first.Raw)
			}
			leave()
			waitForRequestsLogged(t, f, round+1)
		}
	})
	goleak.VerifyNone(t, ignore)
}

// The request timeout (REQUEST_TIMEOUT, not only its default) ends a deferred
// fragment held upstream, over multipart/mixed and over Server-Sent Events:
// its part says why, on its path, and the answer ends properly.
func TestTheRequestTimeoutEndsAHeldFragmentWithAnError(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.Limits.RequestTimeout = 300 * time.Millisecond }})
	id, intercomID := richContact(t, f)
	f.Sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultDelay, Delay: time.Minute, Path: "/contacts/" + intercomID + "/segments"})
	vars := map[string]any{"id": id}
	for _, transport := range []string{"multipart", "sse"} {
		t.Run(transport, func(t *testing.T) {
			start := time.Now()
			var parts []payload
			if transport == "sse" {
				c, resp := facadetest.OpenSSE(t, f, nil, contactView, vars)
				if c == nil {
					t.Fatalf("the event stream was refused: %d", resp.StatusCode)
				}
				parts = ssePayloads(t, c)
			} else {
				resp, _ := postDeferred(t, f, apolloAccept, contactView, vars)
				parts = allParts(t, multipartParts(t, resp))
			}
			held := false
			for _, p := range parts[1:] {
				for _, inc := range p.Incremental {
					if e, ok := (facadetest.Response{Errors: inc.Errors}).ErrorAt("contact", "segments"); ok && e.Code() == "UPSTREAM_UNAVAILABLE" {
						held = true
					}
				}
			}
			if !held {
				t.Errorf("the held segments should fail with UPSTREAM_UNAVAILABLE in their part: %v", parts)
			}
			// Far below the 30 s default, far above the 300 ms set.
			if elapsed := time.Since(start); elapsed > 10*time.Second {
				t.Errorf("the answer took %v: the request timeout set was not applied", elapsed)
			}
		})
	}
}

// waitForRequestsLogged waits until the access log holds n finished
// requests to /graphql: a request is logged when its handler returns.
func waitForRequestsLogged(t *testing.T, f *facadetest.Facade, n int) {
	t.Helper()
	deadline := time.Now().Add(facadetest.LiveTimeout)
	for {
		logged := strings.Count(f.Logs.String(), `"msg":"request"`)
		if logged >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d requests finished; the one the client left is still running", logged)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
