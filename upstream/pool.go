package upstream

import (
	"crypto/sha256"
	"errors"
	"net/http"

	lru "github.com/hashicorp/golang-lru/v2"
)

// Pool hands out one client per access token, for a server whose callers
// bring their own token (OAuth apps). Each client keeps its own rate budget
// and its own cache keys, so workspaces never share either; they share the
// connections to Intercom, which carry no credentials of their own.
type Pool struct {
	base      Config
	transport *http.Transport // under base.HTTPClient, when the pool built it
	clients   *lru.Cache[[32]byte, *Client]
}

// NewPool makes clients from base (its Token is ignored), keeping the most
// recently used size of them.
func NewPool(base Config, size int) (*Pool, error) {
	clients, err := lru.New[[32]byte, *Client](size)
	if err != nil {
		return nil, err
	}
	base.Token = ""
	if _, err := resolveBaseURL(base.Region, base.BaseURL); err != nil {
		return nil, err
	}
	p := &Pool{base: base, clients: clients}
	if p.base.HTTPClient == nil {
		p.base.HTTPClient, p.transport = newPooledHTTPClient()
	}
	return p, nil
}

// Client returns the client for token, making it on first use.
func (p *Pool) Client(token string) (*Client, error) {
	if token == "" {
		return nil, errors.New("upstream: an access token is required")
	}
	key := sha256.Sum256([]byte(token))
	if c, ok := p.clients.Get(key); ok {
		return c, nil
	}
	cfg := p.base
	cfg.Token = token
	c, err := New(cfg)
	if err != nil {
		return nil, err
	}
	c.transport = p.transport
	// Concurrent first requests of a token all get the client added first:
	// one workspace, one rate budget.
	if first, found, _ := p.clients.PeekOrAdd(key, c); found {
		return first, nil
	}
	return c, nil
}

// InWorkspace returns the pool's clients whose token is known to belong to
// the workspace whose id_code is appID.
func (p *Pool) InWorkspace(appID string) []*Client {
	var out []*Client
	for _, c := range p.clients.Values() {
		if appID != "" && c.KnownWorkspace() == appID {
			out = append(out, c)
		}
	}
	return out
}
