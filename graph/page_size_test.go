package graph_test

import (
	"fmt"
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// The 2.10 spec declares no per_page on the Articles, collections and News
// lists, so Intercom may answer with its own page size. Every page is read
// at the size it was served: asked for 2 and answered 25 on a list of 7,
// the connection still gives the first 2, then the rest, each item once.
func TestListsKeepingTheirOwnPageSizeReadWhatTheyServe(t *testing.T) {
	for _, sizes := range []intercomsim.Sizes{
		{Admins: 2, Teams: 1, Collections: 7, Articles: 7, NewsItems: 7},    // page 1 of 1 at Intercom's size
		{Admins: 2, Teams: 1, Collections: 17, Articles: 83, NewsItems: 57}, // several pages at either size
	} {
		f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Seed: 5, Sizes: sizes}, MaxQueryCost: 100_000})
		ws := f.Sim.Workspace(intercomsim.DemoToken)
		for _, l := range []struct {
			field, path string
			size        int
			want        []string
		}{
			{"articles", "/articles", 25, ws.ArticleIDs()},
			{"collections", "/help_center/collections", 25, ws.CollectionIDs()},
			{"newsItems", "/news/news_items", 10, ws.NewsItemIDs()},
		} {
			remove := f.Sim.InjectFault(intercomsim.Fault{Kind: intercomsim.FaultPageSize, Path: l.path, PerPage: l.size})
			for _, n := range []int{2, 7, 30} {
				what := fmt.Sprintf("%s of %d by %d at Intercom's %d", l.field, len(l.want), n, l.size)
				resp := f.Query(forwardQuery(l.field), map[string]any{"first": n})
				if len(resp.Errors) > 0 {
					t.Fatalf("%s: %s", what, resp.Raw)
				}
				if got := len(facadetest.Dig(resp.Data, l.field, "nodes").([]any)); got != min(n, len(l.want)) {
					t.Errorf("%s: the first page holds %d items", what, got)
				}
				ids := walkWith(t, f, forwardQuery(l.field), []any{l.field}, n, nil)
				assertInOrder(t, what+" forward", ids, l.want)
				ids, _ = walkBack(t, f, backwardQuery(l.field), []any{l.field}, n, nil)
				assertInOrder(t, what+" backward", ids, l.want)
			}
			remove()
		}
	}
}
