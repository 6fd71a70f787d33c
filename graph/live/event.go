// Package live carries Intercom's webhook notifications to the graph's
// subscriptions: it decodes a notification into the objects it reports,
// fans events out to subscribers with bounded buffers, deduplicates
// redeliveries, and relays events between replicas through Redis.
package live

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"intercom-graphql/upstream"
)

// TopicPing is the topic Intercom sends when a webhook URL is registered or
// tested; it carries no object.
const TopicPing = "ping"

// Notification is the envelope of every webhook delivery (a notification_event).
type Notification struct {
	Type      string             `json:"type"`
	ID        string             `json:"id"`
	Topic     string             `json:"topic"`
	AppID     string             `json:"app_id"`
	CreatedAt upstream.Timestamp `json:"created_at"`
	Data      struct {
		Type string          `json:"type"`
		Item json.RawMessage `json:"item"`
	} `json:"data"`
}

// ParseNotification reads a delivery's body and checks the envelope.
func ParseNotification(body []byte) (*Notification, error) {
	var n Notification
	if err := json.Unmarshal(body, &n); err != nil {
		return nil, fmt.Errorf("the body is not a notification_event: %w", err)
	}
	switch {
	case n.Type != "notification_event":
		return nil, fmt.Errorf("the body's type is %q, not notification_event", n.Type)
	case n.ID == "":
		return nil, errors.New("the notification has no id")
	case n.Topic == "":
		return nil, errors.New("the notification has no topic")
	}
	return &n, nil
}

// Resource is the kind of object a topic reports on.
type Resource int

// The resources the graph has subscriptions for.
const (
	Other Resource = iota
	Conversations
	Contacts
	Companies
	Tickets
)

// ResourceOf reads a topic's resource from its first segment
// (conversation_part.tag.created is about a conversation).
func ResourceOf(topic string) Resource {
	head, _, _ := strings.Cut(topic, ".")
	switch head {
	case "conversation", "conversation_part":
		return Conversations
	case "contact":
		return Contacts
	case "company":
		return Companies
	case "ticket":
		return Tickets
	}
	return Other
}

// StaleKinds names the cached resource kinds (the first segment of their
// REST paths) whose answers a notification on topic makes stale.
func StaleKinds(topic string) []string {
	switch ResourceOf(topic) {
	case Conversations:
		return []string{"conversations"}
	case Contacts:
		return []string{"contacts"}
	case Companies:
		if strings.HasPrefix(topic, "company.contact.") {
			// Attaching a company changes the contact's companies too.
			return []string{"companies", "contacts"}
		}
		return []string{"companies"}
	case Tickets:
		return []string{"tickets"}
	}
	return nil
}

// Event is a notification decoded into the objects it reports. Events are
// shared by every subscriber that receives them: read them, never change them.
type Event struct {
	NotificationID string
	Topic          string
	Resource       Resource
	OccurredAt     upstream.Timestamp
	// AppID is the id_code of the workspace the notification comes from: one
	// Intercom app installed in several workspaces has one webhook URL.
	AppID string
	// ObjectID is the Intercom id of the object the topic is about; it is
	// known even when the object is not (a deletion sends only identifiers).
	ObjectID string

	Conversation *upstream.Conversation
	Contact      *upstream.Contact
	Company      *upstream.Company
	Tag          *upstream.Tag
	Ticket       *TicketItem
}

// TicketItem is what an event keeps of a ticket: its id and assignees, for
// filtering; the ticket itself is read through the graph.
type TicketItem struct {
	ID              string
	AdminAssigneeID string
	TeamAssigneeID  string
}

// envelopeItem reads the parts of an item that say what it holds: its type
// and id, and the objects a compound item (a contact's tag, a company's
// contact) nests.
type envelopeItem struct {
	Type            string          `json:"type"`
	ID              flexibleID      `json:"id"`
	Contact         json.RawMessage `json:"contact"`
	Company         json.RawMessage `json:"company"`
	Tag             json.RawMessage `json:"tag"`
	AdminAssigneeID flexibleID      `json:"admin_assignee_id"`
	TeamAssigneeID  flexibleID      `json:"team_assignee_id"`
}

