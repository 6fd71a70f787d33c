// Package filter compiles the graph's typed filters into Intercom's search
// language. It is pure: a filter tree and a dialect (what one search endpoint
// accepts) go in, a query within Intercom's limits or an error naming the
// offending input field comes out, before anything is sent upstream.
//
// The pipeline: push `not` down to the predicates (De Morgan, and operator
// negation), lower each predicate to the operators its field's type accepts,
// flatten and simplify the groups, then fit the tree into Intercom's limits
// (2 levels of groups, 15 filters a group), rewriting it into conjunctive or
// disjunctive normal form when the tree as written nests too deep.
package filter

import (
	"fmt"
)

// Type is how Intercom types a searchable field.
type Type int

// The field types of Intercom's search language.
const (
	String Type = iota + 1
	Integer
	Float
	Boolean
	// Date is a timestamp Intercom matches by calendar day in the workspace's
	// time zone (contacts): values are Days.
	Date
	// Timestamp is a timestamp Intercom matches to the second
	// (conversations): values are UNIX seconds as int64.
	Timestamp
)

func (t Type) String() string {
	switch t {
	case String:
		return "string"
	case Integer:
		return "integer"
	case Float:
		return "float"
	case Boolean:
		return "boolean"
	case Date:
		return "date"
	case Timestamp:
		return "timestamp"
	}
	return fmt.Sprintf("type(%d)", int(t))
}

// Field is one searchable Intercom field.
type Field struct {
	// Name is Intercom's name for the field, e.g. "location.country".
	Name string
	Type Type
	// Optional says a record may have no value for the field. Negating a
	// comparison (not gt 5) must then also match the records without a value,
	// which costs one more filter upstream.
	Optional bool
	// Operators, when set, replaces the Intercom operators the field's type
	// accepts (tag_id takes only = and !=).
	Operators []string
}

// Op is an operator of the graph's filter inputs.
type Op string

// The graph's operators. Each input type offers the subset valid for it.
const (
	Eq          Op = "eq"
	Ne          Op = "ne"
	In          Op = "in"
	Nin         Op = "nin"
	Contains    Op = "contains"
	NotContains Op = "notContains"
	StartsWith  Op = "startsWith"
	EndsWith    Op = "endsWith"
	Gt          Op = "gt"
	Gte         Op = "gte"
	Lt          Op = "lt"
	Lte         Op = "lte"
	// isNull matches records without a value; it only arises from negating a
	// comparison on an optional field.
	isNull Op = "isNull"
)

type exprKind int

const (
	exprAll exprKind = iota
	exprAny
	exprNot
	exprMatch
)

// Expr is a filter as the client wrote it: groups, negations and
// predicates, each with the path of the input field it came from, so
// errors can name it (e.g. "filter.or[1].email.startsWith").
type Expr struct {
	kind exprKind
	path string
	kids []Expr
	pred Pred
}

// Pred is one predicate: a field, an operator and its operand.
type Pred struct {
	Field Field
	Op    Op
	// Value is a string, int64, float64, bool or Day as the field's type
	// wants (Day for Date fields, UNIX seconds for Timestamp fields), or a
	// []any of those for In and Nin.
	Value any
}

// All matches what every kid matches; with no kids it matches everything
// (an empty filter object).
func All(path string, kids ...Expr) Expr { return Expr{kind: exprAll, path: path, kids: kids} }

// Any matches what at least one kid matches; with no kids it matches nothing.
func Any(path string, kids ...Expr) Expr { return Expr{kind: exprAny, path: path, kids: kids} }

// Not matches what e does not.
func Not(path string, e Expr) Expr { return Expr{kind: exprNot, path: path, kids: []Expr{e}} }

// Match is one predicate on a field.
func Match(path string, f Field, op Op, value any) Expr {
	return Expr{kind: exprMatch, path: path, pred: Pred{Field: f, Op: op, Value: value}}
}

// Everything is the filter that matches every record.
func Everything() Expr { return All("") }
