package upstream

import (
	"context"
	"net/http"
)

// SubscriptionTypesService reads the workspace's subscription types and the
// choices contacts made about them.
type SubscriptionTypesService service

// List returns every subscription type; Intercom does not paginate it (listSubscriptionTypes).
func (s *SubscriptionTypesService) List(ctx context.Context) (*SubscriptionTypeList, error) {
	var out SubscriptionTypeList
	err := s.client.do(ctx, call{operation: "listSubscriptionTypes", method: http.MethodGet, template: "/subscription_types", path: "/subscription_types", idempotent: true}, &out)
	return &out, err
}

// ListForContact returns the subscription types a contact made an explicit
// choice about: the opt-out types they left and the opt-in types they joined
// (listSubscriptionsForAContact). Types left at their default are not listed.
func (s *SubscriptionTypesService) ListForContact(ctx context.Context, contactID string) (*SubscriptionTypeList, error) {
	var out SubscriptionTypeList
	err := s.client.do(ctx, call{operation: "listSubscriptionsForAContact", method: http.MethodGet, template: "/contacts/{contact_id}/subscriptions",
		path: pathf("/contacts/%s/subscriptions", contactID), idempotent: true}, &out)
	return &out, err
}
