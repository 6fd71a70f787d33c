package upstream_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"intercom-graphql/upstream"
)

// The client's conversation, ticket and ticket type writes, each made as a
// caller would make it and checked against the spec on its way out; they
// build on one another through madeHere.

func init() { clientCalls = append(clientCalls, conversationWriteCalls...) }

// madeHere keeps what these calls created, for the calls after them.
var madeHere struct {
	conversation, lead, part, ticketType, attribute, ticket string
}

var conversationWriteCalls = []clientCall{
	{"Conversations.Create", []string{"createConversation"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		user := firstContact(ids.ws, "user", false).Contact
		m, err := c.Conversations.Create(ctx, upstream.CreateConversationRequest{From: upstream.ConversationFrom{Type: "user", ID: user.ID},
			Body: "My zeppelin leaks", AttachmentURLs: []string{"https://example.org/leak.png"}})
		if err != nil || m.ConversationID == nil || m.Type != "user_message" {
			t.Fatalf("Create conversation: %+v, %v", m, err)
		}
		madeHere.conversation = *m.ConversationID
		if conv, err := c.Conversations.Get(ctx, madeHere.conversation); err != nil || conv.State != "open" || conv.Source.Author.ID != user.ID {
			t.Errorf("the new conversation: %+v, %v", conv, err)
		}
	}},
	{"Conversations.Update", []string{"updateConversation"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if conv, err := c.Conversations.Update(ctx, madeHere.conversation, upstream.UpdateConversationRequest{Read: ptr(true)}); err != nil || !conv.Read {
			t.Errorf("Update conversation: %+v, %v", conv, err)
		}
	}},
	{"Conversations.AttachTag", []string{"attachTagToConversation"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		tag, err := c.Conversations.AttachTag(ctx, madeHere.conversation, upstream.AdminTagRequest{ID: ids.tag, AdminID: ids.admin})
		if err != nil || tag.ID != ids.tag || tag.AppliedBy == nil || *tag.AppliedBy.ID != ids.admin {
			t.Errorf("Tag a conversation: %+v, %v", tag, err)
		}
	}},
	{"Conversations.DetachTag", []string{"detachTagFromConversation"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if _, err := c.Conversations.DetachTag(ctx, madeHere.conversation, ids.tag, ids.admin); err != nil {
			t.Errorf("Untag a conversation: %v", err)
		}
		if conv, _ := c.Conversations.Get(ctx, madeHere.conversation); conv == nil || len(conv.Tags.Tags) != 0 {
			t.Errorf("the conversation keeps its tag: %+v", conv)
		}
	}},
	{"Conversations.Reply", []string{"replyConversation"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		conv, err := c.Conversations.Reply(ctx, madeHere.conversation, upstream.AdminReply(ids.admin, "comment", "We are on it", []string{"https://example.org/fix.pdf"}))
		if err != nil || conv.ConversationParts == nil || len(conv.ConversationParts.ConversationParts) == 0 {
			t.Fatalf("Reply as an admin: %+v, %v", conv, err)
		}
		part := conv.ConversationParts.ConversationParts[len(conv.ConversationParts.ConversationParts)-1]
		madeHere.part = part.ID
		if part.Author.ID != ids.admin || len(part.Attachments) != 1 || conv.WaitingSince != nil {
			t.Errorf("the admin's reply: %+v", part)
		}
		user := conv.Contacts.Contacts[0].ID
		if conv, err = c.Conversations.Reply(ctx, madeHere.conversation, upstream.ContactReply(upstream.ContactIdentifier{IntercomUserID: user}, "Thanks", nil)); err != nil || conv.WaitingSince == nil {
			t.Errorf("Reply as the contact: %+v, %v", conv, err)
		}
	}},
	{"Conversations.Manage", []string{"manageConversation"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		for _, step := range []struct {
			req   upstream.ManageConversationRequest
			state string
		}{
			{upstream.CloseConversation(ids.admin, "Goodbye"), "closed"},
			{upstream.OpenConversation(ids.admin), "open"},
			{upstream.SnoozeConversation(ids.admin, upstream.TimestampOf(time.Now().Add(24*time.Hour))), "snoozed"},
			{upstream.AssignConversation(ids.admin, "team", ids.team, ""), "snoozed"},
			{upstream.AssignConversation(ids.admin, "admin", "0", ""), "snoozed"},
		} {
			conv, err := c.Conversations.Manage(ctx, madeHere.conversation, step.req)
			if err != nil || conv.State != step.state {
				t.Errorf("Manage (%s): %+v, %v", step.req.MessageType, conv, err)
			}
		}
	}},
	{"Conversations.RunAssignmentRules", []string{"autoAssignConversation"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		conv, err := c.Conversations.RunAssignmentRules(ctx, madeHere.conversation)
		if err != nil || conv.TeamAssigneeID == nil {
			t.Errorf("Run assignment rules: %+v, %v", conv, err)
		}
	}},
	{"Conversations.AttachContact", []string{"attachContactToConversation"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		conv, err := c.Conversations.AttachContact(ctx, madeHere.conversation, upstream.AttachContactRequest{AdminID: ids.admin,
			Customer: upstream.ContactIdentifier{Email: "pilot@airships.example"}})
		if err != nil || len(conv.Contacts.Contacts) != 2 {
			t.Fatalf("Attach a contact: %+v, %v", conv, err)
		}
		madeHere.lead = conv.Contacts.Contacts[1].ID
	}},
	{"Conversations.DetachContact", []string{"detachContactFromConversation"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		conv, err := c.Conversations.DetachContact(ctx, madeHere.conversation, madeHere.lead, ids.admin)
		if err != nil || len(conv.Contacts.Contacts) != 1 {
			t.Errorf("Detach a contact: %+v, %v", conv, err)
		}
		_, err = c.Conversations.DetachContact(ctx, madeHere.conversation, conv.Contacts.Contacts[0].ID, ids.admin)
		var apiErr *upstream.Error
		if !errors.As(err, &apiErr) || apiErr.Status != 422 {
			t.Errorf("detaching the last contact: %v, want a 422", err)
		}
	}},
	{"Conversations.Redact", []string{"redactConversation"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		conv, err := c.Conversations.Redact(ctx, upstream.RedactPart(madeHere.conversation, madeHere.part))
		if err != nil {
			t.Fatalf("Redact a part: %v", err)
		}
		i := slices.IndexFunc(conv.ConversationParts.ConversationParts, func(p *upstream.ConversationPart) bool { return p.ID == madeHere.part })
		if i < 0 || !conv.ConversationParts.ConversationParts[i].Redacted {
			t.Errorf("the part is not redacted: %+v", conv.ConversationParts)
		}
		if conv, err := c.Conversations.Redact(ctx, upstream.RedactSource(madeHere.conversation, conv.Source.ID)); err != nil || !conv.Source.Redacted {
			t.Errorf("Redact the source: %+v, %v", conv, err)
		}
	}},
	{"Conversations.ConvertToTicket", []string{"convertConversationToTicket"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		var customer string
		for _, tt := range ids.ws.TicketTypes() {
			if tt.Category == "Customer" && !tt.Archived {
				customer = tt.ID
			}
		}
		tk, err := c.Conversations.ConvertToTicket(ctx, madeHere.conversation, upstream.ConvertConversationRequest{TicketTypeID: customer,
			Attributes: map[string]any{upstream.TicketTitleAttribute: "Leaking zeppelin"}})
		if err != nil || tk.Category != "Customer" || len(tk.LinkedObjects.Data) != 1 || tk.LinkedObjects.Data[0].ID != madeHere.conversation {
			t.Errorf("Convert to a ticket: %+v, %v", tk, err)
		}
	}},
	{"TicketTypes.Create", []string{"createTicketType"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		tt, err := c.TicketTypes.Create(ctx, upstream.CreateTicketTypeRequest{Name: "Zeppelin repair", Description: "When an airship fails",
			Category: "Back-office", Icon: "🛠️", IsInternal: ptr(true)})
		if err != nil || tt.ID == "" || len(tt.TicketTypeAttributes.Data) != 2 {
			t.Fatalf("Create ticket type: %+v, %v", tt, err)
		}
		madeHere.ticketType = tt.ID
	}},
	{"TicketTypes.Update", []string{"updateTicketType"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if tt, err := c.TicketTypes.Update(ctx, madeHere.ticketType, upstream.UpdateTicketTypeRequest{Description: ptr("When an airship fails to fly")}); err != nil ||
			tt.Description != "When an airship fails to fly" {
			t.Errorf("Update ticket type: %+v, %v", tt, err)
		}
	}},
	{"TicketTypes.CreateAttribute", []string{"createTicketTypeAttribute"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		a, err := c.TicketTypes.CreateAttribute(ctx, madeHere.ticketType, upstream.TicketTypeAttributeRequest{Name: ptr("Part"), Description: ptr("What broke"),
			DataType: "list", ListItems: ptr("Hull,Engine"), RequiredToCreate: ptr(true)})
		if err != nil || a.DataType != "list" || !a.RequiredToCreate {
			t.Fatalf("Create attribute: %+v, %v", a, err)
		}
		madeHere.attribute = a.ID
	}},
	{"TicketTypes.UpdateAttribute", []string{"updateTicketTypeAttribute"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		a, err := c.TicketTypes.UpdateAttribute(ctx, madeHere.ticketType, madeHere.attribute, upstream.TicketTypeAttributeRequest{ListItems: ptr("Hull,Engine,Rudder")})
		if err != nil || len(a.InputOptions["list_options"].([]any)) != 3 {
			t.Errorf("Update attribute: %+v, %v", a, err)
		}
	}},
	{"Tickets.Create", []string{"createTicket"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		tk, err := c.Tickets.Create(ctx, upstream.CreateTicketRequest{TicketTypeID: madeHere.ticketType, Contacts: []upstream.TicketContactIdentifier{{ID: ids.contact}},
			TicketAttributes: map[string]any{upstream.TicketTitleAttribute: "Engine on fire", "Part": "Engine"}})
		if err != nil || tk.TicketState != "submitted" || tk.TicketAttributes["Part"] != "Engine" {
			t.Fatalf("Create ticket: %+v, %v", tk, err)
		}
		madeHere.ticket = tk.ID
	}},
	{"Tickets.Update", []string{"updateTicket"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		tk, err := c.Tickets.Update(ctx, madeHere.ticket, upstream.UpdateTicketRequest{State: "in_progress",
			Assignment: &upstream.TicketAssignment{AdminID: ids.admin, AssigneeID: ids.admin}})
		if err != nil || tk.TicketState != "in_progress" || tk.AdminAssigneeID != ids.admin {
			t.Errorf("Update ticket: %+v, %v", tk, err)
		}
	}},
	{"Tickets.Reply", []string{"replyTicket"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		part, err := c.Tickets.Reply(ctx, madeHere.ticket, upstream.ReplyTicketRequest{MessageType: "quick_reply", Type: "admin", AdminID: ids.admin,
			ReplyOptions: []upstream.QuickReplyOption{{Text: "Yes", UUID: "a55776a3-1e17-4e74-8179-c5a147751f06"}, {Text: "No", UUID: "ee05fede-05b4-4543-bfa1-e6aa00417e51"}}})
		if err != nil || part.PartType != "quick_reply" || part.Author.ID != ids.admin {
			t.Errorf("Reply to a ticket: %+v, %v", part, err)
		}
		if part, err = c.Tickets.Reply(ctx, madeHere.ticket, upstream.ReplyTicketRequest{MessageType: "comment", Type: "user", IntercomUserID: ids.contact,
			Body: "Thanks"}); err != nil || part.Author.ID != ids.contact {
			t.Errorf("Reply as the ticket's contact: %+v, %v", part, err)
		}
	}},
	{"Tickets.AttachTag", []string{"attachTagToTicket"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if tag, err := c.Tickets.AttachTag(ctx, madeHere.ticket, upstream.AdminTagRequest{ID: ids.tag, AdminID: ids.admin}); err != nil || tag.AppliedAt == nil {
			t.Errorf("Tag a ticket: %+v, %v", tag, err)
		}
		if got := ids.ws.TicketTagIDs(madeHere.ticket); !slices.Equal(got, []string{ids.tag}) {
			t.Errorf("the ticket's tags: %v", got)
		}
	}},
	{"Tickets.DetachTag", []string{"detachTagFromTicket"}, func(ctx context.Context, t *testing.T, c *upstream.Client, ids *clientIDs) {
		if _, err := c.Tickets.DetachTag(ctx, madeHere.ticket, ids.tag, ids.admin); err != nil || len(ids.ws.TicketTagIDs(madeHere.ticket)) != 0 {
			t.Errorf("Untag a ticket: %v, tags left %v", err, ids.ws.TicketTagIDs(madeHere.ticket))
		}
	}},
}
