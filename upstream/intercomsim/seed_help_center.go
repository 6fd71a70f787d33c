package intercomsim

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"intercom-graphql/upstream"
)

// The demo workspace runs two help centers: a customer help center in
// English and French, and developer docs in English only.
type helpCenterSeed struct {
	identifier, displayName, url string
	customDomain                 *string
	websiteTurnedOn              bool
	multilingual                 bool
}

var helpCenterSeeds = []helpCenterSeed{
	{identifier: "demo-help", displayName: "Demo Help Center", url: "https://help.demo-workspace.example",
		customDomain: ptr("help.demo-workspace.example"), websiteTurnedOn: true, multilingual: true},
	{identifier: "demo-developers", displayName: "Demo Developer Docs", url: "https://intercom.help/demo-developers"},
}

// topCollection is a first-level collection; helpCenter indexes helpCenterSeeds.
type topCollection struct {
	en, fr, descEN, descFR, icon string
	helpCenter                   int
}

// topCollections alternate between the help centers, so that even a small
// workspace has collections in both.
var topCollections = []topCollection{
	{"Getting started", "Premiers pas", "Everything you need for your first day.", "Tout ce qu'il faut pour bien démarrer.", "rocket", 0},
	{"API basics", "", "Authenticate, paginate and search with the REST API.", "", "code", 1},
	{"Account and billing", "Compte et facturation", "Plans, invoices and payments.", "Forfaits, factures et paiements.", "credit-card", 0},
	{"Webhooks", "", "Get notified when something happens in your workspace.", "", "bolt", 1},
	{"Inbox", "Boîte de réception", "Assign, reply to and close conversations.", "Attribuer, répondre et clore les conversations.", "inbox", 0},
	{"Integrations", "Intégrations", "Connect the tools your team already uses.", "Connectez les outils que votre équipe utilise déjà.", "plug", 0},
	{"SDKs", "", "Put the Messenger in your web and mobile apps.", "", "box", 1},
	{"Security and privacy", "Sécurité et confidentialité", "Keep your workspace and your customers' data safe.", "Protégez votre espace de travail et les données de vos clients.", "lock", 0},
	{"Mobile apps", "Applications mobiles", "Answer customers from your phone.", "Répondez à vos clients depuis votre téléphone.", "mobile", 0},
}

// sectionNames are the sections of each first-level collection, in the
// order of topCollections; French names for the multilingual help center.
var sectionNames = [][][2]string{
	{{"Your first day", "Votre premier jour"}, {"Teammates", "Coéquipiers"}, {"Messenger setup", "Installation du Messenger"}},
	{{"Authentication", ""}, {"Rate limits", ""}, {"Pagination", ""}},
	{{"Invoices", "Factures"}, {"Plans", "Forfaits"}, {"Payment methods", "Moyens de paiement"}},
	{{"Topics", ""}, {"Signatures", ""}},
	{{"Assignments", "Attributions"}, {"Macros", "Macros"}, {"Office hours", "Heures d'ouverture"}},
	{{"Slack", "Slack"}, {"Salesforce", "Salesforce"}, {"Data export", "Export des données"}},
	{{"JavaScript", ""}, {"iOS", ""}, {"Android", ""}},
	{{"Single sign-on", "Authentification unique"}, {"Passwords", "Mots de passe"}, {"Privacy requests", "Demandes de confidentialité"}},
	{{"iOS", "iOS"}, {"Android", "Android"}, {"Notifications", "Notifications"}},
}

// articleTopic is an article subject; area indexes topCollections, where
// the article is filed.
type articleTopic struct {
	en, fr string
	area   int
}

