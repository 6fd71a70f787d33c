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
	byID := byIDOrList(&l.tags, l.Tags, c.Tags.Get, "Tag", func(t *upstream.Tag) string { return t.ID })
	return tagLoaders{
		tagByID: dataloader.NewBatchedLoader(byID, loaderOptions[*upstream.Tag](l)...),
		contactTags: dataloader.NewBatchedLoader(fanOut(func(ctx context.Context, contactID string) ([]*upstream.Tag, error) {
			list, err := c.Tags.ForContact(ctx, contactID)
			if err != nil {
				return nil, err
			}
			return list.Data, nil
		}), loaderOptions[[]*upstream.Tag](l)...),
	}
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
	return loadMany(ctx, l.tagByID, ids)
}

// ContactTags is every tag on a contact, read with one call for the contact.
func (l *Loaders) ContactTags(ctx context.Context, contactID string) ([]*upstream.Tag, error) {
	return l.contactTags.Load(ctx, contactID)()
}

// TagFromList finds a tag in the workspace's list, read once per operation.
func (l *Loaders) TagFromList(ctx context.Context, id string) (*upstream.Tag, error) {
	tags, err := l.Tags(ctx)
	if err != nil {
		return nil, err
	}
	return findByID(tags, id, "Tag", func(t *upstream.Tag) string { return t.ID })
}
