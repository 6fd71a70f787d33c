// Package upstream is the Intercom REST API 2.10 client. It knows nothing of
// GraphQL: callers ask typed questions of a service (client.Contacts.List...)
// and get typed answers or typed errors.
package upstream

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultVersion is the Intercom API version the models of this package follow.
const DefaultVersion = "2.10"

// maxResponseBytes bounds what one upstream answer may occupy in memory; no
// legitimate 2.10 response comes near it (a conversation holds at most 500 parts).
const maxResponseBytes = 32 << 20

// regionBaseURLs are Intercom's documented API hosts by data-hosting region.
var regionBaseURLs = map[string]string{
	"us": "https://api.intercom.io",
	"eu": "https://api.eu.intercom.io",
	"au": "https://api.au.intercom.io",
}

// Config says which workspace to talk to and how patiently.
type Config struct {
	// Token is the workspace access token. It is sent as a bearer token and
	// never written into an error or a log line.
	Token string
	// Region selects Intercom's host (us, eu, au) when BaseURL is empty.
	Region string
	// BaseURL overrides the region, e.g. to point at the simulator.
	BaseURL string
	// Version is sent as Intercom-Version on every call (default 2.10).
	Version string
	// AttemptTimeout bounds one HTTP attempt (default 15s); the caller's context bounds them all.
	AttemptTimeout time.Duration
	// Retry governs retries of idempotent calls; the zero value means DefaultRetryPolicy.
	Retry *RetryPolicy
	// HTTPClient replaces the pooled client built from the settings above.
	HTTPClient *http.Client
	// Observer, when set, hears about every attempt (metrics, request accounting).
	Observer Observer
}

// Observer hears about every HTTP attempt the client makes.
type Observer interface {
	ObserveCall(ctx context.Context, call CallRecord)
}

// CallRecord describes one finished HTTP attempt.
type CallRecord struct {
	Operation string // the operationId of the spec, e.g. "listContacts"
	Method    string
	Path      string // the path template, never the filled-in path: ids stay out of metrics labels
	Status    int    // 0 when no HTTP answer arrived
	Attempt   int    // 1 for the first try
	Duration  time.Duration
	Err       error
}

// Client talks to one Intercom workspace. It is safe for concurrent use.
type Client struct {
	baseURL    *url.URL
	token      string
	version    string
	httpClient *http.Client
	attempt    time.Duration
	retry      RetryPolicy
	observer   Observer
	rate       rateState

	Admins        *AdminsService
	Teams         *TeamsService
	Contacts      *ContactsService
	Conversations *ConversationsService
	Articles      *ArticlesService
	HelpCenter    *HelpCenterService
	News          *NewsService
}

type service struct{ client *Client }

// New builds a client. It fails on a configuration that cannot work, so a
// misconfigured server stops at start-up rather than on the first query.
func New(cfg Config) (*Client, error) {
	if strings.TrimSpace(cfg.Token) == "" {
		return nil, errors.New("upstream: an access token is required")
	}
	base, err := resolveBaseURL(cfg.Region, cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	c := &Client{
		baseURL:    base,
		token:      cfg.Token,
		version:    cfg.Version,
		httpClient: cfg.HTTPClient,
		attempt:    cfg.AttemptTimeout,
		observer:   cfg.Observer,
	}
	if c.version == "" {
		c.version = DefaultVersion
	}
	if c.attempt <= 0 {
		c.attempt = 15 * time.Second
	}
	if c.httpClient == nil {
		c.httpClient = newPooledHTTPClient()
	}
	c.retry = DefaultRetryPolicy()
	if cfg.Retry != nil {
		c.retry = *cfg.Retry
	}
	s := service{client: c}
	c.Admins = (*AdminsService)(&s)
	c.Teams = (*TeamsService)(&s)
	c.Contacts = (*ContactsService)(&s)
	c.Conversations = (*ConversationsService)(&s)
	c.Articles = (*ArticlesService)(&s)
	c.HelpCenter = (*HelpCenterService)(&s)
	c.News = (*NewsService)(&s)
	return c, nil
}

func resolveBaseURL(region, explicit string) (*url.URL, error) {
	raw := explicit
	if raw == "" {
		r := strings.ToLower(strings.TrimSpace(region))
		if r == "" {
			r = "us"
		}
		var ok bool
		if raw, ok = regionBaseURLs[r]; !ok {
			return nil, fmt.Errorf("upstream: unknown region %q (want us, eu or au)", region)
		}
	}
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("upstream: base URL %q is not an absolute http(s) URL", raw)
	}
	if u.User != nil {
		return nil, errors.New("upstream: base URL must not carry credentials; use the access token")
	}
	return u, nil
}

