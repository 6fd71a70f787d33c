package graph_test

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"intercom-graphql/graph/relay"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// An in-memory reading of the graph's filter language, written from the
// schema's descriptions and independent of graph/filter: a filter is a
// decoded GraphQL input value (the JSON sent as a variable) and records are
// the simulator's own. The property test compares what the facade returns
// with what this evaluator selects.

type fieldKind int

const (
	kindText fieldKind = iota
	kindInt
	kindFloat
	kindBool
	kindDay      // DateFilter: calendar days in the workspace's zone
	kindMoment   // DateTimeFilter: seconds
	kindRef      // IDFilter
	kindChoice   // an enum filter
	kindPriority // BooleanFilter over Intercom's priority/not_priority
)

// filterField is one leaf field of a filter input, with the record values it reads.
type filterField[R any] struct {
	path    string // dotted path in the filter input, e.g. "location.country"
	kind    fieldKind
	refType string   // kindRef: the GraphQL type of the referenced objects
	choices []string // kindChoice: the enum's values
	words   bool     // matched word by word
	// values are the record's values: strings, float64 numbers, bools, or
	// UNIX seconds (float64) for dates; none when the record has no value.
	values func(R) []any
}

// catalogue is a resource's filter input: its fields and custom attributes.
type catalogue[R any] struct {
	fields []filterField[R]
	custom func(R) map[string]any
	// customKinds are the custom attributes the seeded workspace declares.
	customKinds map[string]fieldKind
	// customList and customName are the input field listing custom attribute
	// filters and the field naming the attribute in each (customAttributes
	// and name when empty).
	customList, customName string
	// customRef, when set, is the GraphQL type whose global IDs may name an attribute too.
	customRef string
}

func (c catalogue[R]) listKey() string {
	if c.customList == "" {
		return "customAttributes"
	}
	return c.customList
}

func (c catalogue[R]) nameKey() string {
	if c.customName == "" {
		return "name"
	}
	return c.customName
}

func txt(s string) []any {
	if s == "" {
		return nil
	}
	return []any{s}
}

func optTxt(s *string) []any {
	if s == nil {
		return nil
	}
	return txt(*s)
}

func num[T int | int64 | float64](n T) []any { return []any{float64(n)} }

func optNum[T int | int64](n *T) []any {
	if n == nil {
		return nil
	}
	return num(*n)
}

func when(t upstream.Timestamp) []any { return []any{float64(t)} }

func optWhen(t *upstream.Timestamp) []any {
	if t == nil {
		return nil
	}
	return when(*t)
}

func ids(list []string) []any {
	var out []any
	for _, s := range list {
		out = append(out, txt(s)...)
	}
	return out
}

