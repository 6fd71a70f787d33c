package upstream

// Conversation is a conversation between contacts and teammates. Lists and
// searches leave ConversationParts out; GET /conversations/{id} fills it.
type Conversation struct {
	Type               string                  `json:"type"`
	ID                 string                  `json:"id"`
	Title              *string                 `json:"title"`
	CreatedAt          Timestamp               `json:"created_at"`
	UpdatedAt          Timestamp               `json:"updated_at"`
	WaitingSince       *Timestamp              `json:"waiting_since"`
	SnoozedUntil       *Timestamp              `json:"snoozed_until"`
	Open               bool                    `json:"open"`
	State              string                  `json:"state"`
	Read               bool                    `json:"read"`
	Priority           string                  `json:"priority"`
	AdminAssigneeID    *int64                  `json:"admin_assignee_id"`
	TeamAssigneeID     *int64                  `json:"team_assignee_id"`
	Tags               TagList                 `json:"tags"`
	ConversationRating *ConversationRating     `json:"conversation_rating"`
	Source             ConversationSource      `json:"source"`
	Contacts           ConversationContacts    `json:"contacts"`
	Teammates          *ConversationTeammates  `json:"teammates"`
	FirstContactReply  *FirstContactReply      `json:"first_contact_reply"`
	SLAApplied         *SLAApplied             `json:"sla_applied"`
	Statistics         *ConversationStatistics `json:"statistics"`
	ConversationParts  *ConversationPartList   `json:"conversation_parts,omitempty"`
	LinkedObjects      LinkedObjectList        `json:"linked_objects"`
}

// Tag labels contacts, companies, conversations and tickets.
type Tag struct {
	Type      string     `json:"type"`
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	AppliedAt *Timestamp `json:"applied_at,omitempty"`
	AppliedBy *Reference `json:"applied_by,omitempty"`
}

// TagList is how conversations and tickets embed their tags.
type TagList struct {
	Type string `json:"type"`
	Tags []*Tag `json:"tags"`
}

// Reference points at another object by type and id.
type Reference struct {
	Type string  `json:"type"`
	ID   *string `json:"id"`
}

// ConversationRating is a contact's rating of a conversation.
type ConversationRating struct {
	Rating    int              `json:"rating"`
	Remark    string           `json:"remark"`
	CreatedAt Timestamp        `json:"created_at"`
	Contact   ContactReference `json:"contact"`
	Teammate  Reference        `json:"teammate"`
}

// ConversationSource is the message that started a conversation.
type ConversationSource struct {
	Type        string           `json:"type"`
	ID          string           `json:"id"`
	DeliveredAs string           `json:"delivered_as"`
	Subject     string           `json:"subject"`
	Body        string           `json:"body"`
	Author      PartAuthor       `json:"author"`
	Attachments []PartAttachment `json:"attachments"`
	URL         *string          `json:"url"`
	Redacted    bool             `json:"redacted"`
}

// PartAuthor is who wrote a message: an admin, a team, a bot, a user or a lead.
type PartAuthor struct {
	Type  string  `json:"type"`
	ID    string  `json:"id"`
	Name  *string `json:"name"`
	Email string  `json:"email"`
}

