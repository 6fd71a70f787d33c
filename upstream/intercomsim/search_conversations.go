package intercomsim

import (
	"net/http"

	"intercom-graphql/upstream"
)

// conversationSearch is POST /conversations/search as its description in
// the spec lists it: = != IN NIN on every type, > and < on integers and
// dates, documented as "greater (or equal)" and "lower (or equal)" and
// served that way, dates compared to the second (the description states no
// day rule), and source.body matched word by word.
var conversationSearch = &searchSchema[*conversationRecord]{
	rules: searchRules{
		ops: map[searchKind][]string{
			kindString:  {"=", "!=", "IN", "NIN", "~", "!~", "^", "$"},
			kindInteger: {"=", "!=", "IN", "NIN", "<", ">"},
			kindBoolean: {"=", "!=", "IN", "NIN"},
			kindDate:    {"=", "!=", "IN", "NIN", "<", ">"},
		},
		inclusiveBounds: true,
		defaultPerPage:  20,
	},
	fields: map[string]searchField[*conversationRecord]{
		"id":                  textField(func(r *conversationRecord) []any { return text(r.conversation.ID) }),
		"created_at":          dateField(func(r *conversationRecord) []any { return moment(r.conversation.CreatedAt) }),
		"updated_at":          dateField(func(r *conversationRecord) []any { return moment(r.conversation.UpdatedAt) }),
		"source.type":         textField(func(r *conversationRecord) []any { return text(r.conversation.Source.Type) }),
		"source.id":           textField(func(r *conversationRecord) []any { return text(r.conversation.Source.ID) }),
		"source.delivered_as": textField(func(r *conversationRecord) []any { return text(r.conversation.Source.DeliveredAs) }),
		"source.subject":      textField(func(r *conversationRecord) []any { return text(r.conversation.Source.Subject) }),
		"source.body": {kind: kindString, words: true,
			values: func(r *conversationRecord) []any { return text(r.conversation.Source.Body) }},
		"source.author.id":    textField(func(r *conversationRecord) []any { return text(r.conversation.Source.Author.ID) }),
		"source.author.type":  textField(func(r *conversationRecord) []any { return text(r.conversation.Source.Author.Type) }),
		"source.author.name":  textField(func(r *conversationRecord) []any { return optText(r.conversation.Source.Author.Name) }),
		"source.author.email": textField(func(r *conversationRecord) []any { return text(r.conversation.Source.Author.Email) }),
		"source.url":          textField(func(r *conversationRecord) []any { return optText(r.conversation.Source.URL) }),
		"contact_ids":         textField(conversationContactIDs),
		"teammate_ids":        textField(conversationTeammateIDs),
		"admin_assignee_id":   intField(func(r *conversationRecord) []any { return optInt(r.conversation.AdminAssigneeID) }),
		"team_assignee_id":    intField(func(r *conversationRecord) []any { return optInt(r.conversation.TeamAssigneeID) }),
		"channel_initiated":   textField(func(r *conversationRecord) []any { return text(r.extras.ChannelInitiated) }),
		"open":                boolField(func(r *conversationRecord) []any { return flag(r.conversation.Open) }),
		"read":                boolField(func(r *conversationRecord) []any { return flag(r.conversation.Read) }),
		"state":               textField(func(r *conversationRecord) []any { return text(r.conversation.State) }),
		"waiting_since":       dateField(func(r *conversationRecord) []any { return optMoment(r.conversation.WaitingSince) }),
		"snoozed_until":       dateField(func(r *conversationRecord) []any { return optMoment(r.conversation.SnoozedUntil) }),
		"tag_ids":             textField(conversationTagIDs),
		"priority":            textField(func(r *conversationRecord) []any { return text(r.conversation.Priority) }),

		"statistics.time_to_assignment":             statInt(func(s *upstream.ConversationStatistics) *int64 { return s.TimeToAssignment }),
		"statistics.time_to_admin_reply":            statInt(func(s *upstream.ConversationStatistics) *int64 { return s.TimeToAdminReply }),
		"statistics.time_to_first_close":            statInt(func(s *upstream.ConversationStatistics) *int64 { return s.TimeToFirstClose }),
		"statistics.time_to_last_close":             statInt(func(s *upstream.ConversationStatistics) *int64 { return s.TimeToLastClose }),
		"statistics.median_time_to_reply":           statInt(func(s *upstream.ConversationStatistics) *int64 { return s.MedianTimeToReply }),
		"statistics.first_contact_reply_at":         statDate(func(s *upstream.ConversationStatistics) *upstream.Timestamp { return s.FirstContactReplyAt }),
		"statistics.first_assignment_at":            statDate(func(s *upstream.ConversationStatistics) *upstream.Timestamp { return s.FirstAssignmentAt }),
		"statistics.first_admin_reply_at":           statDate(func(s *upstream.ConversationStatistics) *upstream.Timestamp { return s.FirstAdminReplyAt }),
		"statistics.first_close_at":                 statDate(func(s *upstream.ConversationStatistics) *upstream.Timestamp { return s.FirstCloseAt }),
		"statistics.last_assignment_at":             statDate(func(s *upstream.ConversationStatistics) *upstream.Timestamp { return s.LastAssignmentAt }),
		"statistics.last_assignment_admin_reply_at": statDate(func(s *upstream.ConversationStatistics) *upstream.Timestamp { return s.LastAssignmentAdminReplyAt }),
		"statistics.last_contact_reply_at":          statDate(func(s *upstream.ConversationStatistics) *upstream.Timestamp { return s.LastContactReplyAt }),
		"statistics.last_admin_reply_at":            statDate(func(s *upstream.ConversationStatistics) *upstream.Timestamp { return s.LastAdminReplyAt }),
		"statistics.last_close_at":                  statDate(func(s *upstream.ConversationStatistics) *upstream.Timestamp { return s.LastCloseAt }),
		"statistics.last_closed_by_id": textField(func(r *conversationRecord) []any {
			if s := r.conversation.Statistics; s != nil {
				return optText(s.LastClosedByID)
			}
			return nil
		}),
		"statistics.count_reopens":            statCount(func(s *upstream.ConversationStatistics) int { return s.CountReopens }),
		"statistics.count_assignments":        statCount(func(s *upstream.ConversationStatistics) int { return s.CountAssignments }),
		"statistics.count_conversation_parts": statCount(func(s *upstream.ConversationStatistics) int { return s.CountConversationParts }),

		"conversation_rating.requested_at": dateField(func(r *conversationRecord) []any { return optMoment(r.extras.RatingRequestedAt) }),
		"conversation_rating.replied_at": dateField(func(r *conversationRecord) []any {
			if rt := r.conversation.ConversationRating; rt != nil {
				return moment(rt.CreatedAt)
			}
			return nil
		}),
		"conversation_rating.score": intField(func(r *conversationRecord) []any {
			if rt := r.conversation.ConversationRating; rt != nil {
				return []any{int64(rt.Rating)}
			}
			return nil
		}),
		"conversation_rating.remark": textField(func(r *conversationRecord) []any {
			if rt := r.conversation.ConversationRating; rt != nil {
				return text(rt.Remark)
			}
			return nil
		}),
		"conversation_rating.contact_id": textField(func(r *conversationRecord) []any {
			if rt := r.conversation.ConversationRating; rt != nil {
				return text(rt.Contact.ID)
			}
			return nil
		}),
		"conversation_rating.admin_id": textField(func(r *conversationRecord) []any {
			if rt := r.conversation.ConversationRating; rt != nil {
				return optText(rt.Teammate.ID)
			}
			return nil
		}),

		"ai_agent_participated":     boolField(func(r *conversationRecord) []any { return flag(r.extras.AIAgentParticipated) }),
		"ai_agent.resolution_state": aiText(func(a *AIAgent) *string { return &a.ResolutionState }),
		"ai_agent.last_answer_type": aiText(func(a *AIAgent) *string { return a.LastAnswerType }),
		"ai_agent.rating": intField(func(r *conversationRecord) []any {
			if a := r.extras.AIAgent; a != nil {
				return optInt(a.Rating)
			}
			return nil
		}),
		"ai_agent.rating_remark": aiText(func(a *AIAgent) *string { return a.RatingRemark }),
		"ai_agent.source_type":   aiText(func(a *AIAgent) *string { return &a.SourceType }),
		"ai_agent.source_title":  aiText(func(a *AIAgent) *string { return &a.SourceTitle }),
	},
	// The spec's table spells the rated teammate's field admin_d.
	aliases: map[string]string{"conversation_rating.admin_d": "conversation_rating.admin_id"},
	byID: func(ws *Workspace, id string) (*conversationRecord, bool) {
		rec, ok := ws.conversationByID[id]
		return rec, ok
	},
}

