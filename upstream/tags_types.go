package upstream

// TagDataList is the spec's tag_list, the body of GET /tags and
// GET /contacts/{id}/tags: tags under data. (Conversations and companies
// embed theirs as a TagList, under tags.)
type TagDataList struct {
	Type string `json:"type"`
	Data []*Tag `json:"data"`
}
