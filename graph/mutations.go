package graph

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"intercom-graphql/graph/generated"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

// How mutations answer: a refusal of the input is data (the payload's
// userErrors, naming the input field at fault), whether the graph found it
// before any upstream call or Intercom answered 400, 404, 409, 422 (or a 429
// that is about the operation's own limit, not the rate budget). Every other
// failure is a top-level error for the presenter. After a write, the rest of
// the operation reads through fresh loaders, so the payload's objects and the
// mutations after it see the change.

// checks gathers what is wrong with an input before any upstream call.
type checks struct{ errs []*model.UserError }

func (c *checks) refuse(code model.UserErrorCode, message string, path ...string) {
	c.errs = append(c.errs, &model.UserError{Field: inputPath(path...), Message: message, Code: code})
}

func (c *checks) failed() bool { return len(c.errs) > 0 }

// id decodes a global ID that must name an object of type typ.
func (c *checks) id(global, typ string, path ...string) string {
	raw, err := relay.ParseGlobalIDOf(global, typ)
	if err != nil {
		c.refuse(model.UserErrorCodeInvalidID, err.Error(), path...)
	}
	return raw
}

// optionalID decodes a global ID that may be left out.
func (c *checks) optionalID(global *string, typ string, path ...string) *string {
	if global == nil {
		return nil
	}
	raw := c.id(*global, typ, path...)
	return &raw
}

// numericID decodes a global ID of an object whose Intercom ids are numbers
// (admins, collections, newsfeeds, help centers).
func (c *checks) numericID(global, typ string, path ...string) int64 {
	raw := c.id(global, typ, path...)
	if raw == "" {
		return 0
	}
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		c.refuse(model.UserErrorCodeInvalidID, "not the ID of a "+typ+" this graph issued", path...)
	}
	return n
}

// optionalNumericID decodes a numeric global ID that may be left out.
func (c *checks) optionalNumericID(global *string, typ string, path ...string) *int64 {
	if global == nil {
		return nil
	}
	n := c.numericID(*global, typ, path...)
	return &n
}

// ids decodes a list of global IDs, naming the item at fault.
func (c *checks) ids(globals []string, typ string, path ...string) []string {
	if len(globals) == 0 {
		c.refuse(model.UserErrorCodeRequired, "give at least one ID", path...)
	}
	out := make([]string, len(globals))
	for i, g := range globals {
		out[i] = c.id(g, typ, append(path, strconv.Itoa(i))...)
	}
	return out
}

// text refuses a required text that is blank.
func (c *checks) text(s string, path ...string) {
	if strings.TrimSpace(s) == "" {
		c.refuse(model.UserErrorCodeRequired, "cannot be blank", path...)
	}
}

// locale refuses a locale the Help Center does not support; it returns the
// locale in the case Intercom writes it (pt-BR, zh-CN).
func (c *checks) locale(locale string, path ...string) string {
	l, err := supportedLocale(locale)
	if err != nil {
		c.refuse(model.UserErrorCodeInvalid, "not a locale the Help Center supports: "+strings.Join(upstream.Locales, ", "), path...)
		return locale
	}
	return l
}

func inputPath(path ...string) []string {
	if len(path) == 0 {
		return nil
	}
	return append([]string{"input"}, path...)
}

// What a 404 of Intercom's says is missing.
const (
	missingContact = "contact"
	missingCompany = "company"
	missingAdmin   = "admin"
	missingVisitor = "visitor"
	missingOther   = "other"

	missingConversation        = "conversation"
	missingPart                = "conversation part"
	missingTag                 = "tag"
	missingTicket              = "ticket"
	missingTicketType          = "ticket type"
	missingTicketTypeAttribute = "ticket type attribute"
	missingAssignee            = "assignee"
)

// refusedFields says where, in a mutation's input, what Intercom's refusals
// name is.
type refusedFields struct {
	// renamed maps Intercom's property names to the input's where they
	// differ beyond snake_case and camelCase ("avatar" is avatarUrl); a
	// dotted name is a path into the input ("reply.admin.body").
	renamed map[string]string
	// missing maps what a 404 says is missing to the input field that named
	// it, dotted for a nested one.
	missing map[string]string
}

// wrote finishes a write. It returns the payload's user errors (empty on
// success) or the error for the presenter.
func wrote(ctx context.Context, err error, fields refusedFields) ([]*model.UserError, error) {
	loaders.Renew(ctx)
	if err == nil {
		return []*model.UserError{}, nil
	}
	var apiErr *upstream.Error
	if !errors.As(err, &apiErr) {
		return nil, err
	}
	code, ok := refusalCode(apiErr)
	if !ok {
		return nil, err
	}
	items := apiErr.Errors
	if len(items) == 0 {
		items = []upstream.ErrorItem{{Message: apiErr.Message()}}
	}
	input := inputFields(ctx)
	out := make([]*model.UserError, len(items))
	for i, item := range items {
		c := code
		if ownCode, ok := itemCode(item); ok && apiErr.Status != http.StatusNotFound {
			c = ownCode
		}
		out[i] = &model.UserError{Field: fields.pathOf(item, apiErr.Status, input), Message: item.Message, Code: c}
	}
	return out, nil
}

