package loaders_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// listedContacts are the first n contacts of the workspace, read directly.
func listedContacts(t *testing.T, client *upstream.Client, n int) []*upstream.Contact {
	t.Helper()
	var out []*upstream.Contact
	token := ""
	for len(out) < n {
		page, err := client.Contacts.List(context.Background(), upstream.CursorOptions{PerPage: upstream.MaxPerPage, StartingAfter: token})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page.Data...)
		if token = page.Pages.NextCursor(); token == "" {
			break
		}
	}
	if len(out) < n {
		t.Fatalf("the workspace has %d contacts, the test needs %d", len(out), n)
	}
	return out[:n]
}

// Contacts by email are one search per 150 distinct emails, in the order
// asked, whatever the case; an email of nobody is not found, alone; the
// contacts found are then loaded by id for nothing.
func TestContactsByEmailSearchOncePerPage(t *testing.T) {
	sim := intercomsim.New(intercomsim.Options{Seed: 11, Sizes: intercomsim.Sizes{Admins: 2, Teams: 1, Contacts: 170}})
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	client, err := upstream.New(upstream.Config{Token: intercomsim.DemoToken, BaseURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{sim: sim, client: client}
	contacts := listedContacts(t, client, 160)
	ctx := context.Background()
	l := loaders.New(client)

	emails := []string{"nobody@nowhere.example"}
	for _, c := range contacts {
		emails = append(emails, strings.ToUpper(c.Email))
	}
	emails = append(emails, contacts[0].Email) // asked twice
	var found []*upstream.Contact
	var errs []error
	if calls := f.calls(func() { found, errs = l.ContactsByEmail(ctx, emails) }); calls != 2 {
		t.Errorf("161 distinct emails cost %d calls, want 2", calls)
	}
	if found[0] != nil || !upstream.IsNotFound(errs[0]) {
		t.Errorf("an email of nobody: %v, %v", found[0], errs[0])
	}
	for i, c := range contacts {
		if errs[i+1] != nil || found[i+1] == nil || found[i+1].ID != c.ID {
			t.Fatalf("email %s: %v, %v; want contact %s", emails[i+1], found[i+1], errs[i+1], c.ID)
		}
	}
	if last := found[len(found)-1]; last == nil || last.ID != contacts[0].ID {
		t.Errorf("a repeated email: %v", last)
	}
	if calls := f.calls(func() { _, _ = l.Contact(ctx, contacts[7].ID) }); calls != 0 {
		t.Errorf("a contact found by email cost %d calls to load by id", calls)
	}
}

func TestContactsByExternalIDAreOneSearch(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var ids, want []string
	for _, c := range listedContacts(t, f.client, 20) {
		if c.ExternalID != nil && *c.ExternalID != "" {
			ids, want = append(ids, *c.ExternalID), append(want, c.ID)
		}
	}
	if len(ids) < 2 {
		t.Fatalf("%d contacts have an external id; the test needs 2", len(ids))
	}
	ids, want = append(ids, "no-such-user"), append(want, "")
	l := loaders.New(f.client)
	var found []*upstream.Contact
	var errs []error
	if calls := f.calls(func() { found, errs = l.ContactsByExternalID(ctx, ids) }); calls != 1 {
		t.Errorf("%d external ids cost %d calls, want 1", len(ids), calls)
	}
	for i := range ids {
		if idOf(found[i]) != want[i] || (want[i] == "") != upstream.IsNotFound(errs[i]) {
			t.Errorf("external id %s: %v, %v; want %q", ids[i], idOf(found[i]), errs[i], want[i])
		}
	}
}

// Teammates by email come from the admins' list, read once; companies by
// your own id are one call each, a repeated id once.
func TestAdminsAndCompaniesByTheirKeys(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	l := loaders.New(f.client)
	admins, err := f.client.Admins.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	emails := []string{strings.ToUpper(admins.Admins[1].Email), "nobody@nowhere.example", admins.Admins[0].Email}
	var found []*upstream.Admin
	var errs []error
	if calls := f.calls(func() { found, errs = l.AdminsByEmail(ctx, emails) }); calls != 1 {
		t.Errorf("teammates by email cost %d calls, want 1", calls)
	}
	if idOf(found[0]) != admins.Admins[1].ID || idOf(found[2]) != admins.Admins[0].ID || found[1] != nil || !upstream.IsNotFound(errs[1]) {
		t.Errorf("teammates by email: %v %v", found, errs)
	}

	companies, err := f.client.Companies.List(ctx, upstream.CompanyListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a, b := companies.Data[0], companies.Data[1]
	keys := []string{a.CompanyID, "no-such-company", b.CompanyID, a.CompanyID}
	var got []*upstream.Company
	if calls := f.calls(func() { got, errs = l.CompaniesByCompanyID(ctx, keys) }); calls != 3 {
		t.Errorf("3 distinct company ids cost %d calls, want 3", calls)
	}
	if idOf(got[0]) != a.ID || idOf(got[2]) != b.ID || idOf(got[3]) != a.ID || got[1] != nil || !upstream.IsNotFound(errs[1]) {
		t.Errorf("companies by companyId: %v %v", got, errs)
	}
	if calls := f.calls(func() { _, _ = l.Company(ctx, b.ID) }); calls != 0 {
		t.Errorf("a company found by companyId cost %d calls to load by id", calls)
	}
}

// Where a user and a lead share an email, the email names the user; an
// email of leads alone names one of them. (Which one, the lead updated last,
// the test cannot tell apart: leads made within a second share their time.)
func TestASharedEmailNamesTheUser(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var user *upstream.Contact
	for _, c := range listedContacts(t, f.client, 20) {
		if c.Role == "user" && c.Email != "" {
			user = c
			break
		}
	}
	if user == nil {
		t.Fatal("the workspace has no user with an email")
	}
	shared, leadsOnly := user.Email, "two.leads@example.com"
	leads := map[string]bool{}
	for _, email := range []string{shared, leadsOnly, leadsOnly} {
		lead, err := f.client.Contacts.Create(ctx, upstream.ContactRequest{Role: "lead", Email: &email})
		if err != nil {
			t.Fatal(err)
		}
		leads[lead.ID] = email == leadsOnly
	}
	matches, err := f.client.Contacts.Search(ctx, upstream.SearchRequest{Query: upstream.SearchQuery{Field: "email", Operator: "IN", Value: []any{shared, leadsOnly}}})
	if err != nil || len(matches.Data) != 4 {
		t.Fatalf("the search should see the user and the three leads: %v", err)
	}
	found, errs := loaders.New(f.client).ContactsByEmail(ctx, []string{shared, leadsOnly})
	if errs[0] != nil || idOf(found[0]) != user.ID {
		t.Errorf("the shared email named %v (%v), want the user %s", idOf(found[0]), errs[0], user.ID)
	}
	if errs[1] != nil || !leads[idOf(found[1])] {
		t.Errorf("the leads' email named %v (%v), want one of its leads", idOf(found[1]), errs[1])
	}
}