func contactCatalogue() catalogue[intercomsim.ContactData] {
	type C = intercomsim.ContactData
	text := func(path string, get func(c C) []any) filterField[C] {
		return filterField[C]{path: path, kind: kindText, values: get}
	}
	day := func(path string, get func(c C) []any) filterField[C] {
		return filterField[C]{path: path, kind: kindDay, values: get}
	}
	flag := func(path string, get func(c C) bool) filterField[C] {
		return filterField[C]{path: path, kind: kindBool, values: func(c C) []any { return []any{get(c)} }}
	}
	ref := func(path, typ string, get func(c C) []any) filterField[C] {
		return filterField[C]{path: path, kind: kindRef, refType: typ, values: get}
	}
	return catalogue[C]{
		fields: []filterField[C]{
			ref("id", "Contact", func(c C) []any { return txt(c.Contact.ID) }),
			{path: "role", kind: kindChoice, choices: []string{"USER", "LEAD"}, values: func(c C) []any { return txt(strings.ToUpper(c.Contact.Role)) }},
			text("name", func(c C) []any { return optTxt(c.Contact.Name) }),
			text("avatarUrl", func(c C) []any {
				if c.Contact.Avatar == nil {
					return nil
				}
				return optTxt(c.Contact.Avatar.ImageURL)
			}),
			ref("owner", "Admin", func(c C) []any {
				if c.Contact.OwnerID == nil {
					return nil
				}
				return txt(strconv.FormatInt(*c.Contact.OwnerID, 10))
			}),
			text("email", func(c C) []any { return txt(c.Contact.Email) }),
			text("emailDomain", func(c C) []any { return txt(c.Contact.EmailDomain) }),
			text("phone", func(c C) []any { return optTxt(c.Contact.Phone) }),
			text("externalId", func(c C) []any { return optTxt(c.Contact.ExternalID) }),
			day("createdAt", func(c C) []any { return when(c.Contact.CreatedAt) }),
			day("signedUpAt", func(c C) []any { return optWhen(c.Contact.SignedUpAt) }),
			day("updatedAt", func(c C) []any { return when(c.Contact.UpdatedAt) }),
			day("lastSeenAt", func(c C) []any { return optWhen(c.Contact.LastSeenAt) }),
			day("lastContactedAt", func(c C) []any { return optWhen(c.Contact.LastContactedAt) }),
			day("lastRepliedAt", func(c C) []any { return optWhen(c.Contact.LastRepliedAt) }),
			day("lastEmailOpenedAt", func(c C) []any { return optWhen(c.Contact.LastEmailOpenedAt) }),
			day("lastEmailClickedAt", func(c C) []any { return optWhen(c.Contact.LastEmailClickedAt) }),
			text("languageOverride", func(c C) []any { return optTxt(c.Contact.LanguageOverride) }),
			text("browser", func(c C) []any { return optTxt(c.Contact.Browser) }),
			text("browserLanguage", func(c C) []any { return optTxt(c.Contact.BrowserLanguage) }),
			text("os", func(c C) []any { return optTxt(c.Contact.OS) }),
			text("location.country", func(c C) []any { return optTxt(c.Contact.Location.Country) }),
			text("location.region", func(c C) []any { return optTxt(c.Contact.Location.Region) }),
			text("location.city", func(c C) []any { return optTxt(c.Contact.Location.City) }),
			flag("unsubscribedFromEmails", func(c C) bool { return c.Contact.UnsubscribedFromEmails }),
			flag("markedEmailAsSpam", func(c C) bool { return c.Contact.MarkedEmailAsSpam }),
			flag("hasHardBounced", func(c C) bool { return c.Contact.HasHardBounced }),
			day("iosApp.lastSeenAt", func(c C) []any { return optWhen(c.Contact.IOSLastSeenAt) }),
			text("iosApp.appName", func(c C) []any { return optTxt(c.Contact.IOSAppName) }),
			text("iosApp.appVersion", func(c C) []any { return optTxt(c.Contact.IOSAppVersion) }),
			text("iosApp.device", func(c C) []any { return optTxt(c.Contact.IOSDevice) }),
			text("iosApp.appDevice", func(c C) []any { return nil }),
			text("iosApp.osVersion", func(c C) []any { return optTxt(c.Contact.IOSOSVersion) }),
			text("iosApp.sdkVersion", func(c C) []any { return optTxt(c.Contact.IOSSDKVersion) }),
			day("androidApp.lastSeenAt", func(c C) []any { return optWhen(c.Contact.AndroidLastSeenAt) }),
			text("androidApp.appName", func(c C) []any { return optTxt(c.Contact.AndroidAppName) }),
			text("androidApp.appVersion", func(c C) []any { return optTxt(c.Contact.AndroidAppVersion) }),
			text("androidApp.device", func(c C) []any { return optTxt(c.Contact.AndroidDevice) }),
			text("androidApp.sdkVersion", func(c C) []any { return optTxt(c.Contact.AndroidSDKVersion) }),
			ref("segment", "Segment", func(c C) []any { return ids(c.SegmentIDs) }),
			ref("tag", "Tag", func(c C) []any { return ids(c.TagIDs) }),
		},
		custom: func(c C) map[string]any { return c.Contact.CustomAttributes },
		customKinds: map[string]fieldKind{"plan": kindText, "seats": kindInt, "beta_tester": kindBool,
			"signup_source": kindText, "monthly_spend": kindFloat, "renewal_date": kindDay},
	}
}

