package intercomsim

import (
	"fmt"
	"strings"

	"intercom-graphql/upstream"
)

var (
	pseudonymColours = strings.Fields(`Grey Red Blue Green Orange Purple Teal Gold`)
	pseudonymAnimals = strings.Fields(`Shark Duck Fox Owl Panda Otter Heron Lynx`)
	visitorPlaces    = []struct{ city, continent, countryCode, country, postal, region, timezone string }{
		{"Dublin", "EU", "IRL", "Ireland", "D02 N960", "Leinster", "Europe/Dublin"},
		{"San Francisco", "NA", "USA", "United States", "94107", "California", "America/Los_Angeles"},
		{"Berlin", "EU", "DEU", "Germany", "10115", "Berlin", "Europe/Berlin"},
		{"Sydney", "OC", "AUS", "Australia", "2000", "New South Wales", "Australia/Sydney"},
		{"Sao Paulo", "SA", "BRA", "Brazil", "01000-000", "Sao Paulo", "America/Sao_Paulo"},
	}
	referrers = []string{"https://www.google.com/", "https://news.ycombinator.com/", "https://www.linkedin.com/", "https://duckduckgo.com/"}
)

// visitors seeds anonymous website visitors, one for every twenty contacts
// (at least three). They are attached to no company: companies belong to
// users and leads. Some left an email or a name in the Messenger, some came
// from a campaign, some were tagged or fell into segments.
func (s *seeder) visitors(n int) {
	ws := s.ws
	ws.visitorByUserID = map[string]*upstream.Visitor{}
	for i := range n {
		created := s.daysBefore(60)
		updated := s.after(created, 86400*3)
		seen := s.after(updated, 3600)
		colour, animal := s.pick(pseudonymColours), s.pick(pseudonymAnimals)
		place := visitorPlaces[s.rng.IntN(len(visitorPlaces))]
		v := &upstream.Visitor{
			Type: "visitor", ID: s.hexID(), UserID: s.uuid(), Anonymous: true,
			Pseudonym: ptr(fmt.Sprintf("%s %s from %s", colour, animal, place.city)),
			Avatar: &upstream.VisitorAvatar{Type: "avatar", ImageURL: ptr(fmt.Sprintf("https://static.intercomassets.com/app/pseudonym_avatars_2019/%s-%s.png",
				strings.ToLower(colour), strings.ToLower(animal)))},
			AppID:     ws.app.IDCode,
			Companies: &upstream.VisitorCompanies{Type: "company.list", Companies: []*upstream.VisitorCompany{}},
			LocationData: &upstream.VisitorLocation{Type: "location_data", CityName: ptr(place.city), ContinentCode: ptr(place.continent),
				CountryCode: ptr(place.countryCode), CountryName: ptr(place.country), PostalCode: ptr(place.postal),
				RegionName: ptr(place.region), Timezone: ptr(place.timezone)},
			LastRequestAt: &seen, CreatedAt: created, RemoteCreatedAt: &created, UpdatedAt: updated,
			SessionCount:     1 + s.rng.IntN(12),
			SocialProfiles:   &upstream.VisitorSocialProfiles{Type: "social_profile.list", SocialProfiles: []string{}},
			Tags:             &upstream.VisitorTags{Type: "tag.list", Tags: []*upstream.VisitorTag{}},
			Segments:         &upstream.VisitorSegments{Type: "segment.list", Segments: []string{}},
			CustomAttributes: map[string]any{},
		}
		if i%3 == 1 {
			first, last := s.pick(firstNames), s.pick(lastNames)
			v.Anonymous, v.Pseudonym, v.Name = false, nil, ptr(first+" "+last)
			v.Email = fmt.Sprintf("%s.%s.visitor%d@%s", strings.ToLower(first), strings.ToLower(last), i+1, s.pick(freeMailDomains))
			v.Avatar.ImageURL = nil
			v.SignedUpAt = &created
			v.SocialProfiles.SocialProfiles = append(v.SocialProfiles.SocialProfiles, "https://twitter.com/"+strings.ToLower(first+last))
			if i == 1 || s.chance(0.5) { // the first named visitor always has a phone, so every shape occurs
				v.Phone = ptr(fmt.Sprintf("+353 1 %07d", s.rng.IntN(10000000)))
			}
		}
		if i%4 == 2 {
			v.UTMCampaign, v.UTMContent, v.UTMMedium = ptr("spring-launch"), ptr("banner"), ptr("email")
			v.UTMSource, v.UTMTerm = ptr("newsletter"), ptr("messenger")
			v.CustomAttributes["landing_page"] = "/pricing"
		}
		if s.chance(0.7) {
			v.Referrer = ptr(s.pick(referrers))
		}
		if s.chance(0.6) {
			v.DoNotTrack = ptr(s.chance(0.2))
		}
		if len(ws.admins) > 0 && i%5 == 0 {
			v.OwnerID = ptr(ws.admins[s.rng.IntN(len(ws.admins))].ID)
		}
		if len(ws.tags) > 0 && i%3 != 2 {
			t := ws.tags[s.rng.IntN(len(ws.tags))].tag
			v.Tags.Tags = append(v.Tags.Tags, &upstream.VisitorTag{Type: "tag", ID: t.ID, Name: t.Name})
		}
		if len(ws.segments) > 0 && i%2 == 0 {
			v.Segments.Segments = append(v.Segments.Segments, ws.segments[s.rng.IntN(len(ws.segments))].id)
		}
		v.UnsubscribedFromEmails, v.MarkedEmailAsSpam, v.HasHardBounced = s.chance(0.1), s.chance(0.05), s.chance(0.05)
		ws.visitors = append(ws.visitors, v)
		ws.visitorByUserID[v.UserID] = v
	}
}

// uuid makes a random version-4 UUID from the seeder's generator.
func (s *seeder) uuid() string {
	a, b := s.rng.Uint64(), s.rng.Uint64()
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", a>>32, a>>16&0xffff, a&0xfff, 0x8000|b>>48&0x3fff, b&0xffffffffffff)
}

// VisitorUserIDs lists the user_id of every visitor.
func (ws *Workspace) VisitorUserIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	ids := make([]string, len(ws.visitors))
	for i, v := range ws.visitors {
		ids[i] = v.UserID
	}
	return ids
}
