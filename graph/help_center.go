package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// maxCollectionDepth bounds the walk up a collection's parents; the Help
// Center nests three levels deep.
const maxCollectionDepth = 8

// numeric reports whether an Intercom id is a number, as the ids of
// articles, collections, help centers and news items are.
func numeric(id string) bool {
	if id == "" {
		return false
	}
	for _, c := range id {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func notNumeric(typ, id string) error {
	return fmt.Errorf("%s ids are numbers in Intercom, got %q", typ, id)
}

// lookupNumericID is lookupID for types whose Intercom ids are numbers: an
// id that cannot be one is refused before any upstream call.
func lookupNumericID(typ string, id, intercomID *string) (string, error) {
	raw, err := lookupID(typ, id, intercomID)
	if err != nil {
		return "", err
	}
	if !numeric(raw) {
		field := "intercomId"
		if id != nil {
			field = "id"
		}
		return "", errcode.InputField(field, notNumeric(typ, raw))
	}
	return raw, nil
}

// laterNumeric starts loading a node whose Intercom id must be a number.
func laterNumeric[T any](ctx context.Context, g relay.GlobalID, thunk func(context.Context, string) func() (*T, error)) func() (relay.Node, error) {
	if !numeric(g.ID) {
		return fail(errcode.InputField("id", notNumeric(g.Type, g.ID)))
	}
	return later(thunk(ctx, g.ID))
}

// supportedLocale finds a locale code among those the Help Center supports,
// whatever its case.
func supportedLocale(locale string) (string, error) {
	for _, l := range upstream.Locales {
		if strings.EqualFold(l, strings.TrimSpace(locale)) {
			return l, nil
		}
	}
	return "", errcode.InputField("locale", fmt.Errorf("%q is not a locale the Help Center supports (%s)", locale, strings.Join(upstream.Locales, ", ")))
}

// defaultFirst orders translations with the default locale first, the
// others keeping their order by locale code.
func defaultFirst[T any](entries []upstream.LocaleContent[T], defaultLocale string) []upstream.LocaleContent[T] {
	slices.SortStableFunc(entries, func(a, b upstream.LocaleContent[T]) int {
		switch {
		case a.Locale == b.Locale:
			return 0
		case a.Locale == defaultLocale:
			return -1
		case b.Locale == defaultLocale:
			return 1
		}
		return 0
	})
	return entries
}

func collectionTranslations(c *upstream.Collection) []*model.CollectionTranslation {
	out := []*model.CollectionTranslation{}
	for _, t := range defaultFirst(c.TranslatedContent.Translations(), c.DefaultLocale) {
		out = append(out, &model.CollectionTranslation{Locale: t.Locale, GroupContent: t.Content})
	}
	return out
}

// collectionHelpCenter finds a collection's help center: its own for a
// first-level collection, else that of the collection above it.
func collectionHelpCenter(ctx context.Context, c *upstream.Collection) (*upstream.HelpCenter, error) {
	l := loaders.For(ctx)
	for range maxCollectionDepth {
		if c == nil {
			return nil, nil
		}
		if c.HelpCenterID != nil {
			return optionalRef(ctx, numericRef(c.HelpCenterID), l.HelpCenter)
		}
		var err error
		if c, err = optionalRef(ctx, c.ParentID, l.Collection); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

func helpCenterConnection(p *relay.Page[*upstream.HelpCenter]) *model.HelpCenterConnection {
	return &model.HelpCenterConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.HelpCenter) *model.HelpCenterEdge {
			return &model.HelpCenterEdge{Cursor: c, Node: n}
		}),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

func collectionConnection(p *relay.Page[*upstream.Collection]) *model.CollectionConnection {
	return &model.CollectionConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.Collection) *model.CollectionEdge {
			return &model.CollectionEdge{Cursor: c, Node: n}
		}),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}
