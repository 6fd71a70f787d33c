package graph

import (
	"context"
	"strings"

	"intercom-graphql/graph/model"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// tagCompanies puts the tag with this name on companies (by global ID), or takes it off.
func (r *mutationResolver) tagCompanies(ctx context.Context, name string, companyIDs []string,
	change func(context.Context, string, []upstream.CompanyTagging) (*upstream.Tag, error)) (*model.TagCompaniesPayload, error) {
	var c checks
	c.text(name, "name")
	ids := c.ids(companyIDs, typeCompany, "companyIds")
	if c.failed() {
		return &model.TagCompaniesPayload{UserErrors: c.errs}, nil
	}
	companies := make([]upstream.CompanyTagging, len(ids))
	for i, id := range ids {
		companies[i] = upstream.CompanyTagging{ID: id}
	}
	tag, err := change(ctx, strings.TrimSpace(name), companies)
	refused, err := wrote(ctx, err, companyTaggingFields)
	if err != nil || len(refused) > 0 {
		return refusedPayload(&model.TagCompaniesPayload{UserErrors: refused}, err)
	}
	return &model.TagCompaniesPayload{Tag: tag, CompanyIDs: ids, UserErrors: refused}, nil
}

// contactTag puts a tag on a contact or takes it off, both by global ID.
func (r *mutationResolver) contactTag(ctx context.Context, contactGlobalID, tagGlobalID string,
	change func(context.Context, string, string) (*upstream.Tag, error)) (*model.ContactTagPayload, error) {
	var c checks
	contactID, tagID := c.id(contactGlobalID, typeContact, "contactId"), c.id(tagGlobalID, typeTag, "tagId")
	if c.failed() {
		return &model.ContactTagPayload{UserErrors: c.errs}, nil
	}
	tag, err := change(ctx, contactID, tagID)
	refused, err := wrote(ctx, err, contactTagFields)
	if err != nil || len(refused) > 0 {
		return refusedPayload(&model.ContactTagPayload{UserErrors: refused}, err)
	}
	return &model.ContactTagPayload{Tag: tag, ContactID: contactID, UserErrors: refused}, nil
}

// taggedCompanies reads the companies of tagCompanies and untagCompanies
// again, only when a client selects them.
func (r *Resolver) taggedCompanies(ctx context.Context, obj *model.TagCompaniesPayload) ([]*upstream.Company, error) {
	if obj.CompanyIDs == nil {
		return nil, nil
	}
	return resolveAll(ctx, obj.CompanyIDs, loaders.For(ctx).Companies)
}
