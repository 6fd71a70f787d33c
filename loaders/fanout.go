package loaders

import (
	"context"

	"github.com/graph-gophers/dataloader/v7"
	"golang.org/x/sync/errgroup"
)

// fanOut turns a fetch-one call into a batch function that fetches every key
// of the batch concurrently, at most fanOutLimit at a time. Each key gets its
// own answer or error: one missing object does not fail its neighbours.
func fanOut[V any](get func(context.Context, string) (V, error)) dataloader.BatchFunc[string, V] {
	return func(ctx context.Context, keys []string) []*dataloader.Result[V] {
		results := make([]*dataloader.Result[V], len(keys))
		var g errgroup.Group
		g.SetLimit(fanOutLimit)
		for i, key := range keys {
			g.Go(func() error {
				v, err := get(ctx, key)
				results[i] = &dataloader.Result[V]{Data: v, Error: err}
				return nil
			})
		}
		_ = g.Wait()
		return results
	}
}
