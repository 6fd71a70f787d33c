package graph_test

import (
	"testing"
	"time"

	"intercom-graphql/httpapi/facadetest"
)

const (
	createArticleDoc = `mutation($input: CreateArticleInput!) {
	  createArticle(input: $input) {
	    article { id intercomId title state body parent { intercomId } translation(locale: "fr") { title state } }
	    userErrors { field message code }
	  }
	}`
	updateArticleDoc = `mutation($input: UpdateArticleInput!) {
	  updateArticle(input: $input) { article { id title state } userErrors { field message code } }
	}`
	deleteArticleDoc = `mutation($input: DeleteArticleInput!) { deleteArticle(input: $input) { deletedArticleId userErrors { field message code } } }`
	articlesTotal    = `{ articles(first: 1) { totalCount } }`
)

func TestArticleMutations(t *testing.T) {
	f, ws := newWriteFacade(t)
	author := facadetest.GlobalID("Admin", ws.AdminIDs()[0])
	collection := facadetest.GlobalID("Collection", ws.CollectionIDs()[0])
	total := func(data map[string]any) int { return int(facadetest.Dig(data, "articles", "totalCount").(float64)) }
	before := total(cached(t, f, articlesTotal, nil))

	created := facadetest.Succeeded(t, "createArticle", f.Mutate(t, "createArticle", createArticleDoc, map[string]any{
		"title": "Rotate your zeppelin keys", "body": "Yearly.", "authorId": author, "state": "PUBLISHED", "parentId": collection,
		"translations": []any{map[string]any{"locale": "FR", "title": "Changer vos clés", "state": "DRAFT"}},
	}))
	article := created["article"].(map[string]any)
	if article["state"] != "PUBLISHED" || facadetest.Dig(article, "parent", "intercomId") != ws.CollectionIDs()[0] || facadetest.Dig(article, "translation", "title") != "Changer vos clés" {
		t.Errorf("created article = %v", article)
	}
	if got := total(readBack(t, f, articlesTotal, nil)); got != before+1 {
		t.Errorf("articles after a creation: %d, want %d", got, before+1)
	}
	found := readBack(t, f, `{ searchArticles(phrase: "zeppelin") { nodes { intercomId } } }`, nil)
	if ids := nodeIDs(found["searchArticles"]); len(ids) != 1 || ids[0] != article["intercomId"] {
		t.Errorf("searching the new word found %v", ids)
	}

	id := article["id"].(string)
	const readArticle = `query($id: ID!) { article(id: $id) { title state } }`
	cached(t, f, readArticle, map[string]any{"id": id})
	facadetest.Succeeded(t, "updateArticle", f.Mutate(t, "updateArticle", updateArticleDoc, map[string]any{"id": id, "title": "Rotate the keys", "state": "DRAFT"}))
	if a := readBack(t, f, readArticle, map[string]any{"id": id}); facadetest.Dig(a, "article", "title") != "Rotate the keys" || facadetest.Dig(a, "article", "state") != "DRAFT" {
		t.Errorf("the article read after its update = %v", a["article"])
	}

	gone := facadetest.Succeeded(t, "deleteArticle", f.Mutate(t, "deleteArticle", deleteArticleDoc, map[string]any{"id": id}))
	if gone["deletedArticleId"] != id {
		t.Errorf("deletedArticleId = %v, want %s", gone["deletedArticleId"], id)
	}
	if resp := f.Query(readArticle, map[string]any{"id": id}); facadetest.Dig(resp.Data, "article") != nil {
		t.Errorf("a deleted article reads back: %s", resp.Raw)
	}
	if got := total(readBack(t, f, articlesTotal, nil)); got != before {
		t.Errorf("articles after the deletion: %d, want %d", got, before)
	}

	unchanged := func(t *testing.T) {
		if got := total(readBack(t, f, articlesTotal, nil)); got != before {
			t.Errorf("a refused write changed the number of articles to %d", got)
		}
	}
	refuses(t, f, "createArticle", createArticleDoc, []refusal{
		{name: "an author who is a contact", input: map[string]any{"title": "x", "authorId": facadetest.GlobalID("Contact", "abc")}, code: "INVALID_ID", field: []string{"authorId"}},
		{name: "a locale the Help Center lacks", input: map[string]any{"title": "x", "authorId": author, "translations": []any{map[string]any{"locale": "xx", "title": "y"}}},
			code: "INVALID", field: []string{"translations", "0", "locale"}},
		{name: "a blank title", input: map[string]any{"title": "  ", "authorId": author}, code: "REQUIRED", field: []string{"title"}},
		{name: "an unknown parent", input: map[string]any{"title": "x", "authorId": author, "parentId": facadetest.GlobalID("Collection", "1")}, code: "INVALID", field: []string{"parentId"}, calls: 1},
		{name: "an author who is no teammate", input: map[string]any{"title": "x", "authorId": facadetest.GlobalID("Admin", "1")}, code: "INVALID", field: []string{"authorId"}, calls: 1},
	}, unchanged)
	refuses(t, f, "updateArticle", updateArticleDoc, []refusal{
		{name: "an unknown article", input: map[string]any{"id": facadetest.GlobalID("Article", "1"), "title": "x"}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
		{name: "the ID of a collection", input: map[string]any{"id": collection}, code: "INVALID_ID", field: []string{"id"}},
	}, unchanged)
	refuses(t, f, "deleteArticle", deleteArticleDoc, []refusal{
		{name: "an article already deleted", input: map[string]any{"id": id}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
	}, unchanged)
	invalid(t, f, "no author", createArticleDoc, map[string]any{"title": "x"}, "authorId")
	invalid(t, f, "a state that does not exist", createArticleDoc, map[string]any{"title": "x", "authorId": author, "state": "ARCHIVED"}, "state")
}

const (
	createCollectionDoc = `mutation($input: CreateCollectionInput!) {
	  createCollection(input: $input) {
	    collection { id intercomId name parent { intercomId } helpCenter { intercomId } translation(locale: "fr") { name } }
	    userErrors { field message code }
	  }
	}`
	updateCollectionDoc = `mutation($input: UpdateCollectionInput!) {
	  updateCollection(input: $input) { collection { id name parent { intercomId } } userErrors { field message code } }
	}`
	deleteCollectionDoc = `mutation($input: DeleteCollectionInput!) { deleteCollection(input: $input) { deletedCollectionId userErrors { field message code } } }`
	readCollection      = `query($id: ID!) { collection(id: $id) { name parent { intercomId } } }`
)

func TestCollectionMutations(t *testing.T) {
	f, ws := newWriteFacade(t)
	helpCenters := ws.HelpCenterIDs()
	top := ws.CollectionIDs()[0]
	first := facadetest.Succeeded(t, "createCollection", f.Mutate(t, "createCollection", createCollectionDoc, map[string]any{
		"name": "Release notes", "helpCenterId": facadetest.GlobalID("HelpCenter", helpCenters[1]),
	}))["collection"].(map[string]any)
	if facadetest.Dig(first, "helpCenter", "intercomId") != helpCenters[1] || first["parent"] != nil {
		t.Errorf("created collection = %v", first)
	}
	section := facadetest.Succeeded(t, "createCollection", f.Mutate(t, "createCollection", createCollectionDoc, map[string]any{
		"name": "Refunds", "parentId": first["id"], "translations": []any{map[string]any{"locale": "fr", "name": "Remboursements"}},
	}))["collection"].(map[string]any)
	if facadetest.Dig(section, "parent", "intercomId") != first["intercomId"] || facadetest.Dig(section, "translation", "name") != "Remboursements" {
		t.Errorf("created section = %v", section)
	}

	sectionID := section["id"].(string)
	cached(t, f, readCollection, map[string]any{"id": sectionID})
	facadetest.Succeeded(t, "updateCollection", f.Mutate(t, "updateCollection", updateCollectionDoc, map[string]any{"id": sectionID, "name": "Refunds and credits", "parentId": nil}))
	if c := readBack(t, f, readCollection, map[string]any{"id": sectionID}); facadetest.Dig(c, "collection", "name") != "Refunds and credits" || facadetest.Dig(c, "collection", "parent") != nil {
		t.Errorf("the section read after moving it to the first level = %v", c["collection"])
	}
	// Leaving parentId out leaves the parent alone.
	facadetest.Succeeded(t, "updateCollection", f.Mutate(t, "updateCollection", updateCollectionDoc, map[string]any{"id": sectionID, "parentId": first["id"]}))
	facadetest.Succeeded(t, "updateCollection", f.Mutate(t, "updateCollection", updateCollectionDoc, map[string]any{"id": sectionID, "name": "Refunds"}))
	if c := readBack(t, f, readCollection, map[string]any{"id": sectionID}); facadetest.Dig(c, "collection", "parent", "intercomId") != first["intercomId"] {
		t.Errorf("an update without parentId moved the section: %v", c["collection"])
	}

	gone := facadetest.Succeeded(t, "deleteCollection", f.Mutate(t, "deleteCollection", deleteCollectionDoc, map[string]any{"id": first["id"]}))
	if gone["deletedCollectionId"] != first["id"] {
		t.Errorf("deletedCollectionId = %v", gone["deletedCollectionId"])
	}
	if resp := f.Query(readCollection, map[string]any{"id": sectionID}); facadetest.Dig(resp.Data, "collection") != nil {
		t.Errorf("a section of a deleted collection reads back: %s", resp.Raw)
	}

	unchanged := func(t *testing.T) {
		if c := readBack(t, f, readCollection, map[string]any{"id": facadetest.GlobalID("Collection", top)}); facadetest.Dig(c, "collection", "name") == "" {
			t.Error("a refused write changed a collection")
		}
	}
	refuses(t, f, "createCollection", createCollectionDoc, []refusal{
		{name: "a parent that is an article", input: map[string]any{"name": "x", "parentId": facadetest.GlobalID("Article", "8100000")}, code: "INVALID_ID", field: []string{"parentId"}},
		{name: "an unknown help center", input: map[string]any{"name": "x", "helpCenterId": facadetest.GlobalID("HelpCenter", "99")}, code: "INVALID", field: []string{"helpCenterId"}, calls: 1},
	}, unchanged)
	refuses(t, f, "updateCollection", updateCollectionDoc, []refusal{
		{name: "inside itself", input: map[string]any{"id": facadetest.GlobalID("Collection", top), "parentId": facadetest.GlobalID("Collection", top)}, code: "INVALID", field: []string{"parentId"}, calls: 1},
		{name: "an unknown collection", input: map[string]any{"id": facadetest.GlobalID("Collection", "1"), "name": "x"}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
	}, unchanged)
	refuses(t, f, "deleteCollection", deleteCollectionDoc, []refusal{
		{name: "a deleted collection", input: map[string]any{"id": first["id"]}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
	}, unchanged)
	invalid(t, f, "no name", createCollectionDoc, map[string]any{"description": "x"}, "name")
}

const (
	createNewsItemDoc = `mutation($input: CreateNewsItemInput!) {
	  createNewsItem(input: $input) {
	    newsItem { id intercomId title state labels reactions sender { intercomId } newsfeedAssignments { publishedAt newsfeed { intercomId } } }
	    userErrors { field message code }
	  }
	}`
	updateNewsItemDoc = `mutation($input: UpdateNewsItemInput!) {
	  updateNewsItem(input: $input) { newsItem { id title reactions } userErrors { field message code } }
	}`
	deleteNewsItemDoc = `mutation($input: DeleteNewsItemInput!) { deleteNewsItem(input: $input) { deletedNewsItemId userErrors { field message code } } }`
)

func TestNewsItemMutations(t *testing.T) {
	f, ws := newWriteFacade(t)
	sender := facadetest.GlobalID("Admin", ws.AdminIDs()[1])
	feed := ws.NewsfeedIDs()[1]
	const readFeed = `query($id: ID!) { newsfeed(id: $id) { items(first: 20) { nodes { intercomId } } } }`
	cached(t, f, readFeed, map[string]any{"id": facadetest.GlobalID("Newsfeed", feed)})

	item := facadetest.Succeeded(t, "createNewsItem", f.Mutate(t, "createNewsItem", createNewsItemDoc, map[string]any{
		"title": "Dark mode is here", "body": "<p>At last.</p>", "senderId": sender, "state": "LIVE", "labels": []any{"Product"}, "reactions": []any{"🎉"},
		"newsfeeds": []any{map[string]any{"newsfeedId": facadetest.GlobalID("Newsfeed", feed)}},
	}))["newsItem"].(map[string]any)
	if item["state"] != "LIVE" || facadetest.Dig(item, "sender", "intercomId") != ws.AdminIDs()[1] || facadetest.Dig(item, "newsfeedAssignments", 0, "publishedAt") == nil {
		t.Errorf("created news item = %v", item)
	}
	if live := nodeIDs(facadetest.Dig(readBack(t, f, readFeed, map[string]any{"id": facadetest.GlobalID("Newsfeed", feed)}), "newsfeed", "items")); !containsStr(live, item["intercomId"].(string)) {
		t.Errorf("the newsfeed read after the creation lacks the item: %v", live)
	}

	id := item["id"].(string)
	updated := facadetest.Succeeded(t, "updateNewsItem", f.Mutate(t, "updateNewsItem", updateNewsItemDoc, map[string]any{"id": id, "title": "Dark mode", "senderId": sender, "reactions": []any{}}))
	if facadetest.Dig(updated, "newsItem", "title") != "Dark mode" || len(facadetest.Dig(updated, "newsItem", "reactions").([]any)) != 0 {
		t.Errorf("updated news item = %v", updated["newsItem"])
	}
	facadetest.Succeeded(t, "deleteNewsItem", f.Mutate(t, "deleteNewsItem", deleteNewsItemDoc, map[string]any{"id": id}))
	if live := nodeIDs(facadetest.Dig(readBack(t, f, readFeed, map[string]any{"id": facadetest.GlobalID("Newsfeed", feed)}), "newsfeed", "items")); containsStr(live, item["intercomId"].(string)) {
		t.Errorf("the newsfeed still shows a deleted item")
	}

	items := func(t *testing.T) int {
		return int(facadetest.Dig(readBack(t, f, `{ newsItems(first: 1) { totalCount } }`, nil), "newsItems", "totalCount").(float64))
	}
	count := items(t)
	refuses(t, f, "createNewsItem", createNewsItemDoc, []refusal{
		{name: "a sender who is no teammate", input: map[string]any{"title": "x", "senderId": facadetest.GlobalID("Admin", "1")}, code: "INVALID", field: []string{"senderId"}, calls: 1},
		{name: "a newsfeed that is a tag", input: map[string]any{"title": "x", "senderId": sender, "newsfeeds": []any{map[string]any{"newsfeedId": facadetest.GlobalID("Tag", "1")}}},
			code: "INVALID_ID", field: []string{"newsfeeds", "0", "newsfeedId"}},
		{name: "published in the future", input: map[string]any{"title": "x", "senderId": sender, "state": "LIVE",
			"newsfeeds": []any{map[string]any{"newsfeedId": facadetest.GlobalID("Newsfeed", feed), "publishedAt": time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)}}},
			code: "INVALID", field: []string{"newsfeeds"}, calls: 1},
	}, func(t *testing.T) {
		if got := items(t); got != count {
			t.Errorf("a refused write changed the number of news items to %d", got)
		}
	})
	refuses(t, f, "updateNewsItem", updateNewsItemDoc, []refusal{
		{name: "a deleted news item", input: map[string]any{"id": id, "title": "x", "senderId": sender}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
	}, nil)
	invalid(t, f, "no sender", updateNewsItemDoc, map[string]any{"id": id, "title": "x"}, "senderId")
}
