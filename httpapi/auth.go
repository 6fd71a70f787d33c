package httpapi

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/lestrrat-go/httprc/v3"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/lestrrat-go/jwx/v3/jwt"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/upstream"
)

// Principal is who a request comes from, once authenticated.
type Principal struct {
	// ID identifies the client for per-client limits and logs: a JWT's
	// subject, or a short digest of an API key (never the key).
	ID string
	// Client, when set, is the Intercom client this caller's requests use
	// (callers that bring their own token); otherwise the server's.
	Client *upstream.Client
}

// Authenticator decides who a request comes from, before any work is done.
type Authenticator interface {
	Authenticate(r *http.Request) (Principal, error)
}

type principalKey struct{}

// PrincipalFrom returns the authenticated client of a request's context.
func PrincipalFrom(ctx context.Context) (Principal, bool) {
	p, ok := ctx.Value(principalKey{}).(Principal)
	return p, ok
}

// NoAuth lets everyone in; every client is known by its network address.
// Only for demo and local use.
type NoAuth struct{}

// Authenticate names the client by its remote address.
func (NoAuth) Authenticate(r *http.Request) (Principal, error) {
	host := r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i > 0 {
		host = host[:i]
	}
	return Principal{ID: "addr:" + host}, nil
}

// APIKeys admits requests carrying one of a set of static keys, as
// `Authorization: Bearer <key>` or `X-API-Key: <key>`. The configuration
// holds SHA-256 digests, never the keys.
type APIKeys struct{ digests [][]byte }

// NewAPIKeys takes the hex SHA-256 digests of the accepted keys.
func NewAPIKeys(hexDigests []string) (*APIKeys, error) {
	a := &APIKeys{}
	for _, h := range hexDigests {
		d, err := hex.DecodeString(strings.TrimSpace(h))
		if err != nil || len(d) != sha256.Size {
			return nil, fmt.Errorf("API key digest %q is not a hex SHA-256 digest (sha256sum of the key)", h)
		}
		a.digests = append(a.digests, d)
	}
	if len(a.digests) == 0 {
		return nil, errors.New("no API key digests configured")
	}
	return a, nil
}

// Authenticate compares the presented key's digest with every configured
// digest in constant time, so timing reveals nothing of the keys.
func (a *APIKeys) Authenticate(r *http.Request) (Principal, error) {
	key := r.Header.Get("X-API-Key")
	if key == "" {
		key = bearer(r)
	}
	if key == "" {
		return Principal{}, errors.New("an API key is required (Authorization: Bearer <key> or X-API-Key)")
	}
	sum := sha256.Sum256([]byte(key))
	match := 0
	for _, d := range a.digests {
		match |= subtle.ConstantTimeCompare(sum[:], d)
	}
	if match != 1 {
		return Principal{}, errors.New("the API key is not valid")
	}
	return Principal{ID: "key:" + hex.EncodeToString(sum[:6])}, nil
}

// JWTs admits requests carrying a bearer JWT signed by a key of a JWKS,
// issued by the configured issuer for the configured audience, and not expired.
// Keys are fetched and refreshed in the background; a token signed by a key
// the cached set does not know yet triggers one early refresh (key rotation).
type JWTs struct {
	cache    *jwk.Cache
	url      string
	issuer   string
	audience string

	mu          sync.Mutex
	lastRefresh time.Time
}

// minJWKSRefresh bounds how often an unknown key id may force a JWKS fetch.
const minJWKSRefresh = 30 * time.Second

// NewJWTs fetches the JWKS at url once (failing when it cannot) and keeps it fresh until ctx ends.
func NewJWTs(ctx context.Context, url, issuer, audience string) (*JWTs, error) {
	if url == "" || issuer == "" || audience == "" {
		return nil, errors.New("JWT authentication needs a JWKS URL, an issuer and an audience")
	}
	cache, err := jwk.NewCache(ctx, httprc.NewClient())
	if err != nil {
		return nil, err
	}
	if err := cache.Register(ctx, url, jwk.WithMinInterval(5*time.Minute)); err != nil {
		return nil, fmt.Errorf("fetching the JWKS at %s: %w", url, err)
	}
	return &JWTs{cache: cache, url: url, issuer: issuer, audience: audience}, nil
}

// Authenticate verifies the bearer token's signature, issuer, audience and times.
func (j *JWTs) Authenticate(r *http.Request) (Principal, error) {
	raw := bearer(r)
	if raw == "" {
		return Principal{}, errors.New("a bearer token is required")
	}
	set, err := j.cache.Lookup(r.Context(), j.url)
	if err != nil {
		return Principal{}, errors.New("the signing keys are unavailable")
	}
	if kid := keyIDOf(raw); kid != "" {
		if _, known := set.LookupKeyID(kid); !known && j.mayRefresh() {
			// A key id the cached set lacks: the issuer may have rotated keys.
			if fresh, err := j.cache.Refresh(r.Context(), j.url); err == nil {
				set = fresh
			}
		}
	}
	tok, err := j.parse(raw, set)
	if err != nil {
		// The reason stays here: telling a caller which check failed helps forgers.
		return Principal{}, errors.New("the bearer token is not valid (signature, issuer, audience or expiry)")
	}
	sub, _ := tok.Subject()
	return Principal{ID: "sub:" + sub}, nil
}

func (j *JWTs) parse(raw string, set jwk.Set) (jwt.Token, error) {
	return jwt.ParseString(raw,
		jwt.WithKeySet(set, jws.WithInferAlgorithmFromKey(true)),
		jwt.WithValidate(true),
		jwt.WithIssuer(j.issuer),
		jwt.WithAudience(j.audience),
		jwt.WithAcceptableSkew(30*time.Second),
	)
}

// keyIDOf reads the key id from a token's protected header, without verifying it.
func keyIDOf(raw string) string {
	msg, err := jws.ParseString(raw)
	if err != nil || len(msg.Signatures()) == 0 {
		return ""
	}
	kid, _ := msg.Signatures()[0].ProtectedHeaders().KeyID()
	return kid
}

func (j *JWTs) mayRefresh() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	if time.Since(j.lastRefresh) < minJWKSRefresh {
		return false
	}
	j.lastRefresh = time.Now()
	return true
}

func bearer(r *http.Request) string {
	const prefix = "bearer "
	h := r.Header.Get("Authorization")
	if len(h) > len(prefix) && strings.EqualFold(h[:len(prefix)], prefix) {
		return strings.TrimSpace(h[len(prefix):])
	}
	return ""
}

// requireAuth answers 401 before any work when a request cannot be
// authenticated, and otherwise records who it comes from.
func requireAuth(auth Authenticator, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := auth.Authenticate(r)
		var throttled *loginThrottled
		switch {
		case errors.As(err, &throttled):
			w.Header().Set("Retry-After", strconv.Itoa(retrySeconds(throttled.retryAfter)))
			writeGraphQLError(w, http.StatusTooManyRequests, errcode.Unauthenticated, err.Error(), map[string]any{"reason": "TOO_MANY_FAILED_LOGINS"})
			return
		case errors.Is(err, ErrCannotVerify):
			w.Header().Set("Retry-After", "5")
			writeGraphQLError(w, http.StatusServiceUnavailable, errcode.UpstreamUnavailable, err.Error(), nil)
			return
		case err != nil:
			w.Header().Set("WWW-Authenticate", `Bearer realm="intercom-graphql"`)
			writeGraphQLError(w, http.StatusUnauthorized, errcode.Unauthenticated, err.Error(), nil)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, p)))
	})
}