// refusalCode says whether Intercom refused the input (and how) rather than failed.
func refusalCode(e *upstream.Error) (model.UserErrorCode, bool) {
	switch {
	case e.Status == http.StatusNotFound:
		return model.UserErrorCodeNotFound, true
	case e.Status == http.StatusConflict:
		return model.UserErrorCodeTaken, true
	case e.Status == http.StatusTooManyRequests && e.BudgetLeft:
		return model.UserErrorCodeLimitReached, true
	case e.Status == http.StatusBadRequest, e.Status == http.StatusUnprocessableEntity:
		return model.UserErrorCodeInvalid, true
	}
	return "", false
}

// itemCode reads the kinds of refusal Intercom's codes tell apart.
func itemCode(item upstream.ErrorItem) (model.UserErrorCode, bool) {
	switch item.Code {
	case "parameter_not_found":
		return model.UserErrorCodeRequired, true
	case "conflict":
		return model.UserErrorCodeTaken, true
	case "contact_company_limit_exceeded":
		return model.UserErrorCodeLimitReached, true
	case "tag_has_dependent_objects":
		return model.UserErrorCodeInUse, true
	}
	return "", false
}

// pathOf finds the input field a refusal is about: the property Intercom
// names, if the input has it (its last segment, else its first: a nested
// property of Intercom's can be a top-level field of the input, and a value
// keyed by name, as ticket attributes are, names the input's entry for it),
// or, for a 404, the field that named the missing object.
func (f refusedFields) pathOf(item upstream.ErrorItem, status int, input map[string]bool) []string {
	if item.Field != "" {
		segments := strings.Split(item.Field, ".")
		for _, s := range []string{segments[len(segments)-1], segments[0]} {
			name := f.renamed[s]
			if name == "" {
				name = lowerCamel(s)
			}
			if head, _, _ := strings.Cut(name, "."); input[head] {
				return inputPath(strings.Split(name, ".")...)
			}
		}
	}
	if status != http.StatusNotFound {
		return nil
	}
	if name := f.missing[missingKind(item)]; name != "" {
		return inputPath(strings.Split(name, ".")...)
	}
	if name := f.missing[missingOther]; name != "" {
		return inputPath(strings.Split(name, ".")...)
	}
	return nil
}

func missingKind(item upstream.ErrorItem) string {
	switch {
	case item.Code == "company_not_found":
		return missingCompany
	case item.Code == "admin_not_found" || strings.Contains(item.Message, "Admin"):
		return missingAdmin
	case strings.Contains(item.Message, "User"):
		return missingContact
	case strings.Contains(item.Message, "Visitor"):
		return missingVisitor
	case item.Code == "conversation_part_or_message_not_found":
		return missingPart
	case item.Code == "tag_not_found":
		return missingTag
	case item.Code == "assignee_not_found":
		return missingAssignee
	case strings.Contains(item.Message, "Ticket Type Attribute"):
		return missingTicketTypeAttribute
	case strings.Contains(item.Message, "Ticket Type"):
		return missingTicketType
	case item.Code == "ticket_not_found" || strings.HasPrefix(strings.ToLower(item.Message), "ticket not found"):
		return missingTicket
	case strings.Contains(item.Message, "Conversation"):
		return missingConversation
	}
	return missingOther
}

func lowerCamel(snake string) string {
	parts := strings.Split(snake, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

var schema = sync.OnceValue(func() *ast.Schema { return generated.NewExecutableSchema(generated.Config{}).Schema() })

// inputFields lists the fields of the running mutation's input type.
func inputFields(ctx context.Context) map[string]bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return nil
	}
	arg := fc.Field.Definition.Arguments.ForName("input")
	if arg == nil {
		return nil
	}
	def := schema().Types[arg.Type.Name()]
	if def == nil {
		return nil
	}
	out := make(map[string]bool, len(def.Fields))
	for _, f := range def.Fields {
		out[f.Name] = true
	}
	return out
}

// refusedPayload answers a write that did not happen: the payload with its
// user errors, or, when the failure was not the input's, no payload and the error.
func refusedPayload[P any](payload *P, err error) (*P, error) {
	if err != nil {
		return nil, err
	}
	return payload, nil
}

func ptrTo[T any](v T) *T { return &v }

// countSet counts the fields of a one-of input that were given.
func countSet(fields ...*string) int {
	n := 0
	for _, f := range fields {
		if f != nil {
			n++
		}
	}
	return n
}
