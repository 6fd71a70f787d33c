package upstream

import (
	"context"
	"encoding/json"
	"errors"
)

// Writes and their retry policy
//
// Every write carries `write: true`, so its success orphans the cached
// answers of its own resource kind (the first segment of its path) and of the
// kinds it names in `invalidates`. Whether a failed write is tried again
// depends on what a second attempt would do if the first one had, unseen,
// been carried out:
//
//   - Writes that set a state or remove something are idempotent: a repeat
//     leaves the workspace as one attempt would. They are retried like reads
//     (5xx, transport failures, 429 within the wait limit): setting away mode,
//     the PUT updates of articles, collections, news items, companies,
//     contacts, data attributes and visitors, createOrUpdateCompany (an upsert
//     keyed by company_id), archiving and unarchiving a contact, attaching or
//     detaching a tag, company or subscription (attaching what is attached
//     changes nothing), the tagging forms of POST /tags (create-or-update by
//     name, tag and untag companies, tag users), canceling an export job, and
//     every DELETE. A removal retried after an attempt whose outcome is
//     unknown treats a 404 as that attempt's success (doneIfGone). So are
//     the conversation and ticket writes that set a state: the PUT updates
//     of conversations, tickets, ticket types and their attributes, tagging
//     and untagging a conversation or a ticket, opening and snoozing a
//     conversation, closing or assigning it without a message, running its
//     assignment rules, adding or removing a participant, and redacting.
//   - Writes that add something each time they run are never retried: a
//     retry after a timeout could create a second contact, note, message,
//     event, export job, data attribute or SMS, and a merge or a visitor
//     conversion cannot be repeated once done. Nor are a new conversation,
//     ticket, ticket type or attribute, a reply to a conversation or a
//     ticket, a close or an assignment that carries a message, or a
//     conversation's conversion to a ticket. Their failures go back to the
//     caller as they are.

// errRemovedEarlier means a retried removal found the object gone: the
// attempt whose answer was lost removed it.
var errRemovedEarlier = errors.New("upstream: an earlier attempt removed the object")

// DeletedObject is Intercom's answer to the deletion of an article, a
// collection, a news item or a company.
type DeletedObject struct {
	ID string `json:"id"`
	// Object names what was deleted: article, collection, news-item or company.
	Object  string `json:"object"`
	Deleted bool   `json:"deleted"`
}

// remove runs a DELETE whose answer is a DeletedObject. When a retry finds
// the object already gone, the answer is made up from what the call knows.
func (c *Client) remove(ctx context.Context, cl call, object, id string) (*DeletedObject, error) {
	cl.method, cl.idempotent, cl.write, cl.doneIfGone = "DELETE", true, true, true
	out, err := fetch[DeletedObject](ctx, c, cl)
	if errors.Is(err, errRemovedEarlier) {
		return &DeletedObject{ID: id, Object: object, Deleted: true}, nil
	}
	return out, err
}

// Patch is a request property that is either left out (the zero value, which
// leaves Intercom's value alone), set to a value, or set to null (which
// clears it).
type Patch[T any] struct {
	set   bool
	value *T
}

// Set makes a patch that sets the property to v.
func Set[T any](v T) Patch[T] { return Patch[T]{set: true, value: &v} }

// Clear makes a patch that sets the property to null.
func Clear[T any]() Patch[T] { return Patch[T]{set: true} }

// IsZero reports whether the property is left out (for `omitzero`).
func (p Patch[T]) IsZero() bool { return !p.set }

// MarshalJSON writes the value, or null when the property is cleared.
func (p Patch[T]) MarshalJSON() ([]byte, error) {
	if p.value == nil {
		return []byte("null"), nil
	}
	return json.Marshal(*p.value)
}
