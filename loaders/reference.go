package loaders

import (
	"context"

	"intercom-graphql/graph/errcode"
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
	return zero, errcode.Missing(kind, id)
}
