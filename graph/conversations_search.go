package graph

import (
	"context"

	"intercom-graphql/graph/filter"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream"
)

// conversationSortFields are Intercom's names of the fields conversations sort by.
var conversationSortFields = map[model.ConversationOrderField]string{
	model.ConversationOrderFieldCreatedAt:              "created_at",
	model.ConversationOrderFieldUpdatedAt:              "updated_at",
	model.ConversationOrderFieldWaitingSince:           "waiting_since",
	model.ConversationOrderFieldSnoozedUntil:           "snoozed_until",
	model.ConversationOrderFieldLastContactReplyAt:     "statistics.last_contact_reply_at",
	model.ConversationOrderFieldLastAdminReplyAt:       "statistics.last_admin_reply_at",
	model.ConversationOrderFieldLastCloseAt:            "statistics.last_close_at",
	model.ConversationOrderFieldCountConversationParts: "statistics.count_conversation_parts",
}

// conversationPriority is Intercom's value of priority, read as the graph's boolean.
func conversationPriority(b bool) (any, error) {
	if b {
		return "priority", nil
	}
	return "not_priority", nil
}

// conversationFilterExpr reads a ConversationFilter: each field of the
// input names the conversation search field of the spec's table it filters.
func conversationFilterExpr(in *model.ConversationFilter, path string) (filter.Expr, error) {
	c := newConditions(path)
	logic(c, in.And, in.Or, in.Not, conversationFilterExpr)
	c.reference("id", in.ID, textField("id"), typeConversation)
	c.moment("createdAt", in.CreatedAt, momentField("created_at", true))
	c.moment("updatedAt", in.UpdatedAt, momentField("updated_at", true))
	if s := in.Source; s != nil {
		c.nested("source", func(c *conditions) {
			if t := s.Type; t != nil {
				choice(c, "type", textField("source.type"), wireValue[model.ConversationSourceType], t.Eq, t.Ne, t.In, t.Nin)
			}
			c.text("intercomId", s.IntercomID, textField("source.id"))
			c.text("deliveredAs", s.DeliveredAs, textField("source.delivered_as"))
			c.text("subject", s.Subject, textField("source.subject"))
			c.text("body", s.Body, textField("source.body"))
			if a := s.Author; a != nil {
				c.nested("author", func(c *conditions) {
					c.text("intercomId", a.IntercomID, textField("source.author.id"))
					c.text("type", a.Type, textField("source.author.type"))
					c.text("name", a.Name, textField("source.author.name"))
					c.text("email", a.Email, textField("source.author.email"))
				})
			}
			c.text("url", s.URL, textField("source.url"))
		})
	}
	c.reference("contact", in.Contact, textField("contact_ids"), typeContact)
	c.reference("teammate", in.Teammate, textField("teammate_ids"), typeAdmin)
	c.reference("adminAssignee", in.AdminAssignee, intField("admin_assignee_id"), typeAdmin)
	c.reference("teamAssignee", in.TeamAssignee, intField("team_assignee_id"), typeTeam)
	c.text("channelInitiated", in.ChannelInitiated, textField("channel_initiated"))
	c.boolean("open", in.Open, boolField("open"))
	c.boolean("read", in.Read, boolField("read"))
	if s := in.State; s != nil {
		choice(c, "state", textField("state"), wireValue[model.ConversationState], s.Eq, s.Ne, s.In, s.Nin)
	}
	c.moment("waitingSince", in.WaitingSince, momentField("waiting_since", false))
	c.moment("snoozedUntil", in.SnoozedUntil, momentField("snoozed_until", false))
	c.reference("tag", in.Tag, textField("tag_ids"), typeTag)
	if p := in.Priority; p != nil {
		operators(c, "priority", textField("priority"), conversationPriority, []one[bool]{{filter.Eq, p.Eq}, {filter.Ne, p.Ne}}, nil)
	}
	if s := in.Statistics; s != nil {
		c.nested("statistics", func(c *conditions) {
			c.integer("timeToAssignment", s.TimeToAssignment, intField("statistics.time_to_assignment"))
			c.integer("timeToAdminReply", s.TimeToAdminReply, intField("statistics.time_to_admin_reply"))
			c.integer("timeToFirstClose", s.TimeToFirstClose, intField("statistics.time_to_first_close"))
			c.integer("timeToLastClose", s.TimeToLastClose, intField("statistics.time_to_last_close"))
			c.integer("medianTimeToReply", s.MedianTimeToReply, intField("statistics.median_time_to_reply"))
			c.moment("firstContactReplyAt", s.FirstContactReplyAt, momentField("statistics.first_contact_reply_at", false))
			c.moment("firstAssignmentAt", s.FirstAssignmentAt, momentField("statistics.first_assignment_at", false))
			c.moment("firstAdminReplyAt", s.FirstAdminReplyAt, momentField("statistics.first_admin_reply_at", false))
			c.moment("firstCloseAt", s.FirstCloseAt, momentField("statistics.first_close_at", false))
			c.moment("lastAssignmentAt", s.LastAssignmentAt, momentField("statistics.last_assignment_at", false))
			c.moment("lastAssignmentAdminReplyAt", s.LastAssignmentAdminReplyAt, momentField("statistics.last_assignment_admin_reply_at", false))
			c.moment("lastContactReplyAt", s.LastContactReplyAt, momentField("statistics.last_contact_reply_at", false))
			c.moment("lastAdminReplyAt", s.LastAdminReplyAt, momentField("statistics.last_admin_reply_at", false))
			c.moment("lastCloseAt", s.LastCloseAt, momentField("statistics.last_close_at", false))
			c.reference("lastClosedBy", s.LastClosedBy, textField("statistics.last_closed_by_id"), typeAdmin)
			c.integer("countReopens", s.CountReopens, intField("statistics.count_reopens"))
			c.integer("countAssignments", s.CountAssignments, intField("statistics.count_assignments"))
			c.integer("countConversationParts", s.CountConversationParts, intField("statistics.count_conversation_parts"))
		})
	}
	if r := in.Rating; r != nil {
		c.nested("rating", func(c *conditions) {
			c.moment("requestedAt", r.RequestedAt, momentField("conversation_rating.requested_at", false))
			c.moment("repliedAt", r.RepliedAt, momentField("conversation_rating.replied_at", false))
			c.integer("score", r.Score, intField("conversation_rating.score"))
			c.text("remark", r.Remark, textField("conversation_rating.remark"))
			c.reference("contact", r.Contact, textField("conversation_rating.contact_id"), typeContact)
			// The spec's table spells this field admin_d; admin_id is the name it means.
			c.reference("teammate", r.Teammate, textField("conversation_rating.admin_id"), typeAdmin)
		})
	}
	c.boolean("aiAgentParticipated", in.AiAgentParticipated, boolField("ai_agent_participated"))
	if a := in.AiAgent; a != nil {
		c.nested("aiAgent", func(c *conditions) {
			c.text("resolutionState", a.ResolutionState, textField("ai_agent.resolution_state"))
			c.text("lastAnswerType", a.LastAnswerType, textField("ai_agent.last_answer_type"))
			c.integer("rating", a.Rating, intField("ai_agent.rating"))
			c.text("ratingRemark", a.RatingRemark, textField("ai_agent.rating_remark"))
			c.text("sourceType", a.SourceType, textField("ai_agent.source_type"))
			c.text("sourceTitle", a.SourceTitle, textField("ai_agent.source_title"))
		})
	}
	return c.expr()
}

// searchConversations serves the conversations connection with a filter or
// an order, through POST /conversations/search.
func (r *Resolver) searchConversations(ctx context.Context, in *model.ConversationFilter, orderBy *model.ConversationOrder, args relay.Args) (*relay.Page[*upstream.Conversation], error) {
	plan, sort, err := searchArgs(in, conversationFilterExpr, filter.Conversations, orderBy, func(s *model.ConversationOrder) sortChoice {
		return sortChoice{field: conversationSortFields[s.Field], direction: s.Direction}
	})
	if err != nil {
		return nil, err
	}
	return searchConnection(ctx, r.cursors(ctx), "conversations", plan, sort, args, func(req upstream.SearchRequest) (relay.CursorBatch[*upstream.Conversation], error) {
		list, err := r.client(ctx).Conversations.Search(ctx, req)
		if err != nil {
			return relay.CursorBatch[*upstream.Conversation]{}, err
		}
		return relay.CursorBatch[*upstream.Conversation]{Items: list.Conversations, Next: list.Pages.NextCursor(), Total: list.TotalCount}, nil
	})
}
