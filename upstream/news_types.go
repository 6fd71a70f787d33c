package upstream

// NewsItem is an announcement shown in the Messenger's newsfeeds.
type NewsItem struct {
	Type        string `json:"type"`
	ID          string `json:"id"`
	WorkspaceID string `json:"workspace_id"`
	Title       string `json:"title"`
	Body        string `json:"body"`
	// SenderID is the admin the item appears to come from.
	SenderID int64 `json:"sender_id"`
	// State is draft or live; only live items show in their newsfeeds.
	State               string               `json:"state"`
	NewsfeedAssignments []NewsfeedAssignment `json:"newsfeed_assignments"`
	Labels              []*string            `json:"labels"`
	CoverImageURL       *string              `json:"cover_image_url"`
	// Reactions are the emoji readers may react with, in order; none means
	// reactions are off.
	Reactions       []*string `json:"reactions"`
	DeliverSilently bool      `json:"deliver_silently"`
	CreatedAt       Timestamp `json:"created_at"`
	UpdatedAt       Timestamp `json:"updated_at"`
}

// NewsfeedAssignment places a news item in a newsfeed from a moment on.
type NewsfeedAssignment struct {
	NewsfeedID int64 `json:"newsfeed_id"`
	// PublishedAt is left out rather than sent as null when the item has not
	// been published in the feed.
	PublishedAt *Timestamp `json:"published_at,omitempty"`
}

// Newsfeed is a list of news items targeted at one audience.
type Newsfeed struct {
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	Name      string    `json:"name"`
	CreatedAt Timestamp `json:"created_at"`
	UpdatedAt Timestamp `json:"updated_at"`
}

// NewsItemList is the body of GET /news/news_items and GET
// /news/newsfeeds/{id}/items (the spec's paginated_response holding news items).
type NewsItemList struct {
	Type       string      `json:"type"`
	Pages      *PagesLink  `json:"pages"`
	TotalCount int         `json:"total_count"`
	Data       []*NewsItem `json:"data"`
}

// NewsfeedList is the body of GET /news/newsfeeds (the spec's
// paginated_response holding newsfeeds).
type NewsfeedList struct {
	Type       string      `json:"type"`
	Pages      *PagesLink  `json:"pages"`
	TotalCount int         `json:"total_count"`
	Data       []*Newsfeed `json:"data"`
}

// NewsItemRequest is the body of POST /news/news_items and PUT
// /news/news_items/{id} (news_item_request). Intercom requires the title and
// the sender on updates too; other properties left out stay as they are.
type NewsItemRequest struct {
	Title    string  `json:"title"`
	Body     *string `json:"body,omitempty"`
	SenderID int64   `json:"sender_id"`
	// State is draft or live; a new item is a draft unless it says live.
	State           string   `json:"state,omitempty"`
	DeliverSilently *bool    `json:"deliver_silently,omitempty"`
	Labels          []string `json:"labels,omitzero"`
	// Reactions lists the emoji readers may react with; an empty list (not
	// nil, which leaves them alone) turns reactions off.
	Reactions           []string             `json:"reactions,omitzero"`
	NewsfeedAssignments []NewsfeedAssignment `json:"newsfeed_assignments,omitzero"`
}
