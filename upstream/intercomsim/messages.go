package intercomsim

import (
	"net/http"
	"strconv"
	"strings"

	"intercom-graphql/upstream"
)

// createMessage serves POST /messages: an admin writes to a user or lead, in
// the Messenger (in_app) or by email (which needs a subject and a template).
// With create_conversation_without_contact_reply the message opens a
// conversation at once; otherwise the contact's reply would.
func createMessage(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		MessageType *string `json:"message_type"`
		Subject     *string `json:"subject"`
		Body        *string `json:"body"`
		Template    *string `json:"template"`
		From        *struct {
			Type string `json:"type"`
			ID   int64  `json:"id"`
		} `json:"from"`
		To *struct {
			Type string `json:"type"`
			ID   string `json:"id"`
		} `json:"to"`
		CreateConversationWithoutContactReply bool `json:"create_conversation_without_contact_reply"`
	}
	if !readBody(w, r, &b) {
		return
	}
	switch {
	case b.MessageType == nil:
		missing(w, r, "message_type")
		return
	case *b.MessageType != "in_app" && *b.MessageType != "email":
		invalid(w, r, "message_type", "message_type must be in_app or email")
		return
	case b.Body == nil || strings.TrimSpace(*b.Body) == "":
		invalid(w, r, "body", "Body is required")
		return
	case *b.MessageType == "email" && (b.Subject == nil || strings.TrimSpace(*b.Subject) == ""):
		writeError(w, requestIDFrom(r), http.StatusUnprocessableEntity, "parameter_not_found", "No subject supplied for email message", "subject")
		return
	case *b.MessageType == "email" && b.Template == nil:
		missing(w, r, "template")
		return
	case b.Template != nil && *b.Template != "plain" && *b.Template != "personal":
		invalid(w, r, "template", "template must be plain or personal")
		return
	case b.From == nil || b.From.Type != "admin":
		missing(w, r, "from")
		return
	case b.To == nil || (b.To.Type != "user" && b.To.Type != "lead"):
		missing(w, r, "to")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	admin, ok := ws.adminByID[strconv.FormatInt(b.From.ID, 10)]
	if !ok {
		writeError(w, requestIDFrom(r), http.StatusNotFound, "admin_not_found", "Admin Not Found", "from")
		return
	}
	to, ok := ws.contactByID[b.To.ID]
	if !ok {
		contactNotFound(w, r, "to")
		return
	}
	if to.contact.Role != b.To.Type {
		invalid(w, r, "to", "contact %s is a %s, not a %s", to.contact.ID, to.contact.Role, b.To.Type)
		return
	}
	subject := ""
	if *b.MessageType == "email" {
		subject = *b.Subject
	}
	writeJSON(w, http.StatusOK, ws.applyCreateMessage(admin, to, *b.MessageType, subject, *b.Body, b.CreateConversationWithoutContactReply))
}

// applyCreateMessage sends the message: the contact was last contacted now,
// and a conversation opened at once shows in the conversation lists.
func (ws *Workspace) applyCreateMessage(admin *upstream.Admin, to *contactRecord, messageType, subject, body string, openConversation bool) *upstream.Message {
	now := ws.nowStamp()
	m := &upstream.Message{Type: "admin_message", ID: strconv.FormatInt(ws.nextSeq(), 10), CreatedAt: now, Body: body, MessageType: "inapp"}
	if messageType == "email" {
		m.MessageType, m.Subject = "email", ptr(subject)
	}
	to.contact.LastContactedAt, to.contact.UpdatedAt = ptr(now), now
	if openConversation {
		m.ConversationID = ptr(ws.openAdminConversation(admin, to, messageType, subject, body, now).ID)
		ws.notifyConversation("conversation.admin.single.created", ws.conversationByID[*m.ConversationID])
	}
	ws.messages = append(ws.messages, m)
	return m
}

// openAdminConversation starts a conversation with an admin's message, as
// Intercom does for an outbound message that opens one without a reply.
func (ws *Workspace) openAdminConversation(admin *upstream.Admin, to *contactRecord, messageType, subject, body string, now upstream.Timestamp) *upstream.Conversation {
	rec := &conversationRecord{seq: ws.nextSeq(), extras: ConversationExtras{ChannelInitiated: "messenger"}}
	sourceType := "conversation"
	if messageType == "email" {
		sourceType, rec.extras.ChannelInitiated = "email", "email"
	}
	id := nextNumericID(ws.conversationByID, 2_400_000_000)
	rec.conversation = upstream.Conversation{
		Type: "conversation", ID: id, CreatedAt: now, UpdatedAt: now, Open: true, State: "open", Read: false, Priority: "not_priority",
		Tags: upstream.TagList{Type: "tag.list", Tags: []*upstream.Tag{}},
		Source: upstream.ConversationSource{Type: sourceType, ID: strconv.FormatInt(rec.seq, 10), DeliveredAs: "admin_initiated",
			Subject: subject, Body: body, Author: adminAuthor(admin), Attachments: []upstream.PartAttachment{}},
		Contacts:          upstream.ConversationContacts{Type: "contact.list", Contacts: []upstream.ContactReference{contactRef(&to.contact)}},
		Teammates:         &upstream.ConversationTeammates{Type: "admin.list", Teammates: []upstream.Reference{{Type: "admin", ID: ptr(admin.ID)}}},
		LinkedObjects:     upstream.LinkedObjectList{Type: "list", Data: []upstream.LinkedObject{}},
		ConversationParts: &upstream.ConversationPartList{Type: "conversation_part.list", ConversationParts: []*upstream.ConversationPart{}},
		Statistics:        &upstream.ConversationStatistics{Type: "conversation_statistics", CountConversationParts: 1},
	}
	ws.conversations = append(ws.conversations, rec)
	ws.conversationByID[id] = rec
	return &rec.conversation
}
