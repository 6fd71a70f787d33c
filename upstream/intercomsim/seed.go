package intercomsim

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"intercom-graphql/upstream"
)

// seedAnchor is the "today" of seeded data: fixed, so that a seed always
// yields byte-identical workspaces whatever the date of the run.
var seedAnchor = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

var (
	firstNames = strings.Fields(`Ada Alan Grace Linus Margaret Ken Barbara Dennis Frances Edsger Radia Tim Hedy John Katherine
		Donald Sophie Guido Anita Bjarne Jean Niklaus Lynn Larry Shafi Whitfield Adele Yukihiro Mary Rob Joan Vint Karen Ward
		Evelyn Leslie Fran Butler Cynthia Brian Annie Seymour Susan Ivan Marian Douglas Elaine Martin Carol Jim`)
	lastNames = strings.Fields(`Lovelace Turing Hopper Torvalds Hamilton Thompson Liskov Ritchie Allen Dijkstra Perlman
		Berners-Lee Lamarr McCarthy Johnson Knuth Wilson Rossum Borg Stroustrup Sammet Wirth Conway Page Goldwasser Diffie
		Goldberg Matsumoto Shaw Pike Clarke Cerf Jones Cunningham Boyd Lamport Bilas Lampson Dwork Kernighan Easley Papert
		Kare Sutherland Croft Engelbart Rich Fowler Shaw Gray`)
	companyWords = strings.Fields(`Acme Globex Initech Umbrella Hooli Stark Wayne Wonka Tyrell Cyberdyne Soylent Aperture
		Vandelay Massive Gringotts Oceanic Monarch Nakatomi Duff Pied`)
	companySuffixes = strings.Fields(`Labs Systems Logistics Health Energy Foods Media Robotics Capital Works`)
	freeMailDomains = strings.Fields(`gmail.com outlook.com proton.me yahoo.com icloud.com`)
	teamNames       = strings.Fields(`Support Sales Success Billing Onboarding Escalations Product Security`)
	jobTitles       = []string{"Support Engineer", "Support Lead", "Account Executive", "Customer Success Manager", "Solutions Engineer", "Head of Support"}
	tagWords        = strings.Fields(`vip bug feature-request billing churn-risk onboarding enterprise trial refund urgent
		integration api mobile web sso gdpr invoice upgrade downgrade feedback security outage docs training partner
		beta renewal expansion escalated sla`)
	segmentNames = []string{"Active users", "New leads", "Slipping away", "Enterprise accounts", "Trial users",
		"Paying customers", "Mobile users", "Newsletter", "Power users", "Churned"}
	countries = []struct{ country, region, city string }{
		{"United States", "California", "San Francisco"}, {"Ireland", "Dublin", "Dublin"}, {"Germany", "Berlin", "Berlin"},
		{"France", "Ile-de-France", "Paris"}, {"Australia", "New South Wales", "Sydney"}, {"Japan", "Tokyo", "Tokyo"},
		{"Brazil", "Sao Paulo", "Sao Paulo"}, {"Canada", "Ontario", "Toronto"}, {"India", "Karnataka", "Bengaluru"},
	}
	browsers = []string{"chrome", "firefox", "safari", "edge"}
	plans    = []string{"free", "starter", "pro", "enterprise"}
	subjects = []string{"Cannot log in", "Invoice question", "Feature request: dark mode", "API rate limits", "Export to CSV",
		"SSO setup", "Billing address change", "Mobile app crashes", "Webhook not firing", "Upgrade plan", "Password reset", "Data deletion request"}
	messageWords = strings.Fields(`hello need help with my account please the invoice login password export report api webhook
		billing upgrade plan error page crash mobile sso team invite thanks support urgent question issue data`)
)

type seeder struct {
	rng *rand.Rand
	ws  *Workspace
}

