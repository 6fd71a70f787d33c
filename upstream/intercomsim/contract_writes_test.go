package intercomsim_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"intercom-graphql/upstream/intercomsim"
)

// The writes' rows run after every read row, in the order below, on the
// same workspace: each sends its requests in turn (successes and the
// refusals the spec and Intercom's reference describe) and reads the effect
// back over HTTP. A refusal must change nothing; its after check says so.

// writeCase is one request of a write's row.
type writeCase struct {
	name   string
	target string // the path, ids filled in
	body   string
	status int    // 200 when zero
	code   string // errors[0].code of a refusal
	// malformed marks a request the spec refuses too.
	malformed bool
	// check reads the effect of a success back.
	check func(t testing.TB, body map[string]any)
	// after runs once the answer came, whatever it was: what a refusal left alone.
	after func(t testing.TB)
}

// writeScenarios turns a row's cases into scenarios, and adds those every
// endpoint must pass with its last refusal, which changes nothing however
// often it is sent: a wrong token and a spent rate budget.
func writeScenarios(cases []writeCase) []scenario {
	var out []scenario
	var refusal writeCase
	for _, c := range cases {
		sc := scenario{name: c.name, targets: []string{c.target}, body: c.body, status: cmpOr(c.status, http.StatusOK), code: c.code,
			malformed: c.malformed, after: c.after, token: intercomsim.DemoToken}
		if check := c.check; check != nil {
			sc.check = func(t testing.TB, _ string, body map[string]any) { check(t, body) }
		}
		if sc.status >= 400 && sc.status != http.StatusTooManyRequests && (!c.malformed || refusal.target == "") {
			refusal = c
		}
		out = append(out, sc)
	}
	return append(out,
		scenario{name: "wrong token", targets: []string{refusal.target}, body: refusal.body, malformed: refusal.malformed,
			token: "not-a-token-of-this-workspace", status: http.StatusUnauthorized, code: "unauthorized"},
		scenario{name: "rate limited", targets: []string{refusal.target}, body: refusal.body, malformed: refusal.malformed,
			token: intercomsim.DemoToken, budget: 3, status: http.StatusTooManyRequests, code: "rate_limit_exceeded"},
	)
}

func cmpOr(v, fallback int) int {
	if v == 0 {
		return fallback
	}
	return v
}

func init() { contractRows = append(contractRows, writeRows...) }

var writeRows = []contractRow{
	{op: "setAwayAdmin", method: http.MethodPut, path: "/admins/{id}/away", writes: awayWrites, renderedAs: "retrieveAdmin"},
	{op: "createArticle", method: http.MethodPost, path: "/articles", writes: createArticleWrites, renderedAs: "retrieveArticle"},
	{op: "updateArticle", method: http.MethodPut, path: "/articles/{id}", writes: updateArticleWrites, renderedAs: "retrieveArticle"},
	{op: "deleteArticle", method: http.MethodDelete, path: "/articles/{id}", writes: deleteArticleWrites},
	{op: "createCollection", method: http.MethodPost, path: "/help_center/collections", writes: createCollectionWrites, renderedAs: "retrieveCollection"},
	{op: "updateCollection", method: http.MethodPut, path: "/help_center/collections/{id}", writes: updateCollectionWrites, renderedAs: "retrieveCollection"},
	{op: "deleteCollection", method: http.MethodDelete, path: "/help_center/collections/{id}", writes: deleteCollectionWrites},
	{op: "createNewsItem", method: http.MethodPost, path: "/news/news_items", writes: createNewsItemWrites, renderedAs: "retrieveNewsItem"},
	{op: "updateNewsItem", method: http.MethodPut, path: "/news/news_items/{id}", writes: updateNewsItemWrites, renderedAs: "retrieveNewsItem"},
	{op: "deleteNewsItem", method: http.MethodDelete, path: "/news/news_items/{id}", writes: deleteNewsItemWrites},
	{op: "createOrUpdateCompany", method: http.MethodPost, path: "/companies", writes: upsertCompanyWrites, renderedAs: "RetrieveACompanyById"},
	{op: "UpdateCompany", method: http.MethodPut, path: "/companies/{id}", writes: updateCompanyWrites, renderedAs: "RetrieveACompanyById"},
	{op: "attachContactToACompany", method: http.MethodPost, path: "/contacts/{id}/companies", writes: attachCompanyWrites, renderedAs: "RetrieveACompanyById"},
	{op: "detachContactFromACompany", method: http.MethodDelete, path: "/contacts/{contact_id}/companies/{id}", writes: detachCompanyWrites, renderedAs: "RetrieveACompanyById"},
	{op: "CreateContact", method: http.MethodPost, path: "/contacts", writes: createContactWrites, renderedAs: "ShowContact"},
	{op: "UpdateContact", method: http.MethodPut, path: "/contacts/{id}", writes: updateContactWrites, renderedAs: "ShowContact"},
	{op: "ArchiveContact", method: http.MethodPost, path: "/contacts/{id}/archive", writes: archiveWrites},
	{op: "UnarchiveContact", method: http.MethodPost, path: "/contacts/{id}/unarchive", writes: unarchiveWrites},
	{op: "MergeContact", method: http.MethodPost, path: "/contacts/merge", writes: mergeWrites, renderedAs: "ShowContact"},
	{op: "attachTagToContact", method: http.MethodPost, path: "/contacts/{contact_id}/tags", writes: attachTagWrites},
	{op: "detachTagFromContact", method: http.MethodDelete, path: "/contacts/{contact_id}/tags/{id}", writes: detachTagWrites},
	{op: "attachSubscriptionTypeToContact", method: http.MethodPost, path: "/contacts/{contact_id}/subscriptions", writes: attachSubscriptionWrites},
	{op: "detachSubscriptionTypeToContact", method: http.MethodDelete, path: "/contacts/{contact_id}/subscriptions/{id}", writes: detachSubscriptionWrites},
	{op: "createNote", method: http.MethodPost, path: "/contacts/{id}/notes", writes: createNoteWrites, renderedAs: "retrieveNote"},
	{op: "createDataAttribute", method: http.MethodPost, path: "/data_attributes", writes: createDataAttributeWrites},
	{op: "updateDataAttribute", method: http.MethodPut, path: "/data_attributes/{id}", writes: updateDataAttributeWrites},
	{op: "createDataEvent", method: http.MethodPost, path: "/events", writes: createEventWrites},
	{op: "dataEventSummaries", method: http.MethodPost, path: "/events/summaries", writes: eventSummaryWrites},
	{op: "cancelDataExport", method: http.MethodPost, path: "/export/cancel/{job_identifier}", writes: cancelExportWrites},
	{op: "createDataExport", method: http.MethodPost, path: "/export/content/data", writes: createExportWrites},
	{op: "createMessage", method: http.MethodPost, path: "/messages", writes: messageWrites},
	{op: "createPhoneSwitch", method: http.MethodPost, path: "/phone_call_redirects", writes: phoneSwitchWrites},
	{op: "createTag", method: http.MethodPost, path: "/tags", writes: createTagWrites},
	{op: "updateVisitor", method: http.MethodPut, path: "/visitors", writes: updateVisitorWrites, renderedAs: "retrieveVisitorWithUserId"},
	{op: "convertVisitor", method: http.MethodPost, path: "/visitors/convert", writes: convertVisitorWrites, renderedAs: "ShowContact"},
	{op: "DeleteContact", method: http.MethodDelete, path: "/contacts/{id}", writes: deleteContactWrites},
	{op: "deleteCompany", method: http.MethodDelete, path: "/companies/{id}", writes: deleteCompanyWrites},
	{op: "deleteTag", method: http.MethodDelete, path: "/tags/{id}", writes: deleteTagWrites},
	{op: "attachTagToConversation", method: http.MethodPost, path: "/conversations/{conversation_id}/tags", writes: attachConversationTagWrites},
	{op: "detachTagFromConversation", method: http.MethodDelete, path: "/conversations/{conversation_id}/tags/{id}", writes: detachConversationTagWrites},
	{op: "createConversation", method: http.MethodPost, path: "/conversations", writes: createConversationWrites},
	{op: "updateConversation", method: http.MethodPut, path: "/conversations/{id}", writes: updateConversationWrites, renderedAs: "retrieveConversation"},
	{op: "replyConversation", method: http.MethodPost, path: "/conversations/{id}/reply", writes: replyConversationWrites, renderedAs: "retrieveConversation"},
	{op: "manageConversation", method: http.MethodPost, path: "/conversations/{id}/parts", writes: manageConversationWrites, renderedAs: "retrieveConversation"},
	{op: "autoAssignConversation", method: http.MethodPost, path: "/conversations/{id}/run_assignment_rules", writes: autoAssignWrites, renderedAs: "retrieveConversation"},
	{op: "attachContactToConversation", method: http.MethodPost, path: "/conversations/{id}/customers", writes: attachParticipantWrites, renderedAs: "retrieveConversation"},
	{op: "detachContactFromConversation", method: http.MethodDelete, path: "/conversations/{conversation_id}/customers/{contact_id}", writes: detachParticipantWrites,
		renderedAs: "retrieveConversation"},
	{op: "redactConversation", method: http.MethodPost, path: "/conversations/redact", writes: redactWrites, renderedAs: "retrieveConversation"},
	{op: "convertConversationToTicket", method: http.MethodPost, path: "/conversations/{id}/convert", writes: convertWrites, renderedAs: "getTicket"},
	{op: "createTicketType", method: http.MethodPost, path: "/ticket_types", writes: createTicketTypeWrites, renderedAs: "getTicketType"},
	{op: "updateTicketType", method: http.MethodPut, path: "/ticket_types/{id}", writes: updateTicketTypeWrites, renderedAs: "getTicketType"},
	{op: "createTicketTypeAttribute", method: http.MethodPost, path: "/ticket_types/{ticket_type_id}/attributes", writes: createAttributeWrites, renderedAs: "getTicketType"},
	{op: "updateTicketTypeAttribute", method: http.MethodPut, path: "/ticket_types/{ticket_type_id}/attributes/{id}", writes: updateAttributeWrites, renderedAs: "getTicketType"},
	{op: "createTicket", method: http.MethodPost, path: "/tickets", writes: createTicketWrites, renderedAs: "getTicket"},
	{op: "updateTicket", method: http.MethodPut, path: "/tickets/{id}", writes: updateTicketWrites, renderedAs: "getTicket"},
	{op: "replyTicket", method: http.MethodPost, path: "/tickets/{id}/reply", writes: replyTicketWrites},
	{op: "attachTagToTicket", method: http.MethodPost, path: "/tickets/{ticket_id}/tags", writes: attachTicketTagWrites},
	{op: "detachTagFromTicket", method: http.MethodDelete, path: "/tickets/{ticket_id}/tags/{id}", writes: detachTicketTagWrites},
}

