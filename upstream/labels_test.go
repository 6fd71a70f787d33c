package upstream_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"intercom-graphql/upstream"
)

// pathPairs pairs each request's path, as it went out, with the label the
// client reported to its observer for that attempt. The calls of
// clientCalls run one after another, so an attempt's report follows its
// request before the next request starts.
type pathPairs struct {
	next http.RoundTripper

	mu    sync.Mutex
	sent  string
	pairs [][2]string // {label, path}
}

func (p *pathPairs) RoundTrip(req *http.Request) (*http.Response, error) {
	p.mu.Lock()
	p.sent = req.URL.EscapedPath()
	p.mu.Unlock()
	return p.next.RoundTrip(req)
}

func (p *pathPairs) ObserveCall(_ context.Context, c upstream.CallRecord) {
	p.mu.Lock()
	p.pairs = append(p.pairs, [2]string{c.Path, p.sent})
	p.sent = ""
	p.mu.Unlock()
}

// resourceWord is what a fixed segment of an Intercom path looks like:
// "contacts", "news_items", "run_assignment_rules". Ids never do.
var resourceWord = regexp.MustCompile(`^[a-z]+(_[a-z]+)*$`)

func isPlaceholder(segment string) bool {
	return strings.HasPrefix(segment, "{") && strings.HasSuffix(segment, "}")
}

// Metrics label each call with its path; a label that carried ids would make
// a time series per object. Every client method is called against the
// simulator, and each attempt's label must be the template of the path the
// request went to: the same fixed segments, a placeholder wherever an id went.
func TestMetricsLabelsAreTemplates(t *testing.T) {
	pairs := &pathPairs{next: http.DefaultTransport}
	c, ws := newContractClient(t, pairs, pairs)
	checkEveryMethodHasACall(t, c)
	ids := &clientIDs{ws: ws}
	for _, cc := range clientCalls {
		t.Run(cc.method, func(t *testing.T) { cc.call(context.Background(), t, c, ids) })
	}
	if len(pairs.pairs) == 0 {
		t.Fatal("the observer heard of no call")
	}

	filled := map[string]bool{} // every id that went into a path
	for _, p := range pairs.pairs {
		label, path := p[0], p[1]
		labelSegs, pathSegs := strings.Split(label, "/"), strings.Split(path, "/")
		if path == "" || len(labelSegs) != len(pathSegs) {
			t.Errorf("label %q is not the template of the request path %q", label, path)
			continue
		}
		for i, seg := range labelSegs {
			switch {
			case isPlaceholder(seg):
				id, err := url.PathUnescape(pathSegs[i])
				if err != nil || id == seg {
					t.Errorf("request path %q left %s of %q unfilled", path, seg, label)
				}
				filled[id] = true
			case seg != pathSegs[i]:
				t.Errorf("label %q is not the template of the request path %q", label, path)
			case i > 0 && !resourceWord.MatchString(seg):
				t.Errorf("label %q has the segment %q, which is no resource name", label, seg)
			}
		}
	}
	for _, p := range pairs.pairs {
		for _, seg := range strings.Split(p[0], "/") {
			if filled[seg] {
				t.Errorf("label %q carries the id %q", p[0], seg)
			}
		}
	}
}
