package loaders

import (
	"context"

	"github.com/graph-gophers/dataloader/v7"

	"intercom-graphql/upstream"
)

// segmentLoaders read the workspace's segments: the list once per operation
// (and the counted list, only when a count is asked for), a segment asked
// for alone with its own call, and the segments of contacts and companies.
type segmentLoaders struct {
	segments        once[[]*upstream.Segment]
	countedSegments once[[]*upstream.Segment]
	segmentByID     *dataloader.Loader[string, *upstream.Segment]
	contactSegments *dataloader.Loader[string, []*upstream.Segment]
	companySegments *dataloader.Loader[string, []*upstream.Segment]
}

func newSegmentLoaders(l *Loaders) segmentLoaders {
	c := l.client
	byID := byIDOrList(&l.segments, l.Segments, c.Segments.Get, "Segment", func(s *upstream.Segment) string { return s.ID })
	return segmentLoaders{
		segmentByID: dataloader.NewBatchedLoader(byID, loaderOptions[*upstream.Segment](l)...),
		contactSegments: dataloader.NewBatchedLoader(fanOut(func(ctx context.Context, contactID string) ([]*upstream.Segment, error) {
			list, err := c.Segments.ForContact(ctx, contactID)
			if err != nil {
				return nil, err
			}
			return list.Data, nil
		}), loaderOptions[[]*upstream.Segment](l)...),
		companySegments: dataloader.NewBatchedLoader(fanOut(func(ctx context.Context, companyID string) ([]*upstream.Segment, error) {
			list, err := c.Companies.ListSegments(ctx, companyID)
			if err != nil {
				return nil, err
			}
			return list.Data, nil
		}), loaderOptions[[]*upstream.Segment](l)...),
	}
}

// Segments is every segment of the workspace, read with one call per operation.
func (l *Loaders) Segments(ctx context.Context) ([]*upstream.Segment, error) {
	return l.segments.get(ctx, func(ctx context.Context) ([]*upstream.Segment, error) {
		list, err := l.client.Segments.List(ctx, false)
		if err != nil {
			return nil, err
		}
		return list.Segments, nil
	})
}

// CountedSegments is every segment with its count of contacts, read with one
// call per operation.
func (l *Loaders) CountedSegments(ctx context.Context) ([]*upstream.Segment, error) {
	return l.countedSegments.get(ctx, func(ctx context.Context) ([]*upstream.Segment, error) {
		list, err := l.client.Segments.List(ctx, true)
		if err != nil {
			return nil, err
		}
		return list.Segments, nil
	})
}

// SegmentCount is how many contacts a segment holds, from the counted list;
// nil when the segment is not in it.
func (l *Loaders) SegmentCount(ctx context.Context, id string) (*int, error) {
	counted, err := l.CountedSegments(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range counted {
		if s.ID == id {
			return s.Count, nil
		}
	}
	return nil, nil
}

// Segment loads one segment by id.
func (l *Loaders) Segment(ctx context.Context, id string) (*upstream.Segment, error) {
	return l.segmentByID.Load(ctx, id)()
}

// SegmentThunk starts loading a segment and returns a function that waits for it.
func (l *Loaders) SegmentThunk(ctx context.Context, id string) func() (*upstream.Segment, error) {
	return l.segmentByID.Load(ctx, id)
}

// ContactSegments is every segment a contact is in, read with one call for the contact.
func (l *Loaders) ContactSegments(ctx context.Context, contactID string) ([]*upstream.Segment, error) {
	return l.contactSegments.Load(ctx, contactID)()
}

// CompanySegments is every segment a company is in, read with one call for the company.
func (l *Loaders) CompanySegments(ctx context.Context, companyID string) ([]*upstream.Segment, error) {
	return l.companySegments.Load(ctx, companyID)()
}
