package intercomsim

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"intercom-graphql/upstream"
)

// attributeSeed is one attribute a seeded ticket type captures.
type attributeSeed struct {
	name, description, dataType string
	options                     []string // the labels of a list attribute
	multiline                   bool
	required                    bool // for teammates creating a ticket
	requiredForContacts         bool
	hiddenFromContacts          bool
	archived                    bool
	values                      []string // sample text values of a string attribute
}

// ticketTypeSeeds are the seeded workspace's ticket types, one of each
// category and attributes of every data type Intercom offers.
var ticketTypeSeeds = []struct {
	name, description, icon, category string
	titles                            []string
	attributes                        []attributeSeed
}{
	{
		name: "Bug report", description: "Something in the product does not work as it should", icon: "🐞", category: "Customer",
		titles: []string{"Export to CSV fails", "Login loop on Safari", "Webhook fires twice", "Dashboard shows wrong totals",
			"Mobile app crashes on launch", "Search returns nothing", "Invite email never arrives", "Chart legend overlaps"},
		attributes: []attributeSeed{
			{name: "Severity", description: "How badly the bug hurts the customer", dataType: "list", options: []string{"Low", "Medium", "High", "Critical"}, required: true},
			{name: "Affected users", description: "How many of the customer's users see it", dataType: "integer"},
			{name: "Browser", description: "Where the customer sees it", dataType: "string", values: []string{"Chrome 124", "Firefox 126", "Safari 17", "Edge 124", "iOS app", "Android app"}},
			{name: "Reproducible", description: "Whether the team could make it happen again", dataType: "boolean", hiddenFromContacts: true},
			{name: "Screenshots", description: "What the customer saw", dataType: "files", requiredForContacts: true},
			{name: "Product area", description: "Replaced by the engineering team's own labels", dataType: "string", archived: true, hiddenFromContacts: true,
				values: []string{"Reporting", "Integrations", "Authentication"}},
		},
	},
	{
		name: "Billing question", description: "A question about an invoice, a charge or a plan", icon: "💳", category: "Customer",
		titles: []string{"Charged twice this month", "Need a VAT invoice", "Refund for unused seats", "Plan downgrade",
			"Card declined", "Annual billing discount"},
		attributes: []attributeSeed{
			{name: "Invoice amount", description: "The amount in question, in the invoice's currency", dataType: "decimal"},
			{name: "Invoice date", description: "When the invoice was issued", dataType: "datetime"},
			{name: "Plan", description: "The plan the customer is on", dataType: "list", options: []string{"Free", "Starter", "Pro", "Enterprise"}},
			{name: "Refund requested", description: "Whether the customer asks for money back", dataType: "boolean"},
		},
	},
	{
		name: "Engineering escalation", description: "A problem support hands over to the engineers", icon: "🛠️", category: "Back-office",
		titles: []string{"Data sync stuck for account", "Rate limit raise request", "Corrupted export file", "SSO metadata mismatch",
			"Slow dashboard queries", "Missing events after migration"},
		attributes: []attributeSeed{
			{name: "Issue key", description: "The issue in the engineers' tracker", dataType: "string", hiddenFromContacts: true,
				values: []string{"ENG-1042", "ENG-1187", "ENG-1203", "OPS-311", "OPS-342", "DATA-77"}},
			{name: "Priority", description: "How soon engineering must act", dataType: "list", options: []string{"P1", "P2", "P3", "P4"}, required: true, hiddenFromContacts: true},
			{name: "Estimated hours", description: "The engineers' estimate of the work", dataType: "decimal", hiddenFromContacts: true},
			{name: "Customer facing", description: "Whether customers see the problem", dataType: "boolean", hiddenFromContacts: true},
			{name: "Due date", description: "When the fix is promised", dataType: "datetime", hiddenFromContacts: true},
			{name: "Logs", description: "Log extracts attached by support", dataType: "files", hiddenFromContacts: true},
		},
	},
	{
		name: "Incident", description: "An outage or degradation many customers report", icon: "🚨", category: "Tracker",
		titles: []string{"Messenger not loading in EU", "Delayed email delivery", "API errors on /contacts", "Webhooks delayed"},
		attributes: []attributeSeed{
			{name: "Impacted customers", description: "How many customers reported it", dataType: "integer"},
			{name: "Started at", description: "When the incident began", dataType: "datetime"},
			{name: "Status page posted", description: "Whether the status page says so", dataType: "boolean"},
			{name: "Root cause", description: "What went wrong, once known", dataType: "string", multiline: true, hiddenFromContacts: true,
				values: []string{"Expired certificate on the EU edge", "Queue backlog after a deploy", "Database failover", "Third-party provider outage"}},
		},
	},
}

