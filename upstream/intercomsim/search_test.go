package intercomsim_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"intercom-graphql/upstream/intercomsim"
)

// The simulator's search language is what the facade's filter compiler is
// tested against, so it must hold Intercom's documented rules: types,
// operators per type, limits, day-granular contact dates in the workspace's
// time zone, word matching in conversation bodies, and sorted cursor pages.

type searchFixture struct {
	sim  *intercomsim.Simulator
	base string
	loc  *time.Location
}

func newSearchFixture(t *testing.T, timezone string) *searchFixture {
	t.Helper()
	sim := intercomsim.New(intercomsim.Options{Seed: 11, Timezone: timezone,
		Sizes: intercomsim.Sizes{Admins: 5, Teams: 2, Tags: 10, Segments: 4, Companies: 10, Contacts: 137, Conversations: 143}})
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	loc, err := time.LoadLocation(timezone)
	if err != nil {
		t.Fatal(err)
	}
	return &searchFixture{sim: sim, base: srv.URL, loc: loc}
}

type searchAnswer struct {
	status int
	body   map[string]any
	raw    string
}

func (f *searchFixture) search(t *testing.T, path string, body any) searchAnswer {
	t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, f.base+path, bytes.NewReader(b))
	authorize(req, intercomsim.DemoToken)
	req.Header.Set("Content-Type", "application/json")
	status, _, raw := send(t, req)
	var out searchAnswer
	out.status, out.raw = status, string(raw)
	_ = json.Unmarshal(raw, &out.body)
	return out
}

// ids runs a search to its last page and returns the ids found, in order.
func (f *searchFixture) ids(t *testing.T, path, items string, query any, sort any, perPage int) []string {
	t.Helper()
	var ids []string
	var after any
	total := -1
	for page := 1; ; page++ {
		body := map[string]any{"query": query, "pagination": map[string]any{"per_page": perPage, "starting_after": after}}
		if sort != nil {
			body["sort"] = sort
		}
		ans := f.search(t, path, body)
		if ans.status != http.StatusOK {
			t.Fatalf("page %d: %d %s", page, ans.status, ans.raw)
		}
		list, _ := ans.body[items].([]any)
		for _, it := range list {
			ids = append(ids, dig(it, "id").(string))
		}
		if total < 0 {
			total = jsonInt(ans.body["total_count"])
		}
		if got := jsonInt(dig(ans.body, "pages", "page")); got != page {
			t.Fatalf("page %d says it is page %d", page, got)
		}
		next, _ := dig(ans.body, "pages", "next").(map[string]any)
		if next == nil {
			if len(ids) != total {
				t.Fatalf("the walk found %d, total_count says %d", len(ids), total)
			}
			return ids
		}
		if len(list) != perPage {
			t.Fatalf("page %d holds %d at per_page %d but has a next page", page, len(list), perPage)
		}
		after = next["starting_after"]
	}
}

func filterQ(field, op string, value any) map[string]any {
	return map[string]any{"field": field, "operator": op, "value": value}
}

func groupQ(op string, kids ...any) map[string]any {
	return map[string]any{"operator": op, "value": kids}
}

func assertSameSet(t *testing.T, what string, got, want []string) {
	t.Helper()
	g, w := slices.Clone(got), slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	if !slices.Equal(g, w) {
		t.Errorf("%s: found %d records, want %d\n got %v\nwant %v", what, len(g), len(w), g, w)
	}
	if len(want) == 0 {
		t.Errorf("%s: the case selects nothing, so it proves little; pick another value", what)
	}
}

