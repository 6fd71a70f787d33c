// Relay documents over the facade's schema: a paginated list (@connection,
// @refetchable), a refetchable node, and mutations that add an edge to the
// list (@appendEdge) and remove a record (@deleteRecord). The test compiles
// them with relay-compiler against graph/schema.graphql.
import { graphql } from 'relay-runtime';

export const contacts = graphql`
  fragment Inbox_query on Query
  @refetchable(queryName: "InboxContactsPaginationQuery")
  @argumentDefinitions(first: { type: "Int", defaultValue: 20 }, after: { type: "String" }) {
    contacts(first: $first, after: $after, orderBy: { field: CREATED_AT, direction: DESC })
      @connection(key: "Inbox_contacts", filters: []) {
      __id
      edges { cursor node { id name email ...Inbox_contact } }
    }
  }
`;

export const contact = graphql`
  fragment Inbox_contact on Contact @refetchable(queryName: "InboxContactRefetchQuery") {
    id
    name
    companies(first: 3) { edges { node { id name } } }
  }
`;

export const conversation = graphql`
  fragment Inbox_conversation on Conversation
  @refetchable(queryName: "InboxConversationPartsQuery")
  @argumentDefinitions(first: { type: "Int", defaultValue: 5 }, after: { type: "String" }) {
    id
    parts(first: $first, after: $after) @connection(key: "Inbox_parts") {
      __id
      edges { node { id body author { type name } } }
    }
  }
`;

export const query = graphql`
  query InboxQuery {
    ...Inbox_query
    conversations(first: 1) { nodes { ...Inbox_conversation } }
  }
`;

export const createContact = graphql`
  mutation InboxCreateContactMutation($input: CreateContactInput!, $connections: [ID!]!) {
    createContact(input: $input) {
      clientMutationId
      contactEdge @appendEdge(connections: $connections) { cursor node { id ...Inbox_contact } }
      userErrors { field message code }
    }
  }
`;

export const reply = graphql`
  mutation InboxReplyMutation($input: ReplyConversationInput!, $connections: [ID!]!) {
    replyConversation(input: $input) {
      partEdge @appendEdge(connections: $connections) { cursor node { id body } }
      userErrors { field message code }
    }
  }
`;

export const deleteContact = graphql`
  mutation InboxDeleteContactMutation($input: DeleteContactInput!) {
    deleteContact(input: $input) {
      clientMutationId
      deletedContactId @deleteRecord
      userErrors { field message code }
    }
  }
`;
