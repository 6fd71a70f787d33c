package model

import "intercom-graphql/upstream"

// ArticleTranslation is an article's content in one locale.
type ArticleTranslation struct {
	Locale string
	*upstream.ArticleContent
}

// CollectionTranslation is a collection's name and description in one locale.
type CollectionTranslation struct {
	Locale string
	*upstream.GroupContent
}
