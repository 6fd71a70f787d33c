package graph

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"intercom-graphql/graph/filter"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/graph/scalars"
	"intercom-graphql/upstream"
)

// The search fields the filter inputs stand for, written out as the spec's
// tables name and type them.
var (
	emailField     = filter.Field{Name: "email", Type: filter.String}
	roleField      = filter.Field{Name: "role", Type: filter.String}
	countryField   = filter.Field{Name: "location.country", Type: filter.String}
	ownerField     = filter.Field{Name: "owner_id", Type: filter.Integer, Optional: true}
	segmentField   = filter.Field{Name: "segment_id", Type: filter.String}
	contactTagFld  = filter.Field{Name: "tag_id", Type: filter.String, Optional: true, Operators: []string{"=", "!="}}
	contactCreated = filter.Field{Name: "created_at", Type: filter.Date}
	lastSeenField  = filter.Field{Name: "last_seen_at", Type: filter.Date, Optional: true}
	unsubscribed   = filter.Field{Name: "unsubscribed_from_emails", Type: filter.Boolean}

	convCreated    = filter.Field{Name: "created_at", Type: filter.Timestamp}
	waitingSince   = filter.Field{Name: "waiting_since", Type: filter.Timestamp, Optional: true}
	countReopens   = filter.Field{Name: "statistics.count_reopens", Type: filter.Integer, Optional: true}
	priorityField  = filter.Field{Name: "priority", Type: filter.String}
	adminAssignee  = filter.Field{Name: "admin_assignee_id", Type: filter.Integer, Optional: true}
	teammateIDs    = filter.Field{Name: "teammate_ids", Type: filter.String}
	sourceType     = filter.Field{Name: "source.type", Type: filter.String}
	authorEmail    = filter.Field{Name: "source.author.email", Type: filter.String}
	stateField     = filter.Field{Name: "state", Type: filter.String}
	ratingTeammate = filter.Field{Name: "conversation_rating.admin_id", Type: filter.String}

	ticketCreated  = filter.Field{Name: "created_at", Type: filter.Timestamp, Operators: []string{"=", "!=", "IN", "NIN", "<", ">", "<=", ">="}}
	categoryField  = filter.Field{Name: "category", Type: filter.String}
	ticketTypeFld  = filter.Field{Name: "ticket_type_id", Type: filter.String}
	ticketAssignee = filter.Field{Name: "admin_assignee_id", Type: filter.String}
)

func customField(name string, t filter.Type) filter.Field {
	return filter.Field{Name: "custom_attributes." + name, Type: t, Optional: true}
}

func ticketAttrField(id string, t filter.Type) filter.Field {
	return filter.Field{Name: "ticket_attribute." + id, Type: t, Optional: true}
}

