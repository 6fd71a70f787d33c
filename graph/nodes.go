package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/relay"
	"intercom-graphql/loaders"
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
	}
	return fail(errcode.InputField("id", fmt.Errorf("%s is not a type this graph can fetch by ID", g.Type)))
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
