package upstream_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"testing"

	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// The client decodes Intercom's answers into the same values encoding/json
// gives, field for field, on every kind of object the demo workspace holds:
// custom attributes, timestamps, embedded references, conversation parts.
func TestAnswersDecodeAsEncodingJSONDecodesThem(t *testing.T) {
	f := newFixture(t, intercomsim.Options{Seed: 1, Sizes: intercomsim.DemoSizes()}, upstream.Config{})
	ctx := context.Background()
	std := func(method, path string, into any) {
		t.Helper()
		req, _ := http.NewRequest(method, f.server.URL+path, nil)
		req.Header.Set("Authorization", "Bearer "+intercomsim.DemoToken)
		req.Header.Set("Intercom-Version", upstream.DefaultVersion)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		if err := json.Unmarshal(raw, into); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	same := func(what string, got, want any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if !reflect.DeepEqual(got, want) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			t.Errorf("%s: the client decoded\n%.3000s\nencoding/json decodes\n%.3000s", what, g, w)
		}
	}

	contacts, err := f.client.Contacts.List(ctx, upstream.CursorOptions{PerPage: 150})
	var wantContacts upstream.ContactList
	std(http.MethodGet, "/contacts?per_page=150", &wantContacts)
	same("contacts", contacts, &wantContacts, err)

	companies, err := f.client.Companies.List(ctx, upstream.CompanyListOptions{PageOptions: upstream.PageOptions{PerPage: 60}})
	var wantCompanies upstream.CompanyList
	std(http.MethodPost, "/companies/list?order=desc&per_page=60", &wantCompanies)
	same("companies", companies, &wantCompanies, err)

	conversations, err := f.client.Conversations.List(ctx, upstream.CursorOptions{PerPage: 20})
	var wantConversations upstream.ConversationList
	std(http.MethodGet, "/conversations?per_page=20", &wantConversations)
	same("conversations", conversations, &wantConversations, err)
	for _, c := range wantConversations.Conversations[:5] {
		full, err := f.client.Conversations.Get(ctx, c.ID)
		var want upstream.Conversation
		std(http.MethodGet, "/conversations/"+c.ID, &want)
		same("conversation "+c.ID, full, &want, err)
	}

	admins, err := f.client.Admins.List(ctx)
	var wantAdmins upstream.AdminList
	std(http.MethodGet, "/admins", &wantAdmins)
	same("admins", admins, &wantAdmins, err)
}
