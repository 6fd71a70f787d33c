package cost_test

import (
	"fmt"
	"testing"

	"intercom-graphql/graph/cost"
)

// representations builds n representations of one type by one key.
func representations(typename, key string, n int) []any {
	reps := make([]any, n)
	for i := range reps {
		reps[i] = map[string]any{"__typename": typename, key: fmt.Sprintf("%s-%d", key, i)}
	}
	return reps
}

func concat(lists ...[]any) []any {
	var out []any
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// A subgraph's _entities is priced by its representations: contacts by any
// key one search per 150, teammates from the admins' list read once,
// companies one call each, and the fields below by the objects resolved.
func TestEntitiesArePricedByTheirRepresentations(t *testing.T) {
	const entities = `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`
	cases := []struct {
		name            string
		query           string
		reps            []any
		estimate, least int
	}{
		{"no representations", entities, nil, 0, 0},
		{"100 contacts by email are one search", entities, representations("Contact", "email", 100), 1, 1},
		{"151 contacts by email are two", entities, representations("Contact", "email", 151), 2, 2},
		{"each contact key is a search of its own", entities,
			concat(representations("Contact", "id", 10), representations("Contact", "externalId", 10), representations("Contact", "email", 10)), 3, 3},
		{"teammates by email or id read the admins' list once", entities,
			concat(representations("Admin", "email", 50), representations("Admin", "id", 5)), 1, 1},
		{"the list is shared with the rest of the operation", `query($r: [_Any!]!) { admins { totalCount } _entities(representations: $r) { __typename } }`,
			representations("Admin", "email", 50), 1, 1},
		{"companies by companyId are one call each", entities, representations("Company", "companyId", 30), 30, 30},
		{"a repeated companyId is looked up once", entities,
			concat(representations("Company", "companyId", 2), representations("Company", "companyId", 2)), 4, 2},
		{"other types are one call each", entities, representations("Note", "id", 7), 7, 1},
		{"tags are read from their list", `query($r: [_Any!]!) { tags { totalCount } _entities(representations: $r) { __typename } }`, representations("Tag", "id", 7), 1, 1},
		{"help centers are one call however many", entities, representations("HelpCenter", "id", 7), 1, 1},
		{"fields below are paid for each object", `query($r: [_Any!]!) { _entities(representations: $r) { ... on Contact { conversations(first: 5) { nodes { id } } } } }`,
			representations("Contact", "email", 10), 1 + 10, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := cost.Of(operation(t, tc.query), map[string]any{"r": tc.reps})
			if got.Estimate != tc.estimate || got.Minimum != tc.least {
				t.Errorf("estimate %d, minimum %d; want %d and %d", got.Estimate, got.Minimum, tc.estimate, tc.least)
			}
		})
	}
}
