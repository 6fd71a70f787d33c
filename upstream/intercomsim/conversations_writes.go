package intercomsim

import (
	"encoding/base64"
	"fmt"
	"html"
	"mime"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"intercom-graphql/upstream"
)

// Conversations change as Intercom's do: a reply appends a part and moves
// updated_at, waiting_since, read and the statistics; a contact's reply
// reopens a closed or snoozed conversation; managing a conversation changes
// its state or assignee with a part saying so. Each write's apply function
// notifies the webhook topic Intercom sends for it.

// maxAttachments is how many attachments one message may carry.
const maxAttachments = 10

// redactionNotice is the body a redacted part or message shows instead of
// what it said.
const redactionNotice = "<p><i>This message was redacted.</i></p>"

// adminNamed finds the admin a write names, answering Intercom's 404 when
// there is none.
func (ws *Workspace) adminNamed(w http.ResponseWriter, r *http.Request, id, field string) (*upstream.Admin, bool) {
	a, ok := ws.adminByID[id]
	if !ok {
		writeError(w, requestIDFrom(r), http.StatusNotFound, "admin_not_found", "Admin not found", field)
	}
	return a, ok
}

// conversationNamed finds the conversation of a path.
func (ws *Workspace) conversationNamed(w http.ResponseWriter, r *http.Request, id string) (*conversationRecord, bool) {
	rec, ok := ws.conversationByID[id]
	if !ok {
		notFound(w, r, "Conversation")
	}
	return rec, ok
}

// tagOfID finds a tag a conversation or ticket write names.
func (ws *Workspace) tagOfID(w http.ResponseWriter, r *http.Request, id, field string) (*tagRecord, bool) {
	t, ok := ws.tagByID[id]
	if !ok {
		writeError(w, requestIDFrom(r), http.StatusNotFound, "tag_not_found", "Tag not found", field)
	}
	return t, ok
}

// contactBy finds a contact by its Intercom id, its external id or its
// email (a user before a lead with the same email); nil when none has it.
func (ws *Workspace) contactBy(id, externalID, email string) *contactRecord {
	switch {
	case id != "":
		return ws.contactByID[id]
	case externalID != "":
		for _, c := range ws.contacts {
			if c.contact.ExternalID != nil && *c.contact.ExternalID == externalID {
				return c
			}
		}
	case email != "":
		var lead *contactRecord
		for _, c := range ws.contacts {
			if strings.EqualFold(c.contact.Email, email) {
				if c.contact.Role == "user" {
					return c
				}
				if lead == nil {
					lead = c
				}
			}
		}
		return lead
	}
	return nil
}

// checkAttachments refuses more attachments than a message takes, and URLs
// that are not absolute http(s) addresses.
func checkAttachments(w http.ResponseWriter, r *http.Request, urls []string, files []attachmentFile) bool {
	if len(urls) > maxAttachments || len(files) > maxAttachments {
		invalid(w, r, "attachment_urls", "at most %d attachments are allowed", maxAttachments)
		return false
	}
	for _, u := range urls {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			invalid(w, r, "attachment_urls", "%q is not the URL of a file", u)
			return false
		}
	}
	for _, f := range files {
		if f.Name == "" || f.Data == "" {
			missing(w, r, "attachment_files")
			return false
		}
		if _, err := base64.StdEncoding.DecodeString(f.Data); err != nil {
			invalid(w, r, "attachment_files", "the data of %s is not base64", f.Name)
			return false
		}
	}
	return true
}

// attachmentFile is a file sent inline with a reply (conversation_attachment_files).
type attachmentFile struct {
	ContentType string `json:"content_type"`
	Data        string `json:"data"`
	Name        string `json:"name"`
}

// attachments turns checked URLs and files into the part's attachments.
func (ws *Workspace) attachments(urls []string, files []attachmentFile) []upstream.PartAttachment {
	out := []upstream.PartAttachment{}
	for _, u := range urls {
		p, _ := url.Parse(u)
		name := path.Base(p.Path)
		if name == "/" || name == "." {
			name = "attachment"
		}
		out = append(out, upstream.PartAttachment{Type: "upload", Name: name, URL: u, ContentType: contentTypeOf(name)})
	}
	for _, f := range files {
		data, _ := base64.StdEncoding.DecodeString(f.Data)
		ct := f.ContentType
		if ct == "" {
			ct = contentTypeOf(f.Name)
		}
		out = append(out, upstream.PartAttachment{Type: "upload", Name: f.Name, ContentType: ct, Filesize: len(data),
			URL: fmt.Sprintf("https://intercom-attachments.example/%s/%s", ws.newHexID(), url.PathEscape(f.Name))})
	}
	return out
}

