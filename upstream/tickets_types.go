package upstream

import "encoding/json"

// Ticket is a request from a user tracked through its states. Searches and
// GET /tickets/{id} both carry the ticket's type and parts.
type Ticket struct {
	Type                     string           `json:"type"`
	ID                       string           `json:"id"`
	TicketID                 string           `json:"ticket_id"`
	Category                 string           `json:"category"` // Customer, Back-office or Tracker
	TicketAttributes         map[string]any   `json:"ticket_attributes"`
	TicketState              string           `json:"ticket_state"` // submitted, in_progress, waiting_on_customer or resolved
	TicketStateInternalLabel string           `json:"ticket_state_internal_label"`
	TicketStateExternalLabel string           `json:"ticket_state_external_label"`
	TicketType               *TicketType      `json:"ticket_type"`
	Contacts                 TicketContacts   `json:"contacts"`
	AdminAssigneeID          string           `json:"admin_assignee_id"` // "0" when no admin is assigned
	TeamAssigneeID           string           `json:"team_assignee_id"`  // "0" when no team is assigned
	CreatedAt                Timestamp        `json:"created_at"`
	UpdatedAt                Timestamp        `json:"updated_at"`
	Open                     bool             `json:"open"`
	SnoozedUntil             *Timestamp       `json:"snoozed_until,omitempty"` // the spec's integer is not nullable: absent when not snoozed
	LinkedObjects            LinkedObjectList `json:"linked_objects"`
	TicketParts              *TicketPartList  `json:"ticket_parts"`
	IsShared                 bool             `json:"is_shared"`
}

// The keys of a ticket's default attributes in TicketAttributes.
const (
	TicketTitleAttribute       = "_default_title_"
	TicketDescriptionAttribute = "_default_description_"
)

// TicketContacts lists the contacts a ticket concerns.
type TicketContacts struct {
	Type     string             `json:"type"`
	Contacts []ContactReference `json:"contacts"`
}

// TicketPartList holds a ticket's parts (at most 500).
type TicketPartList struct {
	Type        string        `json:"type"`
	TicketParts []*TicketPart `json:"ticket_parts"`
	TotalCount  int           `json:"total_count"`
}

// TicketPart is one message or event in a ticket's history.
type TicketPart struct {
	Type                string           `json:"type"`
	ID                  string           `json:"id"`
	PartType            string           `json:"part_type"`
	Body                *string          `json:"body"`
	PreviousTicketState *string          `json:"previous_ticket_state,omitempty"` // only on state changes
	TicketState         string           `json:"ticket_state"`
	CreatedAt           Timestamp        `json:"created_at"`
	UpdatedAt           Timestamp        `json:"updated_at"`
	AssignedTo          *Reference       `json:"assigned_to,omitempty"` // a reference or nothing: the spec's $ref is not nullable
	Author              TicketPartAuthor `json:"author"`
	Attachments         []PartAttachment `json:"attachments"`
	ExternalID          *string          `json:"external_id"`
	Redacted            bool             `json:"redacted"`
}

// TicketPartAuthor is who wrote or triggered a ticket part: an admin, a bot, a team or a user.
type TicketPartAuthor struct {
	Type  string  `json:"type"`
	ID    string  `json:"id"`
	Name  *string `json:"name"`
	Email string  `json:"email"`
}