func seedWorkspace(seed int64, sizes Sizes, now func() time.Time) *Workspace {
	ws := &Workspace{
		now:              now,
		adminByID:        map[string]*upstream.Admin{},
		teamByID:         map[string]*upstream.Team{},
		tagByID:          map[string]*tagRecord{},
		companyByID:      map[string]*companyRecord{},
		contactByID:      map[string]*contactRecord{},
		conversationByID: map[string]*conversationRecord{},
	}
	s := &seeder{rng: rand.New(rand.NewPCG(uint64(seed), 0x1c0de)), ws: ws}
	s.app(seed)
	s.admins(max(sizes.Admins, 1))
	s.teams(sizes.Teams)
	s.tags(sizes.Tags)
	s.segments(sizes.Segments)
	s.companies(sizes.Companies)
	s.contacts(sizes.Contacts)
	s.conversations(sizes.Conversations)
	s.companyDetails()
	s.notes()
	s.subscriptionTypes()
	s.dataAttributes()
	s.dataEvents()
	s.visitors(max(3, sizes.Contacts/20))
	s.activityLogs()
	s.dataExports()
	s.helpCenters(sizes.Collections, sizes.Articles)
	s.news(sizes.NewsItems)
	s.tickets(sizes.Tickets)
	seedSearchExtras(ws, seed)
	return ws
}

func (s *seeder) pick(list []string) string { return list[s.rng.IntN(len(list))] }

func (s *seeder) chance(p float64) bool { return s.rng.Float64() < p }

// hexID makes a 24-hex-digit id like Intercom's contact and company ids.
func (s *seeder) hexID() string { return fmt.Sprintf("%016x%08x", s.rng.Uint64(), s.rng.Uint32()) }

// daysBefore is a moment up to n days before the anchor.
func (s *seeder) daysBefore(n int) upstream.Timestamp {
	return upstream.TimestampOf(seedAnchor.Add(-time.Duration(s.rng.Int64N(int64(n)*86400)) * time.Second))
}

func (s *seeder) after(t upstream.Timestamp, maxSeconds int64) upstream.Timestamp {
	return t + upstream.Timestamp(1+s.rng.Int64N(maxSeconds))
}

func (s *seeder) app(seed int64) {
	s.ws.app = upstream.App{
		Type: "app", IDCode: fmt.Sprintf("sim%05d", uint64(seed)%100000), Name: "Demo Workspace", Region: "US",
		Timezone: "UTC", CreatedAt: upstream.TimestampOf(seedAnchor.AddDate(-3, 0, 0)), IdentityVerification: false,
	}
}

func (s *seeder) admins(n int) {
	for i := range n {
		first, last := firstNames[i%len(firstNames)], lastNames[(i*7)%len(lastNames)]
		var avatar *string
		if s.chance(0.7) {
			u := fmt.Sprintf("https://static.intercomassets.com/avatars/%d/square_128/%s.png", 5000+i, strings.ToLower(first))
			avatar = &u
		}
		a := &upstream.Admin{
			Type: "admin", ID: strconv.Itoa(991267700 + i), Name: first + " " + last,
			Email:    strings.ToLower(first+"."+last) + "@demo-workspace.example",
			JobTitle: s.pick(jobTitles), AwayModeEnabled: s.chance(0.1), HasInboxSeat: i == 0 || s.chance(0.85),
			TeamIDs: []int64{}, Avatar: avatar,
		}
		a.AwayModeReassign = a.AwayModeEnabled && s.chance(0.5)
		s.ws.admins = append(s.ws.admins, a)
		s.ws.adminByID[a.ID] = a
	}
	s.ws.meID = s.ws.admins[0].ID
}