// call sends a request to the fixture's simulator, outside the contract
// check: the writes' rows read their effects back with it.
func (f *fixture) call(t testing.TB, method, path, body string) (int, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, f.base+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	authorize(req, intercomsim.DemoToken)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	status, _, raw := send(t, req)
	var out map[string]any
	_ = json.Unmarshal(raw, &out)
	return status, out
}

// get reads a resource that must exist.
func (f *fixture) get(t testing.TB, path string) map[string]any {
	t.Helper()
	status, body := f.call(t, http.MethodGet, path, "")
	if status != http.StatusOK {
		t.Fatalf("GET %s: status %d: %v", path, status, body)
	}
	return body
}

// gone says a resource answers 404.
func (f *fixture) gone(t testing.TB, path string) {
	t.Helper()
	if status, body := f.call(t, http.MethodGet, path, ""); status != http.StatusNotFound {
		t.Errorf("GET %s after its removal: status %d, want 404: %v", path, status, body)
	}
}

// searchContacts runs a contact search and returns every match's id.
func (f *fixture) searchContacts(t testing.TB, query string) []string {
	t.Helper()
	status, body := f.call(t, http.MethodPost, "/contacts/search", `{"query":`+query+`,"pagination":{"per_page":150}}`)
	if status != http.StatusOK {
		t.Fatalf("searching contacts %s: %d %v", query, status, body)
	}
	return ids(body["data"])
}

func ids(list any) []string {
	items, _ := list.([]any)
	var out []string
	for _, it := range items {
		out = append(out, fmt.Sprint(dig(it, "id")))
	}
	return out
}

func want(t testing.TB, what string, got, want any) {
	t.Helper()
	if fmt.Sprint(wholeNumbers(got)) != fmt.Sprint(wholeNumbers(want)) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// wholeNumbers writes the whole numbers of decoded JSON as integers, so
// they compare with the ids and counts a test expects.
func wholeNumbers(v any) any {
	switch x := v.(type) {
	case float64:
		if x == float64(int64(x)) {
			return int64(x)
		}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = wholeNumbers(e)
		}
		return out
	}
	return v
}

func (f *fixture) total(t testing.TB, path string) int {
	t.Helper()
	return jsonInt(f.get(t, path)["total_count"])
}

// unchangedTotal checks that a refused write left a list's length alone.
func (f *fixture) unchangedTotal(path string, before int) func(t testing.TB) {
	return func(t testing.TB) {
		t.Helper()
		want(t, "total_count of "+path+" after the refusal", f.total(t, path), before)
	}
}

func awayWrites(rt testing.TB, f *fixture) []writeCase {
	admin := f.adminIDs[1]
	path := "/admins/" + admin + "/away"
	state := func(away, reassign bool) func(testing.TB, map[string]any) {
		return func(t testing.TB, body map[string]any) {
			want(t, "answer's away_mode_enabled", body["away_mode_enabled"], away)
			a := f.get(t, "/admins/"+admin)
			want(t, "away_mode_enabled", a["away_mode_enabled"], away)
			want(t, "away_mode_reassign", a["away_mode_reassign"], reassign)
		}
	}
	return []writeCase{
		{name: "away, reassigning", target: path, body: `{"away_mode_enabled":true,"away_mode_reassign":true}`, check: state(true, true)},
		{name: "back", target: path, body: `{"away_mode_enabled":false,"away_mode_reassign":false}`, check: state(false, false)},
		{name: "unknown admin", target: "/admins/1/away", body: `{"away_mode_enabled":true,"away_mode_reassign":false}`,
			status: http.StatusNotFound, code: "admin_not_found"},
		{name: "away_mode_reassign left out", target: path, body: `{"away_mode_enabled":true}`, status: http.StatusBadRequest,
			code: "parameter_not_found", malformed: true,
			after: func(t testing.TB) {
				want(t, "away after a refusal", f.get(t, "/admins/"+admin)["away_mode_enabled"], false)
			}},
	}
}

// collections reads every collection and section.
func (f *fixture) collections(t testing.TB) []map[string]any {
	var out []map[string]any
	for _, c := range f.get(t, "/help_center/collections?per_page=250")["data"].([]any) {
		out = append(out, c.(map[string]any))
	}
	return out
}

// collectionAt finds a collection of a help center ("" for any) at a depth
// (0 for the first level), or nil.
func (f *fixture) collectionAt(t testing.TB, helpCenter string, depth int) map[string]any {
	all := f.collections(t)
	byID := map[string]map[string]any{}
	for _, c := range all {
		byID[fmt.Sprint(c["id"])] = c
	}
	depthOf := func(c map[string]any) (int, string) {
		d := 0
		for c["parent_id"] != nil {
			c, d = byID[fmt.Sprint(c["parent_id"])], d+1
		}
		return d, fmt.Sprint(jsonInt(c["help_center_id"]))
	}
	for _, c := range all {
		if d, hc := depthOf(c); d == depth && (hc == helpCenter || helpCenter == "") {
			return c
		}
	}
	return nil
}

func createArticleWrites(rt testing.TB, f *fixture) []writeCase {
	ws := f.workspace()
	hc := ws.HelpCenterIDs()[0]
	section := f.collectionAt(rt, hc, 1)
	before := f.total(rt, "/articles")
	author := f.adminIDs[2]
	return []writeCase{
		{name: "published in a section, with French", target: "/articles",
			body: fmt.Sprintf(`{"title":"Rotate your zeppelin keys","description":"Key rotation","body":"Rotate them yearly.","author_id":%s,`+
				`"state":"published","parent_id":%v,"parent_type":"section","translated_content":{"fr":{"title":"Changer vos clés zeppelin",`+
				`"body":"Chaque année.","author_id":%s,"state":"draft"}}}`, author, section["id"], author),
			check: func(t testing.TB, body map[string]any) {
				a := f.get(t, "/articles/"+fmt.Sprint(body["id"]))
				want(t, "title", a["title"], "Rotate your zeppelin keys")
				want(t, "state", a["state"], "published")
				want(t, "parent_id", a["parent_id"], section["id"])
				want(t, "body", a["body"], `<p class="no-margin">Rotate them yearly.</p>`)
				want(t, "French title", dig(a, "translated_content", "fr", "title"), "Changer vos clés zeppelin")
				want(t, "English title", dig(a, "translated_content", "en", "title"), "Rotate your zeppelin keys")
				want(t, "articles listed", f.total(t, "/articles"), before+1)
				found := f.get(t, "/articles/search?phrase=zeppelin&help_center_id="+hc)
				want(t, "search for the new word", ids(dig(found, "data", "articles")), []string{fmt.Sprint(body["id"])})
			}},
		// The spec requires author_id, but Intercom's own refusal says it may come in the default locale's content.
		{name: "a draft standing alone, its author in the default locale", target: "/articles", malformed: true,
			body: fmt.Sprintf(`{"title":"Quarterly roadmap","translated_content":{"en":{"title":"Quarterly roadmap","author_id":%s}}}`, author),
			check: func(t testing.TB, body map[string]any) {
				a := f.get(t, "/articles/"+fmt.Sprint(body["id"]))
				want(t, "state", a["state"], "draft")
				want(t, "parent_id", a["parent_id"], nil)
				want(t, "author_id", jsonInt(a["author_id"]), author)
			}},
		{name: "no author", target: "/articles", body: `{"title":"Orphan"}`, status: http.StatusBadRequest, code: "parameter_not_found",
			malformed: true, after: f.unchangedTotal("/articles", before+2)},
		{name: "an unknown parent", target: "/articles", body: fmt.Sprintf(`{"title":"Lost","author_id":%s,"parent_id":1}`, author),
			status: http.StatusBadRequest, code: "parameter_invalid", after: f.unchangedTotal("/articles", before+2)},
		{name: "an author who is no teammate", target: "/articles", body: `{"title":"Ghost","author_id":1}`,
			status: http.StatusBadRequest, code: "parameter_invalid", after: f.unchangedTotal("/articles", before+2)},
	}
}

