package model

import "intercom-graphql/upstream"

// The mutation payloads of contacts, companies, tags, subscriptions, data,
// visitors, teammates and messages. Each embeds Echo, which answers its
// clientMutationId. A payload whose objects are read again after the write,
// only when a client selects them, keeps the Intercom ids to read; a payload
// type shared by several mutations is bound to each of their payloads in
// gqlgen.yml, one schema type per mutation.

// SetAdminAwayPayload is the result of setAdminAway.
type SetAdminAwayPayload struct {
	Echo
	Admin      *upstream.Admin
	UserErrors []*UserError
}

// CreateContactPayload is the result of createContact.
type CreateContactPayload struct {
	Echo
	Contact    *upstream.Contact
	UserErrors []*UserError
}

// UpdateContactPayload is the result of updateContact.
type UpdateContactPayload struct {
	Echo
	Contact    *upstream.Contact
	UserErrors []*UserError
}

// DeleteContactPayload is the result of deleteContact.
type DeleteContactPayload struct {
	Echo
	DeletedContactID *string
	UserErrors       []*UserError
}

// ArchiveContactPayload is the result of archiveContact and of unarchiveContact.
type ArchiveContactPayload struct {
	Echo
	// ContactID is the contact's global ID; IntercomID its id in Intercom.
	ContactID  *string
	IntercomID string
	Archived   *bool
	UserErrors []*UserError
}

// MergeContactsPayload is the result of mergeContacts.
type MergeContactsPayload struct {
	Echo
	Contact      *upstream.Contact
	MergedLeadID *string
	UserErrors   []*UserError
}

// CreateOrUpdateCompanyPayload is the result of createOrUpdateCompany.
type CreateOrUpdateCompanyPayload struct {
	Echo
	Company    *upstream.Company
	UserErrors []*UserError
}

// UpdateCompanyPayload is the result of updateCompany.
type UpdateCompanyPayload struct {
	Echo
	Company    *upstream.Company
	UserErrors []*UserError
}

// DeleteCompanyPayload is the result of deleteCompany.
type DeleteCompanyPayload struct {
	Echo
	DeletedCompanyID *string
	UserErrors       []*UserError
}

// AttachContactToCompanyPayload is the result of attachContactToCompany.
type AttachContactToCompanyPayload struct {
	Echo
	Company    *upstream.Company
	ContactID  string
	UserErrors []*UserError
}

// DetachContactFromCompanyPayload is the result of detachContactFromCompany.
type DetachContactFromCompanyPayload struct {
	Echo
	Company    *upstream.Company
	ContactID  string
	UserErrors []*UserError
}

// ContactTagPayload is the result of attachTagToContact and of detachTagFromContact.
type ContactTagPayload struct {
	Echo
	Tag        *upstream.Tag
	ContactID  string
	UserErrors []*UserError
}

// ContactSubscriptionPayload is the result of attaching or detaching a subscription type.
type ContactSubscriptionPayload struct {
	Echo
	SubscriptionType *upstream.SubscriptionType
	ContactID        string
	UserErrors       []*UserError
}

// CreateOrUpdateTagPayload is the result of createOrUpdateTag.
type CreateOrUpdateTagPayload struct {
	Echo
	Tag        *upstream.Tag
	UserErrors []*UserError
}

// DeleteTagPayload is the result of deleteTag.
type DeleteTagPayload struct {
	Echo
	DeletedTagID *string
	UserErrors   []*UserError
}

// TagCompaniesPayload is the result of tagCompanies and of untagCompanies.
type TagCompaniesPayload struct {
	Echo
	Tag        *upstream.Tag
	CompanyIDs []string
	UserErrors []*UserError
}

// TagContactsPayload is the result of tagContacts.
type TagContactsPayload struct {
	Echo
	Tag        *upstream.Tag
	ContactIDs []string
	UserErrors []*UserError
}

// CreateDataEventPayload is the result of createDataEvent.
type CreateDataEventPayload struct {
	Echo
	DataEvent  *upstream.DataEvent
	UserErrors []*UserError
}

// RecordDataEventSummaryPayload is the result of recordDataEventSummary.
type RecordDataEventSummaryPayload struct {
	Echo
	// UserID is the workspace's own id of the user whose summaries to read; "" after a refusal.
	UserID     string
	UserErrors []*UserError
}

// DataAttributePayload is the result of createDataAttribute and of updateDataAttribute.
type DataAttributePayload struct {
	Echo
	DataAttribute *upstream.DataAttribute
	UserErrors    []*UserError
}

// DataExportPayload is the result of createDataExport and of cancelDataExport.
type DataExportPayload struct {
	Echo
	DataExport *upstream.DataExport
	UserErrors []*UserError
}

// UpdateVisitorPayload is the result of updateVisitor.
type UpdateVisitorPayload struct {
	Echo
	Visitor    *upstream.Visitor
	UserErrors []*UserError
}

// ConvertVisitorPayload is the result of convertVisitor.
type ConvertVisitorPayload struct {
	Echo
	Contact            *upstream.Contact
	ConvertedVisitorID *string
	UserErrors         []*UserError
}

// CreatePhoneSwitchPayload is the result of createPhoneSwitch.
type CreatePhoneSwitchPayload struct {
	Echo
	PhoneSwitch *upstream.PhoneSwitch
	UserErrors  []*UserError
}

// CreateMessagePayload is the result of createMessage.
type CreateMessagePayload struct {
	Echo
	Message    *upstream.Message
	UserErrors []*UserError
}
