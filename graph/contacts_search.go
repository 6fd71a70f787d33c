package graph

import (
	"context"

	"intercom-graphql/graph/filter"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// contactTag is tag_id, which Intercom's contact search compares with = and != only.
var contactTag = filter.Field{Name: "tag_id", Type: filter.String, Optional: true, Operators: []string{"=", "!="}}

// contactFilterExpr reads a ContactFilter: each field of the input names the
// contact search field of the spec's table it filters.
func contactFilterExpr(in *model.ContactFilter, path string) (filter.Expr, error) {
	c := newConditions(path)
	logic(c, in.And, in.Or, in.Not, contactFilterExpr)
	c.reference("id", in.ID, textField("id"), typeContact)
	if r := in.Role; r != nil {
		choice(c, "role", textField("role"), wireValue[model.ContactRole], r.Eq, r.Ne, r.In, r.Nin)
	}
	c.text("name", in.Name, textField("name"))
	c.text("avatarUrl", in.AvatarURL, textField("avatar"))
	c.reference("owner", in.Owner, intField("owner_id"), typeAdmin)
	c.text("email", in.Email, textField("email"))
	c.text("emailDomain", in.EmailDomain, textField("email_domain"))
	c.text("phone", in.Phone, textField("phone"))
	c.text("externalId", in.ExternalID, textField("external_id"))
	c.day("createdAt", in.CreatedAt, dayField("created_at", true))
	c.day("signedUpAt", in.SignedUpAt, dayField("signed_up_at", false))
	c.day("updatedAt", in.UpdatedAt, dayField("updated_at", true))
	c.day("lastSeenAt", in.LastSeenAt, dayField("last_seen_at", false))
	c.day("lastContactedAt", in.LastContactedAt, dayField("last_contacted_at", false))
	c.day("lastRepliedAt", in.LastRepliedAt, dayField("last_replied_at", false))
	c.day("lastEmailOpenedAt", in.LastEmailOpenedAt, dayField("last_email_opened_at", false))
	c.day("lastEmailClickedAt", in.LastEmailClickedAt, dayField("last_email_clicked_at", false))
	c.text("languageOverride", in.LanguageOverride, textField("language_override"))
	c.text("browser", in.Browser, textField("browser"))
	c.text("browserLanguage", in.BrowserLanguage, textField("browser_language"))
	c.text("os", in.Os, textField("os"))
	if l := in.Location; l != nil {
		c.nested("location", func(c *conditions) {
			c.text("country", l.Country, textField("location.country"))
			c.text("region", l.Region, textField("location.region"))
			c.text("city", l.City, textField("location.city"))
		})
	}
	c.boolean("unsubscribedFromEmails", in.UnsubscribedFromEmails, boolField("unsubscribed_from_emails"))
	c.boolean("markedEmailAsSpam", in.MarkedEmailAsSpam, boolField("marked_email_as_spam"))
	c.boolean("hasHardBounced", in.HasHardBounced, boolField("has_hard_bounced"))
	if a := in.IosApp; a != nil {
		c.nested("iosApp", func(c *conditions) {
			c.day("lastSeenAt", a.LastSeenAt, dayField("ios_last_seen_at", false))
			c.text("appName", a.AppName, textField("ios_app_name"))
			c.text("appVersion", a.AppVersion, textField("ios_app_version"))
			c.text("device", a.Device, textField("ios_device"))
			c.text("appDevice", a.AppDevice, textField("ios_app_device"))
			c.text("osVersion", a.OsVersion, textField("ios_os_version"))
			c.text("sdkVersion", a.SdkVersion, textField("ios_sdk_version"))
		})
	}
	if a := in.AndroidApp; a != nil {
		c.nested("androidApp", func(c *conditions) {
			c.day("lastSeenAt", a.LastSeenAt, dayField("android_last_seen_at", false))
			c.text("appName", a.AppName, textField("android_app_name"))
			c.text("appVersion", a.AppVersion, textField("android_app_version"))
			c.text("device", a.Device, textField("android_device"))
			c.text("sdkVersion", a.SdkVersion, textField("android_sdk_version"))
		})
	}
	c.reference("segment", in.Segment, textField("segment_id"), typeSegment)
	c.reference("tag", in.Tag, contactTag, typeTag)
	c.customAttributes(in.CustomAttributes)
	return c.expr()
}

// searchContacts serves the contacts connection with a filter or an order,
// through POST /contacts/search.
func (r *Resolver) searchContacts(ctx context.Context, in *model.ContactFilter, orderBy *model.ContactOrder, args relay.Args) (*relay.Page[*upstream.Contact], error) {
	plan, sort, err := searchArgs(in, contactFilterExpr, filter.Contacts, orderBy, func(s *model.ContactOrder) sortChoice {
		return sortChoice{field: wireValue(s.Field), direction: s.Direction}
	})
	if err != nil {
		return nil, err
	}
	l := loaders.For(ctx)
	return searchConnection(ctx, r.cursors(ctx), "contacts", plan, sort, args, func(req upstream.SearchRequest) (relay.CursorBatch[*upstream.Contact], error) {
		list, err := r.client(ctx).Contacts.Search(ctx, req)
		if err != nil {
			return relay.CursorBatch[*upstream.Contact]{}, err
		}
		for _, c := range list.Data {
			l.PrimeContact(ctx, c)
		}
		return relay.CursorBatch[*upstream.Contact]{Items: list.Data, Next: list.Pages.NextCursor(), Total: list.TotalCount}, nil
	})
}
