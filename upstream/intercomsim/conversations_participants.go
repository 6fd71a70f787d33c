package intercomsim

import (
	"net/http"
	"slices"
	"strconv"

	"intercom-graphql/upstream"
)

// A conversation's participants, its redaction, and its conversion to a ticket.

// attachContactToConversation serves POST /conversations/{id}/customers: a
// contact named by its Intercom id, external id or email joins the
// participants, added by an admin (or by a participating contact, the
// customer's own customer); an email no contact has makes a lead.
func attachContactToConversation(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	type identity struct {
		IntercomUserID *string `json:"intercom_user_id"`
		UserID         *string `json:"user_id"`
		Email          *string `json:"email"`
	}
	var b struct {
		AdminID  *flexibleID `json:"admin_id"`
		Customer *struct {
			identity
			Customer *identity `json:"customer"`
		} `json:"customer"`
	}
	if !readBody(w, r, &b) {
		return
	}
	count := func(id identity) int {
		n := 0
		for _, s := range []*string{id.IntercomUserID, id.UserID, id.Email} {
			if s != nil && *s != "" {
				n++
			}
		}
		return n
	}
	switch {
	case b.Customer == nil || count(b.Customer.identity) == 0:
		missing(w, r, "customer")
		return
	case count(b.Customer.identity) > 1:
		invalid(w, r, "customer", "name the contact by one of intercom_user_id, user_id and email")
		return
	case b.AdminID == nil && b.Customer.Customer == nil:
		missing(w, r, "admin_id")
		return
	case b.Customer.Email != nil && !emailPattern.MatchString(*b.Customer.Email):
		invalid(w, r, "customer", "%q is not a valid email address", *b.Customer.Email)
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.conversationNamed(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	author := upstream.PartAuthor{}
	if b.AdminID != nil {
		admin, ok := ws.adminNamed(w, r, string(*b.AdminID), "admin_id")
		if !ok {
			return
		}
		author = adminAuthor(admin)
	} else {
		by := b.Customer.Customer
		actor := ws.contactBy(deref(by.IntercomUserID), deref(by.UserID), deref(by.Email))
		if actor == nil || !isParticipant(rec.conversation.Contacts.Contacts, actor.contact.ID) {
			contactNotFound(w, r, "customer")
			return
		}
		author = contactAuthor(actor)
	}
	c := b.Customer.identity
	contact := ws.contactBy(deref(c.IntercomUserID), deref(c.UserID), deref(c.Email))
	if contact == nil && c.Email == nil {
		contactNotFound(w, r, "customer")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyAddParticipant(rec, contact, deref(c.Email), author))
}

// applyAddParticipant adds a participant (first creating a lead for an
// email no contact has), with a participant_added part; the conversation's
// contacts and contact_ids searches show it. A participant already there
// changes nothing.
func (ws *Workspace) applyAddParticipant(rec *conversationRecord, contact *contactRecord, email string, author upstream.PartAuthor) *upstream.Conversation {
	if contact == nil {
		lead := "lead"
		ws.applyCreateContact(contactBody{Role: &lead, Email: &email})
		contact = ws.contacts[len(ws.contacts)-1]
	}
	c := &rec.conversation
	if !isParticipant(c.Contacts.Contacts, contact.contact.ID) {
		c.Contacts.Contacts = append(slices.Clone(c.Contacts.Contacts), contactRef(&contact.contact))
		ws.addPart(rec, "participant_added", author, nil, ws.nowStamp())
		ws.notifyConversation("conversation.contact.attached", rec)
	}
	return renderConversation(rec, true, false)
}

// detachContactFromConversation serves DELETE
// /conversations/{conversation_id}/customers/{contact_id}: an admin removes
// a participant, never the last one.
func detachContactFromConversation(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		AdminID *flexibleID `json:"admin_id"`
	}
	if !readBody(w, r, &b) {
		return
	}
	if b.AdminID == nil {
		missing(w, r, "admin_id")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.conversationNamed(w, r, r.PathValue("conversation_id"))
	if !ok {
		return
	}
	admin, ok := ws.adminNamed(w, r, string(*b.AdminID), "admin_id")
	if !ok {
		return
	}
	contactID := r.PathValue("contact_id")
	if _, ok := ws.contactByID[contactID]; !ok {
		contactNotFound(w, r, "contact_id")
		return
	}
	refs := rec.conversation.Contacts.Contacts
	if isParticipant(refs, contactID) && len(refs) == 1 {
		writeError(w, requestIDFrom(r), http.StatusUnprocessableEntity, "parameter_invalid", "Removing the last customer is not allowed", "contact_id")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyRemoveParticipant(rec, contactID, admin))
}

// applyRemoveParticipant removes a participant with a participant_removed part;
// one who is not there changes nothing.
func (ws *Workspace) applyRemoveParticipant(rec *conversationRecord, contactID string, admin *upstream.Admin) *upstream.Conversation {
	c := &rec.conversation
	if isParticipant(c.Contacts.Contacts, contactID) {
		c.Contacts.Contacts = slices.DeleteFunc(slices.Clone(c.Contacts.Contacts), func(ref upstream.ContactReference) bool { return ref.ID == contactID })
		ws.addPart(rec, "participant_removed", adminAuthor(admin), nil, ws.nowStamp())
		ws.notifyConversation("conversation.contact.detached", rec)
	}
	return renderConversation(rec, true, false)
}

// redactConversation serves POST /conversations/redact: a part that has a
// body, or the source message when a contact wrote it.
func redactConversation(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		Type               *string `json:"type"`
		ConversationID     *string `json:"conversation_id"`
		ConversationPartID *string `json:"conversation_part_id"`
		SourceID           *string `json:"source_id"`
	}
	if !readBody(w, r, &b) {
		return
	}
	switch {
	case b.Type == nil:
		missing(w, r, "type")
		return
	case *b.Type != "conversation_part" && *b.Type != "source":
		invalid(w, r, "type", "type must be conversation_part or source")
		return
	case b.ConversationID == nil:
		missing(w, r, "conversation_id")
		return
	case *b.Type == "conversation_part" && b.ConversationPartID == nil:
		missing(w, r, "conversation_part_id")
		return
	case *b.Type == "source" && b.SourceID == nil:
		missing(w, r, "source_id")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.conversationByID[*b.ConversationID]
	if !ok {
		writeError(w, requestIDFrom(r), http.StatusNotFound, "not_found", "Conversation Not Found", "conversation_id")
		return
	}
	c := &rec.conversation
	notRedactable := func(field, why string) {
		badRequest(w, r, "conversation_part_not_redactable", why, field)
	}
	gone := func(field string) {
		writeError(w, requestIDFrom(r), http.StatusNotFound, "conversation_part_or_message_not_found", "Conversation part or message not found", field)
	}
	if *b.Type == "source" {
		switch {
		case c.Source.ID != *b.SourceID:
			gone("source_id")
		case c.Source.Author.Type != "user" && c.Source.Author.Type != "lead" && c.Source.Author.Type != "contact":
			notRedactable("source_id", "Only a message a contact wrote can be redacted")
		default:
			ws.applyRedactSource(rec)
			writeJSON(w, http.StatusOK, renderConversation(rec, true, false))
		}
		return
	}
	var part *upstream.ConversationPart
	if c.ConversationParts != nil {
		for _, p := range c.ConversationParts.ConversationParts {
			if p.ID == *b.ConversationPartID {
				part = p
			}
		}
	}
	switch {
	case part == nil:
		gone("conversation_part_id")
	case part.Body == nil:
		notRedactable("conversation_part_id", "A conversation part without a body cannot be redacted")
	default:
		ws.applyRedactPart(rec, part)
		writeJSON(w, http.StatusOK, renderConversation(rec, true, false))
	}
}

// applyRedactPart replaces a part's body with the redaction notice; searches
// no longer find what it said.
func (ws *Workspace) applyRedactPart(rec *conversationRecord, part *upstream.ConversationPart) {
	if part.Redacted {
		return
	}
	part.Body, part.Redacted, part.UpdatedAt = ptr(redactionNotice), true, ws.nowStamp()
	ws.notifyConversation("conversation_part.redacted", rec)
}

// applyRedactSource replaces the opening message's body with the notice.
func (ws *Workspace) applyRedactSource(rec *conversationRecord) {
	s := &rec.conversation.Source
	if s.Redacted {
		return
	}
	s.Body, s.Redacted = redactionNotice, true
	ws.notifyConversation("conversation_part.redacted", rec)
}

// convertConversationToTicket serves POST /conversations/{id}/convert: a
// customer ticket type, attributes of its own, and a conversation not yet
// converted.
func convertConversationToTicket(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		TicketTypeID *string        `json:"ticket_type_id"`
		Attributes   map[string]any `json:"attributes"`
	}
	if !readBody(w, r, &b) {
		return
	}
	if b.TicketTypeID == nil || *b.TicketTypeID == "" {
		missing(w, r, "ticket_type_id")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.conversationNamed(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	tt, ok := ws.ticketTypeNamed(w, r, *b.TicketTypeID, "ticket_type_id")
	if !ok {
		return
	}
	switch {
	case tt.Category != "Customer":
		invalid(w, r, "ticket_type_id", "Ticket type is not a customer ticket type")
		return
	case slices.ContainsFunc(rec.conversation.LinkedObjects.Data, func(o upstream.LinkedObject) bool {
		return o.Type == "ticket" && o.Category != nil && *o.Category == "Customer"
	}):
		invalid(w, r, "id", "conversation %s is already a customer ticket", rec.conversation.ID)
		return
	}
	values, ok := ws.checkTicketAttributes(w, r, tt, b.Attributes, "attributes", false)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, ws.renderTicket(ws.applyConvertConversation(rec, tt, values)))
}

// applyConvertConversation makes a customer ticket of a conversation: its
// contacts and assignees, its opening message as the ticket's first part,
// its title (the conversation's title or subject unless the attributes give
// one), and links both ways.
func (ws *Workspace) applyConvertConversation(rec *conversationRecord, tt *upstream.TicketType, values map[string]any) *ticketRecord {
	c := &rec.conversation
	if _, ok := values[upstream.TicketTitleAttribute]; !ok {
		title := c.Source.Subject
		if c.Title != nil {
			title = *c.Title
		}
		if title == "" {
			title = "Conversation " + c.ID
		}
		values[upstream.TicketTitleAttribute] = title
	}
	t := ws.newTicket(tt, c.Contacts.Contacts, values)
	if c.AdminAssigneeID != nil {
		t.ticket.AdminAssigneeID = strconv.FormatInt(*c.AdminAssigneeID, 10)
	}
	if c.TeamAssigneeID != nil {
		t.ticket.TeamAssigneeID = strconv.FormatInt(*c.TeamAssigneeID, 10)
	}
	first := &upstream.TicketPart{Type: "ticket_part", ID: ws.newPartID(), PartType: "comment", Body: ptr(c.Source.Body), TicketState: "submitted",
		CreatedAt: c.CreatedAt, UpdatedAt: c.CreatedAt, Author: ticketAuthor(c.Source.Author), Attachments: slices.Clone(c.Source.Attachments)}
	parts := &t.ticket.TicketParts.TicketParts
	*parts = append([]*upstream.TicketPart{first}, *parts...)
	t.ticket.TicketParts.TotalCount = len(*parts)
	link(&t.ticket.LinkedObjects, upstream.LinkedObject{Type: "conversation", ID: c.ID})
	link(&c.LinkedObjects, upstream.LinkedObject{Type: "ticket", ID: t.ticket.ID, Category: ptr(t.ticket.Category)})
	c.UpdatedAt = ws.nowStamp()
	ws.addTicket(t)
	return t
}
