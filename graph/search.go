package graph

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the workspace's time zone is any IANA zone; the host may ship none

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/filter"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/graph/scalars"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// The filter inputs of the searchable connections read into filter.Expr
// trees here, generically: each resource lists its fields (search_<resource>.go)
// with the Intercom field each one stands for, and graph/filter compiles the
// tree for the resource's search endpoint.

// conditions collects the conditions of one filter input object: every
// field given is a condition, and all of them must hold.
type conditions struct {
	path  string
	parts []filter.Expr
	err   error
}

func newConditions(path string) *conditions { return &conditions{path: path} }

func (c *conditions) at(name string) string { return c.path + "." + name }

func (c *conditions) fail(path string, err error) {
	c.keep(&filter.Error{Path: path, Message: err.Error()})
}

// keep remembers the first error met.
func (c *conditions) keep(err error) {
	if c.err == nil {
		c.err = err
	}
}

// expr is the object's conditions, all of which must hold.
func (c *conditions) expr() (filter.Expr, error) {
	if c.err != nil {
		return filter.Expr{}, c.err
	}
	return filter.All(c.path, c.parts...), nil
}

// nested adds the conditions of an input object inside this one.
func (c *conditions) nested(name string, fill func(*conditions)) {
	sub := newConditions(c.at(name))
	fill(sub)
	if sub.err != nil {
		c.keep(sub.err)
		return
	}
	c.parts = append(c.parts, filter.All(sub.path, sub.parts...))
}

// logic adds the and, or and not of a filter input, built by build.
func logic[T any](c *conditions, and, or []*T, not *T, build func(*T, string) (filter.Expr, error)) {
	for _, g := range []struct {
		name    string
		filters []*T
		combine func(string, ...filter.Expr) filter.Expr
	}{{"and", and, filter.All}, {"or", or, filter.Any}} {
		if g.filters == nil {
			continue
		}
		path := c.at(g.name)
		if len(g.filters) == 0 {
			c.fail(path, errors.New("give at least one filter"))
			continue
		}
		kids := make([]filter.Expr, len(g.filters))
		for i, f := range g.filters {
			e, err := build(f, fmt.Sprintf("%s[%d]", path, i))
			if err != nil {
				c.keep(err)
				return
			}
			kids[i] = e
		}
		c.parts = append(c.parts, g.combine(path, kids...))
	}
	if not != nil {
		e, err := build(not, c.at("not"))
		if err != nil {
			c.keep(err)
			return
		}
		c.parts = append(c.parts, filter.Not(c.at("not"), e))
	}
}

// one and many are the operators of a typed filter input that take one
// value and a list of values.
type one[V any] struct {
	op filter.Op
	v  *V
}

type many[V any] struct {
	op filter.Op
	v  []V
}

// operators adds a condition for each operator given, reading each value
// with read (which may refuse it).
func operators[V any](c *conditions, name string, f filter.Field, read func(V) (any, error), ones []one[V], lists []many[V]) {
	base := c.at(name)
	for _, o := range ones {
		if o.v == nil {
			continue
		}
		path := base + "." + string(o.op)
		v, err := read(*o.v)
		if err != nil {
			c.fail(path, err)
			continue
		}
		c.parts = append(c.parts, filter.Match(path, f, o.op, v))
	}
	for _, l := range lists {
		if l.v == nil {
			continue
		}
		path := base + "." + string(l.op)
		values := make([]any, len(l.v))
		for i, x := range l.v {
			v, err := read(x)
			if err != nil {
				c.fail(fmt.Sprintf("%s[%d]", path, i), err)
				continue
			}
			values[i] = v
		}
		c.parts = append(c.parts, filter.Match(path, f, l.op, values))
	}
}

func as[V any](conv func(V) any) func(V) (any, error) {
	return func(v V) (any, error) { return conv(v), nil }
}

func (c *conditions) text(name string, in *model.StringFilter, f filter.Field) {
	if in == nil {
		return
	}
	operators(c, name, f, as(func(s string) any { return s }),
		[]one[string]{{filter.Eq, in.Eq}, {filter.Ne, in.Ne}, {filter.Contains, in.Contains}, {filter.NotContains, in.NotContains},
			{filter.StartsWith, in.StartsWith}, {filter.EndsWith, in.EndsWith}},
		[]many[string]{{filter.In, in.In}, {filter.Nin, in.Nin}})
}

func (c *conditions) integer(name string, in *model.IntFilter, f filter.Field) {
	if in == nil {
		return
	}
	operators(c, name, f, as(func(n int) any { return int64(n) }),
		[]one[int]{{filter.Eq, in.Eq}, {filter.Ne, in.Ne}, {filter.Gt, in.Gt}, {filter.Gte, in.Gte}, {filter.Lt, in.Lt}, {filter.Lte, in.Lte}},
		[]many[int]{{filter.In, in.In}, {filter.Nin, in.Nin}})
}

