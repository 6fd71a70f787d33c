package graph

import (
	"context"
	"errors"
	"strings"
	"time"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream"
)

// eventOwner reads a DataEventPerson: exactly one way of naming the person.
func eventOwner(p model.DataEventPerson) (upstream.DataEventOwner, string, error) {
	var owner upstream.DataEventOwner
	var key string
	given := 0
	for _, f := range []struct {
		name  string
		value *string
		set   *string
	}{{"userId", p.UserID, &owner.UserID}, {"intercomUserId", p.IntercomUserID, &owner.IntercomUserID}, {"email", p.Email, &owner.Email}} {
		if f.value == nil {
			continue
		}
		if strings.TrimSpace(*f.value) == "" {
			return owner, "", errcode.InputField("person."+f.name, errors.New("must not be empty"))
		}
		given++
		*f.set, key = *f.value, f.name+":"+*f.value
	}
	if given != 1 {
		return owner, "", errcode.InputField("person", errors.New("give exactly one of userId, intercomUserId and email"))
	}
	return owner, key, nil
}

// eventsConnection pages forward through a person's events, following the
// next-page links Intercom hands out.
func (r *Resolver) eventsConnection(ctx context.Context, conn string, owner upstream.DataEventOwner, args relay.Args) (*model.DataEventConnection, error) {
	page, err := relay.CursorList(r.cursors(ctx), conn, args, upstream.MaxPerPage,
		func(perPage int, token string) (relay.CursorBatch[*upstream.DataEvent], error) {
			list, err := r.client(ctx).DataEvents.List(ctx, owner, upstream.DataEventListOptions{PerPage: perPage, After: token})
			if err != nil {
				return relay.CursorBatch[*upstream.DataEvent]{}, err
			}
			return relay.CursorBatch[*upstream.DataEvent]{Items: list.Events, Next: list.Pages.NextQuery(), Total: -1}, nil
		})
	if err != nil {
		return nil, pageError(err)
	}
	return &model.DataEventConnection{
		Edges: relay.Edges(page, func(c string, n *upstream.DataEvent) *model.DataEventEdge {
			return &model.DataEventEdge{Cursor: c, Node: n}
		}),
		Nodes: page.Nodes, PageInfo: &page.PageInfo, TotalCount: totalOnLastPage(r.cursors(ctx), conn, args, page),
	}, nil
}

// totalOnLastPage counts a list Intercom does not count: on its last page,
// the items before the page plus the page's own; before that, unknown.
func totalOnLastPage[T any](codec relay.Codec, conn string, args relay.Args, p *relay.Page[T]) *int {
	if p.PageInfo.HasNextPage {
		return nil
	}
	n := len(p.Nodes)
	if args.After != nil {
		if pos, err := codec.Decode(*args.After, conn); err == nil {
			n += pos.Offset + 1
		}
	}
	return &n
}

// summaryTime reads the ISO 8601 times of event summaries.
func summaryTime(raw string) (*upstream.Timestamp, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339Nano, raw)
	if err != nil {
		return nil, errors.New("intercom sent an event summary time that is not ISO 8601: " + raw)
	}
	ts := upstream.TimestampOf(t)
	return &ts, nil
}