// Ticket states, their labels in the inbox and for customers.
var (
	ticketStateInternalLabels = map[string]string{"submitted": "Submitted", "in_progress": "In progress",
		"waiting_on_customer": "Waiting on customer", "resolved": "Resolved"}
	ticketStateExternalLabels = map[string]string{"submitted": "Submitted", "in_progress": "In progress",
		"waiting_on_customer": "Awaiting your reply", "resolved": "Resolved"}
)

// ticketTypes seeds the ticket types, each with the default title and
// description attributes first, as Intercom creates them.
func (s *seeder) ticketTypes() {
	ws := s.ws
	ws.ticketTypeByID = map[string]*upstream.TicketType{}
	nextAttr := 261
	for i, seed := range ticketTypeSeeds {
		created := s.daysBefore(700)
		tt := &upstream.TicketType{
			Type: "ticket_type", ID: strconv.Itoa(87 + i), Category: seed.category, Name: seed.name, Description: seed.description,
			Icon: seed.icon, WorkspaceID: ws.app.IDCode, CreatedAt: created, UpdatedAt: s.after(created, 86400*60),
			TicketTypeAttributes: upstream.TicketTypeAttributeList{Type: "list", Data: []*upstream.TicketTypeAttribute{}},
		}
		attrs := append([]attributeSeed{
			{name: upstream.TicketTitleAttribute, dataType: "string", required: true, requiredForContacts: true},
			{name: upstream.TicketDescriptionAttribute, dataType: "string", multiline: true},
		}, seed.attributes...)
		for order, a := range attrs {
			at := s.after(created, 86400*30)
			attr := &upstream.TicketTypeAttribute{
				Type: "ticket_type_attribute", ID: strconv.Itoa(nextAttr), WorkspaceID: ws.app.IDCode, Name: a.name, Description: a.description,
				DataType: a.dataType, Order: order, RequiredToCreate: a.required, RequiredToCreateForContacts: a.requiredForContacts,
				VisibleOnCreate: !a.archived, VisibleToContacts: !a.hiddenFromContacts, Default: order < 2,
				TicketTypeID: mustInt(tt.ID), Archived: a.archived, CreatedAt: at, UpdatedAt: s.after(at, 86400*30),
			}
			nextAttr++
			switch a.dataType {
			case "string":
				attr.InputOptions = map[string]any{"multiline": a.multiline}
			case "list":
				options := make([]any, len(a.options))
				for j, label := range a.options {
					options[j] = map[string]any{"id": s.guid(), "label": label, "archived": false}
				}
				attr.InputOptions = map[string]any{"list_options": options}
			}
			tt.TicketTypeAttributes.Data = append(tt.TicketTypeAttributes.Data, attr)
		}
		ws.ticketTypes = append(ws.ticketTypes, tt)
		ws.ticketTypeByID[tt.ID] = tt
	}
}

// guid makes an id like Intercom's list option ids.
func (s *seeder) guid() string {
	h := s.hexID() + s.hexID()
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:32]
}

// tickets seeds n tickets across the ticket types, in every state, some
// converted from conversations (and linked to them), incidents linked to
// the customer tickets they gather, with their histories.
func (s *seeder) tickets(n int) {
	s.ticketTypes()
	ws := s.ws
	ws.ticketByID = map[string]*ticketRecord{}
	if len(ws.admins) == 0 {
		return
	}
	for i := range n {
		rec := s.ticket(i)
		ws.tickets = append(ws.tickets, rec)
		ws.ticketByID[rec.ticket.ID] = rec
	}
	s.linkTickets()
}

// ticketTypeWeights say how often each seeded type is used, in ticketTypeSeeds order.
var ticketTypeWeights = []float64{0.4, 0.25, 0.2, 0.15}

