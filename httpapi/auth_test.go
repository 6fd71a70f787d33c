package httpapi_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jwt"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
)

// postAs sends a query with the given headers and returns the status and body.
func postAs(f *facadetest.Facade, headers map[string]string, query string) facadetest.Response {
	f.T.Helper()
	return postWithVariables(f, headers, query, nil)
}

func postWithVariables(f *facadetest.Facade, headers map[string]string, query string, variables map[string]any) facadetest.Response {
	f.T.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	req, _ := http.NewRequest(http.MethodPost, f.Server.URL+"/graphql", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.T.Fatal(err)
	}
	return facadetest.Decode(f.T, resp)
}

func TestAPIKeysAreCheckedBeforeAnyWork(t *testing.T) {
	const key = "dashboard-key-7d1c"
	keys := acceptingKeys(t, key)
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.Auth = keys }})
	for name, headers := range map[string]map[string]string{
		"no key":    nil,
		"wrong key": {"Authorization": "Bearer not-the-key"},
	} {
		resp := postAs(f, headers, `{ me { name } }`)
		if resp.Status != http.StatusUnauthorized || len(resp.Errors) != 1 || resp.Errors[0].Code() != "UNAUTHENTICATED" {
			t.Errorf("%s: status %d body %s, want 401 UNAUTHENTICATED", name, resp.Status, resp.Raw)
		}
	}
	if f.Sim.Calls() != 0 {
		t.Errorf("refused requests reached Intercom %d times", f.Sim.Calls())
	}
	for _, headers := range []map[string]string{{"Authorization": "Bearer " + key}, {"X-API-Key": key}} {
		if resp := postAs(f, headers, `{ me { name } }`); resp.Status != http.StatusOK || len(resp.Errors) > 0 {
			t.Errorf("the right key was refused: %d %s", resp.Status, resp.Raw)
		}
	}
	if _, err := httpapi.NewAPIKeys([]string{"plain-text-key"}); err == nil {
		t.Error("a key that is not a digest was accepted in the configuration")
	}
}

// jwksServer serves a JWKS whose keys the test can rotate.
type jwksServer struct {
	mu      sync.Mutex
	set     jwk.Set
	fetches int
	server  *httptest.Server
}

func newJWKSServer(t *testing.T) *jwksServer {
	s := &jwksServer{set: jwk.NewSet()}
	s.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.fetches++
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(s.set)
	}))
	t.Cleanup(s.server.Close)
	return s
}

// rotate replaces the published keys with a fresh one and returns its private half.
func (s *jwksServer) rotate(t *testing.T, kid string) jwk.Key {
	raw, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	private, err := jwk.Import(raw)
	if err != nil {
		t.Fatal(err)
	}
	_ = private.Set(jwk.KeyIDKey, kid)
	_ = private.Set(jwk.AlgorithmKey, jwa.ES256())
	public, err := private.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	set := jwk.NewSet()
	_ = set.AddKey(public)
	s.mu.Lock()
	s.set = set
	s.mu.Unlock()
	return private
}

func signToken(t *testing.T, key jwk.Key, issuer, audience string, expires time.Time) string {
	tok, err := jwt.NewBuilder().Issuer(issuer).Audience([]string{audience}).Subject("user-42").IssuedAt(time.Now()).Expiration(expires).Build()
	if err != nil {
		t.Fatal(err)
	}
	signed, err := jwt.Sign(tok, jwt.WithKey(jwa.ES256(), key))
	if err != nil {
		t.Fatal(err)
	}
	return string(signed)
}

func TestJWTsAreVerifiedAgainstARotatingJWKS(t *testing.T) {
	keys := newJWKSServer(t)
	first := keys.rotate(t, "k1")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	auth, err := httpapi.NewJWTs(ctx, keys.server.URL, "https://issuer.example", "intercom-graphql")
	if err != nil {
		t.Fatal(err)
	}
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.Auth = auth }})
	bearer := func(tok string) map[string]string { return map[string]string{"Authorization": "Bearer " + tok} }
	hour := time.Now().Add(time.Hour)

	if resp := postAs(f, bearer(signToken(t, first, "https://issuer.example", "intercom-graphql", hour)), `{ me { name } }`); resp.Status != 200 || len(resp.Errors) > 0 {
		t.Fatalf("a valid token was refused: %d %s", resp.Status, resp.Raw)
	}
	for name, tok := range map[string]string{
		"wrong issuer":   signToken(t, first, "https://evil.example", "intercom-graphql", hour),
		"wrong audience": signToken(t, first, "https://issuer.example", "another-api", hour),
		"expired":        signToken(t, first, "https://issuer.example", "intercom-graphql", time.Now().Add(-time.Hour)),
		"garbage":        "eyJhbGciOi.not.a-token",
	} {
		if resp := postAs(f, bearer(tok), `{ me { name } }`); resp.Status != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", name, resp.Status)
		}
	}
	// The issuer rotates its key: a token signed by the new key is accepted
	// after one refresh of the JWKS, and the old key stops working.
	second := keys.rotate(t, "k2")
	if resp := postAs(f, bearer(signToken(t, second, "https://issuer.example", "intercom-graphql", hour)), `{ me { name } }`); resp.Status != 200 {
		t.Errorf("a token signed by the rotated-in key was refused: %d %s", resp.Status, resp.Raw)
	}
	var forged jwk.Key = keys.rotate(t, "k2") // same kid, different key: a forger guessing kids
	keys.mu.Lock()
	keys.set = mustPublicSet(t, second)
	keys.mu.Unlock()
	if resp := postAs(f, bearer(signToken(t, forged, "https://issuer.example", "intercom-graphql", hour)), `{ me { name } }`); resp.Status != http.StatusUnauthorized {
		t.Errorf("a token signed by an unpublished key was accepted")
	}
}

func mustPublicSet(t *testing.T, private jwk.Key) jwk.Set {
	public, err := private.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	set := jwk.NewSet()
	_ = set.AddKey(public)
	return set
}

// acceptingKeys is API-key authentication that accepts key alone, configured
// as a deployment configures it: by the key's SHA-256 digest.
func acceptingKeys(t *testing.T, key string) *httpapi.APIKeys {
	t.Helper()
	sum := sha256.Sum256([]byte(key))
	keys, err := httpapi.NewAPIKeys([]string{hex.EncodeToString(sum[:])})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}