func updateArticleWrites(rt testing.TB, f *fixture) []writeCase {
	id := f.workspace().ArticleIDs()[3]
	path := "/articles/" + id
	return []writeCase{
		{name: "retitled and published", target: path, body: `{"title":"Calibrate the flux capacitor","state":"published"}`,
			check: func(t testing.TB, _ map[string]any) {
				a := f.get(t, path)
				want(t, "title", a["title"], "Calibrate the flux capacitor")
				want(t, "state", a["state"], "published")
				if !strings.Contains(fmt.Sprint(a["url"]), "calibrate-the-flux-capacitor") {
					t.Errorf("url %v does not follow the new title", a["url"])
				}
				want(t, "search for the new title", ids(dig(f.get(t, "/articles/search?phrase=capacitor"), "data", "articles")), []string{id})
			}},
		{name: "unknown article", target: "/articles/1", body: `{"title":"Nothing"}`, status: http.StatusNotFound, code: "not_found"},
		{name: "an author who is no teammate", target: path, body: `{"title":"Changed","author_id":1}`,
			status: http.StatusBadRequest, code: "parameter_invalid",
			after: func(t testing.TB) {
				want(t, "title after a refusal", f.get(t, path)["title"], "Calibrate the flux capacitor")
			}},
	}
}

func deleteArticleWrites(rt testing.TB, f *fixture) []writeCase {
	id := f.workspace().ArticleIDs()[5]
	before := f.total(rt, "/articles")
	return []writeCase{
		{name: "deleted", target: "/articles/" + id, check: func(t testing.TB, body map[string]any) {
			want(t, "deleted", body["deleted"], true)
			f.gone(t, "/articles/"+id)
			want(t, "articles listed", f.total(t, "/articles"), before-1)
		}},
		{name: "unknown article", target: "/articles/" + id, status: http.StatusNotFound, code: "not_found"},
	}
}

func createCollectionWrites(rt testing.TB, f *fixture) []writeCase {
	hcs := f.workspace().HelpCenterIDs()
	top := f.collectionAt(rt, hcs[0], 0)
	deepest := f.collectionAt(rt, "", 2)
	if deepest == nil {
		rt.Fatal("the contract workspace has no section two levels deep")
	}
	before := f.total(rt, "/help_center/collections")
	return []writeCase{
		{name: "first level, in the second help center", target: "/help_center/collections",
			body: fmt.Sprintf(`{"name":"Release notes","description":"What changed","help_center_id":%s}`, hcs[1]),
			check: func(t testing.TB, body map[string]any) {
				c := f.get(t, "/help_center/collections/"+fmt.Sprint(body["id"]))
				want(t, "name", c["name"], "Release notes")
				want(t, "help_center_id", jsonInt(c["help_center_id"]), hcs[1])
				want(t, "parent_id", c["parent_id"], nil)
				want(t, "collections listed", f.total(t, "/help_center/collections"), before+1)
			}},
		{name: "a section, with French", target: "/help_center/collections",
			body: fmt.Sprintf(`{"name":"Refunds","parent_id":"%v","translated_content":{"fr":{"name":"Remboursements"}}}`, top["id"]),
			check: func(t testing.TB, body map[string]any) {
				c := f.get(t, "/help_center/collections/"+fmt.Sprint(body["id"]))
				want(t, "parent_id", c["parent_id"], top["id"])
				want(t, "French name", dig(c, "translated_content", "fr", "name"), "Remboursements")
			}},
		{name: "no name", target: "/help_center/collections", body: `{"description":"Missing required parameter"}`,
			status: http.StatusBadRequest, code: "parameter_not_found", malformed: true, after: f.unchangedTotal("/help_center/collections", before+2)},
		{name: "an unknown parent", target: "/help_center/collections", body: `{"name":"Lost","parent_id":"1"}`,
			status: http.StatusBadRequest, code: "parameter_invalid", after: f.unchangedTotal("/help_center/collections", before+2)},
		{name: "deeper than the Help Center nests", target: "/help_center/collections", body: fmt.Sprintf(`{"name":"Too deep","parent_id":"%v"}`, deepest["id"]),
			status: http.StatusBadRequest, code: "parameter_invalid", after: f.unchangedTotal("/help_center/collections", before+2)},
	}
}

func updateCollectionWrites(rt testing.TB, f *fixture) []writeCase {
	hc := f.workspace().HelpCenterIDs()[0]
	section := f.collectionAt(rt, hc, 1)
	path := "/help_center/collections/" + fmt.Sprint(section["id"])
	return []writeCase{
		{name: "renamed", target: path, body: `{"name":"Invoices and receipts"}`, check: func(t testing.TB, _ map[string]any) {
			want(t, "name", f.get(t, path)["name"], "Invoices and receipts")
		}},
		{name: "made first level", target: path, body: `{"parent_id":null}`, check: func(t testing.TB, _ map[string]any) {
			c := f.get(t, path)
			want(t, "parent_id", c["parent_id"], nil)
			want(t, "help_center_id", jsonInt(c["help_center_id"]), hc)
		}},
		{name: "into itself", target: path, body: fmt.Sprintf(`{"parent_id":"%v"}`, section["id"]), status: http.StatusBadRequest, code: "parameter_invalid",
			after: func(t testing.TB) { want(t, "parent_id after a refusal", f.get(t, path)["parent_id"], nil) }},
		{name: "unknown collection", target: "/help_center/collections/1", body: `{"name":"x"}`, status: http.StatusNotFound, code: "not_found"},
	}
}

func deleteCollectionWrites(rt testing.TB, f *fixture) []writeCase {
	hc := f.workspace().HelpCenterIDs()[0]
	section := f.collectionAt(rt, hc, 1)
	id := fmt.Sprint(section["id"])
	var filed []string
	for _, a := range f.get(rt, "/articles?per_page=250")["data"].([]any) {
		if fmt.Sprint(dig(a, "parent_id")) == id {
			filed = append(filed, fmt.Sprint(dig(a, "id")))
		}
	}
	return []writeCase{
		{name: "deleted", target: "/help_center/collections/" + id, check: func(t testing.TB, body map[string]any) {
			want(t, "deleted", body["deleted"], true)
			f.gone(t, "/help_center/collections/"+id)
			for _, a := range filed {
				if p := f.get(t, "/articles/"+a)["parent_id"]; fmt.Sprint(p) == id {
					t.Errorf("article %s is still filed in deleted collection %s", a, id)
				}
			}
		}},
		{name: "unknown collection", target: "/help_center/collections/" + id, status: http.StatusNotFound, code: "not_found"},
	}
}

func createNewsItemWrites(rt testing.TB, f *fixture) []writeCase {
	ws := f.workspace()
	feed := ws.NewsfeedIDs()[1]
	sender := f.adminIDs[0]
	before := f.total(rt, "/news/news_items")
	return []writeCase{
		{name: "live in a newsfeed", target: "/news/news_items",
			body: fmt.Sprintf(`{"title":"Halloween is here!","body":"<p>New costumes</p>","sender_id":%s,"state":"live","labels":["Product","New"],`+
				`"reactions":["😆","😅"],"deliver_silently":true,"newsfeed_assignments":[{"newsfeed_id":%s}]}`, sender, feed),
			check: func(t testing.TB, body map[string]any) {
				id := fmt.Sprint(body["id"])
				it := f.get(t, "/news/news_items/"+id)
				want(t, "state", it["state"], "live")
				want(t, "labels", it["labels"], []any{"Product", "New"})
				if dig(it, "newsfeed_assignments") == nil || dig(it["newsfeed_assignments"].([]any)[0], "published_at") == nil {
					t.Errorf("a live item has no publish date in its newsfeed: %v", it["newsfeed_assignments"])
				}
				if !slices.Contains(ids(f.get(t, "/news/newsfeeds/"+feed+"/items?per_page=20")["data"]), id) {
					t.Errorf("newsfeed %s does not show live item %s", feed, id)
				}
			}},
		{name: "a draft", target: "/news/news_items", body: fmt.Sprintf(`{"title":"Coming soon","sender_id":%s}`, sender),
			check: func(t testing.TB, body map[string]any) {
				want(t, "state", f.get(t, "/news/news_items/"+fmt.Sprint(body["id"]))["state"], "draft")
			}},
		{name: "no sender", target: "/news/news_items", body: `{"title":"Anonymous"}`, status: http.StatusBadRequest, code: "parameter_not_found",
			malformed: true, after: f.unchangedTotal("/news/news_items", before+2)},
		{name: "a sender who is no teammate", target: "/news/news_items", body: `{"title":"Stranger","sender_id":1}`,
			status: http.StatusBadRequest, code: "parameter_invalid", after: f.unchangedTotal("/news/news_items", before+2)},
		{name: "an unknown newsfeed", target: "/news/news_items",
			body:   fmt.Sprintf(`{"title":"Nowhere","sender_id":%s,"state":"live","newsfeed_assignments":[{"newsfeed_id":1}]}`, sender),
			status: http.StatusBadRequest, code: "parameter_invalid", after: f.unchangedTotal("/news/news_items", before+2)},
		{name: "published in the future", target: "/news/news_items",
			body: fmt.Sprintf(`{"title":"Tomorrow","sender_id":%s,"state":"live","newsfeed_assignments":[{"newsfeed_id":%s,"published_at":%d}]}`,
				sender, feed, time.Now().Add(48*time.Hour).Unix()),
			status: http.StatusBadRequest, code: "parameter_invalid", after: f.unchangedTotal("/news/news_items", before+2)},
	}
}