// FileAttribute is a file uploaded as the value of a ticket attribute.
type FileAttribute struct {
	Type        string `json:"type"`
	Name        string `json:"name"`
	URL         string `json:"url"`
	ContentType string `json:"content_type"`
	Filesize    int    `json:"filesize"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
}

// TicketList is the body of POST /tickets/search.
type TicketList struct {
	Type       string       `json:"type"`
	Tickets    []*Ticket    `json:"tickets"`
	TotalCount int          `json:"total_count"`
	Pages      *CursorPages `json:"pages"`
}

// TicketType defines the attributes its tickets capture.
type TicketType struct {
	Type                 string                  `json:"type"`
	ID                   string                  `json:"id"`
	Category             string                  `json:"category"` // Customer, Back-office or Tracker
	Name                 string                  `json:"name"`
	Description          string                  `json:"description"`
	Icon                 string                  `json:"icon"`
	WorkspaceID          string                  `json:"workspace_id"`
	TicketTypeAttributes TicketTypeAttributeList `json:"ticket_type_attributes"`
	Archived             bool                    `json:"archived"`
	CreatedAt            Timestamp               `json:"created_at"`
	UpdatedAt            Timestamp               `json:"updated_at"`
}

// TicketTypeAttribute is one data field a ticket type captures.
type TicketTypeAttribute struct {
	Type                        string         `json:"type"`
	ID                          string         `json:"id"`
	WorkspaceID                 string         `json:"workspace_id"`
	Name                        string         `json:"name"`
	Description                 string         `json:"description"`
	DataType                    string         `json:"data_type"`               // string, list, integer, decimal, boolean, datetime or files
	InputOptions                map[string]any `json:"input_options,omitempty"` // an object or nothing: the spec's object is not nullable
	Order                       int            `json:"order"`
	RequiredToCreate            bool           `json:"required_to_create"`
	RequiredToCreateForContacts bool           `json:"required_to_create_for_contacts"`
	VisibleOnCreate             bool           `json:"visible_on_create"`
	VisibleToContacts           bool           `json:"visible_to_contacts"`
	Default                     bool           `json:"default"`
	TicketTypeID                int64          `json:"ticket_type_id"`
	Archived                    bool           `json:"archived"`
	CreatedAt                   Timestamp      `json:"created_at"`
	UpdatedAt                   Timestamp      `json:"updated_at"`
}

// TicketTypeAttributeList is how a ticket type embeds its attributes.
//
// The spec's schema names the items ticket_type_attributes; Intercom's
// answers (the spec's own examples among them) carry them in data, as a
// "list". The list is written as Intercom sends it and read in either form.
type TicketTypeAttributeList struct {
	Type string                 `json:"type"`
	Data []*TicketTypeAttribute `json:"data"`
}

// UnmarshalJSON reads the items from data, or from the spec's ticket_type_attributes.
func (l *TicketTypeAttributeList) UnmarshalJSON(b []byte) error {
	var raw struct {
		Type      string                 `json:"type"`
		Data      []*TicketTypeAttribute `json:"data"`
		SpecItems []*TicketTypeAttribute `json:"ticket_type_attributes"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*l = TicketTypeAttributeList{Type: raw.Type, Data: raw.Data}
	if l.Data == nil {
		l.Data = raw.SpecItems
	}
	return nil
}

// TicketTypeList is the body of GET /ticket_types, with the same two
// spellings of its items as TicketTypeAttributeList (data, or the spec's ticket_types).
type TicketTypeList struct {
	Type string        `json:"type"`
	Data []*TicketType `json:"data"`
}

