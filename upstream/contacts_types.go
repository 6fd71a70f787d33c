package upstream

// Contact is a user or lead of the workspace, as GET /contacts/{id} returns it.
type Contact struct {
	Type                   string           `json:"type"`
	ID                     string           `json:"id"`
	ExternalID             *string          `json:"external_id"`
	WorkspaceID            string           `json:"workspace_id"`
	Role                   string           `json:"role"`
	Email                  string           `json:"email"`
	EmailDomain            string           `json:"email_domain"`
	Phone                  *string          `json:"phone"`
	Name                   *string          `json:"name"`
	OwnerID                *int64           `json:"owner_id"`
	HasHardBounced         bool             `json:"has_hard_bounced"`
	MarkedEmailAsSpam      bool             `json:"marked_email_as_spam"`
	UnsubscribedFromEmails bool             `json:"unsubscribed_from_emails"`
	CreatedAt              Timestamp        `json:"created_at"`
	UpdatedAt              Timestamp        `json:"updated_at"`
	SignedUpAt             *Timestamp       `json:"signed_up_at"`
	LastSeenAt             *Timestamp       `json:"last_seen_at"`
	LastRepliedAt          *Timestamp       `json:"last_replied_at"`
	LastContactedAt        *Timestamp       `json:"last_contacted_at"`
	LastEmailOpenedAt      *Timestamp       `json:"last_email_opened_at"`
	LastEmailClickedAt     *Timestamp       `json:"last_email_clicked_at"`
	LanguageOverride       *string          `json:"language_override"`
	Browser                *string          `json:"browser"`
	BrowserVersion         *string          `json:"browser_version"`
	BrowserLanguage        *string          `json:"browser_language"`
	OS                     *string          `json:"os"`
	AndroidAppName         *string          `json:"android_app_name"`
	AndroidAppVersion      *string          `json:"android_app_version"`
	AndroidDevice          *string          `json:"android_device"`
	AndroidOSVersion       *string          `json:"android_os_version"`
	AndroidSDKVersion      *string          `json:"android_sdk_version"`
	AndroidLastSeenAt      *Timestamp       `json:"android_last_seen_at"`
	IOSAppName             *string          `json:"ios_app_name"`
	IOSAppVersion          *string          `json:"ios_app_version"`
	IOSDevice              *string          `json:"ios_device"`
	IOSOSVersion           *string          `json:"ios_os_version"`
	IOSSDKVersion          *string          `json:"ios_sdk_version"`
	IOSLastSeenAt          *Timestamp       `json:"ios_last_seen_at"`
	CustomAttributes       map[string]any   `json:"custom_attributes"`
	Avatar                 *ContactAvatar   `json:"avatar"`
	Tags                   *AddressableRefs `json:"tags"`
	Notes                  *AddressableRefs `json:"notes"`
	Companies              *AddressableRefs `json:"companies"`
	Location               ContactLocation  `json:"location"`
	SocialProfiles         SocialProfiles   `json:"social_profiles"`
}

// ContactAvatar is a contact's picture.
type ContactAvatar struct {
	Type     string  `json:"type"`
	ImageURL *string `json:"image_url"`
}

// AddressableRefs is how a parent embeds up to ten references to related
// objects (a contact's tags, notes, companies, subscriptions) and a URL for the rest.
type AddressableRefs struct {
	Type       string           `json:"type,omitempty"`
	Data       []AddressableRef `json:"data"`
	URL        string           `json:"url"`
	TotalCount int              `json:"total_count"`
	HasMore    bool             `json:"has_more"`
}

// AddressableRef is one embedded reference.
type AddressableRef struct {
	Type string `json:"type"`
	ID   string `json:"id"`
	URL  string `json:"url"`
}

// ContactLocation is where a contact was last seen.
type ContactLocation struct {
	Type    *string `json:"type"`
	Country *string `json:"country"`
	Region  *string `json:"region"`
	City    *string `json:"city"`
}

// SocialProfiles wraps a contact's social network profiles.
type SocialProfiles struct {
	Data []SocialProfile `json:"data"`
}

// SocialProfile is one social network profile.
type SocialProfile struct {
	Type string `json:"type"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

// ContactList is the body of GET /contacts and POST /contacts/search.
type ContactList struct {
	Type       string       `json:"type"`
	Data       []*Contact   `json:"data"`
	TotalCount int          `json:"total_count"`
	Pages      *CursorPages `json:"pages"`
}

// ContactReference points at a contact from another object.
type ContactReference struct {
	Type       string  `json:"type"`
	ID         string  `json:"id"`
	ExternalID *string `json:"external_id"`
}

// ContactRequest is the body of POST /contacts (create_contact_request: it
// needs an email, an external_id or a role) and of PUT /contacts/{id}
// (update_contact_request). What is left out stays as it is; a cleared patch
// sends null, which empties the property.
type ContactRequest struct {
	// Role is user or lead.
	Role                   string           `json:"role,omitempty"`
	ExternalID             *string          `json:"external_id,omitempty"`
	Email                  *string          `json:"email,omitempty"`
	Phone                  Patch[string]    `json:"phone,omitzero"`
	Name                   Patch[string]    `json:"name,omitzero"`
	Avatar                 Patch[string]    `json:"avatar,omitzero"` // an image URL
	SignedUpAt             Patch[Timestamp] `json:"signed_up_at,omitzero"`
	LastSeenAt             Patch[Timestamp] `json:"last_seen_at,omitzero"`
	OwnerID                Patch[int64]     `json:"owner_id,omitzero"`
	UnsubscribedFromEmails *bool            `json:"unsubscribed_from_emails,omitempty"`
	CustomAttributes       map[string]any   `json:"custom_attributes,omitempty"`
}

// ContactDeleted is the answer to DELETE /contacts/{id} (contact_deleted).
type ContactDeleted struct {
	Type       string  `json:"type"`
	ID         string  `json:"id"`
	ExternalID *string `json:"external_id"`
	Deleted    bool    `json:"deleted"`
}

// ContactArchived is the answer to archiving or unarchiving a contact
// (contact_archived, contact_unarchived).
type ContactArchived struct {
	Type       string  `json:"type"`
	ID         string  `json:"id"`
	ExternalID *string `json:"external_id"`
	Archived   bool    `json:"archived"`
}

// MergeContactsRequest is the body of POST /contacts/merge: the lead to merge
// away from and the user to merge into.
type MergeContactsRequest struct {
	From string `json:"from"`
	Into string `json:"into"`
}
