package loaders

import (
	"context"

	"github.com/graph-gophers/dataloader/v7"

	"intercom-graphql/upstream"
)

// Me is the admin the access token belongs to, with the workspace.
func (l *Loaders) Me(ctx context.Context) (*upstream.AdminWithApp, error) {
	return l.me.get(ctx, l.client.Admins.Me)
}

// Admins is every admin of the workspace, read with one call per operation.
func (l *Loaders) Admins(ctx context.Context) ([]*upstream.Admin, error) {
	return l.admins.get(ctx, func(ctx context.Context) ([]*upstream.Admin, error) {
		list, err := l.client.Admins.List(ctx)
		if err != nil {
			return nil, err
		}
		return list.Admins, nil
	})
}

// Admin finds one admin in the workspace's list.
func (l *Loaders) Admin(ctx context.Context, id string) (*upstream.Admin, error) {
	admins, err := l.Admins(ctx)
	if err != nil {
		return nil, err
	}
	return findByID(admins, id, "Admin", func(a *upstream.Admin) string { return a.ID })
}

// Teams is every team of the workspace, read with one call per operation.
func (l *Loaders) Teams(ctx context.Context) ([]*upstream.Team, error) {
	return l.teams.get(ctx, func(ctx context.Context) ([]*upstream.Team, error) {
		list, err := l.client.Teams.List(ctx)
		if err != nil {
			return nil, err
		}
		return list.Teams, nil
	})
}

// Team finds one team in the workspace's list.
func (l *Loaders) Team(ctx context.Context, id string) (*upstream.Team, error) {
	teams, err := l.Teams(ctx)
	if err != nil {
		return nil, err
	}
	return findByID(teams, id, "Team", func(t *upstream.Team) string { return t.ID })
}

func findByID[T any](items []T, id, kind string, idOf func(T) string) (T, error) {
	for _, it := range items {
		if idOf(it) == id {
			return it, nil
		}
	}
	var zero T
	return zero, &upstream.NotFoundError{Kind: kind, ID: id}
}

// byIDOrList makes the batch function of a reference type: an id asked for
// alone costs a GET of its own, cheaper than a whole list nobody has read;
// several ids in one tick, or any once the list was read, come from the list.
func byIDOrList[T any](list *once[[]T], all func(context.Context) ([]T, error), get func(context.Context, string) (T, error),
	kind string, idOf func(T) string,
) dataloader.BatchFunc[string, T] {
	return func(ctx context.Context, ids []string) []*dataloader.Result[T] {
		if len(ids) == 1 && !list.loaded() {
			v, err := get(ctx, ids[0])
			return []*dataloader.Result[T]{{Data: v, Error: err}}
		}
		return fromList(ctx, ids, all, kind, idOf)
	}
}

// fromList answers a batch of ids from a reference list, each id on its own:
// one missing from the list is not found (upstream.NotFoundError), the others
// are unaffected.
func fromList[T any](ctx context.Context, ids []string, list func(context.Context) ([]T, error), kind string, idOf func(T) string) []*dataloader.Result[T] {
	items, err := list(ctx)
	results := make([]*dataloader.Result[T], len(ids))
	for i, id := range ids {
		if err != nil {
			results[i] = &dataloader.Result[T]{Error: err}
			continue
		}
		v, ferr := findByID(items, id, kind, idOf)
		results[i] = &dataloader.Result[T]{Data: v, Error: ferr}
	}
	return results
}
