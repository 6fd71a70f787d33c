package loaders

import (
	"context"
	"sync"
)

// referenceLists are the lists an operation can start reading before any
// resolver asks for them, by the name the schema's @cost(once:) gives them.
// A list read this way is the one the resolvers then share: no second call.
var referenceLists = map[string]func(*Loaders, context.Context) error{
	"me":                func(l *Loaders, ctx context.Context) error { _, err := l.Me(ctx); return err },
	"admins":            func(l *Loaders, ctx context.Context) error { _, err := l.Admins(ctx); return err },
	"teams":             func(l *Loaders, ctx context.Context) error { _, err := l.Teams(ctx); return err },
	"tags":              func(l *Loaders, ctx context.Context) error { _, err := l.Tags(ctx); return err },
	"segments":          func(l *Loaders, ctx context.Context) error { _, err := l.Segments(ctx); return err },
	"ticketTypes":       func(l *Loaders, ctx context.Context) error { _, err := l.TicketTypes(ctx); return err },
	"subscriptionTypes": func(l *Loaders, ctx context.Context) error { _, err := l.SubscriptionTypes(ctx); return err },
	"helpCenters":       func(l *Loaders, ctx context.Context) error { _, err := l.HelpCenters(ctx); return err },
	"newsfeeds":         func(l *Loaders, ctx context.Context) error { _, err := l.Newsfeeds(ctx); return err },
}

// PrefetchableList reports whether Prefetch can start the list of that name.
func PrefetchableList(name string) bool {
	_, ok := referenceLists[name]
	return ok
}

// Prefetch starts reading the named reference lists at once, side by side,
// so that a query whose fields need them deep down does not wait for the
// round trips above those fields first. It returns a function that waits for
// the reads: an operation ends only after them, so their calls are counted
// in its tally and nothing outlives it. Names it does not know are skipped.
// Unbatched loaders (the baseline) prefetch nothing.
func (l *Loaders) Prefetch(ctx context.Context, names []string) (wait func()) {
	if l.unbatched {
		return func() {}
	}
	var wg sync.WaitGroup
	for _, name := range names {
		if read, ok := referenceLists[name]; ok {
			wg.Go(func() { _ = read(l, ctx) }) // a failure is the resolver's to report, when it asks
		}
	}
	return wg.Wait
}
