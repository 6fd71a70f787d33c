package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// connKey names a nested connection for its cursors: the field and what
// identifies its parent, so a cursor from one parent's list is refused on another's.
func connKey(field, parent string) string {
	if len(parent) > 48 {
		sum := sha256.Sum256([]byte(parent))
		parent = hex.EncodeToString(sum[:12])
	}
	return field + ":" + parent
}

func idList(ids []int64) string { return strings.Join(numericIDs(ids), ",") }

// resolveAll loads the objects a list of ids points at, in order, with one
// call of loadMany so the loader batches them. An id whose object no longer
// exists is left out, as Intercom's own lists leave out deleted objects.
func resolveAll[T any](ctx context.Context, ids []string, loadMany func(context.Context, []string) ([]T, []error)) ([]T, error) {
	values, errs := loadMany(ctx, ids)
	out := make([]T, 0, len(ids))
	for i, v := range values {
		if err := errs[i]; err != nil {
			if errcode.IsNotFound(err) {
				continue
			}
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// each adapts a single-object lookup that is already cheap (a reference list
// read once per operation) to resolveAll.
func each[T any](load func(context.Context, string) (T, error)) func(context.Context, []string) ([]T, []error) {
	return func(ctx context.Context, ids []string) ([]T, []error) {
		values, errs := make([]T, len(ids)), make([]error, len(ids))
		for i, id := range ids {
			values[i], errs[i] = load(ctx, id)
		}
		return values, errs
	}
}

// optionalRef loads the object an optional reference points at: null when
// there is no reference or the object no longer exists.
func optionalRef[T any](ctx context.Context, id *string, load func(context.Context, string) (*T, error)) (*T, error) {
	if id == nil || *id == "" || *id == "0" {
		return nil, nil
	}
	v, err := load(ctx, *id)
	if errcode.IsNotFound(err) {
		return nil, nil
	}
	return v, err
}

func numericRef(id *int64) *string {
	if id == nil {
		return nil
	}
	s := numericID(*id)
	return &s
}

func numericIDs(ids []int64) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = numericID(id)
	}
	return out
}

func contactRefIDs(refs []upstream.ContactReference) []string {
	ids := make([]string, len(refs))
	for i, ref := range refs {
		ids[i] = ref.ID
	}
	return ids
}

// contactsConnection pages the contacts a conversation or ticket names,
// loaded in one batch.
func (r *Resolver) contactsConnection(ctx context.Context, conn string, refs []upstream.ContactReference, args relay.Args) (*model.ContactConnection, error) {
	page, err := sliceConnection(r.cursors(ctx), conn, args, func() ([]*upstream.Contact, error) {
		return resolveAll(ctx, contactRefIDs(refs), loaders.For(ctx).Contacts)
	})
	if err != nil {
		return nil, err
	}
	return contactConnection(page), nil
}

func (r *Resolver) teamsConnection(ctx context.Context, conn string, ids []int64, args relay.Args) (*model.TeamConnection, error) {
	page, err := sliceConnection(r.cursors(ctx), conn, args, func() ([]*upstream.Team, error) {
		return resolveAll(ctx, numericIDs(ids), each(loaders.For(ctx).Team))
	})
	if err != nil {
		return nil, err
	}
	return teamConnection(page), nil
}

func (r *Resolver) adminsConnection(ctx context.Context, conn string, ids []int64, args relay.Args) (*model.AdminConnection, error) {
	return r.adminsByIDConnection(ctx, conn, numericIDs(ids), args)
}

func (r *Resolver) adminsByIDConnection(ctx context.Context, conn string, ids []string, args relay.Args) (*model.AdminConnection, error) {
	page, err := sliceConnection(r.cursors(ctx), conn, args, func() ([]*upstream.Admin, error) {
		return resolveAll(ctx, ids, each(loaders.For(ctx).Admin))
	})
	if err != nil {
		return nil, err
	}
	return adminConnection(page), nil
}
