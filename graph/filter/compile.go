package filter

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"time"

	"intercom-graphql/graph/scalars"
	"intercom-graphql/upstream"
)

// Error is a filter Intercom cannot be asked: Path names the input field at
// fault (e.g. "filter.not.email.startsWith"), Message says why.
type Error struct {
	Path    string
	Message string
}

func (e *Error) Error() string { return e.Path + ": " + e.Message }

func errorAt(path, format string, args ...any) *Error {
	if path == "" {
		path = "filter"
	}
	return &Error{Path: path, Message: fmt.Sprintf(format, args...)}
}

// Plan is a compiled filter: a query within Intercom's limits. Date values
// stay calendar days until Query places them in the workspace's time zone,
// so a plan (and its Key) can be made before anything is asked of Intercom.
type Plan struct {
	root       node
	everything bool
	nothing    bool
	dialect    Dialect
}

// Compile turns a filter into a query the dialect's endpoint accepts, or
// explains with an *Error which input field Intercom cannot honour.
func Compile(e Expr, d Dialect) (*Plan, error) {
	c := compiler{d: d}
	root, err := c.build(e, false)
	if err != nil {
		return nil, err
	}
	switch {
	case root.isTrue():
		return &Plan{everything: true, dialect: d}, nil
	case root.isFalse():
		return &Plan{nothing: true, dialect: d}, nil
	}
	fitted, ok := fitWithin(root)
	if !ok {
		path, why := diagnose(root)
		return nil, errorAt(path, "%s", why)
	}
	return &Plan{root: fitted, dialect: d}, nil
}

// Everything reports whether the filter matches every record (an empty filter).
func (p *Plan) Everything() bool { return p.everything }

// Nothing reports whether the filter can match no record (an empty `in`
// list, `not` of an empty filter). Intercom has no query for that, and
// needs none: the answer is empty.
func (p *Plan) Nothing() bool { return p.nothing }

// NeedsLocation reports whether the query holds calendar days, which only
// the workspace's time zone turns into timestamps.
func (p *Plan) NeedsLocation() bool { return !p.everything && !p.nothing && p.root.hasDay() }

// Query is the search query, with each calendar day given as an instant of
// that day in loc (the workspace's time zone; nil means UTC). A plan that
// matches nothing has no query: it is the empty query, which Intercom refuses.
func (p *Plan) Query(loc *time.Location) upstream.SearchQuery {
	if loc == nil {
		loc = time.UTC
	}
	switch {
	case p.everything:
		return p.dialect.Everything
	case p.nothing:
		return upstream.SearchQuery{}
	}
	return p.root.query(loc)
}

// Key identifies the compiled query, whatever the time zone, so a cursor of
// one filter is refused by another.
func (p *Plan) Key() string {
	k := "everything"
	switch {
	case p.nothing:
		k = "nothing"
	case !p.everything:
		k = p.root.key()
	}
	sum := sha256.Sum256([]byte(p.dialect.Name + "|" + k))
	return hex.EncodeToString(sum[:12])
}

type compiler struct{ d Dialect }

// build pushes negations down to the predicates and lowers each predicate to
// Intercom's operators, flattening groups on the way.
func (c compiler) build(e Expr, negate bool) (node, error) {
	switch e.kind {
	case exprAll, exprAny:
		and := (e.kind == exprAll) != negate
		kids := make([]node, 0, len(e.kids))
		for _, k := range e.kids {
			n, err := c.build(k, negate)
			if err != nil {
				return node{}, err
			}
			kids = append(kids, n)
		}
		if and {
			return group(opAnd, e.path, kids), nil
		}
		return group(opOr, e.path, kids), nil
	case exprNot:
		if len(e.kids) != 1 {
			return node{}, errorAt(e.path, "not takes exactly one filter")
		}
		return c.build(e.kids[0], !negate)
	case exprMatch:
		if err := checkValue(e.pred); err != nil {
			return node{}, errorAt(e.path, "%v", err)
		}
		if !negate {
			return c.lower(e.path, e.pred)
		}
		alts, err := negated(e.pred)
		if err != nil {
			return node{}, errorAt(e.path, "%v", err)
		}
		kids := make([]node, len(alts))
		for i, p := range alts {
			if kids[i], err = c.lower(e.path, p); err != nil {
				return node{}, err
			}
		}
		return group(opOr, e.path, kids), nil
	}
	return node{}, errorAt(e.path, "unknown filter node")
}

