package httpapi_test

import (
	"strings"
	"testing"

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
	f := newFacade(t, facadeOptions{sim: intercomsim.Options{Sizes: writeSizes}})
	ws := f.sim.Workspace(intercomsim.DemoToken)
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
	f.refuses(t, "createDataExport", createExportDoc, []refusal{
		{name: "while a job is active", input: rangeInput, code: "LIMIT_REACHED", calls: 1},
		{name: "a range ending before it starts", input: map[string]any{"createdAtAfter": "2026-05-31T00:00:00Z", "createdAtBefore": "2026-05-01T00:00:00Z"},
			code: "INVALID", field: []string{"createdAtBefore"}},
	}, nil)

	canceled := succeeded(t, "cancelDataExport", f.mutate(t, "cancelDataExport", cancelExportDoc, map[string]any{"id": globalID("DataExport", pending)}))
	if dig(canceled, "dataExport", "status") != "CANCELED" {
		t.Errorf("cancel payload = %v", canceled)
	}
	if got := dig(f.read(t, pollExport, map[string]any{"job": pending}), "dataExport", "status"); got != "CANCELED" {
		t.Errorf("the canceled job reads as %v", got)
	}

	job := succeeded(t, "createDataExport", f.mutate(t, "createDataExport", createExportDoc, rangeInput))["dataExport"].(map[string]any)
	if job["status"] != "PENDING" || job["downloadUrl"] != nil {
		t.Errorf("created job = %v", job)
	}
	identifier := job["jobIdentifier"].(string)
	if got := dig(f.read(t, pollExport, map[string]any{"job": identifier}), "dataExport", "status"); got != "IN_PROGRESS" {
		t.Errorf("first poll: %v, want IN_PROGRESS", got)
	}
	done := f.read(t, pollExport, map[string]any{"job": identifier})["dataExport"]
	if dig(done, "status") != "COMPLETED" || !strings.HasSuffix(str(dig(done, "downloadUrl")), "/download/content/data/"+identifier) || dig(done, "downloadExpiresAt") == nil {
		t.Errorf("second poll: %v, want the completed job with its download", done)
	}

	f.refuses(t, "cancelDataExport", cancelExportDoc, []refusal{
		{name: "a completed job", input: map[string]any{"id": globalID("DataExport", completed)}, code: "INVALID", field: []string{"id"}, calls: 1},
		{name: "an unknown job", input: map[string]any{"id": globalID("DataExport", "nosuchjob0000000")}, code: "NOT_FOUND", field: []string{"id"}, calls: 1},
		{name: "the ID of an article", input: map[string]any{"id": globalID("Article", "1")}, code: "INVALID_ID", field: []string{"id"}},
	}, func(t *testing.T) {
		if got := ws.DataExportJobs()[completed]; got != "completed" {
			t.Errorf("a refused cancel left the job %s", got)
		}
	})
	f.invalid(t, "no end of the range", createExportDoc, map[string]any{"createdAtAfter": "2026-05-01T00:00:00Z"}, "createdAtBefore")
}

