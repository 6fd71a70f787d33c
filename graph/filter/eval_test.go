package filter_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"intercom-graphql/graph/filter"
	"intercom-graphql/graph/scalars"
	"intercom-graphql/upstream"
)

// Two independent evaluators over the same records: one reads the graph's
// filter as the client meant it, the other reads the compiled query as
// Intercom's search language defines it. A compiled query is right when
// both agree on every record.

// record maps a field name to its values: none when the record has no
// value, several for a list field (tag ids). Date and Timestamp values are
// UNIX seconds.
type record map[string][]any

// intercomRules are the readings of Intercom's language the evaluator applies.
type intercomRules struct {
	loc *time.Location
	// inclusiveBounds reads > and < as >= and <= (the "greater (or equal)"
	// the conversation search documents).
	inclusiveBounds bool
	// dayFields are matched by calendar day in loc.
	dayFields map[string]bool
}

// matchesQuery evaluates a compiled query on a record.
func matchesQuery(q upstream.SearchQuery, r record, rules intercomRules) bool {
	switch q.Operator {
	case "AND":
		for _, k := range q.Filters {
			if !matchesQuery(k, r, rules) {
				return false
			}
		}
		return true
	case "OR":
		for _, k := range q.Filters {
			if matchesQuery(k, r, rules) {
				return true
			}
		}
		return false
	}
	values := r[q.Field]
	if q.Value == nil {
		switch q.Operator {
		case "=":
			return len(values) == 0
		case "!=":
			return len(values) > 0
		}
		panic("null operand with " + q.Operator)
	}
	byDay := rules.dayFields[q.Field]
	cmp := func(v, x any) int { return compareValues(v, x, byDay, rules.loc) }
	anyValue := func(ok func(v any) bool) bool { return slices.ContainsFunc(values, ok) }
	switch q.Operator {
	case "=":
		return anyValue(func(v any) bool { return cmp(v, q.Value) == 0 })
	case "!=":
		return !anyValue(func(v any) bool { return cmp(v, q.Value) == 0 })
	case "IN", "NIN":
		in := anyValue(func(v any) bool {
			return slices.ContainsFunc(q.Value.([]any), func(x any) bool { return cmp(v, x) == 0 })
		})
		return in == (q.Operator == "IN")
	case ">":
		return anyValue(func(v any) bool { c := cmp(v, q.Value); return c > 0 || (rules.inclusiveBounds && c == 0) })
	case "<":
		return anyValue(func(v any) bool { c := cmp(v, q.Value); return c < 0 || (rules.inclusiveBounds && c == 0) })
	case ">=":
		return anyValue(func(v any) bool { return cmp(v, q.Value) >= 0 })
	case "<=":
		return anyValue(func(v any) bool { return cmp(v, q.Value) <= 0 })
	case "~":
		return anyValue(func(v any) bool { return strings.Contains(lower(v), lower(q.Value)) })
	case "!~":
		return !anyValue(func(v any) bool { return strings.Contains(lower(v), lower(q.Value)) })
	case "^":
		return anyValue(func(v any) bool { return strings.HasPrefix(lower(v), lower(q.Value)) })
	case "$":
		return anyValue(func(v any) bool { return strings.HasSuffix(lower(v), lower(q.Value)) })
	}
	panic("unknown operator " + q.Operator)
}

// matchesFilter evaluates the graph's filter as written.
func matchesFilter(e testExpr, r record, loc *time.Location) bool {
	switch e.kind {
	case "all":
		for _, k := range e.kids {
			if !matchesFilter(k, r, loc) {
				return false
			}
		}
		return true
	case "any":
		for _, k := range e.kids {
			if matchesFilter(k, r, loc) {
				return true
			}
		}
		return false
	case "not":
		return !matchesFilter(e.kids[0], r, loc)
	}
	values := r[e.field.Name]
	byDay := e.field.Type == filter.Date
	cmp := func(v, x any) int { return compareValues(v, x, byDay, loc) }
	anyValue := func(ok func(v any) bool) bool { return slices.ContainsFunc(values, ok) }
	eq := func(x any) bool { return anyValue(func(v any) bool { return cmp(v, x) == 0 }) }
	switch e.op {
	case filter.Eq:
		return eq(e.value)
	case filter.Ne:
		return !eq(e.value)
	case filter.In:
		return slices.ContainsFunc(e.value.([]any), eq)
	case filter.Nin:
		return !slices.ContainsFunc(e.value.([]any), eq)
	case filter.Gt:
		return anyValue(func(v any) bool { return cmp(v, e.value) > 0 })
	case filter.Gte:
		return anyValue(func(v any) bool { return cmp(v, e.value) >= 0 })
	case filter.Lt:
		return anyValue(func(v any) bool { return cmp(v, e.value) < 0 })
	case filter.Lte:
		return anyValue(func(v any) bool { return cmp(v, e.value) <= 0 })
	case filter.Contains:
		return anyValue(func(v any) bool { return strings.Contains(lower(v), lower(e.value)) })
	case filter.NotContains:
		return !anyValue(func(v any) bool { return strings.Contains(lower(v), lower(e.value)) })
	case filter.StartsWith:
		return anyValue(func(v any) bool { return strings.HasPrefix(lower(v), lower(e.value)) })
	case filter.EndsWith:
		return anyValue(func(v any) bool { return strings.HasSuffix(lower(v), lower(e.value)) })
	}
	panic("unknown operator " + string(e.op))
}

