package intercomsim

import (
	"net/http"

	"intercom-graphql/upstream"
)

type ticketRecord struct {
	seq    int64
	ticket upstream.Ticket // TicketType left nil: rendered from the workspace's current type
	typeID string
	// teammateIDs are the admins who wrote a part, searchable as
	// teammate_ids though the ticket model does not carry them.
	teammateIDs []string
	// tags are the tags applied through the API, with when and by whom;
	// the ticket model of 2.10 does not render them.
	tags []*upstream.Tag
}

func (r *ticketRecord) sequence() int64 { return r.seq }

func listTicketTypes(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	writeJSON(w, http.StatusOK, upstream.TicketTypeList{Type: "list", Data: ws.ticketTypes})
}

func getTicketType(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	tt, ok := ws.ticketTypeByID[r.PathValue("id")]
	if !ok {
		notFound(w, r, "Ticket Type")
		return
	}
	writeJSON(w, http.StatusOK, tt)
}

func getTicket(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	rec, ok := ws.ticketByID[r.PathValue("id")]
	if !ok {
		notFound(w, r, "Ticket")
		return
	}
	writeJSON(w, http.StatusOK, ws.renderTicket(rec))
}

func searchTickets(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	serveSearch(w, r, ws, ws.ticketSearch(), ws.tickets, func(p searchPage[*ticketRecord]) {
		out := make([]*upstream.Ticket, len(p.items))
		for i, rec := range p.items {
			out[i] = ws.renderTicket(rec)
		}
		writeJSON(w, http.StatusOK, upstream.TicketList{Type: "ticket.list", Tickets: out, TotalCount: p.total, Pages: p.pages})
	})
}

// renderTicket shows a ticket with its type as the type stands now.
func (ws *Workspace) renderTicket(rec *ticketRecord) *upstream.Ticket {
	t := rec.ticket
	t.TicketType = ws.ticketTypeByID[rec.typeID]
	return &t
}

// TicketData is a ticket with the teammates search reaches through it, as
// tests need it to work out what a search must find.
type TicketData struct {
	Ticket      upstream.Ticket
	TeammateIDs []string
}

// Tickets returns a copy of every ticket, in creation order.
func (ws *Workspace) Tickets() []TicketData {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	out := make([]TicketData, len(ws.tickets))
	for i, rec := range ws.tickets {
		out[i] = deepCopy(TicketData{Ticket: *ws.renderTicket(rec), TeammateIDs: rec.teammateIDs})
	}
	return out
}

// TicketIDs lists the ids of every ticket, oldest first.
func (ws *Workspace) TicketIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	ids := make([]string, len(ws.tickets))
	for i, rec := range ws.tickets {
		ids[i] = rec.ticket.ID
	}
	return ids
}

// TicketTypes returns a copy of every ticket type, oldest first.
func (ws *Workspace) TicketTypes() []upstream.TicketType {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	out := make([]upstream.TicketType, len(ws.ticketTypes))
	for i, tt := range ws.ticketTypes {
		out[i] = deepCopy(*tt)
	}
	return out
}

// TicketTypeIDs lists the ids of every ticket type, oldest first.
func (ws *Workspace) TicketTypeIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	ids := make([]string, len(ws.ticketTypes))
	for i, tt := range ws.ticketTypes {
		ids[i] = tt.ID
	}
	return ids
}
