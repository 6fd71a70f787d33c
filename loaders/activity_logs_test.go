package loaders_test

import (
	"context"
	"errors"
	"testing"

	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

func TestActivityLogKeysReadBack(t *testing.T) {
	for _, tc := range []struct {
		key  string
		id   string
		at   upstream.Timestamp
		fail bool
	}{
		{key: loaders.ActivityLogKey("8812", 1700000000), id: "8812", at: 1700000000},
		{key: "a@b@17", id: "a@b", at: 17}, // the id keeps its own @
		{key: "8812@0", id: "8812", at: 0},
		{key: "", fail: true},
		{key: "8812", fail: true},
		{key: "@17", fail: true},
		{key: "8812@", fail: true},
		{key: "8812@-1", fail: true},
		{key: "8812@1.5", fail: true},
	} {
		id, at, err := loaders.ParseActivityLogKey(tc.key)
		switch {
		case tc.fail && !errors.Is(err, loaders.ErrMalformedActivityLogKey):
			t.Errorf("%q: got %q@%d, %v; want ErrMalformedActivityLogKey", tc.key, id, at, err)
		case !tc.fail && (err != nil || id != tc.id || at != tc.at):
			t.Errorf("%q: got %q@%d, %v; want %q@%d", tc.key, id, at, err, tc.id, tc.at)
		}
	}
}

// Intercom cannot fetch an activity by id: it is found in the log of the
// second it happened, and an id that second lacks is not found.
func TestAnActivityIsFoundInTheLogOfItsSecond(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	log, err := f.client.ActivityLogs.List(ctx, upstream.ActivityLogListOptions{CreatedAtAfter: 1, CursorOptions: upstream.CursorOptions{PerPage: 3}})
	if err != nil || len(log.ActivityLogs) < 2 {
		t.Fatalf("the workspace's activity log: %+v, %v", log, err)
	}
	a, b := log.ActivityLogs[0], log.ActivityLogs[1]
	keys := []string{loaders.ActivityLogKey(b.ID, b.CreatedAt), "not a key", loaders.ActivityLogKey(missingID, a.CreatedAt), loaders.ActivityLogKey(a.ID, a.CreatedAt)}
	got, errs := thunks((*loaders.Loaders).ActivityLogThunk)(ctx, loaders.New(f.client), keys)
	if got[0] != b.ID || errs[0] != nil || got[3] != a.ID || errs[3] != nil {
		t.Errorf("found %q, %v and %q, %v; want %s and %s", got[0], errs[0], got[3], errs[3], b.ID, a.ID)
	}
	if !errors.Is(errs[1], loaders.ErrMalformedActivityLogKey) {
		t.Errorf("a malformed key: %v", errs[1])
	}
	var nf *upstream.NotFoundError
	if !errors.As(errs[2], &nf) || nf.Kind != "ActivityLog" || nf.ID != missingID {
		t.Errorf("an id its second lacks: %#v, want a NotFoundError of ActivityLog %s", errs[2], missingID)
	}
}
