package intercomsim_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

func newTicketFixture(t *testing.T) *searchFixture {
	t.Helper()
	sim := intercomsim.New(intercomsim.Options{Seed: 13,
		Sizes: intercomsim.Sizes{Admins: 5, Teams: 2, Tags: 4, Segments: 2, Companies: 5, Contacts: 40, Conversations: 60, Tickets: 97}})
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	return &searchFixture{sim: sim, base: srv.URL, loc: time.UTC}
}

func TestTicketSearchPagesEveryTicketAtItsDefaultSize(t *testing.T) {
	f := newTicketFixture(t)
	ws := f.sim.Workspace(intercomsim.DemoToken)
	all := filterQ("created_at", ">", 0)
	first := f.search(t, "/tickets/search", map[string]any{"query": all})
	if got := len(first.body["tickets"].([]any)); first.status != http.StatusOK || got != 20 {
		t.Fatalf("a search without pagination answered %d with %d tickets, want Intercom's default of 20", first.status, got)
	}
	if tk := dig(first.body, "tickets").([]any)[0]; dig(tk, "ticket_type", "id") == nil || dig(tk, "ticket_parts", "ticket_parts") == nil {
		t.Errorf("searched tickets come without their type or parts: %v", tk)
	}
	assertSameSet(t, "every ticket", f.ids(t, "/tickets/search", "tickets", all, nil, 13), ws.TicketIDs())
	if ans := f.search(t, "/tickets/search", map[string]any{"query": all, "pagination": map[string]any{"per_page": 151}}); ans.status != http.StatusBadRequest {
		t.Errorf("per_page 151: %d %s", ans.status, ans.raw)
	}
}

func TestTicketSearchFieldsFollowTheTicket(t *testing.T) {
	f := newTicketFixture(t)
	ws := f.sim.Workspace(intercomsim.DemoToken)
	tickets := ws.Tickets()
	types := ws.TicketTypes()
	var severity, amount upstream.TicketTypeAttribute
	for _, tt := range types {
		for _, a := range tt.TicketTypeAttributes.Data {
			switch a.Name {
			case "Severity":
				severity = *a
			case "Invoice amount":
				amount = *a
			}
		}
	}
	// Every type has its own title attribute; the first type's matches only its tickets.
	firstTitle := types[0].TicketTypeAttributes.Data[0]
	where := func(keep func(intercomsim.TicketData) bool) []string {
		var out []string
		for _, tk := range tickets {
			if keep(tk) {
				out = append(out, tk.Ticket.ID)
			}
		}
		if len(out) == 0 || len(out) == len(tickets) {
			t.Fatalf("a case selects %d of %d tickets; it should select some", len(out), len(tickets))
		}
		return out
	}
	cases := []struct {
		name  string
		query any
		want  []string
	}{
		{"a title word", filterQ("title", "~", "export"), where(func(tk intercomsim.TicketData) bool {
			s, _ := tk.Ticket.TicketAttributes[upstream.TicketTitleAttribute].(string)
			return strings.Contains(strings.ToLower(s), "export")
		})},
		{"unassigned tickets have no admin assignee", filterQ("admin_assignee_id", "=", nil), where(func(tk intercomsim.TicketData) bool {
			return tk.Ticket.AdminAssigneeID == "0"
		})},
		{"an attribute only on tickets of its type", filterQ("ticket_attribute."+firstTitle.ID, "!=", nil),
			where(func(tk intercomsim.TicketData) bool { return tk.Ticket.TicketType.ID == types[0].ID })},
		{"a list attribute by its option", filterQ("ticket_attribute."+severity.ID, "IN", []any{"High", "Critical"}),
			where(func(tk intercomsim.TicketData) bool {
				v, _ := tk.Ticket.TicketAttributes["Severity"].(string)
				return v == "High" || v == "Critical"
			})},
		{"a decimal attribute above a bound, inclusive as documented", filterQ("ticket_attribute."+amount.ID, ">", "120.5"),
			where(func(tk intercomsim.TicketData) bool {
				v, ok := tk.Ticket.TicketAttributes["Invoice amount"].(float64)
				return ok && v >= 120.5
			})},
		{"a teammate who wrote a part", filterQ("teammate_ids", "=", tickets[0].TeammateIDs[0]), where(func(tk intercomsim.TicketData) bool {
			return slices.Contains(tk.TeammateIDs, tickets[0].TeammateIDs[0])
		})},
		{"created_at takes >=", filterQ("created_at", ">=", int64(tickets[5].Ticket.CreatedAt)), where(func(tk intercomsim.TicketData) bool {
			return tk.Ticket.CreatedAt >= tickets[5].Ticket.CreatedAt
		})},
	}
	for _, c := range cases {
		assertSameSet(t, c.name, f.ids(t, "/tickets/search", "tickets", c.query, nil, 50), c.want)
	}
	if ans := f.search(t, "/tickets/search", map[string]any{"query": filterQ("updated_at", ">=", 0)}); ans.status != http.StatusUnprocessableEntity {
		t.Errorf("updated_at >= is not in the description, yet it was answered %d", ans.status)
	}
}