func (s *seeder) teams(n int) {
	for i := range n {
		t := &upstream.Team{Type: "team", ID: strconv.Itoa(814865 + i), Name: teamNames[i%len(teamNames)], AdminIDs: []int64{}}
		if i >= len(teamNames) {
			t.Name = fmt.Sprintf("%s %d", t.Name, i/len(teamNames)+1)
		}
		s.ws.teams = append(s.ws.teams, t)
		s.ws.teamByID[t.ID] = t
	}
	if n == 0 {
		return
	}
	// Every admin works in one or two teams; the first is their primary one.
	for _, a := range s.ws.admins {
		primary := s.ws.teams[s.rng.IntN(n)]
		s.join(a, primary)
		level := &upstream.TeamPriorityLevel{PrimaryTeamIDs: []int64{mustInt(primary.ID)}, SecondaryTeamIDs: []int64{}}
		if n > 1 && s.chance(0.4) {
			secondary := s.ws.teams[s.rng.IntN(n)]
			if secondary != primary {
				s.join(a, secondary)
				level.SecondaryTeamIDs = append(level.SecondaryTeamIDs, mustInt(secondary.ID))
			}
		}
		a.TeamPriorityLevel = level
	}
	for _, t := range s.ws.teams {
		level := &upstream.AdminPriorityLevel{PrimaryAdminIDs: []int64{}, SecondaryAdminIDs: []int64{}}
		for _, a := range s.ws.admins {
			switch {
			case containsInt(a.TeamPriorityLevel.PrimaryTeamIDs, mustInt(t.ID)):
				level.PrimaryAdminIDs = append(level.PrimaryAdminIDs, mustInt(a.ID))
			case containsInt(a.TeamPriorityLevel.SecondaryTeamIDs, mustInt(t.ID)):
				level.SecondaryAdminIDs = append(level.SecondaryAdminIDs, mustInt(a.ID))
			}
		}
		t.AdminPriorityLevel = level
	}
}

func (s *seeder) join(a *upstream.Admin, t *upstream.Team) {
	a.TeamIDs = append(a.TeamIDs, mustInt(t.ID))
	t.AdminIDs = append(t.AdminIDs, mustInt(a.ID))
}

func (s *seeder) tags(n int) {
	for i := range n {
		name := tagWords[i%len(tagWords)]
		if i >= len(tagWords) {
			name = fmt.Sprintf("%s-%d", name, i/len(tagWords)+1)
		}
		t := &tagRecord{seq: s.ws.nextSeq(), tag: upstream.Tag{Type: "tag", ID: strconv.Itoa(7500000 + i), Name: name}}
		s.ws.tags = append(s.ws.tags, t)
		s.ws.tagByID[t.tag.ID] = t
	}
}

func (s *seeder) segments(n int) {
	for i := range n {
		name := segmentNames[i%len(segmentNames)]
		if i >= len(segmentNames) {
			name = fmt.Sprintf("%s %d", name, i/len(segmentNames)+1)
		}
		created := s.daysBefore(900)
		personType := "user"
		if strings.Contains(name, "lead") {
			personType = "contact" // Intercom's word for leads in a segment's person_type
		}
		s.ws.segments = append(s.ws.segments, &segmentRecord{seq: s.ws.nextSeq(), id: s.hexID(), name: name,
			personType: personType, createdAt: created, updatedAt: s.after(created, 86400*90)})
	}
}

func (s *seeder) companies(n int) {
	for i := range n {
		name := fmt.Sprintf("%s %s", companyWords[i%len(companyWords)], companySuffixes[(i/len(companyWords))%len(companySuffixes)])
		if i >= len(companyWords)*len(companySuffixes) {
			name = fmt.Sprintf("%s %d", name, i/(len(companyWords)*len(companySuffixes))+1)
		}
		created := s.daysBefore(900)
		c := &companyRecord{seq: s.ws.nextSeq(), id: s.hexID(), companyID: fmt.Sprintf("company-%04d", i+1), name: name,
			createdAt: created, updatedAt: s.after(created, 86400*120)}
		s.ws.companies = append(s.ws.companies, c)
		s.ws.companyByID[c.id] = c
	}
}

