package graph

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// Where Intercom's refusals of ticket type writes point in their inputs.
var (
	ticketTypeFields = refusedFields{renamed: map[string]string{"is_internal": "internal"},
		missing: map[string]string{missingTicketType: "id", missingOther: "id"}}
	attributeFields = refusedFields{
		missing: map[string]string{missingTicketType: "ticketTypeId", missingTicketTypeAttribute: "id", missingOther: "ticketTypeId"}}
	ticketTagFields = refusedFields{renamed: map[string]string{"id": "tagId"},
		missing: map[string]string{missingTicket: "ticketId", missingTag: "tagId", missingAdmin: "adminId", missingOther: "ticketId"}}
)

// ticketContacts checks and maps the contacts of a new ticket.
func ticketContacts(c *checks, refs []*model.ContactRefInput) []upstream.TicketContactIdentifier {
	if len(refs) == 0 {
		c.refuse(model.UserErrorCodeRequired, "give the contact the ticket concerns", "contacts")
	}
	out := make([]upstream.TicketContactIdentifier, len(refs))
	for i, ref := range refs {
		who := c.contactRef(ref, "contacts", strconv.Itoa(i))
		out[i] = upstream.TicketContactIdentifier{ID: who.IntercomUserID, ExternalID: who.UserID, Email: who.Email}
	}
	return out
}

// listItems checks a list attribute's options and joins them as Intercom
// takes them, comma separated.
func listItems(c *checks, items []string, path ...string) *string {
	if items == nil {
		return nil
	}
	if len(items) == 0 {
		c.refuse(model.UserErrorCodeRequired, "give at least one option", path...)
	}
	for i, item := range items {
		switch at := append(path, strconv.Itoa(i)); {
		case strings.TrimSpace(item) == "":
			c.refuse(model.UserErrorCodeRequired, "an option cannot be blank", at...)
		case strings.Contains(item, ","):
			c.refuse(model.UserErrorCodeInvalid, "an option cannot contain a comma", at...)
		}
	}
	return ptrTo(strings.Join(items, ","))
}

// ticketAssignment checks a ticket's new assignee: a teammate or a team by
// global ID, or nobody.
func ticketAssignment(c *checks, in *model.TicketAssignmentInput) *upstream.TicketAssignment {
	if in == nil {
		return nil
	}
	out := &upstream.TicketAssignment{AdminID: c.adminID(in.AdminID, "assignment", "adminId"), AssigneeID: "0"}
	if in.AssigneeID == nil {
		return out
	}
	g, err := relay.ParseGlobalID(*in.AssigneeID)
	if err == nil && g.Type != typeAdmin && g.Type != typeTeam {
		c.refuse(model.UserErrorCodeInvalidID, "the ID is a "+g.Type+" ID, the ID of an Admin or a Team is expected here", "assignment", "assigneeId")
		return out
	}
	if err != nil {
		c.refuse(model.UserErrorCodeInvalidID, err.Error(), "assignment", "assigneeId")
		return out
	}
	out.AssigneeID = strconv.FormatInt(c.numericID(*in.AssigneeID, g.Type, "assignment", "assigneeId"), 10)
	return out
}

// ticketReply checks and maps a reply to a ticket; it says whether a
// teammate replies.
func ticketReply(c *checks, in *model.TicketReplyInput, attachments []string) (upstream.ReplyTicketRequest, bool) {
	switch {
	case in == nil || (in.Admin == nil) == (in.Contact == nil):
		c.refuse(model.UserErrorCodeRequired, "give exactly one of admin and contact", "reply")
		return upstream.ReplyTicketRequest{}, false
	case in.Contact != nil:
		c.text(in.Contact.Body, "reply", "contact", "body")
		who := c.contactRef(in.Contact.Contact, "reply", "contact", "contact")
		return upstream.ReplyTicketRequest{MessageType: "comment", Type: "user", Body: in.Contact.Body, AttachmentURLs: attachments,
			IntercomUserID: who.IntercomUserID, UserID: who.UserID, Email: who.Email}, false
	}
	a := in.Admin
	req := upstream.ReplyTicketRequest{MessageType: wireValue(a.Kind), Type: "admin", AdminID: c.adminID(a.AdminID, "reply", "admin", "adminId"),
		AttachmentURLs: attachments, CrossPost: a.CrossPost}
	if a.Body != nil {
		req.Body = *a.Body
	}
	switch a.Kind {
	case model.AdminTicketReplyKindQuickReply:
		if len(a.QuickReplies) == 0 {
			c.refuse(model.UserErrorCodeRequired, "a quick reply needs its choices", "reply", "admin", "quickReplies")
		}
		for i, o := range a.QuickReplies {
			at := []string{"reply", "admin", "quickReplies", strconv.Itoa(i)}
			c.text(o.Text, append(at, "text")...)
			if _, err := uuid.Parse(o.UUID); err != nil {
				c.refuse(model.UserErrorCodeInvalid, "not a UUID", append(at, "uuid")...)
			}
			req.ReplyOptions = append(req.ReplyOptions, upstream.QuickReplyOption{Text: o.Text, UUID: o.UUID})
		}
	default:
		if a.Body == nil {
			c.refuse(model.UserErrorCodeRequired, "a comment or a note needs a body", "reply", "admin", "body")
		} else {
			c.text(*a.Body, "reply", "admin", "body")
		}
	}
	return req, true
}