func updateNewsItemWrites(rt testing.TB, f *fixture) []writeCase {
	id := f.workspace().NewsItemIDs()[2]
	path := "/news/news_items/" + id
	sender := f.adminIDs[1]
	return []writeCase{
		{name: "retitled, reactions off", target: path, body: fmt.Sprintf(`{"title":"Christmas is here!","sender_id":%s,"reactions":[]}`, sender),
			check: func(t testing.TB, _ map[string]any) {
				it := f.get(t, path)
				want(t, "title", it["title"], "Christmas is here!")
				want(t, "sender_id", jsonInt(it["sender_id"]), sender)
				want(t, "reactions", it["reactions"], []any{})
			}},
		{name: "no title", target: path, body: fmt.Sprintf(`{"sender_id":%s}`, sender), status: http.StatusBadRequest, code: "parameter_not_found",
			malformed: true, after: func(t testing.TB) { want(t, "title after a refusal", f.get(t, path)["title"], "Christmas is here!") }},
		{name: "unknown news item", target: "/news/news_items/1", body: fmt.Sprintf(`{"title":"x","sender_id":%s}`, sender),
			status: http.StatusNotFound, code: "not_found"},
	}
}

func deleteNewsItemWrites(rt testing.TB, f *fixture) []writeCase {
	id := f.workspace().NewsItemIDs()[4]
	return []writeCase{
		{name: "deleted", target: "/news/news_items/" + id, check: func(t testing.TB, body map[string]any) {
			want(t, "object", body["object"], "news-item")
			f.gone(t, "/news/news_items/"+id)
		}},
		{name: "unknown news item", target: "/news/news_items/" + id, status: http.StatusNotFound, code: "not_found"},
	}
}

func upsertCompanyWrites(rt testing.TB, f *fixture) []writeCase {
	existing := f.get(rt, "/companies/"+f.workspace().CompanyIDs()[2])
	companyID := fmt.Sprint(existing["company_id"])
	return []writeCase{
		{name: "created", target: "/companies",
			body: `{"company_id":"remote-77","name":"Zeppelin Works","plan":"Pro","size":30,"website":"https://zeppelin.example","industry":"Aviation",` +
				`"remote_created_at":1374138000,"monthly_spend":1500,"custom_attributes":{"account_tier":"gold"}}`,
			check: func(t testing.TB, body map[string]any) {
				found := f.get(t, "/companies?company_id=remote-77")
				want(t, "companies found by company_id", ids(found["data"]), []string{fmt.Sprint(body["id"])})
				c := f.get(t, "/companies/"+fmt.Sprint(body["id"]))
				want(t, "name", c["name"], "Zeppelin Works")
				want(t, "plan name", dig(c, "plan", "name"), "Pro")
				want(t, "monthly_spend", c["monthly_spend"], 1500)
				want(t, "custom attribute", dig(c, "custom_attributes", "account_tier"), "gold")
			}},
		{name: "updated by its company_id", target: "/companies", body: fmt.Sprintf(`{"company_id":"%s","size":999}`, companyID),
			check: func(t testing.TB, body map[string]any) {
				want(t, "the same company", body["id"], existing["id"])
				c := f.get(t, "/companies/"+fmt.Sprint(existing["id"]))
				want(t, "size", c["size"], 999)
				want(t, "name kept", c["name"], existing["name"])
			}},
		{name: "an unknown parameter", target: "/companies", body: `{"test":"invalid"}`, status: http.StatusBadRequest, code: "bad_request"},
	}
}

func updateCompanyWrites(rt testing.TB, f *fixture) []writeCase {
	id := f.workspace().CompanyIDs()[3]
	path := "/companies/" + id
	return []writeCase{
		{name: "renamed", target: path, body: `{"name":"Initech Renamed","industry":"Printing"}`, check: func(t testing.TB, _ map[string]any) {
			c := f.get(t, path)
			want(t, "name", c["name"], "Initech Renamed")
			want(t, "industry", c["industry"], "Printing")
		}},
		{name: "its company_id changed", target: path, body: `{"company_id":"another-id"}`, status: http.StatusBadRequest, code: "parameter_invalid",
			after: func(t testing.TB) { want(t, "name after a refusal", f.get(t, path)["name"], "Initech Renamed") }},
		{name: "unknown company", target: "/companies/000000000000000000000000", body: `{"name":"x"}`, status: http.StatusNotFound, code: "company_not_found"},
	}
}

// contactOutside finds a contact that is not in a company.
func (f *fixture) contactOutside(t testing.TB, company string) string {
	members := f.workspace().CompanyContactIDs(company)
	for _, id := range f.contactIDs {
		if !slices.Contains(members, id) {
			return id
		}
	}
	t.Fatalf("every contact is in company %s", company)
	return ""
}

func attachCompanyWrites(rt testing.TB, f *fixture) []writeCase {
	company := f.workspace().CompanyIDs()[4]
	contact := f.contactOutside(rt, company)
	return []writeCase{
		{name: "attached", target: "/contacts/" + contact + "/companies", body: fmt.Sprintf(`{"id":"%s"}`, company),
			check: func(t testing.TB, body map[string]any) {
				want(t, "company answered", body["id"], company)
				members := ids(f.get(t, "/companies/"+company+"/contacts?per_page=50")["data"])
				if !slices.Contains(members, contact) {
					t.Errorf("company %s does not list contact %s", company, contact)
				}
				if !slices.Contains(ids(f.get(t, "/contacts/"+contact+"/companies")["companies"]), company) {
					t.Errorf("contact %s does not list company %s", contact, company)
				}
			}},
		{name: "attached again: nothing changes", target: "/contacts/" + contact + "/companies", body: fmt.Sprintf(`{"id":"%s"}`, company),
			check: func(t testing.TB, _ map[string]any) {
				want(t, "companies of the contact", len(ids(f.get(t, "/contacts/"+contact+"/companies")["companies"])),
					len(f.workspace().ContactLinks(contact).CompanyIDs))
			}},
		{name: "unknown contact", target: "/contacts/000000000000000000000000/companies", body: fmt.Sprintf(`{"id":"%s"}`, company),
			status: http.StatusNotFound, code: "not_found"},
		{name: "unknown company", target: "/contacts/" + contact + "/companies", body: `{"id":"123"}`, status: http.StatusNotFound, code: "company_not_found"},
		{name: "no company", target: "/contacts/" + contact + "/companies", body: `{}`, status: http.StatusBadRequest, code: "parameter_not_found", malformed: true},
	}
}

func detachCompanyWrites(rt testing.TB, f *fixture) []writeCase {
	company := f.workspace().CompanyIDs()[4]
	members := f.workspace().CompanyContactIDs(company)
	contact := members[0]
	return []writeCase{
		{name: "detached", target: "/contacts/" + contact + "/companies/" + company, check: func(t testing.TB, _ map[string]any) {
			if slices.Contains(ids(f.get(t, "/companies/"+company+"/contacts?per_page=50")["data"]), contact) {
				t.Errorf("company %s still lists contact %s", company, contact)
			}
			if slices.Contains(ids(f.get(t, "/contacts/"+contact+"/companies")["companies"]), company) {
				t.Errorf("contact %s still lists company %s", contact, company)
			}
		}},
		{name: "unknown contact", target: "/contacts/000000000000000000000000/companies/" + company, status: http.StatusNotFound, code: "not_found"},
		{name: "unknown company", target: "/contacts/" + contact + "/companies/000000000000000000000000", status: http.StatusNotFound, code: "company_not_found"},
	}
}

// aUser is a seeded user with an email and an external id.
func (f *fixture) aUser(t testing.TB) map[string]any {
	for _, id := range f.contactIDs {
		if status, c := f.call(t, http.MethodGet, "/contacts/"+id, ""); status == http.StatusOK && c["role"] == "user" && c["external_id"] != nil && c["email"] != "" {
			return c
		}
	}
	t.Fatal("the contract workspace has no user with an email and an external id")
	return nil
}

func createContactWrites(rt testing.TB, f *fixture) []writeCase {
	user := f.aUser(rt)
	before := f.total(rt, "/contacts")
	owner := f.adminIDs[3]
	return []writeCase{
		{name: "a user", target: "/contacts",
			body: fmt.Sprintf(`{"email":"grace.zeppelin@example.org","external_id":"ext-9001","name":"Grace Zeppelin","phone":"+353871234567",`+
				`"owner_id":%s,"signed_up_at":1571672154,"custom_attributes":{"plan":"pro","seats":12}}`, owner),
			check: func(t testing.TB, body map[string]any) {
				id := fmt.Sprint(body["id"])
				c := f.get(t, "/contacts/"+id)
				want(t, "role", c["role"], "user")
				want(t, "email_domain", c["email_domain"], "example.org")
				want(t, "owner_id", jsonInt(c["owner_id"]), owner)
				want(t, "seats", dig(c, "custom_attributes", "seats"), 12)
				want(t, "contacts listed", f.total(t, "/contacts"), before+1)
				want(t, "search by email", f.searchContacts(t, `{"field":"email","operator":"=","value":"grace.zeppelin@example.org"}`), []string{id})
			}},
		{name: "a lead, by role alone", target: "/contacts", body: `{"role":"lead"}`, check: func(t testing.TB, body map[string]any) {
			want(t, "role", f.get(t, "/contacts/"+fmt.Sprint(body["id"]))["role"], "lead")
		}},
		{name: "a user's email taken", target: "/contacts", body: fmt.Sprintf(`{"email":"%s"}`, user["email"]),
			status: http.StatusConflict, code: "conflict", after: f.unchangedTotal("/contacts", before+2)},
		{name: "an external_id taken", target: "/contacts", body: `{"email":"new@example.org","external_id":"ext-9001"}`,
			status: http.StatusConflict, code: "conflict", after: f.unchangedTotal("/contacts", before+2)},
		{name: "an undefined custom attribute", target: "/contacts", body: `{"email":"shoes@example.org","custom_attributes":{"shoe_size":42}}`,
			status: http.StatusBadRequest, code: "parameter_invalid", after: f.unchangedTotal("/contacts", before+2)},
		{name: "a custom attribute of another type", target: "/contacts", body: `{"email":"seats@example.org","custom_attributes":{"seats":"many"}}`,
			status: http.StatusBadRequest, code: "parameter_invalid", after: f.unchangedTotal("/contacts", before+2)},
		{name: "no email, external_id or role", target: "/contacts", body: `{"name":"Nobody"}`, status: http.StatusBadRequest,
			code: "parameter_not_found", malformed: true, after: f.unchangedTotal("/contacts", before+2)},
	}
}

