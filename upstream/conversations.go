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
