package loaders_test

import (
	"context"
	"net/http/httptest"
	"reflect"
	"testing"

	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// fixture is the simulator over HTTP and a client that talks to it, with
// no cache in between: every load the loaders do not save is a call the
// simulator counts.
type fixture struct {
	sim    *intercomsim.Simulator
	ws     *intercomsim.Workspace
	client *upstream.Client
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	sim := intercomsim.New(intercomsim.Options{Seed: 7, Sizes: intercomsim.Sizes{Admins: 4, Teams: 3, Tags: 6, Segments: 4, Companies: 6,
		Contacts: 20, Conversations: 20, Collections: 4, Articles: 6, NewsItems: 4, Tickets: 10}})
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	client, err := upstream.New(upstream.Config{Token: intercomsim.DemoToken, BaseURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{sim: sim, ws: sim.Workspace(intercomsim.DemoToken), client: client}
}

// calls runs f and counts the upstream calls it made.
func (f *fixture) calls(fn func()) int64 {
	before := f.sim.Calls()
	fn()
	return f.sim.Calls() - before
}

// loadFunc loads keys with one set of loaders and answers, in the order of
// the keys, the id of each object found ("" for none) and each key's error.
type loadFunc func(ctx context.Context, l *loaders.Loaders, keys []string) ([]string, []error)

// many adapts a method that loads several keys at once.
func many[V any](load func(*loaders.Loaders, context.Context, []string) ([]V, []error)) loadFunc {
	return func(ctx context.Context, l *loaders.Loaders, keys []string) ([]string, []error) {
		values, errs := load(l, ctx, keys)
		ids := make([]string, len(values))
		for i, v := range values {
			ids[i] = idOf(v)
		}
		return ids, errs
	}
}

// thunks adapts a method that starts one load: every key is asked for before
// any answer is awaited, as gqlgen resolves the items of a list.
func thunks[V any](thunk func(*loaders.Loaders, context.Context, string) func() (V, error)) loadFunc {
	return func(ctx context.Context, l *loaders.Loaders, keys []string) ([]string, []error) {
		waits := make([]func() (V, error), len(keys))
		for i, key := range keys {
			waits[i] = thunk(l, ctx, key)
		}
		ids, errs := make([]string, len(keys)), make([]error, len(keys))
		for i, wait := range waits {
			v, err := wait()
			ids[i], errs[i] = idOf(v), err
		}
		return ids, errs
	}
}

// idOf reads the ID every Intercom object carries; "" for no object.
func idOf(v any) string {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return ""
	}
	return rv.Elem().FieldByName("ID").String()
}