// Decode turns a notification into an event. It fails when the item does not
// hold the object its topic promises; topics of other resources decode to an
// event with no object.
func Decode(n *Notification) (*Event, error) {
	ev := &Event{NotificationID: n.ID, Topic: n.Topic, Resource: ResourceOf(n.Topic), OccurredAt: n.CreatedAt, AppID: n.AppID}
	if ev.Resource == Other {
		return ev, nil
	}
	var item envelopeItem
	if err := json.Unmarshal(n.Data.Item, &item); err != nil {
		return nil, fmt.Errorf("notification %s (%s): the item is not an object: %w", n.ID, n.Topic, err)
	}
	// Deletions send identifiers only: there is no object left to show.
	deleted := strings.HasSuffix(n.Topic, ".deleted") && !strings.Contains(n.Topic, ".tag.")
	var err error
	switch ev.Resource {
	case Conversations:
		ev.ObjectID = string(item.ID)
		if !deleted {
			ev.Conversation, err = decodeObject[upstream.Conversation](n.Data.Item, "conversation")
		}
	case Contacts:
		err = ev.decodeContactItem(n.Data.Item, item, deleted)
	case Companies:
		err = ev.decodeCompanyItem(n.Data.Item, item, deleted)
	case Tickets:
		ev.ObjectID = string(item.ID)
		ev.Ticket = &TicketItem{ID: string(item.ID), AdminAssigneeID: string(item.AdminAssigneeID), TeamAssigneeID: string(item.TeamAssigneeID)}
	}
	if err != nil {
		return nil, fmt.Errorf("notification %s (%s): %w", n.ID, n.Topic, err)
	}
	if ev.ObjectID == "" {
		return nil, fmt.Errorf("notification %s (%s): the item names no object", n.ID, n.Topic)
	}
	return ev, nil
}

// decodeContactItem reads a contact, or a contact_tag (the contact and the
// tag applied to or removed from it).
func (ev *Event) decodeContactItem(raw json.RawMessage, item envelopeItem, deleted bool) error {
	var err error
	switch {
	case len(item.Contact) > 0 && !isNull(item.Contact):
		if ev.Contact, err = decodeObject[upstream.Contact](item.Contact, "contact"); err != nil {
			return err
		}
		if len(item.Tag) > 0 && !isNull(item.Tag) {
			if ev.Tag, err = decodeObject[upstream.Tag](item.Tag, "tag"); err != nil {
				return err
			}
		}
		ev.ObjectID = ev.Contact.ID
	case deleted:
		ev.ObjectID = string(item.ID)
	default:
		if ev.Contact, err = decodeObject[upstream.Contact](raw, "contact"); err != nil {
			return err
		}
		ev.ObjectID = ev.Contact.ID
	}
	return nil
}

// decodeCompanyItem reads a company, or a company with the contact attached
// to or detached from it.
func (ev *Event) decodeCompanyItem(raw json.RawMessage, item envelopeItem, deleted bool) error {
	var err error
	switch {
	case len(item.Company) > 0 && !isNull(item.Company):
		if ev.Company, err = decodeObject[upstream.Company](item.Company, "company"); err != nil {
			return err
		}
		if len(item.Contact) > 0 && !isNull(item.Contact) {
			if ev.Contact, err = decodeObject[upstream.Contact](item.Contact, "contact"); err != nil {
				return err
			}
		}
		ev.ObjectID = ev.Company.ID
	case deleted:
		ev.ObjectID = string(item.ID)
	default:
		if ev.Company, err = decodeObject[upstream.Company](raw, "company"); err != nil {
			return err
		}
		ev.ObjectID = ev.Company.ID
	}
	return nil
}

// decodeObject reads an Intercom object of the given type in its REST shape.
func decodeObject[T any](raw json.RawMessage, wantType string) (*T, error) {
	var head struct {
		Type string     `json:"type"`
		ID   flexibleID `json:"id"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return nil, fmt.Errorf("the %s is not an object: %w", wantType, err)
	}
	if head.Type != wantType || head.ID == "" {
		return nil, fmt.Errorf("expected a %s with an id, got type %q", wantType, head.Type)
	}
	v := new(T)
	if err := json.Unmarshal(raw, v); err != nil {
		return nil, fmt.Errorf("the %s does not read as Intercom's %s: %w", wantType, wantType, err)
	}
	return v, nil
}

func isNull(raw json.RawMessage) bool { return bytes.Equal(bytes.TrimSpace(raw), []byte("null")) }

// flexibleID reads an id Intercom sends as a string or as a number.
type flexibleID string

func (f *flexibleID) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		*f = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = flexibleID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("an id must be a string or a number, got %s", b)
	}
	if _, err := strconv.ParseInt(n.String(), 10, 64); err != nil {
		return fmt.Errorf("an id must be a whole number, got %s", b)
	}
	*f = flexibleID(n.String())
	return nil
}
