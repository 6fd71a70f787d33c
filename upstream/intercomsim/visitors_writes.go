package intercomsim

import (
	"net/http"
	"slices"
	"strings"

	"intercom-graphql/upstream"
)

// visitorIdentity names a visitor (or a contact) by Intercom's id, the
// user_id or the email.
type visitorIdentity struct {
	ID     string `json:"id"`
	UserID string `json:"user_id"`
	Email  string `json:"email"`
}

func (v *visitorIdentity) empty() bool {
	return v == nil || (v.ID == "" && v.UserID == "" && v.Email == "")
}

func (ws *Workspace) findVisitor(id visitorIdentity) *upstream.Visitor {
	if id.UserID != "" {
		return ws.visitorByUserID[id.UserID]
	}
	for _, v := range ws.visitors {
		if (id.ID != "" && v.ID == id.ID) || (id.ID == "" && id.Email != "" && strings.EqualFold(v.Email, id.Email)) {
			return v
		}
	}
	return nil
}

// updateVisitor serves PUT /visitors: the visitor by id or user_id, its
// name and custom attributes.
func updateVisitor(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		ID               string          `json:"id"`
		UserID           string          `json:"user_id"`
		Name             present[string] `json:"name"`
		CustomAttributes map[string]any  `json:"custom_attributes"`
	}
	if !readBody(w, r, &b) {
		return
	}
	if b.ID == "" && b.UserID == "" {
		writeError(w, requestIDFrom(r), http.StatusBadRequest, "parameter_not_found", "id or user_id is required", "id")
		return
	}
	if bad, ok := flatAttributes(b.CustomAttributes); !ok {
		invalid(w, r, "custom_attributes", "custom attribute %q must be text, a number or a boolean", bad)
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	v := ws.findVisitor(visitorIdentity{ID: b.ID, UserID: b.UserID})
	if v == nil || (b.ID != "" && b.UserID != "" && v.ID != b.ID) {
		notFound(w, r, "Visitor")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyUpdateVisitor(v, b.Name, jsonNumbersAsInts(b.CustomAttributes)))
}

func (ws *Workspace) applyUpdateVisitor(v *upstream.Visitor, name present[string], attrs map[string]any) *upstream.Visitor {
	if name.Set {
		v.Name = name.Value
	}
	if len(attrs) > 0 {
		merged := make(map[string]any, len(v.CustomAttributes)+len(attrs))
		for k, x := range v.CustomAttributes {
			merged[k] = x
		}
		for k, x := range attrs {
			merged[k] = x
		}
		v.CustomAttributes = merged
	}
	v.UpdatedAt = ws.nowStamp()
	return v
}

// convertVisitor serves POST /visitors/convert: when the contact the user
// object names exists, the visitor is merged into it; otherwise the visitor
// becomes a new contact of the type asked, with the user's identifiers. The
// visitor is gone either way.
func convertVisitor(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		Type    *string          `json:"type"`
		User    *visitorIdentity `json:"user"`
		Visitor *visitorIdentity `json:"visitor"`
	}
	if !readBody(w, r, &b) {
		return
	}
	switch {
	case b.Type == nil:
		missing(w, r, "type")
		return
	case *b.Type != "user" && *b.Type != "lead":
		invalid(w, r, "type", "type must be user or lead")
		return
	case b.User.empty():
		missing(w, r, "user")
		return
	case b.Visitor.empty():
		missing(w, r, "visitor")
		return
	case b.User.Email != "" && !emailPattern.MatchString(b.User.Email):
		invalid(w, r, "user.email", "%q is not a valid email address", b.User.Email)
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	v := ws.findVisitor(*b.Visitor)
	if v == nil {
		writeError(w, requestIDFrom(r), http.StatusNotFound, "not_found", "Visitor Not Found", "visitor")
		return
	}
	var into *contactRecord
	switch {
	case b.User.ID != "":
		var ok bool
		if into, ok = ws.contactByID[b.User.ID]; !ok {
			contactNotFound(w, r, "user")
			return
		}
	default:
		into = ws.eventOwnerOf("", b.User.UserID, b.User.Email)
	}
	writeJSON(w, http.StatusOK, ws.applyConvertVisitor(v, into, *b.Type, *b.User))
}

// applyConvertVisitor merges the visitor into the contact, or makes the
// contact from it, and removes the visitor.
func (ws *Workspace) applyConvertVisitor(v *upstream.Visitor, into *contactRecord, role string, user visitorIdentity) *upstream.Contact {
	now := ws.nowStamp()
	if into == nil {
		body := contactBody{Role: &role}
		if user.UserID != "" {
			body.ExternalID = &user.UserID
		}
		email := user.Email
		if email == "" {
			email = v.Email
		}
		body.Email = &email
		created := ws.applyCreateContact(body)
		into = ws.contactByID[created.ID]
	}
	c := &into.contact
	if c.Name == nil {
		c.Name = v.Name
	}
	if c.Phone == nil {
		c.Phone = v.Phone
	}
	for k, x := range v.CustomAttributes {
		if _, ok := c.CustomAttributes[k]; !ok {
			c.CustomAttributes[k] = x
		}
	}
	for _, t := range v.Tags.Tags {
		if tag, ok := ws.tagByID[t.ID]; ok {
			ws.tagContact(into, tag)
		}
	}
	c.UpdatedAt = now
	ws.visitors = slices.DeleteFunc(ws.visitors, func(x *upstream.Visitor) bool { return x == v })
	delete(ws.visitorByUserID, v.UserID)
	if role == "user" {
		ws.notify("visitor.signed_up", func() any { return v })
	}
	return ws.renderContact(into)
}