func (s *seeder) contacts(n int) {
	for i := range n {
		first, last := s.pick(firstNames), s.pick(lastNames)
		name := first + " " + last
		role := "user"
		if s.chance(0.2) {
			role = "lead"
		}
		rec := &contactRecord{seq: s.ws.nextSeq()}
		domain := s.pick(freeMailDomains)
		if len(s.ws.companies) > 0 && role == "user" && s.chance(0.8) {
			company := s.ws.companies[s.rng.IntN(len(s.ws.companies))]
			rec.companyIDs = append(rec.companyIDs, company.id)
			domain = strings.ToLower(strings.ReplaceAll(company.name, " ", "")) + ".example"
			if s.chance(0.1) {
				if other := s.ws.companies[s.rng.IntN(len(s.ws.companies))]; other != company {
					rec.companyIDs = append(rec.companyIDs, other.id)
				}
			}
		}
		for range s.rng.IntN(4) {
			if len(s.ws.tags) > 0 {
				rec.tagIDs = appendUnique(rec.tagIDs, s.ws.tags[s.rng.IntN(len(s.ws.tags))].tag.ID)
			}
		}
		for _, seg := range s.ws.segments {
			if s.chance(0.15) {
				rec.segmentIDs = append(rec.segmentIDs, seg.id)
			}
		}
		created := s.daysBefore(720)
		email := fmt.Sprintf("%s.%s%d@%s", strings.ToLower(first), strings.ToLower(last), i+1, domain)
		loc := countries[s.rng.IntN(len(countries))]
		c := upstream.Contact{
			Type: "contact", ID: s.hexID(), WorkspaceID: s.ws.app.IDCode, Role: role, Email: email, EmailDomain: domain,
			Name: &name, CreatedAt: created, UpdatedAt: s.after(created, 86400*60),
			HasHardBounced: s.chance(0.02), MarkedEmailAsSpam: s.chance(0.01), UnsubscribedFromEmails: s.chance(0.1),
			CustomAttributes: map[string]any{
				"plan":          s.pick(plans),
				"seats":         int64(1 + s.rng.IntN(200)),
				"beta_tester":   s.chance(0.2),
				"signup_source": s.pick([]string{"organic", "ads", "referral", "partner"}),
			},
			Location:       upstream.ContactLocation{Type: ptr("location"), Country: ptr(loc.country), Region: ptr(loc.region), City: ptr(loc.city)},
			SocialProfiles: upstream.SocialProfiles{Data: []upstream.SocialProfile{}},
			Avatar:         &upstream.ContactAvatar{Type: "avatar"},
		}
		if role == "user" {
			c.ExternalID = ptr(fmt.Sprintf("user-%05d", i+1))
			signed := s.after(created, 3600)
			c.SignedUpAt = &signed
		}
		if s.chance(0.5) {
			c.Phone = ptr(fmt.Sprintf("+1555%07d", s.rng.IntN(10000000)))
		}
		if s.chance(0.3) && len(s.ws.admins) > 0 {
			owner := mustInt(s.ws.admins[s.rng.IntN(len(s.ws.admins))].ID)
			c.OwnerID = &owner
		}
		if s.chance(0.85) {
			seen := s.after(c.UpdatedAt, 86400*30)
			c.LastSeenAt = &seen
			c.Browser, c.BrowserVersion, c.BrowserLanguage = ptr(s.pick(browsers)), ptr(fmt.Sprintf("%d.0", 100+s.rng.IntN(30))), ptr("en")
			c.OS = ptr(s.pick([]string{"OS X 14.1", "Windows 11", "Linux", "iOS 17.2", "Android 14"}))
		}
		if s.chance(0.2) {
			c.IOSAppName, c.IOSAppVersion, c.IOSDevice, c.IOSOSVersion, c.IOSSDKVersion = ptr("Demo iOS"), ptr("4.2.0"), ptr("iPhone15,2"), ptr("17.2"), ptr("15.1.0")
			seen := s.after(created, 86400*30)
			c.IOSLastSeenAt = &seen
		}
		if s.chance(0.15) {
			c.AndroidAppName, c.AndroidAppVersion, c.AndroidDevice, c.AndroidOSVersion, c.AndroidSDKVersion = ptr("Demo Android"), ptr("4.2.0"), ptr("Pixel 8"), ptr("14"), ptr("15.1.0")
			seen := s.after(created, 86400*30)
			c.AndroidLastSeenAt = &seen
		}
		if s.chance(0.3) {
			replied := s.after(created, 86400*30)
			c.LastRepliedAt = &replied
			contacted := s.after(created, 86400*30)
			c.LastContactedAt = &contacted
		}
		if s.chance(0.4) {
			opened := s.after(created, 86400*30)
			c.LastEmailOpenedAt = &opened
			if s.chance(0.5) {
				clicked := s.after(opened, 3600)
				c.LastEmailClickedAt = &clicked
			}
		}
		if s.chance(0.05) {
			c.LanguageOverride = ptr("fr")
		}
		if s.chance(0.3) {
			handle := strings.ToLower(first + last)
			c.SocialProfiles.Data = append(c.SocialProfiles.Data, upstream.SocialProfile{Type: "social_profile", Name: "Twitter", URL: "https://twitter.com/" + handle})
		}
		if s.chance(0.6) {
			c.Avatar.ImageURL = ptr(fmt.Sprintf("https://static.intercomassets.com/avatars/contacts/%d.png", i+1))
		}
		rec.contact = c
		s.ws.contacts = append(s.ws.contacts, rec)
		s.ws.contactByID[c.ID] = rec
	}
}