func updateContactWrites(rt testing.TB, f *fixture) []writeCase {
	user := f.aUser(rt)
	id := fmt.Sprint(user["id"])
	other := f.get(rt, "/contacts/"+f.searchContacts(rt, `{"field":"email","operator":"=","value":"grace.zeppelin@example.org"}`)[0])
	path := "/contacts/" + id
	return []writeCase{
		{name: "renamed, phone cleared, an attribute set", target: path, body: `{"name":"Ada Zeppelin","phone":null,"custom_attributes":{"beta_tester":true}}`,
			check: func(t testing.TB, _ map[string]any) {
				c := f.get(t, path)
				want(t, "name", c["name"], "Ada Zeppelin")
				want(t, "phone", c["phone"], nil)
				want(t, "beta_tester", dig(c, "custom_attributes", "beta_tester"), true)
				want(t, "plan kept", dig(c, "custom_attributes", "plan"), dig(user, "custom_attributes", "plan"))
			}},
		{name: "another user's email", target: path, body: fmt.Sprintf(`{"email":"%s"}`, other["email"]), status: http.StatusConflict, code: "conflict",
			after: func(t testing.TB) { want(t, "email after a refusal", f.get(t, path)["email"], user["email"]) }},
		{name: "an owner who is no teammate", target: path, body: `{"name":"Changed","owner_id":1}`, status: http.StatusBadRequest, code: "parameter_invalid",
			after: func(t testing.TB) { want(t, "name after a refusal", f.get(t, path)["name"], "Ada Zeppelin") }},
		{name: "unknown contact", target: "/contacts/000000000000000000000000", body: `{"name":"x"}`, status: http.StatusNotFound, code: "not_found"},
	}
}

func archiveWrites(rt testing.TB, f *fixture) []writeCase {
	id := f.contactIDs[10]
	before := f.total(rt, "/contacts")
	return []writeCase{
		{name: "archived", target: "/contacts/" + id + "/archive", check: func(t testing.TB, body map[string]any) {
			want(t, "archived", body["archived"], true)
			want(t, "contacts listed", f.total(t, "/contacts"), before-1)
			want(t, "search by id", f.searchContacts(t, fmt.Sprintf(`{"field":"id","operator":"=","value":"%s"}`, id)), []string(nil))
			f.get(t, "/contacts/"+id)
		}},
		{name: "archived again", target: "/contacts/" + id + "/archive", check: func(t testing.TB, _ map[string]any) {
			want(t, "contacts listed", f.total(t, "/contacts"), before-1)
		}},
		{name: "unknown contact", target: "/contacts/000000000000000000000000/archive", status: http.StatusNotFound, code: "not_found"},
	}
}

func unarchiveWrites(rt testing.TB, f *fixture) []writeCase {
	id := f.contactIDs[10]
	before := f.total(rt, "/contacts")
	return []writeCase{
		{name: "unarchived", target: "/contacts/" + id + "/unarchive", check: func(t testing.TB, body map[string]any) {
			want(t, "archived", body["archived"], false)
			want(t, "contacts listed", f.total(t, "/contacts"), before+1)
			want(t, "search by id", f.searchContacts(t, fmt.Sprintf(`{"field":"id","operator":"=","value":"%s"}`, id)), []string{id})
		}},
		{name: "unknown contact", target: "/contacts/000000000000000000000000/unarchive", status: http.StatusNotFound, code: "not_found"},
	}
}

// leadWithConversation finds a lead that started a conversation, and that conversation.
func (f *fixture) leadWithConversation(t testing.TB) (lead, conversation string) {
	for _, id := range f.searchContacts(t, `{"field":"role","operator":"=","value":"lead"}`) {
		status, found := f.call(t, http.MethodPost, "/conversations/search", fmt.Sprintf(`{"query":{"field":"contact_ids","operator":"=","value":"%s"}}`, id))
		if status == http.StatusOK && len(ids(found["conversations"])) > 0 {
			return id, ids(found["conversations"])[0]
		}
	}
	t.Fatal("no lead has a conversation")
	return "", ""
}

func mergeWrites(rt testing.TB, f *fixture) []writeCase {
	lead, conversation := f.leadWithConversation(rt)
	user := fmt.Sprint(f.aUser(rt)["id"])
	other := f.searchContacts(rt, `{"field":"role","operator":"=","value":"user"}`)[1]
	return []writeCase{
		{name: "a user into a user", target: "/contacts/merge", body: fmt.Sprintf(`{"from":"%s","into":"%s"}`, other, user),
			status: http.StatusBadRequest, code: "parameter_invalid", after: func(t testing.TB) { f.get(t, "/contacts/"+other) }},
		{name: "an unknown lead", target: "/contacts/merge", body: fmt.Sprintf(`{"from":"000000000000000000000000","into":"%s"}`, user),
			status: http.StatusNotFound, code: "not_found"},
		{name: "no user", target: "/contacts/merge", body: fmt.Sprintf(`{"from":"%s"}`, lead), status: http.StatusBadRequest,
			code: "parameter_not_found", malformed: true, after: func(t testing.TB) { f.get(t, "/contacts/"+lead) }},
		{name: "a lead into a user", target: "/contacts/merge", body: fmt.Sprintf(`{"from":"%s","into":"%s"}`, lead, user),
			check: func(t testing.TB, body map[string]any) {
				want(t, "the user answered", body["id"], user)
				f.gone(t, "/contacts/"+lead)
				conv := f.get(t, "/conversations/"+conversation)
				got := ids(dig(conv, "contacts", "contacts"))
				if !slices.Contains(got, user) || slices.Contains(got, lead) {
					t.Errorf("conversation %s is with %v after the merge; want the user %s, not the lead %s", conversation, got, user, lead)
				}
			}},
	}
}

func attachTagWrites(rt testing.TB, f *fixture) []writeCase {
	tags := f.workspace().TagIDs()
	contact := f.contactIDs[20]
	var tag string
	for _, id := range tags {
		if !slices.Contains(f.workspace().ContactLinks(contact).TagIDs, id) {
			tag = id
		}
	}
	return []writeCase{
		{name: "tagged", target: "/contacts/" + contact + "/tags", body: fmt.Sprintf(`{"id":"%s"}`, tag),
			check: func(t testing.TB, body map[string]any) {
				if body["applied_at"] == nil || dig(body, "applied_by", "id") != f.workspace().MeID() {
					t.Errorf("the answer does not say when and by whom the tag was applied: %v", body)
				}
				if !slices.Contains(ids(f.get(t, "/contacts/"+contact+"/tags")["data"]), tag) {
					t.Errorf("contact %s's tags lack tag %s", contact, tag)
				}
				if !slices.Contains(ids(dig(f.get(t, "/contacts/"+contact), "tags", "data")), tag) {
					t.Errorf("contact %s does not embed tag %s", contact, tag)
				}
			}},
		{name: "unknown contact", target: "/contacts/000000000000000000000000/tags", body: fmt.Sprintf(`{"id":"%s"}`, tag), status: http.StatusNotFound, code: "not_found"},
		{name: "unknown tag", target: "/contacts/" + contact + "/tags", body: `{"id":"123"}`, status: http.StatusNotFound, code: "not_found"},
		{name: "no tag", target: "/contacts/" + contact + "/tags", body: `{}`, status: http.StatusBadRequest, code: "parameter_not_found", malformed: true},
	}
}

func detachTagWrites(rt testing.TB, f *fixture) []writeCase {
	contact := f.contactIDs[20]
	tag := f.workspace().ContactLinks(contact).TagIDs[0]
	return []writeCase{
		{name: "untagged", target: "/contacts/" + contact + "/tags/" + tag, check: func(t testing.TB, body map[string]any) {
			want(t, "tag answered", body["id"], tag)
			if slices.Contains(ids(f.get(t, "/contacts/"+contact+"/tags")["data"]), tag) {
				t.Errorf("contact %s still has tag %s", contact, tag)
			}
		}},
		{name: "unknown tag", target: "/contacts/" + contact + "/tags/123", status: http.StatusNotFound, code: "not_found"},
		{name: "unknown contact", target: "/contacts/000000000000000000000000/tags/" + tag, status: http.StatusNotFound, code: "not_found"},
	}
}

