package intercomsim

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"intercom-graphql/upstream"
)

// maxContactCompanies is how many companies Intercom lets one contact belong to.
const maxContactCompanies = 1000

type companyBody struct {
	Name             *string             `json:"name"`
	CompanyID        *string             `json:"company_id"`
	Plan             *string             `json:"plan"`
	Size             *int                `json:"size"`
	Website          *string             `json:"website"`
	Industry         *string             `json:"industry"`
	CustomAttributes map[string]any      `json:"custom_attributes"`
	RemoteCreatedAt  *upstream.Timestamp `json:"remote_created_at"`
	MonthlySpend     *float64            `json:"monthly_spend"`
}

// readCompany reads a company request and checks what needs no workspace.
func readCompany(w http.ResponseWriter, r *http.Request) (companyBody, bool) {
	var b companyBody
	if !readBody(w, r, &b) {
		return b, false
	}
	if bad, ok := flatAttributes(b.CustomAttributes); !ok {
		invalid(w, r, "custom_attributes", "custom attribute %q must be text, a number or a boolean", bad)
		return b, false
	}
	if b.Size != nil && *b.Size < 0 {
		invalid(w, r, "size", "size cannot be negative")
		return b, false
	}
	return b, true
}

// createOrUpdateCompany serves POST /companies: the company with the
// request's company_id is updated, or created when there is none.
func createOrUpdateCompany(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	b, ok := readCompany(w, r)
	if !ok {
		return
	}
	if (b.CompanyID == nil || *b.CompanyID == "") && (b.Name == nil || *b.Name == "") {
		missing(w, r, "company_id")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	writeJSON(w, http.StatusOK, ws.applyCreateOrUpdateCompany(b))
}

func (ws *Workspace) applyCreateOrUpdateCompany(b companyBody) *upstream.Company {
	now := ws.nowStamp()
	var rec *companyRecord
	if b.CompanyID != nil && *b.CompanyID != "" {
		rec = ws.companyByCompanyID(*b.CompanyID)
	}
	topic := "company.updated"
	if rec == nil {
		topic = "company.created"
		rec = &companyRecord{seq: ws.nextSeq(), id: ws.newHexID(), createdAt: now, profile: companyProfile{customAttributes: map[string]any{}}}
		rec.companyID = rec.id
		if b.CompanyID != nil && *b.CompanyID != "" {
			rec.companyID = *b.CompanyID
		}
		ws.companies = append(ws.companies, rec)
		ws.companyByID[rec.id] = rec
	}
	ws.changeCompany(rec, b, now)
	ws.notifyCompany(topic, rec)
	return ws.renderCompany(rec)
}

func (ws *Workspace) companyByCompanyID(companyID string) *companyRecord {
	for _, c := range ws.companies {
		if c.companyID == companyID {
			return c
		}
	}
	return nil
}

// changeCompany applies a request to a company. A plan is named; Intercom
// gives each plan name one id.
func (ws *Workspace) changeCompany(rec *companyRecord, b companyBody, now upstream.Timestamp) {
	p := &rec.profile
	if b.Name != nil {
		rec.name = *b.Name
	}
	if b.Plan != nil {
		p.plan = ws.planNamed(*b.Plan)
	}
	if b.Size != nil {
		p.size = ptr(*b.Size)
	}
	if b.Website != nil {
		p.website = ptr(*b.Website)
	}
	if b.Industry != nil {
		p.industry = ptr(*b.Industry)
	}
	if b.RemoteCreatedAt != nil {
		p.remoteCreatedAt = ptr(*b.RemoteCreatedAt)
	}
	if b.MonthlySpend != nil {
		p.monthlySpend = float64(int64(*b.MonthlySpend)) // Intercom keeps whole units
	}
	for k, v := range jsonNumbersAsInts(b.CustomAttributes) {
		p.customAttributes[k] = v
	}
	rec.updatedAt = now
}

// planNamed is the plan with that name, as companies of the workspace carry it.
func (ws *Workspace) planNamed(name string) upstream.CompanyPlan {
	if name == "" {
		return upstream.CompanyPlan{}
	}
	next := 269300
	for _, c := range ws.companies {
		if pl := c.profile.plan; pl.Name != "" {
			if strings.EqualFold(pl.Name, name) {
				return pl
			}
			if n, err := strconv.Atoi(pl.ID); err == nil && n >= next {
				next = n + 1
			}
		}
	}
	for i, key := range plans {
		if strings.EqualFold(planNames[key], name) {
			return upstream.CompanyPlan{Type: "plan", ID: strconv.Itoa(269300 + i), Name: planNames[key]}
		}
	}
	return upstream.CompanyPlan{Type: "plan", ID: strconv.Itoa(max(next, 269300+len(plans))), Name: name}
}

// updateCompany serves PUT /companies/{id}: as POST /companies, by
// Intercom's id, except that company_id cannot change.
func updateCompany(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	b, ok := readCompany(w, r)
	if !ok {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.companyByID[r.PathValue("id")]
	if !ok {
		companyNotFound(w, r)
		return
	}
	if b.CompanyID != nil && *b.CompanyID != rec.companyID {
		invalid(w, r, "company_id", "company_id cannot be updated")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyUpdateCompany(rec, b))
}

func (ws *Workspace) applyUpdateCompany(rec *companyRecord, b companyBody) *upstream.Company {
	ws.changeCompany(rec, b, ws.nowStamp())
	ws.notifyCompany("company.updated", rec)
	return ws.renderCompany(rec)
}

func (ws *Workspace) notifyCompany(topic string, rec *companyRecord) {
	ws.notify(topic, func() any { return ws.renderCompany(rec) })
}

// notifyMembership sends a company.contact topic: the company and the contact.
func (ws *Workspace) notifyMembership(topic string, contact *contactRecord, company *companyRecord) {
	ws.notify(topic, func() any {
		return map[string]any{"type": "contact_company", "company": ws.renderCompany(company), "contact": ws.renderContact(contact)}
	})
}

// deleteCompany serves DELETE /companies/{id}.
func deleteCompany(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.companyByID[r.PathValue("id")]
	if !ok {
		companyNotFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, ws.applyDeleteCompany(rec))
}

// applyDeleteCompany removes a company and detaches its contacts, which stay.
func (ws *Workspace) applyDeleteCompany(rec *companyRecord) upstream.DeletedObject {
	if i := slices.Index(ws.companies, rec); i >= 0 {
		ws.companies = slices.Delete(ws.companies, i, i+1)
		if s := ws.companyScroll; s != nil && i < s.next {
			s.next-- // the open scroll must not skip the company after it
		}
	}
	delete(ws.companyByID, rec.id)
	for _, m := range ws.contactByID {
		m.companyIDs = slices.DeleteFunc(m.companyIDs, func(id string) bool { return id == rec.id })
	}
	ws.notify("company.deleted", func() any { return map[string]any{"type": "company", "id": rec.id, "company_id": rec.companyID} })
	return upstream.DeletedObject{ID: rec.id, Object: "company", Deleted: true}
}

// attachContactToACompany serves POST /contacts/{id}/companies.
func attachContactToACompany(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		ID *string `json:"id"`
	}
	if !readBody(w, r, &b) {
		return
	}
	if b.ID == nil || *b.ID == "" {
		writeError(w, requestIDFrom(r), http.StatusBadRequest, "parameter_not_found", "company not specified", "id")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	contact, ok := ws.contactByID[r.PathValue("id")]
	if !ok {
		contactNotFound(w, r, "")
		return
	}
	company, ok := ws.companyByID[*b.ID]
	if !ok {
		writeError(w, requestIDFrom(r), http.StatusNotFound, "company_not_found", "Company Not Found", "id")
		return
	}
	if !slices.Contains(contact.companyIDs, company.id) && len(contact.companyIDs) >= maxContactCompanies {
		writeError(w, requestIDFrom(r), http.StatusBadRequest, "contact_company_limit_exceeded",
			"Contact has reached the maximum of 1000 company associations", "")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyAttachContact(contact, company))
}

// applyAttachContact makes a contact a member of a company: the contact's
// companies and the company's contacts (and user count) show it.
func (ws *Workspace) applyAttachContact(contact *contactRecord, company *companyRecord) *upstream.Company {
	if !slices.Contains(contact.companyIDs, company.id) {
		contact.companyIDs = append(contact.companyIDs, company.id)
		contact.contact.UpdatedAt = ws.nowStamp()
		if !contact.archived {
			company.addMember(contact)
		}
		ws.notifyMembership("company.contact.attached", contact, company)
	}
	return ws.renderCompany(company)
}

// addMember keeps a company's members in the order they were added to the workspace.
func (c *companyRecord) addMember(m *contactRecord) {
	if slices.Contains(c.members, m) {
		return
	}
	i, _ := slices.BinarySearchFunc(c.members, m, func(a, b *contactRecord) int { return cmp.Compare(a.seq, b.seq) })
	c.members = slices.Insert(c.members, i, m)
}

func (c *companyRecord) removeMember(m *contactRecord) {
	c.members = slices.DeleteFunc(c.members, func(x *contactRecord) bool { return x == m })
}

// detachContactFromACompany serves DELETE /contacts/{contact_id}/companies/{id}.
// Detaching a company the contact is not in changes nothing.
func detachContactFromACompany(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	contact, ok := ws.contactByID[r.PathValue("contact_id")]
	if !ok {
		contactNotFound(w, r, "")
		return
	}
	company, ok := ws.companyByID[r.PathValue("id")]
	if !ok {
		companyNotFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, ws.applyDetachContact(contact, company))
}

func (ws *Workspace) applyDetachContact(contact *contactRecord, company *companyRecord) *upstream.Company {
	if slices.Contains(contact.companyIDs, company.id) {
		contact.companyIDs = slices.DeleteFunc(contact.companyIDs, func(id string) bool { return id == company.id })
		contact.contact.UpdatedAt = ws.nowStamp()
		company.removeMember(contact)
		ws.notifyMembership("company.contact.detached", contact, company)
	}
	return ws.renderCompany(company)
}
