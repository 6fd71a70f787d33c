package intercomsim

import (
	"fmt"
	"html"
	"net/http"
	"strconv"
	"strings"

	"intercom-graphql/upstream"
)

// Managing a conversation: closing, opening, snoozing and assigning it, by
// a teammate or by the workspace's assignment rules.

// manageConversation serves POST /conversations/{id}/parts: close (type
// admin, an optional message), snoozed (until a future moment), open, or
// assignment (type admin or team, assignee_id "0" for nobody, an optional
// message).
func manageConversation(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		MessageType  *string             `json:"message_type"`
		Type         *string             `json:"type"`
		AdminID      *flexibleID         `json:"admin_id"`
		AssigneeID   *flexibleID         `json:"assignee_id"`
		Body         *string             `json:"body"`
		SnoozedUntil *upstream.Timestamp `json:"snoozed_until"`
	}
	if !readBody(w, r, &b) {
		return
	}
	kind := ""
	if b.MessageType != nil {
		kind = *b.MessageType
	}
	switch {
	case b.MessageType == nil:
		missing(w, r, "message_type")
		return
	case kind != "close" && kind != "snoozed" && kind != "open" && kind != "assignment":
		invalid(w, r, "message_type", "message_type must be close, snoozed, open or assignment")
		return
	case b.AdminID == nil:
		missing(w, r, "admin_id")
		return
	case kind == "close" && b.Type == nil, kind == "assignment" && b.Type == nil:
		missing(w, r, "type")
		return
	case kind == "close" && *b.Type != "admin":
		invalid(w, r, "type", "type must be admin")
		return
	case kind == "assignment" && *b.Type != "admin" && *b.Type != "team":
		invalid(w, r, "type", "type must be admin or team")
		return
	case kind == "assignment" && b.AssigneeID == nil:
		missing(w, r, "assignee_id")
		return
	case kind == "snoozed" && b.SnoozedUntil == nil:
		missing(w, r, "snoozed_until")
		return
	case kind == "snoozed" && *b.SnoozedUntil <= ws.nowStamp():
		invalid(w, r, "snoozed_until", "snoozed_until must be in the future")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.conversationNamed(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	admin, ok := ws.adminNamed(w, r, string(*b.AdminID), "admin_id")
	if !ok {
		return
	}
	var body *string
	if b.Body != nil && strings.TrimSpace(*b.Body) != "" {
		body = ptr(messageHTML(*b.Body))
	}
	switch kind {
	case "close":
		ws.applyCloseConversation(rec, admin, body)
	case "open":
		ws.applyOpenConversation(rec, admin)
	case "snoozed":
		ws.applySnoozeConversation(rec, admin, *b.SnoozedUntil)
	default:
		target, ok := ws.assigneeNamed(w, r, *b.Type, string(*b.AssigneeID))
		if !ok {
			return
		}
		ws.applyAssignConversation(rec, admin, *b.Type, target, body)
	}
	writeJSON(w, http.StatusOK, renderConversation(rec, true, false))
}

// assigneeNamed checks an assignee of type admin or team; "0" is nobody (nil).
func (ws *Workspace) assigneeNamed(w http.ResponseWriter, r *http.Request, kind, id string) (*int64, bool) {
	if id == "0" {
		return nil, true
	}
	_, isAdmin := ws.adminByID[id]
	_, isTeam := ws.teamByID[id]
	if kind == "admin" && !isAdmin || kind == "team" && !isTeam {
		writeError(w, requestIDFrom(r), http.StatusNotFound, "assignee_not_found", "Assignee not found", "assignee_id")
		return nil, false
	}
	return ptr(mustInt(id)), true
}

// applyCloseConversation closes a conversation: searches find it closed,
// nobody waits, and the statistics count the close. Closing a closed
// conversation without a message changes nothing.
func (ws *Workspace) applyCloseConversation(rec *conversationRecord, admin *upstream.Admin, body *string) {
	c := &rec.conversation
	if c.State == "closed" && body == nil {
		return
	}
	now := ws.nowStamp()
	ws.addPart(rec, "close", adminAuthor(admin), body, now)
	c.State, c.Open, c.SnoozedUntil, c.WaitingSince = "closed", false, nil, nil
	st := statistics(c)
	d := int64(now - c.CreatedAt)
	if st.FirstCloseAt == nil {
		st.FirstCloseAt, st.TimeToFirstClose = ptr(now), ptr(d)
	}
	st.LastCloseAt, st.TimeToLastClose, st.LastClosedByID = ptr(now), ptr(d), ptr(admin.ID)
	ws.notifyConversation("conversation.admin.closed", rec)
}

// applyOpenConversation opens a closed or snoozed conversation; an open one
// stays as it is.
func (ws *Workspace) applyOpenConversation(rec *conversationRecord, admin *upstream.Admin) {
	c := &rec.conversation
	if c.State == "open" {
		return
	}
	topic := "conversation.admin.opened"
	if c.State == "snoozed" {
		topic = "conversation.admin.unsnoozed"
	}
	ws.addPart(rec, "open", adminAuthor(admin), nil, ws.nowStamp())
	reopen(c)
	ws.notifyConversation(topic, rec)
}

// applySnoozeConversation snoozes a conversation until a moment; it stays
// open in Intercom's sense and searches find it snoozed.
func (ws *Workspace) applySnoozeConversation(rec *conversationRecord, admin *upstream.Admin, until upstream.Timestamp) {
	c := &rec.conversation
	if c.State == "snoozed" && c.SnoozedUntil != nil && *c.SnoozedUntil == until {
		return
	}
	ws.addPart(rec, "snoozed", adminAuthor(admin), nil, ws.nowStamp())
	c.State, c.Open, c.SnoozedUntil = "snoozed", true, ptr(until)
	ws.notifyConversation("conversation.admin.snoozed", rec)
}

// applyAssignConversation gives a conversation to an admin or a team (nil:
// nobody) with an assignment part; assigning a closed conversation to
// someone reopens it (an assign_and_reopen part). Giving it to whoever holds
// it, without a message, changes nothing.
func (ws *Workspace) applyAssignConversation(rec *conversationRecord, admin *upstream.Admin, kind string, target *int64, body *string) {
	c := &rec.conversation
	current := &c.AdminAssigneeID
	if kind == "team" {
		current = &c.TeamAssigneeID
	}
	if sameID(*current, target) && body == nil {
		return
	}
	now := ws.nowStamp()
	partType := "assignment"
	if target != nil && c.State == "closed" {
		partType = "assign_and_reopen"
		reopen(c)
	}
	p := ws.addPart(rec, partType, adminAuthor(admin), body, now)
	p.AssignedTo = assignedTo(kind, target)
	*current = target
	countAssignment(c, now)
	ws.notifyConversation("conversation.admin.assigned", rec)
}

// assignedTo is an assignment part's target; nobody is a nobody_admin.
func assignedTo(kind string, target *int64) *upstream.Reference {
	if target == nil {
		return &upstream.Reference{Type: "nobody_admin"}
	}
	return &upstream.Reference{Type: kind, ID: ptr(strconv.FormatInt(*target, 10))}
}

func countAssignment(c *upstream.Conversation, now upstream.Timestamp) {
	st := statistics(c)
	st.CountAssignments++
	if st.FirstAssignmentAt == nil {
		d := int64(now - c.CreatedAt)
		st.FirstAssignmentAt, st.TimeToAssignment = ptr(now), &d
	}
	st.LastAssignmentAt = ptr(now)
}

func sameID(a, b *int64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// autoAssignConversation serves POST /conversations/{id}/run_assignment_rules.
func autoAssignConversation(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.conversationNamed(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	ws.applyAssignmentRules(rec)
	writeJSON(w, http.StatusOK, renderConversation(rec, true, false))
}

// applyAssignmentRules runs the simulated workspace's one assignment rule:
// a conversation goes to its team (the workspace's first team when it has
// none) and to that team's first teammate who is not away (nobody when all
// are). Operator assigns it with a default_assignment part that names the
// rule; a conversation the rule gives to the team and teammate it already
// has changes nothing.
func (ws *Workspace) applyAssignmentRules(rec *conversationRecord) {
	c := &rec.conversation
	var team *upstream.Team
	if c.TeamAssigneeID != nil {
		team = ws.teamByID[strconv.FormatInt(*c.TeamAssigneeID, 10)]
	}
	if team == nil && len(ws.teams) > 0 {
		team = ws.teams[0]
	}
	candidates, teamName := ws.admins, "the workspace"
	var teamID, adminID *int64
	if team != nil {
		candidates, teamName, teamID = nil, "team "+team.Name, ptr(mustInt(team.ID))
		for _, id := range team.AdminIDs {
			if a, ok := ws.adminByID[strconv.FormatInt(id, 10)]; ok {
				candidates = append(candidates, a)
			}
		}
	}
	who := "nobody, as every teammate is away"
	for _, a := range candidates {
		if !a.AwayModeEnabled {
			adminID, who = ptr(mustInt(a.ID)), a.Name
			break
		}
	}
	if sameID(c.TeamAssigneeID, teamID) && sameID(c.AdminAssigneeID, adminID) {
		return
	}
	now := ws.nowStamp()
	rule := fmt.Sprintf("<p>Assignment rules: to %s and its first teammate who is not away: %s.</p>", html.EscapeString(teamName), html.EscapeString(who))
	p := ws.addPart(rec, "default_assignment", ws.operator(), ptr(rule), now)
	p.AssignedTo = assignedTo("admin", adminID)
	c.TeamAssigneeID, c.AdminAssigneeID = teamID, adminID
	countAssignment(c, now)
	ws.notifyConversation("conversation.admin.assigned", rec)
}
