package filter_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"intercom-graphql/graph/filter"
	"intercom-graphql/graph/scalars"
)

// FuzzCompile feeds the compiler filter trees decoded from arbitrary bytes,
// including operands of the wrong type and trees far beyond Intercom's
// limits. It must never panic, and whatever it accepts must be within the
// limits and mean what the filter says.
//
//	go test ./graph/filter -run='^$' -fuzz=FuzzCompile -fuzztime=30s
func FuzzCompile(f *testing.F) {
	f.Add([]byte{3, 0, 1, 7})
	f.Add([]byte{0, 3, 2, 5, 1, 9, 1, 3, 4, 4, 8, 1})
	f.Add([]byte{1, 4, 0, 2, 3, 1, 1, 0, 2, 6, 3, 3, 2, 4, 5})
	f.Add([]byte{2, 1, 2, 3, 6, 6, 1, 1})
	records := map[string][]record{}
	universes := []universe{contactsUniverse(time.UTC), conversationsUniverse(true)}
	for _, u := range universes {
		records[u.dialect.Name] = randomRecords(rand.New(rand.NewPCG(1, 2)), u, 24)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, u := range universes {
			d := &decoder{data: data, u: u}
			e := d.expr("filter", 0)
			plan, err := filter.Compile(e.expr(), u.dialect)
			if err != nil {
				continue
			}
			if plan.Everything() || plan.Nothing() {
				for i, r := range records[u.dialect.Name] {
					if matchesFilter(e, r, u.rules.loc) != plan.Everything() {
						t.Fatalf("%s: record %d: the plan matches everything (%v) or nothing, the filter disagrees", u.dialect.Name, i, plan.Everything())
					}
				}
				continue
			}
			q := plan.Query(u.rules.loc)
			if p := limitProblem(q, u, 0); p != "" {
				t.Fatalf("%s: %s\nquery: %s", u.dialect.Name, p, show(q))
			}
			for i, r := range records[u.dialect.Name] {
				if got, want := matchesQuery(q, r, u.rules), matchesFilter(e, r, u.rules.loc); got != want {
					t.Fatalf("%s: record %d: query says %v, filter says %v\nquery: %s", u.dialect.Name, i, got, want, show(q))
				}
			}
		}
	})
}

// decoder reads a filter tree from bytes; when the bytes run out every
// further read is zero, which ends the tree with predicates.
type decoder struct {
	data  []byte
	pos   int
	nodes int
	u     universe
}

func (d *decoder) next() int {
	if d.pos >= len(d.data) {
		return 0
	}
	d.pos++
	return int(d.data[d.pos-1])
}

func (d *decoder) expr(path string, depth int) testExpr {
	d.nodes++
	kind := d.next() % 6
	if depth >= 6 || d.nodes > 400 || d.pos >= len(d.data) {
		kind = 3
	}
	switch kind {
	case 0, 1:
		e := testExpr{kind: "all", path: path + ".and"}
		if kind == 1 {
			e = testExpr{kind: "any", path: path + ".or"}
		}
		n := d.next() % 24
		for i := range n {
			e.kids = append(e.kids, d.expr(fmt.Sprintf("%s[%d]", e.path, i), depth+1))
		}
		return e
	case 2:
		return testExpr{kind: "not", path: path + ".not", kids: []testExpr{d.expr(path+".not", depth+1)}}
	}
	f := d.u.fields[d.next()%len(d.u.fields)]
	ops := []filter.Op{filter.Eq, filter.Ne, filter.In, filter.Nin, filter.Contains, filter.NotContains,
		filter.StartsWith, filter.EndsWith, filter.Gt, filter.Gte, filter.Lt, filter.Lte}
	op := ops[d.next()%len(ops)]
	var v any
	if op == filter.In || op == filter.Nin {
		list := []any{}
		for range d.next() % 20 {
			list = append(list, d.value(f))
		}
		v = list
		if d.next()%16 == 0 {
			v = d.value(f) // not a list
		}
	} else {
		v = d.value(f)
	}
	return testExpr{kind: "match", path: path + "." + f.Name + "." + string(op), field: f, op: op, value: v}
}

// value is usually of f's type, sometimes of another, and sometimes an
// extreme of its type.
func (d *decoder) value(f filter.Field) any {
	b := d.next()
	t := f.Type
	if b%13 == 0 {
		t = filter.Type(1 + b%6)
	}
	switch t {
	case filter.String:
		return words[b%len(words)]
	case filter.Integer, filter.Timestamp:
		if b%11 == 0 {
			return int64(-1 << 63)
		}
		return baseDay.Unix()*int64(b%2) + int64(b%5) - 2
	case filter.Float:
		return float64(b%5-2) / 2
	case filter.Boolean:
		return b%2 == 0
	case filter.Date:
		if b%17 == 0 {
			return scalars.Day{Year: 0, Month: 13, Day: 40}
		}
		return scalars.DayOf(baseDay.AddDate(0, 0, b%5-2))
	}
	return nil
}