func (c *conditions) decimal(name string, in *model.FloatFilter, f filter.Field) {
	if in == nil {
		return
	}
	operators(c, name, f, as(func(n float64) any { return n }),
		[]one[float64]{{filter.Eq, in.Eq}, {filter.Ne, in.Ne}, {filter.Gt, in.Gt}, {filter.Gte, in.Gte}, {filter.Lt, in.Lt}, {filter.Lte, in.Lte}},
		[]many[float64]{{filter.In, in.In}, {filter.Nin, in.Nin}})
}

func (c *conditions) boolean(name string, in *model.BooleanFilter, f filter.Field) {
	if in == nil {
		return
	}
	operators(c, name, f, as(func(b bool) any { return b }), []one[bool]{{filter.Eq, in.Eq}, {filter.Ne, in.Ne}}, nil)
}

func (c *conditions) day(name string, in *model.DateFilter, f filter.Field) {
	if in == nil {
		return
	}
	operators(c, name, f, as(func(d scalars.Day) any { return d }),
		[]one[scalars.Day]{{filter.Eq, in.Eq}, {filter.Ne, in.Ne}, {filter.Gt, in.Gt}, {filter.Gte, in.Gte}, {filter.Lt, in.Lt}, {filter.Lte, in.Lte}}, nil)
}

func (c *conditions) moment(name string, in *model.DateTimeFilter, f filter.Field) {
	if in == nil {
		return
	}
	operators(c, name, f, as(func(t upstream.Timestamp) any { return int64(t) }),
		[]one[upstream.Timestamp]{{filter.Eq, in.Eq}, {filter.Ne, in.Ne}, {filter.Gt, in.Gt}, {filter.Gte, in.Gte}, {filter.Lt, in.Lt}, {filter.Lte, in.Lte}},
		[]many[upstream.Timestamp]{{filter.In, in.In}, {filter.Nin, in.Nin}})
}

// reference adds conditions on a field holding the Intercom id of an object
// of GraphQL type typ; the field's type says whether Intercom wants the id
// as a string or a number.
func (c *conditions) reference(name string, in *model.IDFilter, f filter.Field, typ string) {
	if in == nil {
		return
	}
	read := func(v string) (any, error) {
		id, err := referenceID(v, typ)
		if err != nil || f.Type != filter.Integer {
			return id, err
		}
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s ids are numbers in Intercom, and %q is not one", typ, id)
		}
		return n, nil
	}
	operators(c, name, f, read, []one[string]{{filter.Eq, in.Eq}, {filter.Ne, in.Ne}}, []many[string]{{filter.In, in.In}, {filter.Nin, in.Nin}})
}

// referenceID reads an IDFilter value: a global ID of type typ, or an
// Intercom id. Intercom's ids (hex or decimal digits) never decode as a
// global ID, so the two cannot be confused.
func referenceID(v, typ string) (string, error) {
	if g, err := relay.ParseGlobalID(v); err == nil {
		if g.Type != typ {
			return "", fmt.Errorf("the ID is %s ID; %s ID or an Intercom id is expected here", relay.WithArticle(g.Type), relay.WithArticle(typ))
		}
		return g.ID, nil
	}
	if !relay.ValidIntercomID(v) {
		return "", fmt.Errorf("%q is neither %s ID nor an Intercom id", v, relay.WithArticle(typ))
	}
	return v, nil
}

// choice adds conditions on a field with a closed set of values, given as
// a GraphQL enum; wire is Intercom's value for each.
func choice[E ~string](c *conditions, name string, f filter.Field, wire func(E) string, eq, ne *E, in, nin []E) {
	operators(c, name, f, as(func(e E) any { return wire(e) }),
		[]one[E]{{filter.Eq, eq}, {filter.Ne, ne}}, []many[E]{{filter.In, in}, {filter.Nin, nin}})
}

// customAttributes adds the conditions on custom attributes, each by name
// with the filter of the attribute's type.
func (c *conditions) customAttributes(list []*model.CustomAttributeFilter) {
	for i, ca := range list {
		path := fmt.Sprintf("%s.customAttributes[%d]", c.path, i)
		if ca.Name == "" || strings.ContainsAny(ca.Name, ".$") {
			c.fail(path+".name", errors.New("a custom attribute's name is not empty and holds no '.' or '$'"))
			continue
		}
		given := 0
		for _, set := range []bool{ca.String != nil, ca.Int != nil, ca.Float != nil, ca.Boolean != nil, ca.Date != nil} {
			if set {
				given++
			}
		}
		if given != 1 {
			c.fail(path, errors.New("give exactly one of string, int, float, boolean or date, the filter for the attribute's type"))
			continue
		}
		field := func(t filter.Type) filter.Field {
			return filter.Field{Name: "custom_attributes." + ca.Name, Type: t, Optional: true}
		}
		c.nested(fmt.Sprintf("customAttributes[%d]", i), func(c *conditions) {
			c.text("string", ca.String, field(filter.String))
			c.integer("int", ca.Int, field(filter.Integer))
			c.decimal("float", ca.Float, field(filter.Float))
			c.boolean("boolean", ca.Boolean, field(filter.Boolean))
			c.day("date", ca.Date, field(filter.Date))
		})
	}
}