func conversationCatalogue() catalogue[intercomsim.ConversationData] {
	type C = intercomsim.ConversationData
	text := func(path string, get func(c C) []any) filterField[C] {
		return filterField[C]{path: path, kind: kindText, values: get}
	}
	moment := func(path string, get func(c C) []any) filterField[C] {
		return filterField[C]{path: path, kind: kindMoment, values: get}
	}
	integer := func(path string, get func(c C) []any) filterField[C] {
		return filterField[C]{path: path, kind: kindInt, values: get}
	}
	flag := func(path string, get func(c C) bool) filterField[C] {
		return filterField[C]{path: path, kind: kindBool, values: func(c C) []any { return []any{get(c)} }}
	}
	ref := func(path, typ string, get func(c C) []any) filterField[C] {
		return filterField[C]{path: path, kind: kindRef, refType: typ, values: get}
	}
	stats := func(get func(s *upstream.ConversationStatistics) []any) func(c C) []any {
		return func(c C) []any {
			if c.Conversation.Statistics == nil {
				return nil
			}
			return get(c.Conversation.Statistics)
		}
	}
	rating := func(get func(r *upstream.ConversationRating) []any) func(c C) []any {
		return func(c C) []any {
			if c.Conversation.ConversationRating == nil {
				return nil
			}
			return get(c.Conversation.ConversationRating)
		}
	}
	agent := func(get func(a *intercomsim.AIAgent) []any) func(c C) []any {
		return func(c C) []any {
			if c.Extras.AIAgent == nil {
				return nil
			}
			return get(c.Extras.AIAgent)
		}
	}
	numID := func(n *int64) []any {
		if n == nil {
			return nil
		}
		return txt(strconv.FormatInt(*n, 10))
	}
	return catalogue[C]{fields: []filterField[C]{
		ref("id", "Conversation", func(c C) []any { return txt(c.Conversation.ID) }),
		moment("createdAt", func(c C) []any { return when(c.Conversation.CreatedAt) }),
		moment("updatedAt", func(c C) []any { return when(c.Conversation.UpdatedAt) }),
		{path: "source.type", kind: kindChoice, choices: []string{"CONVERSATION", "EMAIL", "FACEBOOK", "INSTAGRAM", "PHONE_CALL", "PHONE_SWITCH", "PUSH", "SMS", "TWITTER", "WHATSAPP"},
			values: func(c C) []any { return txt(strings.ToUpper(c.Conversation.Source.Type)) }},
		text("source.intercomId", func(c C) []any { return txt(c.Conversation.Source.ID) }),
		text("source.deliveredAs", func(c C) []any { return txt(c.Conversation.Source.DeliveredAs) }),
		text("source.subject", func(c C) []any { return txt(c.Conversation.Source.Subject) }),
		{path: "source.body", kind: kindText, words: true, values: func(c C) []any { return txt(c.Conversation.Source.Body) }},
		text("source.author.intercomId", func(c C) []any { return txt(c.Conversation.Source.Author.ID) }),
		text("source.author.type", func(c C) []any { return txt(c.Conversation.Source.Author.Type) }),
		text("source.author.name", func(c C) []any { return optTxt(c.Conversation.Source.Author.Name) }),
		text("source.author.email", func(c C) []any { return txt(c.Conversation.Source.Author.Email) }),
		text("source.url", func(c C) []any { return optTxt(c.Conversation.Source.URL) }),
		ref("contact", "Contact", func(c C) []any {
			var out []any
			for _, ref := range c.Conversation.Contacts.Contacts {
				out = append(out, txt(ref.ID)...)
			}
			return out
		}),
		ref("teammate", "Admin", func(c C) []any {
			var out []any
			if c.Conversation.Teammates != nil {
				for _, ref := range c.Conversation.Teammates.Teammates {
					out = append(out, optTxt(ref.ID)...)
				}
			}
			return out
		}),
		ref("adminAssignee", "Admin", func(c C) []any { return numID(c.Conversation.AdminAssigneeID) }),
		ref("teamAssignee", "Team", func(c C) []any { return numID(c.Conversation.TeamAssigneeID) }),
		text("channelInitiated", func(c C) []any { return txt(c.Extras.ChannelInitiated) }),
		flag("open", func(c C) bool { return c.Conversation.Open }),
		flag("read", func(c C) bool { return c.Conversation.Read }),
		{path: "state", kind: kindChoice, choices: []string{"OPEN", "CLOSED", "SNOOZED"},
			values: func(c C) []any { return txt(strings.ToUpper(c.Conversation.State)) }},
		moment("waitingSince", func(c C) []any { return optWhen(c.Conversation.WaitingSince) }),
		moment("snoozedUntil", func(c C) []any { return optWhen(c.Conversation.SnoozedUntil) }),
		ref("tag", "Tag", func(c C) []any {
			var out []any
			for _, t := range c.Conversation.Tags.Tags {
				out = append(out, txt(t.ID)...)
			}
			return out
		}),
		{path: "priority", kind: kindPriority, values: func(c C) []any { return []any{c.Conversation.Priority == "priority"} }},
		integer("statistics.timeToAssignment", stats(func(s *upstream.ConversationStatistics) []any { return optNum(s.TimeToAssignment) })),
		integer("statistics.timeToAdminReply", stats(func(s *upstream.ConversationStatistics) []any { return optNum(s.TimeToAdminReply) })),
		integer("statistics.timeToFirstClose", stats(func(s *upstream.ConversationStatistics) []any { return optNum(s.TimeToFirstClose) })),
		integer("statistics.timeToLastClose", stats(func(s *upstream.ConversationStatistics) []any { return optNum(s.TimeToLastClose) })),
		integer("statistics.medianTimeToReply", stats(func(s *upstream.ConversationStatistics) []any { return optNum(s.MedianTimeToReply) })),
		moment("statistics.firstContactReplyAt", stats(func(s *upstream.ConversationStatistics) []any { return optWhen(s.FirstContactReplyAt) })),
		moment("statistics.firstAssignmentAt", stats(func(s *upstream.ConversationStatistics) []any { return optWhen(s.FirstAssignmentAt) })),
		moment("statistics.firstAdminReplyAt", stats(func(s *upstream.ConversationStatistics) []any { return optWhen(s.FirstAdminReplyAt) })),
		moment("statistics.firstCloseAt", stats(func(s *upstream.ConversationStatistics) []any { return optWhen(s.FirstCloseAt) })),
		moment("statistics.lastAssignmentAt", stats(func(s *upstream.ConversationStatistics) []any { return optWhen(s.LastAssignmentAt) })),
		moment("statistics.lastAssignmentAdminReplyAt", stats(func(s *upstream.ConversationStatistics) []any { return optWhen(s.LastAssignmentAdminReplyAt) })),
		moment("statistics.lastContactReplyAt", stats(func(s *upstream.ConversationStatistics) []any { return optWhen(s.LastContactReplyAt) })),
		moment("statistics.lastAdminReplyAt", stats(func(s *upstream.ConversationStatistics) []any { return optWhen(s.LastAdminReplyAt) })),
		moment("statistics.lastCloseAt", stats(func(s *upstream.ConversationStatistics) []any { return optWhen(s.LastCloseAt) })),
		ref("statistics.lastClosedBy", "Admin", stats(func(s *upstream.ConversationStatistics) []any { return optTxt(s.LastClosedByID) })),
		integer("statistics.countReopens", stats(func(s *upstream.ConversationStatistics) []any { return num(s.CountReopens) })),
		integer("statistics.countAssignments", stats(func(s *upstream.ConversationStatistics) []any { return num(s.CountAssignments) })),
		integer("statistics.countConversationParts", stats(func(s *upstream.ConversationStatistics) []any { return num(s.CountConversationParts) })),
		moment("rating.requestedAt", func(c C) []any { return optWhen(c.Extras.RatingRequestedAt) }),
		moment("rating.repliedAt", rating(func(r *upstream.ConversationRating) []any { return when(r.CreatedAt) })),
		integer("rating.score", rating(func(r *upstream.ConversationRating) []any { return num(r.Rating) })),
		text("rating.remark", rating(func(r *upstream.ConversationRating) []any { return txt(r.Remark) })),
		ref("rating.contact", "Contact", rating(func(r *upstream.ConversationRating) []any { return txt(r.Contact.ID) })),
		ref("rating.teammate", "Admin", rating(func(r *upstream.ConversationRating) []any { return optTxt(r.Teammate.ID) })),
		flag("aiAgentParticipated", func(c C) bool { return c.Extras.AIAgentParticipated }),
		text("aiAgent.resolutionState", agent(func(a *intercomsim.AIAgent) []any { return txt(a.ResolutionState) })),
		text("aiAgent.lastAnswerType", agent(func(a *intercomsim.AIAgent) []any { return optTxt(a.LastAnswerType) })),
		integer("aiAgent.rating", agent(func(a *intercomsim.AIAgent) []any { return optNum(a.Rating) })),
		text("aiAgent.ratingRemark", agent(func(a *intercomsim.AIAgent) []any { return optTxt(a.RatingRemark) })),
		text("aiAgent.sourceType", agent(func(a *intercomsim.AIAgent) []any { return txt(a.SourceType) })),
		text("aiAgent.sourceTitle", agent(func(a *intercomsim.AIAgent) []any { return txt(a.SourceTitle) })),
	}}
}

