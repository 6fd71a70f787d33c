package upstream

import (
	"context"
	"net/http"
)

// ConversationsService reads and searches conversations.
type ConversationsService service

// List returns one page of all conversations (listConversations).
func (s *ConversationsService) List(ctx context.Context, opts CursorOptions) (*ConversationList, error) {
	return fetch[ConversationList](ctx, s.client, call{operation: "listConversations", method: http.MethodGet, template: "/conversations",
		query: opts.values(), idempotent: true})
}

// Get retrieves one conversation with its parts (retrieveConversation).
func (s *ConversationsService) Get(ctx context.Context, id string) (*Conversation, error) {
	return fetch[Conversation](ctx, s.client, call{operation: "retrieveConversation", method: http.MethodGet, template: "/conversations/{id}",
		ids: []string{id}, idempotent: true})
}

// Search returns one page of the conversations matching a query (searchConversations).
func (s *ConversationsService) Search(ctx context.Context, req SearchRequest) (*ConversationList, error) {
	return fetch[ConversationList](ctx, s.client, call{operation: "searchConversations", method: http.MethodPost, template: "/conversations/search",
		body: req, idempotent: true})
}

// AttachTag tags a conversation on behalf of an admin and returns the tag
// with when and by whom it was applied (attachTagToConversation); retried,
// as tagging a tagged conversation changes nothing.
func (s *ConversationsService) AttachTag(ctx context.Context, conversationID string, req AdminTagRequest) (*Tag, error) {
	return fetch[Tag](ctx, s.client, call{operation: "attachTagToConversation", method: http.MethodPost, template: "/conversations/{conversation_id}/tags",
		ids: []string{conversationID}, body: req, idempotent: true, write: true})
}

// DetachTag takes a tag off a conversation (detachTagFromConversation);
// retried, as taking off a tag that is not there changes nothing.
func (s *ConversationsService) DetachTag(ctx context.Context, conversationID, tagID, adminID string) (*Tag, error) {
	return fetch[Tag](ctx, s.client, call{operation: "detachTagFromConversation", method: http.MethodDelete, template: "/conversations/{conversation_id}/tags/{id}",
		ids: []string{conversationID, tagID}, body: AdminActionRequest{AdminID: adminID}, idempotent: true, write: true})
}

// Create starts a conversation with a contact's message and returns the
// message with the conversation's id (createConversation). Never retried: a
// retry after a lost answer would start a second conversation. The contact
// has replied, so cached contacts go too.
func (s *ConversationsService) Create(ctx context.Context, req CreateConversationRequest) (*Message, error) {
	return fetch[Message](ctx, s.client, call{operation: "createConversation", method: http.MethodPost, template: "/conversations",
		body: req, write: true, invalidates: []string{"contacts"}})
}

// Update changes a conversation (updateConversation); retried, as it sets
// what it is given.
func (s *ConversationsService) Update(ctx context.Context, id string, req UpdateConversationRequest) (*Conversation, error) {
	return fetch[Conversation](ctx, s.client, call{operation: "updateConversation", method: http.MethodPut, template: "/conversations/{id}",
		ids: []string{id}, body: req, idempotent: true, write: true})
}

// Reply adds an admin's comment or note, or a contact's comment, and
// returns the conversation (replyConversation). Never retried: each call
// adds a part, so a retry after a lost answer would post the reply twice.
// A reply changes when the contact last replied or was contacted.
func (s *ConversationsService) Reply(ctx context.Context, id string, req ReplyConversationRequest) (*Conversation, error) {
	return fetch[Conversation](ctx, s.client, call{operation: "replyConversation", method: http.MethodPost, template: "/conversations/{id}/reply",
		ids: []string{id}, body: req, write: true, invalidates: []string{"contacts"}})
}

// Manage closes, opens, snoozes or assigns a conversation and returns it
// (manageConversation). Opening, snoozing, and closing or assigning without
// a message set a state that a repeat leaves as it is, so they are retried;
// a close or an assignment carrying a message is not, as a retry after a
// lost answer would send the message twice.
func (s *ConversationsService) Manage(ctx context.Context, id string, req ManageConversationRequest) (*Conversation, error) {
	return fetch[Conversation](ctx, s.client, call{operation: "manageConversation", method: http.MethodPost, template: "/conversations/{id}/parts",
		ids: []string{id}, body: req, idempotent: req.Body == "", write: true})
}

// RunAssignmentRules assigns a conversation as the workspace's assignment
// rules say and returns it (autoAssignConversation); retried, as the rules
// give the same assignee again.
func (s *ConversationsService) RunAssignmentRules(ctx context.Context, id string) (*Conversation, error) {
	return fetch[Conversation](ctx, s.client, call{operation: "autoAssignConversation", method: http.MethodPost, template: "/conversations/{id}/run_assignment_rules",
		ids: []string{id}, idempotent: true, write: true})
}

// AttachContact adds a contact to a conversation's participants and returns
// the conversation (attachContactToConversation); retried, as adding a
// participant again changes nothing. Named by an email no contact has, the
// contact is created as a lead, so cached contacts go too.
func (s *ConversationsService) AttachContact(ctx context.Context, id string, req AttachContactRequest) (*Conversation, error) {
	return fetch[Conversation](ctx, s.client, call{operation: "attachContactToConversation", method: http.MethodPost, template: "/conversations/{id}/customers",
		ids: []string{id}, body: req, idempotent: true, write: true, invalidates: []string{"contacts"}})
}

// DetachContact removes a contact from a conversation's participants and
// returns the conversation (detachContactFromConversation); retried, as
// removing a contact who is no longer there changes nothing.
func (s *ConversationsService) DetachContact(ctx context.Context, conversationID, contactID, adminID string) (*Conversation, error) {
	return fetch[Conversation](ctx, s.client, call{operation: "detachContactFromConversation", method: http.MethodDelete, template: "/conversations/{conversation_id}/customers/{contact_id}",
		ids: []string{conversationID, contactID}, body: AdminActionRequest{AdminID: adminID}, idempotent: true, write: true})
}

// Redact replaces a part's body, or the source message, with Intercom's
// notice and returns the conversation (redactConversation); retried, as
// redacting what is redacted changes nothing.
func (s *ConversationsService) Redact(ctx context.Context, req RedactConversationRequest) (*Conversation, error) {
	return fetch[Conversation](ctx, s.client, call{operation: "redactConversation", method: http.MethodPost, template: "/conversations/redact",
		body: req, idempotent: true, write: true})
}

// ConvertToTicket makes a ticket of the conversation, linked to it, and
// returns the ticket (convertConversationToTicket). Never retried: a retry
// after a lost answer would meet a conversation already converted, or make
// a second ticket.
func (s *ConversationsService) ConvertToTicket(ctx context.Context, id string, req ConvertConversationRequest) (*Ticket, error) {
	return fetch[Ticket](ctx, s.client, call{operation: "convertConversationToTicket", method: http.MethodPost, template: "/conversations/{id}/convert",
		ids: []string{id}, body: req, write: true, invalidates: []string{"tickets"}})
}
