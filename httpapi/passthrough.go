package httpapi

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/golang-lru/v2/expirable"

	"intercom-graphql/upstream"
)

// PassThrough authenticates callers that bring their own Intercom access
// token (`Authorization: Bearer <token>`, as OAuth apps hold one per
// workspace): the facade then works on their workspace with their token. A
// token is checked with Intercom (GET /me) the first time it is seen, and again
// every few minutes, so a refused token gets 401 before any work.
type PassThrough struct {
	pool     *upstream.Pool
	verified *expirable.LRU[string, bool] // tenant -> Intercom accepted its token
}

// NewPassThrough serves each caller through the pool's client for their token.
func NewPassThrough(pool *upstream.Pool) *PassThrough {
	return &PassThrough{pool: pool, verified: expirable.NewLRU[string, bool](10_000, nil, 5*time.Minute)}
}

// Authenticate picks the caller's client and checks its token with Intercom.
func (p *PassThrough) Authenticate(r *http.Request) (Principal, error) {
	token := bearer(r)
	if token == "" {
		return Principal{}, errors.New("an Intercom access token is required (Authorization: Bearer <token>)")
	}
	client, err := p.pool.Client(token)
	if err != nil {
		return Principal{}, errors.New("the Intercom access token cannot be used")
	}
	if _, ok := p.verified.Get(client.Tenant()); !ok {
		if _, err := client.Admins.Me(r.Context()); err != nil {
			if upstream.IsStatus(err, http.StatusUnauthorized) || upstream.IsStatus(err, http.StatusForbidden) {
				return Principal{}, errors.New("the access token was refused by Intercom")
			}
			return Principal{}, fmt.Errorf("%w: Intercom did not answer the token check", ErrCannotVerify)
		}
		p.verified.Add(client.Tenant(), true)
	}
	return Principal{ID: "tenant:" + client.Tenant(), Client: client}, nil
}
