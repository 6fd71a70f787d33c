package upstream

import (
	"context"
	"net/http"
)

// PhoneSwitch is Intercom's answer to a phone call redirect: the number the
// SMS went to.
type PhoneSwitch struct {
	Type  string `json:"type"` // phone_call_redirect
	Phone string `json:"phone"`
}

// PhoneSwitchRequest is the body of POST /phone_call_redirects.
type PhoneSwitchRequest struct {
	// Phone is in E.164 form, such as +353832345678.
	Phone string `json:"phone"`
	// CustomAttributes are added to the custom attributes of the contact with that phone number.
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
}

// PhoneSwitchService moves phone callers to the Messenger.
type PhoneSwitchService service

// Create texts a link to the Messenger to a phone number (createPhoneSwitch).
// Never retried: a retry after a lost answer would send a second SMS.
func (s *PhoneSwitchService) Create(ctx context.Context, req PhoneSwitchRequest) (*PhoneSwitch, error) {
	return fetch[PhoneSwitch](ctx, s.client, call{operation: "createPhoneSwitch", method: http.MethodPost, template: "/phone_call_redirects",
		body: req, write: true, invalidates: []string{"contacts"}})
}
