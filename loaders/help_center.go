package loaders

import (
	"context"

	"intercom-graphql/upstream"
)

// HelpCenters is every help center of the workspace, read with one call per operation.
func (l *Loaders) HelpCenters(ctx context.Context) ([]*upstream.HelpCenter, error) {
	return l.helpCenters.get(ctx, func(ctx context.Context) ([]*upstream.HelpCenter, error) {
		list, err := l.client.HelpCenter.List(ctx)
		if err != nil {
			return nil, err
		}
		return list.Data, nil
	})
}

// HelpCenter finds one help center in the workspace's list: what collections
// and articles point at costs one call for all of them.
func (l *Loaders) HelpCenter(ctx context.Context, id string) (*upstream.HelpCenter, error) {
	all, err := l.HelpCenters(ctx)
	if err != nil {
		return nil, err
	}
	return findByID(all, id, "HelpCenter", func(hc *upstream.HelpCenter) string { return hc.ID })
}

// HelpCenterThunk starts loading one help center by id, as a client asked for
// it, and returns a function that waits for it.
func (l *Loaders) HelpCenterThunk(ctx context.Context, id string) func() (*upstream.HelpCenter, error) {
	return l.helpCenterByID.Load(ctx, id)
}

// Collection loads one collection or section; those a query reaches in one
// tick are fetched together.
func (l *Loaders) Collection(ctx context.Context, id string) (*upstream.Collection, error) {
	return l.collections.Load(ctx, id)()
}

// CollectionThunk starts loading a collection and returns a function that waits for it.
func (l *Loaders) CollectionThunk(ctx context.Context, id string) func() (*upstream.Collection, error) {
	return l.collections.Load(ctx, id)
}

// Collections loads several collections at once, in the order of ids, each with its own error.
func (l *Loaders) Collections(ctx context.Context, ids []string) ([]*upstream.Collection, []error) {
	return loadMany(ctx, l.collections, ids)
}

// PrimeCollection hands the loader a collection that arrived in a list: the
// list shows collections whole, so a later field asking for it costs nothing.
func (l *Loaders) PrimeCollection(ctx context.Context, c *upstream.Collection) {
	l.collections.Prime(ctx, c.ID, c)
}
