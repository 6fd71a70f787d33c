package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"intercom-graphql/graph/errcode"
)

// Allowlist serves only registered operations, the usual posture for
// first-party frontends: a stolen session can run the app's queries and
// nothing else. Operations are registered in a manifest in Apollo's
// persisted-query format; clients send the operation's id (its SHA-256) as
// an automatic persisted query, or the full text of a registered operation.
type Allowlist struct {
	byHash map[string]string
}

type manifest struct {
	Format     string `json:"format"`
	Operations []struct {
		ID   string `json:"id"`
		Body string `json:"body"`
		Name string `json:"name"`
	} `json:"operations"`
}

// LoadAllowlist reads a persisted-query manifest. Each operation's id must
// be the SHA-256 of its body, as clients compute it.
func LoadAllowlist(path string) (*Allowlist, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("%s: not a persisted-query manifest: %w", path, err)
	}
	a := &Allowlist{byHash: map[string]string{}}
	for _, op := range m.Operations {
		if digest := sha256Hex(op.Body); op.ID != digest {
			return nil, fmt.Errorf("%s: operation %q has id %s but its body hashes to %s", path, op.Name, op.ID, digest)
		}
		a.byHash[op.ID] = op.Body
	}
	if len(a.byHash) == 0 {
		return nil, fmt.Errorf("%s registers no operations", path)
	}
	return a, nil
}

// Len is the number of registered operations.
func (a *Allowlist) Len() int { return len(a.byHash) }

func (*Allowlist) ExtensionName() string                   { return "Allowlist" }
func (*Allowlist) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters resolves a persisted id to its body and refuses
// anything not registered.
func (a *Allowlist) MutateOperationParameters(_ context.Context, params *graphql.RawParams) *gqlerror.Error {
	hash := persistedHash(params)
	switch {
	case params.Query != "" && a.byHash[sha256Hex(params.Query)] != "":
		return nil
	case params.Query == "" && hash != "" && a.byHash[hash] != "":
		params.Query = a.byHash[hash]
		return nil
	}
	err := gqlerror.Errorf("this server only runs registered operations; this one is not registered")
	err.Extensions = map[string]any{"code": errcode.BadUserInput, "reason": "PERSISTED_QUERY_NOT_ALLOWED"}
	return err
}

func persistedHash(params *graphql.RawParams) string {
	pq, _ := params.Extensions["persistedQuery"].(map[string]any)
	hash, _ := pq["sha256Hash"].(string)
	return hash
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
