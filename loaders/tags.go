package loaders

import (
	"context"

	"github.com/graph-gophers/dataloader/v7"

	"intercom-graphql/upstream"
)

// tagLoaders read the workspace's tags: the list once per operation, a tag
// asked for alone with its own call, and the tags of contacts.
type tagLoaders struct {
	tags        once[[]*upstream.Tag]
	tagByID     *dataloader.Loader[string, *upstream.Tag]
	contactTags *dataloader.Loader[string, []*upstream.Tag]
}

func newTagLoaders(l *Loaders) tagLoaders {
	c := l.client
	return tagLoaders{
		tagByID: dataloader.NewBatchedLoader(l.tagBatch, loaderOptions[*upstream.Tag](l)...),
		contactTags: dataloader.NewBatchedLoader(fanOut(func(ctx context.Context, contactID string) ([]*upstream.Tag, error) {
			list, err := c.Tags.ForContact(ctx, contactID)
			if err != nil {
				return nil, err
			}
			return list.Data, nil
		}), loaderOptions[[]*upstream.Tag](l)...),
	}
}

// tagBatch answers the tags asked for by id in one tick: one tag alone with
// GET /tags/{id}, several from the workspace's list (read once per operation).
func (l *Loaders) tagBatch(ctx context.Context, ids []string) []*dataloader.Result[*upstream.Tag] {
	if len(ids) == 1 && !l.tags.loaded() {
		t, err := l.client.Tags.Get(ctx, ids[0])
		return []*dataloader.Result[*upstream.Tag]{{Data: t, Error: err}}
	}
	return fromList(ctx, ids, l.Tags, "Tag", func(t *upstream.Tag) string { return t.ID })
}

// Tags is every tag of the workspace, read with one call per operation.
func (l *Loaders) Tags(ctx context.Context) ([]*upstream.Tag, error) {
	return l.tags.get(ctx, func(ctx context.Context) ([]*upstream.Tag, error) {
		list, err := l.client.Tags.List(ctx)
		if err != nil {
			return nil, err
		}
		return list.Data, nil
	})
}

// Tag loads one tag by id.
func (l *Loaders) Tag(ctx context.Context, id string) (*upstream.Tag, error) {
	return l.tagByID.Load(ctx, id)()
}

// TagThunk starts loading a tag and returns a function that waits for it.
func (l *Loaders) TagThunk(ctx context.Context, id string) func() (*upstream.Tag, error) {
	return l.tagByID.Load(ctx, id)
}

// TagsByID loads several tags at once, in the order of ids, each with its own error.
func (l *Loaders) TagsByID(ctx context.Context, ids []string) ([]*upstream.Tag, []error) {
	values, errs := l.tagByID.LoadMany(ctx, ids)()
	if errs == nil {
		errs = make([]error, len(ids))
	}
	return values, errs
}

// ContactTags is every tag on a contact, read with one call for the contact.
func (l *Loaders) ContactTags(ctx context.Context, contactID string) ([]*upstream.Tag, error) {
	return l.contactTags.Load(ctx, contactID)()
}

// fromList answers a batch of ids from a reference list, each id on its own:
// one missing from the list is NOT_FOUND, the others are unaffected.
func fromList[T any](ctx context.Context, ids []string, list func(context.Context) ([]T, error), kind string, idOf func(T) string) []*dataloader.Result[T] {
	items, err := list(ctx)
	results := make([]*dataloader.Result[T], len(ids))
	for i, id := range ids {
		if err != nil {
			results[i] = &dataloader.Result[T]{Error: err}
			continue
		}
		v, ferr := findByID(items, id, kind, idOf)
		results[i] = &dataloader.Result[T]{Data: v, Error: ferr}
	}
	return results
}

// loaded reports whether the list has been read in this operation.
func (o *once[T]) loaded() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.done
}

// TagFromList finds a tag in the workspace's list, read once per operation.
func (l *Loaders) TagFromList(ctx context.Context, id string) (*upstream.Tag, error) {
	tags, err := l.Tags(ctx)
	if err != nil {
		return nil, err
	}
	return findByID(tags, id, "Tag", func(t *upstream.Tag) string { return t.ID })
}