// negated lists predicates whose disjunction is exactly the negation of p.
// A record without a value fails every comparison, so the negation of a
// comparison on an optional field also matches records without a value;
// ne, nin and notContains already do, as they are Intercom's own negations.
func negated(p Pred) ([]Pred, error) {
	opposite := map[Op]Op{Eq: Ne, Ne: Eq, In: Nin, Nin: In, Contains: NotContains, NotContains: Contains, Gt: Lte, Lte: Gt, Gte: Lt, Lt: Gte}
	switch p.Op {
	case StartsWith, EndsWith:
		return nil, fmt.Errorf("%s cannot be negated: Intercom has no operator for \"does not %s with\"; filter on something else, or use notContains", p.Op, map[Op]string{StartsWith: "start", EndsWith: "end"}[p.Op])
	case Gt, Gte, Lt, Lte:
		out := []Pred{{Field: p.Field, Op: opposite[p.Op], Value: p.Value}}
		if p.Field.Optional {
			out = append(out, Pred{Field: p.Field, Op: isNull})
		}
		return out, nil
	}
	if o, ok := opposite[p.Op]; ok {
		return []Pred{{Field: p.Field, Op: o, Value: p.Value}}, nil
	}
	return nil, fmt.Errorf("%s cannot be negated", p.Op)
}

// lower expresses one predicate with the operators the dialect accepts for
// its field, exactly, or says it cannot.
func (c compiler) lower(path string, p Pred) (node, error) {
	f := p.Field
	switch p.Op {
	case In, Nin:
		values := p.Value.([]any)
		if len(values) == 0 {
			if p.Op == In {
				return nodeFalse, nil
			}
			return nodeTrue, nil
		}
		op, each, combine := "IN", Eq, opOr
		if p.Op == Nin {
			op, each, combine = "NIN", Ne, opAnd
		}
		// The spec's schema takes lists of strings or of integers only.
		listable := f.Type != Float && f.Type != Boolean
		if listable && c.d.accepts(f, op) {
			return c.filter(path, f, op, values)
		}
		// No IN for this field: one comparison per value.
		kids := make([]node, len(values))
		for i, v := range values {
			n, err := c.lower(path, Pred{Field: f, Op: each, Value: v})
			if err != nil {
				return node{}, err
			}
			kids[i] = n
		}
		return group(combine, path, kids), nil
	case Eq:
		return c.filter(path, f, "=", p.Value)
	case Ne:
		if c.d.accepts(f, "!=") {
			return c.filter(path, f, "!=", p.Value)
		}
		if f.Type == Date || !c.d.AmbiguousBounds {
			// Before or after the value, or no value at all.
			kids := []node{}
			for _, op := range []Op{Lt, Gt} {
				n, err := c.lower(path, Pred{Field: f, Op: op, Value: p.Value})
				if err != nil {
					return node{}, err
				}
				kids = append(kids, n)
			}
			if f.Optional {
				n, err := c.filter(path, f, "=", nil)
				if err != nil {
					return node{}, err
				}
				kids = append(kids, n)
			}
			return group(opOr, path, kids), nil
		}
		return c.filter(path, f, "!=", p.Value)
	case Contains:
		return c.filter(path, f, "~", p.Value)
	case NotContains:
		return c.filter(path, f, "!~", p.Value)
	case StartsWith:
		return c.filter(path, f, "^", p.Value)
	case EndsWith:
		return c.filter(path, f, "$", p.Value)
	case Gt, Gte, Lt, Lte:
		return c.compare(path, f, p.Op, p.Value)
	case isNull:
		return c.filter(path, f, "=", nil)
	}
	return node{}, errorAt(path, "unknown operator %q", p.Op)
}

