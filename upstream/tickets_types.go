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
