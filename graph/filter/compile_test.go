package filter_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"intercom-graphql/graph/filter"
	"intercom-graphql/graph/scalars"
	"intercom-graphql/upstream"
)

func itoa(n int) string { return strconv.Itoa(n) }

func show(q upstream.SearchQuery) string {
	b, _ := json.Marshal(q)
	return strings.NewReplacer(`\u003c`, "<", `\u003e`, ">").Replace(string(b))
}

var (
	email      = filter.Field{Name: "email", Type: filter.String}
	name       = filter.Field{Name: "name", Type: filter.String, Optional: true}
	tagID      = filter.Field{Name: "tag_id", Type: filter.String, Optional: true, Operators: []string{"=", "!="}}
	ownerID    = filter.Field{Name: "owner_id", Type: filter.Integer, Optional: true}
	createdAt  = filter.Field{Name: "created_at", Type: filter.Date}
	lastSeenAt = filter.Field{Name: "last_seen_at", Type: filter.Date, Optional: true}
	reopens    = filter.Field{Name: "statistics.count_reopens", Type: filter.Integer, Optional: true}
	started    = filter.Field{Name: "created_at", Type: filter.Timestamp}
	spend      = filter.Field{Name: "custom_attributes.spend", Type: filter.Float, Optional: true}

	ticketCreated = filter.Field{Name: "created_at", Type: filter.Timestamp, Operators: []string{"=", "!=", "IN", "NIN", "<", ">", "<=", ">="}}
	ticketUpdated = filter.Field{Name: "updated_at", Type: filter.Timestamp}
)

