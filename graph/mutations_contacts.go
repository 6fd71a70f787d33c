package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// Where Intercom's refusals of company and contact writes point in their inputs.
var (
	companyFields        = refusedFields{missing: map[string]string{missingCompany: "id", missingOther: "id"}}
	contactFields        = refusedFields{renamed: map[string]string{"avatar": "avatarUrl"}, missing: map[string]string{missingContact: "id", missingOther: "id"}}
	membershipFields     = refusedFields{missing: map[string]string{missingContact: "contactId", missingCompany: "companyId", missingOther: "companyId"}}
	mergeFields          = refusedFields{renamed: map[string]string{"from": "leadId", "into": "userId"}, missing: map[string]string{missingContact: "leadId"}}
	contactTagFields     = refusedFields{missing: map[string]string{missingContact: "contactId", missingOther: "tagId"}}
	contactChoiceFields  = refusedFields{renamed: map[string]string{"id": "subscriptionTypeId"}, missing: map[string]string{missingContact: "contactId", missingOther: "subscriptionTypeId"}}
	noteFields           = refusedFields{renamed: map[string]string{"admin_id": "authorId"}, missing: map[string]string{missingContact: "contactId", missingOther: "authorId"}}
	companyTaggingFields = refusedFields{renamed: map[string]string{"companies": "companyIds"}, missing: map[string]string{missingCompany: "companyIds", missingOther: "name"}}
	contactTaggingFields = refusedFields{renamed: map[string]string{"users": "contactIds"}, missing: map[string]string{missingContact: "contactIds", missingOther: "name"}}
	tagFields            = refusedFields{missing: map[string]string{missingOther: "id"}}
)

// attributes checks a JSON input that must be an object of custom attributes.
func (c *checks) attributes(v any, path ...string) map[string]any {
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		c.refuse(model.UserErrorCodeInvalid, "must be an object of attribute names and values", path...)
	}
	return m
}

// contactRole reads the role (user or lead) Intercom wants with a contact's
// id in a message; a contact that does not exist is refused at path.
func (c *checks) contactRole(ctx context.Context, id string, path ...string) (string, error) {
	contact, err := optionalRef(ctx, &id, loaders.For(ctx).Contact)
	if err != nil {
		return "", err
	}
	if contact == nil {
		c.refuse(model.UserErrorCodeNotFound, "no contact has this ID", path...)
		return "", nil
	}
	return contact.Role, nil
}

// companyRequest maps the fields that create and update a company alike.
func companyRequest(c *checks, name, plan *string, size *int, website, industry *string, attrs any, remoteCreatedAt *upstream.Timestamp, monthlySpend *int) upstream.CompanyRequest {
	req := upstream.CompanyRequest{Name: name, Plan: plan, Size: size, Website: website, Industry: industry,
		CustomAttributes: c.attributes(attrs, "customAttributes"), RemoteCreatedAt: remoteCreatedAt}
	if monthlySpend != nil {
		req.MonthlySpend = ptrTo(int64(*monthlySpend))
	}
	return req
}

// patch maps an omittable input onto an upstream patch: left out, cleared or set.
func patch[T any](o graphql.Omittable[*T]) upstream.Patch[T] {
	v, set := o.ValueOK()
	switch {
	case !set:
		return upstream.Patch[T]{}
	case v == nil:
		return upstream.Clear[T]()
	}
	return upstream.Set(*v)
}

// updateContactRequest checks and maps the changes of updateContact.
func updateContactRequest(c *checks, in model.UpdateContactInput) upstream.ContactRequest {
	req := upstream.ContactRequest{Role: optionalWire(in.Role), ExternalID: in.ExternalID, Email: in.Email,
		Phone: patch(in.Phone), Name: patch(in.Name), Avatar: patch(in.AvatarURL), SignedUpAt: patch(in.SignedUpAt), LastSeenAt: patch(in.LastSeenAt),
		UnsubscribedFromEmails: in.UnsubscribedFromEmails, CustomAttributes: c.attributes(in.CustomAttributes, "customAttributes")}
	if owner, set := in.OwnerID.ValueOK(); set {
		req.OwnerID = upstream.Clear[int64]()
		if owner != nil {
			req.OwnerID = upstream.Set(c.numericID(*owner, typeAdmin, "ownerId"))
		}
	}
	return req
}

// createContactRequest checks and maps the fields of createContact.
func createContactRequest(c *checks, in model.CreateContactInput) upstream.ContactRequest {
	if in.Email == nil && in.ExternalID == nil && in.Role == nil {
		c.refuse(model.UserErrorCodeRequired, "give an email, an externalId or a role", "email")
	}
	req := upstream.ContactRequest{Role: optionalWire(in.Role), ExternalID: in.ExternalID, Email: in.Email,
		UnsubscribedFromEmails: in.UnsubscribedFromEmails, CustomAttributes: c.attributes(in.CustomAttributes, "customAttributes")}
	for _, f := range []struct {
		from *string
		to   *upstream.Patch[string]
	}{{in.Phone, &req.Phone}, {in.Name, &req.Name}, {in.AvatarURL, &req.Avatar}} {
		if f.from != nil {
			*f.to = upstream.Set(*f.from)
		}
	}
	if in.SignedUpAt != nil {
		req.SignedUpAt = upstream.Set(*in.SignedUpAt)
	}
	if in.LastSeenAt != nil {
		req.LastSeenAt = upstream.Set(*in.LastSeenAt)
	}
	if owner := c.optionalNumericID(in.OwnerID, typeAdmin, "ownerId"); owner != nil {
		req.OwnerID = upstream.Set(*owner)
	}
	return req
}

// archive archives or unarchives the contact with global ID contactID.
func (r *mutationResolver) archive(ctx context.Context, contactID string, change func(context.Context, string) (*upstream.ContactArchived, error)) (*model.ArchiveContactPayload, error) {
	var c checks
	id := c.id(contactID, typeContact, "id")
	if c.failed() {
		return &model.ArchiveContactPayload{UserErrors: c.errs}, nil
	}
	answer, err := change(ctx, id)
	refused, err := wrote(ctx, err, contactFields)
	if err != nil || len(refused) > 0 {
		return refusedPayload(&model.ArchiveContactPayload{UserErrors: refused}, err)
	}
	return &model.ArchiveContactPayload{ContactID: ptrTo(relay.NodeID(typeContact, id)), IntercomID: id, Archived: &answer.Archived, UserErrors: refused}, nil
}