var articleTopics = []articleTopic{
	{"Set up your workspace in five minutes", "Configurez votre espace de travail en cinq minutes", 0},
	{"Invite your teammates", "Invitez vos coéquipiers", 0},
	{"Install the Messenger on your website", "Installez le Messenger sur votre site", 0},
	{"Authenticate API requests with an access token", "", 1},
	{"Handle rate limits", "", 1},
	{"Paginate through lists", "", 1},
	{"Search contacts with the API", "", 1},
	{"Update your billing address", "Modifier votre adresse de facturation", 2},
	{"Download an invoice", "Télécharger une facture", 2},
	{"Change your plan", "Changer de forfait", 2},
	{"Add a payment method", "Ajouter un moyen de paiement", 2},
	{"Request a refund", "Demander un remboursement", 2},
	{"Subscribe to webhook topics", "", 3},
	{"Verify webhook signatures", "", 3},
	{"Assign conversations to a team", "Attribuer des conversations à une équipe", 4},
	{"Snooze a conversation", "Mettre une conversation en attente", 4},
	{"Use macros to reply faster", "Utiliser les macros pour répondre plus vite", 4},
	{"Set your office hours", "Définir vos heures d'ouverture", 4},
	{"Connect Slack", "Connecter Slack", 5},
	{"Sync contacts with Salesforce", "Synchroniser les contacts avec Salesforce", 5},
	{"Export conversations to CSV", "Exporter les conversations en CSV", 5},
	{"Use the JavaScript SDK", "", 6},
	{"Identify users in the Messenger", "", 6},
	{"Set up single sign-on", "Configurer l'authentification unique", 7},
	{"Reset your password", "Réinitialiser votre mot de passe", 7},
	{"Delete a user's data on request", "Supprimer les données d'un utilisateur sur demande", 7},
	{"Turn on two-factor authentication", "Activer l'authentification à deux facteurs", 7},
	{"Install the iOS app", "Installer l'application iOS", 8},
	{"Install the Android app", "Installer l'application Android", 8},
	{"Turn on push notifications", "Activer les notifications push", 8},
}

// topicVariants tell apart articles of a workspace larger than the topic list.
var topicVariants = [][2]string{
	{"", ""}, {" for new workspaces", " pour les nouveaux espaces de travail"}, {" on the Enterprise plan", " avec le forfait Entreprise"},
	{" (2026 update)", " (mise à jour 2026)"}, {" step by step", " pas à pas"}, {" for administrators", " pour les administrateurs"},
}

// The bodies of articles: a sentence of the article's area, then general advice.
var (
	areaSentencesEN = []string{
		"Your workspace is ready as soon as you invite your first teammate.",
		"Each request to the API needs an access token in the Authorization header.",
		"Your invoices list every charge of the billing period.",
		"Webhook notifications are signed so that you can check where they come from.",
		"Conversations stay in the inbox until a teammate closes them.",
		"You can export the data as a CSV file at any time.",
		"The Messenger loads in the background and never slows your pages down.",
		"Passwords and sign-in settings are managed by your workspace's admins.",
		"Push notifications tell your team about new replies on their phones.",
	}
	areaSentencesFR = []string{
		"Votre espace de travail est prêt dès que vous invitez un premier coéquipier.",
		"Chaque requête à l'API demande un jeton d'accès.",
		"Vos factures détaillent chaque paiement de la période.",
		"Les notifications des webhooks sont signées.",
		"Les conversations restent dans la boîte de réception jusqu'à leur clôture.",
		"Vous pouvez exporter les données au format CSV à tout moment.",
		"Le Messenger se charge en arrière-plan sans ralentir vos pages.",
		"Les mots de passe et la connexion sont gérés par les administrateurs.",
		"Les notifications push préviennent votre équipe des nouvelles réponses.",
	}
	adviceEN = []string{
		"Open Settings and choose the section you need.",
		"Only admins with the right permissions can change this setting.",
		"Changes apply to every teammate of the workspace at once.",
		"If something looks wrong, write to our support team from the Messenger.",
	}
	adviceFR = []string{
		"Ouvrez les Paramètres et choisissez la section souhaitée.",
		"Seuls les administrateurs disposant des droits nécessaires peuvent modifier ce réglage.",
		"Les modifications s'appliquent à tous les coéquipiers de l'espace de travail.",
		"Si quelque chose semble incorrect, écrivez à notre équipe depuis le Messenger.",
	}
)