// Field constructors for the resources' catalogues.

func textField(name string) filter.Field { return filter.Field{Name: name, Type: filter.String} }

func intField(name string) filter.Field {
	return filter.Field{Name: name, Type: filter.Integer, Optional: true}
}

func boolField(name string) filter.Field { return filter.Field{Name: name, Type: filter.Boolean} }

// dayField is a contact date, matched by calendar day; required ones are
// on every record.
func dayField(name string, required bool) filter.Field {
	return filter.Field{Name: name, Type: filter.Date, Optional: !required}
}

func momentField(name string, required bool) filter.Field {
	return filter.Field{Name: name, Type: filter.Timestamp, Optional: !required}
}

// compileFilter compiles a filter read from its input, turning a refusal
// into BAD_USER_INPUT naming the input field.
func compileFilter(e filter.Expr, err error, d filter.Dialect) (*filter.Plan, error) {
	var plan *filter.Plan
	if err == nil {
		plan, err = filter.Compile(e, d)
	}
	var fe *filter.Error
	if errors.As(err, &fe) {
		return nil, errcode.InputField(fe.Path, errors.New(fe.Message))
	}
	return plan, err
}

// searchArgs reads the filter and orderBy arguments of a search connection
// before any upstream call: read turns the filter input into a tree that is
// compiled for the endpoint's dialect (no filter matches every record), and
// choice gives Intercom's name of the ordered field.
func searchArgs[F, O any](in *F, read func(*F, string) (filter.Expr, error), d filter.Dialect,
	order *O, choice func(*O) sortChoice) (*filter.Plan, upstream.SearchSort, error) {
	e, err := filter.Everything(), error(nil)
	if in != nil {
		e, err = read(in, "filter")
	}
	plan, err := compileFilter(e, err, d)
	if err != nil {
		return nil, upstream.SearchSort{}, err
	}
	return plan, searchSort(order, choice), nil
}

// sortChoice is a connection's orderBy argument, with Intercom's name of its
// field.
type sortChoice struct {
	field     string
	direction model.OrderDirection
}

// searchSort is Intercom's sort for a connection's orderBy argument (Intercom
// sorts search results by one field, as orderBy names one); without it,
// newest first.
func searchSort[O any](order *O, choice func(*O) sortChoice) upstream.SearchSort {
	if order == nil {
		return upstream.SearchSort{Field: "created_at", Order: "descending"}
	}
	c := choice(order)
	direction := "ascending"
	if c.direction == model.OrderDirectionDesc {
		direction = "descending"
	}
	return upstream.SearchSort{Field: c.field, Order: direction}
}

// searchConnection pages through a search with the same Relay connection
// as the plain lists. Its cursors carry the compiled query and the sort, so
// a cursor of one filter is refused by another. The query's dates are
// placed in the workspace's time zone only once the arguments and the
// cursor have been accepted, so a refused request costs no upstream call.
func searchConnection[T any](ctx context.Context, codec relay.Codec, conn string, plan *filter.Plan, sort upstream.SearchSort, args relay.Args,
	search func(upstream.SearchRequest) (relay.CursorBatch[T], error)) (*relay.Page[T], error) {
	key := connKey(conn+":search", plan.Key()+":"+sort.Field+":"+sort.Order)
	var query *upstream.SearchQuery
	page, err := relay.CursorList(codec, key, args, upstream.MaxPerPage, func(perPage int, token string) (relay.CursorBatch[T], error) {
		if plan.Nothing() {
			// Nothing can match: the answer is empty without asking Intercom.
			return relay.CursorBatch[T]{}, nil
		}
		if query == nil {
			loc, err := workspaceLocation(ctx, plan)
			if err != nil {
				return relay.CursorBatch[T]{}, err
			}
			q := plan.Query(loc)
			query = &q
		}
		return search(upstream.SearchRequest{Query: *query, Sort: &sort,
			Pagination: &upstream.StartingAfter{PerPage: perPage, StartingAfter: token}})
	})
	if err != nil {
		return nil, pageError(err)
	}
	return page, nil
}

// workspaceLocation is the time zone Intercom matches dates in: the
// workspace's, read once per operation, and only for a query with dates.
func workspaceLocation(ctx context.Context, plan *filter.Plan) (*time.Location, error) {
	if !plan.NeedsLocation() {
		return time.UTC, nil
	}
	me, err := loaders.For(ctx).Me(ctx)
	if err != nil {
		return nil, err
	}
	if me.App == nil || me.App.Timezone == "" {
		return time.UTC, nil
	}
	loc, err := time.LoadLocation(me.App.Timezone)
	if err != nil {
		return nil, fmt.Errorf("the workspace's time zone %q is unknown: %w", me.App.Timezone, err)
	}
	return loc, nil
}
