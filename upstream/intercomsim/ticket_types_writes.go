package intercomsim

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"intercom-graphql/upstream"
)

// Ticket types and their attributes change as Intercom's do: a new type
// comes with the default title and description attributes; names are unique
// among the workspace's types and among a type's attributes; an attribute's
// data type is set once, and its options (list), lines (string) and
// multiple files (files) only apply to their own data type. Intercom has no
// webhook topics for ticket types.

var (
	ticketCategoryNames = []string{"Customer", "Back-office", "Tracker"}
	attributeDataTypes  = []string{"string", "list", "integer", "decimal", "boolean", "datetime", "files"}
)

// defaultTicketTypeIcon is the icon Intercom gives a type created without one.
const defaultTicketTypeIcon = "\U0001F39F\uFE0F"

// ticketTypeBody is a create_ticket_type_request or update_ticket_type_request.
type ticketTypeBody struct {
	Name        *string `json:"name"`
	Description *string `json:"description"`
	Category    *string `json:"category"`
	Icon        *string `json:"icon"`
	IsInternal  *bool   `json:"is_internal"`
	Archived    *bool   `json:"archived"`
}

// checkTicketType refuses a category Intercom does not have and a name
// another type has; self is the type being updated.
func (ws *Workspace) checkTicketType(w http.ResponseWriter, r *http.Request, b ticketTypeBody, self *upstream.TicketType) bool {
	if b.Category != nil && !slices.Contains(ticketCategoryNames, *b.Category) {
		invalid(w, r, "category", "category must be one of %s", strings.Join(ticketCategoryNames, ", "))
		return false
	}
	if b.Name != nil && strings.TrimSpace(*b.Name) == "" {
		missing(w, r, "name")
		return false
	}
	if b.Name != nil {
		for _, tt := range ws.ticketTypes {
			if tt != self && strings.EqualFold(tt.Name, strings.TrimSpace(*b.Name)) {
				conflict(w, r, "name", "a ticket type named %q already exists (id=%s)", tt.Name, tt.ID)
				return false
			}
		}
	}
	return true
}

// createTicketType serves POST /ticket_types.
func createTicketType(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b ticketTypeBody
	if !readBody(w, r, &b) {
		return
	}
	if b.Name == nil {
		missing(w, r, "name")
		return
	}
	if b.Archived != nil {
		badRequest(w, r, "bad_request", "bad 'archived' parameter", "archived")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if !ws.checkTicketType(w, r, b, nil) {
		return
	}
	writeJSON(w, http.StatusOK, ws.applyCreateTicketType(b))
}

// applyCreateTicketType adds a type with its default attributes; GET
// /ticket_types lists it and tickets can be created of it.
func (ws *Workspace) applyCreateTicketType(b ticketTypeBody) *upstream.TicketType {
	now := ws.nowStamp()
	tt := &upstream.TicketType{Type: "ticket_type", ID: nextNumericID(ws.ticketTypeByID, 1), Category: "Customer", Icon: defaultTicketTypeIcon,
		WorkspaceID: ws.app.IDCode, CreatedAt: now, UpdatedAt: now,
		TicketTypeAttributes: upstream.TicketTypeAttributeList{Type: "list", Data: []*upstream.TicketTypeAttribute{}}}
	ws.changeTicketType(tt, b)
	for _, a := range []struct {
		name      string
		multiline bool
	}{{upstream.TicketTitleAttribute, false}, {upstream.TicketDescriptionAttribute, true}} {
		attr := ws.newTicketTypeAttribute(tt, a.name, "", "string")
		attr.Default, attr.InputOptions = true, map[string]any{"multiline": a.multiline}
	}
	ws.ticketTypes = append(ws.ticketTypes, tt)
	ws.ticketTypeByID[tt.ID] = tt
	return tt
}

func (ws *Workspace) changeTicketType(tt *upstream.TicketType, b ticketTypeBody) {
	if b.Name != nil {
		tt.Name = strings.TrimSpace(*b.Name)
	}
	if b.Description != nil {
		tt.Description = *b.Description
	}
	if b.Category != nil {
		tt.Category = *b.Category
	}
	if b.Icon != nil && *b.Icon != "" {
		tt.Icon = *b.Icon
	}
	if b.Archived != nil {
		tt.Archived = *b.Archived
	}
	if b.IsInternal != nil {
		if ws.internalTicketTypes == nil {
			ws.internalTicketTypes = map[string]bool{}
		}
		ws.internalTicketTypes[tt.ID] = *b.IsInternal
	}
	tt.UpdatedAt = ws.nowStamp()
}

// updateTicketType serves PUT /ticket_types/{id}.
func updateTicketType(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b ticketTypeBody
	if !readBody(w, r, &b) {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	tt, ok := ws.ticketTypeNamed(w, r, r.PathValue("id"), "")
	if !ok || !ws.checkTicketType(w, r, b, tt) {
		return
	}
	writeJSON(w, http.StatusOK, ws.applyUpdateTicketType(tt, b))
}

// applyUpdateTicketType changes a type; its tickets show the change, as
// they embed their type. An archived type takes no new tickets.
func (ws *Workspace) applyUpdateTicketType(tt *upstream.TicketType, b ticketTypeBody) *upstream.TicketType {
	ws.changeTicketType(tt, b)
	for _, rec := range ws.tickets {
		if rec.typeID == tt.ID {
			rec.ticket.Category = tt.Category
		}
	}
	return tt
}

// attributeBody is a create_ticket_type_attribute_request or
// update_ticket_type_attribute_request.
type attributeBody struct {
	Name                        *string `json:"name"`
	Description                 *string `json:"description"`
	DataType                    *string `json:"data_type"`
	RequiredToCreate            *bool   `json:"required_to_create"`
	RequiredToCreateForContacts *bool   `json:"required_to_create_for_contacts"`
	VisibleOnCreate             *bool   `json:"visible_on_create"`
	VisibleToContacts           *bool   `json:"visible_to_contacts"`
	Multiline                   *bool   `json:"multiline"`
	ListItems                   *string `json:"list_items"`
	AllowMultipleValues         *bool   `json:"allow_multiple_values"`
	Archived                    *bool   `json:"archived"`
}

// listItems splits list_items into its labels.
func listItems(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" && !slices.Contains(out, item) {
			out = append(out, item)
		}
	}
	return out
}

