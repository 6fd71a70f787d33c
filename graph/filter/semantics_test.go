package filter_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"intercom-graphql/graph/filter"
	"intercom-graphql/upstream"
)

// TestCompiledQueriesMeanWhatTheFilterSays compiles random filter trees,
// within and beyond Intercom's limits, and checks every accepted query
// stays within the limits, uses only operators its fields accept, and
// selects exactly the records the filter selects. Dates are checked in a
// zone with a daylight-saving change among the days used, and the
// conversation search's ambiguous "greater (or equal)" under both readings.
func TestCompiledQueriesMeanWhatTheFilterSays(t *testing.T) {
	auckland, err := time.LoadLocation("Pacific/Auckland")
	if err != nil {
		t.Fatal(err)
	}
	universes := map[string]universe{
		"contacts in UTC":                      contactsUniverse(time.UTC),
		"contacts in Auckland":                 contactsUniverse(auckland),
		"conversations, > read as strict":      conversationsUniverse(false),
		"conversations, > read as or-equal-to": conversationsUniverse(true),
	}
	for name, u := range universes {
		t.Run(name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(7, uint64(len(name))))
			records := randomRecords(rng, u, 80)
			accepted, rejected := 0, 0
			for i := range 1500 {
				e := randomExpr(rng, u, "filter", 1+rng.IntN(4))
				plan, err := filter.Compile(e.expr(), u.dialect)
				if err != nil {
					var fe *filter.Error
					if !errors.As(err, &fe) || !strings.HasPrefix(fe.Path, "filter") || fe.Message == "" {
						t.Fatalf("tree %d: error %v does not name an input field", i, err)
					}
					rejected++
					continue
				}
				accepted++
				q := plan.Query(u.rules.loc)
				if problem := limitProblem(q, u, 0); problem != "" && !plan.Everything() && !plan.Nothing() {
					t.Fatalf("tree %d: %s\nquery: %s", i, problem, show(q))
				}
				for j, r := range records {
					want := matchesFilter(e, r, u.rules.loc)
					if plan.Everything() || plan.Nothing() {
						if want != plan.Everything() {
							t.Fatalf("tree %d: compiled to everything (%v) or nothing, but record %d says %v", i, plan.Everything(), j, want)
						}
						continue
					}
					if got := matchesQuery(q, r, u.rules); got != want {
						t.Fatalf("tree %d, record %d %v: query says %v, filter says %v\nquery: %s", i, j, r, got, want, show(q))
					}
				}
			}
			if accepted < 1000 || rejected < 20 {
				t.Errorf("%d trees accepted and %d rejected: the generator no longer covers both sides", accepted, rejected)
			}
		})
	}
}

// specValue reports whether the spec's schema takes v as a filter's value:
// a string, an integer, a boolean, null, or a list of strings or of integers.
func specValue(v any) bool {
	switch t := v.(type) {
	case nil, string, int64, bool:
		return true
	case []any:
		strs, ints := 0, 0
		for _, x := range t {
			switch x.(type) {
			case string:
				strs++
			case int64:
				ints++
			}
		}
		return strs == len(t) || ints == len(t)
	}
	return false
}

// limitProblem checks a query against Intercom's limits and the dialect's
// operators; level counts the groups above q.
func limitProblem(q upstream.SearchQuery, u universe, level int) string {
	if q.IsGroup() {
		if level+1 > filter.MaxDepth {
			return "groups nest deeper than Intercom allows"
		}
		if len(q.Filters) > filter.MaxGroupSize || len(q.Filters) == 0 {
			return "a group holds " + itoa(len(q.Filters)) + " filters"
		}
		for _, k := range q.Filters {
			if p := limitProblem(k, u, level+1); p != "" {
				return p
			}
		}
		return ""
	}
	if !specValue(q.Value) {
		return fmt.Sprintf("%s has the value %#v, which the spec's schema does not take", q.Field, q.Value)
	}
	for _, f := range u.fields {
		if f.Name != q.Field {
			continue
		}
		ops := f.Operators
		if ops == nil {
			ops = u.dialect.Operators[f.Type]
		}
		for _, op := range ops {
			if op == q.Operator {
				return ""
			}
		}
		return q.Field + " was sent with " + q.Operator
	}
	return "unknown field " + q.Field
}
