package graph_test

import (
	"testing"

	"intercom-graphql/httpapi/facadetest"
)

const setAdminAwayDoc = `mutation($input: SetAdminAwayInput!) {
  setAdminAway(input: $input) { admin { id awayModeEnabled awayModeReassign } userErrors { field message code } }
}`

func TestSetAdminAway(t *testing.T) {
	f, ws := newWriteFacade(t)
	id := facadetest.GlobalID("Admin", ws.AdminIDs()[1])
	const readAdmin = `query($id: ID!) { admin(id: $id) { awayModeEnabled awayModeReassign } }`
	before := cached(t, f, readAdmin, map[string]any{"id": id})
	away := facadetest.Dig(before, "admin", "awayModeEnabled") != true

	p := facadetest.Succeeded(t, "setAdminAway", f.Mutate(t, "setAdminAway", setAdminAwayDoc, map[string]any{"adminId": id, "awayModeEnabled": away, "awayModeReassign": away}))
	if facadetest.Dig(p, "admin", "awayModeEnabled") != away || facadetest.Dig(p, "admin", "id") != id {
		t.Errorf("payload admin = %v", p["admin"])
	}
	after := readBack(t, f, readAdmin, map[string]any{"id": id})
	if facadetest.Dig(after, "admin", "awayModeEnabled") != away || facadetest.Dig(after, "admin", "awayModeReassign") != away {
		t.Errorf("the admin read after the write = %v, want away %v", after["admin"], away)
	}

	unchanged := func(t *testing.T) {
		if got := facadetest.Dig(readBack(t, f, readAdmin, map[string]any{"id": id}), "admin", "awayModeEnabled"); got != away {
			t.Errorf("a refused write changed the admin: away %v", got)
		}
	}
	refuses(t, f, "setAdminAway", setAdminAwayDoc, []refusal{
		{name: "the ID of a tag", input: map[string]any{"adminId": facadetest.GlobalID("Tag", "7500000"), "awayModeEnabled": !away}, code: "INVALID_ID", field: []string{"adminId"}},
		{name: "a malformed ID", input: map[string]any{"adminId": "not-an-id", "awayModeEnabled": !away}, code: "INVALID_ID", field: []string{"adminId"}},
		{name: "an unknown admin", input: map[string]any{"adminId": facadetest.GlobalID("Admin", "1"), "awayModeEnabled": !away}, code: "NOT_FOUND", field: []string{"adminId"}, calls: 1},
	}, unchanged)
	invalid(t, f, "away mode left out", setAdminAwayDoc, map[string]any{"adminId": id}, "awayModeEnabled")
}
