package intercomsim_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"intercom-graphql/upstream/intercomsim"
)

type apiCaller struct {
	t    *testing.T
	sim  *intercomsim.Simulator
	base string
}

func newAPICaller(t *testing.T, opts intercomsim.Options) *apiCaller {
	sim := intercomsim.New(opts)
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	return &apiCaller{t: t, sim: sim, base: srv.URL}
}

// call sends a request to a path or to a full URL the simulator handed out.
func (c *apiCaller) call(method, target string) (int, map[string]any) {
	c.t.Helper()
	if u, err := url.Parse(target); err != nil || !u.IsAbs() {
		target = c.base + target
	}
	req, _ := http.NewRequest(method, target, nil)
	authorize(req, intercomsim.DemoToken)
	status, _, raw := send(c.t, req)
	var body map[string]any
	if err := json.Unmarshal(raw, &body); err != nil {
		c.t.Fatalf("%s %s: %v: %s", method, target, err, raw)
	}
	return status, body
}

func idsOf(items any) []string {
	var out []string
	list, _ := items.([]any)
	for _, it := range list {
		out = append(out, fmt.Sprint(dig(it, "id")))
	}
	return out
}

func firstErrorCode(body map[string]any) string {
	errs, _ := body["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	return fmt.Sprint(dig(errs[0], "code"))
}

func TestCompanyListsFollowTheirNextLinksToTheEnd(t *testing.T) {
	c := newAPICaller(t, intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 2, Tags: 5, Segments: 3, Companies: 73, Contacts: 301}})
	ws := c.sim.Workspace(intercomsim.DemoToken)
	for _, tc := range []struct {
		method, first string
		want          []string
	}{
		{http.MethodPost, "/companies/list?per_page=7", ws.ListedCompanyIDs()},
		{http.MethodPost, "/companies/list?per_page=60&order=asc", reversedIDs(ws.ListedCompanyIDs())},
		{http.MethodGet, "/companies?per_page=10", ws.CompanyIDs()},
		{http.MethodGet, "/companies/" + ws.CompanyIDs()[0] + "/contacts?per_page=9", ws.CompanyContactIDs(ws.CompanyIDs()[0])},
	} {
		var seen []string
		target := tc.first
		for page := 1; target != ""; page++ {
			status, body := c.call(tc.method, target)
			if status != http.StatusOK {
				t.Fatalf("%s %s: %d %v", tc.method, target, status, body)
			}
			if got := jsonInt(dig(body, "pages", "page")); got != page {
				t.Errorf("%s: page %d says it is page %d", tc.first, page, got)
			}
			seen = append(seen, idsOf(body["data"])...)
			target, _ = dig(body, "pages", "next").(string)
			if target == "" && jsonInt(dig(body, "pages", "total_pages")) != page {
				t.Errorf("%s: ended on page %d, total_pages says %v", tc.first, page, dig(body, "pages", "total_pages"))
			}
			if total := jsonInt(body["total_count"]); total != len(tc.want) {
				t.Errorf("%s: total_count %d, want %d", tc.first, total, len(tc.want))
			}
		}
		if !slices.Equal(seen, tc.want) {
			t.Errorf("%s: following next links saw %v, want %v", tc.first, seen, tc.want)
		}
	}
	if listed, all := len(ws.ListedCompanyIDs()), len(ws.CompanyIDs()); listed == all {
		t.Errorf("all %d companies have contacts; the seed should leave some without, which the list leaves out", all)
	}
}

func reversedIDs(s []string) []string {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}

func TestCompanyListsRefuseWhatIntercomRefuses(t *testing.T) {
	c := newAPICaller(t, intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 1, Tags: 3, Segments: 2, Companies: 5, Contacts: 20}})
	ws := c.sim.Workspace(intercomsim.DemoToken)
	company := ws.CompanyIDs()[0]
	for _, tc := range []struct {
		method, target string
		status         int
		code           string
	}{
		{http.MethodPost, "/companies/list?per_page=61", 400, "parameter_invalid"},
		{http.MethodPost, "/companies/list?per_page=0", 400, "parameter_invalid"},
		{http.MethodPost, "/companies/list?page=0", 400, "parameter_invalid"},
		{http.MethodPost, "/companies/list?order=newest", 400, "parameter_invalid"},
		{http.MethodGet, "/companies?per_page=61", 400, "parameter_invalid"},
		{http.MethodGet, "/companies?tag_id=7500000&segment_id=" + ws.SegmentIDs()[0], 400, "bad_request"},
		{http.MethodGet, "/companies?name=No%20Such%20Company", 404, "company_not_found"},
		{http.MethodGet, "/companies?company_id=no-such-id", 404, "company_not_found"},
		{http.MethodGet, "/companies/" + company + "/contacts?per_page=51", 400, "parameter_invalid"},
		{http.MethodGet, "/companies/scroll?scroll_param=never-issued", 400, "parameter_invalid"},
		{http.MethodGet, "/segments?include_count=maybe", 400, "parameter_invalid"},
	} {
		status, body := c.call(tc.method, tc.target)
		if status != tc.status || firstErrorCode(body) != tc.code {
			t.Errorf("%s %s: %d %s, want %d %s", tc.method, tc.target, status, firstErrorCode(body), tc.status, tc.code)
		}
	}
	// A tag no company carries lists nothing, without an error.
	if status, body := c.call(http.MethodGet, "/companies?tag_id=1"); status != 200 || jsonInt(body["total_count"]) != 0 {
		t.Errorf("an unused tag: %d %v", status, body)
	}
}