func TestTicketsAndTheirLinksAreConsistent(t *testing.T) {
	f := newTicketFixture(t)
	ws := f.sim.Workspace(intercomsim.DemoToken)
	tickets := map[string]upstream.Ticket{}
	for _, tk := range ws.Tickets() {
		tickets[tk.Ticket.ID] = tk.Ticket
	}
	conversations := map[string]upstream.Conversation{}
	for _, c := range ws.Conversations() {
		conversations[c.Conversation.ID] = c.Conversation
	}
	linksOf := func(typ, id string) upstream.LinkedObjectList {
		if typ == "ticket" {
			return tickets[id].LinkedObjects
		}
		return conversations[id].LinkedObjects
	}
	var objects [][2]string
	for id := range tickets {
		objects = append(objects, [2]string{"ticket", id})
	}
	for id := range conversations {
		objects = append(objects, [2]string{"conversation", id})
	}
	links := 0
	for _, obj := range objects {
		from, id := obj[0], obj[1]
		list := linksOf(from, id)
		if list.TotalCount != len(list.Data) || list.HasMore {
			t.Errorf("%s %s: total_count %d for %d links", from, id, list.TotalCount, len(list.Data))
		}
		for _, o := range list.Data {
			links++
			back := linksOf(o.Type, o.ID)
			if !slices.ContainsFunc(back.Data, func(b upstream.LinkedObject) bool { return b.Type == from && b.ID == id }) {
				t.Errorf("%s %s links to %s %s, which does not link back", from, id, o.Type, o.ID)
			}
			if o.Type == "ticket" && (o.Category == nil || *o.Category != tickets[o.ID].Category) {
				t.Errorf("%s %s links to ticket %s with category %v, the ticket's is %s", from, id, o.ID, o.Category, tickets[o.ID].Category)
			}
		}
	}
	if links == 0 {
		t.Fatal("no links were seeded")
	}
	// Each ticket's history is in order of time and ends in the ticket's state.
	for id, tk := range tickets {
		parts := tk.TicketParts.TicketParts
		if tk.TicketParts.TotalCount != len(parts) || len(parts) == 0 || !slices.IsSortedFunc(parts, func(a, b *upstream.TicketPart) int { return int(a.CreatedAt - b.CreatedAt) }) {
			t.Errorf("ticket %s: parts out of order or miscounted", id)
		}
		if last := parts[len(parts)-1]; last.TicketState != tk.TicketState || tk.UpdatedAt != last.UpdatedAt {
			t.Errorf("ticket %s is %s, updated %d; its last part says %s at %d", id, tk.TicketState, tk.UpdatedAt, last.TicketState, last.UpdatedAt)
		}
	}
	req, _ := http.NewRequest(http.MethodGet, f.base+"/tickets/1", nil)
	authorize(req, intercomsim.DemoToken)
	if status, _, body := send(t, req); status != http.StatusNotFound || !strings.Contains(string(body), "not_found") {
		t.Errorf("an unknown ticket: %d %s", status, body)
	}
}
