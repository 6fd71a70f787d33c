package upstream_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"intercom-graphql/upstream"
)

// Intercom sends pages.next of page-number lists as an object (as the spec
// says) or as the next page's URL (as the Help Center lists do); both must
// read, and neither may fail the whole answer.
func TestPageNumberListsReadEitherFormOfNext(t *testing.T) {
	cases := map[string]struct {
		body             string
		page, perPage    int
		hasNext, hasLink bool
	}{
		"object": {body: `{"type":"pages","page":1,"next":{"page":2,"per_page":25,"starting_after":null},"per_page":25,"total_pages":6}`,
			page: 2, perPage: 25, hasNext: true},
		"URL": {body: `{"type":"pages","next":"https://api.intercom.io/help_center/collections?per_page=1&page=2","page":1,"per_page":1,"total_pages":4}`,
			page: 2, perPage: 1, hasNext: true, hasLink: true},
		"null":   {body: `{"type":"pages","next":null,"page":1,"per_page":10,"total_pages":1}`},
		"absent": {body: `{"type":"pages","page":1,"per_page":10,"total_pages":1}`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var list upstream.CollectionList
			if err := json.Unmarshal([]byte(`{"type":"list","total_count":4,"data":[],"pages":`+c.body+`}`), &list); err != nil {
				t.Fatal(err)
			}
			next := list.Pages.Next
			if (next != nil) != c.hasNext {
				t.Fatalf("next = %+v, want present: %v", next, c.hasNext)
			}
			if next != nil && (next.Page != c.page || next.PerPage != c.perPage || (next.URL != "") != c.hasLink) {
				t.Errorf("next = %+v, want page %d of %d", next, c.page, c.perPage)
			}
		})
	}
}

// A list that ignores page parameters would hand its first page out again as
// the second; the client refuses such an answer instead.
func TestPageNumberListsRefuseAnAnswerForAnotherPage(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"type":"list","total_count":30,"data":{"articles":[],"highlights":[]},
			"pages":{"type":"pages","page":1,"per_page":10,"total_pages":3}}`))
	}))
	defer srv.Close()
	c, err := upstream.New(upstream.Config{Token: "t", BaseURL: srv.URL, Retry: &upstream.RetryPolicy{MaxAttempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.Articles.Search(ctx, upstream.ArticleSearchOptions{Phrase: "x", Page: upstream.PageOptions{Page: 1, PerPage: 10}}); err != nil {
		t.Errorf("the page asked for was refused: %v", err)
	}
	wrongPage, err := c.Articles.Search(ctx, upstream.ArticleSearchOptions{Phrase: "x", Page: upstream.PageOptions{Page: 2, PerPage: 10}})
	var transportErr *upstream.TransportError
	if !errors.As(err, &transportErr) || transportErr.Operation != "searchArticles" {
		t.Errorf("page 1 answered for page 2: got %v, want a TransportError of searchArticles", err)
	}
	if wrongPage != nil {
		t.Errorf("the refused page was handed out: %+v", wrongPage)
	}
	// The spec declares no per_page here: a page of Intercom's own size is
	// the page asked for, and says its size for the caller to read it by.
	other, err := c.Articles.Search(ctx, upstream.ArticleSearchOptions{Phrase: "x", Page: upstream.PageOptions{Page: 1, PerPage: 25}})
	if err != nil || other.Pages == nil || other.Pages.PerPage != 10 {
		t.Errorf("10 items a page answered for 25: got %+v, %v; want the page, saying its size", other, err)
	}
}

func TestArticleStatisticsReadEitherNameOfConversations(t *testing.T) {
	var spec, example upstream.ArticleStatistics
	_ = json.Unmarshal([]byte(`{"type":"article_statistics","views":10,"conversions":3}`), &spec)
	_ = json.Unmarshal([]byte(`{"type":"article_statistics","views":10,"conversations":4}`), &example)
	if spec.ConversationsStarted() != 3 || example.ConversationsStarted() != 4 {
		t.Errorf("conversations started: %d and %d, want 3 and 4", spec.ConversationsStarted(), example.ConversationsStarted())
	}
}
