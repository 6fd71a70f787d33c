package graph

import (
	"context"
	"strings"

	"intercom-graphql/graph/model"
	"intercom-graphql/upstream"
)

// tagCompanies tags or untags companies.
func (r *mutationResolver) tagCompanies(ctx context.Context, input model.TagCompaniesInput,
	change func(context.Context, string, []upstream.CompanyTagging) (*upstream.Tag, error)) (*model.TagCompaniesPayload, error) {
	var c checks
	c.text(input.Name, "name")
	ids := c.ids(input.CompanyIds, typeCompany, "companyIds")
	if c.failed() {
		return &model.TagCompaniesPayload{UserErrors: c.errs}, nil
	}
	companies := make([]upstream.CompanyTagging, len(ids))
	for i, id := range ids {
		companies[i] = upstream.CompanyTagging{ID: id}
	}
	tag, err := change(ctx, strings.TrimSpace(input.Name), companies)
	refused, err := wrote(ctx, err, companyTaggingFields)
	if err != nil || len(refused) > 0 {
		return refusedPayload(&model.TagCompaniesPayload{UserErrors: refused}, err)
	}
	return &model.TagCompaniesPayload{Tag: tag, CompanyIDs: ids, UserErrors: refused}, nil
}

// contactTag puts a tag on a contact or takes it off.
func (r *mutationResolver) contactTag(ctx context.Context, input model.ContactTagInput,
	change func(context.Context, string, string) (*upstream.Tag, error)) (*model.ContactTagPayload, error) {
	var c checks
	contactID, tagID := c.id(input.ContactID, typeContact, "contactId"), c.id(input.TagID, typeTag, "tagId")
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
