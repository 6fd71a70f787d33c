package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"intercom-graphql/graph/errcode"
)

// The media types of GraphQL over HTTP. A client that asks for
// application/graphql-response+json learns from the status code alone
// whether its request was refused; application/json keeps the older
// convention of 200 for every well-formed request.
const (
	mediaGraphQLResponse = "application/graphql-response+json"
	mediaJSON            = "application/json"
)

// overHTTP serves queries and mutations over plain GET and POST, following
// the GraphQL-over-HTTP specification: malformed requests get 400 and a
// short message that never echoes the body; request errors (parse,
// validation, variables) get 200 under application/json and 400, without a
// data entry, under application/graphql-response+json; a mutation over GET
// gets 405. Subscriptions need a transport that streams, so they are refused
// here at once rather than held open until the request times out. A query
// with @defer is answered in parts over multipart/mixed (incremental.go),
// and refused to a client that takes only one JSON answer.
type overHTTP struct{}

var _ graphql.Transport = overHTTP{}

func (overHTTP) Supports(r *http.Request) bool {
	return (r.Method == http.MethodGet || r.Method == http.MethodPost) && !isWebSocket(r) && !isEventStream(r)
}

func (overHTTP) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	accept := readAccept(r.Header.Get("Accept"))
	opCtx, ok := startOperation(w, r, exec, accept.jsonMedia())
	if !ok {
		return
	}
	if usesDefer(opCtx) || accept.json == "" {
		if !accept.multipart {
			refuseDeferredAsJSON(w)
			return
		}
		serveIncremental(w, r, exec, opCtx, multipartMixed{})
		return
	}
	responses, ctx := exec.DispatchOperation(r.Context(), opCtx)
	writeResponse(w, accept.json, http.StatusOK, responses(ctx))
}

// startOperation reads a request's parameters and prepares its operation,
// answering itself, in media, whatever keeps the operation from running:
// malformed parameters, request errors, a mutation over GET or with @defer,
// a subscription.
func startOperation(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor, media string) (*graphql.OperationContext, bool) {
	ctx := r.Context()
	start := graphql.Now()
	var params *graphql.RawParams
	var err error
	if r.Method == http.MethodGet {
		params, err = paramsFromURL(r.URL.RawQuery)
	} else {
		params, err = paramsFromBody(r.Body)
	}
	if err != nil {
		status := http.StatusBadRequest
		if tooLarge := new(http.MaxBytesError); errors.As(err, &tooLarge) {
			status, err = http.StatusRequestEntityTooLarge, fmt.Errorf("the request body is larger than %d bytes", tooLarge.Limit)
		}
		writeGraphQLError(w, status, errcode.BadUserInput, err.Error(), nil)
		return nil, false
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	opCtx, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		writeRequestErrors(w, media, exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), clarify(errs, params)))
		return nil, false
	}
	switch op := opCtx.Operation.Operation; {
	case op == ast.Mutation && r.Method == http.MethodGet:
		// A link or an image tag must never change the workspace.
		w.Header().Set("Allow", http.MethodPost)
		writeGraphQLError(w, http.StatusMethodNotAllowed, errcode.BadUserInput, "mutations are only accepted over POST", nil)
		return nil, false
	case op == ast.Subscription:
		writeRequestErrors(w, media, exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), gqlerror.List{
			{Message: "subscriptions need a transport that streams: open a WebSocket (graphql-transport-ws) or POST with Accept: text/event-stream",
				Extensions: map[string]any{"code": errcode.BadUserInput}},
		}))
		return nil, false
	case op == ast.Mutation && usesDefer(opCtx):
		// The executor answers a mutation once: what it deferred would be lost.
		writeRequestErrors(w, media, exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), gqlerror.List{
			{Message: "@defer is served in queries only: a mutation answers once, with everything it selects",
				Extensions: map[string]any{"code": errcode.BadUserInput}},
		}))
		return nil, false
	}
	return opCtx, true
}

// writeRequestErrors answers a request that could not run: no data entry,
// and the status its media type calls for.
func writeRequestErrors(w http.ResponseWriter, media string, resp *graphql.Response) {
	status := http.StatusOK
	if media == mediaGraphQLResponse {
		status = http.StatusBadRequest
	}
	writeResponse(w, media, status, &graphql.Response{Errors: resp.Errors, Extensions: resp.Extensions})
}

