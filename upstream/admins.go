package upstream

import (
	"context"
	"net/http"
)

// Admin is a teammate account of the workspace.
type Admin struct {
	Type              string             `json:"type"`
	ID                string             `json:"id"`
	Name              string             `json:"name"`
	Email             string             `json:"email"`
	JobTitle          string             `json:"job_title"`
	AwayModeEnabled   bool               `json:"away_mode_enabled"`
	AwayModeReassign  bool               `json:"away_mode_reassign"`
	HasInboxSeat      bool               `json:"has_inbox_seat"`
	TeamIDs           []int64            `json:"team_ids"`
	Avatar            *string            `json:"avatar"`
	TeamPriorityLevel *TeamPriorityLevel `json:"team_priority_level,omitempty"`
}

// TeamPriorityLevel lists the teams an admin works for first and second.
type TeamPriorityLevel struct {
	PrimaryTeamIDs   []int64 `json:"primary_team_ids"`
	SecondaryTeamIDs []int64 `json:"secondary_team_ids"`
}

// AdminList is the body of GET /admins.
type AdminList struct {
	Type   string   `json:"type"`
	Admins []*Admin `json:"admins"`
}

// AdminWithApp is the body of GET /me: the admin whose token this is, and the workspace.
type AdminWithApp struct {
	Type             string       `json:"type"`
	ID               string       `json:"id"`
	Name             string       `json:"name"`
	Email            string       `json:"email"`
	JobTitle         string       `json:"job_title"`
	AwayModeEnabled  bool         `json:"away_mode_enabled"`
	AwayModeReassign bool         `json:"away_mode_reassign"`
	HasInboxSeat     bool         `json:"has_inbox_seat"`
	TeamIDs          []int64      `json:"team_ids"`
	Avatar           *AdminAvatar `json:"avatar"`
	EmailVerified    *bool        `json:"email_verified"`
	App              *App         `json:"app"`
}

// AdminAvatar is the avatar object of GET /me (GET /admins sends a bare URL).
type AdminAvatar struct {
	Type     string  `json:"type"`
	ImageURL *string `json:"image_url"`
}

// App is the Intercom workspace.
type App struct {
	Type                 string    `json:"type"`
	IDCode               string    `json:"id_code"`
	Name                 string    `json:"name"`
	Region               string    `json:"region"`
	Timezone             string    `json:"timezone"`
	CreatedAt            Timestamp `json:"created_at"`
	IdentityVerification bool      `json:"identity_verification"`
}

// AdminsService reads the workspace's teammates.
type AdminsService service

// Me identifies the admin the access token belongs to (identifyAdmin).
func (s *AdminsService) Me(ctx context.Context) (*AdminWithApp, error) {
	me, err := fetch[AdminWithApp](ctx, s.client, call{operation: "identifyAdmin", method: http.MethodGet, template: "/me", idempotent: true})
	if err == nil && me.App != nil {
		s.client.workspace.learn(me.App.IDCode)
	}
	return me, err
}

// List returns every admin of the workspace; Intercom does not paginate it (listAdmins).
func (s *AdminsService) List(ctx context.Context) (*AdminList, error) {
	return fetch[AdminList](ctx, s.client, call{operation: "listAdmins", method: http.MethodGet, template: "/admins", idempotent: true})
}

// Get retrieves one admin (retrieveAdmin).
func (s *AdminsService) Get(ctx context.Context, id string) (*Admin, error) {
	return fetch[Admin](ctx, s.client, call{operation: "retrieveAdmin", method: http.MethodGet, template: "/admins/{id}",
		ids: []string{id}, idempotent: true})
}

// AwayMode is the body of PUT /admins/{id}/away: whether the admin is away,
// and whether replies to their conversations go to the default inbox meanwhile.
type AwayMode struct {
	AwayModeEnabled  bool `json:"away_mode_enabled"`
	AwayModeReassign bool `json:"away_mode_reassign"`
}

// SetAway marks an admin away or back (setAwayAdmin). It sets a state, so it
// is retried like a read.
func (s *AdminsService) SetAway(ctx context.Context, id string, mode AwayMode) (*Admin, error) {
	return fetch[Admin](ctx, s.client, call{operation: "setAwayAdmin", method: http.MethodPut, template: "/admins/{id}/away", ids: []string{id},
		body: mode, idempotent: true, write: true})
}