func (s *seeder) ticket(i int) *ticketRecord {
	ws := s.ws
	kind := len(ticketTypeWeights) - 1
	for r, k := s.rng.Float64(), 0; k < len(ticketTypeWeights); k++ {
		if r -= ticketTypeWeights[k]; r < 0 {
			kind = k
			break
		}
	}
	tt := ws.ticketTypes[kind]
	created := s.daysBefore(300)
	state := "resolved"
	switch r := s.rng.Float64(); {
	case r < 0.2:
		state = "submitted"
	case r < 0.5:
		state = "in_progress"
	case r < 0.65:
		state = "waiting_on_customer"
	}
	t := upstream.Ticket{
		Type: "ticket", ID: strconv.Itoa(2_600_000_000 + i), TicketID: strconv.Itoa(1 + i), Category: tt.Category,
		TicketState: state, TicketStateInternalLabel: ticketStateInternalLabels[state], TicketStateExternalLabel: ticketStateExternalLabels[state],
		Contacts:        upstream.TicketContacts{Type: "contact.list", Contacts: []upstream.ContactReference{}},
		AdminAssigneeID: "0", TeamAssigneeID: "0", CreatedAt: created, Open: state != "resolved",
		LinkedObjects: upstream.LinkedObjectList{Type: "list", Data: []upstream.LinkedObject{}},
		IsShared:      tt.Category == "Customer" && s.chance(0.9),
	}
	rec := &ticketRecord{seq: ws.nextSeq(), typeID: tt.ID}

	// Customer tickets concern a contact (now and then two); a third of
	// them were converted from one of the contact's conversations.
	wantsContact := tt.Category == "Customer" || (tt.Category == "Back-office" && s.chance(0.5))
	if wantsContact && s.chance(0.3) && len(ws.conversations) > 0 && tt.Category == "Customer" {
		conv := ws.conversations[s.rng.IntN(len(ws.conversations))]
		t.Contacts.Contacts = append(t.Contacts.Contacts, conv.conversation.Contacts.Contacts...)
		link(&t.LinkedObjects, upstream.LinkedObject{Type: "conversation", ID: conv.conversation.ID})
		link(&conv.conversation.LinkedObjects, upstream.LinkedObject{Type: "ticket", ID: t.ID, Category: ptr(t.Category)})
	} else if wantsContact && len(ws.contacts) > 0 {
		c := ws.contacts[s.rng.IntN(len(ws.contacts))]
		t.Contacts.Contacts = append(t.Contacts.Contacts, contactRef(&c.contact))
		if s.chance(0.1) {
			if other := ws.contacts[s.rng.IntN(len(ws.contacts))]; other != c {
				t.Contacts.Contacts = append(t.Contacts.Contacts, contactRef(&other.contact))
			}
		}
	}

	var assignee *upstream.Admin
	if state != "submitted" || s.chance(0.4) {
		assignee = ws.admins[s.rng.IntN(len(ws.admins))]
		t.AdminAssigneeID = assignee.ID
	}
	var team *upstream.Team
	if len(ws.teams) > 0 && s.chance(0.7) {
		team = ws.teams[s.rng.IntN(len(ws.teams))]
		if assignee != nil && len(assignee.TeamIDs) > 0 {
			team = ws.teamByID[numericString(assignee.TeamIDs[0])]
		}
		t.TeamAssigneeID = team.ID
	}
	t.TicketAttributes = s.ticketAttributes(ticketTypeSeeds[kind].titles, ticketTypeSeeds[kind].attributes, created)
	parts := s.ticketParts(&t, rec, assignee, team)
	t.TicketParts = &upstream.TicketPartList{Type: "ticket_part.list", TicketParts: parts, TotalCount: len(parts)}
	t.UpdatedAt = created
	if len(parts) > 0 {
		t.UpdatedAt = parts[len(parts)-1].UpdatedAt
	}
	if t.Open && s.chance(0.1) {
		until := upstream.TimestampOf(seedAnchor.Add(time.Duration(1+s.rng.IntN(72)) * time.Hour))
		t.SnoozedUntil = &until
	}
	rec.ticket = t
	return rec
}

