package graph_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// A create mutation's edge is what a Relay client inserts into a connection
// with @appendEdge or @prependEdge: its node must be the created object, and
// its cursor the one that connection gives the object, which `after` then
// takes to page on from it.

// edgeCase is a create mutation, the connection its edge belongs in, and
// where the new object stands there.
type edgeCase struct {
	mutation string
	input    map[string]any
	node     string // the payload's field of the created object; its edge is node+"Edge"
	key      string // the field that tells the object apart from the others of its connection
	// conn reads the connection, at path in its answer, with $after and vars;
	// its edges select `cursor node { key: <key> }`.
	conn string
	vars map[string]any
	path []any
	// head: the connection shows the newest first, so the object is its first.
	head bool
}

// created runs the mutation and answers the created object's key and its
// edge's cursor, after checking that the edge's node is that object.
func (c edgeCase) created(t *testing.T, f *facadetest.Facade) (key, cursor string) {
	t.Helper()
	doc := fmt.Sprintf(`mutation($input: %sInput!) { %s(input: $input) { %s { key: %s } %sEdge { cursor node { key: %s } } userErrors { field message code } } }`,
		strings.ToUpper(c.mutation[:1])+c.mutation[1:], c.mutation, c.node, c.key, c.node, c.key)
	payload := facadetest.Succeeded(t, c.mutation, f.Mutate(t, c.mutation, doc, c.input))
	key = facadetest.Str(facadetest.Dig(payload, c.node, "key"))
	edge := payload[c.node+"Edge"]
	if key == "" || facadetest.Str(facadetest.Dig(edge, "node", "key")) != key {
		t.Fatalf("%s answered %s and the edge %v, whose node is not it", c.mutation, payload[c.node], edge)
	}
	cursor = facadetest.Str(facadetest.Dig(edge, "cursor"))
	if cursor == "" {
		t.Fatalf("%s's edge has no cursor: %v", c.mutation, edge)
	}
	return key, cursor
}

// page reads the connection after a cursor (from the start without one) and
// answers its nodes' keys and their cursors.
func (c edgeCase) page(t *testing.T, f *facadetest.Facade, after *string) (keys, cursors []string) {
	t.Helper()
	vars := map[string]any{"after": after}
	for k, v := range c.vars {
		vars[k] = v
	}
	edges, _ := facadetest.Dig(readBack(t, f, c.conn, vars), c.path...).([]any)
	for _, e := range edges {
		keys = append(keys, facadetest.Str(facadetest.Dig(e, "node", "key")))
		cursors = append(cursors, facadetest.Str(facadetest.Dig(e, "cursor")))
	}
	return keys, cursors
}

// check runs the mutation, checks its edge against the connection, and
// answers the created object's key.
func (c edgeCase) check(t *testing.T, f *facadetest.Facade) string {
	t.Helper()
	key, cursor := c.created(t, f)
	keys, cursors := c.page(t, f, nil)
	i := slices.Index(keys, key)
	switch {
	case i < 0:
		t.Fatalf("the connection read after %s lacks the new object %s: %v", c.mutation, key, keys)
	case c.head && i != 0:
		t.Errorf("the new object stands at %d of its newest-first connection", i)
	case cursors[i] != cursor:
		t.Errorf("the edge's cursor %s is not the one the connection gives the object, %s", cursor, cursors[i])
	}
	after, _ := c.page(t, f, &cursor)
	if want := keys[i+1:]; len(after) < len(want) || !slices.Equal(after[:len(want)], want) {
		t.Errorf("after the edge's cursor the connection shows %v, want what followed the object: %v", after, want)
	}
	return key
}

