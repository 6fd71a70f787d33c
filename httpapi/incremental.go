package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/generated"
)

// Incremental delivery: a query with @defer is answered in parts, the first
// as soon as everything outside its deferred fragments is resolved, then one
// per deferred fragment, in the format Apollo Client and Relay read
// (deferSpec=20220824): {data, errors, hasNext} first, then
// {incremental: [{data, errors, path, label}], hasNext}, every part with the
// upstream calls spent so far in extensions.upstream.
const (
	mediaMultipart = "multipart/mixed"
	deferSpec      = "20220824"
	// multipartBoundary is the boundary Apollo Server and gqlgen use: "-",
	// so that each delimiter reads "---" and the closing one "-----".
	multipartBoundary = "-"
)

// incrementalFormat writes the parts of an incremental answer in one wire format.
type incrementalFormat interface {
	// begin sets the answer's headers and writes what precedes the first part.
	begin(w http.ResponseWriter)
	// part writes one payload; last is true for the final one.
	part(w io.Writer, payload []byte, last bool) error
}

// multipartMixed is the multipart/mixed form of the incremental delivery
// RFC of GraphQL over HTTP. Each part is followed at once by the delimiter
// that ends it, as Apollo Server writes them: a reader knows a part is
// complete as soon as it arrives, not only when the next one does.
type multipartMixed struct{}

func (multipartMixed) begin(w http.ResponseWriter) {
	w.Header().Set("Content-Type", mediaMultipart+`; boundary="`+multipartBoundary+`"; deferSpec=`+deferSpec)
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	_, _ = io.WriteString(w, "\r\n--"+multipartBoundary)
}

func (multipartMixed) part(w io.Writer, payload []byte, last bool) error {
	end := "\r\n--" + multipartBoundary
	if last {
		end += "--\r\n"
	}
	_, err := io.WriteString(w, "\r\nContent-Type: application/json; charset=utf-8\r\n\r\n"+string(payload)+end)
	return err
}

// eventStream is the Server-Sent Events form, as the facade's subscriptions
// are served (graphql-sse's distinct connections mode): a next event per
// part, then complete.
type eventStream struct{}

func (eventStream) begin(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	_, _ = io.WriteString(w, ":\n\n")
}

func (eventStream) part(w io.Writer, payload []byte, last bool) error {
	text := "event: next\ndata: " + string(payload) + "\n\n"
	if last {
		text += "event: complete\n\n"
	}
	_, err := io.WriteString(w, text)
	return err
}

// serveIncremental runs a prepared operation and writes its answer in parts.
//
// The operation runs under a context the client cannot cancel, and only its
// resolvers stop when the client leaves or the request times out: gqlgen
// hands each deferred fragment's result over on a channel, and a fragment
// that finds the operation's context done gives its result up, which would
// leave the writer waiting for it for ever. Resolvers stopped by the
// request's end fail as usual (their error on their own path, in their own
// part), every fragment completes, and the writer drains them: after a
// disconnection it reads the remaining parts without writing them, so the
// operation ends soon after the client did and leaves nothing behind.
func serveIncremental(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor, opCtx *graphql.OperationContext, format incrementalFormat) {
	early := &placeholders{opCtx: opCtx, schema: servedSchema()}
	opCtx.ResolverMiddleware = resolversEndWith(r.Context(), opCtx.ResolverMiddleware, early)
	responses, ctx := exec.DispatchOperation(context.WithoutCancel(r.Context()), opCtx)
	writer := http.NewResponseController(w)
	format.begin(w)
	connected := writer.Flush() == nil
	for first := true; ; first = false {
		resp := responses(ctx)
		last := resp == nil || resp.HasNext == nil || !*resp.HasNext
		if first && !last {
			resp.Data = early.clear(resp.Data)
		}
		if connected {
			payload, err := json.Marshal(incrementalPayload(resp, first, last))
			if err == nil {
				err = format.part(w, payload, last)
			}
			connected = err == nil && writer.Flush() == nil
		}
		if last {
			return
		}
	}
}

// incrementalPayload shapes one response of the executor as a part: the
// first carries data, the following ones an incremental entry for the
// fragment they complete, with its path, label and errors.
func incrementalPayload(resp *graphql.Response, first, last bool) any {
	hasNext := !last
	if resp == nil {
		return struct {
			HasNext bool `json:"hasNext"`
		}{hasNext}
	}
	if first {
		return struct {
			Errors     gqlerror.List   `json:"errors,omitempty"`
			Data       json.RawMessage `json:"data,omitempty"`
			HasNext    bool            `json:"hasNext"`
			Extensions map[string]any  `json:"extensions,omitempty"`
		}{resp.Errors, resp.Data, hasNext, resp.Extensions}
	}
	type completed struct {
		Data   json.RawMessage `json:"data"`
		Errors gqlerror.List   `json:"errors,omitempty"`
		Path   ast.Path        `json:"path"`
		Label  string          `json:"label,omitempty"`
	}
	return struct {
		Incremental []completed    `json:"incremental"`
		HasNext     bool           `json:"hasNext"`
		Extensions  map[string]any `json:"extensions,omitempty"`
	}{[]completed{{resp.Data, resp.Errors, resp.Path, resp.Label}}, hasNext, resp.Extensions}
}