// ticketAttributes fills the ticket's attributes: the title and required
// attributes always, the description mostly (null otherwise, as Intercom
// sends an empty one), other attributes often and archived ones now and
// then, each with a value of its data type.
func (s *seeder) ticketAttributes(titles []string, attributes []attributeSeed, created upstream.Timestamp) map[string]any {
	values := map[string]any{upstream.TicketTitleAttribute: s.pick(titles)}
	if s.chance(0.9) {
		values[upstream.TicketDescriptionAttribute] = fmt.Sprintf("%s. %s.", capitalize(s.words(6+s.rng.IntN(8))), capitalize(s.words(4+s.rng.IntN(6))))
	} else {
		values[upstream.TicketDescriptionAttribute] = nil
	}
	for _, a := range attributes {
		if !a.required && (a.archived && s.chance(0.7) || !a.archived && s.chance(0.25)) {
			continue
		}
		switch a.dataType {
		case "string":
			values[a.name] = s.pick(a.values)
		case "list":
			values[a.name] = s.pick(a.options)
		case "integer":
			values[a.name] = int64(1 + s.rng.IntN(500))
		case "decimal":
			values[a.name] = float64(s.rng.IntN(40000)) / 100
		case "boolean":
			values[a.name] = s.chance(0.5)
		case "datetime":
			values[a.name] = int64(created) - s.rng.Int64N(86400*20) + 86400*10
		case "files":
			files := []any{}
			for k := range 1 + s.rng.IntN(2) {
				files = append(files, upstream.FileAttribute{Type: "upload", Name: fmt.Sprintf("attachment-%d.png", k+1),
					URL:         fmt.Sprintf("https://intercom-attachments.example/%s/attachment-%d.png", s.hexID(), k+1),
					ContentType: "image/png", Filesize: 20_000 + s.rng.IntN(2_000_000), Width: 1280, Height: 800})
			}
			values[a.name] = files
		}
	}
	return values
}

// ticketParts writes a ticket's history: the request, an assignment, the
// state changes up to its state, replies and notes from teammates, the
// contact and the bot.
func (s *seeder) ticketParts(t *upstream.Ticket, rec *ticketRecord, assignee *upstream.Admin, team *upstream.Team) []*upstream.TicketPart {
	ws := s.ws
	at := t.CreatedAt
	state := "submitted"
	parts := []*upstream.TicketPart{}
	add := func(partType string, author upstream.TicketPartAuthor, body *string) *upstream.TicketPart {
		at = s.after(at, 5400)
		p := &upstream.TicketPart{Type: "ticket_part", ID: strconv.Itoa(700_000_000 + int(rec.seq)*32 + len(parts)), PartType: partType, Body: body,
			TicketState: state, CreatedAt: at, UpdatedAt: at, Author: author, Attachments: []upstream.PartAttachment{}}
		if author.Type == "admin" {
			rec.teammateIDs = appendUnique(rec.teammateIDs, author.ID)
		}
		parts = append(parts, p)
		return p
	}
	admin := ws.admins[s.rng.IntN(len(ws.admins))]
	if assignee != nil {
		admin = assignee
	}
	var user *upstream.TicketPartAuthor
	if len(t.Contacts.Contacts) > 0 {
		if c, ok := ws.contactByID[t.Contacts.Contacts[0].ID]; ok {
			user = &upstream.TicketPartAuthor{Type: "user", ID: c.contact.ID, Name: c.contact.Name, Email: c.contact.Email}
		}
	}
	html := func(n int) *string { return ptr("<p>" + capitalize(s.words(n+s.rng.IntN(8))) + ".</p>") }

	if user != nil {
		p := add("comment", *user, html(8))
		if s.chance(0.15) {
			p.Attachments = append(p.Attachments, upstream.PartAttachment{Type: "upload", Name: "error.png",
				URL: fmt.Sprintf("https://intercom-attachments.example/%s/error.png", s.hexID()), ContentType: "image/png", Filesize: 91_244, Width: 1440, Height: 900})
		}
		if s.chance(0.15) {
			add("comment", ticketBot(), html(6))
		}
	} else {
		add("note", ticketAdmin(admin), html(10))
	}
	if assignee != nil {
		author := ticketAdmin(admin)
		if team != nil && s.chance(0.2) {
			author = ticketTeam(team)
		}
		add("assignment", author, nil).AssignedTo = &upstream.Reference{Type: "admin", ID: ptr(assignee.ID)}
	} else if team != nil {
		add("assignment", ticketTeam(team), nil).AssignedTo = &upstream.Reference{Type: "team", ID: ptr(team.ID)}
	}
	move := func(to string) {
		from := state
		state = to
		p := add("ticket_state_updated_by_admin", ticketAdmin(admin), nil)
		p.PreviousTicketState = ptr(from)
	}
	final := t.TicketState
	if final != "submitted" {
		move("in_progress")
		add("comment", ticketAdmin(admin), html(6))
		if s.chance(0.3) {
			p := add("note", ticketAdmin(admin), ptr("<p>Internal: "+s.words(6)+"</p>"))
			if s.chance(0.5) {
				p.ExternalID = ptr(fmt.Sprintf("crm-note-%d", len(parts)+int(rec.seq)))
			}
		}
		if s.chance(0.2) {
			add("ticket_attribute_updated_by_admin", ticketAdmin(admin), nil)
		}
	}
	if final == "waiting_on_customer" || final == "resolved" && s.chance(0.4) {
		move("waiting_on_customer")
		if user != nil && final == "resolved" {
			p := add("comment", *user, html(5))
			if s.chance(0.1) {
				p.Body, p.Redacted = nil, true
			}
			move("in_progress")
		}
	}
	if final == "resolved" {
		move("resolved")
	}
	return parts
}

