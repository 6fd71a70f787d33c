package loaders

import (
	"context"

	"intercom-graphql/upstream"
)

// SubscriptionTypes is every subscription type of the workspace, read with one call per operation.
func (l *Loaders) SubscriptionTypes(ctx context.Context) ([]*upstream.SubscriptionType, error) {
	return l.subscriptionTypes.get(ctx, func(ctx context.Context) ([]*upstream.SubscriptionType, error) {
		list, err := l.client.SubscriptionTypes.List(ctx)
		if err != nil {
			return nil, err
		}
		return list.Data, nil
	})
}

// SubscriptionType finds one subscription type in the workspace's list.
func (l *Loaders) SubscriptionType(ctx context.Context, id string) (*upstream.SubscriptionType, error) {
	all, err := l.SubscriptionTypes(ctx)
	if err != nil {
		return nil, err
	}
	return findByID(all, id, "SubscriptionType", func(st *upstream.SubscriptionType) string { return st.ID })
}

// ContactSubscriptionTypes is the subscription types a contact chose about;
// the contacts a query reaches in one tick are asked about together.
func (l *Loaders) ContactSubscriptionTypes(ctx context.Context, contactID string) ([]*upstream.SubscriptionType, error) {
	return l.contactSubscriptions.Load(ctx, contactID)()
}

func (l *Loaders) fetchContactSubscriptions(ctx context.Context, contactID string) ([]*upstream.SubscriptionType, error) {
	list, err := l.client.SubscriptionTypes.ListForContact(ctx, contactID)
	if err != nil {
		return nil, err
	}
	return list.Data, nil
}