// evaluator reads filters over one resource's records.
type evaluator[R any] struct {
	cat    catalogue[R]
	byPath map[string]filterField[R]
	loc    *time.Location
}

func newEvaluator[R any](cat catalogue[R], loc *time.Location) *evaluator[R] {
	ev := &evaluator[R]{cat: cat, byPath: map[string]filterField[R]{}, loc: loc}
	for _, f := range cat.fields {
		ev.byPath[f.path] = f
	}
	return ev
}

// matches says whether a record satisfies a filter input object; prefix is
// the object's path among nested inputs ("" at the top, "location." inside).
func (ev *evaluator[R]) matches(obj map[string]any, rec R, prefix string) bool {
	for key, v := range obj {
		ok := true
		switch {
		case prefix == "" && key == "and":
			for _, sub := range v.([]any) {
				ok = ok && ev.matches(sub.(map[string]any), rec, "")
			}
		case prefix == "" && key == "or":
			ok = false
			for _, sub := range v.([]any) {
				ok = ok || ev.matches(sub.(map[string]any), rec, "")
			}
		case prefix == "" && key == "not":
			ok = !ev.matches(v.(map[string]any), rec, "")
		case prefix == "" && key == ev.cat.listKey():
			for _, ca := range v.([]any) {
				ok = ok && ev.customMatches(ca.(map[string]any), rec)
			}
		default:
			f, leaf := ev.byPath[prefix+key]
			if !leaf {
				ok = ev.matches(v.(map[string]any), rec, prefix+key+".")
				break
			}
			values := f.values(rec)
			if f.words {
				values = wordsOf(values)
			}
			ok = ev.operators(f.kind, v.(map[string]any), values)
		}
		if !ok {
			return false
		}
	}
	return true
}

