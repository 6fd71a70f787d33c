package graph_test

import (
	"testing"
	"time"

	"intercom-graphql/httpapi/facadetest"
)

const (
	createDataAttributeDoc = `mutation($input: CreateDataAttributeInput!) {
	  createDataAttribute(input: $input) { dataAttribute { intercomId name fullName dataType options model } userErrors { field message code } }
	}`
	updateDataAttributeDoc = `mutation($input: UpdateDataAttributeInput!) {
	  updateDataAttribute(input: $input) { dataAttribute { intercomId archived description } userErrors { field message code } }
	}`
	readContactAttributes = `query($archived: Boolean) { dataAttributes(model: CONTACT, includeArchived: $archived, first: 100) { nodes { intercomId name archived } } }`
	createDataEventDoc    = `mutation($input: CreateDataEventInput!) {
	  createDataEvent(input: $input) { dataEvent { eventName metadata contact { intercomId } } userErrors { field message code } }
	}`
	recordSummaryDoc = `mutation($input: RecordDataEventSummaryInput!) {
	  recordDataEventSummary(input: $input) { eventSummaries { userId events { name count first last } } userErrors { field message code } }
	}`
	readEvents = `query($id: ID!) { contact(id: $id) { events(first: 5) { nodes { eventName metadata } } } }`
)

func attributeNames(data map[string]any) []string {
	var out []string
	for _, n := range facadetest.Dig(data, "dataAttributes", "nodes").([]any) {
		out = append(out, facadetest.Str(facadetest.Dig(n, "name")))
	}
	return out
}

func TestDataAttributeMutations(t *testing.T) {
	f, ws := newWriteFacade(t)
	cached(t, f, readContactAttributes, nil)
	created := facadetest.Succeeded(t, "createDataAttribute", f.Mutate(t, "createDataAttribute", createDataAttributeDoc, map[string]any{
		"name": "shirt size", "model": "CONTACT", "dataType": "STRING", "description": "Their size", "options": []any{"S", "M", "L"}, "messengerWritable": true,
	}))["dataAttribute"].(map[string]any)
	if created["fullName"] != "custom_attributes.shirt size" || created["model"] != "CONTACT" || len(created["options"].([]any)) != 3 {
		t.Errorf("created attribute = %v", created)
	}
	if names := attributeNames(readBack(t, f, readContactAttributes, nil)); !containsStr(names, "shirt size") {
		t.Errorf("the attributes read after the creation lack it: %v", names)
	}
	// Contacts can hold it now.
	contact := facadetest.GlobalID("Contact", ws.ContactIDs()[4])
	facadetest.Succeeded(t, "updateContact", f.Mutate(t, "updateContact", updateContactDoc, map[string]any{"id": contact, "customAttributes": map[string]any{"shirt size": "M"}}))

	archived := facadetest.Succeeded(t, "updateDataAttribute", f.Mutate(t, "updateDataAttribute", updateDataAttributeDoc, map[string]any{"intercomId": created["intercomId"], "archived": true}))
	if facadetest.Dig(archived, "dataAttribute", "archived") != true {
		t.Errorf("update payload = %v", archived)
	}
	if names := attributeNames(readBack(t, f, readContactAttributes, nil)); containsStr(names, "shirt size") {
		t.Errorf("an archived attribute is listed without includeArchived: %v", names)
	}
	if names := attributeNames(readBack(t, f, readContactAttributes, map[string]any{"archived": true})); !containsStr(names, "shirt size") {
		t.Errorf("an archived attribute is missing with includeArchived: %v", names)
	}

	count := len(ws.DataAttributeNames("", true))
	unchanged := func(t *testing.T) {
		if got := len(ws.DataAttributeNames("", true)); got != count {
			t.Errorf("a refused write changed the data attributes: %d, want %d", got, count)
		}
	}
	refuses(t, f, "createDataAttribute", createDataAttributeDoc, []refusal{
		{name: "a name taken", input: map[string]any{"name": "shirt size", "model": "COMPANY", "dataType": "STRING"}, code: "INVALID", field: []string{"name"}, calls: 1},
		{name: "a name with symbols", input: map[string]any{"name": "!nv@l!d", "model": "COMPANY", "dataType": "STRING"}, code: "INVALID", field: []string{"name"}, calls: 1},
		{name: "options of an integer", input: map[string]any{"name": "floors", "model": "COMPANY", "dataType": "INTEGER", "options": []any{"1", "2"}},
			code: "INVALID", field: []string{"options"}},
		{name: "one option", input: map[string]any{"name": "sizes", "model": "COMPANY", "dataType": "STRING", "options": []any{"S"}}, code: "INVALID", field: []string{"options"}, calls: 1},
	}, unchanged)
	refuses(t, f, "updateDataAttribute", updateDataAttributeDoc, []refusal{
		{name: "an id that is no number", input: map[string]any{"intercomId": "plan", "archived": true}, code: "INVALID_ID", field: []string{"intercomId"}},
		{name: "an unknown attribute", input: map[string]any{"intercomId": "1", "archived": true}, code: "NOT_FOUND", field: []string{"intercomId"}, calls: 1},
	}, unchanged)
	invalid(t, f, "a model custom attributes cannot have", createDataAttributeDoc, map[string]any{"name": "x", "model": "CONVERSATION", "dataType": "STRING"}, "model")
}

