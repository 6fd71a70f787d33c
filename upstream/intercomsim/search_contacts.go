package intercomsim

import (
	"net/http"

	"intercom-graphql/upstream"
)

// contactSearch is POST /contacts/search as its description in the spec
// lists it: the searchable fields and their types, dates matched by
// calendar day in the workspace's time zone with = < > only, and tag_id
// with = and != only.
var contactSearch = &searchSchema[*contactRecord]{
	rules: searchRules{
		ops: map[searchKind][]string{
			kindString:  {"=", "!=", "IN", "NIN", "~", "!~", "^", "$"},
			kindInteger: {"=", "!=", "IN", "NIN", "<", ">", "<=", ">="},
			kindFloat:   {"=", "!=", "IN", "NIN", "<", ">", "<=", ">="},
			kindBoolean: {"=", "!=", "IN", "NIN"},
			kindDate:    {"=", "<", ">"},
		},
		dayGranular:    true,
		defaultPerPage: 50,
	},
	fields: map[string]searchField[*contactRecord]{
		"id":                       textField(func(r *contactRecord) []any { return text(r.contact.ID) }),
		"role":                     textField(func(r *contactRecord) []any { return text(r.contact.Role) }),
		"name":                     textField(func(r *contactRecord) []any { return optText(r.contact.Name) }),
		"avatar":                   textField(func(r *contactRecord) []any { return contactAvatar(r.contact.Avatar) }),
		"owner_id":                 intField(func(r *contactRecord) []any { return optInt(r.contact.OwnerID) }),
		"email":                    textField(func(r *contactRecord) []any { return text(r.contact.Email) }),
		"email_domain":             textField(func(r *contactRecord) []any { return text(r.contact.EmailDomain) }),
		"phone":                    textField(func(r *contactRecord) []any { return optText(r.contact.Phone) }),
		"external_id":              textField(func(r *contactRecord) []any { return optText(r.contact.ExternalID) }),
		"created_at":               dateField(func(r *contactRecord) []any { return moment(r.contact.CreatedAt) }),
		"signed_up_at":             dateField(func(r *contactRecord) []any { return optMoment(r.contact.SignedUpAt) }),
		"updated_at":               dateField(func(r *contactRecord) []any { return moment(r.contact.UpdatedAt) }),
		"last_seen_at":             dateField(func(r *contactRecord) []any { return optMoment(r.contact.LastSeenAt) }),
		"last_contacted_at":        dateField(func(r *contactRecord) []any { return optMoment(r.contact.LastContactedAt) }),
		"last_replied_at":          dateField(func(r *contactRecord) []any { return optMoment(r.contact.LastRepliedAt) }),
		"last_email_opened_at":     dateField(func(r *contactRecord) []any { return optMoment(r.contact.LastEmailOpenedAt) }),
		"last_email_clicked_at":    dateField(func(r *contactRecord) []any { return optMoment(r.contact.LastEmailClickedAt) }),
		"language_override":        textField(func(r *contactRecord) []any { return optText(r.contact.LanguageOverride) }),
		"browser":                  textField(func(r *contactRecord) []any { return optText(r.contact.Browser) }),
		"browser_language":         textField(func(r *contactRecord) []any { return optText(r.contact.BrowserLanguage) }),
		"os":                       textField(func(r *contactRecord) []any { return optText(r.contact.OS) }),
		"location.country":         textField(func(r *contactRecord) []any { return optText(r.contact.Location.Country) }),
		"location.region":          textField(func(r *contactRecord) []any { return optText(r.contact.Location.Region) }),
		"location.city":            textField(func(r *contactRecord) []any { return optText(r.contact.Location.City) }),
		"unsubscribed_from_emails": boolField(func(r *contactRecord) []any { return flag(r.contact.UnsubscribedFromEmails) }),
		"marked_email_as_spam":     boolField(func(r *contactRecord) []any { return flag(r.contact.MarkedEmailAsSpam) }),
		"has_hard_bounced":         boolField(func(r *contactRecord) []any { return flag(r.contact.HasHardBounced) }),
		"ios_last_seen_at":         dateField(func(r *contactRecord) []any { return optMoment(r.contact.IOSLastSeenAt) }),
		"ios_app_version":          textField(func(r *contactRecord) []any { return optText(r.contact.IOSAppVersion) }),
		"ios_device":               textField(func(r *contactRecord) []any { return optText(r.contact.IOSDevice) }),
		// The 2.10 contact model has no ios_app_device: no contact has a value.
		"ios_app_device":       textField(func(*contactRecord) []any { return nil }),
		"ios_os_version":       textField(func(r *contactRecord) []any { return optText(r.contact.IOSOSVersion) }),
		"ios_app_name":         textField(func(r *contactRecord) []any { return optText(r.contact.IOSAppName) }),
		"ios_sdk_version":      textField(func(r *contactRecord) []any { return optText(r.contact.IOSSDKVersion) }),
		"android_last_seen_at": dateField(func(r *contactRecord) []any { return optMoment(r.contact.AndroidLastSeenAt) }),
		"android_app_version":  textField(func(r *contactRecord) []any { return optText(r.contact.AndroidAppVersion) }),
		"android_device":       textField(func(r *contactRecord) []any { return optText(r.contact.AndroidDevice) }),
		"android_app_name":     textField(func(r *contactRecord) []any { return optText(r.contact.AndroidAppName) }),
		"android_sdk_version":  textField(func(r *contactRecord) []any { return optText(r.contact.AndroidSDKVersion) }),
		"segment_id":           textField(func(r *contactRecord) []any { return texts(r.segmentIDs) }),
		"tag_id": {kind: kindString, ops: []string{"=", "!="},
			values: func(r *contactRecord) []any { return texts(r.tagIDs) }},
	},
	// The spec's table spells the Android SDK field without its r.
	aliases:     map[string]string{"andoid_sdk_version": "android_sdk_version"},
	custom:      func(r *contactRecord) map[string]any { return r.contact.CustomAttributes },
	customKinds: contactAttributeKinds,
	// Archived contacts keep their place in the index but are not searched.
	byID: func(ws *Workspace, id string) (*contactRecord, bool) {
		rec, ok := ws.contactByID[id]
		return rec, ok && !rec.archived
	},
}

