package graph_test

import (
	"testing"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// everyFieldQuery selects every field of the types of notes, subscription
// types, data attributes, data events, visitors, activity logs and data
// exports, with __typename on each object so the answer can be checked per type.
const everyFieldQuery = `
fragment admin on Admin { __typename id name }
fragment conn on PageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
fragment subscriptionType on SubscriptionType {
  __typename id intercomId state consentType contentTypes
  defaultTranslation { __typename name description locale } translations { __typename name description locale }
}
fragment event on DataEvent {
  __typename eventName createdAt userId sentWithId intercomUserId email metadata contact { __typename intercomId }
}
fragment summary on DataEventSummary { __typename name first last count description }
query($contact: String!, $events: String!, $lead: String!, $visitors: [ID!]!, $jobs: [ID!]!, $note: String!) {
  notesOf: contact(intercomId: $contact) {
    notes(last: 100) {
      __typename totalCount pageInfo { ...conn }
      edges { __typename cursor node { __typename id } }
      nodes { __typename id intercomId body createdAt author { ...admin } contact { __typename intercomId } }
    }
    subscriptionTypes {
      __typename totalCount pageInfo { ...conn }
      edges { __typename cursor consent node { ...subscriptionType } }
      nodes { __typename id }
    }
  }
  note(intercomId: $note) { __typename intercomId }
  eventsOf: contact(intercomId: $events) {
    events(first: 100) {
      __typename totalCount pageInfo { ...conn }
      edges { __typename cursor node { ...event } }
      nodes { __typename eventName }
    }
    eventSummaries { ...summary }
  }
  leadEvents: contact(intercomId: $lead) { events(first: 5) { nodes { ...event } } }
  dataEventSummaries(person: {intercomUserId: $events}) {
    __typename email intercomUserId userId contact { __typename intercomId } events { ...summary }
  }
  subscriptionTypes {
    __typename totalCount pageInfo { ...conn }
    edges { __typename cursor node { __typename id } }
    nodes { ...subscriptionType }
  }
  dataAttributes(includeArchived: true, first: 100) {
    __typename totalCount pageInfo { ...conn }
    edges { __typename cursor node { __typename name } }
    nodes {
      __typename id intercomId model name fullName label description dataType options apiWritable messengerWritable
      uiWritable custom archived createdAt updatedAt createdBy { ...admin }
    }
  }
  adminActivityLogs(createdAfter: "1970-01-01T00:00:00Z", first: 100) {
    __typename totalCount pageInfo { ...conn }
    edges { __typename cursor node { __typename id } }
    nodes {
      __typename id intercomId activityType activityDescription createdAt performedBy { ...admin }
      performer { __typename type intercomId email ip admin { ...admin } }
      metadata {
        __typename signInMethod externalId awayMode awayStatusReason reassignConversations source autoChanged
        updatedBy { ...admin } updatedByName all
      }
    }
  }
  visitors: nodes(ids: $visitors) {
    ... on Visitor {
      __typename id intercomId userId anonymous email phone name pseudonym avatarUrl appId
      companies { __typename intercomId companyId name company { __typename id } }
      location { __typename cityName continentCode countryCode countryName postalCode regionName timezone }
      lastRequestAt createdAt remoteCreatedAt signedUpAt updatedAt sessionCount socialProfiles owner { ...admin }
      unsubscribedFromEmails markedEmailAsSpam hasHardBounced tags { __typename intercomId name tag { __typename id } } segmentIds
      customAttributes referrer utmCampaign utmContent utmMedium utmSource utmTerm doNotTrack
    }
  }
  exports: nodes(ids: $jobs) {
    ... on DataExport { __typename id intercomId jobIdentifier status downloadUrl downloadExpiresAt }
  }
}`

// neverNonNull lists fields no object of the seeded workspace fills, with the reason.
var neverNonNull = map[string]string{
	"Visitor.companies": "visitors are anonymous: companies belong to users and leads",
}

func TestEveryFieldOfTheNewTypesResolves(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Seed: 5, Sizes: intercomsim.Sizes{Admins: 8, Teams: 3, Tags: 8, Segments: 4, Companies: 10, Contacts: 200, Conversations: 5}}, MaxQueryCost: 100_000})
	ws := f.Sim.Workspace(intercomsim.DemoToken)
	noted := busiest(ws, func(id string) int { return min(len(ws.NoteIDs(id)), 1)*100 + len(ws.ContactSubscriptionTypeIDs(id)) })
	eventful := busiest(ws, func(id string) int { return len(ws.EventKeys(id)) })
	// A lead's events carry the id they were sent with.
	var lead string
	contacts := f.Query(`{ contacts(first: 100) { nodes { intercomId role } } }`, nil).MustData(t)
	for _, c := range facadetest.Dig(contacts, "contacts", "nodes").([]any) {
		if id := facadetest.Str(facadetest.Dig(c, "intercomId")); facadetest.Dig(c, "role") == "LEAD" && len(ws.EventKeys(id)) > 0 {
			lead = id
			break
		}
	}
	var visitors, jobs []any
	for _, u := range ws.VisitorUserIDs() {
		visitors = append(visitors, facadetest.GlobalID("Visitor", u))
	}
	for j := range ws.DataExportJobs() {
		jobs = append(jobs, facadetest.GlobalID("DataExport", j))
	}
	data := f.Query(everyFieldQuery, map[string]any{
		"contact": noted, "events": eventful, "lead": lead, "visitors": visitors, "jobs": jobs, "note": ws.NoteIDs(noted)[0],
	}).MustData(t)

	seen := map[string]map[string]bool{} // type -> field -> seen non-null
	var collect func(v any)
	collect = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				collect(x)
			}
		case map[string]any:
			typ, _ := v["__typename"].(string)
			if typ != "" && seen[typ] == nil {
				seen[typ] = map[string]bool{}
			}
			for k, x := range v {
				if typ != "" {
					list, isList := x.([]any)
					seen[typ][k] = seen[typ][k] || (x != nil && (!isList || len(list) > 0))
				}
				collect(x)
			}
		}
	}
	collect(data)

	types := []string{"Note", "NoteConnection", "NoteEdge", "SubscriptionType", "SubscriptionTypeTranslation", "SubscriptionTypeConnection",
		"SubscriptionTypeEdge", "ContactSubscriptionTypeConnection", "ContactSubscriptionTypeEdge", "DataAttribute", "DataAttributeConnection",
		"DataAttributeEdge", "DataEvent", "DataEventSummary", "DataEventSummaries", "DataEventConnection", "DataEventEdge", "Visitor",
		"VisitorTag", "VisitorLocation", "ActivityLog", "ActivityLogPerformer", "ActivityLogMetadata", "ActivityLogConnection",
		"ActivityLogEdge", "DataExport"}
	for _, typ := range types {
		fields := schemaFields(t, f, typ)
		if len(fields) == 0 {
			t.Errorf("the schema has no type %s", typ)
		}
		for _, field := range fields {
			key := typ + "." + field
			switch got, selected := seen[typ][field]; {
			case seen[typ] == nil:
				t.Errorf("no %s in the answer", typ)
			case !selected:
				t.Errorf("%s is not selected by the test query", key)
			case !got && neverNonNull[key] == "":
				t.Errorf("%s is null or empty everywhere", key)
			}
		}
	}
}

func schemaFields(t *testing.T, f *facadetest.Facade, typ string) []string {
	t.Helper()
	data := f.Query(`query($t: String!) { __type(name: $t) { fields { name } } }`, map[string]any{"t": typ}).MustData(t)
	var out []string
	fields, _ := facadetest.Dig(data, "__type", "fields").([]any)
	for _, fl := range fields {
		out = append(out, facadetest.Str(facadetest.Dig(fl, "name")))
	}
	return out
}