func TestCreateMutationsAnswerTheirEdge(t *testing.T) {
	f, ws := newTicketWriteFacade(t)
	admin := facadetest.GlobalID("Admin", ws.AdminIDs()[1])
	contact := firstContactWhere(t, ws, isUser).Contact
	conversation := ws.ConversationIDs()[0]
	var customerType string
	for _, tt := range ws.TicketTypes() {
		if tt.Category == "Customer" && customerType == "" {
			customerType = tt.ID
		}
	}
	const edges = `edges { cursor node { key: %s } }`
	root := func(field, key string) string {
		return fmt.Sprintf(`query($after: String) { c: %s(first: 100, after: $after) { `+edges+` } }`, field, key)
	}
	nested := func(parent, field, key string) string {
		return fmt.Sprintf(`query($id: ID!, $after: String) { p: %s(id: $id) { c: %s(first: 100, after: $after) { `+edges+` } } }`, parent, field, key)
	}

	for _, c := range []edgeCase{
		{mutation: "createContact", input: map[string]any{"email": "edge@example.org", "name": "Edge"}, node: "contact", key: "id",
			conn: root("contacts", "id"), path: []any{"c", "edges"}, head: true},
		{mutation: "createOrUpdateCompany", input: map[string]any{"companyId": "edge-1", "name": "Edge Ltd"}, node: "company", key: "id",
			conn: `query($after: String, $companyId: String!) { c: companies(filter: {companyId: $companyId}, first: 100, after: $after) { ` + fmt.Sprintf(edges, "id") + ` } }`,
			vars: map[string]any{"companyId": "edge-1"}, path: []any{"c", "edges"}, head: true},
		{mutation: "createConversation", input: map[string]any{"contactId": facadetest.GlobalID("Contact", contact.ID), "body": "Is the edge there?"},
			node: "conversation", key: "id", conn: root("conversations", "id"), path: []any{"c", "edges"}, head: true},
		{mutation: "replyConversation", input: map[string]any{"conversationId": facadetest.GlobalID("Conversation", conversation),
			"reply": map[string]any{"admin": map[string]any{"adminId": admin, "kind": "NOTE", "body": "An edge"}}},
			node: "part", key: "intercomId", conn: nested("conversation", "parts", "intercomId"), vars: map[string]any{"id": facadetest.GlobalID("Conversation", conversation)},
			path: []any{"p", "c", "edges"}},
		{mutation: "convertConversationToTicket", input: map[string]any{"conversationId": facadetest.GlobalID("Conversation", conversation),
			"ticketTypeId": facadetest.GlobalID("TicketType", customerType), "title": "Edge"},
			node: "ticket", key: "id", conn: root("tickets", "id"), path: []any{"c", "edges"}, head: true},
		{mutation: "createDataAttribute", input: map[string]any{"name": "edge size", "model": "CONTACT", "dataType": "STRING"}, node: "dataAttribute", key: "name",
			conn: `query($after: String) { c: dataAttributes(model: CONTACT, first: 100, after: $after) { ` + fmt.Sprintf(edges, "name") + ` } }`, path: []any{"c", "edges"}},
		{mutation: "createCollection", input: map[string]any{"name": "Edges"}, node: "collection", key: "id", conn: root("collections", "id"),
			path: []any{"c", "edges"}, head: true},
		{mutation: "createArticle", input: map[string]any{"title": "Edges", "authorId": admin}, node: "article", key: "id", conn: root("articles", "id"),
			path: []any{"c", "edges"}, head: true},
		{mutation: "createNewsItem", input: map[string]any{"title": "Edges", "senderId": admin}, node: "newsItem", key: "id", conn: root("newsItems", "id"),
			path: []any{"c", "edges"}, head: true},
		{mutation: "createNote", input: map[string]any{"contactId": facadetest.GlobalID("Contact", contact.ID), "body": "An edge"}, node: "note", key: "id",
			conn: nested("contact", "notes", "id"), vars: map[string]any{"id": facadetest.GlobalID("Contact", contact.ID)}, path: []any{"p", "c", "edges"}, head: true},
		{mutation: "createOrUpdateTag", input: map[string]any{"name": "Edge"}, node: "tag", key: "id", conn: root("tags", "id"), path: []any{"c", "edges"}},
	} {
		t.Run(c.mutation, func(t *testing.T) { c.check(t, f) })
	}

	// A new ticket type, an attribute of it, a ticket of it, and a reply to
	// that ticket.
	var typeID, ticketID string
	t.Run("createTicketType", func(t *testing.T) {
		typeID = edgeCase{mutation: "createTicketType", input: map[string]any{"name": "Edge report"}, node: "ticketType", key: "id",
			conn: root("ticketTypes", "id"), path: []any{"c", "edges"}}.check(t, f)
	})
	t.Run("createTicketTypeAttribute", func(t *testing.T) {
		edgeCase{mutation: "createTicketTypeAttribute", input: map[string]any{"ticketTypeId": typeID, "name": "Edge", "description": "Where", "dataType": "STRING"},
			node: "attribute", key: "id", conn: nested("ticketType", "attributes", "id"), vars: map[string]any{"id": typeID}, path: []any{"p", "c", "edges"}}.check(t, f)
	})
	t.Run("createTicket", func(t *testing.T) {
		ticketID = edgeCase{mutation: "createTicket", input: map[string]any{"ticketTypeId": typeID, "title": "On the edge",
			"contacts": []any{map[string]any{"contactId": facadetest.GlobalID("Contact", contact.ID)}}},
			node: "ticket", key: "id", conn: root("tickets", "id"), path: []any{"c", "edges"}, head: true}.check(t, f)
	})
	t.Run("replyTicket", func(t *testing.T) {
		edgeCase{mutation: "replyTicket", input: map[string]any{"ticketId": ticketID,
			"reply": map[string]any{"admin": map[string]any{"adminId": admin, "kind": "NOTE", "body": "An edge"}}},
			node: "part", key: "intercomId", conn: nested("ticket", "parts", "intercomId"), vars: map[string]any{"id": ticketID}, path: []any{"p", "c", "edges"}}.check(t, f)
	})
}