func searchContacts(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	serveSearch(w, r, ws, contactSearch, ws.contacts, func(p searchPage[*contactRecord]) {
		writeJSON(w, http.StatusOK, upstream.ContactList{Type: "list", Data: ws.renderContacts(p.items), TotalCount: p.total, Pages: p.pages})
	})
}

func contactAvatar(a *upstream.ContactAvatar) []any {
	if a == nil {
		return nil
	}
	return optText(a.ImageURL)
}

// Field constructors and value readers shared by the search schemas. A
// value that is absent (a nil pointer, an empty string) yields no values.

func textField[R any](values func(R) []any) searchField[R] {
	return searchField[R]{kind: kindString, values: values}
}

func intField[R any](values func(R) []any) searchField[R] {
	return searchField[R]{kind: kindInteger, values: values}
}

func boolField[R any](values func(R) []any) searchField[R] {
	return searchField[R]{kind: kindBoolean, values: values}
}

func dateField[R any](values func(R) []any) searchField[R] {
	return searchField[R]{kind: kindDate, values: values}
}

func text(s string) []any {
	if s == "" {
		return nil
	}
	return []any{s}
}

func optText(s *string) []any {
	if s == nil {
		return nil
	}
	return text(*s)
}

func texts(list []string) []any {
	out := make([]any, 0, len(list))
	for _, s := range list {
		out = append(out, text(s)...)
	}
	return out
}

func optInt(n *int64) []any {
	if n == nil {
		return nil
	}
	return []any{*n}
}

func flag(b bool) []any { return []any{b} }

func moment(t upstream.Timestamp) []any { return []any{int64(t)} }

func optMoment(t *upstream.Timestamp) []any {
	if t == nil {
		return nil
	}
	return moment(*t)
}
