package model_test

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"intercom-graphql/graph/generated"
	"intercom-graphql/graph/model"
)

// Echo answers a payload's clientMutationId from the input of the mutation
// it resolves under, written inline or passed as a variable.
func TestEchoReadsTheRunningMutationsInput(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		want        *string
	}{
		{"inline", `mutation { createOrUpdateTag(input: {name: "vip", clientMutationId: "m-1"}) { userErrors { message } } }`, nil, ptr("m-1")},
		{"a variable", `mutation($id: String) { createOrUpdateTag(input: {name: "vip", clientMutationId: $id}) { userErrors { message } } }`, map[string]any{"id": "m-2"}, ptr("m-2")},
		{"the whole input as a variable", `mutation($in: CreateOrUpdateTagInput!) { createOrUpdateTag(input: $in) { userErrors { message } } }`,
			map[string]any{"in": map[string]any{"name": "vip", "clientMutationId": "m-3"}}, ptr("m-3")},
		{"none", `mutation { createOrUpdateTag(input: {name: "vip"}) { userErrors { message } } }`, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, errs := gqlparser.LoadQueryWithRules(schema, tc.query, nil)
			if errs != nil {
				t.Fatal(errs)
			}
			root := doc.Operations[0].SelectionSet[0].(*ast.Field)
			ctx := graphql.WithOperationContext(context.Background(), &graphql.OperationContext{Variables: tc.vars, Doc: doc})
			ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Mutation", Field: graphql.CollectedField{Field: root}})
			ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "CreateOrUpdateTagPayload"})
			got := model.Echo{}.ClientMutationID(ctx)
			if (got == nil) != (tc.want == nil) || (got != nil && *got != *tc.want) {
				t.Errorf("clientMutationId = %v, want %v", deref(got), deref(tc.want))
			}
		})
	}
	if got := (model.Echo{}).ClientMutationID(context.Background()); got != nil {
		t.Errorf("outside a mutation: %q", *got)
	}
}

func ptr(s string) *string { return &s }

func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}