func (ev *evaluator[R]) customMatches(ca map[string]any, rec R) bool {
	name := refID(ca[ev.cat.nameKey()].(string))
	v, has := ev.cat.custom(rec)[name]
	var values []any
	if has && v != nil {
		values = []any{v}
	}
	for key, ops := range ca {
		kind := map[string]fieldKind{"string": kindText, "int": kindInt, "float": kindFloat, "boolean": kindBool, "date": kindDay, "dateTime": kindMoment}
		if k, ok := kind[key]; ok && !ev.operators(k, ops.(map[string]any), values) {
			return false
		}
	}
	return true
}

var markup = regexp.MustCompile(`<[^>]*>`)

func wordsOf(values []any) []any {
	var out []any
	for _, v := range values {
		for _, w := range strings.FieldsFunc(markup.ReplaceAllString(v.(string), " "), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
		}) {
			out = append(out, w)
		}
	}
	return out
}

// operators checks every operator of a typed filter on a field's values.
func (ev *evaluator[R]) operators(kind fieldKind, ops map[string]any, values []any) bool {
	cmp := func(v, x any) int { return ev.compare(kind, v, x) }
	anyValue := func(ok func(v any) bool) bool { return slices.ContainsFunc(values, ok) }
	equal := func(x any) bool { return anyValue(func(v any) bool { return cmp(v, x) == 0 }) }
	text := func(v any) string { return strings.ToLower(v.(string)) }
	for op, x := range ops {
		var ok bool
		switch op {
		case "eq":
			ok = equal(x)
		case "ne":
			ok = !equal(x)
		case "in":
			ok = slices.ContainsFunc(x.([]any), equal)
		case "nin":
			ok = !slices.ContainsFunc(x.([]any), equal)
		case "gt":
			ok = anyValue(func(v any) bool { return cmp(v, x) > 0 })
		case "gte":
			ok = anyValue(func(v any) bool { return cmp(v, x) >= 0 })
		case "lt":
			ok = anyValue(func(v any) bool { return cmp(v, x) < 0 })
		case "lte":
			ok = anyValue(func(v any) bool { return cmp(v, x) <= 0 })
		case "contains":
			ok = anyValue(func(v any) bool { return strings.Contains(text(v), text(x)) })
		case "notContains":
			ok = !anyValue(func(v any) bool { return strings.Contains(text(v), text(x)) })
		case "startsWith":
			ok = anyValue(func(v any) bool { return strings.HasPrefix(text(v), text(x)) })
		case "endsWith":
			ok = anyValue(func(v any) bool { return strings.HasSuffix(text(v), text(x)) })
		default:
			panic("unknown operator " + op)
		}
		if !ok {
			return false
		}
	}
	return true
}

