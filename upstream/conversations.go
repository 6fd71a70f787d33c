package upstream

import (
	"context"
	"net/http"
)

// ConversationsService reads and searches conversations.
type ConversationsService service

// List returns one page of all conversations (listConversations).
func (s *ConversationsService) List(ctx context.Context, opts CursorOptions) (*ConversationList, error) {
	var out ConversationList
	err := s.client.do(ctx, call{operation: "listConversations", method: http.MethodGet, template: "/conversations", path: "/conversations",
		query: opts.values(), idempotent: true}, &out)
	return &out, err
}

// Get retrieves one conversation with its parts (retrieveConversation).
func (s *ConversationsService) Get(ctx context.Context, id string) (*Conversation, error) {
	var out Conversation
	err := s.client.do(ctx, call{operation: "retrieveConversation", method: http.MethodGet, template: "/conversations/{id}", path: pathf("/conversations/%s", id), idempotent: true}, &out)
	return &out, err
}

// Search returns one page of the conversations matching a query (searchConversations).
func (s *ConversationsService) Search(ctx context.Context, req SearchRequest) (*ConversationList, error) {
	var out ConversationList
	err := s.client.do(ctx, call{operation: "searchConversations", method: http.MethodPost, template: "/conversations/search", path: "/conversations/search",
		body: req, idempotent: true}, &out)
	return &out, err
}

// AttachTag tags a conversation on behalf of an admin and returns the tag
// with when and by whom it was applied (attachTagToConversation); retried,
// as tagging a tagged conversation changes nothing.
func (s *ConversationsService) AttachTag(ctx context.Context, conversationID string, req AdminTagRequest) (*Tag, error) {
	var out Tag
	err := s.client.do(ctx, call{operation: "attachTagToConversation", method: http.MethodPost, template: "/conversations/{conversation_id}/tags",
		path: pathf("/conversations/%s/tags", conversationID), body: req, idempotent: true, write: true}, &out)
	return &out, err
}

// DetachTag takes a tag off a conversation (detachTagFromConversation);
// retried, as taking off a tag that is not there changes nothing.
func (s *ConversationsService) DetachTag(ctx context.Context, conversationID, tagID, adminID string) (*Tag, error) {
	var out Tag
	err := s.client.do(ctx, call{operation: "detachTagFromConversation", method: http.MethodDelete, template: "/conversations/{conversation_id}/tags/{id}",
		path: pathf("/conversations/%s/tags/%s", conversationID, tagID), body: AdminActionRequest{AdminID: adminID}, idempotent: true, write: true}, &out)
	return &out, err
}

// Create starts a conversation with a contact's message and returns the
// message with the conversation's id (createConversation). Never retried: a
// retry after a lost answer would start a second conversation. The contact
// has replied, so cached contacts go too.
func (s *ConversationsService) Create(ctx context.Context, req CreateConversationRequest) (*Message, error) {
	var out Message
	err := s.client.do(ctx, call{operation: "createConversation", method: http.MethodPost, template: "/conversations", path: "/conversations",
		body: req, write: true, invalidates: []string{"contacts"}}, &out)
	return &out, err
}

// Update changes a conversation (updateConversation); retried, as it sets
// what it is given.
func (s *ConversationsService) Update(ctx context.Context, id string, req UpdateConversationRequest) (*Conversation, error) {
	var out Conversation
	err := s.client.do(ctx, call{operation: "updateConversation", method: http.MethodPut, template: "/conversations/{id}", path: pathf("/conversations/%s", id),
		body: req, idempotent: true, write: true}, &out)
	return &out, err
}

// Reply adds an admin's comment or note, or a contact's comment, and
// returns the conversation (replyConversation). Never retried: each call
// adds a part, so a retry after a lost answer would post the reply twice.
// A reply changes when the contact last replied or was contacted.
func (s *ConversationsService) Reply(ctx context.Context, id string, req ReplyConversationRequest) (*Conversation, error) {
	var out Conversation
	err := s.client.do(ctx, call{operation: "replyConversation", method: http.MethodPost, template: "/conversations/{id}/reply", path: pathf("/conversations/%s/reply", id),
		body: req, write: true, invalidates: []string{"contacts"}}, &out)
	return &out, err
}

