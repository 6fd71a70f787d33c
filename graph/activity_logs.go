package graph

import (
	"context"
	"errors"
	"fmt"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream"
)

// activityLogs pages forward through the log of a window. The window is part
// of the connection's key, so a cursor only resumes the window it came from.
func (r *Resolver) activityLogs(ctx context.Context, after upstream.Timestamp, before *upstream.Timestamp, args relay.Args) (*model.ActivityLogConnection, error) {
	if after < 0 {
		return nil, errcode.InputField("createdAfter", errors.New("must not be before 1970"))
	}
	conn := fmt.Sprintf("adminActivityLogs:%d:", after)
	if before != nil {
		if *before < after {
			return nil, errcode.InputField("createdBefore", errors.New("must not be before createdAfter"))
		}
		conn += fmt.Sprint(*before)
	}
	page, err := relay.CursorList(r.cursors(ctx), conn, args, upstream.MaxPerPage,
		func(perPage int, token string) (relay.CursorBatch[*upstream.ActivityLog], error) {
			list, err := r.client(ctx).ActivityLogs.List(ctx, upstream.ActivityLogListOptions{CreatedAtAfter: after, CreatedAtBefore: before,
				CursorOptions: upstream.CursorOptions{PerPage: perPage, StartingAfter: token}})
			if err != nil {
				return relay.CursorBatch[*upstream.ActivityLog]{}, err
			}
			return relay.CursorBatch[*upstream.ActivityLog]{Items: list.ActivityLogs, Next: list.Pages.NextCursor(), Total: -1}, nil
		})
	if err != nil {
		return nil, pageError(err)
	}
	return &model.ActivityLogConnection{
		Edges: relay.Edges(page, func(c string, n *upstream.ActivityLog) *model.ActivityLogEdge {
			return &model.ActivityLogEdge{Cursor: c, Node: n}
		}),
		Nodes: page.Nodes, PageInfo: &page.PageInfo, TotalCount: totalOnLastPage(r.cursors(ctx), conn, args, page),
	}, nil
}