// compare orders a record value v and a filter operand x of a kind.
func (ev *evaluator[R]) compare(kind fieldKind, v, x any) int {
	switch kind {
	case kindText, kindChoice:
		return strings.Compare(strings.ToLower(v.(string)), strings.ToLower(x.(string)))
	case kindRef:
		return strings.Compare(v.(string), refID(x.(string)))
	case kindBool, kindPriority:
		if v.(bool) == x.(bool) {
			return 0
		}
		return 1
	case kindInt, kindFloat:
		return cmpFloat(v.(float64), toFloat(x))
	case kindDay:
		day := time.Unix(int64(v.(float64)), 0).In(ev.loc).Format(time.DateOnly)
		return strings.Compare(day, x.(string))
	case kindMoment:
		t, err := time.Parse(time.RFC3339, x.(string))
		if err != nil {
			panic(err)
		}
		return cmpFloat(v.(float64), float64(t.Unix()))
	}
	panic(fmt.Sprintf("kind %d", kind))
}

func toFloat(x any) float64 {
	switch n := x.(type) {
	case float64:
		return n
	case int:
		return float64(n)
	case int64:
		return float64(n)
	}
	panic(fmt.Sprintf("not a number: %T", x))
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// refID is the Intercom id an IDFilter value names.
func refID(v string) string {
	if g, err := relay.ParseGlobalID(v); err == nil {
		return g.ID
	}
	return v
}

// generator makes random filter inputs over a resource, with values drawn
// from its records so that filters select some records and miss others.
type generator[R any] struct {
	rng     *rand.Rand
	cat     catalogue[R]
	records []R
	loc     *time.Location
}

// mustFail reports whether a filter holds startsWith or endsWith under an
// odd number of nots, which Intercom cannot express whatever the rewriting.
func mustFail(v any, negated bool) bool {
	switch t := v.(type) {
	case map[string]any:
		for key, sub := range t {
			if _, op := sub.(string); op && negated && (key == "startsWith" || key == "endsWith") {
				return true
			}
			if mustFail(sub, negated != (key == "not")) {
				return true
			}
		}
	case []any:
		for _, sub := range t {
			if mustFail(sub, negated) {
				return true
			}
		}
	}
	return false
}

// filter is a random filter object; depth bounds its nesting, and now and
// then a group is made wider than Intercom's 15 or nested deeper than 2.
func (g *generator[R]) filter(depth int) map[string]any {
	obj := map[string]any{}
	n := 1 + g.rng.IntN(2)
	if g.rng.IntN(4) == 0 {
		n = 3
	}
	for range n {
		switch r := g.rng.IntN(10); {
		case depth > 0 && r == 0:
			obj["and"] = g.list(depth - 1)
		case depth > 0 && r == 1:
			obj["or"] = g.list(depth - 1)
		case depth > 0 && r == 2:
			obj["not"] = g.filter(depth - 1)
		case r == 3 && g.cat.custom != nil:
			list, _ := obj[g.cat.listKey()].([]any)
			obj[g.cat.listKey()] = append(list, g.customAttribute())
		default:
			f := g.cat.fields[g.rng.IntN(len(g.cat.fields))]
			setPath(obj, f.path, g.operators(f.kind, f.values, f.refType, f.choices, f.words))
		}
	}
	return obj
}

func (g *generator[R]) list(depth int) []any {
	n := 1 + g.rng.IntN(3)
	if g.rng.IntN(12) == 0 {
		n = 14 + g.rng.IntN(10)
	}
	out := make([]any, n)
	for i := range out {
		out[i] = g.filter(depth)
	}
	return out
}

func setPath(obj map[string]any, path string, v map[string]any) {
	parts := strings.Split(path, ".")
	for _, p := range parts[:len(parts)-1] {
		next, ok := obj[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			obj[p] = next
		}
		obj = next
	}
	obj[parts[len(parts)-1]] = v
}

func (g *generator[R]) customAttribute() map[string]any {
	names := make([]string, 0, len(g.cat.customKinds))
	for name := range g.cat.customKinds {
		names = append(names, name)
	}
	slices.Sort(names)
	name := names[g.rng.IntN(len(names))]
	kind := g.cat.customKinds[name]
	values := func(rec R) []any {
		if v, ok := g.cat.custom(rec)[name]; ok && v != nil {
			return []any{v}
		}
		return nil
	}
	key := map[fieldKind]string{kindText: "string", kindInt: "int", kindFloat: "float", kindBool: "boolean", kindDay: "date", kindMoment: "dateTime"}[kind]
	ref := name
	if g.cat.customRef != "" && g.rng.IntN(2) == 0 {
		ref = relay.NodeID(g.cat.customRef, name)
	}
	return map[string]any{g.cat.nameKey(): ref, key: g.operators(kind, values, "", nil, false)}
}

// operators is a typed filter with one operator, now and then two.
func (g *generator[R]) operators(kind fieldKind, values func(R) []any, refType string, choices []string, words bool) map[string]any {
	ops := map[fieldKind][]string{
		kindText:     {"eq", "ne", "in", "nin", "contains", "notContains", "startsWith", "endsWith"},
		kindInt:      {"eq", "ne", "in", "nin", "gt", "gte", "lt", "lte"},
		kindFloat:    {"eq", "ne", "in", "nin", "gt", "gte", "lt", "lte"},
		kindBool:     {"eq", "ne"},
		kindPriority: {"eq", "ne"},
		kindDay:      {"eq", "ne", "gt", "gte", "lt", "lte"},
		kindMoment:   {"eq", "ne", "in", "nin", "gt", "gte", "lt", "lte"},
		kindRef:      {"eq", "ne", "in", "nin"},
		kindChoice:   {"eq", "ne", "in", "nin"},
	}[kind]
	out := map[string]any{}
	n := 1
	if g.rng.IntN(4) == 0 {
		n = 2
	}
	for range n {
		op := ops[g.rng.IntN(len(ops))]
		if op == "in" || op == "nin" {
			list := []any{}
			n := 1 + g.rng.IntN(3)
			if g.rng.IntN(10) == 0 {
				n = 0
			}
			for range n {
				list = append(list, g.value(kind, values, refType, choices, words, op))
			}
			out[op] = list
			continue
		}
		out[op] = g.value(kind, values, refType, choices, words, op)
	}
	return out
}

// value is an operand for a field: usually one of the values records hold
// (or a part of it, for text), sometimes one no record holds.
func (g *generator[R]) value(kind fieldKind, values func(R) []any, refType string, choices []string, words bool, op string) any {
	var sample any
	for range 20 {
		rec := g.records[g.rng.IntN(len(g.records))]
		vs := values(rec)
		if words {
			vs = wordsOf(vs)
		}
		if len(vs) > 0 {
			sample = vs[g.rng.IntN(len(vs))]
			break
		}
	}
	switch kind {
	case kindText:
		s, _ := sample.(string)
		if s == "" || g.rng.IntN(8) == 0 {
			return "zz-nothing"
		}
		if op == "contains" || op == "notContains" || op == "startsWith" || op == "endsWith" {
			cut := 1 + g.rng.IntN(min(4, len(s)))
			switch op {
			case "startsWith":
				s = s[:cut]
			case "endsWith":
				s = s[len(s)-cut:]
			default:
				start := g.rng.IntN(len(s) - cut + 1)
				s = s[start : start+cut]
			}
		}
		if g.rng.IntN(3) == 0 {
			s = strings.ToUpper(s)
		}
		return s
	case kindInt:
		n, _ := sample.(float64)
		return int(n) + g.rng.IntN(3) - 1
	case kindFloat:
		n, _ := sample.(float64)
		return n + float64(g.rng.IntN(3)-1)/2
	case kindBool, kindPriority:
		return g.rng.IntN(2) == 0
	case kindDay:
		n, ok := sample.(float64)
		if !ok {
			n = float64(time.Now().Unix())
		}
		return time.Unix(int64(n), 0).In(g.loc).AddDate(0, 0, g.rng.IntN(3)-1).Format(time.DateOnly)
	case kindMoment:
		n, ok := sample.(float64)
		if !ok {
			n = 1.7e9
		}
		return time.Unix(int64(n)+int64(g.rng.IntN(3)-1), 0).UTC().Format(time.RFC3339)
	case kindRef:
		id, _ := sample.(string)
		if id == "" {
			id = "424242"
		}
		if g.rng.IntN(3) == 0 {
			return id
		}
		return relay.NodeID(refType, id)
	case kindChoice:
		return choices[g.rng.IntN(len(choices))]
	}
	panic("no values for this kind")
}
