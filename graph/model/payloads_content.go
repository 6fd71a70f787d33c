package model

import "intercom-graphql/upstream"

// The mutation payloads of the help center, news and notes. Each embeds Echo,
// which answers its clientMutationId.

// CreateArticlePayload is the result of createArticle.
type CreateArticlePayload struct {
	Echo
	Article    *upstream.Article
	UserErrors []*UserError
}

// UpdateArticlePayload is the result of updateArticle.
type UpdateArticlePayload struct {
	Echo
	Article    *upstream.Article
	UserErrors []*UserError
}

// DeleteArticlePayload is the result of deleteArticle.
type DeleteArticlePayload struct {
	Echo
	DeletedArticleID *string
	UserErrors       []*UserError
}

// CreateCollectionPayload is the result of createCollection.
type CreateCollectionPayload struct {
	Echo
	Collection *upstream.Collection
	UserErrors []*UserError
}

// UpdateCollectionPayload is the result of updateCollection.
type UpdateCollectionPayload struct {
	Echo
	Collection *upstream.Collection
	UserErrors []*UserError
}

// DeleteCollectionPayload is the result of deleteCollection.
type DeleteCollectionPayload struct {
	Echo
	DeletedCollectionID *string
	UserErrors          []*UserError
}

// CreateNewsItemPayload is the result of createNewsItem.
type CreateNewsItemPayload struct {
	Echo
	NewsItem   *upstream.NewsItem
	UserErrors []*UserError
}

// UpdateNewsItemPayload is the result of updateNewsItem.
type UpdateNewsItemPayload struct {
	Echo
	NewsItem   *upstream.NewsItem
	UserErrors []*UserError
}

// DeleteNewsItemPayload is the result of deleteNewsItem.
type DeleteNewsItemPayload struct {
	Echo
	DeletedNewsItemID *string
	UserErrors        []*UserError
}

// CreateNotePayload is the result of createNote.
type CreateNotePayload struct {
	Echo
	Note       *upstream.Note
	UserErrors []*UserError
}
