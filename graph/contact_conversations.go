package graph

import "intercom-graphql/graph/model"

// contactConversationsFilter is the search behind Contact.conversations: the
// caller's filter, if any, and the contact among the conversation's contacts.
// The filter compiler flattens the AND, so the caller keeps both levels of
// nesting Intercom allows; and as the contact is part of the filter, the
// connection's cursors belong to this contact alone.
func contactConversationsFilter(contactID string, filter *model.ConversationFilter) *model.ConversationFilter {
	own := &model.ConversationFilter{Contact: &model.IDFilter{Eq: &contactID}}
	if filter == nil {
		return own
	}
	return &model.ConversationFilter{And: []*model.ConversationFilter{filter, own}}
}