// subscriptionType finds a subscription type by state and consent type.
func (f *fixture) subscriptionType(t testing.TB, state, consent string) string {
	for _, st := range f.get(t, "/subscription_types")["data"].([]any) {
		if dig(st, "state") == state && (consent == "" || dig(st, "consent_type") == consent) {
			return fmt.Sprint(dig(st, "id"))
		}
	}
	t.Fatalf("no %s %s subscription type", state, consent)
	return ""
}

func attachSubscriptionWrites(rt testing.TB, f *fixture) []writeCase {
	contact := f.contactIDs[30]
	optIn := f.subscriptionType(rt, "live", "opt_in")
	draft := f.subscriptionType(rt, "draft", "")
	path := "/contacts/" + contact + "/subscriptions"
	chosen := func(t testing.TB) []string { return ids(f.get(t, path)["data"]) }
	before := len(f.workspace().ContactSubscriptionTypeIDs(contact))
	return []writeCase{
		{name: "opted in", target: path, body: fmt.Sprintf(`{"id":"%s","consent_type":"opt_in"}`, optIn), check: func(t testing.TB, body map[string]any) {
			want(t, "type answered", body["id"], optIn)
			if !slices.Contains(chosen(t), optIn) {
				t.Errorf("contact %s's subscriptions lack %s", contact, optIn)
			}
		}},
		{name: "the wrong consent type", target: path, body: fmt.Sprintf(`{"id":"%s","consent_type":"opt_out"}`, optIn),
			status: http.StatusBadRequest, code: "parameter_invalid"},
		{name: "a draft type", target: path, body: fmt.Sprintf(`{"id":"%s","consent_type":"opt_out"}`, draft),
			status: http.StatusBadRequest, code: "parameter_invalid",
			after: func(t testing.TB) {
				if slices.Contains(chosen(t), draft) {
					t.Errorf("a refused choice of %s was recorded", draft)
				}
			}},
		{name: "unknown type", target: path, body: `{"id":"invalid_id","consent_type":"opt_in"}`, status: http.StatusNotFound, code: "not_found",
			after: func(t testing.TB) { want(t, "choices after refusals", len(chosen(t)), before+1) }},
		{name: "unknown contact", target: "/contacts/000000000000000000000000/subscriptions", body: fmt.Sprintf(`{"id":"%s","consent_type":"opt_in"}`, optIn),
			status: http.StatusNotFound, code: "not_found"},
	}
}

func detachSubscriptionWrites(rt testing.TB, f *fixture) []writeCase {
	contact := f.contactIDs[30]
	optIn := f.subscriptionType(rt, "live", "opt_in")
	return []writeCase{
		{name: "withdrawn", target: "/contacts/" + contact + "/subscriptions/" + optIn, check: func(t testing.TB, _ map[string]any) {
			if slices.Contains(ids(f.get(t, "/contacts/"+contact+"/subscriptions")["data"]), optIn) {
				t.Errorf("contact %s still lists %s", contact, optIn)
			}
		}},
		{name: "unknown type", target: "/contacts/" + contact + "/subscriptions/999", status: http.StatusNotFound, code: "not_found"},
		{name: "unknown contact", target: "/contacts/000000000000000000000000/subscriptions/" + optIn, status: http.StatusNotFound, code: "not_found"},
	}
}

func createNoteWrites(rt testing.TB, f *fixture) []writeCase {
	contact := f.contactIDs[40]
	path := "/contacts/" + contact + "/notes"
	before := len(f.workspace().NoteIDs(contact))
	return []writeCase{
		{name: "written", target: path, body: fmt.Sprintf(`{"body":"Hello","contact_id":"%s","admin_id":"%s"}`, contact, f.adminIDs[2]),
			check: func(t testing.TB, body map[string]any) {
				want(t, "body", body["body"], "<p>Hello</p>")
				want(t, "author", dig(body, "author", "id"), f.adminIDs[2])
				n := f.get(t, "/notes/"+fmt.Sprint(body["id"]))
				want(t, "note's contact", dig(n, "contact", "id"), contact)
				list := f.get(t, path)
				want(t, "notes of the contact", jsonInt(list["total_count"]), before+1)
				want(t, "newest note", ids(list["data"])[0], body["id"])
			}},
		{name: "by the token's admin", target: path, body: `{"body":"<p>Called back</p>"}`, check: func(t testing.TB, body map[string]any) {
			want(t, "author", dig(body, "author", "id"), f.workspace().MeID())
		}},
		{name: "unknown contact", target: "/contacts/000000000000000000000000/notes", body: `{"body":"Hello"}`, status: http.StatusNotFound, code: "not_found"},
		{name: "unknown admin", target: path, body: `{"body":"Hello","admin_id":"123"}`, status: http.StatusNotFound, code: "not_found",
			after: func(t testing.TB) { want(t, "notes after a refusal", len(f.workspace().NoteIDs(contact)), before+2) }},
		{name: "no body", target: path, body: `{"admin_id":"123"}`, status: http.StatusBadRequest, code: "parameter_not_found", malformed: true},
	}
}

func (f *fixture) attributeNamed(t testing.TB, model, name string) map[string]any {
	for _, a := range f.get(t, "/data_attributes?include_archived=true&model="+model)["data"].([]any) {
		if dig(a, "name") == name {
			return a.(map[string]any)
		}
	}
	return nil
}

func createDataAttributeWrites(rt testing.TB, f *fixture) []writeCase {
	contact := f.contactIDs[50]
	return []writeCase{
		{name: "a list attribute of contacts", target: "/data_attributes",
			body: `{"name":"shirt size","model":"contact","data_type":"string","description":"Their size","options":["S","M","L"],"messenger_writable":true}`,
			check: func(t testing.TB, body map[string]any) {
				a := f.attributeNamed(t, "contact", "shirt size")
				want(t, "listed attribute's id", dig(a, "id"), body["id"])
				want(t, "full_name", dig(a, "full_name"), "custom_attributes.shirt size")
				status, _ := f.call(t, http.MethodPut, "/contacts/"+contact, `{"custom_attributes":{"shirt size":"M"}}`)
				want(t, "status of setting the new attribute", status, http.StatusOK)
				want(t, "the contact's value", dig(f.get(t, "/contacts/"+contact), "custom_attributes", "shirt size"), "M")
			}},
		{name: "a date of companies", target: "/data_attributes", body: `{"name":"contract_end","model":"company","data_type":"date"}`,
			check: func(t testing.TB, _ map[string]any) {
				want(t, "data_type", dig(f.attributeNamed(t, "company", "contract_end"), "data_type"), "date")
			}},
		{name: "a name taken in another model", target: "/data_attributes", body: `{"name":"contract_end","model":"contact","data_type":"integer"}`,
			status: http.StatusBadRequest, code: "parameter_invalid",
			after: func(t testing.TB) {
				if f.attributeNamed(t, "contact", "contract_end") != nil {
					t.Error("a refused attribute was defined")
				}
			}},
		{name: "a name with symbols", target: "/data_attributes", body: `{"name":"!nv@l!d n@me","model":"company","data_type":"string"}`,
			status: http.StatusBadRequest, code: "parameter_invalid"},
		{name: "options of an integer", target: "/data_attributes", body: `{"name":"floors","model":"company","data_type":"integer","options":["1","2"]}`,
			status: http.StatusBadRequest, code: "parameter_invalid"},
		{name: "no data type", target: "/data_attributes", body: `{"name":"mystery","model":"company"}`, status: http.StatusBadRequest,
			code: "parameter_not_found", malformed: true},
	}
}

func updateDataAttributeWrites(rt testing.TB, f *fixture) []writeCase {
	a := f.attributeNamed(rt, "contact", "shirt size")
	id := fmt.Sprint(jsonInt(a["id"]))
	return []writeCase{
		{name: "archived", target: "/data_attributes/" + id, body: `{"archived":true,"description":"Retired"}`,
			check: func(t testing.TB, _ map[string]any) {
				want(t, "archived", dig(f.attributeNamed(t, "contact", "shirt size"), "archived"), true)
				for _, x := range f.get(t, "/data_attributes?model=contact")["data"].([]any) {
					if dig(x, "name") == "shirt size" {
						t.Error("an archived attribute is listed without include_archived")
					}
				}
			}},
		{name: "options of a list", target: "/data_attributes/" + id, body: `{"options":["S","M","L","XL"]}`, check: func(t testing.TB, body map[string]any) {
			want(t, "options", body["options"], []any{"S", "M", "L", "XL"})
		}},
		{name: "too few options", target: "/data_attributes/" + id, body: `{"options":["S"]}`, status: http.StatusBadRequest, code: "parameter_invalid",
			after: func(t testing.TB) {
				want(t, "options after a refusal", dig(f.attributeNamed(t, "contact", "shirt size"), "options"), []any{"S", "M", "L", "XL"})
			}},
		{name: "unknown attribute", target: "/data_attributes/1", body: `{"archived":true}`, status: http.StatusNotFound, code: "field_not_found"},
	}
}

