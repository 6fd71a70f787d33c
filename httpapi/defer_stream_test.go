package httpapi_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"intercom-graphql/httpapi/facadetest"
)

// An incremental answer as a client reads it: part by part, as the
// incremental delivery RFC of GraphQL over HTTP lays them out.

// payload is one part of an incremental answer (deferSpec=20220824).
type payload struct {
	Data        map[string]any      `json:"data"`
	Errors      []facadetest.Error  `json:"errors"`
	HasNext     *bool               `json:"hasNext"`
	Incremental []incrementalResult `json:"incremental"`
	Extensions  map[string]any      `json:"extensions"`
	Raw         string              `json:"-"`
}

type incrementalResult struct {
	Data   map[string]any     `json:"data"`
	Errors []facadetest.Error `json:"errors"`
	Path   []any              `json:"path"`
	Label  string             `json:"label"`
}

// calls is extensions.upstream.calls of the part.
func (p payload) calls() int64 {
	return int64(facadetest.Dig(p.Extensions, "upstream", "calls").(float64))
}

// postDeferred posts a document with the given Accept header; the answer's
// body stays open for reading part by part, and closes with the test or
// when the caller cancels.
func postDeferred(t *testing.T, f *facadetest.Facade, accept, query string, variables map[string]any) (*http.Response, context.CancelFunc) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	return postBody(t, f, accept, body)
}

// postBody posts a request body as it is.
func postBody(t *testing.T, f *facadetest.Facade, accept string, body []byte) (*http.Response, context.CancelFunc) {
	t.Helper()
	ctx, leave := context.WithCancel(t.Context())
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, f.Server.URL+"/graphql", bytes.NewReader(body))
	req.Header = http.Header{"Content-Type": {"application/json"}, "Accept": {accept}}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp, leave
}

// multipartParts reads a multipart/mixed answer: its Content-Type names the
// boundary and the deferSpec; each part is application/json; the parts come
// on the channel as they arrive, and a read error (a missing closing
// delimiter among them) as a part whose Raw starts with "read error".
func multipartParts(t *testing.T, resp *http.Response) <-chan payload {
	t.Helper()
	media, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if err != nil || media != "multipart/mixed" {
		t.Fatalf("want a multipart/mixed answer, got %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if params["boundary"] != "-" || params["deferspec"] != "20220824" {
		t.Fatalf("want boundary - and deferSpec 20220824, got %v", params)
	}
	parts := make(chan payload, 64)
	reader := multipart.NewReader(resp.Body, params["boundary"])
	go func() {
		defer close(parts)
		for {
			part, err := reader.NextPart()
			if errors.Is(err, io.EOF) {
				return // the closing delimiter
			}
			if err != nil {
				parts <- payload{Raw: "read error: " + err.Error()}
				return
			}
			raw, err := io.ReadAll(part)
			if err != nil {
				parts <- payload{Raw: "read error: " + err.Error()}
				return
			}
			var p payload
			if ct := part.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				p.Raw = "read error: a part of type " + ct
			} else if err := json.Unmarshal(raw, &p); err != nil {
				p.Raw = "read error: a part that is not JSON: " + string(raw)
			} else {
				p.Raw = string(raw)
			}
			parts <- p
		}
	}()
	return parts
}

// ssePayloads reads the same answer from an event stream: one next event a
// part, then complete.
func ssePayloads(t *testing.T, c *facadetest.SSEClient) []payload {
	t.Helper()
	var out []payload
	for {
		ev := c.Next()
		if ev.Event == "complete" {
			return out
		}
		if ev.Event != "next" {
			t.Fatalf("want next or complete events, got %q %s", ev.Event, ev.Data)
		}
		var p payload
		if err := json.Unmarshal([]byte(ev.Data), &p); err != nil {
			t.Fatalf("an event whose data is not JSON: %s", ev.Data)
		}
		p.Raw = ev.Data
		out = append(out, p)
	}
}

// firstPayload reads the first payload of a multipart answer or of an event
// stream, and leaves the rest unread.
func firstPayload(t *testing.T, resp *http.Response) payload {
	t.Helper()
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		return nextPart(t, multipartParts(t, resp))
	}
	lines := bufio.NewScanner(resp.Body)
	for lines.Scan() {
		if data, ok := strings.CutPrefix(lines.Text(), "data: "); ok {
			var p payload
			if err := json.Unmarshal([]byte(data), &p); err != nil {
				t.Fatalf("an event whose data is not JSON: %s", data)
			}
			p.Raw = data
			return p
		}
	}
	t.Fatalf("the event stream ended before its first event: %v", lines.Err())
	return payload{}
}

// nextPart waits for the next part, failing the test when none comes or the
// stream is malformed.
func nextPart(t *testing.T, parts <-chan payload) payload {
	t.Helper()
	select {
	case p, ok := <-parts:
		if !ok {
			t.Fatal("the answer ended before its last part (hasNext: false)")
		}
		if strings.HasPrefix(p.Raw, "read error") {
			t.Fatal(p.Raw)
		}
		return p
	case <-time.After(facadetest.LiveTimeout):
		t.Fatal("no part arrived in time")
	}
	return payload{}
}

// allParts reads an answer to its end: parts up to the one saying hasNext:
// false, then the closing delimiter and nothing more.
func allParts(t *testing.T, parts <-chan payload) []payload {
	t.Helper()
	var out []payload
	for {
		p := nextPart(t, parts)
		out = append(out, p)
		if p.HasNext == nil {
			t.Fatalf("part %d says nothing of hasNext: %s", len(out), p.Raw)
		}
		if !*p.HasNext {
			break
		}
	}
	if extra, ok := <-parts; ok {
		t.Fatalf("a part after hasNext: false, or no closing delimiter: %s", extra.Raw)
	}
	return out
}

// merged is the answer a client assembles: the first part's data, with each
// incremental result's data merged into the object at its path. It fails
// the test on a path that leads nowhere.
func merged(t *testing.T, parts []payload) map[string]any {
	t.Helper()
	if len(parts) == 0 || parts[0].Data == nil || parts[0].Incremental != nil {
		t.Fatalf("the first part must carry data and no incremental results: %+v", parts)
	}
	data := parts[0].Data
	for _, p := range parts[1:] {
		if p.Data != nil || len(p.Incremental) == 0 {
			t.Fatalf("a later part must carry incremental results only: %s", p.Raw)
		}
		for _, inc := range p.Incremental {
			path := make([]any, len(inc.Path))
			for i, step := range inc.Path {
				if n, isIndex := step.(float64); isIndex {
					step = int(n)
				}
				path[i] = step
			}
			target, ok := facadetest.Dig(data, path...).(map[string]any)
			if !ok {
				t.Fatalf("incremental path %v leads to no object of the data so far", inc.Path)
			}
			for k, v := range inc.Data {
				target[k] = v
			}
		}
	}
	return data
}

// listAt is the JSON list at path, or nil.
func listAt(v any, path ...any) []any {
	l, _ := facadetest.Dig(v, path...).([]any)
	return l
}
