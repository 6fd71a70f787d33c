package upstream

import (
	"context"
	"net/http"
)

// Team is a group of admins.
type Team struct {
	Type               string              `json:"type"`
	ID                 string              `json:"id"`
	Name               string              `json:"name"`
	AdminIDs           []int64             `json:"admin_ids"`
	AdminPriorityLevel *AdminPriorityLevel `json:"admin_priority_level,omitempty"`
}

// AdminPriorityLevel lists the admins for whom this team is primary or secondary.
type AdminPriorityLevel struct {
	PrimaryAdminIDs   []int64 `json:"primary_admin_ids"`
	SecondaryAdminIDs []int64 `json:"secondary_admin_ids"`
}

// TeamList is the body of GET /teams.
type TeamList struct {
	Type  string  `json:"type"`
	Teams []*Team `json:"teams"`
}

// TeamsService reads the workspace's teams.
type TeamsService service

// List returns every team; Intercom does not paginate it (listTeams).
func (s *TeamsService) List(ctx context.Context) (*TeamList, error) {
	return fetch[TeamList](ctx, s.client, call{operation: "listTeams", method: http.MethodGet, template: "/teams", idempotent: true})
}

// Get retrieves one team (retrieveTeam).
func (s *TeamsService) Get(ctx context.Context, id string) (*Team, error) {
	return fetch[Team](ctx, s.client, call{operation: "retrieveTeam", method: http.MethodGet, template: "/teams/{id}",
		ids: []string{id}, idempotent: true})
}
