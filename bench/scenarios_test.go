// Package bench measures the facade on dashboard queries against the
// simulator: upstream calls per query, round trips on the critical path,
// latency percentiles and throughput, each against a baseline without
// loaders or cache measured in the same run.
package bench

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"intercom-graphql/graph/relay"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// scenario is one dashboard query, with how to pick its variables from the
// workspace and how to work out, from its answer, the fewest upstream calls
// that could have produced it (the derivation sits next to the query).
type scenario struct {
	name      string
	file      string
	variables func(ws *intercomsim.Workspace) map[string]any
	// minimum returns the hand-derived fewest calls for this answer on a cold
	// cache, and how many of them read reference data (which a warm cache keeps).
	minimum func(data map[string]any) (cold, reference int)
}

var scenarios = []scenario{
	{
		name: "inbox", file: "inbox.graphql",
		variables: func(ws *intercomsim.Workspace) map[string]any {
			return map[string]any{"team": relay.NodeID("Team", busiestTeam(ws))}
		},
		minimum: func(data map[string]any) (int, int) {
			contacts, companies := map[string]bool{}, map[string]bool{}
			for _, conv := range list(data, "conversations", "nodes") {
				for _, c := range list(conv, "contacts", "nodes") {
					contacts[facadetest.Str(facadetest.Dig(c, "intercomId"))] = true
					for _, co := range list(c, "companies", "nodes") {
						companies[facadetest.Str(facadetest.Dig(co, "intercomId"))] = true
					}
				}
			}
			return 1 + ceilDiv(len(contacts), 150) + len(companies) + 2, 2
		},
	},
	{
		name: "contact360", file: "contact360.graphql",
		variables: func(ws *intercomsim.Workspace) map[string]any {
			return map[string]any{"id": relay.NodeID("Contact", bestKnownContact(ws))}
		},
		minimum: func(data map[string]any) (int, int) {
			contact := facadetest.Dig(data, "contact")
			cold := 1 + 1 + len(list(contact, "companies", "nodes")) + 1 // contact, search, companies, segments
			if len(list(contact, "notes", "nodes")) > 0 {
				cold++
			}
			// The tag, admin and team lists the query selects load at its start, used or not.
			return cold + 3, 3
		},
	},
	{
		name: "companyRoster", file: "company_roster.graphql",
		minimum: func(data map[string]any) (int, int) {
			companies := list(data, "companies", "nodes")
			crowded := 0
			for _, co := range companies {
				for _, c := range list(co, "contacts", "nodes") {
					if n := int(num(facadetest.Dig(c, "tags", "totalCount"))); n > 10 {
						crowded++
					}
				}
			}
			return 1 + len(companies) + crowded + 1, 1 // and the tag list, read at the start
		},
	},
	{
		name: "ticketBoard", file: "ticket_board.graphql",
		minimum: func(data map[string]any) (int, int) {
			contacts := map[string]bool{}
			for _, tk := range list(data, "tickets", "nodes") {
				for _, c := range list(tk, "contacts", "nodes") {
					contacts[facadetest.Str(facadetest.Dig(c, "intercomId"))] = true
				}
			}
			return 1 + ceilDiv(len(contacts), 150) + 2, 2 // and the admin and team lists, read at the start
		},
	},
	{
		name: "teamLoad", file: "team_load.graphql",
		minimum: func(map[string]any) (int, int) { return 2, 2 },
	},
}

func (s scenario) query(t testing.TB) string {
	b, err := os.ReadFile(filepath.Join("queries", s.file))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// criticalPathComment is how each query's comment states its critical path.
var criticalPathComment = regexp.MustCompile(`(?m)^# Critical path: .*: (\d+) rounds?\.$`)

// rounds is the upstream round trips on the query's critical path, as its
// comment states them: the comment is the claim the bench checks.
func (s scenario) rounds(t testing.TB) int {
	m := criticalPathComment.FindStringSubmatch(s.query(t))
	if m == nil {
		t.Fatalf("%s: its comment must state its critical path as `# Critical path: ...: N rounds.`", s.file)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// busiestTeam is the team with the most open conversations: the inbox worth watching.
func busiestTeam(ws *intercomsim.Workspace) string {
	open := map[int64]int{}
	for _, c := range ws.Conversations() {
		if c.Conversation.State == "open" && c.Conversation.TeamAssigneeID != nil {
			open[*c.Conversation.TeamAssigneeID]++
		}
	}
	best, most := int64(0), -1
	for team, n := range open {
		if n > most || (n == most && team < best) {
			best, most = team, n
		}
	}
	return itoa(best)
}

// bestKnownContact is the contact with the most conversations, and among
// those the first with companies, tags and notes: the 360 view with most to show.
func bestKnownContact(ws *intercomsim.Workspace) string {
	conversations := map[string]int{}
	for _, c := range ws.Conversations() {
		for _, ref := range c.Conversation.Contacts.Contacts {
			conversations[ref.ID]++
		}
	}
	best, score := "", -1
	for _, c := range ws.Contacts() {
		s := conversations[c.Contact.ID] * 10
		if len(c.CompanyIDs) > 0 && len(c.CompanyIDs) <= 10 && len(c.TagIDs) > 0 && len(c.TagIDs) <= 10 && c.Contact.Notes != nil && c.Contact.Notes.TotalCount > 0 {
			s += 5
		}
		if s > score {
			best, score = c.Contact.ID, s
		}
	}
	return best
}

func ceilDiv(n, d int) int { return int(math.Ceil(float64(n) / float64(d))) }

// The defaults are the product: every dashboard query runs under the
// server's default limits (cost, depth, aliases, fields), as the
// measurements run them.
func TestScenariosRunUnderTheDefaultLimits(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Seed: 1, Sizes: intercomsim.DemoSizes(), Budget: 1 << 30}})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	for _, sc := range scenarios {
		query, err := os.ReadFile(filepath.Join("queries", sc.file))
		if err != nil {
			t.Fatal(err)
		}
		var vars map[string]any
		if sc.variables != nil {
			vars = sc.variables(ws)
		}
		if resp := f.Query(string(query), vars); len(resp.Errors) > 0 {
			t.Errorf("%s under the default limits: %s", sc.name, resp.Raw)
		}
	}
}
