package loaders

import (
	"context"

	"intercom-graphql/upstream"
)

// Visitor loads a visitor by its user_id.
func (l *Loaders) Visitor(ctx context.Context, userID string) (*upstream.Visitor, error) {
	return l.visitors.Load(ctx, userID)()
}

// VisitorThunk starts loading a visitor and returns a function that waits for it.
func (l *Loaders) VisitorThunk(ctx context.Context, userID string) func() (*upstream.Visitor, error) {
	return l.visitors.Load(ctx, userID)
}