func createEventWrites(rt testing.TB, f *fixture) []writeCase {
	contact := f.get(rt, "/contacts/"+f.contactIDs[60])
	id := fmt.Sprint(contact["id"])
	events := func(t testing.TB) []any {
		list, _ := f.get(t, "/events?type=user&intercom_user_id="+id)["events"].([]any)
		return list
	}
	before := len(f.workspace().EventKeys(id))
	at := time.Now().Add(-time.Minute).Unix()
	return []writeCase{
		{name: "by Intercom's id", target: "/events", body: fmt.Sprintf(`{"event_name":"ordered-zeppelin","created_at":%d,"id":"%s","metadata":{"color":"silver"}}`, at, id),
			status: http.StatusAccepted, after: func(t testing.TB) {
				list := events(t)
				want(t, "events listed", len(list), before+1)
				want(t, "newest event", dig(list[0], "event_name"), "ordered-zeppelin")
				want(t, "its metadata", dig(list[0], "metadata", "color"), "silver")
			}},
		{name: "by email", target: "/events", body: fmt.Sprintf(`{"event_name":"ordered-zeppelin","created_at":%d,"email":"%s"}`, at+1, contact["email"]),
			status: http.StatusAccepted, after: func(t testing.TB) {
				sum := f.get(t, "/events?type=user&summary=true&intercom_user_id="+id)
				for _, e := range sum["events"].([]any) {
					if dig(e, "name") == "ordered-zeppelin" {
						want(t, "summary count", jsonInt(dig(e, "count")), 2)
						return
					}
				}
				t.Error("the summaries lack the new event")
			}},
		{name: "unknown person", target: "/events", body: fmt.Sprintf(`{"event_name":"x","created_at":%d,"user_id":"no-such-user"}`, at),
			status: http.StatusNotFound, code: "not_found"},
		{name: "nested metadata", target: "/events", body: fmt.Sprintf(`{"event_name":"x","created_at":%d,"id":"%s","metadata":{"a":{"b":1}}}`, at, id),
			status: http.StatusBadRequest, code: "parameter_invalid", malformed: true,
			after: func(t testing.TB) { want(t, "events after a refusal", len(events(t)), before+2) }},
		{name: "no time", target: "/events", body: fmt.Sprintf(`{"event_name":"x","id":"%s"}`, id), status: http.StatusBadRequest,
			code: "parameter_not_found", malformed: true},
	}
}

func eventSummaryWrites(rt testing.TB, f *fixture) []writeCase {
	user := f.aUser(rt)
	externalID := fmt.Sprint(user["external_id"])
	summary := func(t testing.TB) map[string]any {
		for _, e := range f.get(t, "/events?type=user&summary=true&user_id="+url.QueryEscape(externalID))["events"].([]any) {
			if dig(e, "name") == "imported-orders" {
				return e.(map[string]any)
			}
		}
		return nil
	}
	return []writeCase{
		{name: "recorded", target: "/events/summaries",
			body: fmt.Sprintf(`{"user_id":"%s","event_summaries":{"event_name":"imported-orders","count":7,"first":1671028894,"last":1681028894}}`, externalID),
			after: func(t testing.TB) {
				s := summary(t)
				want(t, "count", jsonInt(dig(s, "count")), 7)
				want(t, "first", dig(s, "first"), "2022-12-14T14:41:34.000+00:00")
			}},
		{name: "recorded again", target: "/events/summaries",
			body: fmt.Sprintf(`{"user_id":"%s","event_summaries":{"event_name":"imported-orders","count":3,"first":1691028894,"last":1691028894}}`, externalID),
			after: func(t testing.TB) {
				s := summary(t)
				want(t, "count", jsonInt(dig(s, "count")), 10)
				want(t, "first", dig(s, "first"), "2022-12-14T14:41:34.000+00:00")
			}},
		{name: "unknown user", target: "/events/summaries", body: `{"user_id":"no-such-user","event_summaries":{"event_name":"x","count":1,"first":1,"last":2}}`,
			status: http.StatusNotFound, code: "not_found"},
		{name: "no user", target: "/events/summaries", body: `{"event_summaries":{"event_name":"x","count":1,"first":1,"last":2}}`,
			status: http.StatusBadRequest, code: "parameter_not_found", after: func(t testing.TB) { want(t, "count", jsonInt(dig(summary(t), "count")), 10) }},
	}
}

func cancelExportWrites(rt testing.TB, f *fixture) []writeCase {
	var pending, completed string
	for job, status := range f.workspace().DataExportJobs() {
		switch status {
		case "pending":
			pending = job
		case "completed":
			completed = job
		}
	}
	return []writeCase{
		{name: "a pending job", target: "/export/cancel/" + pending, check: func(t testing.TB, body map[string]any) {
			want(t, "answered status", body["status"], "canceled")
			want(t, "status", f.get(t, "/export/content/data/"+pending)["status"], "canceled")
		}},
		{name: "a canceled job", target: "/export/cancel/" + pending, check: func(t testing.TB, body map[string]any) { want(t, "status", body["status"], "canceled") }},
		{name: "a completed job", target: "/export/cancel/" + completed, status: http.StatusBadRequest, code: "parameter_invalid",
			after: func(t testing.TB) {
				want(t, "status after a refusal", f.get(t, "/export/content/data/"+completed)["status"], "completed")
			}},
		{name: "unknown job", target: "/export/cancel/nosuchjob0000000", status: http.StatusNotFound, code: "not_found"},
	}
}

func createExportWrites(rt testing.TB, f *fixture) []writeCase {
	var job string
	return []writeCase{
		{name: "created", target: "/export/content/data", body: `{"created_at_after":1717003983,"created_at_before":1717021983}`,
			check: func(t testing.TB, body map[string]any) {
				job = fmt.Sprint(body["job_identifier"])
				want(t, "status", body["status"], "pending")
			}},
		{name: "a second while one is active", target: "/export/content/data", body: `{"created_at_after":1717003983,"created_at_before":1717021983}`,
			status: http.StatusTooManyRequests, code: "rate_limit_exceeded",
			after: func(t testing.TB) {
				// Polled, the job runs and completes with a download link.
				want(t, "first poll", f.get(t, "/export/content/data/"+job)["status"], "in_progress")
				done := f.get(t, "/export/content/data/"+job)
				want(t, "second poll", done["status"], "completed")
				if !strings.HasSuffix(fmt.Sprint(done["download_url"]), "/download/content/data/"+job) {
					t.Errorf("download_url %v", done["download_url"])
				}
			}},
		{name: "a range ending before it starts", target: "/export/content/data", body: `{"created_at_after":1717021983,"created_at_before":1717003983}`,
			status: http.StatusBadRequest, code: "bad_request"},
	}
}

func messageWrites(rt testing.TB, f *fixture) []writeCase {
	user := f.aUser(rt)
	lead := f.searchContacts(rt, `{"field":"role","operator":"=","value":"lead"}`)[0]
	admin := f.adminIDs[0]
	before := f.total(rt, "/conversations")
	return []writeCase{
		{name: "an email that opens a conversation", target: "/messages",
			body: fmt.Sprintf(`{"message_type":"email","subject":"Your renewal","body":"Shall we talk?","template":"plain",`+
				`"from":{"type":"admin","id":%s},"to":{"type":"user","id":"%s"},"create_conversation_without_contact_reply":true}`, admin, user["id"]),
			check: func(t testing.TB, body map[string]any) {
				want(t, "message_type", body["message_type"], "email")
				conv := f.get(t, "/conversations/"+fmt.Sprint(body["conversation_id"]))
				want(t, "conversation's contacts", ids(dig(conv, "contacts", "contacts")), []string{fmt.Sprint(user["id"])})
				want(t, "conversation's subject", dig(conv, "source", "subject"), "Your renewal")
				want(t, "conversations listed", f.total(t, "/conversations"), before+1)
				if f.get(t, "/contacts/"+fmt.Sprint(user["id"]))["last_contacted_at"] == nil {
					t.Error("the contact was not marked contacted")
				}
			}},
		{name: "in the Messenger, to a lead", target: "/messages",
			body: fmt.Sprintf(`{"message_type":"in_app","body":"Hi there","from":{"type":"admin","id":%s},"to":{"type":"lead","id":"%s"}}`, admin, lead),
			check: func(t testing.TB, body map[string]any) {
				want(t, "message_type", body["message_type"], "inapp")
				want(t, "conversation opened", body["conversation_id"], nil)
			}},
		{name: "an email without subject", target: "/messages",
			body: fmt.Sprintf(`{"message_type":"email","body":"hey","template":"plain","from":{"type":"admin","id":%s},"to":{"type":"user","id":"%s"}}`,
				admin, user["id"]),
			status: http.StatusUnprocessableEntity, code: "parameter_not_found", malformed: true, after: f.unchangedTotal("/conversations", before+1)},
		{name: "a lead addressed as a user", target: "/messages",
			body: fmt.Sprintf(`{"message_type":"in_app","body":"Hi","from":{"type":"admin","id":%s},"to":{"type":"user","id":"%s"},`+
				`"create_conversation_without_contact_reply":true}`, admin, lead),
			status: http.StatusBadRequest, code: "parameter_invalid", after: f.unchangedTotal("/conversations", before+1)},
		{name: "unknown contact", target: "/messages",
			body:   fmt.Sprintf(`{"message_type":"in_app","body":"Hi","from":{"type":"admin","id":%s},"to":{"type":"user","id":"000000000000000000000000"}}`, admin),
			status: http.StatusNotFound, code: "not_found"},
	}
}

