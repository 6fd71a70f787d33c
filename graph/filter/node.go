package filter

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"intercom-graphql/graph/scalars"
	"intercom-graphql/upstream"
)

const (
	opAnd = "AND"
	opOr  = "OR"
)

// node is a query in Intercom's terms: a single filter (group == "") or an
// AND/OR group. An empty AND matches everything and an empty OR nothing, so
// the constants simplify away like any other group.
type node struct {
	group string
	kids  []node
	atom  atom
	// path is the input field the node came from, for errors.
	path string
}

type atom struct {
	field string
	op    string
	// value is the operand: a scalar, nil, a Day, or a []any of those.
	value any
}

var (
	nodeTrue  = node{group: opAnd}
	nodeFalse = node{group: opOr}
)

func (n node) isTrue() bool  { return n.group == opAnd && len(n.kids) == 0 }
func (n node) isFalse() bool { return n.group == opOr && len(n.kids) == 0 }

// group combines kids, flattening kids of the same operator, folding
// constants and dropping duplicates; a group of one is that one.
func group(op, path string, kids []node) node {
	out := make([]node, 0, len(kids))
	seen := map[string]bool{}
	for _, k := range kids {
		var merge []node
		switch {
		case k.group == op:
			// Nested groups of the same operator, and the operator's identity
			// (an empty group), add nothing but their members.
			merge = k.kids
		case k.group != "" && len(k.kids) == 0:
			// The other constant absorbs the group: AND with nothing-matches,
			// OR with everything-matches.
			return k
		default:
			merge = []node{k}
		}
		for _, m := range merge {
			if key := m.key(); !seen[key] {
				seen[key] = true
				out = append(out, m)
			}
		}
	}
	if len(out) == 1 {
		return out[0]
	}
	return node{group: op, kids: out, path: path}
}

// key is a canonical text of the node: equal keys, equal queries.
func (n node) key() string {
	if n.group == "" {
		b, _ := json.Marshal([]any{n.atom.field, n.atom.op, dayText(n.atom.value)})
		return string(b)
	}
	keys := make([]string, len(n.kids))
	for i, k := range n.kids {
		keys[i] = k.key()
	}
	slices.Sort(keys)
	return n.group + "(" + strings.Join(keys, ",") + ")"
}

func dayText(v any) any {
	switch t := v.(type) {
	case scalars.Day:
		return "day:" + t.String()
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = dayText(x)
		}
		return out
	}
	return v
}

// depth counts the levels of groups: 0 for a single filter.
func (n node) depth() int {
	if n.group == "" {
		return 0
	}
	d := 0
	for _, k := range n.kids {
		d = max(d, k.depth())
	}
	return d + 1
}

func (n node) hasDay() bool {
	if n.group == "" {
		switch v := n.atom.value.(type) {
		case scalars.Day:
			return true
		case []any:
			for _, x := range v {
				if _, ok := x.(scalars.Day); ok {
					return true
				}
			}
		}
		return false
	}
	for _, k := range n.kids {
		if k.hasDay() {
			return true
		}
	}
	return false
}

func (n node) query(loc *time.Location) upstream.SearchQuery {
	if n.group != "" {
		filters := make([]upstream.SearchQuery, len(n.kids))
		for i, k := range n.kids {
			filters[i] = k.query(loc)
		}
		return upstream.SearchQuery{Operator: n.group, Filters: filters}
	}
	return upstream.SearchQuery{Field: n.atom.field, Operator: n.atom.op, Value: wireValue(n.atom.value, loc)}
}

// wireValue is an operand as the spec's schema takes it: a day becomes an
// instant of that day in loc, and a float a decimal string (the schema's
// values are strings, integers, booleans and lists of strings or integers;
// Intercom reads numeric strings as numbers).
func wireValue(v any, loc *time.Location) any {
	switch t := v.(type) {
	case scalars.Day:
		return t.Within(loc)
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = wireValue(x, loc)
		}
		return out
	}
	return v
}
