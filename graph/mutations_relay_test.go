package graph_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"intercom-graphql/httpapi/facadetest"
)

// The conventions Relay's mutation directives rely on, as a client meets
// them: every mutation `doSomething(input: DoSomethingInput!): DoSomethingPayload`,
// clientMutationId on every input and payload and echoed by it, create
// mutations answering an edge whose cursor their connection takes, and
// deletes answering the deleted object's global ID.

// introspectMutations reads what Relay needs of the mutations and their types.
const introspectMutations = `{ __schema {
  mutationType { fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } type { kind name ofType { kind name } } } }
  types { name kind
    fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
    inputFields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
  }
  directives { name }
} }`

// typeRef is a type as introspection describes it.
type typeRef struct {
	Kind   string   `json:"kind"`
	Name   *string  `json:"name"`
	OfType *typeRef `json:"ofType"`
}

// named is the name of the type under any list and non-null wrappers.
func (t *typeRef) named() string {
	for t.OfType != nil {
		t = t.OfType
	}
	if t.Name == nil {
		return ""
	}
	return *t.Name
}

func (t *typeRef) String() string {
	switch {
	case t == nil:
		return "?"
	case t.Kind == "NON_NULL":
		return t.OfType.String() + "!"
	case t.Kind == "LIST":
		return "[" + t.OfType.String() + "]"
	}
	return t.named()
}

type introspectedField struct {
	Name string   `json:"name"`
	Type *typeRef `json:"type"`
	Args []struct {
		Name string   `json:"name"`
		Type *typeRef `json:"type"`
	} `json:"args"`
}

type introspectedType struct {
	Name        string              `json:"name"`
	Kind        string              `json:"kind"`
	Fields      []introspectedField `json:"fields"`
	InputFields []introspectedField `json:"inputFields"`
}

func fieldNamed(fields []introspectedField, name string) (introspectedField, bool) {
	i := slices.IndexFunc(fields, func(f introspectedField) bool { return f.Name == name })
	if i < 0 {
		return introspectedField{}, false
	}
	return fields[i], true
}

type mutationSchema struct {
	Schema struct {
		MutationType struct {
			Fields []introspectedField `json:"fields"`
		} `json:"mutationType"`
		Types      []introspectedType `json:"types"`
		Directives []struct {
			Name string `json:"name"`
		} `json:"directives"`
	} `json:"__schema"`
}

// createsWithoutEdge are the create mutations whose object lives in no
// connection of the graph, so their payload has no edge.
var createsWithoutEdge = map[string]string{
	"createMessage":     "a Message is no Node and is listed nowhere",
	"createDataEvent":   "Intercom answers no event, and a person's events come by createdAt, which the client sets",
	"createDataExport":  "export jobs are fetched one at a time by their identifier",
	"createPhoneSwitch": "an SMS is listed nowhere",
}

