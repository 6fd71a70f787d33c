package upstream

// TagDataList is the spec's tag_list, the body of GET /tags and
// GET /contacts/{id}/tags: tags under data. (Conversations and companies
// embed theirs as a TagList, under tags.)
type TagDataList struct {
	Type string `json:"type"`
	Data []*Tag `json:"data"`
}

// TagRequest is the create-or-update form of POST /tags
// (create_or_update_tag_request): with an id it renames that tag; without
// one it finds the tag by name (Intercom compares names without regard to
// case) or creates it.
type TagRequest struct {
	Name string `json:"name"`
	ID   string `json:"id,omitempty"`
}

// CompanyTagging names a company in the tagging forms of POST /tags, by
// Intercom's id or by the workspace's own company_id; Untag is set (always
// true) to remove the tag.
type CompanyTagging struct {
	ID        string `json:"id,omitempty"`
	CompanyID string `json:"company_id,omitempty"`
	Untag     bool   `json:"untag,omitempty"`
}

// TagCompaniesRequest is the tag_company_request and untag_company_request
// forms of POST /tags.
type TagCompaniesRequest struct {
	Name      string           `json:"name"`
	Companies []CompanyTagging `json:"companies"`
}

// UserTagging names a contact in the tag_multiple_users_request form of POST /tags.
type UserTagging struct {
	ID string `json:"id"`
}

// TagUsersRequest is the tag_multiple_users_request form of POST /tags.
type TagUsersRequest struct {
	Name  string        `json:"name"`
	Users []UserTagging `json:"users"`
}