// newPooledHTTPClient keeps connections to Intercom alive and reused: a
// dashboard query fans out into many calls to one host.
func newPooledHTTPClient() *http.Client {
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          256,
		MaxIdleConnsPerHost:   128,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   5 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	return &http.Client{Transport: transport}
}

// BaseURL is the host this client talks to (no credentials in it).
func (c *Client) BaseURL() string { return c.baseURL.String() }

// call describes one operation of the spec.
type call struct {
	operation  string     // operationId
	method     string     // HTTP method
	template   string     // path template, for observers
	path       string     // filled-in path, ids already escaped
	query      url.Values // may be nil
	body       any        // JSON-encoded when non-nil
	idempotent bool       // may be retried after a failure
}

// do runs a call with the client's retry policy and decodes the answer into out.
func (c *Client) do(ctx context.Context, cl call, out any) error {
	var payload []byte
	if cl.body != nil {
		var err error
		if payload, err = json.Marshal(cl.body); err != nil {
			return fmt.Errorf("upstream: encoding %s request: %w", cl.operation, err)
		}
	}
	attempt := 0
	return c.retry.run(ctx, cl.idempotent, func() error {
		attempt++
		return c.attemptOnce(ctx, cl, payload, attempt, out)
	})
}

func (c *Client) attemptOnce(ctx context.Context, cl call, payload []byte, attempt int, out any) (err error) {
	ctx, cancel := context.WithTimeout(ctx, c.attempt)
	defer cancel()
	started := time.Now()
	status := 0
	defer func() {
		if c.observer != nil {
			c.observer.ObserveCall(ctx, CallRecord{
				Operation: cl.operation, Method: cl.method, Path: cl.template,
				Status: status, Attempt: attempt, Duration: time.Since(started), Err: err,
			})
		}
	}()

	req, err := c.newRequest(ctx, cl, payload)
	if err != nil {
		return err
	}
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return &TransportError{Operation: cl.operation, Err: scrubURLError(err), Timeout: isTimeout(err)}
	}
	defer resp.Body.Close()
	status = resp.StatusCode
	c.rate.observe(resp.Header)
	requestID := resp.Header.Get("X-Request-Id")

	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil {
		return &TransportError{Operation: cl.operation, RequestID: requestID, Err: scrubURLError(err), Timeout: isTimeout(err)}
	}
	if len(body) > maxResponseBytes {
		return &TransportError{Operation: cl.operation, RequestID: requestID, Err: errors.New("response body exceeds the size limit")}
	}
	if resp.StatusCode >= 300 {
		return newErrorFromResponse(cl.operation, resp, body)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return &TransportError{Operation: cl.operation, RequestID: requestID, Err: fmt.Errorf("malformed JSON in response: %w", err)}
	}
	return nil
}

func (c *Client) newRequest(ctx context.Context, cl call, payload []byte) (*http.Request, error) {
	u := *c.baseURL
	escaped := c.baseURL.EscapedPath() + cl.path
	unescaped, err := url.PathUnescape(escaped)
	if err != nil {
		return nil, fmt.Errorf("upstream: building %s request: %w", cl.operation, err)
	}
	u.Path, u.RawPath = unescaped, escaped
	if len(cl.query) > 0 {
		u.RawQuery = cl.query.Encode()
	}
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, cl.method, u.String(), body)
	if err != nil {
		return nil, fmt.Errorf("upstream: building %s request: %w", cl.operation, err)
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Intercom-Version", c.version)
	req.Header.Set("Accept", "application/json")
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// pathf fills a path template with escaped ids: an id that came from a client
// can never change which endpoint is called.
func pathf(template string, ids ...string) string {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = url.PathEscape(id)
	}
	return fmt.Sprintf(template, args...)
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var netErr net.Error
	return errors.As(err, &netErr) && netErr.Timeout()
}

// scrubURLError drops the URL from a *url.Error: the message keeps the cause
// (refused, reset, timeout) and loses anything a query string might carry.
func scrubURLError(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err
	}
	return err
}
