package httpapi_test

import "testing"

const setAdminAwayDoc = `mutation($input: SetAdminAwayInput!) {
  setAdminAway(input: $input) { admin { id awayModeEnabled awayModeReassign } userErrors { field message code } }
}`

func TestSetAdminAway(t *testing.T) {
	f, ws := newWriteFacade(t)
	id := globalID("Admin", ws.AdminIDs()[1])
	const readAdmin = `query($id: ID!) { admin(id: $id) { awayModeEnabled awayModeReassign } }`
	before := f.cached(t, readAdmin, map[string]any{"id": id})
	away := dig(before, "admin", "awayModeEnabled") != true

	p := succeeded(t, "setAdminAway", f.mutate(t, "setAdminAway", setAdminAwayDoc, map[string]any{"adminId": id, "awayModeEnabled": away, "awayModeReassign": away}))
	if dig(p, "admin", "awayModeEnabled") != away || dig(p, "admin", "id") != id {
		t.Errorf("payload admin = %v", p["admin"])
	}
	after := f.read(t, readAdmin, map[string]any{"id": id})
	if dig(after, "admin", "awayModeEnabled") != away || dig(after, "admin", "awayModeReassign") != away {
		t.Errorf("the admin read after the write = %v, want away %v", after["admin"], away)
	}

	unchanged := func(t *testing.T) {
		if got := dig(f.read(t, readAdmin, map[string]any{"id": id}), "admin", "awayModeEnabled"); got != away {
			t.Errorf("a refused write changed the admin: away %v", got)
		}
	}
	f.refuses(t, "setAdminAway", setAdminAwayDoc, []refusal{
		{name: "the ID of a tag", input: map[string]any{"adminId": globalID("Tag", "7500000"), "awayModeEnabled": !away}, code: "INVALID_ID", field: []string{"adminId"}},
		{name: "a malformed ID", input: map[string]any{"adminId": "not-an-id", "awayModeEnabled": !away}, code: "INVALID_ID", field: []string{"adminId"}},
		{name: "an unknown admin", input: map[string]any{"adminId": globalID("Admin", "1"), "awayModeEnabled": !away}, code: "NOT_FOUND", field: []string{"adminId"}, calls: 1},
	}, unchanged)
	f.invalid(t, "away mode left out", setAdminAwayDoc, map[string]any{"adminId": id}, "awayModeEnabled")
}