func (s *seeder) conversations(n int) {
	if len(s.ws.contacts) == 0 {
		return
	}
	for i := range n {
		rec := &conversationRecord{seq: s.ws.nextSeq()}
		rec.conversation = s.conversation(i)
		s.ws.conversations = append(s.ws.conversations, rec)
		s.ws.conversationByID[rec.conversation.ID] = rec
	}
}

func (s *seeder) words(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = s.pick(messageWords)
	}
	return strings.Join(w, " ")
}

func (s *seeder) conversation(i int) upstream.Conversation {
	ws := s.ws
	primary := ws.contacts[s.rng.IntN(len(ws.contacts))]
	refs := []upstream.ContactReference{contactRef(&primary.contact)}
	if s.chance(0.1) {
		if other := ws.contacts[s.rng.IntN(len(ws.contacts))]; other != primary {
			refs = append(refs, contactRef(&other.contact))
		}
	}
	created := s.daysBefore(365)
	subject := s.pick(subjects)
	body := fmt.Sprintf("<p>%s</p>", s.words(8+s.rng.IntN(12)))
	author := upstream.PartAuthor{Type: primary.contact.Role, ID: primary.contact.ID, Name: primary.contact.Name, Email: primary.contact.Email}
	sourceType := s.pick([]string{"conversation", "conversation", "email", "email", "push", "twitter"})
	conv := upstream.Conversation{
		Type: "conversation", ID: strconv.Itoa(2_400_000_000 + i), CreatedAt: created,
		State: "closed", Priority: "not_priority", Read: s.chance(0.8),
		Tags: upstream.TagList{Type: "tag.list", Tags: []*upstream.Tag{}},
		Source: upstream.ConversationSource{
			Type: sourceType, ID: strconv.Itoa(400_000_000 + i), DeliveredAs: "customer_initiated",
			Subject: subject, Body: body, Author: author, Attachments: []upstream.PartAttachment{},
		},
		Contacts:      upstream.ConversationContacts{Type: "contact.list", Contacts: refs},
		Teammates:     &upstream.ConversationTeammates{Type: "admin.list", Teammates: []upstream.Reference{}},
		LinkedObjects: upstream.LinkedObjectList{Type: "list", Data: []upstream.LinkedObject{}},
	}
	if sourceType == "email" {
		conv.Source.DeliveredAs = "customer_initiated"
	}
	if s.chance(0.5) {
		conv.Title = ptr(subject)
	}
	if s.chance(0.1) {
		conv.Priority = "priority"
	}
	if s.chance(0.05) {
		conv.Source.Attachments = append(conv.Source.Attachments, upstream.PartAttachment{Type: "upload", Name: "screenshot.png",
			URL: fmt.Sprintf("https://downloads.intercomcdn.example/%d/screenshot.png", i), ContentType: "image/png", Filesize: 48213, Width: 1280, Height: 800})
	}
	switch r := s.rng.Float64(); {
	case r < 0.4:
		conv.State, conv.Open = "open", true
	case r < 0.5:
		conv.State, conv.Open = "snoozed", true
		until := upstream.TimestampOf(seedAnchor.Add(time.Duration(1+s.rng.IntN(72)) * time.Hour))
		conv.SnoozedUntil = &until
	}
	var assignee *upstream.Admin
	if s.chance(0.8) && len(ws.admins) > 0 {
		assignee = ws.admins[s.rng.IntN(len(ws.admins))]
		id := mustInt(assignee.ID)
		conv.AdminAssigneeID = &id
	}
	if s.chance(0.7) && len(ws.teams) > 0 {
		id := mustInt(ws.teams[s.rng.IntN(len(ws.teams))].ID)
		if assignee != nil && len(assignee.TeamIDs) > 0 {
			id = assignee.TeamIDs[0]
		}
		conv.TeamAssigneeID = &id
	}
	for range s.rng.IntN(4) {
		if len(ws.tags) == 0 {
			break
		}
		t := ws.tags[s.rng.IntN(len(ws.tags))].tag
		if containsTag(conv.Tags.Tags, t.ID) {
			continue
		}
		applied := s.after(created, 86400)
		t.AppliedAt = &applied
		if assignee != nil {
			t.AppliedBy = &upstream.Reference{Type: "admin", ID: ptr(assignee.ID)}
		}
		conv.Tags.Tags = append(conv.Tags.Tags, &t)
	}
	parts := s.parts(&conv, assignee, created)
	conv.ConversationParts = &upstream.ConversationPartList{Type: "conversation_part.list", ConversationParts: parts, TotalCount: len(parts)}
	conv.UpdatedAt = created
	if len(parts) > 0 {
		conv.UpdatedAt = parts[len(parts)-1].CreatedAt
	}
	conv.FirstContactReply = &upstream.FirstContactReply{CreatedAt: created, Type: sourceType, URL: nil}
	if conv.Open && (len(parts) == 0 || parts[len(parts)-1].Author.Type != "admin") {
		since := conv.UpdatedAt
		conv.WaitingSince = &since
	}
	conv.Statistics = s.statistics(&conv, parts)
	if conv.State == "closed" && s.chance(0.3) && assignee != nil {
		rated := s.after(conv.UpdatedAt, 86400)
		conv.ConversationRating = &upstream.ConversationRating{Rating: 1 + s.rng.IntN(5), Remark: s.pick([]string{"", "Great help!", "Slow answer", "Thanks"}),
			CreatedAt: rated, Contact: refs[0], Teammate: upstream.Reference{Type: "admin", ID: ptr(assignee.ID)}}
	}
	if s.chance(0.2) {
		status := s.pick([]string{"hit", "missed", "active"})
		conv.SLAApplied = &upstream.SLAApplied{Type: "conversation_sla_summary", SLAName: "First response within 1h", SLAStatus: &status}
	}
	return conv
}

