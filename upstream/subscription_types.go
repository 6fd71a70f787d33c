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
	return fetch[SubscriptionTypeList](ctx, s.client, call{operation: "listSubscriptionTypes", method: http.MethodGet, template: "/subscription_types",
		idempotent: true})
}

// ListForContact returns the subscription types a contact made an explicit
// choice about: the opt-out types they left and the opt-in types they joined
// (listSubscriptionsForAContact). Types left at their default are not listed.
func (s *SubscriptionTypesService) ListForContact(ctx context.Context, contactID string) (*SubscriptionTypeList, error) {
	return fetch[SubscriptionTypeList](ctx, s.client, call{operation: "listSubscriptionsForAContact", method: http.MethodGet, template: "/contacts/{contact_id}/subscriptions",
		ids: []string{contactID}, idempotent: true})
}

// SubscriptionChoice is the body of POST /contacts/{contact_id}/subscriptions:
// the subscription type and its consent type (opt_in or opt_out).
type SubscriptionChoice struct {
	ID          string `json:"id"`
	ConsentType string `json:"consent_type"`
}

// AttachToContact records a contact's explicit choice about a subscription
// type: opted in to an opt-in type, opted out of an opt-out one
// (attachSubscriptionTypeToContact). Retried: choosing twice changes nothing.
func (s *SubscriptionTypesService) AttachToContact(ctx context.Context, contactID string, choice SubscriptionChoice) (*SubscriptionType, error) {
	return fetch[SubscriptionType](ctx, s.client, call{operation: "attachSubscriptionTypeToContact", method: http.MethodPost, template: "/contacts/{contact_id}/subscriptions",
		ids: []string{contactID}, body: choice, idempotent: true, write: true})
}

// DetachFromContact withdraws a contact's choice about a subscription type,
// which returns it to the type's default (detachSubscriptionTypeToContact); retried.
func (s *SubscriptionTypesService) DetachFromContact(ctx context.Context, contactID, subscriptionTypeID string) (*SubscriptionType, error) {
	return fetch[SubscriptionType](ctx, s.client, call{operation: "detachSubscriptionTypeToContact", method: http.MethodDelete, template: "/contacts/{contact_id}/subscriptions/{id}",
		ids: []string{contactID, subscriptionTypeID}, idempotent: true, write: true})
}