// checkAttribute refuses options that do not apply to the attribute's data
// type and a name another attribute of the type has; self is the attribute
// being updated.
func checkAttribute(w http.ResponseWriter, r *http.Request, tt *upstream.TicketType, dataType string, b attributeBody, self *upstream.TicketTypeAttribute) bool {
	switch {
	case b.Name != nil && strings.TrimSpace(*b.Name) == "":
		missing(w, r, "name")
	case b.Multiline != nil && dataType != "string":
		invalid(w, r, "multiline", "multiline applies to string attributes only")
	case b.ListItems != nil && dataType != "list":
		invalid(w, r, "list_items", "list_items applies to list attributes only")
	case b.ListItems != nil && len(listItems(*b.ListItems)) == 0:
		invalid(w, r, "list_items", "a list attribute needs at least one item")
	case b.AllowMultipleValues != nil && dataType != "files":
		invalid(w, r, "allow_multiple_values", "allow_multiple_values applies to files attributes only")
	case self != nil && self.Default && (b.Name != nil && strings.TrimSpace(*b.Name) != self.Name || b.Archived != nil && *b.Archived):
		invalid(w, r, "name", "the default attribute %s cannot be renamed or archived", self.Name)
	default:
		if b.Name != nil {
			for _, a := range tt.TicketTypeAttributes.Data {
				if a != self && strings.EqualFold(a.Name, strings.TrimSpace(*b.Name)) {
					conflict(w, r, "name", "ticket type %s already has an attribute named %q (id=%s)", tt.ID, a.Name, a.ID)
					return false
				}
			}
		}
		return true
	}
	return false
}

