package loaders

import (
	"context"
	"sync"

	"intercom-graphql/upstream"
)

// keyedOnce is a once per key: a reference list read with different
// arguments is read once for each.
type keyedOnce[K comparable, T any] struct {
	mu      sync.Mutex
	entries map[K]*once[T]
}

func (k *keyedOnce[K, T]) get(ctx context.Context, key K, fetch func(context.Context) (T, error)) (T, error) {
	k.mu.Lock()
	if k.entries == nil {
		k.entries = map[K]*once[T]{}
	}
	entry, ok := k.entries[key]
	if !ok {
		entry = &once[T]{}
		k.entries[key] = entry
	}
	k.mu.Unlock()
	return entry.get(ctx, fetch)
}

// DataAttributes is the workspace's data attributes for opts, read with one
// call per operation and set of options.
func (l *Loaders) DataAttributes(ctx context.Context, opts upstream.DataAttributeListOptions) ([]*upstream.DataAttribute, error) {
	return l.dataAttributes.get(ctx, opts, func(ctx context.Context) ([]*upstream.DataAttribute, error) {
		list, err := l.client.DataAttributes.List(ctx, opts)
		if err != nil {
			return nil, err
		}
		return list.Data, nil
	})
}
