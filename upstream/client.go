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
	"reflect"
	"strings"
	"sync"
	"time"

	gojson "github.com/goccy/go-json"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"golang.org/x/sync/singleflight"
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
	// Observer, when set, hears about every attempt and cache hit (metrics).
	Observer Observer
	// Cache, when set, answers reads across requests for CacheTTL.
	Cache    ResponseCache
	CacheTTL CacheTTL
	// SharedBudget, when set, counts the calls of every replica using the
	// token, so they pace themselves as one app.
	SharedBudget SharedBudget
}

// Observer hears about every HTTP attempt the client makes.
type Observer interface {
	ObserveCall(ctx context.Context, call CallRecord)
}

// CallRecord describes one finished HTTP attempt, or a read the cache answered.
type CallRecord struct {
	Operation string // the operationId of the spec, e.g. "listContacts"
	Method    string
	Path      string // the path template, never the filled-in path: ids stay out of metrics labels
	Status    int    // 0 when no HTTP answer arrived
	Attempt   int    // 1 for the first try
	Duration  time.Duration
	Err       error
	CacheHit  bool // answered from the cache (or by a concurrent identical read): no HTTP request was made
	CacheMiss bool // a cacheable read the cache could not answer (set on its first attempt)
}

// Client talks to one Intercom workspace. It is safe for concurrent use.
type Client struct {
	baseURL    *url.URL
	token      string
	version    string
	httpClient *http.Client
	transport  *http.Transport // the pool under httpClient, when the client built it
	attempt    time.Duration
	retry      RetryPolicy
	observer   Observer
	rate       rateState
	cache      cachePolicy
	flight     singleflight.Group
	pacer      *pacer
	workspace  workspaceID

	Admins        *AdminsService
	Teams         *TeamsService
	Contacts      *ContactsService
	Conversations *ConversationsService
	Companies     *CompaniesService
	Tags          *TagsService
	Segments      *SegmentsService

	Notes             *NotesService
	SubscriptionTypes *SubscriptionTypesService
	DataAttributes    *DataAttributesService
	DataEvents        *DataEventsService
	Visitors          *VisitorsService
	ActivityLogs      *ActivityLogsService
	DataExports       *DataExportsService
	Articles          *ArticlesService
	HelpCenter        *HelpCenterService
	News              *NewsService
	Tickets           *TicketsService
	TicketTypes       *TicketTypesService
	Messages          *MessagesService
	PhoneSwitch       *PhoneSwitchService
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
		c.httpClient, c.transport = newPooledHTTPClient()
	} else {
		own := *c.httpClient
		own.CheckRedirect = refuseRedirects
		c.httpClient = &own
	}
	c.cache = newCachePolicy(cfg.Cache, cfg.CacheTTL, cfg.Token)
	c.retry = DefaultRetryPolicy()
	if cfg.Retry != nil {
		c.retry = *cfg.Retry
	}
	c.pacer = &pacer{shared: cfg.SharedBudget, scope: c.cache.workspace, maxWait: c.retry.MaxRateLimitWait}
	s := service{client: c}
	c.Admins = (*AdminsService)(&s)
	c.Teams = (*TeamsService)(&s)
	c.Contacts = (*ContactsService)(&s)
	c.Conversations = (*ConversationsService)(&s)
	c.Companies = (*CompaniesService)(&s)
	c.Tags = (*TagsService)(&s)
	c.Segments = (*SegmentsService)(&s)
	c.Notes = (*NotesService)(&s)
	c.SubscriptionTypes = (*SubscriptionTypesService)(&s)
	c.DataAttributes = (*DataAttributesService)(&s)
	c.DataEvents = (*DataEventsService)(&s)
	c.Visitors = (*VisitorsService)(&s)
	c.ActivityLogs = (*ActivityLogsService)(&s)
	c.DataExports = (*DataExportsService)(&s)
	c.Articles = (*ArticlesService)(&s)
	c.HelpCenter = (*HelpCenterService)(&s)
	c.News = (*NewsService)(&s)
	c.Tickets = (*TicketsService)(&s)
	c.TicketTypes = (*TicketTypesService)(&s)
	c.Messages = (*MessagesService)(&s)
	c.PhoneSwitch = (*PhoneSwitchService)(&s)
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
func newPooledHTTPClient() (*http.Client, *http.Transport) {
	transport := &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:   true,
		MaxIdleConns:        512,
		MaxIdleConnsPerHost: 256, // one host: under load, fewer would close and redial connections

		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   5 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	// Every upstream request gets a client span and carries the trace context
	// (a no-op unless the server configured a tracer provider).
	return &http.Client{Transport: otelhttp.NewTransport(transport,
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string { return "intercom " + r.Method })),
		CheckRedirect: refuseRedirects,
	}, transport
}

