package graph_test

import (
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// busiest is the contact with the most items by count.
func busiest(ws *intercomsim.Workspace, count func(string) int) string {
	best := ""
	for _, id := range ws.ContactIDs() {
		if best == "" || count(id) > count(best) {
			best = id
		}
	}
	return best
}

func notesWalk(contactID string) connWalk {
	return connWalk{
		query: `query($id: String!, $first: Int, $after: String, $last: Int, $before: String) {
		  contact(intercomId: $id) {
		    notes(first: $first, after: $after, last: $last, before: $before) {
		      totalCount edges { cursor node { intercomId } } nodes { intercomId }
		      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
		    }
		  }
		}`,
		vars: map[string]any{"id": contactID},
		path: []any{"contact", "notes"},
	}
}

// oddSizes is a workspace whose sizes are multiples of no page size the tests use.
var oddSizes = intercomsim.Options{Seed: 29, Sizes: intercomsim.Sizes{Admins: 7, Teams: 3, Tags: 9, Segments: 4, Companies: 11, Contacts: 67, Conversations: 13}}

func TestContactNotesWalkBothWaysAtOneCallPerPage(t *testing.T) {
	for name, opts := range map[string]facadetest.Options{"default sizes": {}, "odd sizes": {Sim: oddSizes}} {
		t.Run(name, func(t *testing.T) {
			f := facadetest.New(t, opts)
			ws := f.Sim.Workspace(intercomsim.DemoToken)
			contact := busiest(ws, func(id string) int { return len(ws.NoteIDs(id)) })
			want := ws.NoteIDs(contact)
			if len(want) < 21 {
				t.Fatalf("the busiest contact has %d notes; the seed should give some contacts more", len(want))
			}
			w := notesWalk(contact)
			for _, first := range []int{1, 7, 20, 50, 100} {
				ids, calls, pages := w.forward(t, f, first)
				assertInOrder(t, "notes forward", ids, want)
				// One call finds the contact; each page of at most 50 (Intercom's page) costs one more.
				perPage := 1
				if first > 50 {
					perPage = (min(first, len(want)) + 49) / 50
				}
				wantCalls := int64(pages * (1 + perPage))
				if calls > wantCalls || (first <= 50 && calls != wantCalls) {
					t.Errorf("first=%d: %d pages cost %d upstream calls, want %d", first, pages, calls, wantCalls)
				}
			}
			for _, last := range []int{1, 6, 20} {
				ids, _ := w.backward(t, f, last)
				assertInOrder(t, "notes backward", ids, want)
			}
		})
	}
}

func TestContactWithoutNotesCostsNoNotesCall(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	var quiet string
	for _, id := range ws.ContactIDs() {
		if len(ws.NoteIDs(id)) == 0 {
			quiet = id
			break
		}
	}
	before := f.Sim.Calls()
	data := f.Query(`query($id: String!) { contact(intercomId: $id) { notes(first: 5) { totalCount nodes { intercomId } pageInfo { hasNextPage } } } }`,
		map[string]any{"id": quiet}).MustData(t)
	if n := facadetest.Dig(data, "contact", "notes", "totalCount"); n != 0.0 {
		t.Errorf("a contact without notes has totalCount %v", n)
	}
	if calls := f.Sim.Calls() - before; calls != 1 {
		t.Errorf("a contact without notes cost %d upstream calls, want 1 (the contact)", calls)
	}
}

func TestNoteCursorsBelongToTheirContact(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	busy := busiest(ws, func(id string) int { return len(ws.NoteIDs(id)) })
	var other string
	for _, id := range ws.ContactIDs() {
		if id != busy && len(ws.NoteIDs(id)) > 1 {
			other = id
			break
		}
	}
	w := notesWalk(busy)
	_, conn := w.page(t, f, map[string]any{"first": 2})
	cursor := facadetest.Dig(conn, "pageInfo", "endCursor")
	query := `query($id: String!, $after: String) { contact(intercomId: $id) { notes(first: 2, after: $after) { totalCount } } }`
	for name, vars := range map[string]map[string]any{
		"another contact's cursor": {"id": other, "after": cursor},
		"a forged cursor":          {"id": busy, "after": "bm90LWEtY3Vyc29y"},
	} {
		resp := f.Query(query, vars)
		if code := codeOf(resp, "contact", "notes"); code != "BAD_USER_INPUT" {
			t.Errorf("%s: want BAD_USER_INPUT at contact.notes, got %s", name, resp.Raw)
		}
	}
	resp := f.Query(`query($id: String!) { contact(intercomId: $id) { notes(first: 2, last: 2) { totalCount } } }`, map[string]any{"id": busy})
	if codeOf(resp, "contact", "notes") != "BAD_USER_INPUT" {
		t.Errorf("first and last together: want BAD_USER_INPUT, got %s", resp.Raw)
	}
}

func TestNoteByIDResolvesAuthorAndContact(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	contact := busiest(ws, func(id string) int { return len(ws.NoteIDs(id)) })
	noteID := ws.NoteIDs(contact)[0]
	data := f.Query(`query($n: String!) {
	  note(intercomId: $n) { id intercomId body createdAt author { id name email } contact { intercomId email } }
	}`, map[string]any{"n": noteID}).MustData(t)
	note := facadetest.Dig(data, "note")
	if facadetest.Str(facadetest.Dig(note, "intercomId")) != noteID || facadetest.Str(facadetest.Dig(note, "contact", "intercomId")) != contact || facadetest.Str(facadetest.Dig(note, "author", "name")) == "" {
		t.Errorf("note = %v", note)
	}
	again := f.Query(`query($id: ID!) { node(id: $id) { id ... on Note { intercomId author { name } } } note(id: $id) { intercomId } }`,
		map[string]any{"id": facadetest.Dig(note, "id")}).MustData(t)
	if facadetest.Str(facadetest.Dig(again, "node", "intercomId")) != noteID || facadetest.Str(facadetest.Dig(again, "note", "intercomId")) != noteID {
		t.Errorf("node/note by global ID = %v", again)
	}
	resp := f.Query(`{ note(intercomId: "999999999") { id } }`, nil)
	if codeOf(resp, "note") != "NOT_FOUND" || facadetest.Dig(resp.Data, "note") != nil {
		t.Errorf("unknown note: %s", resp.Raw)
	}
}