func contentTypeOf(name string) string {
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		ct, _, _ = strings.Cut(ct, ";")
		return ct
	}
	return "application/octet-stream"
}

// messageHTML is how Intercom stores a message body: HTML as given, text
// escaped in a paragraph.
func messageHTML(body string) string {
	if strings.HasPrefix(strings.TrimSpace(body), "<") {
		return body
	}
	return "<p>" + html.EscapeString(body) + "</p>"
}

// newPartID is the id of a part added through the API, distinct from the seeded ones.
func (ws *Workspace) newPartID() string { return strconv.FormatInt(1_000_000_000+ws.nextSeq(), 10) }

// operator is Intercom's bot, which authors the parts of automatic actions.
func (ws *Workspace) operator() upstream.PartAuthor {
	return upstream.PartAuthor{Type: "bot", ID: "991200000", Name: ptr("Operator"), Email: "operator+" + ws.app.IDCode + "@intercom.io"}
}

func contactAuthor(c *contactRecord) upstream.PartAuthor {
	return upstream.PartAuthor{Type: c.contact.Role, ID: c.contact.ID, Name: c.contact.Name, Email: c.contact.Email}
}

// statistics are a conversation's statistics, made when it has none.
func statistics(c *upstream.Conversation) *upstream.ConversationStatistics {
	if c.Statistics == nil {
		c.Statistics = &upstream.ConversationStatistics{Type: "conversation_statistics", CountConversationParts: 1}
	}
	return c.Statistics
}

// addPart appends a part to a conversation, counts it, and moves updated_at.
func (ws *Workspace) addPart(rec *conversationRecord, partType string, author upstream.PartAuthor, body *string, at upstream.Timestamp) *upstream.ConversationPart {
	c := &rec.conversation
	now := ws.nowStamp()
	p := &upstream.ConversationPart{Type: "conversation_part", ID: ws.newPartID(), PartType: partType, Body: body,
		CreatedAt: at, UpdatedAt: now, NotifiedAt: now, Author: author, Attachments: []upstream.PartAttachment{}}
	if c.ConversationParts == nil {
		c.ConversationParts = &upstream.ConversationPartList{Type: "conversation_part.list", ConversationParts: []*upstream.ConversationPart{}}
	}
	c.ConversationParts.ConversationParts = append(c.ConversationParts.ConversationParts, p)
	c.ConversationParts.TotalCount = len(c.ConversationParts.ConversationParts)
	statistics(c).CountConversationParts++
	c.UpdatedAt = now
	if author.Type == "admin" {
		ws.addTeammate(c, author.ID)
	}
	return p
}

// addTeammate lists an admin among those who took part in a conversation.
func (ws *Workspace) addTeammate(c *upstream.Conversation, adminID string) {
	if c.Teammates == nil {
		c.Teammates = &upstream.ConversationTeammates{Type: "admin.list", Teammates: []upstream.Reference{}}
	}
	for _, t := range c.Teammates.Teammates {
		if t.ID != nil && *t.ID == adminID {
			return
		}
	}
	c.Teammates.Teammates = append(c.Teammates.Teammates, upstream.Reference{Type: "admin", ID: ptr(adminID)})
}

// reopen opens a closed or snoozed conversation; reopening a closed one counts.
func reopen(c *upstream.Conversation) {
	if c.State == "closed" {
		statistics(c).CountReopens++
	}
	c.State, c.Open, c.SnoozedUntil = "open", true, nil
}

// notifyConversation sends a conversation topic with the conversation in full.
func (ws *Workspace) notifyConversation(topic string, rec *conversationRecord) {
	ws.notify(topic, func() any { return renderConversation(rec, true, false) })
}

// attachTagToConversation serves POST /conversations/{conversation_id}/tags:
// the tag and the admin who applies it are required.
func attachTagToConversation(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		ID      *flexibleID `json:"id"`
		AdminID *flexibleID `json:"admin_id"`
	}
	if !readBody(w, r, &b) {
		return
	}
	switch {
	case b.ID == nil:
		missing(w, r, "id")
		return
	case b.AdminID == nil:
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
	tag, ok := ws.tagOfID(w, r, string(*b.ID), "id")
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, ws.applyTagConversation(rec, tag, admin))
}

// applyTagConversation puts a tag on a conversation, saying when and by
// whom; its tags and tag_ids searches show it. A tag already there stays as
// it was applied.
func (ws *Workspace) applyTagConversation(rec *conversationRecord, tag *tagRecord, admin *upstream.Admin) *upstream.Tag {
	c := &rec.conversation
	tags, applied, added := ws.withTag(c.Tags.Tags, tag, admin.ID)
	if added {
		c.Tags.Tags, c.UpdatedAt = tags, *applied.AppliedAt
		ws.notifyConversation("conversation_part.tag.created", rec)
	}
	return applied
}

