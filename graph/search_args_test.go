package graph

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/filter"
	"intercom-graphql/graph/model"
	"intercom-graphql/upstream"
)

// wireQuery is a search query as Intercom receives it.
func wireQuery(t *testing.T, q upstream.SearchQuery) string {
	t.Helper()
	b, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer(`\u003c`, "<", `\u003e`, ">").Replace(string(b))
}

func contactSortChoice(s *model.ContactOrder) sortChoice {
	return sortChoice{field: wireValue(s.Field), direction: s.Direction}
}

func TestCompileFilterQueries(t *testing.T) {
	email := func(s string) *model.ContactFilter { return &model.ContactFilter{Email: &model.StringFilter{Eq: &s}} }
	tests := []struct {
		name    string
		read    func() (filter.Expr, error)
		dialect filter.Dialect
		want    string
	}{
		{"an empty contact filter asks for every contact", func() (filter.Expr, error) { return contactFilterExpr(&model.ContactFilter{}, "filter") },
			filter.Contacts, `{"field":"role","operator":"IN","value":["user","lead"]}`},
		{"one condition is one filter", func() (filter.Expr, error) { return contactFilterExpr(email("ada@example.com"), "filter") },
			filter.Contacts, `{"field":"email","operator":"=","value":"ada@example.com"}`},
		{"or is an OR group", func() (filter.Expr, error) {
			return contactFilterExpr(&model.ContactFilter{Or: []*model.ContactFilter{email("a"), email("b")}}, "filter")
		}, filter.Contacts, `{"operator":"OR","value":[{"field":"email","operator":"=","value":"a"},{"field":"email","operator":"=","value":"b"}]}`},
		{"gte on a day is after the day before", func() (filter.Expr, error) {
			return contactFilterExpr(&model.ContactFilter{CreatedAt: &model.DateFilter{Gte: ptrTo(mustDay("2026-05-01"))}}, "filter")
		}, filter.Contacts, `{"field":"created_at","operator":">","value":1777550400}`}, // 2026-04-30T12:00:00Z
		{"priority is Intercom's word", func() (filter.Expr, error) {
			return conversationFilterExpr(&model.ConversationFilter{Priority: &model.BooleanFilter{Eq: ptrTo(false)}}, "filter")
		}, filter.Conversations, `{"field":"priority","operator":"=","value":"not_priority"}`},
		{"an empty ticket filter asks for every ticket", func() (filter.Expr, error) { return ticketFilterExpr(&model.TicketFilter{}, "filter") },
			filter.Tickets, `{"field":"created_at","operator":">","value":0}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := tc.read()
			plan, err := compileFilter(e, err, tc.dialect)
			if err != nil {
				t.Fatal(err)
			}
			if got := wireQuery(t, plan.Query(time.UTC)); got != tc.want {
				t.Fatalf("query %s\nwant  %s", got, tc.want)
			}
		})
	}
}

func TestCompileFilterOfAnEmptyInListMatchesNothing(t *testing.T) {
	e, err := contactFilterExpr(&model.ContactFilter{Role: &model.ContactRoleFilter{In: []model.ContactRole{}}}, "filter")
	plan, err := compileFilter(e, err, filter.Contacts)
	if err != nil || !plan.Nothing() {
		t.Fatalf("role in [] = %+v, %v; want a plan that matches nothing", plan, err)
	}
}

// wantCoded checks err is the error a client sees: a code of the
// vocabulary, the input field at fault, and the message.
func wantCoded(t *testing.T, err error, code, field, message string) {
	t.Helper()
	var e *errcode.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not one of the graph's coded errors", err, err)
	}
	if e.Code != code || e.Field != field || e.Message != message {
		t.Fatalf("error %s at %q: %q\nwant  %s at %q: %q", e.Code, e.Field, e.Message, code, field, message)
	}
}

func TestCompileFilterRefusalsAreBadUserInputNamingTheField(t *testing.T) {
	tags := make([]string, 16)
	for i := range tags {
		tags[i] = string(rune('a'+i)) + "1"
	}
	tests := []struct {
		name    string
		read    func() (filter.Expr, error)
		dialect filter.Dialect
		field   string
		message string
	}{
		{"a refusal while reading", func() (filter.Expr, error) {
			return contactFilterExpr(&model.ContactFilter{And: []*model.ContactFilter{}}, "filter")
		}, filter.Contacts, "filter.and", "filter.and: give at least one filter"},
		{"startsWith under not", func() (filter.Expr, error) {
			return contactFilterExpr(&model.ContactFilter{Not: &model.ContactFilter{Email: &model.StringFilter{StartsWith: ptrTo("ada")}}}, "filter")
		}, filter.Contacts, "filter.not.email.startsWith",
			`filter.not.email.startsWith: startsWith cannot be negated: Intercom has no operator for "does not start with"; filter on something else, or use notContains`},
		{"endsWith under not inside an or", func() (filter.Expr, error) {
			return contactFilterExpr(&model.ContactFilter{Or: []*model.ContactFilter{{}, {Not: &model.ContactFilter{Email: &model.StringFilter{EndsWith: ptrTo(".org")}}}}}, "filter")
		}, filter.Contacts, "filter.or[1].not.email.endsWith",
			`filter.or[1].not.email.endsWith: endsWith cannot be negated: Intercom has no operator for "does not end with"; filter on something else, or use notContains`},
		{"a day before year 1", func() (filter.Expr, error) {
			return contactFilterExpr(&model.ContactFilter{Or: []*model.ContactFilter{{}, {CreatedAt: &model.DateFilter{Lt: ptrTo(mustDay("0000-12-31"))}}}}, "filter")
		}, filter.Contacts, "filter.or[1].createdAt.lt", "filter.or[1].createdAt.lt: 0000-12-31 is not a valid date value"},
		{"more tags than a group holds, beside another condition", func() (filter.Expr, error) {
			return contactFilterExpr(&model.ContactFilter{Email: &model.StringFilter{Contains: ptrTo("a")}, Tag: &model.IDFilter{In: tags}}, "filter")
		}, filter.Contacts, "filter.tag.in",
			"filter.tag.in: this filter needs 16 conditions in one group inside another, more than the 15 Intercom allows in a group " +
				"(only the top-level group can be split); use fewer values or conditions here"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := tc.read()
			plan, err := compileFilter(e, err, tc.dialect)
			if plan != nil {
				t.Fatalf("compiled to a plan: %+v", plan)
			}
			wantCoded(t, err, errcode.BadUserInput, tc.field, tc.message)
		})
	}
}

func TestCompileFilterPassesOtherErrorsThrough(t *testing.T) {
	other := errors.New("the catalogue is broken")
	plan, err := compileFilter(filter.Expr{}, other, filter.Contacts)
	if plan != nil || err != other {
		t.Fatalf("compileFilter = %+v, %v; want the error as it was", plan, err)
	}
}

func TestSearchSortTakesTheOrderNewestFirstByDefault(t *testing.T) {
	order := func(f model.ContactOrderField, d model.OrderDirection) *model.ContactOrder {
		return &model.ContactOrder{Field: f, Direction: d}
	}
	tests := []struct {
		name  string
		order *model.ContactOrder
		want  upstream.SearchSort
	}{
		{"no order is newest first", nil, upstream.SearchSort{Field: "created_at", Order: "descending"}},
		{"ascending", order(model.ContactOrderFieldName, model.OrderDirectionAsc), upstream.SearchSort{Field: "name", Order: "ascending"}},
		{"descending", order(model.ContactOrderFieldLastEmailOpenedAt, model.OrderDirectionDesc),
			upstream.SearchSort{Field: "last_email_opened_at", Order: "descending"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := searchSort(tc.order, contactSortChoice); got != tc.want {
				t.Fatalf("searchSort = %+v; want %+v", got, tc.want)
			}
		})
	}
	t.Run("conversations order by Intercom's nested names", func(t *testing.T) {
		got := searchSort(&model.ConversationOrder{Field: model.ConversationOrderFieldLastContactReplyAt, Direction: model.OrderDirectionAsc},
			func(o *model.ConversationOrder) sortChoice {
				return sortChoice{field: conversationSortFields[o.Field], direction: o.Direction}
			})
		if want := (upstream.SearchSort{Field: "statistics.last_contact_reply_at", Order: "ascending"}); got != want {
			t.Fatalf("searchSort = %+v; want %+v", got, want)
		}
	})
}

func TestSearchArgsReadTheFilterAndTheOrder(t *testing.T) {
	byName := &model.ContactOrder{Field: model.ContactOrderFieldName, Direction: model.OrderDirectionAsc}
	t.Run("no filter matches every contact", func(t *testing.T) {
		plan, sort, err := searchArgs(nil, contactFilterExpr, filter.Contacts, nil, contactSortChoice)
		if err != nil || !plan.Everything() || sort != (upstream.SearchSort{Field: "created_at", Order: "descending"}) {
			t.Fatalf("searchArgs = %+v, %+v, %v; want every contact, newest first", plan, sort, err)
		}
	})
	t.Run("a bad filter is refused whatever the order", func(t *testing.T) {
		_, _, err := searchArgs(&model.ContactFilter{Or: []*model.ContactFilter{}}, contactFilterExpr, filter.Contacts, byName, contactSortChoice)
		wantCoded(t, err, errcode.BadUserInput, "filter.or", "filter.or: give at least one filter")
	})
	t.Run("a good filter with an order", func(t *testing.T) {
		plan, sort, err := searchArgs(&model.ContactFilter{}, contactFilterExpr, filter.Contacts, byName, contactSortChoice)
		if err != nil || plan == nil || sort != (upstream.SearchSort{Field: "name", Order: "ascending"}) {
			t.Fatalf("searchArgs = %+v, %+v, %v; want the filter ordered by name", plan, sort, err)
		}
	})
}
