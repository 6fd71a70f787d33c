package intercomsim

import (
	"cmp"
	"net/http"
	"slices"
	"time"

	"intercom-graphql/upstream"
)

// Page sizes of the company lists, as Intercom documents them.
const (
	defaultCompaniesPerPage       = 15
	defaultCompanyContactsPerPage = 50
	// scrollBatchSize is how many companies one scroll call returns.
	scrollBatchSize = 100
	// scrollIdleLimit is how long Intercom keeps an unused scroll open.
	scrollIdleLimit = time.Minute
)

// companyScroll is the one scroll over companies a workspace may have open.
type companyScroll struct {
	param    string
	next     int // index in ws.companies of the next company to hand out
	lastUsed time.Time
}

func companyNotFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, requestIDFrom(r), http.StatusNotFound, "company_not_found", "Company Not Found", "")
}

// listAllCompanies serves POST /companies/list: the companies that have at
// least one contact, by last request time, most recent first unless order=asc.
func listAllCompanies(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	q := r.URL.Query()
	page, ok := pageParam(w, r, q.Get("page"))
	if !ok {
		return
	}
	perPage, ok := perPageParam(w, r, q.Get("per_page"), defaultCompaniesPerPage, upstream.MaxCompaniesPerPage)
	if !ok {
		return
	}
	ascending := false
	switch q.Get("order") {
	case "", "desc":
	case "asc":
		ascending = true
	default:
		badRequest(w, r, "parameter_invalid", "order must be asc or desc", "order")
		return
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	listed := ws.listedCompanies(ascending)
	items, link := pageNumberPage(r, listed, page, perPage)
	writeJSON(w, http.StatusOK, upstream.CompanyList{Type: "list", Pages: &link, TotalCount: len(listed), Data: ws.renderCompanies(items)})
}

// listedCompanies are the companies POST /companies/list shows: Intercom
// leaves out companies without contacts.
func (ws *Workspace) listedCompanies(ascending bool) []*companyRecord {
	var listed []*companyRecord
	for _, c := range ws.companies {
		if len(c.members) > 0 {
			listed = append(listed, c)
		}
	}
	lastRequest := func(c *companyRecord) upstream.Timestamp {
		if c.profile.lastRequestAt == nil {
			return 0
		}
		return *c.profile.lastRequestAt
	}
	slices.SortStableFunc(listed, func(a, b *companyRecord) int {
		if ascending {
			return cmp.Or(cmp.Compare(lastRequest(a), lastRequest(b)), cmp.Compare(a.seq, b.seq))
		}
		return cmp.Or(cmp.Compare(lastRequest(b), lastRequest(a)), cmp.Compare(b.seq, a.seq))
	})
	return listed
}

// retrieveCompany serves GET /companies: the company with a name or a
// company_id, or the companies with a tag or in a segment, a page at a time.
func retrieveCompany(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	q := r.URL.Query()
	page, ok := pageParam(w, r, q.Get("page"))
	if !ok {
		return
	}
	perPage, ok := perPageParam(w, r, q.Get("per_page"), defaultCompaniesPerPage, upstream.MaxCompaniesPerPage)
	if !ok {
		return
	}
	name, companyID, tagID, segmentID := q.Get("name"), q.Get("company_id"), q.Get("tag_id"), q.Get("segment_id")
	if tagID != "" && segmentID != "" {
		badRequest(w, r, "bad_request", "companies can be listed by tag or by segment, not both at once", "segment_id")
		return
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	var matched []*companyRecord
	for _, c := range ws.companies {
		if (name == "" || c.name == name) && (companyID == "" || c.companyID == companyID) &&
			(tagID == "" || slices.Contains(c.tagIDs, tagID)) && (segmentID == "" || slices.Contains(c.segmentIDs, segmentID)) {
			matched = append(matched, c)
		}
	}
	if len(matched) == 0 && (name != "" || companyID != "") {
		companyNotFound(w, r)
		return
	}
	items, link := pageNumberPage(r, matched, page, perPage)
	writeJSON(w, http.StatusOK, upstream.CompanyList{Type: "list", Pages: &link, TotalCount: len(matched), Data: ws.renderCompanies(items)})
}

func retrieveCompanyByID(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	c, ok := ws.companyByID[r.PathValue("id")]
	if !ok {
		companyNotFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, ws.renderCompany(c))
}

// listCompanyContacts serves GET /companies/{id}/contacts, oldest member first.
func listCompanyContacts(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	q := r.URL.Query()
	page, ok := pageParam(w, r, q.Get("page"))
	if !ok {
		return
	}
	perPage, ok := perPageParam(w, r, q.Get("per_page"), defaultCompanyContactsPerPage, upstream.MaxCompanyContactsPerPage)
	if !ok {
		return
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	c, ok := ws.companyByID[r.PathValue("id")]
	if !ok {
		companyNotFound(w, r)
		return
	}
	items, link := pageNumberPage(r, c.members, page, perPage)
	writeJSON(w, http.StatusOK, upstream.CompanyContactList{Type: "list", Data: ws.renderContacts(items), TotalCount: len(c.members), Pages: &link})
}

func listCompanySegments(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	c, ok := ws.companyByID[r.PathValue("id")]
	if !ok {
		companyNotFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, upstream.CompanySegmentList{Type: "list", Data: ws.renderSegmentsByID(c.segmentIDs, false)})
}

// scrollCompanies serves GET /companies/scroll. Without scroll_param it opens
// the workspace's one scroll (refused while another is open); with it, it
// hands out the next batch. A scroll unused for a minute expires, and the
// call that finds nothing left closes it.
func scrollCompanies(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	param := r.URL.Query().Get("scroll_param")
	ws.mu.Lock()
	defer ws.mu.Unlock()
	now := ws.now()
	if ws.companyScroll != nil && now.Sub(ws.companyScroll.lastUsed) >= scrollIdleLimit {
		ws.companyScroll = nil
	}
	open := ws.companyScroll
	switch {
	case param == "" && open != nil:
		badRequest(w, r, "bad_request", "scroll already exists for this app", "scroll_param")
		return
	case param == "":
		open = &companyScroll{param: newRequestID()}
		ws.companyScroll = open
	case open == nil || open.param != param:
		badRequest(w, r, "parameter_invalid", "scroll_param has expired or was not issued for this app; start a new scroll", "scroll_param")
		return
	}
	batch := ws.companies[open.next:min(open.next+scrollBatchSize, len(ws.companies))]
	open.next += len(batch)
	open.lastUsed = now
	if len(batch) == 0 {
		ws.companyScroll = nil
	}
	writeJSON(w, http.StatusOK, upstream.CompanyScroll{Type: "list", Data: ws.renderCompanies(batch), ScrollParam: open.param})
}

// listContactCompanies serves GET /contacts/{id}/companies: all of them, in one page.
func listContactCompanies(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	rec, ok := ws.contactByID[r.PathValue("id")]
	if !ok {
		notFound(w, r, "User")
		return
	}
	var companies []*companyRecord
	for _, id := range rec.companyIDs {
		if c, ok := ws.companyByID[id]; ok {
			companies = append(companies, c)
		}
	}
	pages := &upstream.PagesLink{Type: "pages", Page: 1, PerPage: defaultCompanyContactsPerPage, TotalPages: ceilDiv(len(companies), defaultCompanyContactsPerPage)}
	writeJSON(w, http.StatusOK, upstream.ContactCompanyList{Type: "list", Companies: ws.renderCompanies(companies), TotalCount: len(companies), Pages: pages})
}

func (ws *Workspace) renderCompanies(recs []*companyRecord) []*upstream.Company {
	out := make([]*upstream.Company, len(recs))
	for i, rec := range recs {
		out[i] = ws.renderCompany(rec)
	}
	return out
}

// renderCompany is a company as the API shows it: its tags (without when
// they were applied) and its segments (without counts) embedded whole.
func (ws *Workspace) renderCompany(rec *companyRecord) *upstream.Company {
	p := rec.profile
	plan := p.plan
	tags := make([]*upstream.Tag, 0, len(rec.tagIDs))
	for _, id := range rec.tagIDs {
		if t, ok := ws.tagByID[id]; ok {
			tags = append(tags, &upstream.Tag{Type: "tag", ID: t.tag.ID, Name: t.tag.Name})
		}
	}
	attrs := make(map[string]any, len(p.customAttributes))
	for k, v := range p.customAttributes {
		attrs[k] = v
	}
	return &upstream.Company{
		Type: "company", ID: rec.id, Name: rec.name, AppID: ws.app.IDCode, Plan: &plan, CompanyID: rec.companyID,
		RemoteCreatedAt: p.remoteCreatedAt, CreatedAt: rec.createdAt, UpdatedAt: rec.updatedAt, LastRequestAt: p.lastRequestAt,
		Size: p.size, Website: p.website, Industry: p.industry, MonthlySpend: p.monthlySpend, SessionCount: p.sessionCount,
		UserCount: len(rec.members), CustomAttributes: attrs,
		Tags:     &upstream.TagList{Type: "tag.list", Tags: tags},
		Segments: &upstream.CompanySegments{Type: "segment.list", Segments: ws.renderSegmentsByID(rec.segmentIDs, false)},
	}
}

// CompanyIDs lists the ids of every company in the order they were added
// (the scroll's order).
func (ws *Workspace) CompanyIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	ids := make([]string, len(ws.companies))
	for i, c := range ws.companies {
		ids[i] = c.id
	}
	return ids
}

// ListedCompanyIDs lists the ids of the companies POST /companies/list
// shows, in its default order (most recently active first).
func (ws *Workspace) ListedCompanyIDs() []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	var ids []string
	for _, c := range ws.listedCompanies(false) {
		ids = append(ids, c.id)
	}
	return ids
}

// CompanyContactIDs lists the ids of a company's contacts, oldest first (the
// order of GET /companies/{id}/contacts).
func (ws *Workspace) CompanyContactIDs(companyID string) []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	c, ok := ws.companyByID[companyID]
	if !ok {
		return nil
	}
	ids := make([]string, len(c.members))
	for i, m := range c.members {
		ids[i] = m.contact.ID
	}
	return ids
}

// ContactLinks are the ids of what a contact is related to.
type ContactLinks struct {
	CompanyIDs, TagIDs, SegmentIDs []string
}

// ContactLinks lists the companies, tags and segments of a contact.
func (ws *Workspace) ContactLinks(contactID string) ContactLinks {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	rec, ok := ws.contactByID[contactID]
	if !ok {
		return ContactLinks{}
	}
	return ContactLinks{CompanyIDs: slices.Clone(rec.companyIDs), TagIDs: slices.Clone(rec.tagIDs), SegmentIDs: slices.Clone(rec.segmentIDs)}
}