// Manage closes, opens, snoozes or assigns a conversation and returns it
// (manageConversation). Opening, snoozing, and closing or assigning without
// a message set a state that a repeat leaves as it is, so they are retried;
// a close or an assignment carrying a message is not, as a retry after a
// lost answer would send the message twice.
func (s *ConversationsService) Manage(ctx context.Context, id string, req ManageConversationRequest) (*Conversation, error) {
	var out Conversation
	err := s.client.do(ctx, call{operation: "manageConversation", method: http.MethodPost, template: "/conversations/{id}/parts", path: pathf("/conversations/%s/parts", id),
		body: req, idempotent: req.Body == "", write: true}, &out)
	return &out, err
}

// RunAssignmentRules assigns a conversation as the workspace's assignment
// rules say and returns it (autoAssignConversation); retried, as the rules
// give the same assignee again.
func (s *ConversationsService) RunAssignmentRules(ctx context.Context, id string) (*Conversation, error) {
	var out Conversation
	err := s.client.do(ctx, call{operation: "autoAssignConversation", method: http.MethodPost, template: "/conversations/{id}/run_assignment_rules",
		path: pathf("/conversations/%s/run_assignment_rules", id), idempotent: true, write: true}, &out)
	return &out, err
}

// AttachContact adds a contact to a conversation's participants and returns
// the conversation (attachContactToConversation); retried, as adding a
// participant again changes nothing. Named by an email no contact has, the
// contact is created as a lead, so cached contacts go too.
func (s *ConversationsService) AttachContact(ctx context.Context, id string, req AttachContactRequest) (*Conversation, error) {
	var out Conversation
	err := s.client.do(ctx, call{operation: "attachContactToConversation", method: http.MethodPost, template: "/conversations/{id}/customers",
		path: pathf("/conversations/%s/customers", id), body: req, idempotent: true, write: true, invalidates: []string{"contacts"}}, &out)
	return &out, err
}

// DetachContact removes a contact from a conversation's participants and
// returns the conversation (detachContactFromConversation); retried, as
// removing a contact who is no longer there changes nothing.
func (s *ConversationsService) DetachContact(ctx context.Context, conversationID, contactID, adminID string) (*Conversation, error) {
	var out Conversation
	err := s.client.do(ctx, call{operation: "detachContactFromConversation", method: http.MethodDelete, template: "/conversations/{conversation_id}/customers/{contact_id}",
		path: pathf("/conversations/%s/customers/%s", conversationID, contactID), body: AdminActionRequest{AdminID: adminID}, idempotent: true, write: true}, &out)
	return &out, err
}

// Redact replaces a part's body, or the source message, with Intercom's
// notice and returns the conversation (redactConversation); retried, as
// redacting what is redacted changes nothing.
func (s *ConversationsService) Redact(ctx context.Context, req RedactConversationRequest) (*Conversation, error) {
	var out Conversation
	err := s.client.do(ctx, call{operation: "redactConversation", method: http.MethodPost, template: "/conversations/redact", path: "/conversations/redact",
		body: req, idempotent: true, write: true}, &out)
	return &out, err
}

// ConvertToTicket makes a ticket of the conversation, linked to it, and
// returns the ticket (convertConversationToTicket). Never retried: a retry
// after a lost answer would meet a conversation already converted, or make
// a second ticket.
func (s *ConversationsService) ConvertToTicket(ctx context.Context, id string, req ConvertConversationRequest) (*Ticket, error) {
	var out Ticket
	err := s.client.do(ctx, call{operation: "convertConversationToTicket", method: http.MethodPost, template: "/conversations/{id}/convert",
		path: pathf("/conversations/%s/convert", id), body: req, write: true, invalidates: []string{"tickets"}}, &out)
	return &out, err
}
