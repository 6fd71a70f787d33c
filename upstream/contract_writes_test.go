package upstream_test

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"testing"
	"time"

	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// The client's writes, each made as a caller would make it, in an order
// where what one creates the next may use; every request passes the spec
// check of TestClientRequestsFollowTheSpec.

func init() { clientCalls = append(clientCalls, writeClientCalls...) }

// written keeps what the write calls created, for the calls after them.
type written struct {
	article, collection, newsItem, company, contact, tag, dataAttribute string
}

var made written

func firstContact(ws *intercomsim.Workspace, role string, withExternalID bool) intercomsim.ContactData {
	for _, c := range ws.Contacts() {
		if c.Contact.Role == role && (!withExternalID || c.Contact.ExternalID != nil) {
			return c
		}
	}
	panic("the contract workspace has no " + role)
}

var writeClientCalls = []clientCall{
	{"Admins.SetAway", []string{"setAwayAdmin"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		a, err := c.Admins.SetAway(ctx, ids.admin, upstream.AwayMode{AwayModeEnabled: true, AwayModeReassign: true})
		if err != nil || !a.AwayModeEnabled || !a.AwayModeReassign {
			t.Fatalf("SetAway: %+v, %v", a, err)
		}
		if back, err := c.Admins.Get(ctx, ids.admin); err != nil || !back.AwayModeEnabled {
			t.Errorf("the admin is not away: %+v, %v", back, err)
		}
	}},
	{"Articles.Create", []string{"createArticle"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		tc := &upstream.ArticleTranslationsRequest{}
		tc.Set("fr", &upstream.ArticleContentRequest{Title: "Bienvenue à bord", State: "draft"})
		a, err := c.Articles.Create(ctx, upstream.CreateArticleRequest{Title: "Welcome aboard", Body: ptr("Read this first."), AuthorID: mustInt64(ids.admin),
			State: "published", ParentID: ptr(mustInt64(ids.collection)), TranslatedContent: tc})
		if err != nil || a.ID == "" || a.State != "published" || a.TranslatedContent.Get("fr") == nil {
			t.Fatalf("Create article: %+v, %v", a, err)
		}
		made.article = a.ID
	}},
	{"Articles.Update", []string{"updateArticle"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		a, err := c.Articles.Update(ctx, made.article, upstream.UpdateArticleRequest{Title: ptr("Welcome aboard, again"), ParentID: ptr(ids.collection)})
		if err != nil || a.Title != "Welcome aboard, again" {
			t.Errorf("Update article: %+v, %v", a, err)
		}
	}},
	{"Articles.Delete", []string{"deleteArticle"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if d, err := c.Articles.Delete(ctx, made.article); err != nil || !d.Deleted || d.ID != made.article {
			t.Fatalf("Delete article: %+v, %v", d, err)
		}
		if _, err := c.Articles.Get(ctx, made.article); !upstream.IsNotFound(err) {
			t.Errorf("a deleted article reads back: %v", err)
		}
	}},
	{"HelpCenter.CreateCollection", []string{"createCollection"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		all, _ := c.HelpCenter.ListCollections(ctx, upstream.PageOptions{PerPage: upstream.MaxCollectionsPerPage})
		top := all.Data[slices.IndexFunc(all.Data, func(c *upstream.Collection) bool { return c.ParentID == nil })].ID
		col, err := c.HelpCenter.CreateCollection(ctx, upstream.CreateCollectionRequest{Name: "Release notes", ParentID: ptr(top)})
		if err != nil || col.ParentID == nil || *col.ParentID != top {
			t.Fatalf("Create collection: %+v, %v", col, err)
		}
		made.collection = col.ID
	}},
	{"HelpCenter.UpdateCollection", []string{"updateCollection"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		col, err := c.HelpCenter.UpdateCollection(ctx, made.collection, upstream.UpdateCollectionRequest{Name: ptr("Changelog"), ParentID: upstream.Clear[string]()})
		if err != nil || col.Name != "Changelog" || col.ParentID != nil {
			t.Errorf("Update collection to the first level: %+v, %v", col, err)
		}
	}},
	{"HelpCenter.DeleteCollection", []string{"deleteCollection"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if d, err := c.HelpCenter.DeleteCollection(ctx, made.collection); err != nil || d.Object != "collection" {
			t.Errorf("Delete collection: %+v, %v", d, err)
		}
	}},
	{"News.CreateItem", []string{"createNewsItem"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		it, err := c.News.CreateItem(ctx, upstream.NewsItemRequest{Title: "Dark mode", SenderID: mustInt64(ids.admin), State: "live", Labels: []string{"New"},
			Reactions: []string{"👍"}, NewsfeedAssignments: []upstream.NewsfeedAssignment{{NewsfeedID: mustInt64(ids.newsfeed)}}})
		if err != nil || it.State != "live" || len(it.NewsfeedAssignments) != 1 {
			t.Fatalf("Create news item: %+v, %v", it, err)
		}
		made.newsItem = it.ID
	}},
	{"News.UpdateItem", []string{"updateNewsItem"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if it, err := c.News.UpdateItem(ctx, made.newsItem, upstream.NewsItemRequest{Title: "Dark mode is here", SenderID: mustInt64(ids.admin)}); err != nil || it.Title != "Dark mode is here" {
			t.Errorf("Update news item: %+v, %v", it, err)
		}
	}},
	{"News.DeleteItem", []string{"deleteNewsItem"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if d, err := c.News.DeleteItem(ctx, made.newsItem); err != nil || d.Object != "news-item" {
			t.Errorf("Delete news item: %+v, %v", d, err)
		}
	}},
	{"Companies.CreateOrUpdate", []string{"createOrUpdateCompany"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		co, err := c.Companies.CreateOrUpdate(ctx, upstream.CompanyRequest{CompanyID: ptr("remote-1"), Name: ptr("Zeppelin Works"), Plan: ptr("Pro"),
			Size: ptr(40), MonthlySpend: ptr(int64(900)), RemoteCreatedAt: ptr(upstream.Timestamp(1374138000)), CustomAttributes: map[string]any{"tier": "gold"}})
		if err != nil || co.CompanyID != "remote-1" || co.Plan == nil || co.Plan.Name != "Pro" {
			t.Fatalf("Create company: %+v, %v", co, err)
		}
		made.company = co.ID
	}},
	{"Companies.Update", []string{"UpdateCompany"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if co, err := c.Companies.Update(ctx, made.company, upstream.CompanyRequest{Industry: ptr("Aviation")}); err != nil || co.Industry == nil || *co.Industry != "Aviation" {
			t.Errorf("Update company: %+v, %v", co, err)
		}
	}},
	{"Companies.AttachContact", []string{"attachContactToACompany"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if co, err := c.Companies.AttachContact(ctx, ids.contact, made.company); err != nil || co.UserCount != 1 {
			t.Errorf("Attach a contact: %+v, %v", co, err)
		}
	}},
	{"Companies.DetachContact", []string{"detachContactFromACompany"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if co, err := c.Companies.DetachContact(ctx, ids.contact, made.company); err != nil || co.UserCount != 0 {
			t.Errorf("Detach a contact: %+v, %v", co, err)
		}
	}},
	{"Companies.Delete", []string{"deleteCompany"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if d, err := c.Companies.Delete(ctx, made.company); err != nil || !d.Deleted {
			t.Errorf("Delete company: %+v, %v", d, err)
		}
	}},
	{"Contacts.Create", []string{"CreateContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		ct, err := c.Contacts.Create(ctx, upstream.ContactRequest{Email: ptr("grace@example.org"), ExternalID: ptr("ext-1"), Name: upstream.Set("Grace"),
			Phone: upstream.Set("+353871234567"), OwnerID: upstream.Set(mustInt64(ids.admin)), CustomAttributes: map[string]any{"plan": "pro"}})
		if err != nil || ct.ID == "" || ct.Role != "user" || ct.Name == nil {
			t.Fatalf("Create contact: %+v, %v", ct, err)
		}
		made.contact = ct.ID
		_, err = c.Contacts.Create(ctx, upstream.ContactRequest{Email: ptr("grace@example.org")})
		var apiErr *upstream.Error
		if !errors.As(err, &apiErr) || apiErr.Status != 409 {
			t.Errorf("a second user with the email: %v, want a 409", err)
		}
	}},
	{"Contacts.Update", []string{"UpdateContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		ct, err := c.Contacts.Update(ctx, made.contact, upstream.ContactRequest{Phone: upstream.Clear[string](), Name: upstream.Set("Grace Hopper")})
		if err != nil || ct.Phone != nil || ct.Name == nil || *ct.Name != "Grace Hopper" {
			t.Errorf("Update contact: %+v, %v", ct, err)
		}
	}},
	{"Contacts.Archive", []string{"ArchiveContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if a, err := c.Contacts.Archive(ctx, made.contact); err != nil || !a.Archived {
			t.Errorf("Archive contact: %+v, %v", a, err)
		}
	}},
	{"Contacts.Unarchive", []string{"UnarchiveContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if a, err := c.Contacts.Unarchive(ctx, made.contact); err != nil || a.Archived {
			t.Errorf("Unarchive contact: %+v, %v", a, err)
		}
	}},
	{"Contacts.Merge", []string{"MergeContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		lead := firstContact(ids.ws, "lead", false).Contact.ID
		if u, err := c.Contacts.Merge(ctx, lead, made.contact); err != nil || u.ID != made.contact {
			t.Fatalf("Merge: %+v, %v", u, err)
		}
		if _, err := c.Contacts.Get(ctx, lead); !upstream.IsNotFound(err) {
			t.Errorf("a merged lead reads back: %v", err)
		}
	}},
	{"Tags.CreateOrUpdate", []string{"createTag"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		tag, err := c.Tags.CreateOrUpdate(ctx, upstream.TagRequest{Name: "Zeppelin owners"})
		if err != nil || tag.ID == "" {
			t.Fatalf("Create tag: %+v, %v", tag, err)
		}
		made.tag = tag.ID
		if renamed, err := c.Tags.CreateOrUpdate(ctx, upstream.TagRequest{Name: "Airship owners", ID: tag.ID}); err != nil || renamed.Name != "Airship owners" {
			t.Errorf("Rename tag: %+v, %v", renamed, err)
		}
	}},
	{"Tags.TagCompanies", []string{"createTag"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		co, _ := c.Companies.Get(ctx, ids.company)
		if tag, err := c.Tags.TagCompanies(ctx, "Airship owners", []upstream.CompanyTagging{{CompanyID: co.CompanyID}}); err != nil || tag.ID != made.tag {
			t.Errorf("Tag companies: %+v, %v", tag, err)
		}
	}},
	{"Tags.UntagCompanies", []string{"createTag"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if tag, err := c.Tags.UntagCompanies(ctx, "Airship owners", []upstream.CompanyTagging{{ID: ids.company}}); err != nil || tag.ID != made.tag {
			t.Errorf("Untag companies: %+v, %v", tag, err)
		}
	}},
	{"Tags.TagContacts", []string{"createTag"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if tag, err := c.Tags.TagContacts(ctx, "Balloonists", []string{ids.contact, made.contact}); err != nil || tag.Name != "Balloonists" {
			t.Errorf("Tag contacts: %+v, %v", tag, err)
		}
	}},
	{"Tags.AttachToContact", []string{"attachTagToContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		tag, err := c.Tags.AttachToContact(ctx, made.contact, made.tag)
		if err != nil || tag.AppliedAt == nil || tag.AppliedBy == nil {
			t.Errorf("Attach tag: %+v, %v", tag, err)
		}
	}},
	{"Tags.DetachFromContact", []string{"detachTagFromContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if tag, err := c.Tags.DetachFromContact(ctx, made.contact, made.tag); err != nil || tag.ID != made.tag {
			t.Errorf("Detach tag: %+v, %v", tag, err)
		}
	}},
	{"Tags.Delete", []string{"deleteTag"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if err := c.Tags.Delete(ctx, made.tag); err != nil {
			t.Fatalf("Delete tag: %v", err)
		}
		if _, err := c.Tags.Get(ctx, made.tag); !upstream.IsNotFound(err) {
			t.Errorf("a deleted tag reads back: %v", err)
		}
	}},
	{"SubscriptionTypes.AttachToContact", []string{"attachSubscriptionTypeToContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		list, _ := c.SubscriptionTypes.List(ctx)
		i := slices.IndexFunc(list.Data, func(st *upstream.SubscriptionType) bool { return st.State == "live" && st.ConsentType == "opt_in" })
		st, err := c.SubscriptionTypes.AttachToContact(ctx, made.contact, upstream.SubscriptionChoice{ID: list.Data[i].ID, ConsentType: "opt_in"})
		if err != nil || st.ID != list.Data[i].ID {
			t.Errorf("Attach subscription: %+v, %v", st, err)
		}
	}},
	{"SubscriptionTypes.DetachFromContact", []string{"detachSubscriptionTypeToContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		chosen := ids.ws.ContactSubscriptionTypeIDs(made.contact)
		if st, err := c.SubscriptionTypes.DetachFromContact(ctx, made.contact, chosen[0]); err != nil || st.ID != chosen[0] {
			t.Errorf("Detach subscription: %+v, %v", st, err)
		}
	}},
	{"Notes.Create", []string{"createNote"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		n, err := c.Notes.Create(ctx, made.contact, upstream.NoteRequest{Body: "Called about the renewal", ContactID: made.contact, AdminID: ids.admin})
		if err != nil || n.Body != "<p>Called about the renewal</p>" || n.Author == nil || n.Author.ID != ids.admin {
			t.Errorf("Create note: %+v, %v", n, err)
		}
	}},
	{"DataAttributes.Create", []string{"createDataAttribute"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		a, err := c.DataAttributes.Create(ctx, upstream.CreateDataAttributeRequest{Name: "shirt_size", Model: "contact", DataType: "string",
			Options: []string{"S", "M", "L"}, MessengerWritable: ptr(true)})
		if err != nil || a.ID == nil || !a.Custom {
			t.Fatalf("Create data attribute: %+v, %v", a, err)
		}
		made.dataAttribute = strconv.FormatInt(*a.ID, 10)
	}},
	{"DataAttributes.Update", []string{"updateDataAttribute"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if a, err := c.DataAttributes.Update(ctx, made.dataAttribute, upstream.UpdateDataAttributeRequest{Archived: ptr(true)}); err != nil || !a.Archived {
			t.Errorf("Archive data attribute: %+v, %v", a, err)
		}
	}},
	{"DataEvents.Create", []string{"createDataEvent"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		err := c.DataEvents.Create(ctx, upstream.DataEventRequest{EventName: "ordered-zeppelin", CreatedAt: upstream.TimestampOf(time.Now()), ID: made.contact,
			Metadata: map[string]any{"color": "silver"}})
		if err != nil {
			t.Fatalf("Create event: %v", err)
		}
		if keys := ids.ws.EventKeys(made.contact); len(keys) == 0 {
			t.Error("the event was not recorded")
		}
	}},
	{"DataEvents.RecordSummary", []string{"dataEventSummaries"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		user := firstContact(ids.ws, "user", true).Contact
		err := c.DataEvents.RecordSummary(ctx, upstream.DataEventSummaryRequest{UserID: *user.ExternalID,
			EventSummaries: upstream.DataEventSummaryCount{EventName: "imported-orders", Count: 4, First: 1671028894, Last: 1681028894}})
		if err != nil {
			t.Fatalf("Record summary: %v", err)
		}
		sum, err := c.DataEvents.Summaries(ctx, upstream.DataEventOwner{IntercomUserID: user.ID})
		if err != nil || !slices.ContainsFunc(sum.Events, func(e *upstream.DataEventSummaryItem) bool { return e.Name == "imported-orders" && e.Count == 4 }) {
			t.Errorf("the summaries do not count the recorded events: %+v, %v", sum, err)
		}
	}},
	{"DataExports.Cancel", []string{"cancelDataExport"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		for job, status := range ids.ws.DataExportJobs() {
			if status == "pending" {
				if e, err := c.DataExports.Cancel(ctx, job); err != nil || e.Status != "canceled" {
					t.Errorf("Cancel export: %+v, %v", e, err)
				}
			}
		}
	}},
	{"DataExports.Create", []string{"createDataExport"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		req := upstream.DataExportRequest{CreatedAtAfter: 1717003983, CreatedAtBefore: 1717021983}
		if e, err := c.DataExports.Create(ctx, req); err != nil || e.Status != "pending" || e.Identifier() == "" {
			t.Fatalf("Create export: %+v, %v", e, err)
		}
		_, err := c.DataExports.Create(ctx, req)
		var apiErr *upstream.Error
		if !errors.As(err, &apiErr) || apiErr.Status != 429 || !apiErr.BudgetLeft {
			t.Errorf("a second active export: %v, want a 429 that leaves the rate budget alone", err)
		}
	}},
	{"Messages.Create", []string{"createMessage"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		m, err := c.Messages.Create(ctx, upstream.MessageRequest{MessageType: "email", Subject: "Your renewal", Body: "Shall we talk?", Template: "plain",
			From: upstream.MessageSender{Type: "admin", ID: mustInt64(ids.admin)}, To: upstream.MessageRecipient{Type: "user", ID: made.contact},
			CreateConversationWithoutContactReply: true})
		if err != nil || m.ConversationID == nil || m.Subject == nil {
			t.Fatalf("Create message: %+v, %v", m, err)
		}
		if conv, err := c.Conversations.Get(ctx, *m.ConversationID); err != nil || conv.Source.Subject != "Your renewal" {
			t.Errorf("the message's conversation: %+v, %v", conv, err)
		}
	}},
	{"PhoneSwitch.Create", []string{"createPhoneSwitch"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if p, err := c.PhoneSwitch.Create(ctx, upstream.PhoneSwitchRequest{Phone: "+353832345678", CustomAttributes: map[string]any{"issue_type": "Billing"}}); err != nil || p.Phone != "+353832345678" {
			t.Errorf("Create phone switch: %+v, %v", p, err)
		}
		_, err := c.PhoneSwitch.Create(ctx, upstream.PhoneSwitchRequest{Phone: "12345"})
		var apiErr *upstream.Error
		if !errors.As(err, &apiErr) || apiErr.Code() != "invalid_phone_number" {
			t.Errorf("an invalid number: %v", err)
		}
	}},
	{"Visitors.Update", []string{"updateVisitor"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		userID := ids.ws.VisitorUserIDs()[0]
		if v, err := c.Visitors.Update(ctx, upstream.VisitorUpdate{UserID: userID, Name: ptr("Gareth Bale")}); err != nil || v.Name == nil || *v.Name != "Gareth Bale" {
			t.Errorf("Update visitor: %+v, %v", v, err)
		}
	}},
	{"Visitors.Convert", []string{"convertVisitor"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		userID := ids.ws.VisitorUserIDs()[0]
		ct, err := c.Visitors.Convert(ctx, upstream.ConvertVisitorRequest{Type: "lead", User: upstream.ContactIdentity{UserID: "converted-1", Email: "foo@bar.com"},
			Visitor: upstream.VisitorIdentity{UserID: userID}})
		if err != nil || ct.Email != "foo@bar.com" {
			t.Fatalf("Convert visitor: %+v, %v", ct, err)
		}
		if _, err := c.Visitors.GetByUserID(ctx, userID); !upstream.IsNotFound(err) {
			t.Errorf("a converted visitor reads back: %v", err)
		}
	}},
	{"Contacts.Delete", []string{"DeleteContact"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if d, err := c.Contacts.Delete(ctx, made.contact); err != nil || !d.Deleted || d.ID != made.contact {
			t.Fatalf("Delete contact: %+v, %v", d, err)
		}
		if _, err := c.Contacts.Get(ctx, made.contact); !upstream.IsNotFound(err) {
			t.Errorf("a deleted contact reads back: %v", err)
		}
	}},
}

func ptr[T any](v T) *T { return &v }

func mustInt64(s string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		panic("not a numeric id: " + s)
	}
	return n
}