func TestCompanyScrollIsOnePerWorkspaceAndExpires(t *testing.T) {
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	c := newAPICaller(t, intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 1, Companies: 250}, Now: clock})
	want := c.sim.Workspace(intercomsim.DemoToken).CompanyIDs()

	status, first := c.call(http.MethodGet, "/companies/scroll")
	param, _ := first["scroll_param"].(string)
	if status != 200 || param == "" || len(idsOf(first["data"])) != 100 {
		t.Fatalf("opening a scroll: %d, %d companies, param %q", status, len(idsOf(first["data"])), param)
	}
	if first["pages"] != nil || first["total_count"] != nil {
		t.Errorf("a scroll answer carries pages %v and total_count %v; Intercom sends null", first["pages"], first["total_count"])
	}
	if status, body := c.call(http.MethodGet, "/companies/scroll"); status != 400 || firstErrorCode(body) != "bad_request" {
		t.Errorf("a second scroll while one is open: %d %v, want 400", status, body)
	}
	seen := idsOf(first["data"])
	for {
		advance(50 * time.Second) // each call keeps the scroll alive
		status, body := c.call(http.MethodGet, "/companies/scroll?scroll_param="+url.QueryEscape(param))
		if status != 200 {
			t.Fatalf("continuing the scroll: %d %v", status, body)
		}
		batch := idsOf(body["data"])
		if len(batch) == 0 {
			break
		}
		seen = append(seen, batch...)
	}
	if !slices.Equal(seen, want) {
		t.Errorf("the scroll handed out %d companies, want all %d once in order", len(seen), len(want))
	}
	if status, _ := c.call(http.MethodGet, "/companies/scroll?scroll_param="+url.QueryEscape(param)); status != 400 {
		t.Errorf("a finished scroll's param: %d, want 400", status)
	}

	// The end of a scroll frees the workspace for the next one; so does a minute without use.
	_, second := c.call(http.MethodGet, "/companies/scroll")
	advance(time.Minute)
	if status, body := c.call(http.MethodGet, "/companies/scroll?scroll_param="+url.QueryEscape(fmt.Sprint(second["scroll_param"]))); status != 400 || firstErrorCode(body) != "parameter_invalid" {
		t.Errorf("an expired scroll param: %d %v, want 400 parameter_invalid", status, body)
	}
	if status, _ := c.call(http.MethodGet, "/companies/scroll"); status != 200 {
		t.Errorf("a new scroll after the last one expired: %d, want 200", status)
	}
}

func TestRelationsAgreeWithWhatContactsAndCompaniesEmbed(t *testing.T) {
	c := newAPICaller(t, intercomsim.Options{Sizes: intercomsim.Sizes{Admins: 3, Tags: 14, Segments: 5, Companies: 15, Contacts: 60}})
	ws := c.sim.Workspace(intercomsim.DemoToken)
	hasMore := 0
	segmentMembers := map[string]int{}
	for _, id := range ws.ContactIDs() {
		_, contact := c.call(http.MethodGet, "/contacts/"+id)
		_, companies := c.call(http.MethodGet, "/contacts/"+id+"/companies")
		_, tags := c.call(http.MethodGet, "/contacts/"+id+"/tags")
		_, segments := c.call(http.MethodGet, "/contacts/"+id+"/segments")
		for _, rel := range []struct {
			embedded string
			listed   []string
		}{{"companies", idsOf(companies["companies"])}, {"tags", idsOf(tags["data"])}} {
			embedded := idsOf(dig(contact, rel.embedded, "data"))
			total := jsonInt(dig(contact, rel.embedded, "total_count"))
			more, _ := dig(contact, rel.embedded, "has_more").(bool)
			if total != len(rel.listed) || more != (total > 10) || len(embedded) != min(total, 10) || !slices.Equal(embedded, rel.listed[:len(embedded)]) {
				t.Errorf("contact %s embeds %s %v (total %d, has_more %v) but lists %v", id, rel.embedded, embedded, total, more, rel.listed)
			}
			if more {
				hasMore++
			}
		}
		if jsonInt(companies["total_count"]) != len(idsOf(companies["companies"])) {
			t.Errorf("contact %s: total_count %v for %d companies", id, companies["total_count"], len(idsOf(companies["companies"])))
		}
		for _, s := range idsOf(segments["data"]) {
			segmentMembers[s]++
		}
	}
	if hasMore != 2 {
		t.Errorf("%d embedded lists say has_more; the seed crowds one contact with companies and tags", hasMore)
	}
	_, counted := c.call(http.MethodGet, "/segments?include_count=true")
	for _, s := range counted["segments"].([]any) {
		if id := fmt.Sprint(dig(s, "id")); jsonInt(dig(s, "count")) != segmentMembers[id] {
			t.Errorf("segment %s counts %v contacts; %d list it", id, dig(s, "count"), segmentMembers[id])
		}
	}
	for _, id := range ws.CompanyIDs() {
		_, company := c.call(http.MethodGet, "/companies/"+id)
		_, contacts := c.call(http.MethodGet, "/companies/"+id+"/contacts?per_page=50")
		_, segments := c.call(http.MethodGet, "/companies/"+id+"/segments")
		if jsonInt(company["user_count"]) != jsonInt(contacts["total_count"]) {
			t.Errorf("company %s: user_count %v, %v contacts", id, company["user_count"], contacts["total_count"])
		}
		if !slices.Equal(idsOf(dig(company, "segments", "segments")), idsOf(segments["data"])) {
			t.Errorf("company %s embeds segments %v but lists %v", id, idsOf(dig(company, "segments", "segments")), idsOf(segments["data"]))
		}
		for _, member := range idsOf(contacts["data"]) {
			if !slices.Contains(ws.ContactLinks(member).CompanyIDs, id) {
				t.Errorf("company %s lists contact %s, which does not belong to it", id, member)
			}
		}
	}
}