func TestMutationsFollowRelayConventions(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	var resp mutationSchema
	f.MustPost(introspectMutations, &resp)
	types := map[string]introspectedType{}
	for _, ty := range resp.Schema.Types {
		types[ty.Name] = ty
	}
	mutations := resp.Schema.MutationType.Fields
	if len(mutations) < 60 {
		t.Fatalf("introspection lists %d mutations", len(mutations))
	}
	var withEdge []string
	for _, m := range mutations {
		prefix := strings.ToUpper(m.Name[:1]) + m.Name[1:]
		if len(m.Args) != 1 || m.Args[0].Name != "input" || m.Args[0].Type.String() != prefix+"Input!" {
			t.Errorf("%s takes %v, want one argument input: %sInput!", m.Name, m.Args, prefix)
		}
		if m.Type.Kind != "OBJECT" || m.Type.named() != prefix+"Payload" {
			t.Errorf("%s answers %s, want a nullable %sPayload", m.Name, m.Type, prefix)
		}
		input, payload := types[prefix+"Input"], types[prefix+"Payload"]
		if f, ok := fieldNamed(input.InputFields, "clientMutationId"); !ok || f.Type.String() != "String" {
			t.Errorf("%s's input has no clientMutationId: String", m.Name)
		}
		if f, ok := fieldNamed(payload.Fields, "clientMutationId"); !ok || f.Type.String() != "String" {
			t.Errorf("%s's payload has no clientMutationId: String", m.Name)
		}
		if f, ok := fieldNamed(payload.Fields, "userErrors"); !ok || f.Type.String() != "[UserError!]!" {
			t.Errorf("%s's payload has no userErrors", m.Name)
		}
		if object, ok := strings.CutPrefix(m.Name, "delete"); ok {
			if f, ok := fieldNamed(payload.Fields, "deleted"+object+"Id"); !ok || f.Type.String() != "ID" {
				t.Errorf("%s's payload has no deleted%sId: ID", m.Name, object)
			}
		}
		edges := 0
		for _, pf := range payload.Fields {
			nodeField, ok := strings.CutSuffix(pf.Name, "Edge")
			if !ok {
				continue
			}
			edges++
			node, hasNode := fieldNamed(payload.Fields, nodeField)
			edge := types[pf.Type.named()]
			cursor, _ := fieldNamed(edge.Fields, "cursor")
			edgeNode, _ := fieldNamed(edge.Fields, "node")
			if pf.Type.Kind != "OBJECT" || !hasNode || edgeNode.Type.named() != node.Type.named() || cursor.Type.String() != "String!" {
				t.Errorf("%s.%s: %s is not the edge of %s.%s", payload.Name, pf.Name, pf.Type, payload.Name, nodeField)
			}
		}
		if edges > 0 {
			withEdge = append(withEdge, m.Name)
		}
		if _, exempt := createsWithoutEdge[m.Name]; strings.HasPrefix(m.Name, "create") && edges == 0 && !exempt {
			t.Errorf("%s creates an object but its payload answers no edge of it", m.Name)
		}
	}
	slices.Sort(withEdge)
	want := []string{"convertConversationToTicket", "createArticle", "createCollection", "createContact", "createConversation", "createDataAttribute",
		"createNewsItem", "createNote", "createOrUpdateCompany", "createOrUpdateTag", "createTicket", "createTicketType", "createTicketTypeAttribute",
		"replyConversation", "replyTicket"}
	if !slices.Equal(withEdge, want) {
		t.Errorf("the mutations answering an edge are %v, want %v", withEdge, want)
	}
}

// gqlgen's own directives configure code generation; clients have no use
// for them, and the schema they introspect does not show them.
func TestIntrospectionShowsNoGoDirective(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	var resp mutationSchema
	f.MustPost(`{ __schema { directives { name } } }`, &resp)
	var names []string
	for _, d := range resp.Schema.Directives {
		names = append(names, d.Name)
		if strings.HasPrefix(d.Name, "go") {
			t.Errorf("introspection shows the directive @%s", d.Name)
		}
	}
	if !slices.Contains(names, "include") || !slices.Contains(names, "oneOf") {
		t.Errorf("introspection lists the directives %v, which lack the built-in ones", names)
	}
}

// echo is a payload's clientMutationId and user errors.
type echo struct {
	ClientMutationID *string `json:"clientMutationId"`
	UserErrors       []struct {
		Code string `json:"code"`
	} `json:"userErrors"`
}