func mustDay(s string) scalars.Day {
	d, err := scalars.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

const (
	adminNumber = "991267460"
	may1        = upstream.Timestamp(1777627800) // 2026-05-01T09:30:00Z
)

// readCase is one filter input and the conditions it reads as.
type readCase struct {
	name string
	read func(path string) (filter.Expr, error)
	want filter.Expr
}

func contactsCase(name string, in *model.ContactFilter, want filter.Expr) readCase {
	return readCase{name, func(p string) (filter.Expr, error) { return contactFilterExpr(in, p) }, want}
}

func conversationsCase(name string, in *model.ConversationFilter, want filter.Expr) readCase {
	return readCase{name, func(p string) (filter.Expr, error) { return conversationFilterExpr(in, p) }, want}
}

func ticketsCase(name string, in *model.TicketFilter, want filter.Expr) readCase {
	return readCase{name, func(p string) (filter.Expr, error) { return ticketFilterExpr(in, p) }, want}
}

func runReadCases(t *testing.T, cases []readCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.read("filter")
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("read as\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}

func TestContactFilterInputsReadAsConditions(t *testing.T) {
	all, anyOf, not, match := filter.All, filter.Any, filter.Not, filter.Match
	email := func(s string) *model.ContactFilter {
		return &model.ContactFilter{Email: &model.StringFilter{Eq: &s}}
	}
	runReadCases(t, []readCase{
		contactsCase("an empty filter is no condition", &model.ContactFilter{}, all("filter")),
		contactsCase("one operator is one condition", email("ada@example.com"),
			all("filter", match("filter.email.eq", emailField, filter.Eq, "ada@example.com"))),
		contactsCase("every operator of a string filter holds at once", &model.ContactFilter{Email: &model.StringFilter{
			Eq: ptrTo("a"), Ne: ptrTo("b"), In: []string{"c", "d"}, Nin: []string{"e"}, Contains: ptrTo("f"), NotContains: ptrTo("g"),
			StartsWith: ptrTo("h"), EndsWith: ptrTo("i")}},
			all("filter",
				match("filter.email.eq", emailField, filter.Eq, "a"),
				match("filter.email.ne", emailField, filter.Ne, "b"),
				match("filter.email.contains", emailField, filter.Contains, "f"),
				match("filter.email.notContains", emailField, filter.NotContains, "g"),
				match("filter.email.startsWith", emailField, filter.StartsWith, "h"),
				match("filter.email.endsWith", emailField, filter.EndsWith, "i"),
				match("filter.email.in", emailField, filter.In, []any{"c", "d"}),
				match("filter.email.nin", emailField, filter.Nin, []any{"e"}))),
		contactsCase("an empty in list is kept, to match nothing", &model.ContactFilter{Email: &model.StringFilter{In: []string{}}},
			all("filter", match("filter.email.in", emailField, filter.In, []any{}))),
		contactsCase("fields of one object all hold", &model.ContactFilter{
			Email: &model.StringFilter{EndsWith: ptrTo("@example.com")}, CreatedAt: &model.DateFilter{Gte: ptrTo(mustDay("2026-05-01"))},
			LastSeenAt: &model.DateFilter{Lt: ptrTo(mustDay("2026-06-01"))}, UnsubscribedFromEmails: &model.BooleanFilter{Eq: ptrTo(false)}},
			all("filter",
				match("filter.email.endsWith", emailField, filter.EndsWith, "@example.com"),
				match("filter.createdAt.gte", contactCreated, filter.Gte, mustDay("2026-05-01")),
				match("filter.lastSeenAt.lt", lastSeenField, filter.Lt, mustDay("2026-06-01")),
				match("filter.unsubscribedFromEmails.eq", unsubscribed, filter.Eq, false))),
		contactsCase("a nested object is a group with its own path", &model.ContactFilter{Location: &model.ContactLocationFilter{Country: &model.StringFilter{Eq: ptrTo("France")}}},
			all("filter", all("filter.location", match("filter.location.country.eq", countryField, filter.Eq, "France")))),
		contactsCase("an enum reads as Intercom's value", &model.ContactFilter{Role: &model.ContactRoleFilter{Eq: ptrTo(model.ContactRoleLead),
			Nin: []model.ContactRole{model.ContactRoleUser, model.ContactRoleLead}}},
			all("filter", match("filter.role.eq", roleField, filter.Eq, "lead"), match("filter.role.nin", roleField, filter.Nin, []any{"user", "lead"}))),
		contactsCase("a numeric reference takes a global ID or an Intercom id, as a number", &model.ContactFilter{Owner: &model.IDFilter{
			Eq: ptrTo(relay.NodeID("Admin", adminNumber)), In: []string{"7", relay.NodeID("Admin", "8")}}},
			all("filter", match("filter.owner.eq", ownerField, filter.Eq, int64(991267460)), match("filter.owner.in", ownerField, filter.In, []any{int64(7), int64(8)}))),
		contactsCase("a text reference keeps the Intercom id as text", &model.ContactFilter{Segment: &model.IDFilter{
			Eq: ptrTo(relay.NodeID("Segment", "64a1")), Ne: ptrTo("64a2")}},
			all("filter", match("filter.segment.eq", segmentField, filter.Eq, "64a1"), match("filter.segment.ne", segmentField, filter.Ne, "64a2"))),
		contactsCase("tags keep the operators contacts allow them", &model.ContactFilter{Tag: &model.IDFilter{Eq: ptrTo("17")}},
			all("filter", match("filter.tag.eq", contactTagFld, filter.Eq, "17"))),
		contactsCase("each custom attribute is a group typed by its filter", &model.ContactFilter{CustomAttributes: []*model.CustomAttributeFilter{
			{Name: "plan", String: &model.StringFilter{Eq: ptrTo("pro")}},
			{Name: "seats", Int: &model.IntFilter{Gte: ptrTo(5), Nin: []int{9}}},
			{Name: "mrr", Float: &model.FloatFilter{Lt: ptrTo(99.5)}},
			{Name: "vip", Boolean: &model.BooleanFilter{Ne: ptrTo(true)}},
			{Name: "renewal", Date: &model.DateFilter{Eq: ptrTo(mustDay("2027-01-31"))}},
		}},
			all("filter",
				all("filter.customAttributes[0]", match("filter.customAttributes[0].string.eq", customField("plan", filter.String), filter.Eq, "pro")),
				all("filter.customAttributes[1]",
					match("filter.customAttributes[1].int.gte", customField("seats", filter.Integer), filter.Gte, int64(5)),
					match("filter.customAttributes[1].int.nin", customField("seats", filter.Integer), filter.Nin, []any{int64(9)})),
				all("filter.customAttributes[2]", match("filter.customAttributes[2].float.lt", customField("mrr", filter.Float), filter.Lt, 99.5)),
				all("filter.customAttributes[3]", match("filter.customAttributes[3].boolean.ne", customField("vip", filter.Boolean), filter.Ne, true)),
				all("filter.customAttributes[4]", match("filter.customAttributes[4].date.eq", customField("renewal", filter.Date), filter.Eq, mustDay("2027-01-31"))))),
		contactsCase("and, or and not come first, each named by its place", &model.ContactFilter{
			And:   []*model.ContactFilter{email("a"), email("b")},
			Or:    []*model.ContactFilter{email("c"), {}},
			Not:   email("d"),
			Email: &model.StringFilter{Ne: ptrTo("e")}},
			all("filter",
				all("filter.and",
					all("filter.and[0]", match("filter.and[0].email.eq", emailField, filter.Eq, "a")),
					all("filter.and[1]", match("filter.and[1].email.eq", emailField, filter.Eq, "b"))),
				anyOf("filter.or",
					all("filter.or[0]", match("filter.or[0].email.eq", emailField, filter.Eq, "c")),
					all("filter.or[1]")),
				not("filter.not", all("filter.not", match("filter.not.email.eq", emailField, filter.Eq, "d"))),
				match("filter.email.ne", emailField, filter.Ne, "e"))),
		contactsCase("groups nest to any depth", &model.ContactFilter{Not: &model.ContactFilter{Or: []*model.ContactFilter{
			{And: []*model.ContactFilter{email("a")}}}}},
			all("filter", not("filter.not", all("filter.not",
				anyOf("filter.not.or", all("filter.not.or[0]",
					all("filter.not.or[0].and", all("filter.not.or[0].and[0]", match("filter.not.or[0].and[0].email.eq", emailField, filter.Eq, "a"))))))))),
	})
}

func TestConversationFilterInputsReadAsConditions(t *testing.T) {
	all, match := filter.All, filter.Match
	later := may1 + 3600
	runReadCases(t, []readCase{
		conversationsCase("moments are UNIX seconds", &model.ConversationFilter{
			CreatedAt:    &model.DateTimeFilter{Gt: ptrTo(may1), Lte: ptrTo(later), Nin: []upstream.Timestamp{may1 + 60}},
			WaitingSince: &model.DateTimeFilter{Ne: ptrTo(upstream.Timestamp(0))}},
			all("filter",
				match("filter.createdAt.gt", convCreated, filter.Gt, int64(1777627800)),
				match("filter.createdAt.lte", convCreated, filter.Lte, int64(1777631400)),
				match("filter.createdAt.nin", convCreated, filter.Nin, []any{int64(1777627860)}),
				match("filter.waitingSince.ne", waitingSince, filter.Ne, int64(0)))),
		conversationsCase("statistics are a nested group", &model.ConversationFilter{Statistics: &model.ConversationStatisticsFilter{
			CountReopens: &model.IntFilter{Gte: ptrTo(2), In: []int{4, 5}}}},
			all("filter", all("filter.statistics",
				match("filter.statistics.countReopens.gte", countReopens, filter.Gte, int64(2)),
				match("filter.statistics.countReopens.in", countReopens, filter.In, []any{int64(4), int64(5)})))),
		conversationsCase("priority reads as Intercom's two words", &model.ConversationFilter{Priority: &model.BooleanFilter{Eq: ptrTo(true), Ne: ptrTo(false)}},
			all("filter", match("filter.priority.eq", priorityField, filter.Eq, "priority"), match("filter.priority.ne", priorityField, filter.Ne, "not_priority"))),
		conversationsCase("an admin assignee is a number, teammates are text", &model.ConversationFilter{
			AdminAssignee: &model.IDFilter{Eq: ptrTo(relay.NodeID("Admin", adminNumber))},
			Teammate:      &model.IDFilter{In: []string{relay.NodeID("Admin", adminNumber), "7"}}},
			all("filter",
				match("filter.teammate.in", teammateIDs, filter.In, []any{adminNumber, "7"}),
				match("filter.adminAssignee.eq", adminAssignee, filter.Eq, int64(991267460)))),
		conversationsCase("the source and its author nest two levels", &model.ConversationFilter{Source: &model.ConversationSourceFilter{
			Type:   &model.ConversationSourceTypeFilter{In: []model.ConversationSourceType{model.ConversationSourceTypeEmail, model.ConversationSourceTypePhoneCall}},
			Author: &model.ConversationAuthorFilter{Email: &model.StringFilter{EndsWith: ptrTo("@example.com")}}}},
			all("filter", all("filter.source",
				match("filter.source.type.in", sourceType, filter.In, []any{"email", "phone_call"}),
				all("filter.source.author", match("filter.source.author.email.endsWith", authorEmail, filter.EndsWith, "@example.com"))))),
		conversationsCase("a state reads as Intercom's value", &model.ConversationFilter{State: &model.ConversationStateFilter{Ne: ptrTo(model.ConversationStateClosed)}},
			all("filter", match("filter.state.ne", stateField, filter.Ne, "closed"))),
		conversationsCase("the rating's teammate is admin_id", &model.ConversationFilter{Rating: &model.ConversationRatingFilter{Teammate: &model.IDFilter{Eq: ptrTo("5")}}},
			all("filter", all("filter.rating", match("filter.rating.teammate.eq", ratingTeammate, filter.Eq, "5")))),
	})
}

func TestTicketFilterInputsReadAsConditions(t *testing.T) {
	all, match := filter.All, filter.Match
	runReadCases(t, []readCase{
		ticketsCase("created_at keeps its inclusive comparisons", &model.TicketFilter{CreatedAt: &model.DateTimeFilter{Gte: ptrTo(may1)}},
			all("filter", match("filter.createdAt.gte", ticketCreated, filter.Gte, int64(1777627800)))),
		ticketsCase("a category reads as Intercom's spelling", &model.TicketFilter{Category: &model.TicketCategoryFilter{
			Eq: ptrTo(model.TicketCategoryBackOffice), In: []model.TicketCategory{model.TicketCategoryCustomer, model.TicketCategoryTracker}}},
			all("filter",
				match("filter.category.eq", categoryField, filter.Eq, "Back-office"),
				match("filter.category.in", categoryField, filter.In, []any{"Customer", "Tracker"}))),
		ticketsCase("references are text on tickets", &model.TicketFilter{
			TicketType:    &model.IDFilter{Eq: ptrTo(relay.NodeID("TicketType", "12"))},
			AdminAssignee: &model.IDFilter{Eq: ptrTo(relay.NodeID("Admin", adminNumber))}},
			all("filter",
				match("filter.ticketType.eq", ticketTypeFld, filter.Eq, "12"),
				match("filter.adminAssignee.eq", ticketAssignee, filter.Eq, adminNumber))),
		ticketsCase("ticket attributes are named by id, by global ID or Intercom id", &model.TicketFilter{TicketAttributes: []*model.TicketAttributeFilter{
			{Attribute: relay.NodeID("TicketTypeAttribute", "42"), Int: &model.IntFilter{Gt: ptrTo(3)}},
			{Attribute: "43", DateTime: &model.DateTimeFilter{Lt: ptrTo(may1)}},
		}},
			all("filter",
				all("filter.ticketAttributes[0]", match("filter.ticketAttributes[0].int.gt", ticketAttrField("42", filter.Integer), filter.Gt, int64(3))),
				all("filter.ticketAttributes[1]", match("filter.ticketAttributes[1].dateTime.lt", ticketAttrField("43", filter.Timestamp), filter.Lt, int64(1777627800))))),
	})
}

func TestFilterInputsRefusedWhileReadingNameTheirPath(t *testing.T) {
	contacts := func(in *model.ContactFilter) func() (filter.Expr, error) {
		return func() (filter.Expr, error) { return contactFilterExpr(in, "filter") }
	}
	conversations := func(in *model.ConversationFilter) func() (filter.Expr, error) {
		return func() (filter.Expr, error) { return conversationFilterExpr(in, "filter") }
	}
	tickets := func(in *model.TicketFilter) func() (filter.Expr, error) {
		return func() (filter.Expr, error) { return ticketFilterExpr(in, "filter") }
	}
	segment := func(id string) *model.ContactFilter { return &model.ContactFilter{Segment: &model.IDFilter{Eq: &id}} }
	const oneType = "give exactly one of string, int, float, boolean or date, the filter for the attribute's type"
	const badName = "a custom attribute's name is not empty and holds no '.' or '$'"
	tests := []struct {
		name    string
		read    func() (filter.Expr, error)
		path    string
		message string
	}{
		{"an empty and", contacts(&model.ContactFilter{And: []*model.ContactFilter{}}), "filter.and", "give at least one filter"},
		{"an empty or", contacts(&model.ContactFilter{Or: []*model.ContactFilter{}}), "filter.or", "give at least one filter"},
		{"an empty or on conversations", conversations(&model.ConversationFilter{Or: []*model.ConversationFilter{}}), "filter.or", "give at least one filter"},
		{"an empty and on tickets", tickets(&model.TicketFilter{And: []*model.TicketFilter{}}), "filter.and", "give at least one filter"},
		{"the first mistake is the one named", contacts(&model.ContactFilter{And: []*model.ContactFilter{}, Or: []*model.ContactFilter{}}),
			"filter.and", "give at least one filter"},
		{"a global ID of another type in an or", contacts(&model.ContactFilter{Or: []*model.ContactFilter{segment("1"), segment(relay.NodeID("Tag", "5"))}}),
			"filter.or[1].segment.eq", "the ID is a Tag ID; a Segment ID or an Intercom id is expected here"},
		{"deep inside groups", contacts(&model.ContactFilter{And: []*model.ContactFilter{{Or: []*model.ContactFilter{{}, {Tag: &model.IDFilter{Eq: ptrTo(relay.NodeID("Contact", "c1"))}}}}}}),
			"filter.and[0].or[1].tag.eq", "the ID is a Contact ID; a Tag ID or an Intercom id is expected here"},
		{"under not", contacts(&model.ContactFilter{Not: &model.ContactFilter{ID: &model.IDFilter{Eq: ptrTo("%%%")}}}),
			"filter.not.id.eq", `"%%%" is neither a Contact ID nor an Intercom id`},
		{"a list names the value at fault", conversations(&model.ConversationFilter{AdminAssignee: &model.IDFilter{In: []string{"991267700", "ada"}}}),
			"filter.adminAssignee.in[1]", `Admin ids are numbers in Intercom, and "ada" is not one`},
		{"a global ID holding no number where Intercom wants one", contacts(&model.ContactFilter{Owner: &model.IDFilter{Ne: ptrTo(relay.NodeID("Admin", "ada"))}}),
			"filter.owner.ne", `Admin ids are numbers in Intercom, and "ada" is not one`},
		{"a team given an ID of another type", conversations(&model.ConversationFilter{TeamAssignee: &model.IDFilter{Nin: []string{relay.NodeID("Contact", "c1")}}}),
			"filter.teamAssignee.nin[0]", "the ID is a Contact ID; a Team ID or an Intercom id is expected here"},
		{"inside a nested object", conversations(&model.ConversationFilter{Rating: &model.ConversationRatingFilter{
			Contact: &model.IDFilter{Eq: ptrTo(relay.NodeID("Team", "3"))}}}),
			"filter.rating.contact.eq", "the ID is a Team ID; a Contact ID or an Intercom id is expected here"},
		{"a custom attribute without a name", contacts(&model.ContactFilter{CustomAttributes: []*model.CustomAttributeFilter{
			{Name: "plan", String: &model.StringFilter{Eq: ptrTo("pro")}}, {Name: "", Int: &model.IntFilter{Eq: ptrTo(1)}}}}),
			"filter.customAttributes[1].name", badName},
		{"a custom attribute name with a dot", contacts(&model.ContactFilter{CustomAttributes: []*model.CustomAttributeFilter{{Name: "plan.tier", Int: &model.IntFilter{Eq: ptrTo(1)}}}}),
			"filter.customAttributes[0].name", badName},
		{"a custom attribute name with a dollar", contacts(&model.ContactFilter{CustomAttributes: []*model.CustomAttributeFilter{{Name: "$where", Int: &model.IntFilter{Eq: ptrTo(1)}}}}),
			"filter.customAttributes[0].name", badName},
		{"a custom attribute without a filter", contacts(&model.ContactFilter{CustomAttributes: []*model.CustomAttributeFilter{{Name: "plan"}}}),
			"filter.customAttributes[0]", oneType},
		{"a custom attribute with two filters", contacts(&model.ContactFilter{CustomAttributes: []*model.CustomAttributeFilter{
			{Name: "seats", Int: &model.IntFilter{Gt: ptrTo(3)}, String: &model.StringFilter{Eq: ptrTo("3")}}}}),
			"filter.customAttributes[0]", oneType},
		{"a ticket attribute named by an ID of another type", tickets(&model.TicketFilter{TicketAttributes: []*model.TicketAttributeFilter{
			{Attribute: relay.NodeID("Ticket", "9"), String: &model.StringFilter{Eq: ptrTo("x")}}}}),
			"filter.ticketAttributes[0].attribute", "the ID is a Ticket ID; a TicketTypeAttribute ID or an Intercom id is expected here"},
		{"a ticket attribute with two filters", tickets(&model.TicketFilter{TicketAttributes: []*model.TicketAttributeFilter{
			{Attribute: "42", Boolean: &model.BooleanFilter{Eq: ptrTo(true)}, Float: &model.FloatFilter{Eq: ptrTo(1.5)}}}}),
			"filter.ticketAttributes[0]", "give exactly one of string, int, float, boolean or dateTime, the filter for the attribute's data type"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.read()
			var fe *filter.Error
			if !errors.As(err, &fe) {
				t.Fatalf("read as %+v, %v; want a refusal at %s", got, err, tc.path)
			}
			if fe.Path != tc.path || fe.Message != tc.message {
				t.Fatalf("refused at %s: %q\nwant at %s: %q", fe.Path, fe.Message, tc.path, tc.message)
			}
		})
	}
}

func TestReferenceIDTakesAGlobalIDOfItsTypeOrAnIntercomID(t *testing.T) {
	tests := []struct {
		name, in, typ string
		want, err     string
	}{
		{"a global ID of the type", relay.NodeID("Contact", "6329bd9ffe4e8c8b9e3d2b6a"), "Contact", "6329bd9ffe4e8c8b9e3d2b6a", ""},
		{"a hex Intercom id", "6329bd9ffe4e8c8b9e3d2b6a", "Contact", "6329bd9ffe4e8c8b9e3d2b6a", ""},
		{"a decimal Intercom id", adminNumber, "Admin", adminNumber, ""},
		{"an email-like Intercom id", "ada@example.com", "Contact", "ada@example.com", ""},
		{"a global ID of another type", relay.NodeID("Tag", "5"), "Contact", "", "the ID is a Tag ID; a Contact ID or an Intercom id is expected here"},
		{"nothing", "", "Segment", "", `"" is neither a Segment ID nor an Intercom id`},
		{"a path", "../admins", "Segment", "", `"../admins" is neither a Segment ID nor an Intercom id`},
		{"a space", "64 a1", "Segment", "", `"64 a1" is neither a Segment ID nor an Intercom id`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := referenceID(tc.in, tc.typ)
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("referenceID(%q, %s) = %q, %v; want the error %q", tc.in, tc.typ, got, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("referenceID(%q, %s) = %q, %v; want %q", tc.in, tc.typ, got, err, tc.want)
			}
		})
	}
}

// The day a contact filter names stays a calendar day until the query is
// placed in the workspace's zone.
func TestDayConditionsStayCalendarDays(t *testing.T) {
	e, err := contactFilterExpr(&model.ContactFilter{CreatedAt: &model.DateFilter{Eq: ptrTo(mustDay("2026-03-29"))}}, "filter")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := compileFilter(e, nil, filter.Contacts)
	if err != nil {
		t.Fatal(err)
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	if !plan.NeedsLocation() {
		t.Fatal("a filter on a day does not ask for the workspace's zone")
	}
	for _, tc := range []struct {
		loc  *time.Location
		want int64
	}{
		{time.UTC, time.Date(2026, 3, 29, 12, 0, 0, 0, time.UTC).Unix()},
		{berlin, time.Date(2026, 3, 29, 10, 0, 0, 0, time.UTC).Unix()},
	} {
		q := plan.Query(tc.loc)
		if q.Field != "created_at" || q.Operator != "=" || q.Value != tc.want {
			t.Errorf("in %s: %+v, want created_at = %d", tc.loc, q, tc.want)
		}
	}
}
