package upstream

// HelpCenter is one of the workspace's help centers (sites of articles).
type HelpCenter struct {
	ID          string    `json:"id"`
	WorkspaceID string    `json:"workspace_id"`
	CreatedAt   Timestamp `json:"created_at"`
	UpdatedAt   Timestamp `json:"updated_at"`
	// Identifier is the help center's slug in its intercom.help URL.
	Identifier      string  `json:"identifier"`
	WebsiteTurnedOn bool    `json:"website_turned_on"`
	DisplayName     string  `json:"display_name"`
	URL             string  `json:"url"`
	CustomDomain    *string `json:"custom_domain"`
}

// HelpCenterList is the body of GET /help_center/help_centers. Intercom does
// not paginate it.
type HelpCenterList struct {
	Type string        `json:"type"`
	Data []*HelpCenter `json:"data"`
}

// Collection groups articles in a help center. A collection with a parent is
// what the Help Center calls a section.
type Collection struct {
	ID          string    `json:"id"`
	WorkspaceID string    `json:"workspace_id"`
	Name        string    `json:"name"`
	Description *string   `json:"description"`
	CreatedAt   Timestamp `json:"created_at"`
	UpdatedAt   Timestamp `json:"updated_at"`
	URL         *string   `json:"url"`
	Icon        *string   `json:"icon"`
	// Order places a section among its siblings, from 0.
	Order int `json:"order"`
	// DefaultLocale is sent for collections of multilingual help centers only.
	DefaultLocale     string                  `json:"default_locale,omitempty"`
	TranslatedContent *GroupTranslatedContent `json:"translated_content"`
	ParentID          *string                 `json:"parent_id"`
	// HelpCenterID is the help center of a top-level collection; Intercom
	// leaves it empty on sections, which belong to their parent's help center.
	HelpCenterID *int64 `json:"help_center_id"`
}

// GroupContent is a collection's or section's content in one locale.
type GroupContent struct {
	Type *string `json:"type"`
	Name string  `json:"name"`
	// Description exists for collections only, not for sections.
	Description *string `json:"description,omitempty"`
}

// CollectionList is the body of GET /help_center/collections.
type CollectionList struct {
	Type       string        `json:"type"`
	Pages      *PagesLink    `json:"pages"`
	TotalCount int           `json:"total_count"`
	Data       []*Collection `json:"data"`
}

// GroupContentRequest is a collection's name and description in one locale,
// as a create or update request sends them.
type GroupContentRequest struct {
	Name        string  `json:"name"`
	Description *string `json:"description,omitempty"`
}

// GroupTranslationsRequest is the translated_content of a collection request.
type GroupTranslationsRequest = TranslatedContent[GroupContentRequest]

// CreateCollectionRequest is the body of POST /help_center/collections.
type CreateCollectionRequest struct {
	Name              string                    `json:"name"`
	Description       *string                   `json:"description,omitempty"`
	TranslatedContent *GroupTranslationsRequest `json:"translated_content,omitempty"`
	// ParentID makes the collection a section of another; without it the
	// collection is a first-level one.
	ParentID *string `json:"parent_id,omitempty"`
	// HelpCenterID places a first-level collection; without it Intercom uses
	// the workspace's default help center.
	HelpCenterID *int64 `json:"help_center_id,omitempty"`
}

// UpdateCollectionRequest is the body of PUT /help_center/collections/{id}:
// what is left out stays as it is; a null parent_id makes the collection a
// first-level one.
type UpdateCollectionRequest struct {
	Name              *string                   `json:"name,omitempty"`
	Description       *string                   `json:"description,omitempty"`
	TranslatedContent *GroupTranslationsRequest `json:"translated_content,omitempty"`
	ParentID          Patch[string]             `json:"parent_id,omitzero"`
}
