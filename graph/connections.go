package graph

import (
	"errors"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream"
)

// pageArgs gathers a connection field's Relay arguments.
func pageArgs(first *int, after *string, last *int, before *string) relay.Args {
	return relay.Args{First: first, After: after, Last: last, Before: before}
}

// pageError turns relay's argument and cursor errors into BAD_USER_INPUT,
// its complaints about Intercom's pagination into UPSTREAM_UNAVAILABLE, and
// passes upstream errors through for the presenter to classify.
func pageError(err error) error {
	var inputErr *relay.InputError
	if errors.As(err, &inputErr) {
		return errcode.InputField(inputErr.Argument, inputErr.Err)
	}
	if errors.Is(err, relay.ErrUpstreamPagination) {
		return &errcode.Error{Code: errcode.UpstreamUnavailable, Message: "Intercom's pagination misbehaved: " + err.Error(), Err: err}
	}
	return err
}

func totalOf[T any](p *relay.Page[T]) int {
	if p.TotalCount == nil {
		return len(p.Nodes)
	}
	return *p.TotalCount
}

func adminConnection(p *relay.Page[*upstream.Admin]) *model.AdminConnection {
	return &model.AdminConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.Admin) *model.AdminEdge { return &model.AdminEdge{Cursor: c, Node: n} }),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

func teamConnection(p *relay.Page[*upstream.Team]) *model.TeamConnection {
	return &model.TeamConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.Team) *model.TeamEdge { return &model.TeamEdge{Cursor: c, Node: n} }),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

func contactConnection(p *relay.Page[*upstream.Contact]) *model.ContactConnection {
	return &model.ContactConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.Contact) *model.ContactEdge { return &model.ContactEdge{Cursor: c, Node: n} }),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

func conversationConnection(p *relay.Page[*upstream.Conversation]) *model.ConversationConnection {
	return &model.ConversationConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.Conversation) *model.ConversationEdge {
			return &model.ConversationEdge{Cursor: c, Node: n}
		}),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

func conversationPartConnection(p *relay.Page[*upstream.ConversationPart]) *model.ConversationPartConnection {
	return &model.ConversationPartConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.ConversationPart) *model.ConversationPartEdge {
			return &model.ConversationPartEdge{Cursor: c, Node: n}
		}),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

// sliceConnection pages through a list Intercom hands over whole. The
// arguments and cursor are checked before load runs, so a refused request
// costs no upstream call.
func sliceConnection[T any](codec relay.Codec, conn string, args relay.Args, load func() ([]T, error)) (*relay.Page[T], error) {
	if _, err := relay.Slice[T](codec, conn, args, nil); err != nil {
		return nil, pageError(err)
	}
	all, err := load()
	if err != nil {
		return nil, err
	}
	page, err := relay.Slice(codec, conn, args, all)
	if err != nil {
		return nil, pageError(err)
	}
	return page, nil
}

// pageNumbers adapts a page-number list call of the client to
// relay.NumberedList; the call reports the pages Intercom served, whose size
// may differ from the one asked for.
func pageNumbers[T any](list func(upstream.PageOptions) ([]T, int, *upstream.PagesLink, error)) relay.PageFetch[T] {
	return func(page, perPage int) (relay.NumberedBatch[T], error) {
		items, total, served, err := list(upstream.PageOptions{Page: page, PerPage: perPage})
		if err != nil {
			return relay.NumberedBatch[T]{}, err
		}
		b := relay.NumberedBatch[T]{Items: items, Total: total}
		if served != nil {
			b.PerPage = served.PerPage
		}
		return b, nil
	}
}
