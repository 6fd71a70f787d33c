package model

import "intercom-graphql/upstream"

// The payloads whose objects are read again after the write, only when a
// client selects them: each keeps the Intercom ids to read.

// AttachContactToCompanyPayload is the result of attachContactToCompany.
type AttachContactToCompanyPayload struct {
	Company    *upstream.Company
	ContactID  string
	UserErrors []*UserError
}

// DetachContactFromCompanyPayload is the result of detachContactFromCompany.
type DetachContactFromCompanyPayload struct {
	Company    *upstream.Company
	ContactID  string
	UserErrors []*UserError
}

// ArchiveContactPayload is the result of archiveContact and unarchiveContact.
type ArchiveContactPayload struct {
	// ContactID is the contact's global ID; IntercomID its id in Intercom.
	ContactID  *string
	IntercomID string
	Archived   *bool
	UserErrors []*UserError
}

// ContactTagPayload is the result of attachTagToContact and detachTagFromContact.
type ContactTagPayload struct {
	Tag        *upstream.Tag
	ContactID  string
	UserErrors []*UserError
}

// ContactSubscriptionPayload is the result of attaching or detaching a subscription type.
type ContactSubscriptionPayload struct {
	SubscriptionType *upstream.SubscriptionType
	ContactID        string
	UserErrors       []*UserError
}

// TagCompaniesPayload is the result of tagCompanies and untagCompanies.
type TagCompaniesPayload struct {
	Tag        *upstream.Tag
	CompanyIDs []string
	UserErrors []*UserError
}

// TagContactsPayload is the result of tagContacts.
type TagContactsPayload struct {
	Tag        *upstream.Tag
	ContactIDs []string
	UserErrors []*UserError
}

// RecordDataEventSummaryPayload is the result of recordDataEventSummary.
type RecordDataEventSummaryPayload struct {
	// UserID is the workspace's own id of the user whose summaries to read; "" after a refusal.
	UserID     string
	UserErrors []*UserError
}