func phoneSwitchWrites(rt testing.TB, f *fixture) []writeCase {
	withPhone := f.searchContacts(rt, `{"field":"phone","operator":"^","value":"+1555"}`)[0]
	phone := fmt.Sprint(f.get(rt, "/contacts/"+withPhone)["phone"])
	return []writeCase{
		{name: "texted, with attributes", target: "/phone_call_redirects", body: fmt.Sprintf(`{"phone":"%s","custom_attributes":{"issue_type":"Billing"}}`, phone),
			check: func(t testing.TB, body map[string]any) {
				want(t, "phone", body["phone"], phone)
				want(t, "the caller's attribute", dig(f.get(t, "/contacts/"+withPhone), "custom_attributes", "issue_type"), "Billing")
			}},
		{name: "an invalid number", target: "/phone_call_redirects", body: `{"phone":"12345","custom_attributes":{"issue_type":"Sales"}}`,
			status: http.StatusBadRequest, code: "invalid_phone_number"},
		{name: "no number", target: "/phone_call_redirects", body: `{}`, status: http.StatusBadRequest, code: "parameter_not_found", malformed: true},
	}
}

func createTagWrites(rt testing.TB, f *fixture) []writeCase {
	ws := f.workspace()
	company := f.get(rt, "/companies/"+ws.CompanyIDs()[5])
	contact := f.contactIDs[70]
	var created string
	tagList := func(t testing.TB) []string { return ids(f.get(t, "/tags")["data"]) }
	before := len(ws.TagIDs())
	return []writeCase{
		{name: "created", target: "/tags", body: `{"name":"Zeppelin owners"}`, check: func(t testing.TB, body map[string]any) {
			created = fmt.Sprint(body["id"])
			want(t, "tags listed", len(tagList(t)), before+1)
			want(t, "name", f.get(t, "/tags/"+created)["name"], "Zeppelin owners")
		}},
		{name: "found by name in another case", target: "/tags", body: `{"name":"zeppelin OWNERS"}`, check: func(t testing.TB, body map[string]any) {
			want(t, "the same tag", body["id"], created)
			want(t, "tags listed", len(tagList(t)), before+1)
		}},
		{name: "renamed by id", target: "/tags", body: `{"name":"Airship owners","id":"` + ws.TagIDs()[0] + `"}`,
			check: func(t testing.TB, _ map[string]any) {
				want(t, "name", f.get(t, "/tags/"+ws.TagIDs()[0])["name"], "Airship owners")
			}},
		{name: "on companies", target: "/tags", body: fmt.Sprintf(`{"name":"Zeppelin owners","companies":[{"company_id":"%s"}]}`, company["company_id"]),
			check: func(t testing.TB, _ map[string]any) {
				if !slices.Contains(ids(f.get(t, "/companies?per_page=60&tag_id="+created)["data"]), fmt.Sprint(company["id"])) {
					t.Errorf("company %v is not tagged", company["id"])
				}
			}},
		{name: "off companies", target: "/tags", body: fmt.Sprintf(`{"name":"Zeppelin owners","companies":[{"id":"%s","untag":true}]}`, company["id"]),
			check: func(t testing.TB, _ map[string]any) {
				if slices.Contains(ids(dig(f.get(t, "/companies/"+fmt.Sprint(company["id"])), "tags", "tags")), created) {
					t.Errorf("company %v is still tagged", company["id"])
				}
			}},
		{name: "on users", target: "/tags", body: fmt.Sprintf(`{"name":"Balloonists","users":[{"id":"%s"}]}`, contact),
			check: func(t testing.TB, body map[string]any) {
				if !slices.Contains(ids(f.get(t, "/contacts/"+contact+"/tags")["data"]), fmt.Sprint(body["id"])) {
					t.Errorf("contact %s is not tagged", contact)
				}
			}},
		{name: "on an unknown company", target: "/tags", body: `{"name":"Nowhere","companies":[{"company_id":"123"}]}`,
			status: http.StatusNotFound, code: "company_not_found", after: func(t testing.TB) {
				if slices.ContainsFunc(f.get(t, "/tags")["data"].([]any), func(x any) bool { return dig(x, "name") == "Nowhere" }) {
					t.Error("a refused tagging created its tag")
				}
			}},
		{name: "on an unknown user", target: "/tags", body: `{"name":"Nobody","users":[{"id":"123"}]}`, status: http.StatusNotFound, code: "not_found"},
		{name: "renaming an unknown tag", target: "/tags", body: `{"name":"x","id":"1"}`, status: http.StatusNotFound, code: "not_found"},
		{name: "no name", target: "/tags", body: `{"test":"invalid"}`, status: http.StatusBadRequest, code: "bad_request", malformed: true},
	}
}

func updateVisitorWrites(rt testing.TB, f *fixture) []writeCase {
	userID := f.workspace().VisitorUserIDs()[0]
	path := "/visitors?user_id=" + url.QueryEscape(userID)
	return []writeCase{
		{name: "named", target: "/visitors", body: fmt.Sprintf(`{"user_id":"%s","name":"Gareth Bale","custom_attributes":{"team":"Wales"}}`, userID),
			check: func(t testing.TB, _ map[string]any) {
				v := f.get(t, path)
				want(t, "name", v["name"], "Gareth Bale")
				want(t, "attribute", dig(v, "custom_attributes", "team"), "Wales")
			}},
		{name: "unknown visitor", target: "/visitors", body: `{"user_id":"fail","name":"Christian Fail"}`, status: http.StatusNotFound, code: "not_found"},
		{name: "no visitor", target: "/visitors", body: `{"name":"Nobody"}`, status: http.StatusBadRequest, code: "parameter_not_found", malformed: true,
			after: func(t testing.TB) { want(t, "name after a refusal", f.get(t, path)["name"], "Gareth Bale") }},
	}
}

func convertVisitorWrites(rt testing.TB, f *fixture) []writeCase {
	visitors := f.workspace().VisitorUserIDs()
	user := f.aUser(rt)
	return []writeCase{
		{name: "into a new user", target: "/visitors/convert",
			body: fmt.Sprintf(`{"type":"user","user":{"user_id":"converted-1","email":"foo@bar.com"},"visitor":{"user_id":"%s"}}`, visitors[1]),
			check: func(t testing.TB, body map[string]any) {
				c := f.get(t, "/contacts/"+fmt.Sprint(body["id"]))
				want(t, "external_id", c["external_id"], "converted-1")
				want(t, "email", c["email"], "foo@bar.com")
				f.gone(t, "/visitors?user_id="+url.QueryEscape(visitors[1]))
			}},
		{name: "merged into a user", target: "/visitors/convert",
			body: fmt.Sprintf(`{"type":"user","user":{"id":"%s"},"visitor":{"user_id":"%s"}}`, user["id"], visitors[2]),
			check: func(t testing.TB, body map[string]any) {
				want(t, "the user answered", body["id"], user["id"])
				f.gone(t, "/visitors?user_id="+url.QueryEscape(visitors[2]))
			}},
		{name: "unknown visitor", target: "/visitors/convert", body: `{"type":"user","user":{"user_id":"x"},"visitor":{"user_id":"no-such-visitor"}}`,
			status: http.StatusNotFound, code: "not_found"},
		{name: "unknown user", target: "/visitors/convert",
			body:   fmt.Sprintf(`{"type":"user","user":{"id":"000000000000000000000000"},"visitor":{"user_id":"%s"}}`, visitors[3]),
			status: http.StatusNotFound, code: "not_found", after: func(t testing.TB) { f.get(t, "/visitors?user_id="+url.QueryEscape(visitors[3])) }},
	}
}

func deleteContactWrites(rt testing.TB, f *fixture) []writeCase {
	var contact string
	for _, id := range f.contactIDs {
		if len(f.workspace().NoteIDs(id)) > 0 {
			contact = id
		}
	}
	notes := f.workspace().NoteIDs(contact)
	before := f.total(rt, "/contacts")
	return []writeCase{
		{name: "deleted", target: "/contacts/" + contact, check: func(t testing.TB, body map[string]any) {
			want(t, "deleted", body["deleted"], true)
			f.gone(t, "/contacts/"+contact)
			f.gone(t, "/notes/"+notes[0])
			want(t, "contacts listed", f.total(t, "/contacts"), before-1)
		}},
		{name: "unknown contact", target: "/contacts/" + contact, status: http.StatusNotFound, code: "not_found"},
	}
}

func deleteCompanyWrites(rt testing.TB, f *fixture) []writeCase {
	company := f.workspace().CompanyIDs()[6]
	members := f.workspace().CompanyContactIDs(company)
	return []writeCase{
		{name: "deleted", target: "/companies/" + company, check: func(t testing.TB, body map[string]any) {
			want(t, "object", body["object"], "company")
			f.gone(t, "/companies/"+company)
			for _, m := range members {
				if slices.Contains(ids(f.get(t, "/contacts/"+m+"/companies")["companies"]), company) {
					t.Errorf("contact %s still lists deleted company %s", m, company)
				}
			}
		}},
		{name: "unknown company", target: "/companies/" + company, status: http.StatusNotFound, code: "company_not_found"},
	}
}

func deleteTagWrites(rt testing.TB, f *fixture) []writeCase {
	contact := f.contactIDs[70]
	tag := f.workspace().ContactLinks(contact).TagIDs[0]
	return []writeCase{
		{name: "deleted", target: "/tags/" + tag, after: func(t testing.TB) {
			f.gone(t, "/tags/"+tag)
			if slices.Contains(ids(f.get(t, "/contacts/"+contact+"/tags")["data"]), tag) {
				t.Errorf("contact %s still has deleted tag %s", contact, tag)
			}
		}},
		{name: "unknown tag", target: "/tags/" + tag, status: http.StatusNotFound, code: "not_found"},
	}
}
