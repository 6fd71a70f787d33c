package intercomsim

import (
	"encoding/json"

	"intercom-graphql/upstream"
)

// ContactData is a contact with the relations search reaches that its
// rendering abbreviates, as tests need it to work out what a search must find.
type ContactData struct {
	Contact    upstream.Contact
	TagIDs     []string
	SegmentIDs []string
	CompanyIDs []string
}

// ConversationData is a conversation (without its parts) with its searchable extras.
type ConversationData struct {
	Conversation upstream.Conversation
	Extras       ConversationExtras
}

// Contacts returns a copy of every contact, in creation order.
func (ws *Workspace) Contacts() []ContactData {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	out := make([]ContactData, len(ws.contacts))
	for i, rec := range ws.contacts {
		out[i] = deepCopy(ContactData{Contact: *ws.renderContact(rec), TagIDs: rec.tagIDs, SegmentIDs: rec.segmentIDs, CompanyIDs: rec.companyIDs})
	}
	return out
}

// Conversations returns a copy of every conversation, in creation order.
func (ws *Workspace) Conversations() []ConversationData {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	out := make([]ConversationData, len(ws.conversations))
	for i, rec := range ws.conversations {
		out[i] = deepCopy(ConversationData{Conversation: *renderConversation(rec, false, false), Extras: rec.extras})
	}
	return out
}

// deepCopy copies a value through JSON, so the copy shares nothing with the
// workspace; numbers in free-form maps come back as float64, as any JSON client reads them.
func deepCopy[T any](v T) T {
	var out T
	b, err := json.Marshal(v)
	if err == nil {
		err = json.Unmarshal(b, &out)
	}
	if err != nil {
		panic("intercomsim: copying a record: " + err.Error())
	}
	return out
}