// parts writes the conversation's history: admin replies, notes, an
// assignment, and the close that matches the conversation's state.
func (s *seeder) parts(conv *upstream.Conversation, assignee *upstream.Admin, created upstream.Timestamp) []*upstream.ConversationPart {
	at := created
	parts := []*upstream.ConversationPart{}
	add := func(partType string, author upstream.PartAuthor, body *string) *upstream.ConversationPart {
		at = s.after(at, 7200)
		p := &upstream.ConversationPart{Type: "conversation_part", ID: strconv.Itoa(900_000_000 + int(s.ws.seq)*16 + len(parts)),
			PartType: partType, Body: body, CreatedAt: at, UpdatedAt: at, NotifiedAt: at, Author: author, Attachments: []upstream.PartAttachment{}}
		parts = append(parts, p)
		return p
	}
	user := conv.Source.Author
	if assignee == nil {
		if conv.State == "closed" && len(s.ws.admins) > 0 {
			a := s.ws.admins[0]
			add("close", adminAuthor(a), nil)
			s.addTeammate(conv, a)
		}
		return parts
	}
	admin := adminAuthor(assignee)
	p := add("assignment", admin, nil)
	p.AssignedTo = &upstream.Reference{Type: "admin", ID: ptr(assignee.ID)}
	for range 1 + s.rng.IntN(3) {
		add("comment", admin, ptr(fmt.Sprintf("<p>%s</p>", s.words(6+s.rng.IntN(10)))))
		if s.chance(0.6) {
			add("comment", user, ptr(fmt.Sprintf("<p>%s</p>", s.words(4+s.rng.IntN(10)))))
		}
	}
	if s.chance(0.3) {
		add("note", admin, ptr("<p>Internal: "+s.words(5)+"</p>"))
	}
	switch conv.State {
	case "closed":
		add("close", admin, nil)
	case "snoozed":
		add("snoozed", admin, nil)
	}
	s.addTeammate(conv, assignee)
	return parts
}

