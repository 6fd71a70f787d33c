package graph_test

import (
	"strings"
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

const (
	createExportDoc = `mutation($input: CreateDataExportInput!) {
	  createDataExport(input: $input) { dataExport { id jobIdentifier status downloadUrl } userErrors { field message code } }
	}`
	cancelExportDoc = `mutation($input: CancelDataExportInput!) {
	  cancelDataExport(input: $input) { dataExport { id jobIdentifier status } userErrors { field message code } }
	}`
	pollExport       = `query($job: String!) { dataExport(jobIdentifier: $job) { status downloadUrl downloadExpiresAt } }`
	createMessageDoc = `mutation($input: CreateMessageInput!) {
	  createMessage(input: $input) {
	    message { intercomId kind subject body createdAt conversation { intercomId source { subject } contacts { nodes { intercomId } } } }
	    userErrors { field message code }
	  }
	}`
	createPhoneSwitchDoc = `mutation($input: CreatePhoneSwitchInput!) {
	  createPhoneSwitch(input: $input) { phoneSwitch { phone } userErrors { field message code } }
	}`
)

// An export job: one active at a time, canceled, created, polled until it completes.
// The job's status is polled without the cache, which would hold it for seconds.
func TestDataExportMutations(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Sizes: writeSizes}})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	var pending, completed string
	for job, status := range ws.DataExportJobs() {
		switch status {
		case "pending":
			pending = job
		case "completed":
			completed = job
		}
	}
	rangeInput := map[string]any{"createdAtAfter": "2026-05-01T00:00:00Z", "createdAtBefore": "2026-05-31T00:00:00Z"}
	refuses(t, f, "createDataExport", createExportDoc, []refusal{
		{name: "while a job is active", input: rangeInput, code: "LIMIT_REACHED", calls: 1},
		{name: "a range ending before it starts", input: map[string]any{"createdAtAfter": "2026-05-31T00:00:00Z", "createdAtBefore": "2026-05-01T00:00:00Z"},
			code: "INVALID", field: []string{"createdAtBefore"}},
	}, nil)

	canceled := facadetest.Succeeded(t, "cancelDataExport", f.Mutate(t, "cancelDataExport", cancelExportDoc, map[string]any{"id": facadetest.GlobalID("DataExport", pending)}))
	if facadetest.Dig(canceled, "dataExport", "status") != "CANCELED" {
		t.Errorf("cancel payload = %v", canceled)
	}
	if got := facadetest.Dig(readBack(t, f, pollExport, map[string]any{"job": pending}), "dataExport", "status"); got != "CANCELED" {
		t.Errorf("the canceled job reads as %v", got)
	}

	job := facadetest.Succeeded(t, "createDataExport", f.Mutate(t, "createDataExport", createExportDoc, rangeInput))["dataExport"].(map[string]any)
	if job["status"] != "PENDING" || job["downloadUrl"] != nil {
		t.Errorf("created job = %v", job)
	}
	identifier := job["jobIdentifier"].(string)
	if got := facadetest.Dig(readBack(t, f, pollExport, map[string]any{"job": identifier}), "dataExport", "status"); got != "IN_PROGRESS" {
		t.Errorf("first poll: %v, want IN_PROGRESS", got)
	}
	done := readBack(t, f, pollExport, map[string]any{"job": identifier})["dataExport"]
	if facadetest.Dig(done, "status") != "COMPLETED" || !strings.HasSuffix(facadetest.Str(facadetest.Dig(done, "downloadUrl")), "/download/content/data/"+identifier) || facadetest.Dig(done, "downloadExpiresAt") == nil {
		t.Errorf("second poll: %v, want the completed job with its download", done)
	}

	refuses(t, f, "cancelDataExport", cancelExportDoc, []refusal{
		{name: "a completed job", input: map[string]any{"id": facadetest.GlobalID("DataExport", completed)}, code: "INVALID", field: []string{"id"}, calls: 1},
		{name: "an unknown job", input: map[string]any{"id": facadetest.GlobalID("DataExport", "nosuchjob0000000")}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
		{name: "the ID of an article", input: map[string]any{"id": facadetest.GlobalID("Article", "1")}, code: "INVALID_ID", field: []string{"id"}},
	}, func(t *testing.T) {
		if got := ws.DataExportJobs()[completed]; got != "completed" {
			t.Errorf("a refused cancel left the job %s", got)
		}
	})
	invalid(t, f, "no end of the range", createExportDoc, map[string]any{"createdAtAfter": "2026-05-01T00:00:00Z"}, "createdAtBefore")
}