// welcome holds the Getting started collection's name and the welcome
// article's title in every locale the Help Center supports: the demo help
// center greets readers in all of them.
var welcome = map[string][2]string{
	"ar": {"البدء", "مرحبًا بك"}, "bg": {"Първи стъпки", "Добре дошли"}, "bs": {"Prvi koraci", "Dobro došli"},
	"ca": {"Primers passos", "Benvinguts"}, "cs": {"Začínáme", "Vítejte"}, "da": {"Kom godt i gang", "Velkommen"},
	"de": {"Erste Schritte", "Willkommen"}, "el": {"Ξεκινώντας", "Καλώς ήρθατε"}, "en": {"Getting started", "Welcome"},
	"es": {"Primeros pasos", "Bienvenido"}, "et": {"Alustamine", "Tere tulemast"}, "fi": {"Aloitus", "Tervetuloa"},
	"fr": {"Premiers pas", "Bienvenue"}, "he": {"תחילת העבודה", "ברוכים הבאים"}, "hr": {"Prvi koraci", "Dobro došli"},
	"hu": {"Első lépések", "Üdvözöljük"}, "id": {"Memulai", "Selamat datang"}, "it": {"Primi passi", "Benvenuto"},
	"ja": {"はじめに", "ようこそ"}, "ko": {"시작하기", "환영합니다"}, "lt": {"Pradžia", "Sveiki atvykę"},
	"lv": {"Darba sākšana", "Laipni lūdzam"}, "mn": {"Эхлэх", "Тавтай морил"}, "nb": {"Kom i gang", "Velkommen"},
	"nl": {"Aan de slag", "Welkom"}, "pl": {"Pierwsze kroki", "Witamy"}, "pt": {"Primeiros passos", "Bem-vindo"},
	"pt-BR": {"Primeiros passos", "Boas-vindas"}, "ro": {"Primii pași", "Bun venit"}, "ru": {"Начало работы", "Добро пожаловать"},
	"sl": {"Prvi koraki", "Dobrodošli"}, "sr": {"Први кораци", "Добродошли"}, "sv": {"Kom igång", "Välkommen"},
	"tr": {"Başlarken", "Hoş geldiniz"}, "vi": {"Bắt đầu", "Chào mừng"}, "zh-CN": {"入门指南", "欢迎"}, "zh-TW": {"入門指南", "歡迎"},
}

func (s *seeder) helpCenters(collections, articles int) {
	ws := s.ws
	ws.helpCenterByID = map[string]*upstream.HelpCenter{}
	ws.collectionByID = map[string]*collectionRecord{}
	ws.articleByID = map[string]*articleRecord{}
	for i, seed := range helpCenterSeeds {
		created := s.daysBefore(900)
		hc := &upstream.HelpCenter{
			ID: strconv.Itoa(2310 + i), WorkspaceID: ws.app.IDCode, CreatedAt: created, UpdatedAt: s.updatedAfter(created, 86400*200),
			Identifier: seed.identifier, WebsiteTurnedOn: seed.websiteTurnedOn, DisplayName: seed.displayName,
			URL: seed.url, CustomDomain: seed.customDomain,
		}
		ws.helpCenters = append(ws.helpCenters, hc)
		ws.helpCenterByID[hc.ID] = hc
	}
	s.collections(collections)
	for i := range articles {
		rec := s.article(i)
		ws.articles = append(ws.articles, rec)
		ws.articleByID[rec.article.ID] = rec
	}
}