func TestClientMutationIDIsEchoed(t *testing.T) {
	f, ws := newWriteFacade(t)
	admin := facadetest.GlobalID("Admin", ws.AdminIDs()[1])
	unknownConversation := facadetest.GlobalID("Conversation", "999999999")
	for _, c := range []struct {
		name     string
		document string
		vars     map[string]any
		want     *string
		refusal  string // the code of the one user error, when the input is refused
		calls    int64
	}{
		{name: "a write that succeeds", document: `mutation($input: SetAdminAwayInput!) { m: setAdminAway(input: $input) { clientMutationId userErrors { code } } }`,
			vars: map[string]any{"input": map[string]any{"adminId": admin, "awayModeEnabled": true, "clientMutationId": "away-1"}}, want: ptr("away-1"), calls: 1},
		{name: "an input the graph refuses", document: `mutation($input: DeleteTagInput!) { m: deleteTag(input: $input) { clientMutationId userErrors { code } } }`,
			vars: map[string]any{"input": map[string]any{"id": "not-an-id", "clientMutationId": "tag-2"}}, want: ptr("tag-2"), refusal: "INVALID_ID"},
		{name: "an input Intercom refuses", document: `mutation($input: UpdateConversationInput!) { m: updateConversation(input: $input) { clientMutationId userErrors { code } } }`,
			vars: map[string]any{"input": map[string]any{"id": unknownConversation, "read": true, "clientMutationId": "read-3"}}, want: ptr("read-3"), refusal: "NOT_FOUND", calls: 1},
		{name: "written in the document", document: `mutation { m: createOrUpdateTag(input: {name: "echoed", clientMutationId: "tag-4"}) { clientMutationId userErrors { code } } }`,
			want: ptr("tag-4"), calls: 1},
		{name: "a variable inside the input", document: `mutation($id: String) { m: createOrUpdateTag(input: {name: "echoed", clientMutationId: $id}) { clientMutationId userErrors { code } } }`,
			vars: map[string]any{"id": "tag-5"}, want: ptr("tag-5"), calls: 1},
		{name: "left out", document: `mutation { m: createOrUpdateTag(input: {name: "echoed"}) { clientMutationId userErrors { code } } }`, calls: 1},
		{name: "an empty one", document: `mutation { m: createOrUpdateTag(input: {name: "echoed", clientMutationId: ""}) { clientMutationId userErrors { code } } }`,
			want: ptr(""), calls: 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			var options []client.Option
			for k, v := range c.vars {
				options = append(options, client.Var(k, v))
			}
			var resp struct {
				M echo `json:"m"`
			}
			before := f.Sim.Calls()
			f.MustPost(c.document, &resp, options...)
			if deref(resp.M.ClientMutationID) != deref(c.want) {
				t.Errorf("clientMutationId = %v, want %v", deref(resp.M.ClientMutationID), deref(c.want))
			}
			switch {
			case c.refusal == "" && len(resp.M.UserErrors) != 0:
				t.Errorf("the write was refused: %v", resp.M.UserErrors)
			case c.refusal != "" && (len(resp.M.UserErrors) != 1 || resp.M.UserErrors[0].Code != c.refusal):
				t.Errorf("userErrors = %v, want one %s", resp.M.UserErrors, c.refusal)
			}
			if calls := f.Sim.Calls() - before; calls != c.calls {
				t.Errorf("the mutation cost %d upstream calls, want %d", calls, c.calls)
			}
		})
	}

	t.Run("each mutation of a request its own", func(t *testing.T) {
		var resp struct {
			A echo `json:"a"`
			B echo `json:"b"`
		}
		f.MustPost(`mutation($first: CreateOrUpdateTagInput!, $second: DeleteTagInput!) {
		  a: createOrUpdateTag(input: $first) { clientMutationId userErrors { code } }
		  b: deleteTag(input: $second) { clientMutationId userErrors { code } }
		}`, &resp, client.Var("first", map[string]any{"name": "first", "clientMutationId": "one"}),
			client.Var("second", map[string]any{"id": "not-an-id", "clientMutationId": "two"}))
		if deref(resp.A.ClientMutationID) != "one" || deref(resp.B.ClientMutationID) != "two" {
			t.Errorf("clientMutationIds = %q and %q, want one and two", deref(resp.A.ClientMutationID), deref(resp.B.ClientMutationID))
		}
	})
}

func ptr[T any](v T) *T { return &v }

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