func day(s string) scalars.Day {
	d, err := scalars.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

func eq(path string, f filter.Field, v any) filter.Expr { return filter.Match(path, f, filter.Eq, v) }

func atoms(prefix string, n int) []filter.Expr {
	out := make([]filter.Expr, n)
	for i := range out {
		out[i] = eq("filter", email, prefix+itoa(i))
	}
	return out
}

func TestCompileShapes(t *testing.T) {
	noon := func(s string) int64 { return day(s).Within(time.UTC) }
	cases := []struct {
		name    string
		dialect filter.Dialect
		expr    filter.Expr
		want    string
	}{
		{"one predicate is a single filter", filter.Contacts,
			filter.All("filter", eq("filter.email.eq", email, "ada@example.com")),
			`{"field":"email","operator":"=","value":"ada@example.com"}`},
		{"fields of one object are ANDed", filter.Contacts,
			filter.All("filter", eq("filter.email.eq", email, "a"), filter.Match("filter.name.startsWith", name, filter.StartsWith, "Ad")),
			`{"operator":"AND","value":[{"field":"email","operator":"=","value":"a"},{"field":"name","operator":"^","value":"Ad"}]}`},
		{"nested ANDs flatten", filter.Contacts,
			filter.All("filter", filter.All("filter.and", eq("x", email, "a"), filter.All("y", eq("z", email, "b"))), eq("w", email, "c")),
			`{"operator":"AND","value":[{"field":"email","operator":"=","value":"a"},{"field":"email","operator":"=","value":"b"},{"field":"email","operator":"=","value":"c"}]}`},
		{"not of an AND is an OR of negations", filter.Contacts,
			filter.Not("filter.not", filter.All("filter.not", eq("a", email, "a"), filter.Match("b", name, filter.Contains, "x"))),
			`{"operator":"OR","value":[{"field":"email","operator":"!=","value":"a"},{"field":"name","operator":"!~","value":"x"}]}`},
		{"double negation cancels", filter.Contacts,
			filter.Not("filter.not", filter.Not("filter.not.not", filter.Match("a", email, filter.In, []any{"a", "b"}))),
			`{"field":"email","operator":"IN","value":["a","b"]}`},
		{"negated comparison on an optional field also matches no value", filter.Contacts,
			filter.Not("filter.not", filter.Match("a", ownerID, filter.Gt, int64(5))),
			`{"operator":"OR","value":[{"field":"owner_id","operator":"<=","value":5},{"field":"owner_id","operator":"=","value":null}]}`},
		{"tag_id has no IN: an OR of equalities", filter.Contacts,
			filter.Match("a", tagID, filter.In, []any{"1", "2"}),
			`{"operator":"OR","value":[{"field":"tag_id","operator":"=","value":"1"},{"field":"tag_id","operator":"=","value":"2"}]}`},
		{"tag_id has no NIN: an AND of inequalities", filter.Contacts,
			filter.Match("a", tagID, filter.Nin, []any{"1", "2"}),
			`{"operator":"AND","value":[{"field":"tag_id","operator":"!=","value":"1"},{"field":"tag_id","operator":"!=","value":"2"}]}`},
		{"date eq names the day", filter.Contacts,
			filter.Match("a", createdAt, filter.Eq, day("2026-03-01")),
			`{"field":"created_at","operator":"=","value":` + itoa(int(noon("2026-03-01"))) + `}`},
		{"date gte is after the day before", filter.Contacts,
			filter.Match("a", createdAt, filter.Gte, day("2026-03-01")),
			`{"field":"created_at","operator":">","value":` + itoa(int(noon("2026-02-28"))) + `}`},
		{"date lte is before the day after", filter.Contacts,
			filter.Match("a", createdAt, filter.Lte, day("2026-02-28")),
			`{"field":"created_at","operator":"<","value":` + itoa(int(noon("2026-03-01"))) + `}`},
		{"date ne is before or after, or no date", filter.Contacts,
			filter.Match("a", lastSeenAt, filter.Ne, day("2026-03-01")),
			`{"operator":"OR","value":[{"field":"last_seen_at","operator":"<","value":` + itoa(int(noon("2026-03-01"))) +
				`},{"field":"last_seen_at","operator":">","value":` + itoa(int(noon("2026-03-01"))) +
				`},{"field":"last_seen_at","operator":"=","value":null}]}`},
		{"conversation gt excludes the bound explicitly", filter.Conversations,
			filter.Match("a", reopens, filter.Gt, int64(2)),
			`{"operator":"AND","value":[{"field":"statistics.count_reopens","operator":">","value":2},{"field":"statistics.count_reopens","operator":"!=","value":2}]}`},
		{"conversation gte includes the bound explicitly", filter.Conversations,
			filter.Match("a", started, filter.Gte, int64(1700000000)),
			`{"operator":"OR","value":[{"field":"created_at","operator":">","value":1700000000},{"field":"created_at","operator":"=","value":1700000000}]}`},
		{"ticket created_at gte uses the >= the description allows", filter.Tickets,
			filter.Match("a", ticketCreated, filter.Gte, int64(1700000000)),
			`{"field":"created_at","operator":">=","value":1700000000}`},
		{"ticket updated_at gte includes the bound explicitly", filter.Tickets,
			filter.Match("a", ticketUpdated, filter.Gte, int64(1700000000)),
			`{"operator":"OR","value":[{"field":"updated_at","operator":">","value":1700000000},{"field":"updated_at","operator":"=","value":1700000000}]}`},
		{"an empty ticket filter matches every ticket", filter.Tickets,
			filter.All("filter"),
			`{"field":"created_at","operator":">","value":0}`},
		{"an empty filter matches everything", filter.Conversations,
			filter.All("filter"),
			`{"field":"state","operator":"IN","value":["open","closed","snoozed"]}`},
		{"floats travel as decimal strings, and a list of them as equalities", filter.Contacts,
			filter.Match("a", spend, filter.In, []any{10.5, 3.0}),
			`{"operator":"OR","value":[{"field":"custom_attributes.spend","operator":"=","value":"10.5"},{"field":"custom_attributes.spend","operator":"=","value":"3"}]}`},
		{"an empty nin matches everything", filter.Contacts,
			filter.All("filter", filter.Match("a", email, filter.Nin, []any{})),
			`{"field":"role","operator":"IN","value":["user","lead"]}`},
		{"an empty in drops out of an OR", filter.Contacts,
			filter.Any("filter.or", filter.Match("a", email, filter.In, []any{}), eq("b", email, "x")),
			`{"field":"email","operator":"=","value":"x"}`},
		{"three levels become an AND of ORs", filter.Contacts,
			filter.All("filter", filter.Any("filter.or", filter.All("filter.or[0]", eq("a", email, "a"), eq("b", name, "b")), eq("c", isOpenContact, true)), eq("d", email, "d")),
			`{"operator":"AND","value":[{"field":"email","operator":"=","value":"d"},` +
				`{"operator":"OR","value":[{"field":"email","operator":"=","value":"a"},{"field":"unsubscribed_from_emails","operator":"=","value":true}]},` +
				`{"operator":"OR","value":[{"field":"name","operator":"=","value":"b"},{"field":"unsubscribed_from_emails","operator":"=","value":true}]}]}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			plan, err := filter.Compile(c.expr, c.dialect)
			if err != nil {
				t.Fatal(err)
			}
			if got := show(plan.Query(time.UTC)); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

var isOpenContact = filter.Field{Name: "unsubscribed_from_emails", Type: filter.Boolean}

func TestWideGroupsSplitWithinTwoLevels(t *testing.T) {
	for _, c := range []struct {
		name  string
		n     int
		and   bool
		sizes []int // sizes of the sub-groups, after the single filters at the top
		top   int   // filters and groups at the top level
	}{
		{"20 ANDed filters", 20, true, []int{6}, 15},
		{"40 ORed filters", 40, false, []int{15, 12}, 15},
		{"225 filters fill the two levels", 225, false, []int{15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15}, 15},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := filter.Any("filter.or", atoms("a", c.n)...)
			if c.and {
				e = filter.All("filter", atoms("a", c.n)...)
			}
			plan, err := filter.Compile(e, filter.Contacts)
			if err != nil {
				t.Fatal(err)
			}
			q := plan.Query(time.UTC)
			if len(q.Filters) != c.top {
				t.Errorf("top level holds %d entries, want %d", len(q.Filters), c.top)
			}
			var sizes []int
			count := 0
			for _, k := range q.Filters {
				if k.IsGroup() {
					sizes = append(sizes, len(k.Filters))
					count += len(k.Filters)
				} else {
					count++
				}
			}
			if show2(sizes) != show2(c.sizes) {
				t.Errorf("sub-groups of sizes %v, want %v", sizes, c.sizes)
			}
			if count != c.n {
				t.Errorf("the split query holds %d filters, the filter %d", count, c.n)
			}
		})
	}
}

func show2(v []int) string { b, _ := json.Marshal(v); return string(b) }

func TestInexpressibleFiltersNameTheirField(t *testing.T) {
	pairs := func(n int) []filter.Expr {
		out := make([]filter.Expr, n)
		for i := range out {
			p := "filter.and[" + itoa(i) + "]"
			out[i] = filter.Any(p+".or", eq(p+".or[0].email.eq", email, "a"+itoa(i)), eq(p+".or[1].name.eq", name, "b"+itoa(i)))
		}
		return out
	}
	wideOrs := make([]filter.Expr, 16)
	for i := range wideOrs {
		p := "filter.or[" + itoa(i) + "]"
		kids := make([]filter.Expr, 16)
		for j := range kids {
			kids[j] = eq(p+".email.eq", email, itoa(i)+"-"+itoa(j))
		}
		wideOrs[i] = filter.All(p, kids...)
	}
	cases := []struct {
		name    string
		dialect filter.Dialect
		expr    filter.Expr
		path    string
		says    string
	}{
		{"startsWith under not", filter.Contacts,
			filter.Not("filter.not", filter.Match("filter.not.email.startsWith", email, filter.StartsWith, "ada")),
			"filter.not.email.startsWith", "cannot be negated"},
		{"endsWith under a De Morgan", filter.Contacts,
			filter.Not("filter.not", filter.Any("filter.not.or", eq("x", email, "a"), filter.Match("filter.not.or[1].email.endsWith", email, filter.EndsWith, ".io"))),
			"filter.not.or[1].email.endsWith", "cannot be negated"},
		{"a boolean compared by order", filter.Contacts,
			filter.Match("filter.unsubscribed.gt", isOpenContact, filter.Gt, true),
			"filter.unsubscribed.gt", "by order"},
		{"an in list of dates nested too deep to split", filter.Contacts,
			filter.All("filter", eq("filter.email.eq", email, "a"), filter.Match("filter.createdAt.in", createdAt, filter.In, dayList(16))),
			"filter.createdAt.in", "more than the 15"},
		{"16 OR groups under an AND", filter.Contacts, filter.All("filter.and", pairs(16)...), "filter.and", "top level"},
		{"an OR of 16 wide ANDs", filter.Contacts, filter.Any("filter.or", wideOrs...), "filter.or[0]", "more than the 15"},
		{"a value of the wrong type", filter.Contacts, eq("filter.ownerId.eq", ownerID, "five"), "filter.ownerId.eq", "not a valid integer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := filter.Compile(c.expr, c.dialect)
			var fe *filter.Error
			if !errors.As(err, &fe) {
				t.Fatalf("got %v, want a *filter.Error", err)
			}
			if fe.Path != c.path || !strings.Contains(fe.Message, c.says) {
				t.Errorf("got %q at %s, want a message with %q at %s", fe.Message, fe.Path, c.says, c.path)
			}
		})
	}
}

func dayList(n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = scalars.DayOf(time.Date(2026, 1, 1+i, 0, 0, 0, 0, time.UTC))
	}
	return out
}

func TestFiltersMatchingNothingNeedNoQuery(t *testing.T) {
	for name, e := range map[string]filter.Expr{
		"in of nothing":          filter.Match("filter.email.in", email, filter.In, []any{}),
		"not of an empty filter": filter.Not("filter.not", filter.All("filter.not")),
		"an AND with one of them": filter.All("filter", eq("a", email, "x"),
			filter.Any("filter.or", filter.Match("b", tagID, filter.In, []any{}))),
	} {
		plan, err := filter.Compile(e, filter.Contacts)
		if err != nil || !plan.Nothing() || plan.Everything() || plan.NeedsLocation() {
			t.Errorf("%s: got %+v, %v; want a plan that matches nothing", name, plan, err)
		}
	}
}

func TestPlanKeysIdentifyTheQuery(t *testing.T) {
	compile := func(e filter.Expr, d filter.Dialect) *filter.Plan {
		p, err := filter.Compile(e, d)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := compile(filter.All("filter", eq("a", email, "x"), eq("b", name, "y")), filter.Contacts)
	sameReordered := compile(filter.All("filter", eq("b", name, "y"), eq("a", email, "x")), filter.Contacts)
	other := compile(filter.All("filter", eq("a", email, "x")), filter.Contacts)
	otherDialect := compile(filter.All("filter", eq("a", email, "x"), eq("b", name, "y")), filter.Conversations)
	if a.Key() != sameReordered.Key() {
		t.Error("the same conditions in another order got another key")
	}
	if a.Key() == other.Key() || a.Key() == otherDialect.Key() {
		t.Error("different queries share a key")
	}
	dated := compile(filter.Match("a", createdAt, filter.Eq, day("2026-03-01")), filter.Contacts)
	if !dated.NeedsLocation() || a.NeedsLocation() {
		t.Error("NeedsLocation does not follow the dates in the query")
	}
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	if show(dated.Query(time.UTC)) == show(dated.Query(tokyo)) {
		t.Error("a day in two time zones gave the same timestamps")
	}
	if got := time.Unix(dated.Query(tokyo).Value.(int64), 0).In(tokyo).Format(time.DateOnly); got != "2026-03-01" {
		t.Errorf("the day placed in Tokyo falls on %s there", got)
	}
}

func TestDaysParseAndShift(t *testing.T) {
	if _, err := scalars.ParseDay("2026-02-30"); err == nil {
		t.Error("February 30th parsed")
	}
	if got := day("2024-03-01").AddDays(-1).String(); got != "2024-02-29" {
		t.Errorf("the day before 2024-03-01 is %s", got)
	}
	if got := day("2026-12-31").AddDays(1).String(); got != "2027-01-01" {
		t.Errorf("the day after 2026-12-31 is %s", got)
	}
}