// UnmarshalJSON reads the items from data, or from the spec's ticket_types.
func (l *TicketTypeList) UnmarshalJSON(b []byte) error {
	var raw struct {
		Type      string        `json:"type"`
		Data      []*TicketType `json:"data"`
		SpecItems []*TicketType `json:"ticket_types"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*l = TicketTypeList{Type: raw.Type, Data: raw.Data}
	if l.Data == nil {
		l.Data = raw.SpecItems
	}
	return nil
}

// FilesOf reads the value of a files attribute, as decoded from JSON: a list
// of files, or a single one. Entries that are not files are left out.
func FilesOf(v any) []FileAttribute {
	var items []any
	switch t := v.(type) {
	case []any:
		items = t
	case map[string]any:
		items = []any{t}
	}
	var out []FileAttribute
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		text := func(k string) string { s, _ := m[k].(string); return s }
		number := func(k string) int { n, _ := m[k].(float64); return int(n) }
		out = append(out, FileAttribute{Type: text("type"), Name: text("name"), URL: text("url"), ContentType: text("content_type"),
			Filesize: number("filesize"), Width: number("width"), Height: number("height")})
	}
	return out
}

// CreateTicketRequest is the body of POST /tickets (create_ticket_request).
type CreateTicketRequest struct {
	TicketTypeID string `json:"ticket_type_id"`
	// Contacts are the contacts the ticket concerns (Intercom takes one).
	Contacts []TicketContactIdentifier `json:"contacts"`
	// CompanyID is the company's own id (its company_id), not Intercom's.
	CompanyID string `json:"company_id,omitempty"`
	// TicketAttributes are values by attribute name; a list attribute takes
	// the id of one of its options (ticket_request_custom_attributes).
	TicketAttributes map[string]any `json:"ticket_attributes,omitempty"`
}

// TicketContactIdentifier names a ticket's contact by exactly one of its
// Intercom id, its external id or its email (a new email makes a lead).
type TicketContactIdentifier struct {
	ID         string `json:"id,omitempty"`
	ExternalID string `json:"external_id,omitempty"`
	Email      string `json:"email,omitempty"`
}

// UpdateTicketRequest is the body of PUT /tickets/{id} (update_ticket_request).
type UpdateTicketRequest struct {
	TicketAttributes map[string]any `json:"ticket_attributes,omitempty"`
	// State is in_progress, waiting_on_customer or resolved.
	State        string            `json:"state,omitempty"`
	Open         *bool             `json:"open,omitempty"`
	IsShared     *bool             `json:"is_shared,omitempty"`
	SnoozedUntil *Timestamp        `json:"snoozed_until,omitempty"`
	Assignment   *TicketAssignment `json:"assignment,omitempty"`
}

// TicketAssignment assigns a ticket to an admin or a team; AssigneeID "0"
// takes the admin assignee off.
type TicketAssignment struct {
	AdminID    string `json:"admin_id"`
	AssigneeID string `json:"assignee_id"`
}

// ReplyTicketRequest is the body of POST /tickets/{id}/reply: an admin's
// comment, note or quick reply (admin_reply_ticket_request), or a contact's
// comment named by exactly one of IntercomUserID, UserID and Email
// (contact_reply_ticket_request).
type ReplyTicketRequest struct {
	MessageType    string             `json:"message_type"`
	Type           string             `json:"type"`
	Body           string             `json:"body,omitempty"`
	AdminID        string             `json:"admin_id,omitempty"`
	ReplyOptions   []QuickReplyOption `json:"reply_options,omitempty"`
	AttachmentURLs []string           `json:"attachment_urls,omitempty"`
	CrossPost      *bool              `json:"cross_post,omitempty"`
	IntercomUserID string             `json:"intercom_user_id,omitempty"`
	UserID         string             `json:"user_id,omitempty"`
	Email          string             `json:"email,omitempty"`
}

// QuickReplyOption is one choice of an admin's quick reply.
type QuickReplyOption struct {
	Text string `json:"text"`
	UUID string `json:"uuid"`
}

// TicketReply is the part a reply added to a ticket (ticket_reply).
type TicketReply struct {
	Type        string           `json:"type"`
	ID          string           `json:"id"`
	PartType    string           `json:"part_type"` // note, comment or quick_reply
	Body        *string          `json:"body"`
	CreatedAt   Timestamp        `json:"created_at"`
	UpdatedAt   Timestamp        `json:"updated_at"`
	Author      TicketPartAuthor `json:"author"`
	Attachments []PartAttachment `json:"attachments"`
	Redacted    bool             `json:"redacted"`
}

// CreateTicketTypeRequest is the body of POST /ticket_types
// (create_ticket_type_request).
type CreateTicketTypeRequest struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// Category is Customer, Back-office or Tracker.
	Category   string `json:"category,omitempty"`
	Icon       string `json:"icon,omitempty"`
	IsInternal *bool  `json:"is_internal,omitempty"`
}

// UpdateTicketTypeRequest is the body of PUT /ticket_types/{id}
// (update_ticket_type_request); what is left out stays as it is.
type UpdateTicketTypeRequest struct {
	Name        *string `json:"name,omitempty"`
	Description *string `json:"description,omitempty"`
	Category    *string `json:"category,omitempty"`
	Icon        *string `json:"icon,omitempty"`
	Archived    *bool   `json:"archived,omitempty"`
	IsInternal  *bool   `json:"is_internal,omitempty"`
}

// TicketTypeAttributeRequest is the body of POST
// /ticket_types/{ticket_type_id}/attributes (create_ticket_type_attribute_request,
// which requires Name, Description and DataType) and of PUT
// /ticket_types/{ticket_type_id}/attributes/{id}
// (update_ticket_type_attribute_request, which takes no DataType and adds
// Archived); what is left out stays as it is.
type TicketTypeAttributeRequest struct {
	Name        *string `json:"name,omitempty"`
	Description *string `json:"description,omitempty"`
	// DataType is string, list, integer, decimal, boolean, datetime or files.
	DataType                    string `json:"data_type,omitempty"`
	RequiredToCreate            *bool  `json:"required_to_create,omitempty"`
	RequiredToCreateForContacts *bool  `json:"required_to_create_for_contacts,omitempty"`
	VisibleOnCreate             *bool  `json:"visible_on_create,omitempty"`
	VisibleToContacts           *bool  `json:"visible_to_contacts,omitempty"`
	// Multiline applies to string attributes only.
	Multiline *bool `json:"multiline,omitempty"`
	// ListItems is a list attribute's options, comma separated.
	ListItems *string `json:"list_items,omitempty"`
	// AllowMultipleValues applies to files attributes only.
	AllowMultipleValues *bool `json:"allow_multiple_values,omitempty"`
	Archived            *bool `json:"archived,omitempty"`
}
