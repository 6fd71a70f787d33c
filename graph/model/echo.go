package model

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// Echo gives a mutation payload its clientMutationId. Every payload type
// embeds it, so the field is answered in one place for all of them: from the
// input the running mutation was called with, whatever the resolver did with
// it, and whether the input was accepted or refused.
type Echo struct{}

// ClientMutationID is the clientMutationId of the running mutation's input,
// as the client sent it (inline or through a variable); nil when it sent none.
func (Echo) ClientMutationID(ctx context.Context) *string {
	// The payload's fields resolve below the mutation's root field, which
	// holds the input.
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		if fc.Object != "Mutation" {
			continue
		}
		input, _ := fc.Field.ArgumentMap(graphql.GetOperationContext(ctx).Variables)["input"].(map[string]any)
		if id, ok := input["clientMutationId"].(string); ok {
			return &id
		}
		return nil
	}
	return nil
}