func TestCreateMessage(t *testing.T) {
	f, ws := newWriteFacade(t)
	user := firstContactWhere(t, ws, isUser).Contact.ID
	lead := firstContactWhere(t, ws, isLead).Contact.ID
	admin := facadetest.GlobalID("Admin", ws.AdminIDs()[0])
	const readContacted = `query($id: ID!) { contact(id: $id) { lastContactedAt } }`
	const conversationsTotal = `{ conversations(first: 1) { totalCount } }`
	cached(t, f, readContacted, map[string]any{"id": facadetest.GlobalID("Contact", user)})
	before := int(facadetest.Dig(cached(t, f, conversationsTotal, nil), "conversations", "totalCount").(float64))

	message := facadetest.Succeeded(t, "createMessage", f.Mutate(t, "createMessage", createMessageDoc, map[string]any{
		"channel": "EMAIL", "subject": "Your renewal", "body": "Shall we talk?", "template": "PERSONAL",
		"fromAdminId": admin, "toContactId": facadetest.GlobalID("Contact", user), "openConversation": true,
	}))["message"].(map[string]any)
	if message["kind"] != "EMAIL" || message["subject"] != "Your renewal" || facadetest.Dig(message, "conversation", "source", "subject") != "Your renewal" ||
		!containsStr(nodeIDs(facadetest.Dig(message, "conversation", "contacts")), user) {
		t.Errorf("message payload = %v", message)
	}
	if got := int(facadetest.Dig(readBack(t, f, conversationsTotal, nil), "conversations", "totalCount").(float64)); got != before+1 {
		t.Errorf("conversations after a message that opens one: %d, want %d", got, before+1)
	}
	if facadetest.Dig(readBack(t, f, readContacted, map[string]any{"id": facadetest.GlobalID("Contact", user)}), "contact", "lastContactedAt") == nil {
		t.Error("the contact read after the message was never contacted")
	}
	inApp := facadetest.Succeeded(t, "createMessage", f.Mutate(t, "createMessage", createMessageDoc, map[string]any{
		"channel": "IN_APP", "body": "Hi there", "fromAdminId": admin, "toContactId": facadetest.GlobalID("Contact", lead),
	}))["message"].(map[string]any)
	if inApp["kind"] != "INAPP" || inApp["conversation"] != nil || inApp["subject"] != nil {
		t.Errorf("in-app message payload = %v", inApp)
	}

	unchanged := func(t *testing.T) {
		if got := len(ws.ConversationIDs()); got != before+1 {
			t.Errorf("a refused message changed the conversations: %d", got)
		}
	}
	refuses(t, f, "createMessage", createMessageDoc, []refusal{
		{name: "an email without subject", input: map[string]any{"channel": "EMAIL", "body": "x", "fromAdminId": admin, "toContactId": facadetest.GlobalID("Contact", user)},
			code: "REQUIRED", field: []string{"subject"}},
		{name: "an unknown contact", input: map[string]any{"channel": "IN_APP", "body": "x", "fromAdminId": admin, "toContactId": facadetest.GlobalID("Contact", "000000000000000000000000")},
			code: "NOT_FOUND", field: []string{"toContactId"}, calls: 1},
		{name: "an unknown teammate", input: map[string]any{"channel": "IN_APP", "body": "x", "fromAdminId": facadetest.GlobalID("Admin", "1"), "toContactId": facadetest.GlobalID("Contact", lead),
			"openConversation": true}, code: "NOT_FOUND", field: []string{"fromAdminId"}, calls: 2},
		{name: "a contact for the sender", input: map[string]any{"channel": "IN_APP", "body": "x", "fromAdminId": facadetest.GlobalID("Contact", user), "toContactId": facadetest.GlobalID("Contact", lead)},
			code: "INVALID_ID", field: []string{"fromAdminId"}},
	}, unchanged)
	invalid(t, f, "no body", createMessageDoc, map[string]any{"channel": "IN_APP", "fromAdminId": admin, "toContactId": facadetest.GlobalID("Contact", lead)}, "body")
}

func TestCreatePhoneSwitch(t *testing.T) {
	f, ws := newWriteFacade(t)
	caller := firstContactWhere(t, ws, func(c intercomsim.ContactData) bool { return c.Contact.Phone != nil }).Contact
	id := facadetest.GlobalID("Contact", caller.ID)
	cached(t, f, readContact, map[string]any{"id": id})
	sent := facadetest.Succeeded(t, "createPhoneSwitch", f.Mutate(t, "createPhoneSwitch", createPhoneSwitchDoc, map[string]any{
		"phone": *caller.Phone, "customAttributes": map[string]any{"issue_type": "Billing"},
	}))
	if facadetest.Dig(sent, "phoneSwitch", "phone") != *caller.Phone {
		t.Errorf("phone switch payload = %v", sent)
	}
	if got := facadetest.Dig(readBack(t, f, readContact, map[string]any{"id": id}), "contact", "customAttributes", "issue_type"); got != "Billing" {
		t.Errorf("the caller read after the SMS has issue_type %v", got)
	}
	refuses(t, f, "createPhoneSwitch", createPhoneSwitchDoc, []refusal{
		{name: "a number that is not E.164", input: map[string]any{"phone": "12345", "customAttributes": map[string]any{"issue_type": "Sales"}}, code: "INVALID", field: []string{"phone"}, calls: 1},
		{name: "attributes that are no object", input: map[string]any{"phone": *caller.Phone, "customAttributes": []any{"Sales"}}, code: "INVALID", field: []string{"customAttributes"}},
	}, unchangedSince(ws))
	invalid(t, f, "no number", createPhoneSwitchDoc, map[string]any{}, "phone")
}
