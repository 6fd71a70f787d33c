package model

import "intercom-graphql/upstream"

// The conversation and ticket payloads whose objects are read again after
// the write, only when a client selects them: each keeps the Intercom ids
// to read.

// ConversationTagPayload is the result of attachTagToConversation and detachTagFromConversation.
type ConversationTagPayload struct {
	Tag            *upstream.Tag
	ConversationID string
	UserErrors     []*UserError
}

// CreateConversationPayload is the result of createConversation; the
// message names the conversation.
type CreateConversationPayload struct {
	Message    *upstream.Message
	UserErrors []*UserError
}

// ConversationParticipantsPayload is the result of attachContactToConversation
// and detachContactFromConversation. Conversation is Intercom's answer, read
// again by ConversationID when the answer does not hold it.
type ConversationParticipantsPayload struct {
	Conversation   *upstream.Conversation
	ConversationID string
	UserErrors     []*UserError
}

// ConvertConversationToTicketPayload is the result of convertConversationToTicket.
type ConvertConversationToTicketPayload struct {
	Ticket         *upstream.Ticket
	ConversationID string
	UserErrors     []*UserError
}

// TicketTypeAttributePayload is the result of createTicketTypeAttribute and updateTicketTypeAttribute.
type TicketTypeAttributePayload struct {
	Attribute    *upstream.TicketTypeAttribute
	TicketTypeID string
	UserErrors   []*UserError
}

// ReplyTicketPayload is the result of replyTicket: Intercom answers with the
// part alone, so the part is read with its ticket.
type ReplyTicketPayload struct {
	TicketID   string
	PartID     string
	UserErrors []*UserError
}

// TicketTagPayload is the result of attachTagToTicket and detachTagFromTicket.
type TicketTagPayload struct {
	Tag        *upstream.Tag
	TicketID   string
	UserErrors []*UserError
}
