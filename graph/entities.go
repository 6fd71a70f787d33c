package graph

import (
	"context"
	"fmt"
	"sync"

	"github.com/99designs/gqlgen/graphql"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/relay"
	"intercom-graphql/loaders"
)

// A federated graph's _entities hands each entity type all of its
// representations at once (gqlgen's multi, per-entity resolvers). The
// answers are in the order of the representations; one that matches nothing,
// or whose global ID is forged or of another type, gets its own error at its
// index (graphql.BatchErrorList) and resolves to null, while the others resolve.

// entitiesByID resolves representations keyed by global ID as nodes(ids:)
// does: every load starts before any is awaited, so the objects Intercom
// fetches in batches (contacts, conversations, tickets) share their calls, and
// reference lists (admins, teams...) are read once.
func entitiesByID[T any](ctx context.Context, r *Resolver, typ string, ids []*string) ([]*T, error) {
	waits := make([]func() (relay.Node, error), len(ids))
	for i, id := range ids {
		switch {
		case id == nil:
			waits[i] = fail(errcode.InputField("id", fmt.Errorf("a %s representation needs its id", typ)))
		default:
			if _, err := relay.ParseGlobalIDOf(*id, typ); err != nil {
				waits[i] = fail(errcode.InputField("id", err))
				continue
			}
			waits[i] = r.loadNode(ctx, *id)
		}
	}
	out := make([]*T, len(ids))
	errs := make([]error, len(ids))
	for i, wait := range waits {
		node, err := wait()
		if err != nil {
			errs[i] = err
			continue
		}
		v, ok := node.(*T)
		if !ok {
			errs[i] = errcode.InputField("id", fmt.Errorf("the ID names no %s", typ))
			continue
		}
		out[i] = v
	}
	return batchAnswer(out, errs)
}

// keyLookup is a batch lookup of the loaders by a key other than the global
// ID, and which representations it serves: those whose matched key it is.
type keyLookup[R, T any] struct {
	key  func(*R) (*string, bool)
	find func(*loaders.Loaders, context.Context, []string) ([]*T, []error)
}

// byKeys resolves each representation by the lookup of the key it matched,
// or by global ID when it matched none of them, all lookups started at once
// and answered in the order of reps.
func byKeys[R, T any](ctx context.Context, r *Resolver, typ string, reps []*R, idOf func(*R) *string, lookups ...keyLookup[R, T]) ([]*T, error) {
	out := make([]*T, len(reps))
	errs := make([]error, len(reps))
	groups := make([][]int, len(lookups)+1) // the last one: by global ID
	keys := make([][]*string, len(lookups)+1)
	for i, rep := range reps {
		g := len(lookups)
		key := idOf(rep)
		for j, l := range lookups {
			if k, ok := l.key(rep); ok {
				g, key = j, k
				break
			}
		}
		groups[g], keys[g] = append(groups[g], i), append(keys[g], key)
	}
	var wg sync.WaitGroup
	for g, indexes := range groups {
		if len(indexes) == 0 {
			continue
		}
		wg.Go(func() {
			var found []*T
			var perKey []error
			if g == len(lookups) {
				var err error
				found, err = entitiesByID[T](ctx, r, typ, keys[g])
				perKey = batchErrors(err, len(indexes))
			} else {
				values := make([]string, len(keys[g]))
				for i, k := range keys[g] {
					values[i] = *k // the representation check let no key field be missing
				}
				found, perKey = lookups[g].find(loaders.For(ctx), ctx, values)
			}
			for j, i := range indexes {
				out[i], errs[i] = found[j], perKey[j]
			}
		})
	}
	wg.Wait()
	return batchAnswer(out, errs)
}

// representationIDs are the global IDs of representations keyed by id alone.
func representationIDs[R any](reps []*R, idOf func(*R) *string) []*string {
	ids := make([]*string, len(reps))
	for i, rep := range reps {
		ids[i] = idOf(rep)
	}
	return ids
}

// batchAnswer is a batch with its per-index errors, if it has any.
func batchAnswer[T any](out []*T, errs []error) ([]*T, error) {
	for _, err := range errs {
		if err != nil {
			return out, graphql.BatchErrorList(errs)
		}
	}
	return out, nil
}

// batchErrors spreads a batch's error back over its n items.
func batchErrors(err error, n int) []error {
	if list, ok := err.(graphql.BatchErrorList); ok {
		return list
	}
	errs := make([]error, n)
	if err != nil {
		for i := range errs {
			errs[i] = err
		}
	}
	return errs
}
