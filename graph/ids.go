package graph

import (
	"errors"
	"strconv"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/relay"
)

// The GraphQL type names that global IDs encode.
const (
	typeAdmin        = "Admin"
	typeTeam         = "Team"
	typeContact      = "Contact"
	typeConversation = "Conversation"
	typeCompany      = "Company"
	typeTag          = "Tag"
	typeSegment      = "Segment"

	typeNote             = "Note"
	typeSubscriptionType = "SubscriptionType"
	typeVisitor          = "Visitor"
	typeActivityLog      = "ActivityLog"
	typeDataExport       = "DataExport"
	typeArticle          = "Article"
	typeCollection       = "Collection"
	typeHelpCenter       = "HelpCenter"
	typeNewsItem         = "NewsItem"
	typeNewsfeed         = "Newsfeed"

	typeTicket              = "Ticket"
	typeTicketType          = "TicketType"
	typeTicketTypeAttribute = "TicketTypeAttribute"

	typeMe                        = "Me"
	typeDataAttribute             = "DataAttribute"
	typeConversationPart          = "ConversationPart"
	typeConversationSource        = "ConversationSource"
	typeTicketPart                = "TicketPart"
	typeTicketTypeAttributeOption = "TicketTypeAttributeOption"
)

// lookupID reads the (id, intercomId) argument pair of a single-object root
// field: exactly one must be given, and a global ID must be of kind typ.
func lookupID(typ string, id, intercomID *string) (string, error) {
	switch {
	case id != nil && intercomID != nil:
		return "", errcode.Input("pass either id or intercomId, not both")
	case id != nil:
		raw, err := relay.ParseGlobalIDOf(*id, typ)
		if err != nil {
			return "", errcode.InputField("id", err)
		}
		return raw, nil
	case intercomID != nil:
		if !relay.ValidIntercomID(*intercomID) {
			return "", errcode.InputField("intercomId", errors.New("not a valid Intercom id"))
		}
		return *intercomID, nil
	default:
		return "", errcode.Input("pass id or intercomId")
	}
}

// numericID renders the integer ids Intercom uses in some references
// (admin_assignee_id, team_ids...) as the string ids of the objects.
func numericID(n int64) string { return strconv.FormatInt(n, 10) }
