package loaders_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// missingID is an id no object of the simulated workspace has.
const missingID = "404040404"

// loaderCase is one loader, with the ids of its objects and what a batch of
// three of them costs upstream.
type loaderCase struct {
	name string
	load loadFunc
	ids  func(ws *intercomsim.Workspace) []string
	// calls is what three ids asked for in one tick cost; missingCalls what
	// a fourth, missing id adds.
	calls, missingCalls int64
	// kind is the Kind of the NotFoundError a missing id gets; "" when the
	// loader passes on Intercom's own 404.
	kind string
}

func loaderCases() []loaderCase {
	return []loaderCase{
		// Intercom can search these by id: a batch is one search, and an id
		// the search lacks is asked for alone, as the index may lag.
		{name: "contacts", load: many((*loaders.Loaders).Contacts), ids: (*intercomsim.Workspace).ContactIDs,
			calls: 1, missingCalls: 1, kind: "Contact"},
		{name: "conversations as lists show them", load: thunks((*loaders.Loaders).ConversationSummaryThunk), ids: (*intercomsim.Workspace).ConversationIDs,
			calls: 1, missingCalls: 1, kind: "Conversation"},
		{name: "tickets", load: thunks((*loaders.Loaders).TicketThunk), ids: (*intercomsim.Workspace).TicketIDs,
			calls: 1, missingCalls: 1, kind: "Ticket"},
		// Reference data: one id alone is one GET, several are one list.
		{name: "tags", load: many((*loaders.Loaders).TagsByID), ids: (*intercomsim.Workspace).TagIDs, calls: 1, kind: "Tag"},
		{name: "segments", load: thunks((*loaders.Loaders).SegmentThunk), ids: (*intercomsim.Workspace).SegmentIDs, calls: 1, kind: "Segment"},
		{name: "ticket types", load: thunks((*loaders.Loaders).TicketTypeThunk), ids: (*intercomsim.Workspace).TicketTypeIDs, calls: 1, kind: "TicketType"},
		// No bulk endpoint: a batch fans out, one GET an id.
		{name: "companies", load: many((*loaders.Loaders).Companies), ids: (*intercomsim.Workspace).CompanyIDs, calls: 3, missingCalls: 1},
		{name: "conversations in full", load: thunks((*loaders.Loaders).ConversationThunk), ids: (*intercomsim.Workspace).ConversationIDs,
			calls: 3, missingCalls: 1},
		{name: "articles", load: thunks((*loaders.Loaders).ArticleThunk), ids: (*intercomsim.Workspace).ArticleIDs, calls: 3, missingCalls: 1},
		{name: "collections", load: many((*loaders.Loaders).Collections), ids: (*intercomsim.Workspace).CollectionIDs, calls: 3, missingCalls: 1},
		{name: "news items", load: thunks((*loaders.Loaders).NewsItemThunk), ids: (*intercomsim.Workspace).NewsItemIDs, calls: 3, missingCalls: 1},
	}
}

// Each key gets its own object, in the order the keys were given (not the
// order Intercom answered in), and a missing id fails only its own key,
// with a not-found error.
func TestLoadersAnswerEachKeyInOrderWithItsOwnError(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, tc := range loaderCases() {
		existing := tc.ids(f.ws)
		if len(existing) < 3 {
			t.Fatalf("%s: the workspace has %d, the test needs 3", tc.name, len(existing))
		}
		// Last first, so an answer in Intercom's order would not pass.
		three := []string{existing[len(existing)-1], existing[0], existing[len(existing)/2]}
		for _, sc := range []struct {
			name  string
			keys  []string
			calls int64
		}{
			{"every id exists", three, tc.calls},
			{"one id is missing", []string{three[0], missingID, three[1], three[2]}, tc.calls + tc.missingCalls},
		} {
			t.Run(tc.name+"/"+sc.name, func(t *testing.T) {
				var got []string
				var errs []error
				calls := f.calls(func() { got, errs = tc.load(ctx, loaders.New(f.client), sc.keys) })
				for i, key := range sc.keys {
					switch {
					case key != missingID && (errs[i] != nil || got[i] != key):
						t.Errorf("key %d (%s): got %q, %v", i, key, got[i], errs[i])
					case key == missingID && (got[i] != "" || !upstream.IsNotFound(errs[i])):
						t.Errorf("missing key %d: got %q, %v; want nothing and not found", i, got[i], errs[i])
					case key == missingID && tc.kind != "":
						var nf *upstream.NotFoundError
						if !errors.As(errs[i], &nf) || nf.Kind != tc.kind || nf.ID != missingID {
							t.Errorf("missing key %d: %#v, want a NotFoundError of %s %s", i, errs[i], tc.kind, missingID)
						}
					}
				}
				if calls != sc.calls {
					t.Errorf("%d upstream calls, want %d", calls, sc.calls)
				}
			})
		}
	}
}

// Within one operation an object is fetched once, however many fields ask
// for it; a key repeated in one batch is one key.
func TestLoadersFetchAnObjectOncePerOperation(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, tc := range loaderCases() {
		t.Run(tc.name, func(t *testing.T) {
			existing := tc.ids(f.ws)
			keys := []string{existing[0], existing[1], existing[0]}
			l := loaders.New(f.client)
			first := f.calls(func() { tc.load(ctx, l, keys) })
			slices.Reverse(keys)
			again := f.calls(func() { tc.load(ctx, l, keys) })
			if want := min(tc.calls, 2); first != want || again != 0 {
				t.Errorf("%d calls, then %d asking again; want %d, then 0", first, again, want)
			}
		})
	}
}

// A write renews the operation's loaders: what was read before the write is
// read again after it, and the new loaders keep the old ones' options.
func TestRenewGivesTheRestOfTheOperationFreshLoaders(t *testing.T) {
	f := newFixture(t)
	contacts := f.ws.ContactIDs()
	for _, tc := range []struct {
		name      string
		opts      loaders.Options
		batchCost int64 // two contacts asked for in one tick
	}{
		{"batched", loaders.Options{}, 1},
		{"unbatched", loaders.Options{Unbatched: true}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := loaders.With(context.Background(), loaders.NewWithOptions(f.client, tc.opts))
			before := loaders.For(ctx)
			if _, err := before.Contact(ctx, contacts[0]); err != nil {
				t.Fatal(err)
			}
			name := "Renamed in the test"
			if _, err := f.client.Contacts.Update(ctx, contacts[0], upstream.ContactRequest{Name: upstream.Set(name)}); err != nil {
				t.Fatal(err)
			}
			loaders.Renew(ctx)
			after := loaders.For(ctx)
			if after == before || after.Client() != f.client {
				t.Fatalf("Renew left the loaders %p (were %p) over client %p", after, before, after.Client())
			}
			var got *upstream.Contact
			calls := f.calls(func() {
				var err error
				if got, err = after.Contact(ctx, contacts[0]); err != nil {
					t.Fatal(err)
				}
			})
			if calls != 1 || got.Name == nil || *got.Name != name {
				t.Errorf("after Renew: %d calls, name %v; want 1 call and %q", calls, got.Name, name)
			}
			if calls := f.calls(func() { many((*loaders.Loaders).Contacts)(ctx, after, contacts[1:3]) }); calls != tc.batchCost {
				t.Errorf("two contacts in one tick cost %d calls after Renew, want %d", calls, tc.batchCost)
			}
		})
	}
	t.Run("outside an operation", func(t *testing.T) {
		loaders.Renew(context.Background()) // nothing to renew, and no panic
	})
}