func TestSearchRefusesQueriesIntercomRefuses(t *testing.T) {
	f := newSearchFixture(t, "UTC")
	deep := groupQ("AND", filterQ("role", "=", "user"), groupQ("OR", filterQ("role", "=", "lead"), groupQ("AND", filterQ("email", "~", "a"))))
	wide := make([]any, 16)
	for i := range wide {
		wide[i] = filterQ("email", "=", fmt.Sprintf("%d@example.com", i))
	}
	for _, c := range []struct {
		name   string
		path   string
		body   map[string]any
		status int
		says   string
	}{
		{"an unknown field", "/contacts/search", map[string]any{"query": filterQ("shoe_size", "=", "42")}, 422, "not a searchable field"},
		{"an unknown custom attribute", "/contacts/search", map[string]any{"query": filterQ("custom_attributes.shoe_size", "=", "42")}, 422, "not a searchable field"},
		{"!= on a contact date", "/contacts/search", map[string]any{"query": filterQ("created_at", "!=", 1700000000)}, 422, "not valid"},
		{">= on a contact date", "/contacts/search", map[string]any{"query": filterQ("last_seen_at", ">=", 1700000000)}, 422, "not valid"},
		{"IN on tag_id", "/contacts/search", map[string]any{"query": filterQ("tag_id", "IN", []string{"1"})}, 422, "not valid"},
		{"> on a string", "/contacts/search", map[string]any{"query": filterQ("email", ">", "a")}, 422, "not valid"},
		{">= on a conversation integer", "/conversations/search", map[string]any{"query": filterQ("statistics.count_reopens", ">=", 1)}, 422, "not valid"},
		{"~ on a boolean", "/conversations/search", map[string]any{"query": filterQ("open", "~", true)}, 422, "not valid"},
		{"a word for a date", "/contacts/search", map[string]any{"query": filterQ("created_at", "=", "foobar")}, 422, "not a valid date"},
		{"a string for a boolean", "/conversations/search", map[string]any{"query": filterQ("read", "=", "yes")}, 422, "not a valid boolean"},
		{"a number for a string", "/contacts/search", map[string]any{"query": filterQ("email", "=", 7)}, 422, "not a valid string"},
		{"a number with a fraction", "/contacts/search", map[string]any{"query": filterQ("custom_attributes.monthly_spend", ">", 10.5)}, 400, "must be a string"},
		{"a list of booleans", "/conversations/search", map[string]any{"query": filterQ("open", "IN", []bool{true})}, 400, "must be a string"},
		{"a list for =", "/contacts/search", map[string]any{"query": filterQ("email", "=", []string{"a"})}, 422, "single value"},
		{"a scalar for IN", "/contacts/search", map[string]any{"query": filterQ("email", "IN", "a")}, 422, "list"},
		{"three levels of groups", "/contacts/search", map[string]any{"query": deep}, 422, "max 2 nested"},
		{"16 filters in a group", "/conversations/search", map[string]any{"query": groupQ("OR", wide...)}, 422, "max 15 filters"},
		{"no query", "/contacts/search", map[string]any{"pagination": map[string]any{"per_page": 5}}, 400, "query is required"},
		{"per_page 151", "/contacts/search", map[string]any{"query": filterQ("role", "=", "user"), "pagination": map[string]any{"per_page": 151}}, 400, "per_page"},
		{"a forged starting_after", "/conversations/search", map[string]any{"query": filterQ("open", "=", true), "pagination": map[string]any{"starting_after": "WW91IHNoYWxsIG5vdCBwYXNz"}}, 400, "starting_after"},
		{"sort by an unknown field", "/contacts/search", map[string]any{"query": filterQ("role", "=", "user"), "sort": map[string]any{"field": "shoe_size", "order": "ascending"}}, 400, "sorted"},
		{"sort in no order", "/contacts/search", map[string]any{"query": filterQ("role", "=", "user"), "sort": map[string]any{"field": "email", "order": "sideways"}}, 400, "ascending or descending"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ans := f.search(t, c.path, c.body)
			if ans.status != c.status || !strings.Contains(ans.raw, c.says) || !strings.Contains(ans.raw, `"code":"parameter_invalid"`) {
				t.Errorf("got %d %s, want %d parameter_invalid saying %q", ans.status, ans.raw, c.status, c.says)
			}
		})
	}
	if ans := f.search(t, "/contacts/search", map[string]any{"query": filterQ("created_at", ">", "1306054154")}); ans.status != http.StatusOK {
		t.Errorf("a numeric string for a date, as in the spec's example, was refused: %d %s", ans.status, ans.raw)
	}
}