func TestCreateMessage(t *testing.T) {
	f, ws := newWriteFacade(t)
	user := firstContactWhere(t, ws, isUser).Contact.ID
	lead := firstContactWhere(t, ws, isLead).Contact.ID
	admin := globalID("Admin", ws.AdminIDs()[0])
	const readContacted = `query($id: ID!) { contact(id: $id) { lastContactedAt } }`
	const conversationsTotal = `{ conversations(first: 1) { totalCount } }`
	f.cached(t, readContacted, map[string]any{"id": globalID("Contact", user)})
	before := int(dig(f.cached(t, conversationsTotal, nil), "conversations", "totalCount").(float64))

	message := succeeded(t, "createMessage", f.mutate(t, "createMessage", createMessageDoc, map[string]any{
		"channel": "EMAIL", "subject": "Your renewal", "body": "Shall we talk?", "template": "PERSONAL",
		"fromAdminId": admin, "toContactId": globalID("Contact", user), "openConversation": true,
	}))["message"].(map[string]any)
	if message["kind"] != "EMAIL" || message["subject"] != "Your renewal" || dig(message, "conversation", "source", "subject") != "Your renewal" ||
		!containsStr(nodeIDs(dig(message, "conversation", "contacts")), user) {
		t.Errorf("message payload = %v", message)
	}
	if got := int(dig(f.read(t, conversationsTotal, nil), "conversations", "totalCount").(float64)); got != before+1 {
		t.Errorf("conversations after a message that opens one: %d, want %d", got, before+1)
	}
	if dig(f.read(t, readContacted, map[string]any{"id": globalID("Contact", user)}), "contact", "lastContactedAt") == nil {
		t.Error("the contact read after the message was never contacted")
	}
	inApp := succeeded(t, "createMessage", f.mutate(t, "createMessage", createMessageDoc, map[string]any{
		"channel": "IN_APP", "body": "Hi there", "fromAdminId": admin, "toContactId": globalID("Contact", lead),
	}))["message"].(map[string]any)
	if inApp["kind"] != "INAPP" || inApp["conversation"] != nil || inApp["subject"] != nil {
		t.Errorf("in-app message payload = %v", inApp)
	}

	unchanged := func(t *testing.T) {
		if got := len(ws.ConversationIDs()); got != before+1 {
			t.Errorf("a refused message changed the conversations: %d", got)
		}
	}
	f.refuses(t, "createMessage", createMessageDoc, []refusal{
		{name: "an email without subject", input: map[string]any{"channel": "EMAIL", "body": "x", "fromAdminId": admin, "toContactId": globalID("Contact", user)},
			code: "REQUIRED", field: []string{"subject"}},
		{name: "an unknown contact", input: map[string]any{"channel": "IN_APP", "body": "x", "fromAdminId": admin, "toContactId": globalID("Contact", "000000000000000000000000")},
			code: "NOT_FOUND", field: []string{"toContactId"}, calls: 1},
		{name: "an unknown teammate", input: map[string]any{"channel": "IN_APP", "body": "x", "fromAdminId": globalID("Admin", "1"), "toContactId": globalID("Contact", lead),
			"openConversation": true}, code: "NOT_FOUND", field: []string{"fromAdminId"}, calls: 2},
		{name: "a contact for the sender", input: map[string]any{"channel": "IN_APP", "body": "x", "fromAdminId": globalID("Contact", user), "toContactId": globalID("Contact", lead)},
			code: "INVALID_ID", field: []string{"fromAdminId"}},
	}, unchanged)
	f.invalid(t, "no body", createMessageDoc, map[string]any{"channel": "IN_APP", "fromAdminId": admin, "toContactId": globalID("Contact", lead)}, "body")
}

func TestCreatePhoneSwitch(t *testing.T) {
	f, ws := newWriteFacade(t)
	caller := firstContactWhere(t, ws, func(c intercomsim.ContactData) bool { return c.Contact.Phone != nil }).Contact
	id := globalID("Contact", caller.ID)
	f.cached(t, readContact, map[string]any{"id": id})
	sent := succeeded(t, "createPhoneSwitch", f.mutate(t, "createPhoneSwitch", createPhoneSwitchDoc, map[string]any{
		"phone": *caller.Phone, "customAttributes": map[string]any{"issue_type": "Billing"},
	}))
	if dig(sent, "phoneSwitch", "phone") != *caller.Phone {
		t.Errorf("phone switch payload = %v", sent)
	}
	if got := dig(f.read(t, readContact, map[string]any{"id": id}), "contact", "customAttributes", "issue_type"); got != "Billing" {
		t.Errorf("the caller read after the SMS has issue_type %v", got)
	}
	f.refuses(t, "createPhoneSwitch", createPhoneSwitchDoc, []refusal{
		{name: "a number that is not E.164", input: map[string]any{"phone": "12345", "customAttributes": map[string]any{"issue_type": "Sales"}}, code: "INVALID", field: []string{"phone"}, calls: 1},
		{name: "attributes that are no object", input: map[string]any{"phone": *caller.Phone, "customAttributes": []any{"Sales"}}, code: "INVALID", field: []string{"customAttributes"}},
	}, unchangedSince(ws))
	f.invalid(t, "no number", createPhoneSwitchDoc, map[string]any{}, "phone")
}
