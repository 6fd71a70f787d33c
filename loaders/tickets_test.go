package loaders_test

import (
	"context"
	"errors"
	"testing"

	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// A ticket type's attribute is found among the ticket types, read once per
// operation; an id no type has is not found.
func TestTicketTypeAttributesComeFromTheTypesList(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var ids []string
	for _, tt := range f.ws.TicketTypes() {
		for _, a := range tt.TicketTypeAttributes.Data {
			ids = append(ids, a.ID)
		}
	}
	if len(ids) < 2 {
		t.Fatalf("the workspace's ticket types have %d attributes", len(ids))
	}
	l := loaders.New(f.client)
	for _, tc := range []struct {
		id    string
		calls int64 // the types list, on the first lookup only
	}{
		{id: ids[len(ids)-1], calls: 1},
		{id: ids[0]},
		{id: missingID},
	} {
		var got *upstream.TicketTypeAttribute
		var err error
		calls := f.calls(func() { got, err = l.TicketTypeAttribute(ctx, tc.id) })
		if calls != tc.calls {
			t.Errorf("%s: %d calls, want %d", tc.id, calls, tc.calls)
		}
		if tc.id == missingID {
			var nf *upstream.NotFoundError
			if got != nil || !errors.As(err, &nf) || nf.Kind != "TicketTypeAttribute" || nf.ID != missingID {
				t.Errorf("missing: %v, %#v; want a NotFoundError of TicketTypeAttribute %s", got, err, missingID)
			}
		} else if err != nil || got.ID != tc.id {
			t.Errorf("%s: got %v, %v", tc.id, got, err)
		}
	}
}
