package upstream

import (
	"context"
	"net/http"
)

// MessagesService sends the messages admins start.
type MessagesService service

// Create sends a message from an admin to a contact (createMessage). Never
// retried: a retry after a lost answer would send it twice. The contact was
// contacted, and a conversation may have opened, so both kinds' cached
// answers go.
func (s *MessagesService) Create(ctx context.Context, req MessageRequest) (*Message, error) {
	return fetch[Message](ctx, s.client, call{operation: "createMessage", method: http.MethodPost, template: "/messages",
		body: req, write: true, invalidates: []string{"contacts", "conversations"}})
}
