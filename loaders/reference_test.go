package loaders_test

import (
	"context"
	"errors"
	"testing"

	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// Reference data is read as whole lists: one call an operation answers every
// id, and an id the list lacks is not found.
func TestReferenceListsAreReadOncePerOperation(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, tc := range []struct {
		kind string
		load func(*loaders.Loaders, context.Context, string) (string, error)
		ids  []string
	}{
		{"Admin", one((*loaders.Loaders).Admin), f.ws.AdminIDs()},
		{"Team", one((*loaders.Loaders).Team), teamIDs(t, f.client)},
		{"Tag", one((*loaders.Loaders).TagFromList), f.ws.TagIDs()},
		{"SubscriptionType", one((*loaders.Loaders).SubscriptionType), f.ws.SubscriptionTypeIDs()},
		{"HelpCenter", one((*loaders.Loaders).HelpCenter), f.ws.HelpCenterIDs()},
		{"Newsfeed", one((*loaders.Loaders).Newsfeed), f.ws.NewsfeedIDs()},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			l := loaders.New(f.client)
			calls := f.calls(func() {
				for _, id := range tc.ids {
					if got, err := tc.load(l, ctx, id); err != nil || got != id {
						t.Errorf("%s %s: got %q, %v", tc.kind, id, got, err)
					}
				}
			})
			if calls != 1 {
				t.Errorf("%d ids cost %d calls, want 1", len(tc.ids), calls)
			}
			var nf *upstream.NotFoundError
			calls = f.calls(func() {
				_, err := tc.load(l, ctx, missingID)
				if !errors.As(err, &nf) || nf.Kind != tc.kind || nf.ID != missingID || !upstream.IsNotFound(err) {
					t.Errorf("missing id: %v, want a NotFoundError of %s %s", err, tc.kind, missingID)
				}
			})
			if calls != 0 {
				t.Errorf("a missing id cost %d calls after the list was read", calls)
			}
		})
	}
}

// An id of reference data asked for alone costs a GET, cheaper than a list
// nobody else needs; once the list is read, ids come from it.
func TestAReferenceIDAloneIsOneGetAndThenTheListAnswers(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	tags := f.ws.TagIDs()
	for _, tc := range []struct {
		name      string
		listFirst bool
		id        string
		calls     int64
		notFound  bool
	}{
		{name: "alone", id: tags[0], calls: 1},
		{name: "alone and missing: Intercom's 404", id: missingID, calls: 1, notFound: true},
		{name: "after the list", listFirst: true, id: tags[1], calls: 0},
		{name: "after the list and missing", listFirst: true, id: missingID, calls: 0, notFound: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := loaders.New(f.client)
			if tc.listFirst {
				if _, err := l.Tags(ctx); err != nil {
					t.Fatal(err)
				}
			}
			var tag *upstream.Tag
			var err error
			calls := f.calls(func() { tag, err = l.Tag(ctx, tc.id) })
			if calls != tc.calls {
				t.Errorf("%d calls, want %d", calls, tc.calls)
			}
			switch {
			case tc.notFound && (tag != nil || !upstream.IsNotFound(err)):
				t.Errorf("got %v, %v; want nothing and not found", tag, err)
			case !tc.notFound && (err != nil || tag.ID != tc.id):
				t.Errorf("got %v, %v; want tag %s", tag, err, tc.id)
			}
		})
	}
}

// one adapts a single-id lookup to answer the id of what it found.
func one[V any](load func(*loaders.Loaders, context.Context, string) (V, error)) func(*loaders.Loaders, context.Context, string) (string, error) {
	return func(l *loaders.Loaders, ctx context.Context, id string) (string, error) {
		v, err := load(l, ctx, id)
		return idOf(v), err
	}
}

// teamIDs reads the team ids through the client: the simulator hands out no
// list of them.
func teamIDs(t *testing.T, client *upstream.Client) []string {
	t.Helper()
	list, err := client.Teams.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(list.Teams))
	for i, team := range list.Teams {
		ids[i] = team.ID
	}
	return ids
}
