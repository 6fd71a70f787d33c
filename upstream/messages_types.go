package upstream

// Message is an outbound message an admin sent to a contact, as POST
// /messages answers it.
type Message struct {
	// Type is admin_message for messages admins send.
	Type      string    `json:"type"`
	ID        string    `json:"id"`
	CreatedAt Timestamp `json:"created_at"`
	// Subject is sent for email messages only.
	Subject *string `json:"subject,omitempty"`
	Body    string  `json:"body"`
	// MessageType is email, inapp, facebook or twitter.
	MessageType string `json:"message_type"`
	// ConversationID is the conversation the message opened; Intercom opens
	// one at once only when asked to (create_conversation_without_contact_reply),
	// otherwise when the contact replies.
	ConversationID *string `json:"conversation_id,omitempty"`
}

// MessageRequest is the body of POST /messages (create_message_request).
type MessageRequest struct {
	// MessageType is in_app or email; an email needs a subject and a template.
	MessageType string `json:"message_type"`
	Subject     string `json:"subject,omitempty"`
	Body        string `json:"body"`
	// Template is plain or personal.
	Template                              string           `json:"template,omitempty"`
	From                                  MessageSender    `json:"from"`
	To                                    MessageRecipient `json:"to"`
	CreateConversationWithoutContactReply bool             `json:"create_conversation_without_contact_reply,omitempty"`
}

// MessageSender is the admin a message comes from.
type MessageSender struct {
	Type string `json:"type"` // always admin
	ID   int64  `json:"id"`
}

// MessageRecipient is the contact a message goes to.
type MessageRecipient struct {
	Type string `json:"type"` // the contact's role: user or lead
	ID   string `json:"id"`
}
