package intercomsim

import (
	"net/http"
	"regexp"
	"strings"

	"intercom-graphql/upstream"
)

// e164 is the form Intercom wants phone numbers in: +, country code, number.
var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// createPhoneSwitch serves POST /phone_call_redirects: Intercom texts the
// number a link to the Messenger, and adds the custom attributes sent to the
// contacts with that number.
func createPhoneSwitch(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		Phone            *string        `json:"phone"`
		CustomAttributes map[string]any `json:"custom_attributes"`
	}
	if !readBody(w, r, &b) {
		return
	}
	if b.Phone == nil || *b.Phone == "" {
		missing(w, r, "phone")
		return
	}
	phone := strings.ReplaceAll(*b.Phone, " ", "")
	if !e164.MatchString(phone) {
		badRequest(w, r, "invalid_phone_number", "Invalid phone number", "phone")
		return
	}
	if bad, ok := flatAttributes(b.CustomAttributes); !ok {
		invalid(w, r, "custom_attributes", "custom attribute %q must be text, a number or a boolean", bad)
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	writeJSON(w, http.StatusOK, ws.applyPhoneSwitch(phone, jsonNumbersAsInts(b.CustomAttributes)))
}

// applyPhoneSwitch records the SMS and gives the contacts with the number
// the custom attributes.
func (ws *Workspace) applyPhoneSwitch(phone string, attrs map[string]any) *upstream.PhoneSwitch {
	now := ws.nowStamp()
	for _, rec := range ws.contactByID {
		c := &rec.contact
		if c.Phone == nil || strings.ReplaceAll(*c.Phone, " ", "") != phone || len(attrs) == 0 {
			continue
		}
		merged := make(map[string]any, len(c.CustomAttributes)+len(attrs))
		for k, v := range c.CustomAttributes {
			merged[k] = v
		}
		for k, v := range attrs {
			merged[k] = v
		}
		c.CustomAttributes, c.UpdatedAt = merged, now
	}
	sent := &upstream.PhoneSwitch{Type: "phone_call_redirect", Phone: phone}
	ws.phoneSwitches = append(ws.phoneSwitches, sent)
	return sent
}