// detachTagFromConversation serves DELETE
// /conversations/{conversation_id}/tags/{id}; taking off a tag the
// conversation does not have changes nothing.
func detachTagFromConversation(w http.ResponseWriter, r *http.Request) {
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
	tag, ok := ws.tagOfID(w, r, r.PathValue("id"), "")
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, ws.applyUntagConversation(rec, tag, admin))
}

// applyUntagConversation takes a tag off a conversation and answers with the
// tag as it was applied. Intercom has no webhook topic for it.
func (ws *Workspace) applyUntagConversation(rec *conversationRecord, tag *tagRecord, admin *upstream.Admin) *upstream.Tag {
	c := &rec.conversation
	tags, applied, removed := ws.withoutTag(c.Tags.Tags, tag, admin.ID)
	if removed {
		c.Tags.Tags, c.UpdatedAt = tags, ws.nowStamp()
	}
	return applied
}

// createConversation serves POST /conversations: a user's or lead's message
// (HTML is not supported: the body is text) opens a conversation.
func createConversation(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		From *struct {
			Type string `json:"type"`
			ID   string `json:"id"`
		} `json:"from"`
		Body           *string  `json:"body"`
		Subject        *string  `json:"subject"`
		AttachmentURLs []string `json:"attachment_urls"`
	}
	if !readBody(w, r, &b) {
		return
	}
	switch {
	case b.From == nil || b.From.ID == "":
		missing(w, r, "from")
		return
	case b.From.Type != "user" && b.From.Type != "lead" && b.From.Type != "contact":
		invalid(w, r, "from", "from.type must be user, lead or contact")
		return
	case b.Body == nil || strings.TrimSpace(*b.Body) == "":
		missing(w, r, "body")
		return
	}
	if !checkAttachments(w, r, b.AttachmentURLs, nil) {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	from, ok := ws.contactByID[b.From.ID]
	if !ok {
		contactNotFound(w, r, "from")
		return
	}
	if b.From.Type != "contact" && from.contact.Role != b.From.Type {
		invalid(w, r, "from", "contact %s is a %s, not a %s", from.contact.ID, from.contact.Role, b.From.Type)
		return
	}
	subject := ""
	if b.Subject != nil {
		subject = *b.Subject
	}
	writeJSON(w, http.StatusOK, ws.applyCreateConversation(from, *b.Body, subject, b.AttachmentURLs))
}

// applyCreateConversation opens a conversation with the contact's message:
// it leads GET /conversations, searches find it open and waiting, and the
// contact has just replied. The answer is the message, with the
// conversation's id.
func (ws *Workspace) applyCreateConversation(from *contactRecord, body, subject string, attachmentURLs []string) *upstream.Message {
	now := ws.nowStamp()
	rec := &conversationRecord{seq: ws.nextSeq(), extras: ConversationExtras{ChannelInitiated: "messenger"}}
	id := nextNumericID(ws.conversationByID, 2_400_000_000)
	messageID := strconv.FormatInt(400_000_000+rec.seq, 10)
	rec.conversation = upstream.Conversation{
		Type: "conversation", ID: id, CreatedAt: now, UpdatedAt: now, WaitingSince: ptr(now), Open: true, State: "open", Priority: "not_priority",
		Tags: upstream.TagList{Type: "tag.list", Tags: []*upstream.Tag{}},
		Source: upstream.ConversationSource{Type: "conversation", ID: messageID, DeliveredAs: "customer_initiated", Subject: subject,
			Body: messageHTML(body), Author: contactAuthor(from), Attachments: ws.attachments(attachmentURLs, nil)},
		Contacts:          upstream.ConversationContacts{Type: "contact.list", Contacts: []upstream.ContactReference{contactRef(&from.contact)}},
		Teammates:         &upstream.ConversationTeammates{Type: "admin.list", Teammates: []upstream.Reference{}},
		FirstContactReply: &upstream.FirstContactReply{CreatedAt: now, Type: "conversation"},
		Statistics: &upstream.ConversationStatistics{Type: "conversation_statistics", FirstContactReplyAt: ptr(now), LastContactReplyAt: ptr(now),
			CountConversationParts: 1},
		ConversationParts: &upstream.ConversationPartList{Type: "conversation_part.list", ConversationParts: []*upstream.ConversationPart{}},
		LinkedObjects:     upstream.LinkedObjectList{Type: "list", Data: []upstream.LinkedObject{}},
	}
	ws.conversations = append(ws.conversations, rec)
	ws.conversationByID[id] = rec
	from.contact.LastRepliedAt, from.contact.UpdatedAt = ptr(now), now
	ws.notifyConversation("conversation.user.created", rec)
	m := &upstream.Message{Type: "user_message", ID: messageID, CreatedAt: now, Body: body, MessageType: "inapp", ConversationID: ptr(id)}
	if subject != "" {
		m.Subject = ptr(subject)
	}
	return m
}