// collections seeds about half first-level collections and half sections
// nested under them, up to three levels deep.
func (s *seeder) collections(n int) {
	ws := s.ws
	top := min(len(topCollections), max(1, (n+1)/2), n)
	children := map[string]int{} // sections seeded so far under each parent ("" for the first level)
	named := map[int]int{}       // sections seeded so far in each area
	for i := range n {
		rec := &collectionRecord{seq: ws.nextSeq()}
		created := s.daysBefore(800)
		c := upstream.Collection{ID: strconv.Itoa(2_600_000 + i), WorkspaceID: ws.app.IDCode, CreatedAt: created, UpdatedAt: s.updatedAfter(created, 86400*300)}
		var en, fr string
		var descEN, descFR *string
		if i < top {
			tc := topCollections[i]
			en, fr, rec.topic, rec.helpCenter = tc.en, tc.fr, i, tc.helpCenter
			descEN, descFR = ptr(tc.descEN), ptr(tc.descFR)
			c.Icon = ptr(tc.icon)
			c.HelpCenterID = ptr(mustInt(ws.helpCenters[tc.helpCenter].ID))
			c.Order = children[""]
			children[""]++
		} else {
			var parent *collectionRecord
			for parent == nil || parent.depth >= 2 {
				parent = ws.collections[s.rng.IntN(len(ws.collections))]
			}
			names := sectionNames[parent.topic]
			name := names[named[parent.topic]%len(names)]
			en, fr = name[0], name[1]
			if round := named[parent.topic] / len(names); round > 0 {
				en, fr = fmt.Sprintf("%s %d", en, round+1), fmt.Sprintf("%s %d", fr, round+1)
			}
			named[parent.topic]++
			rec.topic, rec.helpCenter, rec.depth = parent.topic, parent.helpCenter, parent.depth+1
			c.ParentID = ptr(parent.collection.ID)
			c.Icon = ptr("bookmark")
			c.Order = children[parent.collection.ID]
			children[parent.collection.ID]++
		}
		c.Name, c.Description = en, descEN
		hc := helpCenterSeeds[rec.helpCenter]
		if hc.websiteTurnedOn {
			c.URL = ptr(fmt.Sprintf("%s/en/collections/%s-%s", hc.url, c.ID, slug(en)))
		}
		if hc.multilingual {
			c.DefaultLocale = "en"
			c.TranslatedContent = &upstream.GroupTranslatedContent{Type: ptr("group_translated_content")}
			c.TranslatedContent.Set("en", &upstream.GroupContent{Type: ptr("group_content"), Name: en, Description: descEN})
			c.TranslatedContent.Set("fr", &upstream.GroupContent{Type: ptr("group_content"), Name: fr, Description: descFR})
			if i == 0 {
				for locale, words := range welcome {
					desc := words[1] + "!"
					c.TranslatedContent.Set(locale, &upstream.GroupContent{Type: ptr("group_content"), Name: words[0], Description: &desc})
				}
				c.TranslatedContent.EN.Description, c.TranslatedContent.FR.Description = descEN, descFR
			}
		}
		rec.collection = c
		ws.collections = append(ws.collections, rec)
		ws.collectionByID[c.ID] = rec
	}
}

