package upstream

// IsEntity marks the resources a federated graph can reach by key (the
// fedruntime.Entity interface of the graph's generated code). The mark is a
// method set only: it changes nothing of how the client reads or sends them.
func (ActivityLog) IsEntity()         {}
func (Admin) IsEntity()               {}
func (Article) IsEntity()             {}
func (Collection) IsEntity()          {}
func (Company) IsEntity()             {}
func (Contact) IsEntity()             {}
func (Conversation) IsEntity()        {}
func (ConversationPart) IsEntity()    {}
func (ConversationSource) IsEntity()  {}
func (DataAttribute) IsEntity()       {}
func (DataExport) IsEntity()          {}
func (HelpCenter) IsEntity()          {}
func (AdminWithApp) IsEntity()        {}
func (NewsItem) IsEntity()            {}
func (Newsfeed) IsEntity()            {}
func (Note) IsEntity()                {}
func (Segment) IsEntity()             {}
func (SubscriptionType) IsEntity()    {}
func (Tag) IsEntity()                 {}
func (Team) IsEntity()                {}
func (Ticket) IsEntity()              {}
func (TicketPart) IsEntity()          {}
func (TicketType) IsEntity()          {}
func (TicketTypeAttribute) IsEntity() {}
func (Visitor) IsEntity()             {}