// Contact dates are matched by calendar day in the workspace's time zone:
// = is the whole day, > starts the next day, < ends before the day.
func TestContactDatesMatchByCalendarDayInTheWorkspaceZone(t *testing.T) {
	for _, tz := range []string{"UTC", "Pacific/Auckland", "America/Los_Angeles"} {
		t.Run(tz, func(t *testing.T) {
			f := newSearchFixture(t, tz)
			contacts := f.sim.Workspace(intercomsim.DemoToken).Contacts()
			day := func(unix int64) string { return time.Unix(unix, 0).In(f.loc).Format(time.DateOnly) }
			// The operand is late in a day of the zone: only its day counts.
			pivot := int64(contacts[len(contacts)/2].Contact.CreatedAt)
			y, m, d := time.Unix(pivot, 0).In(f.loc).Date()
			operand := time.Date(y, m, d, 23, 30, 0, 0, f.loc).Unix()
			for _, op := range []string{"=", ">", "<"} {
				var want []string
				for _, c := range contacts {
					cd, od := day(int64(c.Contact.CreatedAt)), day(operand)
					if (op == "=" && cd == od) || (op == ">" && cd > od) || (op == "<" && cd < od) {
						want = append(want, c.Contact.ID)
					}
				}
				got := f.ids(t, "/contacts/search", "data", filterQ("created_at", op, operand), nil, 150)
				assertSameSet(t, "created_at "+op+" "+day(operand), got, want)
			}
		})
	}
}

func TestConversationBodiesMatchWordByWord(t *testing.T) {
	f := newSearchFixture(t, "UTC")
	convs := f.sim.Workspace(intercomsim.DemoToken).Conversations()
	words := func(body string) []string {
		return regexp.MustCompile(`[A-Za-z0-9]+`).FindAllString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(body, " "), -1)
	}
	first := words(convs[0].Conversation.Source.Body)
	word, pair := strings.ToUpper(first[1]), first[1]+" "+first[2]
	var want []string
	for _, c := range convs {
		if slices.ContainsFunc(words(c.Conversation.Source.Body), func(w string) bool { return strings.EqualFold(w, word) }) {
			want = append(want, c.Conversation.ID)
		}
	}
	assertSameSet(t, "source.body = "+word, f.ids(t, "/conversations/search", "conversations", filterQ("source.body", "=", word), nil, 150), want)
	if got := f.ids(t, "/conversations/search", "conversations", filterQ("source.body", "=", pair), nil, 150); len(got) != 0 {
		t.Errorf("source.body = %q matched %d conversations; two words never equal one word", pair, len(got))
	}
	if got := f.ids(t, "/conversations/search", "conversations", filterQ("source.body", "~", "<p>"), nil, 150); len(got) != 0 {
		t.Errorf("source.body ~ <p> matched %d conversations: markup is not words", len(got))
	}
}

