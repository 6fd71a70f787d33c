package httpapi

import (
	"context"
	"time"

	"intercom-graphql/graph/live"
	"intercom-graphql/upstream"
)

// staleTimeout bounds the invalidations of one event, which may be Redis
// calls on the path of every later event.
const staleTimeout = 5 * time.Second

// workspaceClients returns the Intercom clients this replica holds for the
// workspace whose id_code is appID.
type workspaceClients func(appID string) []*upstream.Client

// clientsByWorkspace finds the clients a notification concerns: the
// server's, unless the notification names another workspace; or, when
// callers bring their own tokens, those of the callers in the notification's
// workspace that this replica has served.
func clientsByWorkspace(cfg Config) workspaceClients {
	if server := cfg.Client; server != nil {
		return func(appID string) []*upstream.Client {
			if known := server.KnownWorkspace(); appID != "" && known != "" && known != appID {
				return nil
			}
			return []*upstream.Client{server}
		}
	}
	if passThrough, ok := cfg.Auth.(*PassThrough); ok {
		return passThrough.pool.InWorkspace
	}
	return func(string) []*upstream.Client { return nil }
}

// invalidateStale orphans the cached answers an event makes stale, in every
// client of its workspace. It runs on each replica as the event arrives
// there, so that a replica that has served a workspace invalidates its
// answers even when another replica received the webhook.
func invalidateStale(clients workspaceClients) func(context.Context, *live.Event) {
	return func(ctx context.Context, ev *live.Event) {
		kinds := live.StaleKinds(ev.Topic)
		if len(kinds) == 0 {
			return
		}
		ctx, cancel := context.WithTimeout(ctx, staleTimeout)
		defer cancel()
		for _, c := range clients(ev.AppID) {
			c.Invalidate(ctx, kinds...)
		}
	}
}