// article seeds the i-th article: the first is the help center's welcome
// page in every locale; the others cover the topics of the collection they
// are filed in, in English and, in the customer help center, mostly French too.
func (s *seeder) article(i int) *articleRecord {
	ws := s.ws
	rec := &articleRecord{seq: ws.nextSeq()}
	topic := articleTopics[(i+len(articleTopics)-1)%len(articleTopics)]
	variant := topicVariants[((i+len(articleTopics)-1)/len(articleTopics))%len(topicVariants)]
	titleEN, titleFR := topic.en+variant[0], topic.fr+variant[1]
	welcomePage := i == 0 && len(ws.collections) > 0
	if welcomePage {
		titleEN, titleFR = welcome["en"][1], welcome["fr"][1]
	}

	// Filing: a collection of the topic's area, or anywhere if the area has none; a few articles stand alone.
	var parents []*collectionRecord
	switch {
	case welcomePage:
		parents = append(parents, ws.collections[0])
	case len(ws.collections) > 0 && s.chance(0.92):
		var inArea []*collectionRecord
		for _, c := range ws.collections {
			if c.topic == topic.area {
				inArea = append(inArea, c)
			}
		}
		if len(inArea) == 0 {
			inArea = ws.collections
		}
		parents = append(parents, inArea[s.rng.IntN(len(inArea))])
		// Some articles also appear in the other help center.
		if s.chance(0.12) {
			var elsewhere []*collectionRecord
			for _, c := range ws.collections {
				if c.helpCenter != parents[0].helpCenter {
					elsewhere = append(elsewhere, c)
				}
			}
			if len(elsewhere) > 0 {
				parents = append(parents, elsewhere[s.rng.IntN(len(elsewhere))])
			}
		}
	}

	created := s.daysBefore(700)
	a := upstream.Article{
		Type: "article", ID: strconv.Itoa(8_100_000 + i), WorkspaceID: ws.app.IDCode, Title: titleEN,
		AuthorID: mustInt(ws.admins[s.rng.IntN(len(ws.admins))].ID), State: "published",
		CreatedAt: created, UpdatedAt: s.updatedAfter(created, 86400*200), ParentIDs: []int64{},
	}
	if !welcomePage && s.chance(0.15) {
		a.State = "draft"
	}
	descEN := "Step by step: " + strings.ToLower(titleEN[:1]) + titleEN[1:] + "."
	bodyEN := s.body(titleEN, areaSentencesEN[topic.area], adviceEN)
	switch {
	case welcomePage:
		descEN, bodyEN = "Start here: how this help center is organised.", "<p>Welcome! Start here to find your way around the help center.</p>"
	case a.State == "draft" && s.chance(0.35):
		bodyEN = "" // an empty draft
	}
	a.Body = ptr(bodyEN)
	if bodyEN == "" {
		a.Body = nil
	}
	if !welcomePage && s.chance(0.15) {
		descEN = ""
	} else {
		a.Description = ptr(descEN)
	}
	for _, p := range parents {
		a.ParentIDs = append(a.ParentIDs, mustInt(p.collection.ID))
		rec.helpCenterIDs = append(rec.helpCenterIDs, ws.helpCenters[p.helpCenter].ID)
	}
	home := helpCenterSeeds[0]
	if len(parents) > 0 {
		a.ParentID = ptr(a.ParentIDs[0])
		a.ParentType = ptr("collection")
		if parents[0].depth > 0 {
			a.ParentType = ptr("section")
		}
		home = helpCenterSeeds[parents[0].helpCenter]
	}
	url := fmt.Sprintf("%s/en/articles/%s-%s", home.url, a.ID, slug(titleEN))
	if a.State == "published" {
		a.URL = ptr(url)
	}
	a.Statistics = s.articleStatistics(a.State == "published")

	if len(parents) > 0 && helpCenterSeeds[parents[0].helpCenter].multilingual {
		a.DefaultLocale = "en"
		tc := &upstream.ArticleTranslatedContent{Type: ptr("article_translated_content")}
		content := func(title, description, body, state, url string) *upstream.ArticleContent {
			return &upstream.ArticleContent{Type: ptr("article_content"), Title: title, Description: description, Body: body,
				AuthorID: a.AuthorID, State: state, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt, URL: url}
		}
		tc.Set("en", content(titleEN, descEN, bodyEN, a.State, url))
		switch {
		case welcomePage:
			for locale, words := range welcome {
				if locale != "en" {
					tc.Set(locale, content(words[1], words[0], "<p>"+words[1]+"!</p>", "published",
						fmt.Sprintf("%s/%s/articles/%s", home.url, strings.ToLower(locale), a.ID)))
				}
			}
		case titleFR != "" && s.chance(0.7):
			// A translation in progress stays a draft while the English article is live.
			state := a.State
			if s.chance(0.2) {
				state = "draft"
			}
			fr := content(titleFR, "Pas à pas : "+strings.ToLower(titleFR[:1])+titleFR[1:]+".", s.body(titleFR, areaSentencesFR[topic.area], adviceFR), state,
				fmt.Sprintf("%s/fr/articles/%s-%s", home.url, a.ID, slug(titleFR)))
			fr.AuthorID = mustInt(ws.admins[s.rng.IntN(len(ws.admins))].ID)
			tc.Set("fr", fr)
		}
		a.TranslatedContent = tc
	}
	rec.article = a
	indexArticle(rec)
	return rec
}

func (s *seeder) body(title, areaSentence string, advice []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<h2>%s</h2><p>%s</p>", title, areaSentence)
	first := s.rng.IntN(len(advice))
	for k := range 1 + s.rng.IntN(2) {
		fmt.Fprintf(&b, "<p>%s</p>", advice[(first+k)%len(advice)])
	}
	return b.String()
}

// updatedAfter is a moment after t, never later than the seed's "today".
func (s *seeder) updatedAfter(t upstream.Timestamp, maxSeconds int64) upstream.Timestamp {
	return min(s.after(t, maxSeconds), upstream.TimestampOf(seedAnchor))
}

func (s *seeder) articleStatistics(published bool) *upstream.ArticleStatistics {
	st := &upstream.ArticleStatistics{Type: "article_statistics"}
	if !published {
		return st
	}
	st.Views = s.rng.IntN(5000)
	st.Conversions = st.Views / (20 + s.rng.IntN(80))
	st.Reactions = st.Views / (10 + s.rng.IntN(30))
	if st.Reactions > 0 {
		happy := 40 + s.rng.IntN(55)
		sad := s.rng.IntN(100 - happy + 1)
		st.HappyReactionPercentage = float64(happy)
		st.SadReactionPercentage = math.Round(float64(sad)*10/3) / 10
		st.NeutralReactionPercentage = math.Round((100-st.HappyReactionPercentage-st.SadReactionPercentage)*10) / 10
	}
	return st
}

// slug is how the Help Center writes a title into a URL.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
