package graph

import (
	"context"
	"slices"
	"strings"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/live"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
)

// stream feeds a subscription field with the live events accept lets through,
// until the client stops or the broker ends the subscription; the reason for
// an end the client did not ask for is left in the operation's live.Ending,
// for the transport to tell the client.
func (r *Resolver) stream(ctx context.Context, accept func(*live.Event) bool) (<-chan *live.Event, error) {
	if r.Live == nil {
		return nil, &errcode.Error{Code: errcode.Internal, Message: "live updates are not available on this server"}
	}
	// One webhook URL receives the notifications of every workspace the
	// Intercom app is installed in; a subscriber sees its own workspace's.
	workspace, err := r.client(ctx).Workspace(ctx)
	if err != nil {
		return nil, err
	}
	sub, err := r.Live.Subscribe(func(ev *live.Event) bool {
		ours := ev.AppID == workspace || ev.AppID == "" && r.OneWorkspace
		return ours && accept(ev)
	})
	if err != nil {
		return nil, &errcode.Error{Code: errcode.Unavailable, Message: err.Error(), Err: err} // the server is full or shutting down
	}
	out := make(chan *live.Event)
	go func() {
		defer close(out)
		defer sub.Close()
		for {
			select {
			case ev, ok := <-sub.C:
				if !ok {
					live.EndingFrom(ctx).Set(sub.Err())
					return
				}
				select {
				case out <- ev:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

// conversationEventKinds maps Intercom's conversation topics onto the graph's kinds.
var conversationEventKinds = map[string]model.ConversationEventKind{
	"conversation.user.created":         model.ConversationEventKindCreated,
	"conversation.admin.single.created": model.ConversationEventKindCreated,
	"conversation.user.replied":         model.ConversationEventKindUserReplied,
	"conversation.admin.replied":        model.ConversationEventKindAdminReplied,
	"conversation.admin.assigned":       model.ConversationEventKindAssigned,
	"conversation.admin.open.assigned":  model.ConversationEventKindAssigned,
	"conversation.admin.opened":         model.ConversationEventKindOpened,
	"conversation.admin.closed":         model.ConversationEventKindClosed,
	"conversation.admin.snoozed":        model.ConversationEventKindSnoozed,
	"conversation.admin.unsnoozed":      model.ConversationEventKindUnsnoozed,
	"conversation.admin.noted":          model.ConversationEventKindNoted,
	"conversation_part.tag.created":     model.ConversationEventKindTagged,
	"conversation.deleted":              model.ConversationEventKindDeleted,
}

func conversationEventKind(topic string) model.ConversationEventKind {
	if kind, ok := conversationEventKinds[topic]; ok {
		return kind
	}
	return model.ConversationEventKindOther
}

// contactEventKind reads a contact topic; users' and leads' topics
// (contact.user.*, contact.lead.*) share their kinds, and archiving topics
// are read under both names Intercom's references give them.
func contactEventKind(topic string) model.ContactEventKind {
	switch {
	case strings.HasSuffix(topic, ".tag.created"):
		return model.ContactEventKindTagged
	case strings.HasSuffix(topic, ".tag.deleted"):
		return model.ContactEventKindUntagged
	}
	switch topic {
	case "contact.user.created", "contact.lead.created", "contact.created":
		return model.ContactEventKindCreated
	case "contact.user.updated", "contact.lead.updated", "contact.updated", "contact.email.updated",
		"contact.lead.added_email", "contact.lead.signed_up", "contact.signed_up", "contact.subscribed", "contact.unsubscribed":
		return model.ContactEventKindUpdated
	case "contact.archived", "contact.archive":
		return model.ContactEventKindArchived
	case "contact.unarchived", "contact.unarchive":
		return model.ContactEventKindUnarchived
	case "contact.deleted":
		return model.ContactEventKindDeleted
	}
	return model.ContactEventKindOther
}

func ticketEventKind(topic string) model.TicketEventKind {
	switch topic {
	case "ticket.created":
		return model.TicketEventKindCreated
	case "ticket.state.updated":
		return model.TicketEventKindStateChanged
	case "ticket.admin.assigned", "ticket.team.assigned":
		return model.TicketEventKindAssigned
	case "ticket.note.created":
		return model.TicketEventKindNoted
	}
	return model.TicketEventKindOther
}

func companyEventKind(topic string) model.CompanyEventKind {
	switch topic {
	case "company.created":
		return model.CompanyEventKindCreated
	case "company.updated":
		return model.CompanyEventKindUpdated
	case "company.deleted":
		return model.CompanyEventKindDeleted
	case "company.contact.attached":
		return model.CompanyEventKindContactAttached
	case "company.contact.detached":
		return model.CompanyEventKindContactDetached
	}
	return model.CompanyEventKindOther
}

// idSet is a filter's set of Intercom ids, read from global IDs of one type;
// a nil set lets everything through.
type idSet map[string]bool

// parseIDSet checks a filter's global IDs before anything is subscribed.
func parseIDSet(field, typ string, ids []string) (idSet, error) {
	if ids == nil {
		return nil, nil
	}
	set := idSet{}
	for _, id := range ids {
		raw, err := relay.ParseGlobalIDOf(id, typ)
		if err != nil {
			return nil, errcode.InputField("filter."+field, err)
		}
		set[raw] = true
	}
	return set, nil
}

// admits reports whether id passes the set; an absent id passes only an absent set.
func (s idSet) admits(id string) bool { return s == nil || (id != "" && s[id]) }

func kindFilter[K comparable](kinds []K, kindOf func(string) K) func(*live.Event) bool {
	if kinds == nil {
		return func(*live.Event) bool { return true }
	}
	return func(ev *live.Event) bool { return slices.Contains(kinds, kindOf(ev.Topic)) }
}

func conversationEventFilter(f *model.ConversationEventFilter) (func(*live.Event) bool, error) {
	if f == nil {
		f = &model.ConversationEventFilter{}
	}
	teams, errTeams := parseIDSet("teamIds", typeTeam, f.TeamIds)
	admins, errAdmins := parseIDSet("adminIds", typeAdmin, f.AdminIds)
	conversations, errConversations := parseIDSet("conversationIds", typeConversation, f.ConversationIds)
	if err := firstError(errTeams, errAdmins, errConversations); err != nil {
		return nil, err
	}
	kinds := kindFilter(f.Kinds, conversationEventKind)
	return func(ev *live.Event) bool {
		if ev.Resource != live.Conversations || !kinds(ev) || !conversations.admits(ev.ObjectID) {
			return false
		}
		var team, admin string
		if c := ev.Conversation; c != nil {
			if c.TeamAssigneeID != nil {
				team = numericID(*c.TeamAssigneeID)
			}
			if c.AdminAssigneeID != nil {
				admin = numericID(*c.AdminAssigneeID)
			}
		}
		return teams.admits(team) && admins.admits(admin)
	}, nil
}

func contactEventFilter(f *model.ContactEventFilter) (func(*live.Event) bool, error) {
	if f == nil {
		f = &model.ContactEventFilter{}
	}
	contacts, err := parseIDSet("contactIds", typeContact, f.ContactIds)
	if err != nil {
		return nil, err
	}
	kinds := kindFilter(f.Kinds, contactEventKind)
	return func(ev *live.Event) bool {
		return ev.Resource == live.Contacts && kinds(ev) && contacts.admits(ev.ObjectID)
	}, nil
}

func ticketEventFilter(f *model.TicketEventFilter) (func(*live.Event) bool, error) {
	if f == nil {
		f = &model.TicketEventFilter{}
	}
	teams, errTeams := parseIDSet("teamIds", typeTeam, f.TeamIds)
	admins, errAdmins := parseIDSet("adminIds", typeAdmin, f.AdminIds)
	tickets, errTickets := parseIDSet("ticketIds", typeTicket, f.TicketIds)
	if err := firstError(errTeams, errAdmins, errTickets); err != nil {
		return nil, err
	}
	kinds := kindFilter(f.Kinds, ticketEventKind)
	return func(ev *live.Event) bool {
		if ev.Resource != live.Tickets || ev.Ticket == nil || !kinds(ev) || !tickets.admits(ev.ObjectID) {
			return false
		}
		return teams.admits(ev.Ticket.TeamAssigneeID) && admins.admits(ev.Ticket.AdminAssigneeID)
	}, nil
}

func companyEventFilter(f *model.CompanyEventFilter) (func(*live.Event) bool, error) {
	if f == nil {
		f = &model.CompanyEventFilter{}
	}
	companies, err := parseIDSet("companyIds", typeCompany, f.CompanyIds)
	if err != nil {
		return nil, err
	}
	kinds := kindFilter(f.Kinds, companyEventKind)
	return func(ev *live.Event) bool {
		return ev.Resource == live.Companies && kinds(ev) && companies.admits(ev.ObjectID)
	}, nil
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