// createTicketTypeAttribute serves POST /ticket_types/{ticket_type_id}/attributes:
// a name, a description and a data type are required, and a list needs its items.
func createTicketTypeAttribute(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b attributeBody
	if !readBody(w, r, &b) {
		return
	}
	switch {
	case b.Archived != nil:
		badRequest(w, r, "bad_request", "bad 'archived' parameter", "archived")
		return
	case b.Name == nil:
		missing(w, r, "name")
		return
	case b.Description == nil:
		missing(w, r, "description")
		return
	case b.DataType == nil:
		missing(w, r, "data_type")
		return
	case !slices.Contains(attributeDataTypes, *b.DataType):
		invalid(w, r, "data_type", "data_type must be one of %s", strings.Join(attributeDataTypes, ", "))
		return
	case *b.DataType == "list" && b.ListItems == nil:
		missing(w, r, "list_items")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	tt, ok := ws.ticketTypeNamed(w, r, r.PathValue("ticket_type_id"), "")
	if !ok || !checkAttribute(w, r, tt, *b.DataType, b, nil) {
		return
	}
	writeJSON(w, http.StatusOK, ws.applyCreateAttribute(tt, b))
}

// newTicketTypeAttribute appends an attribute to a type, last in its order.
func (ws *Workspace) newTicketTypeAttribute(tt *upstream.TicketType, name, description, dataType string) *upstream.TicketTypeAttribute {
	next := int64(1)
	for _, other := range ws.ticketTypes {
		for _, a := range other.TicketTypeAttributes.Data {
			if n, err := strconv.ParseInt(a.ID, 10, 64); err == nil && n >= next {
				next = n + 1
			}
		}
	}
	for _, a := range tt.TicketTypeAttributes.Data {
		if n, err := strconv.ParseInt(a.ID, 10, 64); err == nil && n >= next {
			next = n + 1
		}
	}
	now := ws.nowStamp()
	a := &upstream.TicketTypeAttribute{Type: "ticket_type_attribute", ID: strconv.FormatInt(next, 10), WorkspaceID: ws.app.IDCode, Name: name,
		Description: description, DataType: dataType, Order: len(tt.TicketTypeAttributes.Data), VisibleOnCreate: true, VisibleToContacts: true,
		TicketTypeID: mustInt(tt.ID), CreatedAt: now, UpdatedAt: now}
	tt.TicketTypeAttributes.Data = append(tt.TicketTypeAttributes.Data, a)
	tt.UpdatedAt = now
	return a
}

// applyCreateAttribute adds an attribute: the type lists it, tickets of the
// type take values for it, and the ticket search takes ticket_attribute.{id}.
func (ws *Workspace) applyCreateAttribute(tt *upstream.TicketType, b attributeBody) *upstream.TicketTypeAttribute {
	a := ws.newTicketTypeAttribute(tt, strings.TrimSpace(*b.Name), *b.Description, *b.DataType)
	switch a.DataType {
	case "string":
		a.InputOptions = map[string]any{"multiline": b.Multiline != nil && *b.Multiline}
	case "files":
		a.InputOptions = map[string]any{"allow_multiple_values": b.AllowMultipleValues != nil && *b.AllowMultipleValues}
	}
	ws.changeAttribute(a, b)
	return a
}

// changeAttribute applies a checked request to an attribute. New list items
// become options; options no longer listed are archived, as tickets may
// still hold them.
func (ws *Workspace) changeAttribute(a *upstream.TicketTypeAttribute, b attributeBody) {
	set := func(to **bool, field *bool) {
		if *to != nil {
			*field = **to
		}
	}
	if b.Name != nil {
		a.Name = strings.TrimSpace(*b.Name)
	}
	if b.Description != nil {
		a.Description = *b.Description
	}
	set(&b.RequiredToCreate, &a.RequiredToCreate)
	set(&b.RequiredToCreateForContacts, &a.RequiredToCreateForContacts)
	set(&b.VisibleOnCreate, &a.VisibleOnCreate)
	set(&b.VisibleToContacts, &a.VisibleToContacts)
	set(&b.Archived, &a.Archived)
	if b.Multiline != nil {
		a.InputOptions = map[string]any{"multiline": *b.Multiline}
	}
	if b.AllowMultipleValues != nil {
		a.InputOptions = map[string]any{"allow_multiple_values": *b.AllowMultipleValues}
	}
	if b.ListItems != nil {
		labels := listItems(*b.ListItems)
		var options []any
		kept := map[string]bool{}
		for _, o := range optionsOf(a) {
			live := slices.Contains(labels, o.label)
			kept[o.label] = true
			options = append(options, map[string]any{"id": o.id, "label": o.label, "archived": !live})
		}
		for _, label := range labels {
			if !kept[label] {
				options = append(options, map[string]any{"id": ws.newGUID(), "label": label, "archived": false})
			}
		}
		a.InputOptions = map[string]any{"list_options": options}
	}
	a.UpdatedAt = ws.nowStamp()
}

// newGUID makes an id like Intercom's list option ids for an option added through the API.
func (ws *Workspace) newGUID() string {
	h := ws.newHexID() + ws.newHexID()
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:32]
}

// updateTicketTypeAttribute serves PUT /ticket_types/{ticket_type_id}/attributes/{id}.
func updateTicketTypeAttribute(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b attributeBody
	if !readBody(w, r, &b) {
		return
	}
	if b.DataType != nil {
		badRequest(w, r, "bad_request", "bad 'data_type' parameter", "data_type")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	tt, ok := ws.ticketTypeNamed(w, r, r.PathValue("ticket_type_id"), "")
	if !ok {
		return
	}
	var attr *upstream.TicketTypeAttribute
	for _, a := range tt.TicketTypeAttributes.Data {
		if a.ID == r.PathValue("id") {
			attr = a
		}
	}
	if attr == nil {
		notFound(w, r, "Ticket Type Attribute")
		return
	}
	if !checkAttribute(w, r, tt, attr.DataType, b, attr) {
		return
	}
	ws.applyUpdateAttribute(tt, attr, b)
	writeJSON(w, http.StatusOK, attr)
}

// applyUpdateAttribute changes an attribute; the type and its tickets show
// it. A renamed attribute keeps its values on the type's tickets.
func (ws *Workspace) applyUpdateAttribute(tt *upstream.TicketType, a *upstream.TicketTypeAttribute, b attributeBody) {
	old := a.Name
	ws.changeAttribute(a, b)
	if a.Name != old {
		for _, rec := range ws.tickets {
			if v, ok := rec.ticket.TicketAttributes[old]; ok && rec.typeID == tt.ID {
				values := make(map[string]any, len(rec.ticket.TicketAttributes))
				for k, x := range rec.ticket.TicketAttributes {
					values[k] = x
				}
				delete(values, old)
				values[a.Name] = v
				rec.ticket.TicketAttributes = values
			}
		}
	}
	tt.UpdatedAt = a.UpdatedAt
}
