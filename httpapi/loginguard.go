package httpapi

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"math"
	"net/http"
	"time"

	"github.com/hashicorp/golang-lru/v2/expirable"
	"golang.org/x/time/rate"
)

// DefaultFailedLoginsPerMinute is how many failed authentications one
// address may make a minute: plenty for a person mistyping a key, far too
// few to guess one, or to make the facade call Intercom on every guess.
const DefaultFailedLoginsPerMinute = 20

// rememberRejected is how long refused credentials are answered 401 from
// memory, without checking them again (with Intercom, in pass-through mode).
const rememberRejected = 5 * time.Minute

// ErrCannotVerify is what an Authenticator returns when it could not decide
// (Intercom did not answer a token check): not the caller's fault, not a
// failed login, and worth a retry.
var ErrCannotVerify = errors.New("the credentials could not be checked; try again")

// loginThrottled refuses an address that failed too often.
type loginThrottled struct{ retryAfter time.Duration }

func (e *loginThrottled) Error() string {
	return fmt.Sprintf("too many failed authentications from this address; retry after %d seconds", retrySeconds(e.retryAfter))
}

func retrySeconds(d time.Duration) int { return max(int(math.Ceil(d.Seconds())), 1) }

// guardedAuth throttles failed authentications per client address and
// remembers refused credentials for a while, so that neither guessing keys
// nor replaying a bad token costs more than a lookup: in pass-through mode
// each unknown token would otherwise cost a GET /me at Intercom, from the
// facade's address and budget.
type guardedAuth struct {
	inner     Authenticator
	perMinute int
	failures  *expirable.LRU[string, *rate.Limiter]    // address -> its budget of failures
	rejected  *expirable.LRU[[sha256.Size]byte, error] // credentials -> why they were refused
}

func guardLogins(inner Authenticator, perMinute int) Authenticator {
	if _, open := inner.(NoAuth); open {
		return inner
	}
	return &guardedAuth{
		inner:     inner,
		perMinute: perMinute,
		failures:  expirable.NewLRU[string, *rate.Limiter](100_000, nil, 10*time.Minute),
		rejected:  expirable.NewLRU[[sha256.Size]byte, error](100_000, nil, rememberRejected),
	}
}

func (g *guardedAuth) Authenticate(r *http.Request) (Principal, error) {
	addr, _ := NoAuth{}.Authenticate(r)
	limiter := g.limiterOf(addr.ID)
	if limiter.Tokens() < 1 {
		return Principal{}, &loginThrottled{retryAfter: time.Duration(float64(time.Minute) / float64(g.perMinute))}
	}
	key := credentialsOf(r)
	if why, ok := g.rejected.Get(key); ok {
		limiter.Allow()
		return Principal{}, why
	}
	p, err := g.inner.Authenticate(r)
	if err != nil && !errors.Is(err, ErrCannotVerify) {
		limiter.Allow()
		if r.Header.Get("Authorization") != "" || r.Header.Get("X-API-Key") != "" {
			g.rejected.Add(key, err)
		}
	}
	return p, err
}

func (g *guardedAuth) limiterOf(addr string) *rate.Limiter {
	if l, ok := g.failures.Get(addr); ok {
		return l
	}
	l := rate.NewLimiter(rate.Limit(float64(g.perMinute)/60), g.perMinute)
	g.failures.Add(addr, l)
	return l
}

// credentialsOf digests what a request presents, so refused credentials are
// remembered without being kept.
func credentialsOf(r *http.Request) [sha256.Size]byte {
	return sha256.Sum256([]byte(r.Header.Get("Authorization") + "\x00" + r.Header.Get("X-API-Key")))
}
