package graph

import (
	"context"
	"strconv"
	"strings"

	"intercom-graphql/graph/model"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// Where Intercom's refusals of conversation writes point in their inputs.
var (
	conversationTagFields = refusedFields{renamed: map[string]string{"id": "tagId"},
		missing: map[string]string{missingConversation: "conversationId", missingTag: "tagId", missingAdmin: "adminId", missingOther: "conversationId"}}
	manageFields = refusedFields{renamed: map[string]string{"body": "message"},
		missing: map[string]string{missingConversation: "conversationId", missingAdmin: "adminId", missingAssignee: "assigneeId", missingOther: "conversationId"}}
	participantFields = refusedFields{renamed: map[string]string{"customer": "contact"},
		missing: map[string]string{missingConversation: "conversationId", missingAdmin: "adminId", missingContact: "contact", missingOther: "conversationId"}}
	detachParticipantFields = refusedFields{
		missing: map[string]string{missingConversation: "conversationId", missingAdmin: "adminId", missingContact: "contactId", missingOther: "conversationId"}}
	redactFields = refusedFields{renamed: map[string]string{"conversation_part_id": "target.partId", "source_id": "target.sourceId"},
		missing: map[string]string{missingConversation: "conversationId", missingPart: "target", missingOther: "conversationId"}}
)

// adminID decodes the global ID of a teammate into the id Intercom's bodies take.
func (c *checks) adminID(global string, path ...string) string {
	return strconv.FormatInt(c.numericID(global, typeAdmin, path...), 10)
}

// contactRef decodes a contact named by exactly one of its global ID, its
// external id and its email.
func (c *checks) contactRef(in *model.ContactRefInput, path ...string) upstream.ContactIdentifier {
	if in == nil || countSet(in.ContactID, in.ExternalID, in.Email) != 1 {
		c.refuse(model.UserErrorCodeRequired, "give exactly one of contactId, externalId and email", path...)
		return upstream.ContactIdentifier{}
	}
	switch {
	case in.ContactID != nil:
		return upstream.ContactIdentifier{IntercomUserID: c.id(*in.ContactID, typeContact, append(path, "contactId")...)}
	case in.ExternalID != nil:
		c.text(*in.ExternalID, append(path, "externalId")...)
		return upstream.ContactIdentifier{UserID: *in.ExternalID}
	default:
		c.text(*in.Email, append(path, "email")...)
		return upstream.ContactIdentifier{Email: *in.Email}
	}
}

// attachmentURLs refuses more attachments than Intercom takes.
func (c *checks) attachmentURLs(urls []string, path ...string) []string {
	if len(urls) > 10 {
		c.refuse(model.UserErrorCodeInvalid, "at most 10 attachments are allowed", path...)
	}
	return urls
}

// replyFields says where a reply's refusals point: in the admin's or the
// contact's branch of the input's reply.
func replyFields(admin bool) refusedFields {
	if admin {
		return refusedFields{
			renamed: map[string]string{"admin_id": "reply.admin.adminId", "body": "reply.admin.body", "message_type": "reply.admin.kind",
				"created_at": "reply.admin.createdAt", "reply_options": "reply.admin.quickReplies", "cross_post": "reply.admin.crossPost"},
			missing: map[string]string{missingConversation: "conversationId", missingTicket: "ticketId", missingAdmin: "reply.admin.adminId", missingOther: "conversationId"}}
	}
	return refusedFields{
		renamed: map[string]string{"intercom_user_id": "reply.contact.contact", "user_id": "reply.contact.contact", "email": "reply.contact.contact",
			"body": "reply.contact.body"},
		missing: map[string]string{missingConversation: "conversationId", missingTicket: "ticketId", missingContact: "reply.contact.contact", missingOther: "conversationId"}}
}

// conversationReply checks and maps a conversation's reply.
func conversationReply(c *checks, in *model.ConversationReplyInput, attachments []string) (upstream.ReplyConversationRequest, bool) {
	switch {
	case in == nil || (in.Admin == nil) == (in.Contact == nil):
		c.refuse(model.UserErrorCodeRequired, "give exactly one of admin and contact", "reply")
		return upstream.ReplyConversationRequest{}, false
	case in.Admin != nil:
		a := in.Admin
		c.text(a.Body, "reply", "admin", "body")
		req := upstream.AdminReply(c.adminID(a.AdminID, "reply", "admin", "adminId"), wireValue(a.Kind), a.Body, attachments)
		req.CreatedAt = a.CreatedAt
		return req, true
	default:
		c.text(in.Contact.Body, "reply", "contact", "body")
		return upstream.ContactReply(c.contactRef(in.Contact.Contact, "reply", "contact", "contact"), in.Contact.Body, attachments), false
	}
}

// assignment checks an assignee of a type: the global ID of an Admin or a
// Team, or nobody ("0").
func (c *checks) assignee(kind model.AssigneeType, global *string, path ...string) string {
	if global == nil {
		return "0"
	}
	typ := typeAdmin
	if kind == model.AssigneeTypeTeam {
		typ = typeTeam
	}
	n := c.numericID(*global, typ, path...)
	return strconv.FormatInt(n, 10)
}

// ticketAttributes checks and maps ticket attribute values, with the title
// and description given apart, into Intercom's object keyed by attribute
// name. It adds to fields where Intercom's refusals of each name point.
func ticketAttributes(c *checks, values []*model.TicketAttributeValueInput, title, description *string, fields *refusedFields) map[string]any {
	out := map[string]any{}
	if fields.renamed == nil {
		fields.renamed = map[string]string{}
	}
	// A refusal about an attribute the input does not name (one the type
	// requires) points at the attributes.
	fields.renamed["ticket_attributes"] = "attributes"
	for i, v := range values {
		at := []string{"attributes", strconv.Itoa(i)}
		name := strings.TrimSpace(v.Name)
		if name == "" {
			c.refuse(model.UserErrorCodeRequired, "name the attribute", append(at, "name")...)
			continue
		}
		if _, dup := out[name]; dup {
			c.refuse(model.UserErrorCodeInvalid, "the attribute "+name+" is given twice", at...)
			continue
		}
		fields.renamed[name] = strings.Join(at, ".")
		clear := v.Clear != nil
		if clear && !*v.Clear {
			c.refuse(model.UserErrorCodeInvalid, "clear takes true; leave it out to set a value", append(at, "clear")...)
		}
		var set []any
		if v.Text != nil {
			set = append(set, *v.Text)
		}
		if v.OptionID != nil {
			set = append(set, *v.OptionID)
		}
		if v.Integer != nil {
			set = append(set, *v.Integer)
		}
		if v.Decimal != nil {
			set = append(set, *v.Decimal)
		}
		if v.Boolean != nil {
			set = append(set, *v.Boolean)
		}
		if v.DateTime != nil {
			set = append(set, int64(*v.DateTime))
		}
		switch {
		case clear && len(set) == 0:
			out[name] = nil
		case !clear && len(set) == 1:
			out[name] = set[0]
		default:
			c.refuse(model.UserErrorCodeRequired, "give exactly one value (text, optionId, integer, decimal, boolean or dateTime) or clear", at...)
		}
	}
	for _, d := range []struct {
		name, field string
		value       *string
	}{{upstream.TicketTitleAttribute, "title", title}, {upstream.TicketDescriptionAttribute, "description", description}} {
		if d.value == nil {
			continue
		}
		if _, dup := out[d.name]; dup {
			c.refuse(model.UserErrorCodeInvalid, "give the "+d.field+" once, as "+d.field+" or among the attributes", d.field)
			continue
		}
		out[d.name] = *d.value
		fields.renamed[d.name] = d.field
	}
	return out
}

// conversationAnswer is the conversation an answer holds, or the
// conversation read again when Intercom's answer does not hold it.
func conversationAnswer(ctx context.Context, held *upstream.Conversation, id string) (*upstream.Conversation, error) {
	if held != nil && held.ID != "" {
		return held, nil
	}
	return optionalRef(ctx, nonEmpty(id), loaders.For(ctx).Conversation)
}

// lastPart is the part a reply appended: the conversation's last.
func lastPart(c *upstream.Conversation) *upstream.ConversationPart {
	if c.ConversationParts == nil || len(c.ConversationParts.ConversationParts) == 0 {
		return nil
	}
	part := c.ConversationParts.ConversationParts[len(c.ConversationParts.ConversationParts)-1]
	conversationOfPart.record(part, c.ID) // its global ID names its conversation
	return part
}

// manage runs one of the writes of POST /conversations/{id}/parts.
func (r *mutationResolver) manage(ctx context.Context, c *checks, conversationID string, req func() upstream.ManageConversationRequest) (*model.ManageConversationPayload, error) {
	id := c.id(conversationID, typeConversation, "conversationId")
	body := req()
	if c.failed() {
		return &model.ManageConversationPayload{UserErrors: c.errs}, nil
	}
	conv, err := r.client(ctx).Conversations.Manage(ctx, id, body)
	refused, err := wrote(ctx, err, manageFields)
	if err != nil || len(refused) > 0 {
		return refusedPayload(&model.ManageConversationPayload{UserErrors: refused}, err)
	}
	return &model.ManageConversationPayload{Conversation: conv, UserErrors: refused}, nil
}

// conversationTag tags or untags a conversation on behalf of a teammate, all three by global ID.
func (r *mutationResolver) conversationTag(ctx context.Context, conversationID, tagID, adminID string,
	change func(ctx context.Context, conversationID, tagID, adminID string) (*upstream.Tag, error)) (*model.ConversationTagPayload, error) {
	var c checks
	conversation, tag := c.id(conversationID, typeConversation, "conversationId"), c.id(tagID, typeTag, "tagId")
	admin := c.adminID(adminID, "adminId")
	if c.failed() {
		return &model.ConversationTagPayload{UserErrors: c.errs}, nil
	}
	t, err := change(ctx, conversation, tag, admin)
	refused, err := wrote(ctx, err, conversationTagFields)
	if err != nil || len(refused) > 0 {
		return refusedPayload(&model.ConversationTagPayload{UserErrors: refused}, err)
	}
	return &model.ConversationTagPayload{Tag: t, ConversationID: conversation, UserErrors: refused}, nil
}
