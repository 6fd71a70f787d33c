package cost

import (
	"github.com/vektah/gqlparser/v2/ast"

	"intercom-graphql/upstream"
)

// Query._entities, the field a supergraph's router asks a subgraph with,
// is federation's own and carries no @cost: its price depends on the
// representations it is given, which the estimate reads from its argument.
// Each entity type's representations resolve together (graph/entities.go),
// so a type is priced by how its loaders fetch a batch of it, by the key
// each representation carries (the first of the type's keys it holds, as
// gqlgen picks it).
const entitiesField = "_entities"

// entityPrice is how one type's representations, by one key, are fetched.
type entityPrice struct {
	// perCall is how many representations one call serves: a search page
	// for contacts, conversations and tickets; 1 for objects Intercom
	// serves one by one (companies, notes, articles...).
	perCall int
	// once names the reference list (a @cost once key) that serves them
	// all, read once per operation whatever their number.
	once string
}

// entityPrices are the types whose price is not one call per
// representation, by type and key field.
var entityPrices = map[string]map[string]entityPrice{
	"Contact":            {"id": {perCall: upstream.MaxPerPage}, "externalId": {perCall: upstream.MaxPerPage}, "email": {perCall: upstream.MaxPerPage}},
	"Conversation":       {"id": {perCall: upstream.MaxPerPage}},
	"ConversationSource": {"id": {perCall: upstream.MaxPerPage}},
	"Ticket":             {"id": {perCall: upstream.MaxPerPage}},
	"TicketPart":         {"id": {perCall: upstream.MaxPerPage}},
	"Admin":              {"id": {once: "admins"}, "email": {once: "admins"}},
	"Team":               {"id": {once: "teams"}},
	"Me":                 {"id": {once: "me"}},
	// As tag(id:), segment(id:)... are priced: a batch of them is read from
	// their list, one of them alone with a call of its own.
	"Tag":                       {"id": {once: "tags"}},
	"Segment":                   {"id": {once: "segments"}},
	"SubscriptionType":          {"id": {once: "subscriptionTypes"}},
	"TicketType":                {"id": {once: "ticketTypes"}},
	"TicketTypeAttribute":       {"id": {once: "ticketTypes"}},
	"TicketTypeAttributeOption": {"id": {once: "ticketTypes"}},
	// One alone is a GET, several the list: one call either way.
	"HelpCenter": {"id": {perCall: wholeList}},
	"Newsfeed":   {"id": {perCall: wholeList}},
}

// wholeList is the perCall of a type whose representations one call serves
// however many they are.
const wholeList = 1 << 30

// entityKeyOrder is the order in which a type's keys are tried, as declared
// in graph/schema/federation.graphqls; any other type is keyed by id alone.
var entityKeyOrder = map[string][]string{
	"Contact": {"id", "externalId", "email"},
	"Company": {"id", "companyId"},
	"Admin":   {"id", "email"},
}

// entities prices an _entities field: the calls its representations cost
// (an upper bound), the fewest any cold run makes, and how many objects its
// selections resolve under.
func (e *estimator) entities(f *ast.Field) (calls, least, objects int) {
	arg := f.Arguments.ForName("representations")
	if arg == nil {
		return 0, 0, 0
	}
	v, err := arg.Value.Value(e.variables)
	if err != nil {
		return 0, 0, 0
	}
	reps, _ := v.([]any)
	type group struct{ typename, key string }
	counts := map[group]int{}
	distinct := map[group]map[string]bool{}
	var order []group
	for _, rep := range reps {
		object, _ := rep.(map[string]any)
		typename, _ := object["__typename"].(string)
		g := group{typename, "id"}
		for _, key := range entityKeyOrder[typename] {
			if s, ok := object[key].(string); ok && s != "" {
				g.key = key
				break
			}
		}
		if counts[g] == 0 {
			order = append(order, g)
			distinct[g] = map[string]bool{}
		}
		counts[g]++
		key, _ := object[g.key].(string)
		distinct[g][key] = true
	}
	for _, g := range order {
		n := counts[g]
		price, known := entityPrices[g.typename][g.key]
		switch {
		case price.once != "":
			if !e.once[price.once] {
				e.once[price.once] = true
				calls = saturatingAdd(calls, 1)
			}
			if !e.minimumOnce[price.once] {
				e.minimumOnce[price.once] = true
				least = saturatingAdd(least, 1)
			}
		case known:
			calls, least = saturatingAdd(calls, ceilDiv(n, price.perCall)), saturatingAdd(least, ceilDiv(n, price.perCall))
		default:
			// One call each; the fewest is one per type, as some of these
			// types are served from lists (tags, segments...) that one call reads.
			calls, least = saturatingAdd(calls, n), saturatingAdd(least, 1)
			if g.typename == "Company" && g.key == "companyId" {
				least = saturatingAdd(least, len(distinct[g])-1) // no batch lookup; a repeated id is looked up once
			}
		}
	}
	return calls, least, len(reps)
}