func (s *seeder) addTeammate(conv *upstream.Conversation, a *upstream.Admin) {
	conv.Teammates.Teammates = append(conv.Teammates.Teammates, upstream.Reference{Type: "admin", ID: ptr(a.ID)})
}

func (s *seeder) statistics(conv *upstream.Conversation, parts []*upstream.ConversationPart) *upstream.ConversationStatistics {
	st := &upstream.ConversationStatistics{Type: "conversation_statistics", CountConversationParts: len(parts) + 1}
	first := conv.CreatedAt
	st.FirstContactReplyAt = &first
	last := first
	for _, p := range parts {
		t := p.CreatedAt
		switch {
		case p.PartType == "assignment":
			st.CountAssignments++
			if st.FirstAssignmentAt == nil {
				st.FirstAssignmentAt = &t
				d := int64(t - conv.CreatedAt)
				st.TimeToAssignment = &d
			}
			st.LastAssignmentAt = &t
		case p.PartType == "comment" && p.Author.Type == "admin":
			if st.FirstAdminReplyAt == nil {
				st.FirstAdminReplyAt = &t
				d := int64(t - conv.CreatedAt)
				st.TimeToAdminReply = &d
				st.MedianTimeToReply = &d
			}
			st.LastAdminReplyAt = &t
			st.LastAssignmentAdminReplyAt = &t
		case p.PartType == "comment":
			last = t
			st.LastContactReplyAt = &last
		case p.PartType == "close":
			if st.FirstCloseAt == nil {
				st.FirstCloseAt = &t
				d := int64(t - conv.CreatedAt)
				st.TimeToFirstClose = &d
			}
			st.LastCloseAt = &t
			d := int64(t - conv.CreatedAt)
			st.TimeToLastClose = &d
			st.LastClosedByID = ptr(p.Author.ID)
		}
	}
	if st.LastContactReplyAt == nil {
		st.LastContactReplyAt = &first
	}
	return st
}

func adminAuthor(a *upstream.Admin) upstream.PartAuthor {
	return upstream.PartAuthor{Type: "admin", ID: a.ID, Name: ptr(a.Name), Email: a.Email}
}

func contactRef(c *upstream.Contact) upstream.ContactReference {
	return upstream.ContactReference{Type: "contact", ID: c.ID, ExternalID: c.ExternalID}
}

func ptr[T any](v T) *T { return &v }

func mustInt(s string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		panic(fmt.Sprintf("intercomsim: numeric id expected, got %q", s))
	}
	return n
}

func containsInt(list []int64, v int64) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func containsTag(tags []*upstream.Tag, id string) bool {
	for _, t := range tags {
		if t.ID == id {
			return true
		}
	}
	return false
}

func appendUnique(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}
