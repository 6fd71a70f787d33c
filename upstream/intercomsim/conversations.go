package intercomsim

import (
	"net/http"

	"intercom-graphql/upstream"
)

func listConversations(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	perPage, ok := perPageParam(w, r, r.URL.Query().Get("per_page"), 20, upstream.MaxPerPage)
	if !ok {
		return
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	page, pages, err := cursorPage(ws.conversations, perPage, r.URL.Query().Get("starting_after"))
	if err != nil {
		badRequest(w, r, "parameter_invalid", err.Error(), "starting_after")
		return
	}
	out := make([]*upstream.Conversation, len(page))
	for i, rec := range page {
		out[i] = renderConversation(rec, false, false)
	}
	writeJSON(w, http.StatusOK, upstream.ConversationList{Type: "conversation.list", Conversations: out, TotalCount: len(ws.conversations), Pages: pages})
}

func retrieveConversation(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	rec, ok := ws.conversationByID[r.PathValue("id")]
	if !ok {
		notFound(w, r, "Conversation")
		return
	}
	writeJSON(w, http.StatusOK, renderConversation(rec, true, r.URL.Query().Get("display_as") == "plaintext"))
}

// renderConversation shows a conversation as a list item (no parts) or in
// full, optionally with its HTML bodies turned into plain text.
func renderConversation(rec *conversationRecord, withParts, plaintext bool) *upstream.Conversation {
	c := rec.conversation
	if !withParts {
		c.ConversationParts = nil
		return &c
	}
	if plaintext {
		c.Source.Body = stripHTML(c.Source.Body)
		parts := make([]*upstream.ConversationPart, len(c.ConversationParts.ConversationParts))
		for i, p := range c.ConversationParts.ConversationParts {
			cp := *p
			if cp.Body != nil {
				cp.Body = ptr(stripHTML(*cp.Body))
			}
			parts[i] = &cp
		}
		list := *c.ConversationParts
		list.ConversationParts = parts
		c.ConversationParts = &list
	}
	return &c
}

func stripHTML(s string) string { return htmlTags.ReplaceAllString(s, "") }
