package intercomsim

import (
	"fmt"
	"strconv"

	"intercom-graphql/upstream"
)

var (
	newsfeedNames  = []string{"Customer Feed", "Visitor Feed", "Mobile App Feed"}
	newsHeadlines  = []string{"Dark mode is here", "Our spring product update", "Scheduled maintenance this Saturday", "Join our customer webinar", "Faster search across your inbox", "Android SDK 15 is out", "New prices for the Starter plan", "We are hiring support engineers", "New integration: Linear", "Holiday support hours", "Better reporting dashboards", "Two-factor authentication for everyone", "Export your data in one click", "Meet us at our user conference", "Fixed: notification sounds on iOS", "Introducing custom objects"}
	newsRounds     = []string{"", " (part 2)", " (part 3)", " (reminder)"}
	newsLabels     = []string{"Product", "Update", "New", "Fix", "Event", "Company"}
	newsReactions  = [][]string{{"👍", "❤️", "🎉", "😕"}, {"😆", "😅"}, {"🔥", "👏"}}
	newsBodyPhrase = []string{"We shipped it this morning for every workspace.", "Read on to see what changes for your team.", "Nothing to do on your side: it is already on.", "Tell us what you think from the Messenger.", "The full details are in the help center."}
)

// news seeds the newsfeeds and n news items. Most items are live in the
// customer feed, some in other feeds too; drafts are in none yet.
func (s *seeder) news(n int) {
	ws := s.ws
	ws.newsfeedByID = map[string]*upstream.Newsfeed{}
	ws.newsItemByID = map[string]*newsItemRecord{}
	for i, name := range newsfeedNames {
		created := s.daysBefore(300) - 450*86400 // the feeds are older than every item
		f := &upstream.Newsfeed{ID: strconv.Itoa(1200 + i), Type: "newsfeed", Name: name, CreatedAt: created, UpdatedAt: s.updatedAfter(created, 86400*100)}
		ws.newsfeeds = append(ws.newsfeeds, f)
		ws.newsfeedByID[f.ID] = f
	}
	for i := range n {
		rec := &newsItemRecord{seq: ws.nextSeq()}
		created := s.daysBefore(400)
		title := newsHeadlines[i%len(newsHeadlines)] + newsRounds[(i/len(newsHeadlines))%len(newsRounds)]
		if round := i / (len(newsHeadlines) * len(newsRounds)); round > 0 {
			title = fmt.Sprintf("%s #%d", title, round+1)
		}
		item := upstream.NewsItem{
			Type: "news-item", ID: strconv.Itoa(4300 + i), WorkspaceID: ws.app.IDCode, Title: title,
			Body:     fmt.Sprintf("<p>%s</p><p>%s</p>", s.pick(newsBodyPhrase), s.pick(newsBodyPhrase)),
			SenderID: mustInt(ws.admins[s.rng.IntN(len(ws.admins))].ID), State: "live",
			NewsfeedAssignments: []upstream.NewsfeedAssignment{}, Labels: []*string{}, Reactions: []*string{},
			DeliverSilently: s.chance(0.25), CreatedAt: created, UpdatedAt: s.updatedAfter(created, 86400*20),
		}
		if i > 0 && s.chance(0.2) {
			item.State = "draft"
		}
		if item.State == "live" {
			for f, feed := range ws.newsfeeds {
				if (f == 0 && s.chance(0.9)) || (f > 0 && s.chance(0.3)) || (f == len(ws.newsfeeds)-1 && len(item.NewsfeedAssignments) == 0) {
					published := s.updatedAfter(item.CreatedAt, 86400*3)
					item.NewsfeedAssignments = append(item.NewsfeedAssignments, upstream.NewsfeedAssignment{NewsfeedID: mustInt(feed.ID), PublishedAt: &published})
				}
			}
		}
		for _, label := range newsLabels {
			if s.chance(0.2) {
				item.Labels = append(item.Labels, ptr(label))
			}
		}
		if s.chance(0.4) {
			item.CoverImageURL = ptr(fmt.Sprintf("https://downloads.intercomcdn.example/news/%s/cover.png", item.ID))
		}
		if s.chance(0.75) {
			for _, r := range newsReactions[s.rng.IntN(len(newsReactions))] {
				item.Reactions = append(item.Reactions, ptr(r))
			}
		}
		rec.item = item
		ws.newsItems = append(ws.newsItems, rec)
		ws.newsItemByID[item.ID] = rec
	}
}
