package model

import "intercom-graphql/upstream"

// The conversation and ticket payloads. Each embeds Echo, which answers its
// clientMutationId. A payload whose objects are read again after the write,
// only when a client selects them, keeps the Intercom ids to read; a payload
// type shared by several mutations is bound to each of their payloads in
// gqlgen.yml, one schema type per mutation.

// ConversationTagPayload is the result of attachTagToConversation and of detachTagFromConversation.
type ConversationTagPayload struct {
	Echo
	Tag            *upstream.Tag
	ConversationID string
	UserErrors     []*UserError
}

// CreateConversationPayload is the result of createConversation; the
// message names the conversation.
type CreateConversationPayload struct {
	Echo
	Message    *upstream.Message
	UserErrors []*UserError
}

// UpdateConversationPayload is the result of updateConversation.
type UpdateConversationPayload struct {
	Echo
	Conversation *upstream.Conversation
	UserErrors   []*UserError
}

// ReplyConversationPayload is the result of replyConversation.
type ReplyConversationPayload struct {
	Echo
	Conversation *upstream.Conversation
	Part         *upstream.ConversationPart
	UserErrors   []*UserError
}

// ManageConversationPayload is the result of closeConversation, openConversation,
// snoozeConversation, assignConversation and runAssignmentRules.
type ManageConversationPayload struct {
	Echo
	Conversation *upstream.Conversation
	UserErrors   []*UserError
}

// ConversationParticipantsPayload is the result of attachContactToConversation
// and of detachContactFromConversation. Conversation is Intercom's answer, read
// again by ConversationID when the answer does not hold it.
type ConversationParticipantsPayload struct {
	Echo
	Conversation   *upstream.Conversation
	ConversationID string
	UserErrors     []*UserError
}

// RedactConversationPayload is the result of redactConversation.
type RedactConversationPayload struct {
	Echo
	Conversation *upstream.Conversation
	UserErrors   []*UserError
}

// ConvertConversationToTicketPayload is the result of convertConversationToTicket.
type ConvertConversationToTicketPayload struct {
	Echo
	Ticket         *upstream.Ticket
	ConversationID string
	UserErrors     []*UserError
}

// TicketTypePayload is the result of createTicketType and of updateTicketType.
type TicketTypePayload struct {
	Echo
	TicketType *upstream.TicketType
	UserErrors []*UserError
}

// TicketTypeAttributePayload is the result of createTicketTypeAttribute and of updateTicketTypeAttribute.
type TicketTypeAttributePayload struct {
	Echo
	Attribute    *upstream.TicketTypeAttribute
	TicketTypeID string
	UserErrors   []*UserError
}

// TicketPayload is the result of createTicket and of updateTicket.
type TicketPayload struct {
	Echo
	Ticket     *upstream.Ticket
	UserErrors []*UserError
}

// ReplyTicketPayload is the result of replyTicket: Intercom answers with the
// part alone, so the part is read with its ticket.
type ReplyTicketPayload struct {
	Echo
	TicketID   string
	PartID     string
	UserErrors []*UserError
}

// TicketTagPayload is the result of attachTagToTicket and of detachTagFromTicket.
type TicketTagPayload struct {
	Echo
	Tag        *upstream.Tag
	TicketID   string
	UserErrors []*UserError
}
