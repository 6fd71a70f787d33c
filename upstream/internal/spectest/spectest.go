// Package spectest checks HTTP exchanges with Intercom against Intercom's own
// OpenAPI description of REST API 2.10. Contract tests of the client and of
// the simulator share it, so both are held to the same reading of the spec.
//
// The spec is read where the project keeps it, beside the repository
// (../shared/intercom/api-2.10.yaml from the directory holding go.mod), or
// from the path in INTERCOM_OPENAPI_SPEC. It is never copied into the project.
package spectest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// EnvVar overrides where the spec is read from.
const EnvVar = "INTERCOM_OPENAPI_SPEC"

// besideProject is where the spec lives relative to the project root.
var besideProject = filepath.Join("..", "shared", "intercom", "api-2.10.yaml")

// Spec is the loaded OpenAPI document and a router over its operations.
type Spec struct {
	Doc  *openapi3.T
	Path string
	// Problems is what the document's own validation said about it; Intercom's
	// published file has known flaws that do not stop request and response checks.
	Problems error

	router routers.Router
	server *url.URL // requests are matched as if sent to the spec's first server
}

var loaded struct {
	mu    sync.Mutex
	specs map[string]*Spec
}

// Load returns the spec, loading it once per test binary. It skips the test,
// saying where it looked, when the file is not there.
func Load(t testing.TB) *Spec {
	t.Helper()
	path, missing := Locate()
	if path == "" {
		t.Skipf("Intercom OpenAPI spec not found: %s; set %s to its path to run the contract tests", missing, EnvVar)
	}
	loaded.mu.Lock()
	defer loaded.mu.Unlock()
	if s, ok := loaded.specs[path]; ok {
		return s
	}
	s, err := load(path)
	if err != nil {
		t.Fatalf("loading Intercom OpenAPI spec %s: %v", path, err)
	}
	if loaded.specs == nil {
		loaded.specs = map[string]*Spec{}
	}
	loaded.specs[path] = s
	return s
}

// Locate finds the spec file: the path in EnvVar when set, else the file
// beside the project root (the nearest directory above the working directory
// that holds go.mod). When there is none, it says where it looked instead.
func Locate() (path, missing string) {
	if p := os.Getenv(EnvVar); p != "" {
		if isFile(p) {
			return p, ""
		}
		return "", "no file at " + p + " (from " + EnvVar + ")"
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", "the working directory is unknown (" + err.Error() + ")"
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if isFile(filepath.Join(dir, "go.mod")) {
			p := filepath.Clean(filepath.Join(dir, besideProject))
			if isFile(p) {
				return p, ""
			}
			return "", "no file at " + p + " (" + besideProject + " from the project root " + dir + ")"
		}
		if filepath.Dir(dir) == dir {
			return "", "no go.mod in " + wd + " or above it, so no project root to find " + besideProject + " from"
		}
	}
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

func load(path string) (*Spec, error) {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, err
	}
	if err := applyErrata(doc); err != nil {
		return nil, err
	}
	if len(doc.Servers) == 0 {
		return nil, errors.New("the spec names no server")
	}
	server, err := url.Parse(doc.Servers[0].URL)
	if err != nil {
		return nil, fmt.Errorf("server URL: %w", err)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("routing the spec's paths: %w", err)
	}
	return &Spec{Doc: doc, Path: path, Problems: doc.Validate(context.Background()), router: router, server: server}, nil
}

// schemaOptions turn on the string formats the spec uses on response fields
// and that kin-openapi leaves unchecked unless asked.
func schemaOptions() []openapi3.SchemaValidationOption {
	return []openapi3.SchemaValidationOption{
		openapi3.MultiErrors(),
		// Report where and why, not the whole schema and value: a failing
		// conversation would otherwise print pages of JSON.
		openapi3.DisableSchemaErrorDetails(),
		openapi3.WithStringFormatValidator("uuid", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForUUIDOfRFC4122)),
		openapi3.WithStringFormatValidator("email", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail)),
	}
}

