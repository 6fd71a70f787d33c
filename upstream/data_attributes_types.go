package upstream

// DataAttribute describes one attribute of contacts, companies or
// conversations: a standard one Intercom defines or a custom one.
type DataAttribute struct {
	Type              string     `json:"type"`
	ID                *int64     `json:"id,omitempty"` // custom attributes only
	Model             string     `json:"model"`        // contact, company (or conversation)
	Name              string     `json:"name"`
	FullName          string     `json:"full_name"`
	Label             string     `json:"label"`
	Description       string     `json:"description"`
	DataType          string     `json:"data_type"` // string, integer, float, boolean, date
	Options           []string   `json:"options,omitempty"`
	APIWritable       bool       `json:"api_writable"`
	MessengerWritable bool       `json:"messenger_writable"`
	UIWritable        bool       `json:"ui_writable"`
	Custom            bool       `json:"custom"`
	Archived          bool       `json:"archived"`
	CreatedAt         *Timestamp `json:"created_at,omitempty"`
	UpdatedAt         *Timestamp `json:"updated_at,omitempty"`
	AdminID           *string    `json:"admin_id,omitempty"` // custom attributes only
}

// DataAttributeList is the body of GET /data_attributes.
type DataAttributeList struct {
	Type string           `json:"type"`
	Data []*DataAttribute `json:"data"`
}

// CreateDataAttributeRequest is the body of POST /data_attributes.
type CreateDataAttributeRequest struct {
	Name string `json:"name"`
	// Model is contact or company.
	Model string `json:"model"`
	// DataType is string, integer, float, boolean, date or datetime.
	DataType    string  `json:"data_type"`
	Description *string `json:"description,omitempty"`
	// Options make a list attribute (data type string): the values it may take.
	Options           []string `json:"options,omitempty"`
	MessengerWritable *bool    `json:"messenger_writable,omitempty"`
}

// UpdateDataAttributeRequest is the body of PUT /data_attributes/{id}: what
// is left out stays as it is. The name and the data type cannot change.
type UpdateDataAttributeRequest struct {
	Archived          *bool    `json:"archived,omitempty"`
	Description       *string  `json:"description,omitempty"`
	Options           []string `json:"options,omitempty"`
	MessengerWritable *bool    `json:"messenger_writable,omitempty"`
}