func lower(v any) string { return strings.ToLower(fmt.Sprint(v)) }

// compareValues orders a record's value v and an operand x. By day, a UNIX
// time is its calendar day in loc, and the operand is a Day (graph) or a
// UNIX time of that day (compiled query).
func compareValues(v, x any, byDay bool, loc *time.Location) int {
	if byDay {
		return dayOf(v, loc).Compare(dayOf(x, loc))
	}
	switch a := v.(type) {
	case string:
		return strings.Compare(strings.ToLower(a), strings.ToLower(x.(string)))
	case int64:
		b := x.(int64)
		return cmpOrdered(a, b)
	case float64:
		if s, ok := x.(string); ok {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				panic(err)
			}
			return cmpOrdered(a, f)
		}
		return cmpOrdered(a, x.(float64))
	case bool:
		if a == x.(bool) {
			return 0
		}
		return 1
	}
	panic(fmt.Sprintf("cannot compare %T", v))
}

func cmpOrdered[T int64 | float64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func dayOf(v any, loc *time.Location) scalars.Day {
	switch t := v.(type) {
	case scalars.Day:
		return t
	case int64:
		return scalars.DayOf(time.Unix(t, 0).In(loc))
	}
	panic(fmt.Sprintf("not a day: %T", v))
}

// testExpr mirrors a filter.Expr so the reference evaluator reads the tree
// the compiler was given.
type testExpr struct {
	kind  string // all, any, not, match
	path  string
	kids  []testExpr
	field filter.Field
	op    filter.Op
	value any
}

func (e testExpr) expr() filter.Expr {
	kids := make([]filter.Expr, len(e.kids))
	for i, k := range e.kids {
		kids[i] = k.expr()
	}
	switch e.kind {
	case "all":
		return filter.All(e.path, kids...)
	case "any":
		return filter.Any(e.path, kids...)
	case "not":
		return filter.Not(e.path, kids[0])
	}
	return filter.Match(e.path, e.field, e.op, e.value)
}

// universe is a small set of fields and values, so random filters match
// some records and miss others.
type universe struct {
	dialect filter.Dialect
	fields  []filter.Field
	rules   intercomRules
}

var baseDay = time.Date(2026, 3, 28, 0, 0, 0, 0, time.UTC) // a week with a daylight-saving change in Europe

func contactsUniverse(loc *time.Location) universe {
	u := universe{dialect: filter.Contacts, fields: []filter.Field{
		{Name: "email", Type: filter.String},
		{Name: "name", Type: filter.String, Optional: true},
		{Name: "tag_id", Type: filter.String, Optional: true, Operators: []string{"=", "!="}},
		{Name: "owner_id", Type: filter.Integer, Optional: true},
		{Name: "custom_attributes.mrr", Type: filter.Float, Optional: true},
		{Name: "unsubscribed_from_emails", Type: filter.Boolean},
		{Name: "created_at", Type: filter.Date},
		{Name: "last_seen_at", Type: filter.Date, Optional: true},
	}}
	u.rules = intercomRules{loc: loc, dayFields: map[string]bool{"created_at": true, "last_seen_at": true}}
	return u
}

func conversationsUniverse(inclusive bool) universe {
	return universe{dialect: filter.Conversations, fields: []filter.Field{
		{Name: "source.subject", Type: filter.String},
		{Name: "tag_ids", Type: filter.String, Optional: true},
		{Name: "statistics.count_reopens", Type: filter.Integer, Optional: true},
		{Name: "open", Type: filter.Boolean},
		{Name: "created_at", Type: filter.Timestamp},
		{Name: "waiting_since", Type: filter.Timestamp, Optional: true},
	}, rules: intercomRules{loc: time.UTC, inclusiveBounds: inclusive}}
}

var words = []string{"", "ab", "abc", "b", "ba", "Ab", "cab"}

// randomValue is a value of f's type, near the values records hold.
func randomValue(rng *rand.Rand, f filter.Field) any {
	switch f.Type {
	case filter.String:
		return words[rng.IntN(len(words))]
	case filter.Integer:
		return int64(rng.IntN(5) - 2)
	case filter.Float:
		return float64(rng.IntN(5)-2) / 2
	case filter.Boolean:
		return rng.IntN(2) == 0
	case filter.Date:
		return scalars.DayOf(baseDay.AddDate(0, 0, rng.IntN(5)-2))
	case filter.Timestamp:
		return baseDay.Unix() + int64(rng.IntN(5)-2)
	}
	panic("no values for " + f.Type.String())
}

// randomRecordValue is what a record holds for f: for dates, instants
// spread over the days near baseDay, in every hour.
func randomRecordValue(rng *rand.Rand, f filter.Field) any {
	if f.Type == filter.Date {
		return baseDay.Unix() + rng.Int64N(5*86400) - 2*86400
	}
	return randomValue(rng, f)
}

func randomRecords(rng *rand.Rand, u universe, n int) []record {
	out := make([]record, n)
	for i := range out {
		r := record{}
		for _, f := range u.fields {
			// Only id lists hold several values; ordered fields hold one or none.
			count := 1
			if f.Optional && rng.IntN(4) == 0 {
				count = 0
			}
			if f.Name == "tag_id" || f.Name == "tag_ids" {
				count = rng.IntN(4)
			}
			for range count {
				r[f.Name] = append(r[f.Name], randomRecordValue(rng, f))
			}
		}
		out[i] = r
	}
	return out
}

// opsFor lists the graph operators an input type offers for f's type.
func opsFor(f filter.Field) []filter.Op {
	switch f.Type {
	case filter.String:
		return []filter.Op{filter.Eq, filter.Ne, filter.In, filter.Nin, filter.Contains, filter.NotContains, filter.StartsWith, filter.EndsWith}
	case filter.Boolean:
		return []filter.Op{filter.Eq, filter.Ne}
	case filter.Date:
		return []filter.Op{filter.Eq, filter.Ne, filter.Gt, filter.Gte, filter.Lt, filter.Lte}
	}
	return []filter.Op{filter.Eq, filter.Ne, filter.In, filter.Nin, filter.Gt, filter.Gte, filter.Lt, filter.Lte}
}

// randomExpr builds a filter tree; wide and deep ones are likelier with
// larger budgets, so some exceed what Intercom can take.
func randomExpr(rng *rand.Rand, u universe, path string, depth int) testExpr {
	if depth > 0 && rng.IntN(3) > 0 {
		switch rng.IntN(4) {
		case 0:
			return testExpr{kind: "not", path: path + ".not", kids: []testExpr{randomExpr(rng, u, path+".not", depth-1)}}
		default:
			kind, name := "all", ".and"
			if rng.IntN(2) == 0 {
				kind, name = "any", ".or"
			}
			n := 1 + rng.IntN(4)
			if rng.IntN(8) == 0 {
				n = 10 + rng.IntN(12)
			}
			e := testExpr{kind: kind, path: path + name}
			for i := range n {
				e.kids = append(e.kids, randomExpr(rng, u, fmt.Sprintf("%s%s[%d]", path, name, i), depth-1))
			}
			return e
		}
	}
	f := u.fields[rng.IntN(len(u.fields))]
	ops := opsFor(f)
	op := ops[rng.IntN(len(ops))]
	var v any
	if op == filter.In || op == filter.Nin {
		list := []any{}
		for range rng.IntN(4) {
			list = append(list, randomValue(rng, f))
		}
		if rng.IntN(10) == 0 {
			for range 16 {
				list = append(list, randomValue(rng, f))
			}
		}
		v = list
	} else {
		v = randomValue(rng, f)
	}
	return testExpr{kind: "match", path: path + "." + f.Name + "." + string(op), field: f, op: op, value: v}
}