// linkTickets links each incident to the customer tickets it gathers, and
// some escalations to the customer ticket they came from, both ways; and a
// few conversations to one another (a follow-up to an earlier one).
func (s *seeder) linkTickets() {
	ws := s.ws
	var customer []*ticketRecord
	for _, rec := range ws.tickets {
		if rec.ticket.Category == "Customer" {
			customer = append(customer, rec)
		}
	}
	for _, rec := range ws.tickets {
		links := 0
		switch rec.ticket.Category {
		case "Tracker":
			links = 1 + s.rng.IntN(4)
		case "Back-office":
			if s.chance(0.5) {
				links = 1
			}
		}
		for range links {
			if len(customer) == 0 {
				break
			}
			other := customer[s.rng.IntN(len(customer))]
			if hasLink(rec.ticket.LinkedObjects, other.ticket.ID) {
				continue
			}
			link(&rec.ticket.LinkedObjects, upstream.LinkedObject{Type: "ticket", ID: other.ticket.ID, Category: ptr(other.ticket.Category)})
			link(&other.ticket.LinkedObjects, upstream.LinkedObject{Type: "ticket", ID: rec.ticket.ID, Category: ptr(rec.ticket.Category)})
		}
	}
	if len(ws.conversations) < 2 {
		return
	}
	for _, rec := range ws.conversations {
		if !s.chance(0.02) {
			continue
		}
		other := ws.conversations[s.rng.IntN(len(ws.conversations))]
		if other == rec || hasLink(rec.conversation.LinkedObjects, other.conversation.ID) {
			continue
		}
		link(&rec.conversation.LinkedObjects, upstream.LinkedObject{Type: "conversation", ID: other.conversation.ID})
		link(&other.conversation.LinkedObjects, upstream.LinkedObject{Type: "conversation", ID: rec.conversation.ID})
	}
}

func link(list *upstream.LinkedObjectList, o upstream.LinkedObject) {
	list.Data = append(list.Data, o)
	list.TotalCount = len(list.Data)
}

func hasLink(list upstream.LinkedObjectList, id string) bool {
	return slices.ContainsFunc(list.Data, func(o upstream.LinkedObject) bool { return o.ID == id })
}

func ticketAdmin(a *upstream.Admin) upstream.TicketPartAuthor {
	return upstream.TicketPartAuthor{Type: "admin", ID: a.ID, Name: ptr(a.Name), Email: a.Email}
}

func ticketTeam(t *upstream.Team) upstream.TicketPartAuthor {
	return upstream.TicketPartAuthor{Type: "team", ID: t.ID, Name: ptr(t.Name),
		Email: strings.ToLower(strings.ReplaceAll(t.Name, " ", "-")) + "@demo-workspace.example"}
}

// ticketBot is Intercom's AI agent, which answers in tickets as a bot.
func ticketBot() upstream.TicketPartAuthor {
	return upstream.TicketPartAuthor{Type: "bot", ID: "991200001", Name: ptr("Fin"), Email: "operator+fin@intercom.io"}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func numericString(n int64) string { return strconv.FormatInt(n, 10) }
