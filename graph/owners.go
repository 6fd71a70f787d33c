package graph

import (
	"fmt"
	"runtime"
	"sync"
	"weak"

	"intercom-graphql/graph/model"
	"intercom-graphql/upstream"
)

// owners remembers the object each of some objects belongs to. Intercom's
// conversation parts, a conversation's source, ticket parts and a list
// attribute's options do not name their conversation, ticket or attribute,
// yet their global IDs must: Intercom serves them only through it. Their Go
// types are the upstream client's models, which the mutations hand out as
// well, so they cannot grow a field for it; the resolver that hands one out
// records its owner here instead.
//
// Entries are keyed weakly by the object and dropped once it is collected, so
// the index holds nothing the request does not; an object never changes
// owner, so objects shared across requests (cached answers) need no scope.
type owners[T any] struct {
	kind string   // the object's type, for errors
	m    sync.Map // weak.Pointer[T] -> the owner's Intercom id
}

// record notes that v belongs to the object with Intercom id owner.
func (o *owners[T]) record(v *T, owner string) {
	w := weak.Make(v)
	if _, had := o.m.LoadOrStore(w, owner); !had {
		runtime.AddCleanup(v, func(w weak.Pointer[T]) { o.m.Delete(w) }, w)
	}
}

// of is the Intercom id of the object v belongs to. An object no resolver
// recorded is a bug of the graph (a field that hands it out without saying
// whose it is), reported as an internal error on its id.
func (o *owners[T]) of(v *T) (string, error) {
	if owner, ok := o.m.Load(weak.Make(v)); ok {
		return owner.(string), nil
	}
	return "", fmt.Errorf("the graph does not know what this %s belongs to, so it cannot give its global ID", o.kind)
}

var (
	conversationOfPart   = owners[upstream.ConversationPart]{kind: typeConversationPart}
	conversationOfSource = owners[upstream.ConversationSource]{kind: typeConversationSource}
	ticketOfPart         = owners[upstream.TicketPart]{kind: typeTicketPart}
	attributeOfOption    = owners[model.TicketTypeAttributeOption]{kind: typeTicketTypeAttributeOption}
)

// recordOwner records owner for each of items, and returns them.
func recordOwner[T any](o *owners[T], owner string, items []*T) []*T {
	for _, it := range items {
		o.record(it, owner)
	}
	return items
}
