package graph

import (
	"strconv"

	"intercom-graphql/graph/model"
	"intercom-graphql/upstream"
)

// articleFields and collectionFields say where Intercom's refusals of
// article and collection writes point in their inputs.
var (
	articleFields    = refusedFields{renamed: map[string]string{"translated_content": "translations"}, missing: map[string]string{missingOther: "id"}}
	collectionFields = refusedFields{renamed: map[string]string{"translated_content": "translations"}, missing: map[string]string{missingOther: "id"}}
	newsItemFields   = refusedFields{renamed: map[string]string{"newsfeed_assignments": "newsfeeds"}, missing: map[string]string{missingOther: "id"}}
)

// articleTranslationsRequest checks and maps an article's translations.
func articleTranslationsRequest(c *checks, in []*model.ArticleTranslationInput) *upstream.ArticleTranslationsRequest {
	if len(in) == 0 {
		return nil
	}
	out := &upstream.ArticleTranslationsRequest{}
	for i, t := range in {
		at := func(field string) []string { return []string{"translations", strconv.Itoa(i), field} }
		locale := c.locale(t.Locale, at("locale")...)
		c.text(t.Title, at("title")...)
		out.Set(locale, &upstream.ArticleContentRequest{Title: t.Title, Description: t.Description, Body: t.Body,
			AuthorID: c.optionalNumericID(t.AuthorID, typeAdmin, at("authorId")...), State: optionalWire(t.State)})
	}
	return out
}

// collectionTranslationsRequest checks and maps a collection's translations.
func collectionTranslationsRequest(c *checks, in []*model.CollectionTranslationInput) *upstream.GroupTranslationsRequest {
	if len(in) == 0 {
		return nil
	}
	out := &upstream.GroupTranslationsRequest{}
	for i, t := range in {
		at := func(field string) []string { return []string{"translations", strconv.Itoa(i), field} }
		locale := c.locale(t.Locale, at("locale")...)
		c.text(t.Name, at("name")...)
		out.Set(locale, &upstream.GroupContentRequest{Name: t.Name, Description: t.Description})
	}
	return out
}

// newsfeedAssignments checks and maps where a news item is published.
func newsfeedAssignments(c *checks, in []*model.NewsfeedAssignmentInput) []upstream.NewsfeedAssignment {
	if in == nil {
		return nil
	}
	out := make([]upstream.NewsfeedAssignment, len(in))
	for i, a := range in {
		out[i] = upstream.NewsfeedAssignment{NewsfeedID: c.numericID(a.NewsfeedID, typeNewsfeed, "newsfeeds", strconv.Itoa(i), "newsfeedId"), PublishedAt: a.PublishedAt}
	}
	return out
}

// optionalWire is the Intercom value of an optional enum, "" when left out.
func optionalWire[E ~string](e *E) string {
	if e == nil {
		return ""
	}
	return wireValue(*e)
}
