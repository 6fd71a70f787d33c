package upstream

import (
	"encoding/json"
	"strconv"
)

// ActivityLog is one thing a teammate did in the workspace.
type ActivityLog struct {
	ID                  string                `json:"id"`
	PerformedBy         *ActivityLogPerformer `json:"performed_by"`
	Metadata            *ActivityLogMetadata  `json:"metadata"`
	CreatedAt           Timestamp             `json:"created_at"`
	ActivityType        string                `json:"activity_type"`
	ActivityDescription string                `json:"activity_description"`
}

// ActivityLogPerformer is the admin who did it, and from where.
type ActivityLogPerformer struct {
	Type  string `json:"type"`
	ID    string `json:"id"`
	Email string `json:"email"`
	IP    string `json:"ip"`
}

// ActivityLogMetadata is what Intercom adds about an activity. The spec names
// nine keys; the rest vary with the activity type (before and after values,
// the message changed...) and are kept in Other, so none is lost.
type ActivityLogMetadata struct {
	SignInMethod          *string
	ExternalID            *string
	AwayMode              *bool
	AwayStatusReason      *string
	ReassignConversations *bool
	Source                *string
	// AutoChanged is a string in the spec; Intercom's examples send a boolean,
	// which is read as "true" or "false".
	AutoChanged  *string
	UpdateBy     *int64
	UpdateByName *string
	Other        map[string]any
}

// UnmarshalJSON reads the named keys into their fields, tolerating values of
// another JSON type than the spec says (they stay in Other), and keeps the rest.
func (m *ActivityLogMetadata) UnmarshalJSON(data []byte) error {
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*m = ActivityLogMetadata{}
	take := func(key string, read func(any) bool) {
		if v, ok := raw[key]; ok && v != nil && read(v) {
			delete(raw, key)
		} else if ok && v == nil {
			delete(raw, key)
		}
	}
	take("sign_in_method", readString(&m.SignInMethod))
	take("external_id", readString(&m.ExternalID))
	take("away_mode", readBool(&m.AwayMode))
	take("away_status_reason", readString(&m.AwayStatusReason))
	take("reassign_conversations", readBool(&m.ReassignConversations))
	take("source", readString(&m.Source))
	take("auto_changed", func(v any) bool {
		if b, ok := v.(bool); ok {
			s := strconv.FormatBool(b)
			m.AutoChanged = &s
			return true
		}
		return readString(&m.AutoChanged)(v)
	})
	take("update_by", func(v any) bool {
		f, ok := v.(float64)
		if ok && f == float64(int64(f)) {
			n := int64(f)
			m.UpdateBy = &n
			return true
		}
		return false
	})
	take("update_by_name", readString(&m.UpdateByName))
	if len(raw) > 0 {
		m.Other = raw
	}
	return nil
}

// MarshalJSON writes the named keys that are set and every other key.
func (m ActivityLogMetadata) MarshalJSON() ([]byte, error) {
	out := make(map[string]any, len(m.Other)+9)
	for k, v := range m.Other {
		out[k] = v
	}
	set := func(key string, v any, ok bool) {
		if ok {
			out[key] = v
		}
	}
	set("sign_in_method", m.SignInMethod, m.SignInMethod != nil)
	set("external_id", m.ExternalID, m.ExternalID != nil)
	set("away_mode", m.AwayMode, m.AwayMode != nil)
	set("away_status_reason", m.AwayStatusReason, m.AwayStatusReason != nil)
	set("reassign_conversations", m.ReassignConversations, m.ReassignConversations != nil)
	set("source", m.Source, m.Source != nil)
	set("auto_changed", m.AutoChanged, m.AutoChanged != nil)
	set("update_by", m.UpdateBy, m.UpdateBy != nil)
	set("update_by_name", m.UpdateByName, m.UpdateByName != nil)
	return json.Marshal(out)
}

// All is every key of the metadata as Intercom sent it.
func (m *ActivityLogMetadata) All() map[string]any {
	b, err := json.Marshal(m)
	if err != nil {
		return nil
	}
	var out map[string]any
	_ = json.Unmarshal(b, &out)
	return out
}

func readString(dst **string) func(any) bool {
	return func(v any) bool {
		s, ok := v.(string)
		if ok {
			*dst = &s
		}
		return ok
	}
}

func readBool(dst **bool) func(any) bool {
	return func(v any) bool {
		b, ok := v.(bool)
		if ok {
			*dst = &b
		}
		return ok
	}
}

// ActivityLogList is the body of GET /admins/activity_logs: one page, newest first.
type ActivityLogList struct {
	Type         string         `json:"type"`
	Pages        *CursorPages   `json:"pages"`
	ActivityLogs []*ActivityLog `json:"activity_logs"`
}
