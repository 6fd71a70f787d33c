package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// maxNodesPerQuery bounds nodes(ids:), as GitHub bounds it at 100.
const maxNodesPerQuery = 100

// loadNode starts fetching the object a global ID names and returns a
// function that waits for it; objects Intercom fetches in batches are
// requested at once, so several loadNode calls share their upstream calls.
func (r *Resolver) loadNode(ctx context.Context, id string) func() (relay.Node, error) {
	g, err := relay.ParseGlobalID(id)
	if err != nil {
		return fail(errcode.InputField("id", err))
	}
	l := loaders.For(ctx)
	switch g.Type {
	case typeAdmin:
		return now(l.Admin(ctx, g.ID))
	case typeTeam:
		return now(l.Team(ctx, g.ID))
	case typeContact:
		return later(l.ContactThunk(ctx, g.ID))
	case typeConversation:
		return later(l.ConversationSummaryThunk(ctx, g.ID))
	case typeCompany:
		return later(l.CompanyThunk(ctx, g.ID))
	case typeTag:
		return later(l.TagThunk(ctx, g.ID))
	case typeSegment:
		return later(l.SegmentThunk(ctx, g.ID))
	case typeNote:
		return later(l.NoteThunk(ctx, g.ID))
	case typeSubscriptionType:
		return now(l.SubscriptionType(ctx, g.ID))
	case typeVisitor:
		return later(l.VisitorThunk(ctx, g.ID))
	case typeActivityLog:
		if _, _, err := loaders.ParseActivityLogKey(g.ID); err != nil {
			return fail(errcode.InputField("id", relay.ErrMalformedID))
		}
		return later(l.ActivityLogThunk(ctx, g.ID))
	case typeDataExport:
		return later(l.DataExportThunk(ctx, g.ID))
	case typeArticle:
		return laterNumeric(ctx, g, l.ArticleThunk)
	case typeCollection:
		return laterNumeric(ctx, g, l.CollectionThunk)
	case typeHelpCenter:
		return laterNumeric(ctx, g, l.HelpCenterThunk)
	case typeNewsItem:
		return laterNumeric(ctx, g, l.NewsItemThunk)
	case typeNewsfeed:
		return later(l.NewsfeedThunk(ctx, g.ID))
	case typeTicket:
		return later(l.TicketThunk(ctx, g.ID))
	case typeTicketType:
		return later(l.TicketTypeThunk(ctx, g.ID))
	case typeTicketTypeAttribute:
		return now(l.TicketTypeAttribute(ctx, g.ID))
	case typeMe:
		return func() (relay.Node, error) { return sameMe(ctx, g.ID) }
	case typeDataAttribute:
		return loadDataAttribute(ctx, g.ID)
	case typeConversationSource:
		wait := l.ConversationSummaryThunk(ctx, g.ID)
		return func() (relay.Node, error) {
			c, err := wait()
			if err != nil {
				return nil, err
			}
			conversationOfSource.record(&c.Source, c.ID)
			return &c.Source, nil
		}
	case typeConversationPart:
		// GET /conversations/{id} is the only way to parts: one call per
		// conversation, which its other parts asked for share.
		return within(ctx, g, l.ConversationThunk, &conversationOfPart, conversationParts, func(p *upstream.ConversationPart) string { return p.ID })
	case typeTicketPart:
		return within(ctx, g, l.TicketThunk, &ticketOfPart, ticketParts, func(p *upstream.TicketPart) string { return p.ID })
	case typeTicketTypeAttributeOption:
		attribute := func(ctx context.Context, id string) func() (*upstream.TicketTypeAttribute, error) {
			return func() (*upstream.TicketTypeAttribute, error) { return l.TicketTypeAttribute(ctx, id) }
		}
		return within(ctx, g, attribute, &attributeOfOption, listOptions, func(o *model.TicketTypeAttributeOption) string { return o.ID })
	}
	return fail(errcode.InputField("id", fmt.Errorf("%s is not a type this graph can fetch by ID", g.Type)))
}

// within loads an object Intercom serves only inside another one (a part in
// its conversation): the global ID joins the owner's id and the object's own.
// It starts loading the owner at once, so owners asked for together are
// fetched together, and finds the object in it once it comes.
func within[O, C any](ctx context.Context, g relay.GlobalID, load func(context.Context, string) func() (*O, error), owned *owners[C],
	children func(*O) []*C, idOf func(*C) string) func() (relay.Node, error) {
	ids, err := relay.SplitIDs(g.ID, 2)
	if err != nil {
		return fail(errcode.InputField("id", err))
	}
	wait := load(ctx, ids[0])
	return func() (relay.Node, error) {
		owner, err := wait()
		if err != nil {
			return nil, err
		}
		for _, c := range children(owner) {
			if idOf(c) == ids[1] {
				owned.record(c, ids[0])
				return c, nil
			}
		}
		return nil, errcode.Missing(g.Type, g.ID)
	}
}

// conversationParts are the parts a conversation came with (none from lists
// and searches, which leave them out).
func conversationParts(c *upstream.Conversation) []*upstream.ConversationPart {
	if c.ConversationParts == nil {
		return nil
	}
	return c.ConversationParts.ConversationParts
}

// ticketParts are the parts a ticket came with.
func ticketParts(t *upstream.Ticket) []*upstream.TicketPart {
	if t.TicketParts == nil {
		return nil
	}
	return t.TicketParts.TicketParts
}

// sameMe is the teammate of the access token, when a Me ID names that
// teammate: a Me ID issued for another token's teammate names nobody here.
func sameMe(ctx context.Context, id string) (relay.Node, error) {
	me, err := loaders.For(ctx).Me(ctx)
	if err != nil {
		return nil, err
	}
	if me.ID != id {
		return nil, errcode.Missing(typeMe, id)
	}
	return me, nil
}

func fail(err error) func() (relay.Node, error) {
	return func() (relay.Node, error) { return nil, err }
}

func now[T any](v *T, err error) func() (relay.Node, error) {
	return func() (relay.Node, error) {
		if err != nil {
			return nil, err
		}
		return v, nil
	}
}

func later[T any](thunk func() (*T, error)) func() (relay.Node, error) {
	return func() (relay.Node, error) {
		v, err := thunk()
		if err != nil {
			return nil, err
		}
		return v, nil
	}
}

// addErrorAtIndex reports an error on one item of a list field, leaving the
// other items intact.
func addErrorAtIndex(ctx context.Context, index int, err error) {
	path := append(ast.Path{}, graphql.GetPath(ctx)...)
	path = append(path, ast.PathIndex(index))
	graphql.AddError(ctx, gqlerror.WrapPath(path, err))
}