// resolversEndWith lets each resolver of the operation run only as long as
// the request lasts, while the objects they return are completed, and their
// deferred fragments handed over, under the operation's own context.
func resolversEndWith(request context.Context, inner graphql.FieldMiddleware, early *placeholders) graphql.FieldMiddleware {
	return func(ctx context.Context, next graphql.Resolver) (any, error) {
		return inner(ctx, func(ctx context.Context) (any, error) {
			fc := graphql.GetFieldContext(ctx)
			early.recordResolvedAtOnce(fc)
			if fc == nil || !fc.IsResolver {
				return next(ctx)
			}
			rc := &resolving{Context: ctx, request: request}
			defer rc.resolved.Store(true)
			return next(rc)
		})
	}
}

// resolving is a resolver's context: its values are the field's, and until
// the resolver returns, its end is the request's. gqlgen completes the
// resolver's result under the same context, and from then on it ends with
// the operation only: its Done is the operation's, which never closes. What
// the resolver started and left running (a context derived from this one
// while it ran) still ends with the request, through AfterFunc, and Err
// reports the request's end to it.
type resolving struct {
	context.Context
	request  context.Context
	resolved atomic.Bool
}

func (c *resolving) lifetime() context.Context {
	if c.resolved.Load() {
		return c.Context
	}
	return c.request
}

func (c *resolving) Deadline() (time.Time, bool) { return c.lifetime().Deadline() }
func (c *resolving) Done() <-chan struct{}       { return c.lifetime().Done() }

// AfterFunc is how a context derived from this one learns of its end: the
// request's, whenever it comes.
func (c *resolving) AfterFunc(f func()) (stop func() bool) { return context.AfterFunc(c.request, f) }

func (c *resolving) Err() error {
	if err := c.request.Err(); err != nil {
		return err
	}
	return c.Context.Err()
}

// usesDefer reports whether the operation defers a fragment (a @defer whose
// if is not false).
func usesDefer(opCtx *graphql.OperationContext) bool {
	if opCtx.Operation == nil {
		return false
	}
	visited := map[string]bool{}
	var walk func(ast.SelectionSet) bool
	deferred := func(dirs ast.DirectiveList) bool {
		d := dirs.ForName("defer")
		return d != nil && d.ArgumentMap(opCtx.Variables)["if"] != false
	}
	walk = func(set ast.SelectionSet) bool {
		for _, sel := range set {
			switch sel := sel.(type) {
			case *ast.Field:
				if walk(sel.SelectionSet) {
					return true
				}
			case *ast.InlineFragment:
				if deferred(sel.Directives) || walk(sel.SelectionSet) {
					return true
				}
			case *ast.FragmentSpread:
				if deferred(sel.Directives) {
					return true
				}
				if visited[sel.Name] {
					continue
				}
				visited[sel.Name] = true
				if f := opCtx.Doc.Fragments.ForName(sel.Name); f != nil && walk(f.SelectionSet) {
					return true
				}
			}
		}
		return false
	}
	return walk(opCtx.Operation.SelectionSet)
}

// refuseDeferredAsJSON answers a query with @defer from a client that takes
// only a single JSON answer: in one answer, what it deferred would be missing.
func refuseDeferredAsJSON(w http.ResponseWriter) {
	writeGraphQLError(w, http.StatusNotAcceptable, errcode.BadUserInput,
		"this query uses @defer, whose answer comes in parts: send Accept: multipart/mixed;deferSpec=20220824 (as Apollo Client and Relay do), or text/event-stream",
		map[string]any{"reason": "INCREMENTAL_DELIVERY_NOT_ACCEPTED"})
}

// gqlgen writes null where a deferred field will come later (placeholders
// that Apollo Client's cache would take for the answer: a contact with no
// companies). The incremental delivery format leaves such fields out of the
// earlier part, so the first part is cleared of them. A field is deferred
// when every selection of it at its place is inside a @defer fragment and
// gqlgen resolves it concurrently, as it does resolvers; a field without a
// resolver is resolved, and sent, at once, and is recorded as it is.
type placeholders struct {
	opCtx  *graphql.OperationContext
	schema *ast.Schema
	atOnce sync.Map // objectField -> true: deferred in the document, resolved at once

	implements map[string][]string // satisfies, by concrete type (clear runs on one goroutine)
}

