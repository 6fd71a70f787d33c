package intercomsim_test

import (
	"testing"

	"intercom-graphql/upstream/intercomsim"
)

func companyIDs(f *fixture) []string {
	return f.sim.Workspace(intercomsim.DemoToken).CompanyIDs()
}

// segmentsCounted: include_count=true must count every segment.
func segmentsCounted(t testing.TB, body map[string]any) {
	segments, _ := body["segments"].([]any)
	for _, s := range segments {
		if _, ok := dig(s, "count").(float64); !ok {
			t.Errorf("include_count=true left segment %v without a count", dig(s, "id"))
		}
	}
}

// companyPage: a page of a company list holds at most perPage companies, and
// says so.
func companyPage(perPage int) func(testing.TB, map[string]any) {
	return func(t testing.TB, body map[string]any) {
		pageOfAtMost(perPage)(t, body)
		if got := jsonInt(dig(body, "pages", "per_page")); got != perPage {
			t.Errorf("pages.per_page is %d, asked for %d", got, perPage)
		}
	}
}

func pageOfAtMost(n int) func(testing.TB, map[string]any) {
	return func(t testing.TB, body map[string]any) {
		if items, _ := body["data"].([]any); len(items) > n {
			t.Errorf("a page of per_page=%d holds %d items", n, len(items))
		}
	}
}

// everyCompany: a filtered list holds only companies whose property has the value, and at least one.
func everyCompany(property, value string) func(testing.TB, map[string]any) {
	return func(t testing.TB, body map[string]any) {
		items, _ := body["data"].([]any)
		if len(items) == 0 {
			t.Errorf("no company with %s %q was listed", property, value)
		}
		for _, c := range items {
			if dig(c, property) != value {
				t.Errorf("filtering by %s %q listed company %v with %v", property, value, dig(c, "id"), dig(c, property))
			}
		}
	}
}

func everyCompanyTagged(tagID string) func(testing.TB, map[string]any) {
	return func(t testing.TB, body map[string]any) {
		items, _ := body["data"].([]any)
		if len(items) == 0 {
			t.Errorf("no company with tag %s was listed", tagID)
		}
		for _, c := range items {
			tagged := false
			tags, _ := dig(c, "tags", "tags").([]any)
			for _, tag := range tags {
				tagged = tagged || dig(tag, "id") == tagID
			}
			if !tagged {
				t.Errorf("filtering by tag %s listed company %v, which does not carry it", tagID, dig(c, "id"))
			}
		}
	}
}
