package intercomsim

import (
	"fmt"
	"slices"

	"intercom-graphql/upstream"
)

type activityLogRecord struct {
	seq int64
	log upstream.ActivityLog
}

func (r *activityLogRecord) sequence() int64 { return r.seq }

// activityKinds are the activities the seed writes, each with the metadata
// Intercom records for it: the spec's named keys where they apply, and the
// free-form keys (before, after, message...) other activities carry.
var activityKinds = []struct {
	kind     string
	describe func(who string, m *upstream.ActivityLogMetadata) string
	metadata func(s *seeder, self *upstream.Admin) *upstream.ActivityLogMetadata
}{
	{"admin_login_success", func(who string, _ *upstream.ActivityLogMetadata) string { return who + " signed in." },
		func(s *seeder, _ *upstream.Admin) *upstream.ActivityLogMetadata {
			return &upstream.ActivityLogMetadata{SignInMethod: ptr(s.pick([]string{"email_password", "google_sso", "saml"}))}
		}},
	{"admin_login_failure", func(who string, _ *upstream.ActivityLogMetadata) string { return who + " failed to sign in." },
		func(s *seeder, _ *upstream.Admin) *upstream.ActivityLogMetadata {
			return &upstream.ActivityLogMetadata{SignInMethod: ptr("email_password")}
		}},
	{"admin_logout", func(who string, _ *upstream.ActivityLogMetadata) string { return who + " signed out." }, nil},
	{"admin_away_mode_change", func(who string, m *upstream.ActivityLogMetadata) string {
		if *m.AwayMode {
			return fmt.Sprintf("%s set %s away.", *m.UpdateByName, who)
		}
		return fmt.Sprintf("%s set %s back from away.", *m.UpdateByName, who)
	}, func(s *seeder, self *upstream.Admin) *upstream.ActivityLogMetadata {
		by := self
		if s.chance(0.3) {
			by = s.ws.admins[s.rng.IntN(len(s.ws.admins))]
		}
		away := s.chance(0.6)
		m := &upstream.ActivityLogMetadata{AwayMode: &away, ReassignConversations: ptr(away && s.chance(0.5)),
			Source: ptr(fmt.Sprintf("admin update from web - Admin id: %s", by.ID)), AutoChanged: ptr("false"),
			UpdateBy: ptr(mustInt(by.ID)), UpdateByName: ptr(by.Name)}
		if away {
			m.AwayStatusReason = ptr(s.pick([]string{"On a break", "In a meeting", "Out for lunch"}))
		}
		return m
	}},
	{"app_name_change", func(who string, m *upstream.ActivityLogMetadata) string {
		return fmt.Sprintf("%s changed your app name from %v to %v.", who, m.Other["before"], m.Other["after"])
	}, func(s *seeder, _ *upstream.Admin) *upstream.ActivityLogMetadata {
		return &upstream.ActivityLogMetadata{Other: map[string]any{"before": "Demo", "after": s.ws.app.Name}}
	}},
	{"message_state_change", func(who string, m *upstream.ActivityLogMetadata) string {
		return fmt.Sprintf("%s changed your %v message from %v to %v.", who, m.Other["message"].(map[string]any)["title"], m.Other["before"], m.Other["after"])
	}, func(s *seeder, _ *upstream.Admin) *upstream.ActivityLogMetadata {
		title := s.pick([]string{"Welcome tour", "Trial ending", "Spring launch"})
		return &upstream.ActivityLogMetadata{Other: map[string]any{"message": map[string]any{"id": 100 + s.rng.IntN(900), "title": title},
			"before": "draft", "after": "live"}}
	}},
	{"app_data_deletion", func(who string, m *upstream.ActivityLogMetadata) string {
		return fmt.Sprintf("%s deleted the data of user %s.", who, *m.ExternalID)
	}, func(s *seeder, _ *upstream.Admin) *upstream.ActivityLogMetadata {
		return &upstream.ActivityLogMetadata{ExternalID: ptr(fmt.Sprintf("user-%05d", 1+s.rng.IntN(99999)))}
	}},
	{"role_change", func(who string, m *upstream.ActivityLogMetadata) string {
		return fmt.Sprintf("%s changed a teammate's role from %v to %v.", who, m.Other["before"], m.Other["after"])
	}, func(s *seeder, _ *upstream.Admin) *upstream.ActivityLogMetadata {
		return &upstream.ActivityLogMetadata{Other: map[string]any{"before": "Support", "after": "Admin"}}
	}},
}

// activityLogs writes what each admin did over the last four months.
func (s *seeder) activityLogs() {
	ws := s.ws
	var logs []*upstream.ActivityLog
	for _, a := range ws.admins {
		for range 5 + s.rng.IntN(10) {
			k := activityKinds[s.rng.IntN(len(activityKinds))]
			l := &upstream.ActivityLog{
				ID:           s.uuid(),
				PerformedBy:  &upstream.ActivityLogPerformer{Type: "admin", ID: a.ID, Email: a.Email, IP: fmt.Sprintf("198.51.100.%d", 1+s.rng.IntN(254))},
				CreatedAt:    s.daysBefore(120),
				ActivityType: k.kind,
			}
			if k.metadata != nil {
				l.Metadata = k.metadata(s, a)
			}
			l.ActivityDescription = k.describe(a.Name, l.Metadata)
			logs = append(logs, l)
		}
	}
	slices.SortStableFunc(logs, func(a, b *upstream.ActivityLog) int { return int(a.CreatedAt - b.CreatedAt) })
	for _, l := range logs {
		ws.activityLogs = append(ws.activityLogs, &activityLogRecord{seq: ws.nextSeq(), log: *l})
	}
}

// ActivityLogIDs lists the ids of the activities logged in [after, before]
// (before 0 for no end), newest first.
func (ws *Workspace) ActivityLogIDs(after, before int64) []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	var ids []string
	window := ws.activityWindow(upstream.Timestamp(after), upstream.Timestamp(before))
	for i := len(window) - 1; i >= 0; i-- {
		ids = append(ids, window[i].log.ID)
	}
	return ids
}

// activityWindow is the log of [after, before], oldest first; before 0 leaves it open.
func (ws *Workspace) activityWindow(after, before upstream.Timestamp) []*activityLogRecord {
	var out []*activityLogRecord
	for _, rec := range ws.activityLogs {
		if rec.log.CreatedAt >= after && (before == 0 || rec.log.CreatedAt <= before) {
			out = append(out, rec)
		}
	}
	return out
}
