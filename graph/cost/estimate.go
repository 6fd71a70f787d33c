// Package cost prices, before a query runs, the upstream calls it can cost.
// Fields declare their price in the schema with @cost; the estimate walks the
// operation multiplying by the pages each connection asks for.
package cost

import (
	"slices"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"

	"intercom-graphql/graph/relay"
)

// Cost is what an operation can spend upstream, known before it runs.
type Cost struct {
	// Estimate is an upper bound on the calls the operation makes with a cold
	// cache: how much of the data exists is unknown, so every page is priced full.
	Estimate int
	// Minimum is the fewest calls any cold run of the operation makes: its
	// root fields' own calls, which no answer can spare.
	Minimum int
	// Lists names the reference lists (the @cost(once:) keys) the operation
	// needs below its root fields, in the order first met: they can load
	// beside the root fields' calls instead of after them.
	Lists []string
}

// Of prices an operation.
func Of(op *ast.OperationDefinition, variables map[string]any) Cost {
	if op == nil {
		return Cost{}
	}
	e := estimator{variables: variables, once: map[string]bool{}, minimumOnce: map[string]bool{}}
	estimate := e.selections(op.SelectionSet, 1)
	return Cost{Estimate: estimate, Minimum: e.minimum, Lists: e.lists}
}

// Estimate is an upper bound on the upstream calls an operation can cost,
// assuming nothing is cached.
func Estimate(op *ast.OperationDefinition, variables map[string]any) int {
	return Of(op, variables).Estimate
}

type estimator struct {
	variables map[string]any
	once      map[string]bool
	root      *ast.Field // the operation's root field being priced, whose arguments sizedBy reads

	minimum     int
	minimumOnce map[string]bool // the lists the root fields alone read
	lists       []string
}

// selections prices a selection set resolved for `parents` objects at once.
func (e *estimator) selections(set ast.SelectionSet, parents int) int {
	total := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			total = saturatingAdd(total, e.field(s, parents))
		case *ast.InlineFragment:
			total = saturatingAdd(total, e.selections(s.SelectionSet, parents))
		case *ast.FragmentSpread:
			if s.Definition != nil {
				total = saturatingAdd(total, e.selections(s.Definition.SelectionSet, parents))
			}
		}
	}
	return total
}

func (e *estimator) field(f *ast.Field, parents int) int {
	if f.Definition == nil {
		return 0 // __typename and introspection
	}
	isRoot := e.root == nil
	if isRoot {
		e.root = f
		defer func() { e.root = nil }()
	}
	if f.Name == entitiesField && isRoot && f.Definition.Directives.ForName("cost") == nil {
		calls, least, objects := e.entities(f)
		e.minimum = saturatingAdd(e.minimum, least)
		return saturatingAdd(calls, e.selections(f.SelectionSet, max(objects, 1)))
	}
	items := parents
	pageSize := 0
	if hasArg(f.Definition, "first") || hasArg(f.Definition, "last") {
		pageSize = e.pageSize(f)
		items = saturatingMul(parents, pageSize)
	}
	if n, ok := e.listLength(f, "ids"); ok {
		items = saturatingMul(parents, n)
	}
	calls := 0
	if d := f.Definition.Directives.ForName("cost"); d != nil {
		if path := stringArg(d, "sizedBy"); path != "" {
			items = saturatingMul(parents, e.rootListLength(path))
		}
		least := 0 // the calls this field makes however little data there is, at the root
		if key := stringArg(d, "once"); key != "" {
			if !e.once[key] {
				e.once[key] = true
				calls = 1
			}
			if !isRoot && !slices.Contains(e.lists, key) {
				e.lists = append(e.lists, key)
			}
			if !e.minimumOnce[key] {
				e.minimumOnce[key] = true
				least = 1
			}
		}
		switch {
		case intArg(d, "batch") > 0:
			batched := ceilDiv(items, intArg(d, "batch"))
			calls, least = saturatingAdd(calls, batched), saturatingAdd(least, batched)
		case d.Arguments.ForName("calls") != nil || stringArg(d, "once") == "":
			perCall := 1
			if d.Arguments.ForName("calls") != nil {
				perCall = intArg(d, "calls") // 0 marks a field served from what the parent holds
			}
			pages, fewestPages := 1, 1
			if perPage := intArg(d, "perPage"); perPage > 0 && pageSize > perPage {
				// A page larger than Intercom's can span one more upstream page than it fills.
				pages, fewestPages = ceilDiv(pageSize, perPage)+1, ceilDiv(pageSize, perPage)
			}
			calls = saturatingAdd(calls, saturatingMul(saturatingMul(parents, perCall), pages))
			least = saturatingAdd(least, saturatingMul(perCall, fewestPages))
		}
		if isRoot {
			e.minimum = saturatingAdd(e.minimum, least)
		}
	}
	return saturatingAdd(calls, e.selections(f.SelectionSet, max(items, 1)))
}

// pageSize is the page a connection field asks for: first or last, read from
// literals or variables, the connections' default when absent.
func (e *estimator) pageSize(f *ast.Field) int {
	for _, name := range []string{"first", "last"} {
		if arg := f.Arguments.ForName(name); arg != nil {
			if v, err := arg.Value.Value(e.variables); err == nil {
				switch n := v.(type) {
				case int64:
					return int(max(n, 0))
				case int:
					return max(n, 0)
				case float64:
					return int(max(n, 0))
				}
			}
		}
	}
	return relay.DefaultPageSize
}

func (e *estimator) listLength(f *ast.Field, name string) (int, bool) {
	arg := f.Arguments.ForName(name)
	if arg == nil {
		return 0, false
	}
	v, err := arg.Value.Value(e.variables)
	if err != nil {
		return 0, false
	}
	list, ok := v.([]any)
	return len(list), ok
}

// rootListLength is the length of the list at path (argument.field...) in
// the root field's arguments; 0 when there is none.
func (e *estimator) rootListLength(path string) int {
	name, rest, _ := strings.Cut(path, ".")
	arg := e.root.Arguments.ForName(name)
	if arg == nil {
		return 0
	}
	v, err := arg.Value.Value(e.variables)
	if err != nil {
		return 0
	}
	for rest != "" {
		var key string
		key, rest, _ = strings.Cut(rest, ".")
		object, _ := v.(map[string]any)
		v = object[key]
	}
	list, _ := v.([]any)
	return len(list)
}

func hasArg(def *ast.FieldDefinition, name string) bool { return def.Arguments.ForName(name) != nil }

func stringArg(d *ast.Directive, name string) string {
	if a := d.Arguments.ForName(name); a != nil && a.Value != nil {
		return a.Value.Raw
	}
	return ""
}

func intArg(d *ast.Directive, name string) int {
	if a := d.Arguments.ForName(name); a != nil && a.Value != nil {
		if v, err := a.Value.Value(nil); err == nil {
			if n, ok := v.(int64); ok {
				return int(n)
			}
		}
	}
	return 0
}

func ceilDiv(n, d int) int {
	if n <= 0 {
		return 0
	}
	return (n + d - 1) / d
}

// The estimate saturates instead of overflowing: a hostile query with huge
// nested pages must read as enormous, not wrap around to cheap.
const ceiling = 1 << 40

func saturatingAdd(a, b int) int { return min(a+b, ceiling) }

func saturatingMul(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > ceiling/b {
		return ceiling
	}
	return a * b
}
