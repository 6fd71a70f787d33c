package intercomsim

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// FaultKind is how an injected fault breaks an answer.
type FaultKind int

const (
	// FaultStatus answers with Status and Intercom's error body for it.
	FaultStatus FaultKind = iota
	// FaultReset closes the connection without answering.
	FaultReset
	// FaultTruncated sends a 200 whose JSON body stops halfway.
	FaultTruncated
	// FaultMalformed sends a 200 whose body is not JSON at all.
	FaultMalformed
	// FaultSlowBody sends the headers, then dribbles the body over Delay.
	FaultSlowBody
	// FaultDelay holds the answer back for Delay, then answers normally.
	FaultDelay
	// FaultPageSize answers a page-number list with PerPage items a page,
	// whatever per_page asked: the 2.10 spec declares no per_page on the
	// Articles, collections and News lists, so Intercom may keep its own size.
	FaultPageSize
)

// Fault breaks the answers to matching requests.
type Fault struct {
	Kind FaultKind
	// Method matches the HTTP method; empty matches any.
	Method string
	// Path matches the request path exactly, or as a prefix when it ends in "*"; empty matches any.
	Path string
	// Status and Code for FaultStatus (Code defaults from the status).
	Status int
	Code   string
	// Delay for FaultSlowBody and FaultDelay.
	Delay time.Duration
	// PerPage for FaultPageSize.
	PerPage int
	// Times limits how many requests the fault breaks; 0 means until removed.
	Times int
}

func (f *Fault) matches(r *http.Request) bool {
	if f.Method != "" && !strings.EqualFold(f.Method, r.Method) {
		return false
	}
	switch {
	case f.Path == "":
		return true
	case strings.HasSuffix(f.Path, "*"):
		return strings.HasPrefix(r.URL.Path, strings.TrimSuffix(f.Path, "*"))
	default:
		return r.URL.Path == f.Path
	}
}

type faultSet struct {
	mu     sync.Mutex
	active []*activeFault
}

type activeFault struct {
	Fault
	left int // remaining uses when Times > 0
}

// InjectFault breaks matching answers until the returned function is called
// (or Times answers have been broken).
func (s *Simulator) InjectFault(f Fault) (remove func()) {
	af := &activeFault{Fault: f, left: f.Times}
	s.faults.mu.Lock()
	s.faults.active = append(s.faults.active, af)
	s.faults.mu.Unlock()
	return func() { s.faults.remove(af) }
}

// ClearFaults removes every injected fault.
func (s *Simulator) ClearFaults() {
	s.faults.mu.Lock()
	s.faults.active = nil
	s.faults.mu.Unlock()
}

func (fs *faultSet) remove(af *activeFault) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i, a := range fs.active {
		if a == af {
			fs.active = append(fs.active[:i], fs.active[i+1:]...)
			return
		}
	}
}

func (fs *faultSet) pick(r *http.Request) *Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i, af := range fs.active {
		if !af.matches(r) {
			continue
		}
		f := af.Fault
		if af.Times > 0 {
			af.left--
			if af.left <= 0 {
				fs.active = append(fs.active[:i], fs.active[i+1:]...)
			}
		}
		return &f
	}
	return nil
}

// serve answers r with a fault if one matches; it reports whether it did.
func (fs *faultSet) serve(w http.ResponseWriter, r *http.Request, requestID string) bool {
	f := fs.pick(r)
	if f == nil {
		return false
	}
	switch f.Kind {
	case FaultStatus:
		code := f.Code
		if code == "" {
			code = defaultCodeFor(f.Status)
		}
		if f.Status == http.StatusTooManyRequests {
			w.Header().Set("X-RateLimit-Remaining", "0")
		}
		writeError(w, requestID, f.Status, code, "Injected fault", "")
	case FaultReset:
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return true
			}
		}
		panic(http.ErrAbortHandler)
	case FaultTruncated:
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "4096")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"type":"list","data":[{"type":"contact","id":"`))
		panic(http.ErrAbortHandler)
	case FaultMalformed:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte("<html><body>502 Bad Gateway</body></html>"))
	case FaultSlowBody:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		flusher, _ := w.(http.Flusher)
		body := `{"type":"list","data":[],"total_count":0}`
		step := f.Delay / time.Duration(len(body))
		for i := range len(body) {
			select {
			case <-time.After(step):
			case <-r.Context().Done():
				return true
			}
			_, _ = w.Write([]byte{body[i]})
			if flusher != nil {
				flusher.Flush()
			}
		}
	case FaultPageSize:
		q := r.URL.Query()
		q.Set("per_page", strconv.Itoa(f.PerPage))
		r.URL.RawQuery = q.Encode()
		return false
	case FaultDelay:
		select {
		case <-time.After(f.Delay):
		case <-r.Context().Done():
			return true
		}
		return false
	}
	return true
}

func defaultCodeFor(status int) string {
	switch status {
	case http.StatusBadRequest:
		return "parameter_invalid"
	case http.StatusUnauthorized:
		return "unauthorized"
	case http.StatusForbidden:
		return "api_plan_restricted"
	case http.StatusNotFound:
		return "not_found"
	case http.StatusConflict:
		return "conflict"
	case http.StatusUnprocessableEntity:
		return "parameter_invalid"
	case http.StatusTooManyRequests:
		return "rate_limit_exceeded"
	case http.StatusServiceUnavailable:
		return "service_unavailable"
	default:
		return "server_error"
	}
}
