package schemaview

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"intercom-graphql/graph/errcode"
)

// checkedEntities is the subgraph view's executable schema: before an
// operation runs, it reads the representations of its _entities fields and
// refuses the request with BAD_USER_INPUT when one is malformed (not an
// object, a __typename that is no entity, no complete @key), naming the
// representation at fault. gqlgen would otherwise report such a
// representation as an uncoded error, or fail every entity of its type with it.
type checkedEntities struct {
	graphql.ExecutableSchema
}

func (s checkedEntities) Exec(ctx context.Context) graphql.ResponseHandler {
	opCtx := graphql.GetOperationContext(ctx)
	if err := hiddenService(opCtx); err != nil {
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{err}})
	}
	if errs := s.malformedRepresentations(opCtx); len(errs) > 0 {
		return graphql.OneShot(&graphql.Response{Errors: errs})
	}
	return s.ExecutableSchema.Exec(ctx)
}

// hiddenService refuses _service where introspection is off, as GET
// /graphql/schema.graphql is refused: the SDL is the schema, which such a
// server does not show. (gqlgen's own refusal carries no code.)
func hiddenService(opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx == nil || opCtx.Operation == nil || !opCtx.DisableIntrospection {
		return nil
	}
	for _, field := range graphql.CollectFields(opCtx, opCtx.Operation.SelectionSet, []string{"Query"}) {
		if field.Name == "_service" {
			err := gqlerror.ErrorPosf(field.Position, "the subgraph's schema is not served: introspection is turned off on this server (INTROSPECTION=false); compose with the SDL of a server that has it on")
			err.Path = ast.Path{ast.PathName(field.Alias)}
			err.Extensions = map[string]any{"code": errcode.NotFound}
			return err
		}
	}
	return nil
}

// maxReported bounds the errors one refused request lists.
const maxReported = 10

func (s checkedEntities) malformedRepresentations(opCtx *graphql.OperationContext) gqlerror.List {
	if opCtx == nil || opCtx.Operation == nil || opCtx.Operation.Operation != ast.Query {
		return nil
	}
	schema := s.Schema()
	var errs gqlerror.List
	for _, field := range graphql.CollectFields(opCtx, opCtx.Operation.SelectionSet, []string{"Query"}) {
		if field.Name != "_entities" {
			continue
		}
		reps, _ := field.ArgumentMap(opCtx.Variables)["representations"].([]any)
		for i, rep := range reps {
			if problem := malformed(schema, rep); problem != "" && len(errs) < maxReported {
				err := gqlerror.ErrorPosf(field.Position, "representations[%d]: %s", i, problem)
				err.Path = ast.Path{ast.PathName(field.Alias)}
				err.Extensions = map[string]any{"code": errcode.BadUserInput, "field": fmt.Sprintf("representations[%d]", i)}
				errs = append(errs, err)
			}
		}
	}
	return errs
}

// malformed says what is wrong with one representation, or "" when nothing is.
func malformed(schema *ast.Schema, rep any) string {
	object, ok := rep.(map[string]any)
	if !ok {
		return "a representation is an object with __typename and the fields of one of its type's keys"
	}
	typename, _ := object["__typename"].(string)
	entity := schema.Types[typename]
	if entity == nil || !slices.ContainsFunc(schema.PossibleTypes["_Entity"], func(d *ast.Definition) bool { return d.Name == typename }) {
		return fmt.Sprintf("__typename %q is not an entity of this graph", typename)
	}
	var keys []string
	for _, key := range entity.Directives.ForNames("key") {
		fields := strings.Fields(key.Arguments.ForName("fields").Value.Raw)
		complete := true
		for _, f := range fields {
			if v, ok := object[f].(string); !ok || v == "" {
				complete = false
			}
		}
		if complete {
			return ""
		}
		keys = append(keys, strings.Join(fields, " and "))
	}
	return fmt.Sprintf("a %s representation needs a non-empty %s", typename, strings.Join(keys, ", or "))
}
