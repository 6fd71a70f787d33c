package intercomsim

import (
	"sync"
	"time"

	"intercom-graphql/upstream"
)

// Workspace is one Intercom workspace: its objects and the relations between
// them. Records keep relations as ids; handlers render the wire shapes.
type Workspace struct {
	mu      sync.RWMutex
	now     func() time.Time
	limiter *windowLimiter
	seq     int64 // the last sequence number handed out

	app  upstream.App
	meID string

	admins        []*upstream.Admin
	teams         []*upstream.Team
	tags          []*tagRecord
	segments      []*segmentRecord
	companies     []*companyRecord
	contacts      []*contactRecord
	conversations []*conversationRecord

	adminByID        map[string]*upstream.Admin
	teamByID         map[string]*upstream.Team
	tagByID          map[string]*tagRecord
	companyByID      map[string]*companyRecord
	contactByID      map[string]*contactRecord
	conversationByID map[string]*conversationRecord

	companyScroll          *companyScroll // the scroll over companies open in this workspace, if any
	notes                  []*noteRecord
	noteByID               map[string]*noteRecord
	notesByContact         map[string][]*noteRecord // newest first
	subscriptionTypes      []*upstream.SubscriptionType
	subscriptionsByContact map[string][]string // ids of the types a contact chose explicitly
	dataAttributes         []*upstream.DataAttribute
	eventsByContact        map[string][]*upstream.DataEvent // newest first
	visitors               []*upstream.Visitor
	visitorByUserID        map[string]*upstream.Visitor
	activityLogs           []*activityLogRecord // oldest first
	dataExports            []*dataExportRecord
	dataExportByID         map[string]*dataExportRecord
	helpCenters            []*upstream.HelpCenter
	collections            []*collectionRecord
	articles               []*articleRecord
	newsfeeds              []*upstream.Newsfeed
	newsItems              []*newsItemRecord
	helpCenterByID         map[string]*upstream.HelpCenter
	collectionByID         map[string]*collectionRecord
	articleByID            map[string]*articleRecord
	newsfeedByID           map[string]*upstream.Newsfeed
	newsItemByID           map[string]*newsItemRecord
	ticketTypes            []*upstream.TicketType // oldest first
	ticketTypeByID         map[string]*upstream.TicketType
	tickets                []*ticketRecord // oldest first
	ticketByID             map[string]*ticketRecord
	webhooks               *webhookEmitter                        // nil when the simulator sends no webhooks
	eventSummaryImports    map[string]map[string]*importedSummary // contact id -> event name -> counts sent by POST /events/summaries
	messages               []*upstream.Message                    // outbound messages admins sent through the API
	phoneSwitches          []*upstream.PhoneSwitch                // the SMS sent by phone call redirects
	internalTicketTypes    map[string]bool                        // ticket types created for internal use only (is_internal)
}

type tagRecord struct {
	seq int64
	tag upstream.Tag
}

type segmentRecord struct {
	seq        int64
	id         string
	name       string
	personType string
	createdAt  upstream.Timestamp
	updatedAt  upstream.Timestamp
}

type companyRecord struct {
	seq       int64
	id        string
	companyID string
	name      string
	createdAt upstream.Timestamp
	updatedAt upstream.Timestamp

	profile    companyProfile   // plan, size, spend...: see seed_companies.go
	tagIDs     []string         // the tags on the company
	segmentIDs []string         // the segments the company is in
	members    []*contactRecord // its contacts, oldest first; kept in step with contactRecord.companyIDs
}

type contactRecord struct {
	seq        int64
	contact    upstream.Contact
	tagIDs     []string
	companyIDs []string
	segmentIDs []string
	// archived contacts are out of ws.contacts and their companies' members,
	// so lists and searches skip them; GET /contacts/{id} still finds them.
	archived bool
}

type conversationRecord struct {
	seq          int64
	conversation upstream.Conversation // ConversationParts kept here, dropped from lists
	extras       ConversationExtras    // searchable, never rendered (seed_search.go)
}

func (r *tagRecord) sequence() int64          { return r.seq }
func (r *segmentRecord) sequence() int64      { return r.seq }
func (r *companyRecord) sequence() int64      { return r.seq }
func (r *contactRecord) sequence() int64      { return r.seq }
func (r *conversationRecord) sequence() int64 { return r.seq }

func (ws *Workspace) nextSeq() int64 {
	ws.seq++
	return ws.seq
}

// SetBudget changes the calls this workspace may make per rate-limit window.
func (ws *Workspace) SetBudget(calls int) { ws.limiter.setBudget(calls) }

// ContactIDs lists the ids of every contact in list order (for tests that
// check a walk saw each exactly once).
func (ws *Workspace) ContactIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	ids := make([]string, len(ws.contacts))
	for i, c := range ws.contacts {
		ids[i] = c.contact.ID
	}
	return ids
}

// ConversationIDs lists the ids of every conversation in list order.
func (ws *Workspace) ConversationIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	ids := make([]string, len(ws.conversations))
	for i, c := range ws.conversations {
		ids[i] = c.conversation.ID
	}
	return ids
}

// AdminIDs lists the ids of every admin.
func (ws *Workspace) AdminIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	ids := make([]string, len(ws.admins))
	for i, a := range ws.admins {
		ids[i] = a.ID
	}
	return ids
}

// MeID is the id of the admin the workspace's token belongs to.
func (ws *Workspace) MeID() string { return ws.meID }

// AppID is the workspace's id_code, which GET /me and its webhook
// notifications (app_id) name it by.
func (ws *Workspace) AppID() string { return ws.app.IDCode }
