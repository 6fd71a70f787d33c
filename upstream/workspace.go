package upstream

import (
	"context"
	"errors"
	"sync"
)

// workspaceID is the id_code of the workspace a client's token belongs to,
// once an answer of GET /me has told it. Webhook notifications name their
// workspace by it (app_id), so it ties a notification to the clients, caches
// and subscribers of that workspace.
type workspaceID struct {
	mu sync.Mutex
	id string
}

func (w *workspaceID) learn(id string) {
	if id == "" {
		return
	}
	w.mu.Lock()
	w.id = id
	w.mu.Unlock()
}

func (w *workspaceID) known() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.id
}

// Workspace is the id_code of the token's workspace. It asks Intercom (GET
// /me) only until an answer has told it: a token never changes workspace.
func (c *Client) Workspace(ctx context.Context) (string, error) {
	if id := c.workspace.known(); id != "" {
		return id, nil
	}
	me, err := c.Admins.Me(ctx)
	if err != nil {
		return "", err
	}
	if me.App == nil || me.App.IDCode == "" {
		return "", errors.New("intercom identifyAdmin: GET /me named no workspace (app.id_code)")
	}
	return me.App.IDCode, nil
}

// KnownWorkspace is the token's workspace id_code if an answer has told it
// already, or "".
func (c *Client) KnownWorkspace() string { return c.workspace.known() }
