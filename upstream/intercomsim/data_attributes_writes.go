package intercomsim

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"intercom-graphql/upstream"
)

// minListOptions is how many options a list attribute needs.
const minListOptions = 2

// createDataAttribute serves POST /data_attributes: a custom attribute of
// contacts or companies, named uniquely across both.
func createDataAttribute(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		Name              *string  `json:"name"`
		Model             *string  `json:"model"`
		DataType          *string  `json:"data_type"`
		Description       *string  `json:"description"`
		Options           []string `json:"options"`
		MessengerWritable *bool    `json:"messenger_writable"`
	}
	if !readBody(w, r, &b) {
		return
	}
	switch {
	case b.Name == nil || strings.TrimSpace(*b.Name) == "":
		missing(w, r, "name")
		return
	case b.Model == nil:
		missing(w, r, "model")
		return
	case b.DataType == nil:
		missing(w, r, "data_type")
		return
	case *b.Model != "contact" && *b.Model != "company":
		invalid(w, r, "model", "The Data Attribute model field must be either contact or company")
		return
	case !validAttributeName(*b.Name):
		invalid(w, r, "name", "Your name for this attribute must only contain alphanumeric characters, currency symbols, and hyphens")
		return
	}
	dataType := *b.DataType
	switch dataType {
	case "string", "integer", "float", "boolean", "date":
	case "datetime":
		dataType = "date" // Intercom keeps moments and days alike
	default:
		invalid(w, r, "data_type", "Data Type isn't an option")
		return
	}
	if msg := optionsProblem(b.Options, dataType); msg != "" {
		invalid(w, r, "options", "%s", msg)
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	for _, a := range ws.dataAttributes {
		if strings.EqualFold(a.Name, *b.Name) {
			data := map[string]string{"contact": "people", "company": "company"}
			invalid(w, r, "name", "You already have '%s' in your %s data. To save this as new %s data, use a different name.", a.Name, data[a.Model], data[*b.Model])
			return
		}
	}
	a := &upstream.DataAttribute{Type: "data_attribute", Model: *b.Model, Name: *b.Name, DataType: dataType, Options: b.Options,
		APIWritable: true, Custom: true}
	if b.Description != nil {
		a.Description = *b.Description
	}
	if b.MessengerWritable != nil {
		a.MessengerWritable = *b.MessengerWritable
	}
	writeJSON(w, http.StatusOK, ws.applyCreateDataAttribute(a))
}

func validAttributeName(name string) bool {
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Sc, r) && !strings.ContainsRune("-_ ", r) {
			return false
		}
	}
	return true
}

func optionsProblem(options []string, dataType string) string {
	switch {
	case options == nil:
		return ""
	case dataType != "string":
		return "options make a list attribute, whose data_type must be string"
	case len(options) < minListOptions:
		return fmt.Sprintf("a list attribute needs at least %d options", minListOptions)
	}
	return ""
}

// applyCreateDataAttribute defines the attribute: GET /data_attributes lists
// it, and contacts or companies can hold it.
func (ws *Workspace) applyCreateDataAttribute(a *upstream.DataAttribute) *upstream.DataAttribute {
	now := ws.nowStamp()
	next := int64(12878)
	for _, other := range ws.dataAttributes {
		if other.ID != nil && *other.ID >= next {
			next = *other.ID + 1
		}
	}
	a.ID, a.FullName, a.Label = &next, "custom_attributes."+a.Name, a.Name
	a.CreatedAt, a.UpdatedAt, a.AdminID = &now, &now, ptr(ws.meID)
	ws.dataAttributes = append(ws.dataAttributes, a)
	return a
}

// updateDataAttribute serves PUT /data_attributes/{id}: the description,
// the options, whether the Messenger may write it, and archiving. Only
// custom attributes have ids.
func updateDataAttribute(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		Archived          *bool    `json:"archived"`
		Description       *string  `json:"description"`
		Options           []string `json:"options"`
		MessengerWritable *bool    `json:"messenger_writable"`
	}
	if !readBody(w, r, &b) {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	var a *upstream.DataAttribute
	for _, x := range ws.dataAttributes {
		if x.ID != nil && strconv.FormatInt(*x.ID, 10) == r.PathValue("id") {
			a = x
		}
	}
	if a == nil {
		writeError(w, requestIDFrom(r), http.StatusNotFound, "field_not_found", "We couldn't find that data attribute to update", "")
		return
	}
	if msg := optionsProblem(b.Options, a.DataType); msg != "" {
		invalid(w, r, "options", "%s", msg)
		return
	}
	writeJSON(w, http.StatusOK, ws.applyUpdateDataAttribute(a, b.Archived, b.Description, b.Options, b.MessengerWritable))
}

// applyUpdateDataAttribute changes an attribute; an archived one is listed
// only with include_archived, and contacts can no longer be given it.
func (ws *Workspace) applyUpdateDataAttribute(a *upstream.DataAttribute, archived *bool, description *string, options []string, messengerWritable *bool) *upstream.DataAttribute {
	if archived != nil {
		a.Archived = *archived
	}
	if description != nil {
		a.Description = *description
	}
	if options != nil {
		a.Options = options
	}
	if messengerWritable != nil {
		a.MessengerWritable = *messengerWritable
	}
	a.UpdatedAt = ptr(ws.nowStamp())
	return a
}
