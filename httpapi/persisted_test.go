package httpapi_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/redis/go-redis/v9"

	"intercom-graphql/httpapi"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/loaders/cache/redistest"
)

func hashOf(query string) string {
	sum := sha256.Sum256([]byte(query))
	return hex.EncodeToString(sum[:])
}

func persisted(hash string, query string) []byte {
	body := map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}}
	if query != "" {
		body["query"] = query
	}
	b, _ := json.Marshal(body)
	return b
}

func TestAutomaticPersistedQueriesAreSharedByReplicasThroughRedis(t *testing.T) {
	opts, err := redis.ParseURL(redistest.Start(t))
	if err != nil {
		t.Fatal(err)
	}
	client := redis.NewClient(opts)
	defer client.Close()
	shared := func(c *httpapi.Config) { c.QueryStore = httpapi.NewRedisQueryStore(client, 0) }
	a := facadetest.New(t, facadetest.Options{Configure: shared})
	b := facadetest.New(t, facadetest.Options{Configure: shared})
	const query = `{ me { name } }`
	hash := hashOf(query)

	if resp := b.Send("application/json", persisted(hash, "")); len(resp.Errors) == 0 || resp.Errors[0].Message != "PersistedQueryNotFound" {
		t.Fatalf("an unknown hash should ask for the query: %s", resp.Raw)
	}
	a.Send("application/json", persisted(hash, query)).MustData(t)
	resp := b.Send("application/json", persisted(hash, ""))
	if facadetest.Str(facadetest.Dig(resp.MustData(t), "me", "name")) == "" {
		t.Errorf("the replica that did not see the registration could not run the hash: %s", resp.Raw)
	}
}

func TestAnAllowlistServesOnlyRegisteredOperations(t *testing.T) {
	const registered = `query Inbox { conversations(first: 5) { totalCount } }`
	manifest := map[string]any{"format": "apollo-persisted-query-manifest", "version": 1, "operations": []any{
		map[string]any{"id": hashOf(registered), "name": "Inbox", "type": "query", "body": registered},
	}}
	path := filepath.Join(t.TempDir(), "manifest.json")
	raw, _ := json.Marshal(manifest)
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	allowlist, err := httpapi.LoadAllowlist(path)
	if err != nil {
		t.Fatal(err)
	}
	f := facadetest.New(t, facadetest.Options{Configure: func(c *httpapi.Config) { c.Allowlist = allowlist }})

	if resp := f.Send("application/json", persisted(hashOf(registered), "")); facadetest.Dig(resp.MustData(t), "conversations", "totalCount") == nil {
		t.Errorf("the registered operation by id: %s", resp.Raw)
	}
	f.Query(registered, nil).MustData(t)
	before := f.Sim.Calls()
	resp := f.Query(`{ contacts(first: 100) { nodes { email phone } } }`, nil)
	if len(resp.Errors) != 1 || resp.Errors[0].Code() != "BAD_USER_INPUT" || resp.Errors[0].Extensions["reason"] != "PERSISTED_QUERY_NOT_ALLOWED" {
		t.Errorf("an unregistered query was not refused: %s", resp.Raw)
	}
	if f.Sim.Calls() != before {
		t.Errorf("an unregistered query reached Intercom")
	}

	bad := filepath.Join(t.TempDir(), "bad.json")
	_ = os.WriteFile(bad, []byte(`{"operations":[{"id":"0000","body":"{ me { name } }"}]}`), 0o600)
	if _, err := httpapi.LoadAllowlist(bad); err == nil {
		t.Error("a manifest whose ids do not match their bodies was accepted")
	}
}