// PartAttachment is a file attached to a message.
type PartAttachment struct {
	Type        string `json:"type"`
	Name        string `json:"name"`
	URL         string `json:"url"`
	ContentType string `json:"content_type"`
	Filesize    int    `json:"filesize"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
}

// ConversationContacts lists the contacts taking part in a conversation.
type ConversationContacts struct {
	Type     string             `json:"type"`
	Contacts []ContactReference `json:"contacts"`
}

// ConversationTeammates lists the admins who wrote at least one part.
type ConversationTeammates struct {
	Type      string      `json:"type"`
	Teammates []Reference `json:"teammates"`
}

// FirstContactReply is when and where the contact first wrote.
type FirstContactReply struct {
	CreatedAt Timestamp `json:"created_at"`
	Type      string    `json:"type"`
	URL       *string   `json:"url"`
}

// SLAApplied is the service-level agreement running on a conversation.
type SLAApplied struct {
	Type      string  `json:"type"`
	SLAName   string  `json:"sla_name"`
	SLAStatus *string `json:"sla_status"`
}

// ConversationStatistics are the conversation's timings and counts. The spec
// types the timings as non-nullable integers, so one not yet known is left
// out rather than sent as null.
type ConversationStatistics struct {
	Type                       string     `json:"type"`
	TimeToAssignment           *int64     `json:"time_to_assignment,omitempty"`
	TimeToAdminReply           *int64     `json:"time_to_admin_reply,omitempty"`
	TimeToFirstClose           *int64     `json:"time_to_first_close,omitempty"`
	TimeToLastClose            *int64     `json:"time_to_last_close,omitempty"`
	MedianTimeToReply          *int64     `json:"median_time_to_reply,omitempty"`
	FirstContactReplyAt        *Timestamp `json:"first_contact_reply_at,omitempty"`
	FirstAssignmentAt          *Timestamp `json:"first_assignment_at,omitempty"`
	FirstAdminReplyAt          *Timestamp `json:"first_admin_reply_at,omitempty"`
	FirstCloseAt               *Timestamp `json:"first_close_at,omitempty"`
	LastAssignmentAt           *Timestamp `json:"last_assignment_at,omitempty"`
	LastAssignmentAdminReplyAt *Timestamp `json:"last_assignment_admin_reply_at,omitempty"`
	LastContactReplyAt         *Timestamp `json:"last_contact_reply_at,omitempty"`
	LastAdminReplyAt           *Timestamp `json:"last_admin_reply_at,omitempty"`
	LastCloseAt                *Timestamp `json:"last_close_at,omitempty"`
	LastClosedByID             *string    `json:"last_closed_by_id,omitempty"`
	CountReopens               int        `json:"count_reopens"`
	CountAssignments           int        `json:"count_assignments"`
	CountConversationParts     int        `json:"count_conversation_parts"`
}

// ConversationPartList holds a conversation's parts (at most 500).
type ConversationPartList struct {
	Type              string              `json:"type"`
	ConversationParts []*ConversationPart `json:"conversation_parts"`
	TotalCount        int                 `json:"total_count"`
}

// ConversationPart is one message or action in a conversation.
type ConversationPart struct {
	Type        string           `json:"type"`
	ID          string           `json:"id"`
	PartType    string           `json:"part_type"`
	Body        *string          `json:"body"`
	CreatedAt   Timestamp        `json:"created_at"`
	UpdatedAt   Timestamp        `json:"updated_at"`
	NotifiedAt  Timestamp        `json:"notified_at"`
	AssignedTo  *Reference       `json:"assigned_to,omitempty"` // a reference or nothing: the spec's $ref is not nullable
	Author      PartAuthor       `json:"author"`
	Attachments []PartAttachment `json:"attachments"`
	ExternalID  *string          `json:"external_id"`
	Redacted    bool             `json:"redacted"`
}

// LinkedObjectList lists the tickets and conversations linked to this one.
type LinkedObjectList struct {
	Type       string         `json:"type"`
	TotalCount int            `json:"total_count"`
	HasMore    bool           `json:"has_more"`
	Data       []LinkedObject `json:"data"`
}

// LinkedObject is one linked ticket or conversation.
type LinkedObject struct {
	Type     string  `json:"type"`
	ID       string  `json:"id"`
	Category *string `json:"category"`
}

// ConversationList is the body of GET /conversations and POST /conversations/search.
type ConversationList struct {
	Type          string          `json:"type"`
	Conversations []*Conversation `json:"conversations"`
	TotalCount    int             `json:"total_count"`
	Pages         *CursorPages    `json:"pages"`
}

// AdminTagRequest is the body that tags a conversation or a ticket: the tag
// and the admin who applies it (POST /conversations/{id}/tags, POST
// /tickets/{id}/tags).
type AdminTagRequest struct {
	ID      string `json:"id"`
	AdminID string `json:"admin_id"`
}

// AdminActionRequest names the admin who acts, the body of the removals
// that take one (untagging a conversation or ticket, detaching a contact).
type AdminActionRequest struct {
	AdminID string `json:"admin_id"`
}

// CreateConversationRequest is the body of POST /conversations
// (create_conversation_request): a contact's message that opens a conversation.
type CreateConversationRequest struct {
	From ConversationFrom `json:"from"`
	Body string           `json:"body"`
	// Subject applies to email messages only.
	Subject        string   `json:"subject,omitempty"`
	AttachmentURLs []string `json:"attachment_urls,omitempty"`
}

// ConversationFrom is the contact a new conversation comes from.
type ConversationFrom struct {
	Type string `json:"type"` // user, lead or contact
	ID   string `json:"id"`
}

// UpdateConversationRequest is the body of PUT /conversations/{id}
// (update_conversation_request).
type UpdateConversationRequest struct {
	Read *bool `json:"read,omitempty"`
}

// ReplyConversationRequest is the body of POST /conversations/{id}/reply
// (reply_conversation_request): an admin's comment or note
// (admin_reply_conversation_request), or a contact's comment named by
// exactly one of IntercomUserID, UserID and Email
// (contact_reply_conversation_request). Build it with AdminReply or ContactReply.
type ReplyConversationRequest struct {
	MessageType    string     `json:"message_type"`
	Type           string     `json:"type"`
	Body           string     `json:"body,omitempty"`
	AdminID        string     `json:"admin_id,omitempty"`
	CreatedAt      *Timestamp `json:"created_at,omitempty"`
	IntercomUserID string     `json:"intercom_user_id,omitempty"`
	UserID         string     `json:"user_id,omitempty"`
	Email          string     `json:"email,omitempty"`
	AttachmentURLs []string   `json:"attachment_urls,omitempty"`
}

// AdminReply is a reply from an admin: messageType is comment (seen by the
// contact) or note (seen by teammates only).
func AdminReply(adminID, messageType, body string, attachmentURLs []string) ReplyConversationRequest {
	return ReplyConversationRequest{MessageType: messageType, Type: "admin", AdminID: adminID, Body: body, AttachmentURLs: attachmentURLs}
}

// ContactReply is a comment from a contact, who is named by who.
func ContactReply(who ContactIdentifier, body string, attachmentURLs []string) ReplyConversationRequest {
	return ReplyConversationRequest{MessageType: "comment", Type: "user", Body: body, AttachmentURLs: attachmentURLs,
		IntercomUserID: who.IntercomUserID, UserID: who.UserID, Email: who.Email}
}

// ContactIdentifier names a contact by exactly one of its Intercom id, its
// external id (user_id) or its email, as conversation replies and
// participants do.
type ContactIdentifier struct {
	IntercomUserID string `json:"intercom_user_id,omitempty"`
	UserID         string `json:"user_id,omitempty"`
	Email          string `json:"email,omitempty"`
}

// ManageConversationRequest is the body of POST /conversations/{id}/parts:
// one of close_conversation_request, snooze_conversation_request,
// open_conversation_request and assign_conversation_request, told apart by
// MessageType. Build it with CloseConversation, SnoozeConversation,
// OpenConversation or AssignConversation.
type ManageConversationRequest struct {
	MessageType  string     `json:"message_type"`
	Type         string     `json:"type,omitempty"`
	AdminID      string     `json:"admin_id"`
	AssigneeID   string     `json:"assignee_id,omitempty"`
	Body         string     `json:"body,omitempty"`
	SnoozedUntil *Timestamp `json:"snoozed_until,omitempty"`
}

// CloseConversation closes a conversation, with an optional message to the contact.
func CloseConversation(adminID, body string) ManageConversationRequest {
	return ManageConversationRequest{MessageType: "close", Type: "admin", AdminID: adminID, Body: body}
}

// OpenConversation opens a closed or snoozed conversation.
func OpenConversation(adminID string) ManageConversationRequest {
	return ManageConversationRequest{MessageType: "open", AdminID: adminID}
}

// SnoozeConversation snoozes a conversation until a moment.
func SnoozeConversation(adminID string, until Timestamp) ManageConversationRequest {
	return ManageConversationRequest{MessageType: "snoozed", AdminID: adminID, SnoozedUntil: &until}
}

// AssignConversation assigns a conversation to an admin or a team
// (assigneeType admin or team); assigneeID "0" leaves it without one.
func AssignConversation(adminID, assigneeType, assigneeID, body string) ManageConversationRequest {
	return ManageConversationRequest{MessageType: "assignment", Type: assigneeType, AdminID: adminID, AssigneeID: assigneeID, Body: body}
}

// AttachContactRequest is the body of POST /conversations/{id}/customers
// (attach_contact_to_conversation_request).
type AttachContactRequest struct {
	AdminID  string            `json:"admin_id,omitempty"`
	Customer ContactIdentifier `json:"customer"`
}

// RedactConversationRequest is the body of POST /conversations/redact
// (redact_conversation_request): a part of a conversation, or its source
// message. Build it with RedactPart or RedactSource.
type RedactConversationRequest struct {
	Type               string `json:"type"` // conversation_part or source
	ConversationID     string `json:"conversation_id"`
	ConversationPartID string `json:"conversation_part_id,omitempty"`
	SourceID           string `json:"source_id,omitempty"`
}

// RedactPart redacts one part of a conversation.
func RedactPart(conversationID, partID string) RedactConversationRequest {
	return RedactConversationRequest{Type: "conversation_part", ConversationID: conversationID, ConversationPartID: partID}
}

// RedactSource redacts the message that started a conversation.
func RedactSource(conversationID, sourceID string) RedactConversationRequest {
	return RedactConversationRequest{Type: "source", ConversationID: conversationID, SourceID: sourceID}
}

// ConvertConversationRequest is the body of POST /conversations/{id}/convert
// (convert_conversation_to_ticket_request).
type ConvertConversationRequest struct {
	TicketTypeID string `json:"ticket_type_id"`
	// Attributes are ticket attribute values by attribute name
	// (ticket_request_custom_attributes).
	Attributes map[string]any `json:"attributes,omitempty"`
}
