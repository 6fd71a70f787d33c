package upstream

// SubscriptionType is a kind of message contacts can opt in to or out of.
type SubscriptionType struct {
	Type               string        `json:"type"`
	ID                 string        `json:"id"`
	State              string        `json:"state"` // live, draft or archived
	DefaultTranslation *Translation  `json:"default_translation"`
	Translations       []Translation `json:"translations"`
	ConsentType        string        `json:"consent_type"`  // opt_out or opt_in
	ContentTypes       []string      `json:"content_types"` // email, sms_message
}

// Translation is a subscription type's name and description in one locale.
type Translation struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Locale      string `json:"locale"`
}

// SubscriptionTypeList is the body of GET /subscription_types and of
// GET /contacts/{contact_id}/subscriptions.
type SubscriptionTypeList struct {
	Type string              `json:"type"`
	Data []*SubscriptionType `json:"data"`
}