func TestDataEventMutations(t *testing.T) {
	f, ws := newWriteFacade(t)
	user := firstContactWhere(t, ws, isUser).Contact
	id := facadetest.GlobalID("Contact", user.ID)
	cached(t, f, readEvents, map[string]any{"id": id})
	at := time.Now().Add(-time.Minute).UTC().Format(time.RFC3339)

	event := facadetest.Succeeded(t, "createDataEvent", f.Mutate(t, "createDataEvent", createDataEventDoc, map[string]any{
		"eventName": "ordered-zeppelin", "createdAt": at, "actor": map[string]any{"contactId": id}, "metadata": map[string]any{"color": "silver"},
	}))["dataEvent"].(map[string]any)
	if event["eventName"] != "ordered-zeppelin" || facadetest.Dig(event, "contact", "intercomId") != user.ID {
		t.Errorf("event payload = %v", event)
	}
	newest := facadetest.Dig(readBack(t, f, readEvents, map[string]any{"id": id}), "contact", "events", "nodes", 0)
	if facadetest.Dig(newest, "eventName") != "ordered-zeppelin" || facadetest.Dig(newest, "metadata", "color") != "silver" {
		t.Errorf("the newest event read after the write = %v", newest)
	}
	facadetest.Succeeded(t, "createDataEvent", f.Mutate(t, "createDataEvent", createDataEventDoc, map[string]any{
		"eventName": "ordered-zeppelin", "createdAt": at, "actor": map[string]any{"email": user.Email},
	}))

	summary := facadetest.Succeeded(t, "recordDataEventSummary", f.Mutate(t, "recordDataEventSummary", recordSummaryDoc, map[string]any{
		"userId": *user.ExternalID, "eventName": "ordered-zeppelin", "count": 5, "first": "2023-01-02T03:04:05Z", "last": "2023-06-01T00:00:00Z",
	}))
	found := false
	for _, e := range facadetest.Dig(summary, "eventSummaries", "events").([]any) {
		if facadetest.Dig(e, "name") == "ordered-zeppelin" {
			found = true
			if facadetest.Dig(e, "count") != float64(7) || facadetest.Dig(e, "first") != "2023-01-02T03:04:05Z" {
				t.Errorf("the summary after two events and five counted = %v", e)
			}
		}
	}
	if !found {
		t.Errorf("the summaries lack the event: %v", summary)
	}

	events := len(ws.EventKeys(user.ID))
	unchanged := func(t *testing.T) {
		if got := len(ws.EventKeys(user.ID)); got != events {
			t.Errorf("a refused event was recorded: %d events, want %d", got, events)
		}
	}
	refuses(t, f, "createDataEvent", createDataEventDoc, []refusal{
		{name: "two ways of naming the person", input: map[string]any{"eventName": "x", "createdAt": at, "actor": map[string]any{"contactId": id, "email": user.Email}},
			code: "REQUIRED", field: []string{"actor"}},
		{name: "an unknown user", input: map[string]any{"eventName": "x", "createdAt": at, "actor": map[string]any{"userId": "no-such-user"}},
			code: "NOT_FOUND", field: []string{"actor"}, calls: 1},
		{name: "nested metadata", input: map[string]any{"eventName": "x", "createdAt": at, "actor": map[string]any{"contactId": id}, "metadata": map[string]any{"a": map[string]any{"b": 1}}},
			code: "INVALID", field: []string{"metadata"}, calls: 1},
		{name: "a company for the person", input: map[string]any{"eventName": "x", "createdAt": at, "actor": map[string]any{"contactId": facadetest.GlobalID("Company", "x")}},
			code: "INVALID_ID", field: []string{"actor", "contactId"}},
	}, unchanged)
	refuses(t, f, "recordDataEventSummary", recordSummaryDoc, []refusal{
		{name: "an unknown user", input: map[string]any{"userId": "no-such-user", "eventName": "x", "count": 1, "first": at, "last": at}, code: "NOT_FOUND", field: []string{"userId"}, calls: 1},
		{name: "no events", input: map[string]any{"userId": *user.ExternalID, "eventName": "x", "count": 0, "first": at, "last": at}, code: "INVALID", field: []string{"count"}},
	}, nil)
	invalid(t, f, "two ways of naming the person, written in the document", `mutation {
	  createDataEvent(input: {eventName: "x", createdAt: "2026-01-01T00:00:00Z", actor: {userId: "a", email: "b@example.org"}}) { userErrors { code } }
	}`, nil, "DataEventActorInput")
}
