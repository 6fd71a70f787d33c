package facadetest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// Response is a GraphQL response as a client over HTTP sees it: the decoded
// body, its status and the body as sent.
type Response struct {
	Data       map[string]any `json:"data"`
	Errors     []Error        `json:"errors"`
	Extensions map[string]any `json:"extensions"`
	Status     int            `json:"-"`
	Raw        string         `json:"-"`
}

// Error is one entry of a response's errors.
type Error struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code is the error's extensions.code.
func (e Error) Code() string {
	code, _ := e.Extensions["code"].(string)
	return code
}

// Query posts a GraphQL document with variables over HTTP and decodes the answer.
func (f *Facade) Query(query string, variables map[string]any) Response {
	f.T.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	return f.Send("application/json", body)
}

// Send posts a body of the given content type to /graphql over HTTP.
func (f *Facade) Send(contentType string, body []byte) Response {
	f.T.Helper()
	resp, err := http.Post(f.Server.URL+"/graphql", contentType, bytes.NewReader(body))
	if err != nil {
		f.T.Fatal(err)
	}
	return Decode(f.T, resp)
}

// Decode reads an HTTP answer as a GraphQL response; a body that is not
// JSON fails the test.
func Decode(t testing.TB, resp *http.Response) Response {
	t.Helper()
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out Response
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("response is not JSON (status %d): %s", resp.StatusCode, raw)
	}
	out.Status, out.Raw = resp.StatusCode, string(raw)
	return out
}

// MustData fails the test when the response carries errors.
func (r Response) MustData(t testing.TB) map[string]any {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors: %s", r.Raw)
	}
	return r.Data
}

// ErrorAt returns the error whose path starts with the given field names and indexes.
func (r Response) ErrorAt(path ...any) (Error, bool) {
	for _, e := range r.Errors {
		if len(e.Path) < len(path) {
			continue
		}
		match := true
		for i, p := range path {
			if jsonNumberish(e.Path[i]) != jsonNumberish(p) {
				match = false
			}
		}
		if match {
			return e, true
		}
	}
	return Error{}, false
}

func jsonNumberish(v any) any {
	switch n := v.(type) {
	case int:
		return float64(n)
	default:
		return v
	}
}

// Dig walks a decoded JSON value by object keys and list indexes; a step
// that does not exist gives nil.
func Dig(v any, path ...any) any {
	for _, p := range path {
		switch key := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[key]
		case int:
			list, _ := v.([]any)
			if key >= len(list) {
				return nil
			}
			v = list[key]
		}
	}
	return v
}

// Str is v as a string, or "" when it is none.
func Str(v any) string {
	s, _ := v.(string)
	return s
}

// ContainsAll reports whether s contains every part.
func ContainsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// SyncBuffer is a buffer a logger and a test may use at once.
type SyncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *SyncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *SyncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