func TestSearchOperatorsCustomAttributesAndInclusiveBounds(t *testing.T) {
	f := newSearchFixture(t, "UTC")
	ws := f.sim.Workspace(intercomsim.DemoToken)
	contacts, convs := ws.Contacts(), ws.Conversations()
	pick := func(keep func(c intercomsim.ContactData) bool) []string {
		var out []string
		for _, c := range contacts {
			if keep(c) {
				out = append(out, c.Contact.ID)
			}
		}
		return out
	}
	num := func(c intercomsim.ContactData, name string) (float64, bool) {
		v, ok := c.Contact.CustomAttributes[name].(float64)
		return v, ok
	}
	domain := contacts[3].Contact.EmailDomain
	cases := []struct {
		name  string
		query any
		want  []string
	}{
		{"email_domain IN, any case", filterQ("email_domain", "IN", []string{strings.ToUpper(domain), "nowhere.example"}),
			pick(func(c intercomsim.ContactData) bool { return c.Contact.EmailDomain == domain })},
		{"email NIN", filterQ("email", "NIN", []string{contacts[0].Contact.Email}),
			pick(func(c intercomsim.ContactData) bool { return c.Contact.Email != contacts[0].Contact.Email })},
		{"name starts with, ends with", groupQ("AND", filterQ("name", "^", "a"), filterQ("name", "$", "N")),
			pick(func(c intercomsim.ContactData) bool {
				n := strings.ToLower(*c.Contact.Name)
				return strings.HasPrefix(n, "a") && strings.HasSuffix(n, "n")
			})},
		{"phone does not contain", filterQ("phone", "!~", "555"),
			pick(func(c intercomsim.ContactData) bool {
				return c.Contact.Phone == nil || !strings.Contains(*c.Contact.Phone, "555")
			})},
		{"no phone", filterQ("phone", "=", nil),
			pick(func(c intercomsim.ContactData) bool { return c.Contact.Phone == nil })},
		{"custom integer", filterQ("custom_attributes.seats", ">=", 150),
			pick(func(c intercomsim.ContactData) bool { n, _ := num(c, "seats"); return n >= 150 })},
		{"custom float, as a decimal string", filterQ("custom_attributes.monthly_spend", "<", "100.5"),
			pick(func(c intercomsim.ContactData) bool { n, ok := num(c, "monthly_spend"); return ok && n < 100.5 })},
		{"custom boolean", filterQ("custom_attributes.beta_tester", "=", true),
			pick(func(c intercomsim.ContactData) bool { return c.Contact.CustomAttributes["beta_tester"] == true })},
		{"custom date without a value", filterQ("custom_attributes.renewal_date", "=", nil),
			pick(func(c intercomsim.ContactData) bool { return c.Contact.CustomAttributes["renewal_date"] == nil })},
		{"tag_id != ", filterQ("tag_id", "!=", contacts[1].TagIDs[0]),
			pick(func(c intercomsim.ContactData) bool { return !slices.Contains(c.TagIDs, contacts[1].TagIDs[0]) })},
		{"segment_id", filterQ("segment_id", "=", firstSegment(contacts)),
			pick(func(c intercomsim.ContactData) bool { return slices.Contains(c.SegmentIDs, firstSegment(contacts)) })},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assertSameSet(t, c.name, f.ids(t, "/contacts/search", "data", c.query, nil, 150), c.want)
		})
	}
	// The conversation search documents > as "greater (or equal)".
	parts := 4
	var want []string
	for _, c := range convs {
		if c.Conversation.Statistics.CountConversationParts >= parts {
			want = append(want, c.Conversation.ID)
		}
	}
	assertSameSet(t, "count_conversation_parts > 4, bound included", f.ids(t, "/conversations/search", "conversations",
		filterQ("statistics.count_conversation_parts", ">", parts), nil, 150), want)
	want = want[:0]
	for _, c := range convs {
		if c.Extras.AIAgent != nil && c.Extras.AIAgent.Rating != nil && *c.Extras.AIAgent.Rating <= 2 {
			want = append(want, c.Conversation.ID)
		}
	}
	assertSameSet(t, "ai_agent.rating < 2, bound included", f.ids(t, "/conversations/search", "conversations",
		filterQ("ai_agent.rating", "<", 2), nil, 150), want)
}

func firstSegment(contacts []intercomsim.ContactData) string {
	for _, c := range contacts {
		if len(c.SegmentIDs) > 0 {
			return c.SegmentIDs[0]
		}
	}
	return ""
}

func TestSearchPagesThroughSortedMatchesOnce(t *testing.T) {
	f := newSearchFixture(t, "UTC")
	contacts := f.sim.Workspace(intercomsim.DemoToken).Contacts()
	everyone := filterQ("role", "IN", []string{"user", "lead"})
	for _, perPage := range []int{1, 7, 50, 150} {
		ids := f.ids(t, "/contacts/search", "data", everyone, nil, perPage)
		var want []string
		for i := len(contacts) - 1; i >= 0; i-- {
			want = append(want, contacts[i].Contact.ID)
		}
		if !slices.Equal(ids, want) {
			t.Errorf("per_page %d: unsorted search is not newest first, each once", perPage)
		}
	}
	seen := map[string]int64{}
	for _, c := range contacts {
		if c.Contact.LastSeenAt != nil {
			seen[c.Contact.ID] = int64(*c.Contact.LastSeenAt)
		}
	}
	for _, order := range []string{"ascending", "descending"} {
		ids := f.ids(t, "/contacts/search", "data", everyone, map[string]any{"field": "last_seen_at", "order": order}, 9)
		if len(ids) != len(contacts) {
			t.Fatalf("%s: %d contacts, want %d", order, len(ids), len(contacts))
		}
		nulls := false
		for i, id := range ids {
			v, ok := seen[id]
			if !ok {
				nulls = true
				continue
			}
			if nulls {
				t.Fatalf("%s: a contact with last_seen_at follows one without: nulls sort last", order)
			}
			if i > 0 {
				if prev, ok := seen[ids[i-1]]; ok && ((order == "ascending" && prev > v) || (order == "descending" && prev < v)) {
					t.Fatalf("%s: out of order at %d", order, i)
				}
			}
		}
		if !nulls {
			t.Fatalf("no contact without last_seen_at: the case proves nothing about nulls")
		}
	}
}