// refuseRedirects keeps every redirect from being followed: the request
// carries the workspace's token, which Go would send on to another port of
// the same host, or over plain http after an https redirect, and an answer
// from elsewhere is no answer of Intercom's. The redirect itself becomes
// the call's answer, and an error.
func refuseRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// BaseURL is the host this client talks to (no credentials in it).
func (c *Client) BaseURL() string { return c.baseURL.String() }

// do runs a call and decodes the answer into out. Cacheable reads are
// answered from the cache when they can be, and concurrent identical reads
// share one request; everything else goes to Intercom under the retry policy,
// and is decoded from the attempt's pooled buffer: no copy of its body
// outlives the attempt.
func (c *Client) do(ctx context.Context, cl call, out any) error {
	var err error
	if cl.path, err = cl.fill(); err != nil {
		return err
	}
	var payload []byte
	if cl.body != nil {
		if payload, err = json.Marshal(cl.body); err != nil {
			return fmt.Errorf("upstream: encoding %s request: %w", cl.operation, err)
		}
	}
	var body []byte
	kept := c.cache.ttlFor(cl) > 0 || ctx.Value(cacheOnlyKey{}) != nil
	if kept {
		body, err = c.read(ctx, cl, payload)
	} else {
		_, err = c.send(ctx, cl, payload, out) // decoded within the attempt
	}
	var undecodable *undecodableAnswer
	decodedBadly := errors.As(err, &undecodable)
	// A write orphans what it changed when it succeeded, and when it may
	// have: an answer that never came can hide a change Intercom made.
	if cl.write && (err == nil || decodedBadly || errors.Is(err, errRemovedEarlier) || mayHaveApplied(err)) {
		c.cache.invalidate(ctx, cl)
	}
	if decodedBadly {
		return &TransportError{Operation: cl.operation, Err: fmt.Errorf("malformed JSON in response: %w", undecodable.err)}
	}
	if err != nil || !kept || out == nil {
		return err
	}
	if err := decodeAnswer(body, out); err != nil {
		return &TransportError{Operation: cl.operation, Err: fmt.Errorf("malformed JSON in response: %w", err)}
	}
	return nil
}

// decodeAnswer decodes an Intercom answer into out. goccy/go-json decodes
// what encoding/json decodes, into the same values (struct tags, UnmarshalJSON
// methods, float64 numbers in free-form attributes), in about a third of the
// time and half the allocations on a page of 50 contacts, which made up most
// of the facade's own time on a list. It does not check the whole answer
// before it writes, so an answer cut short leaves out as it found it.
func decodeAnswer(raw []byte, out any) error {
	err := gojson.Unmarshal(raw, out)
	var syntax *gojson.SyntaxError
	if errors.As(err, &syntax) {
		if v := reflect.ValueOf(out); v.Kind() == reflect.Pointer && !v.IsNil() {
			v.Elem().SetZero()
		}
	}
	return err
}

// undecodableAnswer is a well-formed JSON answer that does not fit the type
// it was read into: another attempt would bring the same, so it is not retried.
type undecodableAnswer struct{ err error }

func (e *undecodableAnswer) Error() string { return e.err.Error() }

func (c *Client) read(ctx context.Context, cl call, payload []byte) ([]byte, error) {
	ttl := c.cache.ttlFor(cl)
	cacheOnly := ctx.Value(cacheOnlyKey{}) != nil
	if ttl <= 0 {
		if cacheOnly {
			return nil, ErrNotCached
		}
		return c.send(ctx, cl, payload, nil)
	}
	cl.cacheable = true
	key := c.cache.key(ctx, cl)
	if body, ok := c.cache.cache.Get(ctx, key); ok {
		c.noteCacheHit(ctx, cl)
		return body, nil
	}
	if cacheOnly {
		return nil, ErrNotCached
	}
	leader := false
	v, err, _ := c.flight.Do(key, func() (any, error) {
		leader = true
		body, err := c.send(ctx, cl, payload, nil)
		if err == nil {
			c.cache.cache.Set(ctx, key, body, ttl)
		}
		return body, err
	})
	if err != nil {
		return nil, err
	}
	if !leader {
		c.noteCacheHit(ctx, cl) // a concurrent identical read made the call for us
	}
	return v.([]byte), nil
}