type objectField struct{ object, field string }

// servedSchema is the schema the executor serves.
var servedSchema = sync.OnceValue(func() *ast.Schema {
	return generated.NewExecutableSchema(generated.Config{}).Schema()
})

// recordResolvedAtOnce notes a field of a deferred fragment that has no
// resolver: gqlgen resolves it with the first part, not in a later one.
func (p *placeholders) recordResolvedAtOnce(fc *graphql.FieldContext) {
	if fc != nil && !fc.IsResolver && fc.Field.IsDeferred() {
		p.atOnce.Store(objectField{fc.Object, fc.Field.Name}, true)
	}
}

// clear returns the first part's data without the placeholders.
func (p *placeholders) clear(data json.RawMessage) json.RawMessage {
	if len(data) == 0 || p.opCtx.Operation == nil {
		return data
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tree, err := decodeOrdered(dec)
	if err != nil {
		return data
	}
	root := p.schema.Query
	if root == nil {
		return data
	}
	p.walk(tree, p.opCtx.Operation.SelectionSet, root.Name)
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(tree); err != nil {
		return data
	}
	return bytes.TrimRight(out.Bytes(), "\n")
}

// walk clears the placeholders of value, the answer to sel on a value of
// the named type, and of what it holds.
func (p *placeholders) walk(value any, sel ast.SelectionSet, typeName string) {
	switch v := value.(type) {
	case []any:
		for _, item := range v {
			p.walk(item, sel, typeName)
		}
	case *jsonObject:
		concrete := typeName
		if t := p.schema.Types[typeName]; t != nil && t.IsAbstractType() {
			concrete, _ = v.get("__typename").(string)
		}
		kept := (*v)[:0]
		fields := graphql.CollectFields(p.opCtx, sel, p.satisfies(concrete))
		for _, m := range *v {
			f := collected(fields, m.key)
			if f != nil && m.value == nil && f.IsDeferred() && !p.resolvedAtOnce(concrete, f.Name) {
				continue
			}
			if f != nil && f.Definition != nil && len(f.Selections) > 0 {
				p.walk(m.value, f.Selections, f.Definition.Type.Name())
			}
			kept = append(kept, m)
		}
		*v = kept
	}
}

// resolvedAtOnce reports a field recorded as resolved at once on objects of
// the type; of any type when the object's type is unknown.
func (p *placeholders) resolvedAtOnce(object, field string) bool {
	if object != "" {
		_, ok := p.atOnce.Load(objectField{object, field})
		return ok
	}
	found := false
	p.atOnce.Range(func(k, _ any) bool {
		found = k.(objectField).field == field
		return !found
	})
	return found
}

// satisfies are the type names a fragment may name to apply to an object of
// the concrete type: itself, its interfaces and its unions. An object whose
// type is unknown (an abstract field answered without __typename) takes
// every fragment.
func (p *placeholders) satisfies(concrete string) []string {
	t := p.schema.Types[concrete]
	if concrete == "" || t == nil {
		return nil
	}
	if names, ok := p.implements[concrete]; ok {
		return names
	}
	names := append([]string{concrete}, t.Interfaces...)
	for _, u := range p.schema.Types {
		if u.Kind == ast.Union && slices.Contains(u.Types, concrete) {
			names = append(names, u.Name)
		}
	}
	if p.implements == nil {
		p.implements = map[string][]string{}
	}
	p.implements[concrete] = names
	return names
}

func collected(fields []graphql.CollectedField, alias string) *graphql.CollectedField {
	for i := range fields {
		if fields[i].Alias == alias {
			return &fields[i]
		}
	}
	return nil
}

// jsonObject is a JSON object that keeps its members' order, as a GraphQL
// answer's fields follow the selection's.
type jsonObject []jsonMember

type jsonMember struct {
	key   string
	value any
}

func (o *jsonObject) get(key string) any {
	for _, m := range *o {
		if m.key == key {
			return m.value
		}
	}
	return nil
}

func (o *jsonObject) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range *o {
		if i > 0 {
			buf.WriteByte(',')
		}
		key, _ := json.Marshal(m.key)
		buf.Write(key)
		buf.WriteByte(':')
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(m.value); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1) // the encoder's newline
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

func decodeOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		obj := &jsonObject{}
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return nil, err
			}
			value, err := decodeOrdered(dec)
			if err != nil {
				return nil, err
			}
			*obj = append(*obj, jsonMember{key.(string), value})
		}
		_, err = dec.Token()
		return obj, err
	case json.Delim('['):
		list := []any{}
		for dec.More() {
			value, err := decodeOrdered(dec)
			if err != nil {
				return nil, err
			}
			list = append(list, value)
		}
		_, err = dec.Token()
		return list, err
	}
	return tok, nil
}
