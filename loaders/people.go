package loaders

import (
	"context"

	"intercom-graphql/upstream"
)

// Contact loads one contact; the contacts a query reaches in one tick are
// fetched together.
func (l *Loaders) Contact(ctx context.Context, id string) (*upstream.Contact, error) {
	return cachedFirst(ctx, l.contacts, id, l.client.Contacts.Get)()
}

// Conversation loads one conversation in full (with its parts).
func (l *Loaders) Conversation(ctx context.Context, id string) (*upstream.Conversation, error) {
	return cachedFirst(ctx, l.conversations, id, l.client.Conversations.Get)()
}

// Contacts loads several contacts at once, in the order of ids, each with its own error.
func (l *Loaders) Contacts(ctx context.Context, ids []string) ([]*upstream.Contact, []error) {
	return loadMany(ctx, l.contacts, ids)
}

// PrimeContact hands the loader a contact that arrived in a list, so a later
// field asking for it by id costs nothing.
func (l *Loaders) PrimeContact(ctx context.Context, c *upstream.Contact) {
	l.contacts.Prime(ctx, c.ID, c)
}

// ContactThunk starts loading a contact and returns a function that waits for it.
func (l *Loaders) ContactThunk(ctx context.Context, id string) func() (*upstream.Contact, error) {
	return cachedFirst(ctx, l.contacts, id, l.client.Contacts.Get)
}

// ConversationThunk starts loading a conversation and returns a function that waits for it.
func (l *Loaders) ConversationThunk(ctx context.Context, id string) func() (*upstream.Conversation, error) {
	return cachedFirst(ctx, l.conversations, id, l.client.Conversations.Get)
}

// ConversationSummaryThunk starts loading a conversation as lists show it
// (without parts, which its parts field fetches when asked): many are fetched
// with one search.
func (l *Loaders) ConversationSummaryThunk(ctx context.Context, id string) func() (*upstream.Conversation, error) {
	return l.conversationSummaries.Load(ctx, id)
}

// PrefetchContacts starts loading contacts without waiting for them, so the
// fields that ask for them later find them loaded or in flight.
func (l *Loaders) PrefetchContacts(ctx context.Context, ids []string) {
	// Load registers its key before it returns (LoadMany registers from a
	// goroutine per key), so all of them join the same batch.
	for _, id := range ids {
		l.contacts.Load(ctx, id)
	}
}
