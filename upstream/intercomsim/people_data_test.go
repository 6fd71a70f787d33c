package intercomsim_test

import (
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

func newSimClient(t *testing.T) (*upstream.Client, *intercomsim.Workspace, string) {
	t.Helper()
	sim := intercomsim.New(intercomsim.Options{Seed: 11, Sizes: intercomsim.Sizes{Admins: 5, Teams: 2, Tags: 6, Segments: 3, Companies: 6, Contacts: 70, Conversations: 5}})
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	c, err := upstream.New(upstream.Config{Token: intercomsim.DemoToken, BaseURL: srv.URL, Retry: &upstream.RetryPolicy{MaxAttempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	return c, sim.Workspace(intercomsim.DemoToken), srv.URL
}

func getRaw(t *testing.T, base, target string) (int, http.Header, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+target, nil)
	authorize(req, intercomsim.DemoToken)
	return send(t, req)
}

func errorCode(t *testing.T, body []byte) string {
	t.Helper()
	var e upstream.ErrorList
	if err := json.Unmarshal(body, &e); err != nil || len(e.Errors) == 0 {
		t.Fatalf("not an error body: %s", body)
	}
	return e.Errors[0].Code
}

// A contact embeds its ten newest notes and counts them all; the notes list
// serves the same notes, newest first, by page number or by pages.next.
func TestContactNotesAgreeWithTheNotesList(t *testing.T) {
	c, ws, base := newSimClient(t)
	ctx := context.Background()
	sawMore := false
	for _, id := range ws.ContactIDs() {
		want := ws.NoteIDs(id)
		contact, err := c.Contacts.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		refs := contact.Notes
		if refs.TotalCount != len(want) || refs.HasMore != (len(want) > 10) || len(refs.Data) != min(len(want), 10) {
			t.Fatalf("contact %s embeds %d of %d notes (has_more %v), it has %d", id, len(refs.Data), refs.TotalCount, refs.HasMore, len(want))
		}
		for i, ref := range refs.Data {
			if ref.ID != want[i] || ref.Type != "note" {
				t.Fatalf("contact %s embeds note %d as %+v, want %s", id, i, ref, want[i])
			}
		}
		sawMore = sawMore || refs.HasMore
		if len(want) <= 10 {
			continue
		}
		var byNumber, byCursor []string
		for page := 1; ; page++ {
			list, err := c.Notes.List(ctx, id, upstream.NoteListOptions{Page: page, PerPage: 7})
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range list.Data {
				byNumber = append(byNumber, n.ID)
				if n.Contact.ID != id || n.Author == nil || n.Author.Name == "" {
					t.Errorf("note %s: contact %+v, author %+v", n.ID, n.Contact, n.Author)
				}
			}
			if list.Pages.Next == nil {
				if list.Pages.TotalPages != page {
					t.Errorf("last page %d, total_pages %d", page, list.Pages.TotalPages)
				}
				break
			}
		}
		byCursor = walkNotesByCursor(t, base, id)
		if !slices.Equal(byNumber, want) || !slices.Equal(byCursor, want) {
			t.Errorf("contact %s: pages by number %v, by pages.next %v, want %v", id, byNumber, byCursor, want)
		}
	}
	if !sawMore {
		t.Error("no contact has more notes than it embeds; the seed should make some")
	}
}

func walkNotesByCursor(t *testing.T, base, contactID string) []string {
	t.Helper()
	var ids []string
	target := "/contacts/" + contactID + "/notes?per_page=4"
	for range 100 {
		status, _, body := getRaw(t, base, target)
		var list upstream.NoteList
		if status != http.StatusOK || json.Unmarshal(body, &list) != nil {
			t.Fatalf("%s: %d %s", target, status, body)
		}
		for _, n := range list.Data {
			ids = append(ids, n.ID)
		}
		if list.Pages.Next == nil {
			return ids
		}
		target = "/contacts/" + contactID + "/notes?per_page=4&starting_after=" + list.Pages.Next.StartingAfter
	}
	t.Fatal("pages.next never ends")
	return nil
}

// Intercom lists the last 90 days of a person's events, in pages linked by
// URLs; summaries count every event, listed or not.
func TestEventsListTheLastNinetyDaysAndSummariesCountThemAll(t *testing.T) {
	c, ws, _ := newSimClient(t)
	ctx := context.Background()
	older := false
	for _, id := range ws.ContactIDs() {
		var got []string
		opts := upstream.DataEventListOptions{PerPage: 3}
		for range 100 {
			list, err := c.DataEvents.List(ctx, upstream.DataEventOwner{IntercomUserID: id}, opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range list.Events {
				got = append(got, e.EventName+"@"+strconv.FormatInt(int64(e.CreatedAt), 10))
				if e.IntercomUserID == nil || *e.IntercomUserID != id {
					t.Errorf("event of %s names %v", id, e.IntercomUserID)
				}
			}
			if opts.After = list.Pages.NextQuery(); opts.After == "" {
				break
			}
		}
		if want := ws.EventKeys(id); !slices.Equal(got, want) {
			t.Fatalf("events of %s: %v, want %v", id, got, want)
		}
		sum, err := c.DataEvents.Summaries(ctx, upstream.DataEventOwner{IntercomUserID: id})
		if err != nil {
			t.Fatal(err)
		}
		counts, total := ws.EventCounts(id), 0
		for _, item := range sum.Events {
			total += item.Count
			if counts[item.Name] != item.Count || item.First > item.Last {
				t.Errorf("summary of %s for %s: %+v, want count %d", id, item.Name, item, counts[item.Name])
			}
		}
		older = older || total > len(got)
	}
	if !older {
		t.Error("no contact has events older than Intercom lists; the seed should make some")
	}
}

func TestEventsAskForExactlyOnePerson(t *testing.T) {
	_, ws, base := newSimClient(t)
	contact := ws.ContactIDs()[0]
	for _, tc := range []struct {
		target string
		status int
		code   string
	}{
		{"/events?intercom_user_id=" + contact, 400, "parameter_invalid"},
		{"/events?type=user", 400, "parameter_not_found"},
		{"/events?type=user&intercom_user_id=" + contact + "&email=a@example.com", 400, "parameter_invalid"},
		{"/events?type=user&email=nobody@example.com", 404, "not_found"},
		{"/events?type=user&intercom_user_id=" + contact + "&before=yesterday", 400, "parameter_invalid"},
	} {
		status, _, body := getRaw(t, base, tc.target)
		if status != tc.status || errorCode(t, body) != tc.code {
			t.Errorf("%s: %d %s, want %d %s", tc.target, status, body, tc.status, tc.code)
		}
	}
}

func TestActivityLogWindowIncludesBothEnds(t *testing.T) {
	c, ws, base := newSimClient(t)
	all := ws.ActivityLogIDs(0, 0)
	list, err := c.ActivityLogs.List(context.Background(), upstream.ActivityLogListOptions{CursorOptions: upstream.CursorOptions{PerPage: 150}})
	if err != nil || len(list.ActivityLogs) != len(all) {
		t.Fatalf("the whole log: %d of %d, %v", len(list.ActivityLogs), len(all), err)
	}
	middle := list.ActivityLogs[len(all)/2]
	at := middle.CreatedAt
	one, err := c.ActivityLogs.List(context.Background(), upstream.ActivityLogListOptions{CreatedAtAfter: at, CreatedAtBefore: &at})
	if err != nil || !slices.ContainsFunc(one.ActivityLogs, func(l *upstream.ActivityLog) bool { return l.ID == middle.ID }) {
		t.Errorf("the window [%d, %d] left out %s: %+v, %v", at, at, middle.ID, one, err)
	}
	for target, code := range map[string]string{
		"/admins/activity_logs":                            "parameter_not_found",
		"/admins/activity_logs?created_at_after=yesterday": "parameter_invalid",
	} {
		if status, _, body := getRaw(t, base, target); status != 400 || errorCode(t, body) != code {
			t.Errorf("%s: %d %s, want 400 %s", target, status, body, code)
		}
	}
}

// A completed job's download link serves a gzipped CSV; other jobs have none.
func TestDataExportDownloads(t *testing.T) {
	c, ws, base := newSimClient(t)
	for job, status := range ws.DataExportJobs() {
		e, err := c.DataExports.Get(context.Background(), job)
		if err != nil {
			t.Fatal(err)
		}
		target := "/download/content/data/" + job
		code, header, body := getRaw(t, base, target)
		if status != "completed" {
			if e.DownloadURL != "" || e.DownloadExpiresAt != "" || code != http.StatusNotFound {
				t.Errorf("%s job %s: link %q, download answered %d", status, job, e.DownloadURL, code)
			}
			continue
		}
		if e.DownloadURL != base+target {
			t.Errorf("job %s links to %q, want %q", job, e.DownloadURL, base+target)
		}
		if expires, err := strconv.ParseInt(e.DownloadExpiresAt, 10, 64); err != nil || expires <= 0 {
			t.Errorf("job %s expires at %q", job, e.DownloadExpiresAt)
		}
		if code != http.StatusOK || header.Get("Content-Type") != "application/octet-stream" {
			t.Fatalf("download of %s: %d %s", job, code, header.Get("Content-Type"))
		}
		gz, err := gzip.NewReader(strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(gz).ReadAll()
		if err != nil || len(rows) < 2 || rows[0][0] != "user_id" {
			t.Errorf("download of %s is not a CSV of receipts: %v, %v", job, rows, err)
		}
	}
}

func TestVisitorsAndDataAttributesRefuseBadQueries(t *testing.T) {
	_, _, base := newSimClient(t)
	for target, code := range map[string]string{
		"/visitors":                               "parameter_not_found",
		"/data_attributes?model=ticket":           "parameter_invalid",
		"/data_attributes?include_archived=maybe": "parameter_invalid",
	} {
		if status, _, body := getRaw(t, base, target); status != 400 || errorCode(t, body) != code {
			t.Errorf("%s: %d %s, want 400 %s", target, status, body, code)
		}
	}
}