func filterOptions() *openapi3filter.Options {
	return &openapi3filter.Options{
		MultiError:                        true,
		AuthenticationFunc:                bearerAuth,
		RejectWhenRequestBodyNotSpecified: true,
		SkipSettingDefaults:               true,
		SchemaValidationOptions:           schemaOptions(),
	}
}

// bearerAuth checks the one security scheme the spec declares.
func bearerAuth(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	scheme := in.SecurityScheme
	if scheme == nil || scheme.Type != "http" || !strings.EqualFold(scheme.Scheme, "bearer") {
		return fmt.Errorf("security scheme %q is not HTTP bearer", in.SecuritySchemeName)
	}
	const prefix = "Bearer "
	h := in.RequestValidationInput.Request.Header.Get("Authorization")
	if !strings.HasPrefix(h, prefix) || strings.TrimSpace(h[len(prefix):]) == "" {
		return errors.New("no bearer token in the Authorization header")
	}
	return nil
}

// ErrNoRoute means the spec has no operation for a request's method and path.
var ErrNoRoute = errors.New("no operation in the spec")

// Exchange is a request matched to its operation in the spec.
type Exchange struct {
	Input *openapi3filter.RequestValidationInput
}

// OperationID is the spec's operationId of the matched operation.
func (e *Exchange) OperationID() string { return e.Input.Route.Operation.OperationID }

// CheckRequest finds the operation r addresses and validates r against it
// (path, query and header parameters, security, body), leaving out the
// parameters the spec gets wrong (parameterFlaws). r stays usable: its
// body is read and put back. The exchange is nil when no operation matches
// (ErrNoRoute) or the body cannot be read; otherwise a validation failure
// comes with it, so the response can still be checked.
func (s *Spec) CheckRequest(r *http.Request) (*Exchange, error) {
	var body []byte
	if r.Body != nil && r.Body != http.NoBody {
		var err error
		if body, err = io.ReadAll(r.Body); err != nil {
			return nil, fmt.Errorf("reading request body: %w", err)
		}
		_ = r.Body.Close()
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	}
	// Match on a copy addressed to the spec's server: the request may be
	// bound for a test server, and the router matches scheme and host too.
	u := *r.URL
	u.Scheme, u.Host = s.server.Scheme, s.server.Host
	probe := r.Clone(r.Context())
	probe.URL, probe.Host, probe.RequestURI = &u, s.server.Host, ""
	if body != nil {
		probe.Body = io.NopCloser(bytes.NewReader(body))
		probe.GetBody = r.GetBody
	}
	route, params, err := s.router.FindRoute(probe)
	if err != nil {
		return nil, fmt.Errorf("%w for %s %s: %v", ErrNoRoute, r.Method, r.URL.Path, err)
	}
	in := &openapi3filter.RequestValidationInput{Request: probe, PathParams: params, Route: route, Options: filterOptions()}
	flaw, bodyFlawed := bodyFlaws[route.Operation.OperationID]
	if bodyFlawed {
		in.Options.ExcludeRequestBody = true
	}
	err = withoutFlaws(route.Operation.OperationID, openapi3filter.ValidateRequest(r.Context(), in))
	if bodyFlawed {
		err = errors.Join(err, s.checkFlawedBody(flaw, body))
	}
	return &Exchange{Input: in}, err
}

// checkFlawedBody checks a body the spec describes wrongly against the
// schema its flaw picks.
func (s *Spec) checkFlawedBody(flaw bodyFlaw, body []byte) error {
	var decoded map[string]any
	if err := json.Unmarshal(body, &decoded); err != nil {
		return fmt.Errorf("request body is not a JSON object: %w", err)
	}
	name := flaw.schemaFor(decoded)
	if err := s.CheckSchema(name, body); err != nil {
		return fmt.Errorf("request body is not a %s: %w", name, err)
	}
	return nil
}