// send makes the HTTP request(s) for a call under the retry policy. With
// into set, the answer is decoded into it and no body is returned; without,
// the body is returned (the cache keeps it).
func (c *Client) send(ctx context.Context, cl call, payload []byte, into any) ([]byte, error) {
	attempt := 0
	var body []byte
	outcomeUnknown := false // an earlier attempt may have been applied
	err := c.retry.run(ctx, cl.idempotent, func() error {
		attempt++
		if err := spendCall(ctx, cl.operation); err != nil {
			return err
		}
		if err := c.pacer.wait(ctx, cl.operation); err != nil {
			refundCall(ctx)
			return err
		}
		var err error
		sent := time.Now()
		body, err = c.attemptOnce(ctx, cl, payload, attempt, into)
		c.pacer.settle(time.Since(sent))
		if cl.doneIfGone && outcomeUnknown && IsNotFound(err) {
			return errRemovedEarlier
		}
		outcomeUnknown = outcomeUnknown || mayHaveApplied(err)
		return err
	})
	return body, err
}

func (c *Client) noteCacheHit(ctx context.Context, cl call) {
	countCacheHit(ctx)
	if c.observer != nil {
		c.observer.ObserveCall(ctx, CallRecord{Operation: cl.operation, Method: cl.method, Path: cl.template, Status: http.StatusOK, CacheHit: true})
	}
}

// bodyBuffers hold answers while they are read and decoded. A buffer that
// grew for an unusually large answer is left to the collector.
var bodyBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

const maxPooledBodyBytes = 1 << 20

func (c *Client) attemptOnce(ctx context.Context, cl call, payload []byte, attempt int, into any) (body []byte, err error) {
	ctx, cancel := context.WithTimeout(ctx, c.attempt)
	defer cancel()
	started := time.Now()
	status := 0
	defer func() {
		if c.observer != nil {
			c.observer.ObserveCall(ctx, CallRecord{
				Operation: cl.operation, Method: cl.method, Path: cl.template,
				Status: status, Attempt: attempt, Duration: time.Since(started), Err: err,
				CacheMiss: cl.cacheable && attempt == 1,
			})
		}
	}()

	req, err := c.newRequest(ctx, cl, payload)
	if err != nil {
		refundCall(ctx)
		return nil, err
	}
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return nil, &TransportError{Operation: cl.operation, Err: scrubURLError(err), Timeout: isTimeout(err)}
	}
	defer resp.Body.Close()
	status = resp.StatusCode
	if rate, ok := rateFrom(resp.Header); ok {
		c.rate.observe(rate)
		c.pacer.observe(rate)
	}
	requestID := resp.Header.Get("X-Request-Id")

	buf := bodyBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= maxPooledBodyBytes {
			bodyBuffers.Put(buf)
		}
	}()
	if _, err := buf.ReadFrom(io.LimitReader(resp.Body, maxResponseBytes+1)); err != nil {
		return nil, &TransportError{Operation: cl.operation, RequestID: requestID, Err: scrubURLError(err), Timeout: isTimeout(err)}
	}
	raw := buf.Bytes()
	if len(raw) > maxResponseBytes {
		return nil, &TransportError{Operation: cl.operation, RequestID: requestID, Err: errors.New("response body exceeds the size limit")}
	}
	if resp.StatusCode >= 300 {
		return nil, newErrorFromResponse(cl.operation, resp, raw)
	}
	// A 200 must carry JSON; a proxy's HTML error page is a failed answer,
	// worth a retry, not a value to cache. A decoded answer is checked by its
	// decoding alone.
	if into != nil && len(bytes.TrimSpace(raw)) > 0 {
		if err := decodeAnswer(raw, into); err != nil {
			var syntax *gojson.SyntaxError
			if errors.As(err, &syntax) {
				return nil, &TransportError{Operation: cl.operation, RequestID: requestID, Err: errors.New("malformed JSON in response")}
			}
			return nil, &undecodableAnswer{err: err}
		}
		return nil, nil
	}
	if len(bytes.TrimSpace(raw)) > 0 && !json.Valid(raw) {
		return nil, &TransportError{Operation: cl.operation, RequestID: requestID, Err: errors.New("malformed JSON in response")}
	}
	if into != nil { // an empty answer where one was expected
		return nil, &undecodableAnswer{err: errors.New("unexpected end of JSON input")}
	}
	return bytes.Clone(raw), nil
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

// CloseIdleConnections closes the kept-alive connections not in use, as a
// server shutting down or a test checking for leaks wants.
func (c *Client) CloseIdleConnections() {
	c.httpClient.CloseIdleConnections()
	if c.transport != nil {
		c.transport.CloseIdleConnections() // the tracing wrapper does not pass the call on
	}
}
