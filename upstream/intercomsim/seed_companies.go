package intercomsim

import (
	"fmt"
	"strconv"
	"strings"

	"intercom-graphql/upstream"
)

// companyProfile is what a company carries beyond its name and ids. Fields a
// company may lack are pointers: Intercom leaves them out of its answers.
type companyProfile struct {
	plan             upstream.CompanyPlan // the zero value is Intercom's empty plan object
	remoteCreatedAt  *upstream.Timestamp
	lastRequestAt    *upstream.Timestamp
	size             *int
	website          *string
	industry         *string
	monthlySpend     float64
	sessionCount     int
	customAttributes map[string]any
}

var (
	industries   = []string{"Software", "Retail", "Healthcare", "Logistics", "Financial Services", "Media", "Manufacturing", "Education"}
	companySizes = []int{4, 12, 25, 48, 120, 260, 800, 2400}
	planNames    = map[string]string{"free": "Free", "starter": "Starter", "pro": "Pro", "enterprise": "Enterprise"}
	accountTiers = []string{"bronze", "silver", "gold", "platinum"}
	salesRegions = []string{"AMER", "EMEA", "APAC"}
)

// crowdedContactLinks is how many companies and tags the most recently added
// contact is given: more than a contact embeds (embeddedRefLimit), so that
// its lists must be read from their own endpoints.
const crowdedContactLinks = embeddedRefLimit + 2

// companyDetails runs once contacts exist: it gives every company its plan,
// size, spend, custom attributes, tags and segments, and records its members,
// so user counts and last request times agree with the contacts' own records.
func (s *seeder) companyDetails() {
	ws := s.ws
	s.crowdedContact()
	for _, rec := range ws.contacts {
		for _, id := range rec.companyIDs {
			if c := ws.companyByID[id]; c != nil {
				c.members = append(c.members, rec)
			}
		}
	}
	for i, c := range ws.companies {
		c.profile = s.companyProfile(i, c)
		for range s.rng.IntN(4) {
			if len(ws.tags) > 0 {
				c.tagIDs = appendUnique(c.tagIDs, ws.tags[s.rng.IntN(len(ws.tags))].tag.ID)
			}
		}
		for range s.rng.IntN(3) {
			if len(ws.segments) > 0 {
				c.segmentIDs = appendUnique(c.segmentIDs, ws.segments[s.rng.IntN(len(ws.segments))].id)
			}
		}
	}
}

// crowdedContact makes the newest contact an agency's account manager who
// works with many client companies and carries many tags.
func (s *seeder) crowdedContact() {
	ws := s.ws
	if len(ws.contacts) == 0 {
		return
	}
	rec := ws.contacts[len(ws.contacts)-1]
	for i := 0; i < len(ws.companies) && len(rec.companyIDs) < crowdedContactLinks; i++ {
		rec.companyIDs = appendUnique(rec.companyIDs, ws.companies[i].id)
	}
	for i := 0; i < len(ws.tags) && len(rec.tagIDs) < crowdedContactLinks; i++ {
		rec.tagIDs = appendUnique(rec.tagIDs, ws.tags[i].tag.ID)
	}
}

func (s *seeder) companyProfile(i int, c *companyRecord) companyProfile {
	p := companyProfile{customAttributes: map[string]any{}}
	plan := s.pick(plans)
	if s.chance(0.75) {
		p.plan = upstream.CompanyPlan{Type: "plan", ID: strconv.Itoa(269300 + indexOf(plans, plan)), Name: planNames[plan]}
		p.monthlySpend = float64(monthlySpend(plan, s.rng.IntN(1000)))
	}
	if s.chance(0.6) {
		remote := c.createdAt - upstream.Timestamp(86400*(30+s.rng.IntN(900)))
		p.remoteCreatedAt = &remote
	}
	for _, m := range c.members {
		if seen := m.contact.LastSeenAt; seen != nil && (p.lastRequestAt == nil || *seen > *p.lastRequestAt) {
			last := *seen
			p.lastRequestAt = &last
		}
		p.sessionCount += 1 + s.rng.IntN(40)
	}
	if s.chance(0.85) {
		p.size = ptr(companySizes[s.rng.IntN(len(companySizes))])
	}
	if s.chance(0.8) {
		p.website = ptr("https://www." + strings.ToLower(strings.ReplaceAll(c.name, " ", "")) + ".example")
	}
	if s.chance(0.75) {
		p.industry = ptr(s.pick(industries))
	}
	// Intercom's schema types company custom attributes as strings.
	if s.chance(0.8) {
		p.customAttributes["account_tier"] = s.pick(accountTiers)
		p.customAttributes["sales_region"] = s.pick(salesRegions)
	}
	if s.chance(0.5) {
		p.customAttributes["crm_id"] = fmt.Sprintf("0015g%010d", i+1)
		p.customAttributes["renewal_month"] = seedAnchor.AddDate(0, 1+s.rng.IntN(12), 0).Format("2006-01")
	}
	return p
}

// monthlySpend is a plausible monthly revenue in dollars for a plan; r is a
// random number below 1000.
func monthlySpend(plan string, r int) int {
	switch plan {
	case "starter":
		return 49 + r/5
	case "pro":
		return 499 + r*2
	case "enterprise":
		return 4999 + r*20
	}
	return 0
}

func indexOf(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}