func searchConversations(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	serveSearch(w, r, ws, conversationSearch, ws.conversations, func(p searchPage[*conversationRecord]) {
		out := make([]*upstream.Conversation, len(p.items))
		for i, rec := range p.items {
			out[i] = renderConversation(rec, false, false)
		}
		writeJSON(w, http.StatusOK, upstream.ConversationList{Type: "conversation.list", Conversations: out, TotalCount: p.total, Pages: p.pages})
	})
}

func conversationContactIDs(r *conversationRecord) []any {
	var out []any
	for _, c := range r.conversation.Contacts.Contacts {
		out = append(out, text(c.ID)...)
	}
	return out
}

func conversationTeammateIDs(r *conversationRecord) []any {
	var out []any
	if t := r.conversation.Teammates; t != nil {
		for _, ref := range t.Teammates {
			out = append(out, optText(ref.ID)...)
		}
	}
	return out
}

func conversationTagIDs(r *conversationRecord) []any {
	var out []any
	for _, t := range r.conversation.Tags.Tags {
		out = append(out, text(t.ID)...)
	}
	return out
}

func statInt(get func(*upstream.ConversationStatistics) *int64) searchField[*conversationRecord] {
	return intField(func(r *conversationRecord) []any {
		if s := r.conversation.Statistics; s != nil {
			return optInt(get(s))
		}
		return nil
	})
}

func statDate(get func(*upstream.ConversationStatistics) *upstream.Timestamp) searchField[*conversationRecord] {
	return dateField(func(r *conversationRecord) []any {
		if s := r.conversation.Statistics; s != nil {
			return optMoment(get(s))
		}
		return nil
	})
}

func statCount(get func(*upstream.ConversationStatistics) int) searchField[*conversationRecord] {
	return intField(func(r *conversationRecord) []any {
		if s := r.conversation.Statistics; s != nil {
			return []any{int64(get(s))}
		}
		return nil
	})
}

func aiText(get func(*AIAgent) *string) searchField[*conversationRecord] {
	return textField(func(r *conversationRecord) []any {
		if a := r.extras.AIAgent; a != nil {
			return optText(get(a))
		}
		return nil
	})
}