func writeResponse(w http.ResponseWriter, media string, status int, resp *graphql.Response) {
	body := struct {
		Errors     gqlerror.List   `json:"errors,omitempty"`
		Data       json.RawMessage `json:"data,omitempty"`
		Extensions map[string]any  `json:"extensions,omitempty"`
	}{resp.Errors, resp.Data, resp.Extensions}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// clarify replaces the executor's message for a document of several
// operations sent without operationName ("operation  not found").
func clarify(errs gqlerror.List, params *graphql.RawParams) gqlerror.List {
	if params.OperationName != "" || len(errs) != 1 || errs[0].Message != "operation  not found" {
		return errs
	}
	errs[0].Message = "the document holds several operations: name the one to run with operationName"
	return errs
}

// negotiateMedia picks the media type of a single answer from Accept: the
// JSON type the client prefers, application/json when it accepts anything,
// says nothing or takes only multipart/mixed. ok is false when it accepts
// none of the types we speak.
func negotiateMedia(accept string) (media string, ok bool) {
	a := readAccept(accept)
	return a.jsonMedia(), a.json != "" || a.multipart
}

// accepted is what a request's Accept header takes of what we speak.
type accepted struct {
	json      string // the JSON media type it prefers; "" when it takes neither
	multipart bool   // multipart/mixed, in the deferSpec=20220824 format or unspecified
}

func (a accepted) jsonMedia() string {
	if a.json == "" {
		return mediaJSON
	}
	return a.json
}

func readAccept(accept string) accepted {
	if strings.TrimSpace(accept) == "" {
		return accepted{json: mediaJSON}
	}
	var a accepted
	bestQ := 0.0
	for _, part := range strings.Split(accept, ",") {
		name, q := mediaRange(part)
		var offer string
		switch name {
		case mediaGraphQLResponse:
			offer = mediaGraphQLResponse
		case mediaJSON, "application/*", "*/*":
			offer = mediaJSON
		case mediaMultipart:
			spec := mediaParam(part, "deferSpec")
			a.multipart = a.multipart || (q > 0 && (spec == "" || spec == deferSpec))
			continue
		default:
			continue
		}
		if q > bestQ {
			a.json, bestQ = offer, q
		}
	}
	return a
}

// mediaParam is a parameter of one entry of an Accept header ("" when absent).
func mediaParam(part, name string) string {
	for _, p := range strings.Split(part, ";")[1:] {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return ""
}

// mediaRange reads one entry of an Accept header: its media range and quality.
func mediaRange(part string) (string, float64) {
	fields := strings.Split(part, ";")
	q := 1.0
	for _, p := range fields[1:] {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(k, "q") {
			if _, err := fmt.Sscanf(v, "%g", &q); err != nil {
				q = 0
			}
		}
	}
	return strings.ToLower(strings.TrimSpace(fields[0])), q
}

// requestFields are the members of a GraphQL-over-HTTP request. Each is
// checked for its type, so a client learns which one is wrong.
type requestFields struct {
	Query         json.RawMessage `json:"query"`
	OperationName json.RawMessage `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
	Extensions    json.RawMessage `json:"extensions"`
}

func paramsFromBody(body io.Reader) (*graphql.RawParams, error) {
	raw, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, errors.New("the request body is empty: send a JSON object with a query")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	var fields requestFields
	if err := dec.Decode(&fields); err != nil {
		return nil, describeJSONError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("the request body holds more than one JSON value; send one object")
	}
	p := &graphql.RawParams{}
	if err := decodeMember("query", fields.Query, &p.Query); err != nil {
		return nil, err
	}
	if err := decodeMember("operationName", fields.OperationName, &p.OperationName); err != nil {
		return nil, err
	}
	if err := decodeMember("variables", fields.Variables, &p.Variables); err != nil {
		return nil, err
	}
	if err := decodeMember("extensions", fields.Extensions, &p.Extensions); err != nil {
		return nil, err
	}
	return p, requireQuery(p)
}

func paramsFromURL(rawQuery string) (*graphql.RawParams, error) {
	values, err := url.ParseQuery(rawQuery)
	if err != nil {
		return nil, errors.New("the URL's query string is malformed (a bad %-escape or separator)")
	}
	p := &graphql.RawParams{Query: values.Get("query"), OperationName: values.Get("operationName")}
	for name, into := range map[string]any{"variables": &p.Variables, "extensions": &p.Extensions} {
		if v := values.Get(name); v != "" {
			if err := decodeMember(name, json.RawMessage(v), into); err != nil {
				return nil, err
			}
		}
	}
	return p, requireQuery(p)
}

// requireQuery refuses a request without a document, unless it names a
// persisted query by its hash instead.
func requireQuery(p *graphql.RawParams) error {
	if p.Query == "" && p.Extensions["persistedQuery"] == nil {
		return errors.New("the request has no query: send the GraphQL document as query")
	}
	return nil
}

// decodeMember reads one member into its Go type; null and absence leave it empty.
func decodeMember(name string, raw json.RawMessage, into any) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // variables keep their exact numbers until the schema coerces them
	if err := dec.Decode(into); err != nil {
		switch into.(type) {
		case *string:
			return fmt.Errorf("%s must be a string", name)
		default:
			return fmt.Errorf("%s must be a JSON object", name)
		}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s must be one JSON object", name)
	}
	return nil
}

// describeJSONError says what is wrong with a body in one sentence, naming
// where, never repeating the body or Go's type names.
func describeJSONError(err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Errorf("the request body is not valid JSON (at byte %d)", syntax.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the request body is not valid JSON: it ends too early")
	case errors.As(err, &typ) && typ.Field == "":
		if typ.Value == "array" {
			return errors.New("the request body is an array: batched operations are not accepted, send one object")
		}
		return fmt.Errorf("the request body must be a JSON object, not %s", typ.Value)
	default:
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return err
		}
		return errors.New("the request body is not valid JSON")
	}
}