// A refused create answers no edge, as it answers no object, and still
// echoes its clientMutationId.
func TestARefusedCreateAnswersNoEdge(t *testing.T) {
	f, ws := newWriteFacade(t)
	admin := facadetest.GlobalID("Admin", ws.AdminIDs()[1])
	note := map[string]any{"admin": map[string]any{"adminId": admin, "kind": "NOTE", "body": "refused"}}
	for _, c := range []struct {
		mutation, node string
		input          map[string]any
	}{
		{"createContact", "contact", map[string]any{}},
		{"createOrUpdateCompany", "company", map[string]any{"companyId": " "}},
		{"createConversation", "conversation", map[string]any{"contactId": "not-an-id", "body": "refused"}},
		{"replyConversation", "part", map[string]any{"conversationId": "not-an-id", "reply": note}},
		{"convertConversationToTicket", "ticket", map[string]any{"conversationId": "not-an-id", "ticketTypeId": "not-an-id"}},
		{"createTicket", "ticket", map[string]any{"ticketTypeId": "not-an-id", "contacts": []any{}}},
		{"createDataAttribute", "dataAttribute", map[string]any{"name": " ", "model": "CONTACT", "dataType": "STRING"}},
		{"createCollection", "collection", map[string]any{"name": " "}},
		{"createArticle", "article", map[string]any{"title": " ", "authorId": admin}},
		{"createNewsItem", "newsItem", map[string]any{"title": " ", "senderId": admin}},
		{"createNote", "note", map[string]any{"contactId": "not-an-id", "body": "refused"}},
		{"createOrUpdateTag", "tag", map[string]any{"name": " "}},
		{"createTicketType", "ticketType", map[string]any{"name": " "}},
		{"createTicketTypeAttribute", "attribute", map[string]any{"ticketTypeId": "not-an-id", "name": "n", "description": "d", "dataType": "STRING"}},
		{"replyTicket", "part", map[string]any{"ticketId": "not-an-id", "reply": note}},
	} {
		t.Run(c.mutation, func(t *testing.T) {
			c.input["clientMutationId"] = "refused-" + c.mutation
			doc := fmt.Sprintf(`mutation($input: %sInput!) { %s(input: $input) { clientMutationId %s { __typename } %sEdge { cursor } userErrors { code } } }`,
				strings.ToUpper(c.mutation[:1])+c.mutation[1:], c.mutation, c.node, c.node)
			before := f.Sim.Calls()
			payload := f.Mutate(t, c.mutation, doc, c.input)
			if errs, _ := payload["userErrors"].([]any); len(errs) == 0 || payload[c.node] != nil || payload[c.node+"Edge"] != nil ||
				payload["clientMutationId"] != "refused-"+c.mutation {
				t.Errorf("a refused %s answered %v", c.mutation, payload)
			}
			if calls := f.Sim.Calls() - before; calls != 0 {
				t.Errorf("the refusal cost %d upstream calls", calls)
			}
		})
	}
}

// The delete mutations answer the global ID of what they deleted, for
// Relay's @deleteRecord; the graph no longer finds it.
func TestDeletesAnswerTheDeletedID(t *testing.T) {
	f, ws := newWriteFacade(t)
	tag := f.Mutate(t, "createOrUpdateTag", `mutation($input: CreateOrUpdateTagInput!) { createOrUpdateTag(input: $input) { tag { id } } }`,
		map[string]any{"name": "to delete"})
	for _, c := range []struct {
		mutation, id string
	}{
		{"deleteContact", facadetest.GlobalID("Contact", firstContactWhere(t, ws, func(intercomsim.ContactData) bool { return true }).Contact.ID)},
		{"deleteCompany", facadetest.GlobalID("Company", ws.CompanyIDs()[0])},
		{"deleteArticle", facadetest.GlobalID("Article", ws.ArticleIDs()[0])},
		{"deleteCollection", facadetest.GlobalID("Collection", ws.CollectionIDs()[0])},
		{"deleteNewsItem", facadetest.GlobalID("NewsItem", ws.NewsItemIDs()[0])},
		{"deleteTag", facadetest.Str(facadetest.Dig(tag, "tag", "id"))},
	} {
		t.Run(c.mutation, func(t *testing.T) {
			object := strings.TrimPrefix(c.mutation, "delete")
			doc := fmt.Sprintf(`mutation($input: %sInput!) { %s(input: $input) { deleted%sId clientMutationId userErrors { field message code } } }`,
				strings.ToUpper(c.mutation[:1])+c.mutation[1:], c.mutation, object)
			payload := facadetest.Succeeded(t, c.mutation, f.Mutate(t, c.mutation, doc, map[string]any{"id": c.id, "clientMutationId": c.mutation}))
			if payload["deleted"+object+"Id"] != c.id || payload["clientMutationId"] != c.mutation {
				t.Errorf("%s answered %v, want deleted%sId %s", c.mutation, payload, object, c.id)
			}
			resp := f.Query(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": c.id})
			if e, ok := resp.ErrorAt("node"); !ok || e.Code() != "NOT_FOUND" || facadetest.Dig(resp.Data, "node") != nil {
				t.Errorf("node(id:) of the deleted object answered %s, want null and NOT_FOUND", resp.Raw)
			}
		})
	}
}