// CheckResponse validates an answer to the exchange's request. A status the
// operation documents is checked against its documentation (content type,
// headers, body). Intercom answers any call with 400, 401, 404, 429 or 5xx
// whether or not the operation lists it, so an undocumented error status is
// accepted; an undocumented success is not. Every error body, documented or
// not, must be the spec's `error` object.
func (s *Spec) CheckResponse(ctx context.Context, x *Exchange, status int, header http.Header, body []byte) error {
	return s.checkResponse(ctx, x, status, header, body, false)
}

func (s *Spec) checkResponse(ctx context.Context, x *Exchange, status int, header http.Header, body []byte, excludeBody bool) error {
	var errs []error
	responses := x.Input.Route.Operation.Responses
	doc := responses.Status(status)
	if doc == nil {
		doc = responses.Default()
	}
	switch {
	case doc != nil:
		opts := filterOptions()
		opts.ExcludeResponseBody = excludeBody
		in := &openapi3filter.ResponseValidationInput{RequestValidationInput: x.Input, Status: status, Header: header, Options: opts}
		in.SetBodyBytes(body)
		if err := openapi3filter.ValidateResponse(ctx, in); err != nil {
			errs = append(errs, err)
		}
	case status < 400:
		errs = append(errs, fmt.Errorf("status %d is not documented for %s", status, x.OperationID()))
	}
	if status >= 400 && !documentsErrorBody(doc) {
		if err := checkJSONContentType(header); err != nil {
			errs = append(errs, err)
		}
		if err := s.CheckSchema("error", body); err != nil {
			errs = append(errs, fmt.Errorf("error body: %w", err))
		}
	}
	return errors.Join(errs...)
}

// CheckResponseWithoutBody checks an answer as CheckResponse does, except
// its body, for callers that check the body against another schema because
// the operation documents the wrong one.
func (s *Spec) CheckResponseWithoutBody(ctx context.Context, x *Exchange, status int, header http.Header, body []byte) error {
	return s.checkResponse(ctx, x, status, header, body, true)
}

// documentsErrorBody says whether a documented response already is the
// error object, which ValidateResponse then checked.
func documentsErrorBody(doc *openapi3.ResponseRef) bool {
	if doc == nil || doc.Value == nil {
		return false
	}
	mt := doc.Value.Content.Get("application/json")
	return mt != nil && mt.Schema != nil && mt.Schema.Ref == "#/components/schemas/error"
}

func checkJSONContentType(h http.Header) error {
	mt, _, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return fmt.Errorf("Content-Type %q is not application/json", h.Get("Content-Type"))
	}
	return nil
}

// CheckSchema validates a JSON document against a schema of components.schemas.
func (s *Spec) CheckSchema(name string, body []byte) error {
	schema, err := s.Schema(name)
	if err != nil {
		return err
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return schema.VisitJSON(v, schemaOptions()...)
}

// Schema is a schema of components.schemas by name.
func (s *Spec) Schema(name string) (*openapi3.Schema, error) {
	ref := s.Doc.Components.Schemas[name]
	if ref == nil || ref.Value == nil {
		return nil, fmt.Errorf("the spec defines no schema %q", name)
	}
	return ref.Value, nil
}

// Operation is an operation of the spec with where it lives.
type Operation struct {
	Method string // upper case
	Path   string // the spec's path template
	*openapi3.Operation
}

// Operation finds an operation by its operationId.
func (s *Spec) Operation(id string) (Operation, bool) {
	for path, item := range s.Doc.Paths.Map() {
		for method, op := range item.Operations() {
			if op.OperationID == id {
				return Operation{Method: strings.ToUpper(method), Path: path, Operation: op}, true
			}
		}
	}
	return Operation{}, false
}

// ResponseSchema is the JSON schema an operation documents for a status.
func (op Operation) ResponseSchema(status int) (*openapi3.Schema, error) {
	ref := op.Responses.Status(status)
	if ref == nil || ref.Value == nil {
		return nil, fmt.Errorf("%s documents no %d response", op.OperationID, status)
	}
	mt := ref.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return nil, fmt.Errorf("%s documents no JSON body for %d", op.OperationID, status)
	}
	return mt.Schema.Value, nil
}