// compare lowers gt, gte, lt and lte.
func (c compiler) compare(path string, f Field, op Op, v any) (node, error) {
	strict := map[Op]string{Gt: ">", Gte: ">", Lt: "<", Lte: "<"}[op]
	inclusive := map[Op]string{Gte: ">=", Lte: "<="}[op]
	if f.Type == Date {
		// Intercom compares whole days: > d starts the day after d, < d ends
		// before d. gte and lte shift the day by one.
		day := v.(scalars.Day)
		switch {
		case op == Gt || op == Lt:
			return c.filter(path, f, strict, day)
		case c.d.accepts(f, inclusive):
			return c.filter(path, f, inclusive, day)
		case op == Gte:
			return c.filter(path, f, ">", day.AddDays(-1))
		default:
			return c.filter(path, f, "<", day.AddDays(1))
		}
	}
	if f.Type != Integer && f.Type != Float && f.Type != Timestamp {
		return node{}, errorAt(path, "Intercom cannot compare %s values (%s) by order", f.Type, f.Name)
	}
	var parts [2]node
	var err error
	switch {
	case (op == Gt || op == Lt) && !c.d.AmbiguousBounds:
		return c.filter(path, f, strict, v)
	case op == Gt || op == Lt:
		// "> v" may or may not include v; excluding v explicitly is exact either way.
		if parts[0], err = c.filter(path, f, strict, v); err == nil {
			parts[1], err = c.filter(path, f, "!=", v)
		}
		return group(opAnd, path, parts[:]), err
	case c.d.accepts(f, inclusive):
		// <= and >= mean what they say, however the endpoint reads > and <.
		return c.filter(path, f, inclusive, v)
	default:
		// Including v explicitly is exact whether or not "> v" already does.
		if parts[0], err = c.filter(path, f, strict, v); err == nil {
			parts[1], err = c.filter(path, f, "=", v)
		}
		return group(opOr, path, parts[:]), err
	}
}

// filter is one Intercom filter, if the dialect accepts it for the field.
func (c compiler) filter(path string, f Field, op string, v any) (node, error) {
	if !c.d.accepts(f, op) {
		return node{}, errorAt(path, "Intercom's %s search cannot compare %s (a %s field) with %q", c.d.Name, f.Name, f.Type, op)
	}
	return node{atom: atom{field: f.Name, op: op, value: v}}, nil
}

// checkValue makes sure a predicate's operand has the field's type, so the
// query sent upstream is well typed whatever built the filter.
func checkValue(p Pred) error {
	if p.Field.Name == "" {
		return fmt.Errorf("a filter needs a field")
	}
	if p.Op == In || p.Op == Nin {
		values, ok := p.Value.([]any)
		if !ok {
			return fmt.Errorf("%s takes a list", p.Op)
		}
		for _, v := range values {
			if err := checkScalar(p.Field.Type, v); err != nil {
				return err
			}
		}
		return nil
	}
	return checkScalar(p.Field.Type, p.Value)
}

func checkScalar(t Type, v any) error {
	ok := false
	switch t {
	case String:
		_, ok = v.(string)
	case Integer, Timestamp:
		_, ok = v.(int64)
	case Float:
		var f float64
		f, ok = v.(float64)
		ok = ok && !math.IsNaN(f) && !math.IsInf(f, 0)
	case Boolean:
		_, ok = v.(bool)
	case Date:
		var d scalars.Day
		d, ok = v.(scalars.Day)
		ok = ok && d.Year >= 1 && d.Year <= 9999 && d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= 31
	}
	if !ok {
		return fmt.Errorf("%v is not a valid %s value", v, t)
	}
	return nil
}
