// Package intercomsim is an Intercom workspace in memory, served over real
// HTTP with the paths, JSON shapes, pagination, errors and rate limits of the
// REST API 2.10. It is the facade's demo upstream, its test double and its
// benchmark target.
package intercomsim

import (
	"context"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// DemoToken is the access token of the workspace New seeds by default.
const DemoToken = "sim-demo-token"

// Sizes says how many objects of each kind a seeded workspace holds.
type Sizes struct {
	Admins        int
	Teams         int
	Tags          int
	Segments      int
	Companies     int
	Contacts      int
	Conversations int
	Collections   int // help center collections and sections
	Articles      int
	NewsItems     int
	Tickets       int
}

// DemoSizes is a small company's workspace: big enough that every list
// paginates, small enough to seed in well under a second.
func DemoSizes() Sizes {
	return Sizes{Admins: 20, Teams: 4, Tags: 30, Segments: 10, Companies: 200, Contacts: 2000, Conversations: 3000,
		Collections: 24, Articles: 120, NewsItems: 40, Tickets: 300}
}

// Options configure a simulator.
type Options struct {
	// Seed makes the demo workspace reproducible: the same seed, the same data.
	Seed int64
	// Sizes of the demo workspace; the zero value means DemoSizes.
	Sizes Sizes
	// Latency is added before every answer, to stand for the network and Intercom's own work.
	Latency time.Duration
	// Budget is the number of calls a workspace may make per rate-limit window
	// (Intercom's default: 10,000 a minute, about 1,666 per 10-second window).
	Budget int
	// Window is the rate-limit window (default 10 seconds).
	Window time.Duration
	// Now is the simulator's clock (default time.Now); tests pin it.
	Now func() time.Time
	// Timezone is the IANA time zone of seeded workspaces (default UTC): search
	// matches dates by calendar day in it.
	Timezone string
	// WebhookURL, when set, receives a signed notification_event for each
	// change to a workspace, as an Intercom app's webhook URL does.
	WebhookURL string
	// ClientSecret is the app's client secret, which signs the notifications.
	ClientSecret string
	// WebhookRetryDelay is the wait before the first redelivery of a
	// notification the receiver failed (default 1s, doubling after).
	WebhookRetryDelay time.Duration
}

// Simulator serves one or more workspaces, each reached by its own token.
type Simulator struct {
	opts   Options
	faults faultSet
	calls  atomic.Int64
	trace  tracer

	mu         sync.RWMutex
	workspaces map[string]*Workspace
	webhooks   *webhookEmitter // nil without a WebhookURL
}

// New builds a simulator holding the demo workspace under DemoToken.
func New(opts Options) *Simulator {
	if opts.Sizes == (Sizes{}) {
		opts.Sizes = DemoSizes()
	}
	if opts.Budget <= 0 {
		opts.Budget = 1666
	}
	if opts.Window <= 0 {
		opts.Window = 10 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Simulator{opts: opts, workspaces: map[string]*Workspace{}}
	if opts.WebhookURL != "" {
		s.webhooks = newWebhookEmitter(opts)
	}
	s.AddWorkspace(DemoToken, opts.Seed, opts.Sizes)
	return s
}

// AddWorkspace seeds another workspace reached with token, replacing any
// workspace that token reached before.
func (s *Simulator) AddWorkspace(token string, seed int64, sizes Sizes) *Workspace {
	ws := seedWorkspace(seed, sizes, s.opts.Now)
	if tz := s.opts.Timezone; tz != "" {
		if _, err := time.LoadLocation(tz); err != nil {
			panic("intercomsim: unknown time zone " + tz)
		}
		ws.app.Timezone = tz
	}
	ws.limiter = newWindowLimiter(s.opts.Budget, s.opts.Window, s.opts.Now)
	ws.webhooks = s.webhooks
	s.mu.Lock()
	s.workspaces[token] = ws
	s.mu.Unlock()
	return ws
}

// Workspace returns the workspace a token reaches, or nil.
func (s *Simulator) Workspace(token string) *Workspace {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.workspaces[token]
}

// Calls counts the HTTP requests the simulator has received, whatever their answer.
func (s *Simulator) Calls() int64 { return s.calls.Load() }

// SetLatency changes the delay added before every answer.
func (s *Simulator) SetLatency(d time.Duration) {
	s.mu.Lock()
	s.opts.Latency = d
	s.mu.Unlock()
}

func (s *Simulator) latency() time.Duration {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.opts.Latency
}

// Handler serves the REST API.
func (s *Simulator) Handler() http.Handler {
	mux := http.NewServeMux()
	s.routes(mux)
	return s.middleware(mux)
}

// ListenAndServe serves the simulator on addr until ctx ends. It reports the
// bound address on ready (useful with port 0) before serving.
func (s *Simulator) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	if ready != nil {
		ready(ln.Addr())
	}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
	}()
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		return err
	}
	return nil
}

type workspaceKey struct{}

func workspaceFrom(r *http.Request) *Workspace {
	return r.Context().Value(workspaceKey{}).(*Workspace)
}

// middleware stands in front of every endpoint the way Intercom's edge does:
// latency, authentication, version check, rate limit, then injected faults.
func (s *Simulator) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.calls.Add(1)
		defer s.trace.record(r.Method, r.URL.Path, time.Now())
		requestID := newRequestID()
		w.Header().Set("X-Request-Id", requestID)
		if d := s.latency(); d > 0 {
			select {
			case <-time.After(d):
			case <-r.Context().Done():
				return
			}
		}
		ws := s.Workspace(bearerToken(r))
		if ws == nil {
			writeError(w, requestID, http.StatusUnauthorized, "unauthorized", "Access Token Invalid", "")
			return
		}
		if v := r.Header.Get("Intercom-Version"); v != "" && !supportedVersion(v) {
			writeError(w, requestID, http.StatusBadRequest, "intercom_version_invalid", "The requested version could not be found", "Intercom-Version")
			return
		}
		remaining, reset, ok := ws.limiter.take()
		h := w.Header()
		h.Set("X-RateLimit-Limit", itoa(ws.limiter.budget))
		h.Set("X-RateLimit-Remaining", itoa(remaining))
		h.Set("X-RateLimit-Reset", itoa64(reset.Unix()))
		if !ok {
			writeError(w, requestID, http.StatusTooManyRequests, "rate_limit_exceeded", "You have exceeded the rate limit. Please try again later.", "")
			return
		}
		// Faults strike after the edge has authenticated and counted the call,
		// so a broken answer still carries the rate-limit headers a real one would.
		if s.faults.serve(w, r, requestID) {
			return
		}
		ctx := context.WithValue(r.Context(), workspaceKey{}, ws)
		ctx = context.WithValue(ctx, requestIDKey{}, requestID)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func bearerToken(r *http.Request) string {
	const prefix = "Bearer "
	h := r.Header.Get("Authorization")
	if len(h) <= len(prefix) || h[:len(prefix)] != prefix {
		return ""
	}
	return h[len(prefix):]
}

// supportedVersion accepts the version the simulator models; Intercom answers
// older versions with their own shapes, which this simulator does not serve.
func supportedVersion(v string) bool { return v == "2.10" }