// ticketTag tags or untags a ticket on behalf of a teammate, all three by global ID.
func (r *mutationResolver) ticketTag(ctx context.Context, ticketID, tagID, adminID string,
	change func(ctx context.Context, ticketID, tagID, adminID string) (*upstream.Tag, error)) (*model.TicketTagPayload, error) {
	var c checks
	ticket, tag := c.id(ticketID, typeTicket, "ticketId"), c.id(tagID, typeTag, "tagId")
	admin := c.adminID(adminID, "adminId")
	if c.failed() {
		return &model.TicketTagPayload{UserErrors: c.errs}, nil
	}
	t, err := change(ctx, ticket, tag, admin)
	refused, err := wrote(ctx, err, ticketTagFields)
	if err != nil || len(refused) > 0 {
		return refusedPayload(&model.TicketTagPayload{UserErrors: refused}, err)
	}
	return &model.TicketTagPayload{Tag: t, TicketID: ticket, UserErrors: refused}, nil
}

// ticketPart finds a part of a ticket read again after a reply, and its index
// among the ticket's parts; none when the reply was refused or the ticket
// does not show the part.
func ticketPart(ctx context.Context, ticketID, partID string) (*upstream.TicketPart, int, error) {
	t, err := optionalRef(ctx, nonEmpty(ticketID), loaders.For(ctx).Ticket)
	if err != nil || t == nil || t.TicketParts == nil {
		return nil, -1, err
	}
	i := slices.IndexFunc(t.TicketParts.TicketParts, func(p *upstream.TicketPart) bool { return p.ID == partID })
	if i < 0 {
		return nil, -1, nil
	}
	ticketOfPart.record(t.TicketParts.TicketParts[i], t.ID) // its global ID names its ticket
	return t.TicketParts.TicketParts[i], i, nil
}

// ticketPartEdge is the edge of a reply's part in its ticket's parts.
func (r *Resolver) ticketPartEdge(ctx context.Context, ticketID, partID string) (*model.TicketPartEdge, error) {
	part, i, err := ticketPart(ctx, ticketID, partID)
	if part == nil {
		return nil, err
	}
	return &model.TicketPartEdge{Cursor: r.offsetCursor(ctx, connKey("Ticket.parts", ticketID), i), Node: part}, nil
}

// ticketTypeAttributeEdge is the edge of a new attribute in its ticket
// type's attributes, read again with the type; none when the write was
// refused or the type does not show the attribute (yet).
func (r *Resolver) ticketTypeAttributeEdge(ctx context.Context, ticketTypeID string, created *upstream.TicketTypeAttribute) (*model.TicketTypeAttributeEdge, error) {
	if created == nil {
		return nil, nil
	}
	tt, err := optionalRef(ctx, nonEmpty(ticketTypeID), loaders.For(ctx).TicketType)
	if err != nil || tt == nil {
		return nil, err
	}
	list := tt.TicketTypeAttributes.Data
	i := slices.IndexFunc(list, func(a *upstream.TicketTypeAttribute) bool { return a.ID == created.ID })
	if i < 0 {
		return nil, nil
	}
	return &model.TicketTypeAttributeEdge{Cursor: r.offsetCursor(ctx, connKey("TicketType.attributes", ticketTypeID), i), Node: list[i]}, nil
}

// attributeRequest maps the fields that create and update an attribute alike.
func attributeRequest(c *checks, name, description *string, requiredToCreate, requiredToCreateForContacts, visibleOnCreate, visibleToContacts,
	multiline *bool, items []string, allowMultipleValues *bool) upstream.TicketTypeAttributeRequest {
	if name != nil {
		c.text(*name, "name")
		name = ptrTo(strings.TrimSpace(*name))
	}
	return upstream.TicketTypeAttributeRequest{Name: name, Description: description, RequiredToCreate: requiredToCreate,
		RequiredToCreateForContacts: requiredToCreateForContacts, VisibleOnCreate: visibleOnCreate, VisibleToContacts: visibleToContacts,
		Multiline: multiline, ListItems: listItems(c, items, "listItems"), AllowMultipleValues: allowMultipleValues}
}
