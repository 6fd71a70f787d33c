package loaders

import (
	"context"

	"github.com/graph-gophers/dataloader/v7"

	"intercom-graphql/upstream"
)

// cachedFirst starts loading one object, answering at once when the
// cross-request cache holds Intercom's answer for it: waiting for a batch
// only pays when the object must be fetched. A cache lookup that misses
// costs little beside the batch it then joins.
func cachedFirst[V any](ctx context.Context, loader *dataloader.Loader[string, V], id string,
	get func(context.Context, string) (V, error),
) dataloader.Thunk[V] {
	if v, err := get(upstream.CacheOnly(ctx), id); err == nil {
		loader.Prime(ctx, id, v)
		return func() (V, error) { return v, nil }
	}
	return loader.Load(ctx, id)
}