// updateConversation serves PUT /conversations/{id}: read is the one
// property 2.10 takes.
func updateConversation(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		Read *bool `json:"read"`
	}
	if !readBody(w, r, &b) {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.conversationNamed(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	ws.applyUpdateConversation(rec, b.Read)
	writeJSON(w, http.StatusOK, renderConversation(rec, true, r.URL.Query().Get("display_as") == "plaintext"))
}

// applyUpdateConversation marks a conversation read or unread; the read
// search shows it. Intercom has no webhook topic for a teammate marking it.
func (ws *Workspace) applyUpdateConversation(rec *conversationRecord, read *bool) {
	if read != nil {
		rec.conversation.Read = *read
	}
}

// replyBody is a reply_conversation_request: an admin's comment or note, or
// a contact's comment (named by one of intercom_user_id, user_id, email).
type replyBody struct {
	MessageType     *string             `json:"message_type"`
	Type            *string             `json:"type"`
	Body            *string             `json:"body"`
	AdminID         *flexibleID         `json:"admin_id"`
	CreatedAt       *upstream.Timestamp `json:"created_at"`
	IntercomUserID  *string             `json:"intercom_user_id"`
	UserID          *string             `json:"user_id"`
	Email           *string             `json:"email"`
	AttachmentURLs  []string            `json:"attachment_urls"`
	AttachmentFiles []attachmentFile    `json:"attachment_files"`
}

// checkReply refuses what no workspace could take: adminKinds are the
// message types an admin may send.
func checkReply(w http.ResponseWriter, r *http.Request, b replyBody, adminKinds ...string) bool {
	identifiers := 0
	for _, s := range []*string{b.IntercomUserID, b.UserID, b.Email} {
		if s != nil {
			identifiers++
		}
	}
	switch {
	case b.Type == nil:
		missing(w, r, "type")
	case b.MessageType == nil:
		missing(w, r, "message_type")
	case *b.Type == "admin" && !slices.Contains(adminKinds, *b.MessageType):
		invalid(w, r, "message_type", "an admin's reply is one of %s", strings.Join(adminKinds, ", "))
	case *b.Type == "admin" && b.AdminID == nil:
		missing(w, r, "admin_id")
	case *b.Type == "admin" && identifiers > 0:
		invalid(w, r, "intercom_user_id", "an admin's reply names no contact")
	case *b.Type == "user" && *b.MessageType != "comment":
		invalid(w, r, "message_type", "a contact's reply is a comment")
	case *b.Type == "user" && identifiers == 0:
		missing(w, r, "intercom_user_id")
	case *b.Type == "user" && identifiers > 1:
		invalid(w, r, "intercom_user_id", "name the contact by one of intercom_user_id, user_id and email")
	case *b.Type == "user" && (b.AdminID != nil || b.CreatedAt != nil):
		invalid(w, r, "admin_id", "a contact's reply takes no admin_id or created_at")
	case *b.Type != "admin" && *b.Type != "user":
		invalid(w, r, "type", "type must be admin or user")
	case (*b.MessageType == "comment" || *b.MessageType == "note") && (b.Body == nil || strings.TrimSpace(*b.Body) == ""):
		missing(w, r, "body")
	default:
		return checkAttachments(w, r, b.AttachmentURLs, b.AttachmentFiles)
	}
	return false
}

// replier is who a checked reply comes from: an admin, or a contact named
// by the request's field.
type replier struct {
	admin   *upstream.Admin
	contact *contactRecord
	named   string
}

// replierOf finds the reply's author in the workspace, answering the 404.
func (ws *Workspace) replierOf(w http.ResponseWriter, r *http.Request, b replyBody) (replier, bool) {
	if *b.Type == "admin" {
		a, ok := ws.adminNamed(w, r, string(*b.AdminID), "admin_id")
		return replier{admin: a}, ok
	}
	field, c := "intercom_user_id", (*contactRecord)(nil)
	switch {
	case b.IntercomUserID != nil:
		c = ws.contactBy(*b.IntercomUserID, "", "")
	case b.UserID != nil:
		field, c = "user_id", ws.contactBy("", *b.UserID, "")
	default:
		field, c = "email", ws.contactBy("", "", *b.Email)
	}
	if c == nil {
		contactNotFound(w, r, field)
		return replier{}, false
	}
	return replier{contact: c, named: field}, true
}

// field is the request property that named who replies.
func (p replier) field() string {
	if p.admin != nil {
		return "admin_id"
	}
	return p.named
}

// replyConversation serves POST /conversations/{id}/reply; for a contact's
// reply the id may be "last", the contact's most recently updated conversation.
func replyConversation(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b replyBody
	if !readBody(w, r, &b) || !checkReply(w, r, b, "comment", "note") {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	from, ok := ws.replierOf(w, r, b)
	if !ok {
		return
	}
	id := r.PathValue("id")
	if id == "last" && from.contact != nil {
		id = ws.lastConversationOf(from.contact.contact.ID)
	}
	rec, ok := ws.conversationNamed(w, r, id)
	if !ok {
		return
	}
	if from.contact != nil && !isParticipant(rec.conversation.Contacts.Contacts, from.contact.contact.ID) {
		invalid(w, r, from.field(), "contact %s is not a participant of conversation %s", from.contact.contact.ID, rec.conversation.ID)
		return
	}
	at := ws.nowStamp()
	if b.CreatedAt != nil {
		at = *b.CreatedAt
	}
	ws.applyConversationReply(rec, from, *b.MessageType, messageHTML(*b.Body), ws.attachments(b.AttachmentURLs, b.AttachmentFiles), at)
	writeJSON(w, http.StatusOK, renderConversation(rec, true, false))
}

// lastConversationOf is the id of a contact's most recently updated conversation, or "".
func (ws *Workspace) lastConversationOf(contactID string) string {
	var last *conversationRecord
	for _, rec := range ws.conversations {
		if isParticipant(rec.conversation.Contacts.Contacts, contactID) && (last == nil || rec.conversation.UpdatedAt >= last.conversation.UpdatedAt) {
			last = rec
		}
	}
	if last == nil {
		return ""
	}
	return last.conversation.ID
}

func isParticipant(refs []upstream.ContactReference, id string) bool {
	return slices.ContainsFunc(refs, func(ref upstream.ContactReference) bool { return ref.ID == id })
}

// applyConversationReply appends the reply. A teammate's comment answers
// the contact: the conversation is read, nobody waits, and the statistics
// count the reply; a note only adds the part. A contact's comment leaves the
// conversation unread and waiting, and reopens it when it was closed or
// snoozed (the part is then an open part with the message).
func (ws *Workspace) applyConversationReply(rec *conversationRecord, from replier, kind, body string, attachments []upstream.PartAttachment, at upstream.Timestamp) {
	c := &rec.conversation
	now := ws.nowStamp()
	st := statistics(c)
	if from.admin != nil {
		p := ws.addPart(rec, kind, adminAuthor(from.admin), ptr(body), at)
		p.Attachments = attachments
		if kind == "note" {
			ws.notifyConversation("conversation.admin.noted", rec)
			return
		}
		c.Read, c.WaitingSince = true, nil
		if st.FirstAdminReplyAt == nil {
			d := int64(now - c.CreatedAt)
			st.FirstAdminReplyAt, st.TimeToAdminReply, st.MedianTimeToReply = ptr(now), &d, ptr(d)
		}
		st.LastAdminReplyAt = ptr(now)
		if c.AdminAssigneeID != nil {
			st.LastAssignmentAdminReplyAt = ptr(now)
		}
		for _, ref := range c.Contacts.Contacts {
			if contact, ok := ws.contactByID[ref.ID]; ok {
				contact.contact.LastContactedAt = ptr(now)
			}
		}
		ws.notifyConversation("conversation.admin.replied", rec)
		return
	}
	partType := "comment"
	if c.State != "open" {
		partType = "open"
		reopen(c)
	}
	p := ws.addPart(rec, partType, contactAuthor(from.contact), ptr(body), at)
	p.Attachments = attachments
	c.Read = false
	if c.WaitingSince == nil {
		c.WaitingSince = ptr(now)
	}
	if st.FirstContactReplyAt == nil {
		st.FirstContactReplyAt = ptr(now)
	}
	st.LastContactReplyAt = ptr(now)
	if c.FirstContactReply == nil {
		c.FirstContactReply = &upstream.FirstContactReply{CreatedAt: now, Type: c.Source.Type}
	}
	from.contact.contact.LastRepliedAt = ptr(now)
	ws.notifyConversation("conversation.user.replied", rec)
}
