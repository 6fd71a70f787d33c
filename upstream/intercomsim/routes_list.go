package intercomsim

import "net/http"

// Route is one endpoint the simulator serves.
type Route struct {
	// Pattern is the net/http ServeMux pattern, e.g. "GET /admins/{id}"; its
	// path is the spec's path template.
	Pattern string
	// OperationID is the operationId the spec gives the endpoint.
	OperationID string
}

type endpoint struct {
	Route
	handle http.HandlerFunc
}

// endpoints is every endpoint the simulator serves, one line each. routes
// registers exactly these and Routes reports them, so a check over the list
// is a check over the mux.
func (s *Simulator) endpoints() []endpoint {
	return []endpoint{
		{Route{"GET /me", "identifyAdmin"}, identifyAdmin},
		{Route{"GET /admins", "listAdmins"}, listAdmins},
		{Route{"GET /admins/{id}", "retrieveAdmin"}, retrieveAdmin},
		{Route{"GET /teams", "listTeams"}, listTeams},
		{Route{"GET /teams/{id}", "retrieveTeam"}, retrieveTeam},
		{Route{"GET /contacts", "ListContacts"}, listContacts},
		{Route{"GET /contacts/{id}", "ShowContact"}, showContact},
		{Route{"GET /conversations", "listConversations"}, listConversations},
		{Route{"GET /conversations/{id}", "retrieveConversation"}, retrieveConversation},
		{Route{"POST /companies/list", "listAllCompanies"}, listAllCompanies},
		{Route{"GET /companies", "retrieveCompany"}, retrieveCompany},
		{Route{"GET /companies/{id}", "RetrieveACompanyById"}, retrieveCompanyByID},
		{Route{"GET /companies/{id}/contacts", "ListAttachedContacts"}, listCompanyContacts},
		{Route{"GET /companies/{id}/segments", "ListAttachedSegmentsForCompanies"}, listCompanySegments},
		{Route{"GET /companies/scroll", "scrollOverAllCompanies"}, scrollCompanies},
		{Route{"GET /contacts/{id}/companies", "listCompaniesForAContact"}, listContactCompanies},
		{Route{"GET /contacts/{contact_id}/segments", "listSegmentsForAContact"}, listContactSegments},
		{Route{"GET /contacts/{contact_id}/tags", "listTagsForAContact"}, listContactTags},
		{Route{"GET /tags", "listTags"}, listTags},
		{Route{"GET /tags/{id}", "findTag"}, findTag},
		{Route{"GET /segments", "listSegments"}, listSegments},
		{Route{"GET /segments/{id}", "retrieveSegment"}, retrieveSegment},
		{Route{"GET /contacts/{id}/notes", "listNotes"}, listNotes},
		{Route{"GET /notes/{id}", "retrieveNote"}, retrieveNote},
		{Route{"GET /subscription_types", "listSubscriptionTypes"}, listSubscriptionTypes},
		{Route{"GET /contacts/{contact_id}/subscriptions", "listSubscriptionsForAContact"}, listSubscriptionsForAContact},
		{Route{"GET /data_attributes", "lisDataAttributes"}, listDataAttributes},
		{Route{"GET /events", "lisDataEvents"}, listDataEvents},
		{Route{"GET /visitors", "retrieveVisitorWithUserId"}, retrieveVisitorWithUserID},
		{Route{"GET /admins/activity_logs", "listActivityLogs"}, listActivityLogs},
		{Route{"GET /export/content/data/{job_identifier}", "getDataExport"}, getDataExport},
		{Route{"GET /download/content/data/{job_identifier}", "downloadDataExport"}, downloadDataExport},
		{Route{"GET /articles", "listArticles"}, listArticles},
		{Route{"GET /articles/{id}", "retrieveArticle"}, retrieveArticle},
		{Route{"GET /articles/search", "searchArticles"}, searchArticles},
		{Route{"GET /help_center/collections", "listAllCollections"}, listAllCollections},
		{Route{"GET /help_center/collections/{id}", "retrieveCollection"}, retrieveCollection},
		{Route{"GET /help_center/help_centers", "listHelpCenters"}, listHelpCenters},
		{Route{"GET /help_center/help_centers/{id}", "retrieveHelpCenter"}, retrieveHelpCenter},
		{Route{"GET /news/news_items", "listNewsItems"}, listNewsItems},
		{Route{"GET /news/news_items/{id}", "retrieveNewsItem"}, retrieveNewsItem},
		{Route{"GET /news/newsfeeds", "listNewsfeeds"}, listNewsfeeds},
		{Route{"GET /news/newsfeeds/{id}", "retrieveNewsfeed"}, retrieveNewsfeed},
		{Route{"GET /news/newsfeeds/{id}/items", "listLiveNewsfeedItems"}, listLiveNewsfeedItems},
		{Route{"POST /contacts/search", "SearchContacts"}, searchContacts},
		{Route{"POST /conversations/search", "searchConversations"}, searchConversations},
		{Route{"GET /ticket_types", "listTicketTypes"}, listTicketTypes},
		{Route{"GET /ticket_types/{id}", "getTicketType"}, getTicketType},
		{Route{"GET /tickets/{id}", "getTicket"}, getTicket},
		{Route{"POST /tickets/search", "searchTickets"}, searchTickets},
		{Route{"PUT /admins/{id}/away", "setAwayAdmin"}, setAwayAdmin},
		{Route{"POST /articles", "createArticle"}, createArticle},
		{Route{"PUT /articles/{id}", "updateArticle"}, updateArticle},
		{Route{"DELETE /articles/{id}", "deleteArticle"}, deleteArticle},
		{Route{"POST /help_center/collections", "createCollection"}, createCollection},
		{Route{"PUT /help_center/collections/{id}", "updateCollection"}, updateCollection},
		{Route{"DELETE /help_center/collections/{id}", "deleteCollection"}, deleteCollection},
		{Route{"POST /news/news_items", "createNewsItem"}, createNewsItem},
		{Route{"PUT /news/news_items/{id}", "updateNewsItem"}, updateNewsItem},
		{Route{"DELETE /news/news_items/{id}", "deleteNewsItem"}, deleteNewsItem},
		{Route{"POST /companies", "createOrUpdateCompany"}, createOrUpdateCompany},
		{Route{"PUT /companies/{id}", "UpdateCompany"}, updateCompany},
		{Route{"DELETE /companies/{id}", "deleteCompany"}, deleteCompany},
		{Route{"POST /contacts/{id}/companies", "attachContactToACompany"}, attachContactToACompany},
		{Route{"DELETE /contacts/{contact_id}/companies/{id}", "detachContactFromACompany"}, detachContactFromACompany},
		{Route{"POST /contacts", "CreateContact"}, createContact},
		{Route{"PUT /contacts/{id}", "UpdateContact"}, updateContact},
		{Route{"DELETE /contacts/{id}", "DeleteContact"}, deleteContact},
		{Route{"POST /contacts/{id}/archive", "ArchiveContact"}, archiveContact},
		{Route{"POST /contacts/{id}/unarchive", "UnarchiveContact"}, unarchiveContact},
		{Route{"POST /contacts/merge", "MergeContact"}, mergeContact},
		{Route{"POST /contacts/{contact_id}/tags", "attachTagToContact"}, attachTagToContact},
		{Route{"DELETE /contacts/{contact_id}/tags/{id}", "detachTagFromContact"}, detachTagFromContact},
		{Route{"POST /contacts/{contact_id}/subscriptions", "attachSubscriptionTypeToContact"}, attachSubscriptionTypeToContact},
		{Route{"DELETE /contacts/{contact_id}/subscriptions/{id}", "detachSubscriptionTypeToContact"}, detachSubscriptionTypeToContact},
		{Route{"POST /contacts/{id}/notes", "createNote"}, createNote},
		{Route{"POST /data_attributes", "createDataAttribute"}, createDataAttribute},
		{Route{"PUT /data_attributes/{id}", "updateDataAttribute"}, updateDataAttribute},
		{Route{"POST /events", "createDataEvent"}, createDataEvent},
		{Route{"POST /events/summaries", "dataEventSummaries"}, dataEventSummaries},
		{Route{"POST /export/content/data", "createDataExport"}, createDataExport},
		{Route{"POST /export/cancel/{job_identifier}", "cancelDataExport"}, cancelDataExport},
		{Route{"POST /messages", "createMessage"}, createMessage},
		{Route{"POST /phone_call_redirects", "createPhoneSwitch"}, createPhoneSwitch},
		{Route{"POST /tags", "createTag"}, createTag},
		{Route{"DELETE /tags/{id}", "deleteTag"}, deleteTag},
		{Route{"PUT /visitors", "updateVisitor"}, updateVisitor},
		{Route{"POST /visitors/convert", "convertVisitor"}, convertVisitor},
		{Route{"POST /conversations/{conversation_id}/tags", "attachTagToConversation"}, attachTagToConversation},
		{Route{"DELETE /conversations/{conversation_id}/tags/{id}", "detachTagFromConversation"}, detachTagFromConversation},
		{Route{"POST /conversations", "createConversation"}, createConversation},
		{Route{"PUT /conversations/{id}", "updateConversation"}, updateConversation},
		{Route{"POST /conversations/{id}/reply", "replyConversation"}, replyConversation},
		{Route{"POST /conversations/{id}/parts", "manageConversation"}, manageConversation},
		{Route{"POST /conversations/{id}/run_assignment_rules", "autoAssignConversation"}, autoAssignConversation},
		{Route{"POST /conversations/{id}/customers", "attachContactToConversation"}, attachContactToConversation},
		{Route{"DELETE /conversations/{conversation_id}/customers/{contact_id}", "detachContactFromConversation"}, detachContactFromConversation},
		{Route{"POST /conversations/redact", "redactConversation"}, redactConversation},
		{Route{"POST /conversations/{id}/convert", "convertConversationToTicket"}, convertConversationToTicket},
		{Route{"POST /ticket_types/{ticket_type_id}/attributes", "createTicketTypeAttribute"}, createTicketTypeAttribute},
		{Route{"PUT /ticket_types/{ticket_type_id}/attributes/{id}", "updateTicketTypeAttribute"}, updateTicketTypeAttribute},
		{Route{"POST /ticket_types", "createTicketType"}, createTicketType},
		{Route{"PUT /ticket_types/{id}", "updateTicketType"}, updateTicketType},
		{Route{"POST /tickets/{id}/reply", "replyTicket"}, replyTicket},
		{Route{"POST /tickets/{ticket_id}/tags", "attachTagToTicket"}, attachTagToTicket},
		{Route{"DELETE /tickets/{ticket_id}/tags/{id}", "detachTagFromTicket"}, detachTagFromTicket},
		{Route{"POST /tickets", "createTicket"}, createTicket},
		{Route{"PUT /tickets/{id}", "updateTicket"}, updateTicket},
	}
}

// Routes lists the endpoints the simulator serves, in registration order.
func (s *Simulator) Routes() []Route {
	eps := s.endpoints()
	out := make([]Route, len(eps))
	for i, ep := range eps {
		out[i] = ep.Route
	}
	return out
}
