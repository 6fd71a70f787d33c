package intercomsim

import (
	"strings"

	"intercom-graphql/upstream"
)

// dataAttributes describes the attributes the workspace's contacts and
// companies carry: Intercom's standard ones and the custom ones the seeded
// contacts hold in custom_attributes (plus an archived one). The seeded
// conversations carry no custom attributes, so no conversation attribute is defined.
func (s *seeder) dataAttributes() {
	ws := s.ws
	standard := func(model, fullName, label, description, dataType string, apiWritable bool) *upstream.DataAttribute {
		name := fullName[strings.LastIndex(fullName, ".")+1:]
		return &upstream.DataAttribute{Type: "data_attribute", Model: model, Name: name, FullName: fullName, Label: label,
			Description: description, DataType: dataType, APIWritable: apiWritable, MessengerWritable: model == "company", UIWritable: !apiWritable}
	}
	ws.dataAttributes = []*upstream.DataAttribute{
		standard("contact", "name", "Name", "The contact's full name", "string", true),
		standard("contact", "email", "Email", "The contact's email address", "string", true),
		standard("contact", "phone", "Phone", "The contact's phone number", "string", true),
		standard("contact", "external_id", "User ID", "The contact's id in your product", "string", true),
		standard("contact", "signed_up_at", "Signed up", "When the user signed up", "date", true),
		standard("contact", "last_seen_at", "Last seen", "When the contact was last seen", "date", false),
		standard("contact", "owner_id", "Owner", "The teammate who owns the contact", "integer", true),
		standard("contact", "unsubscribed_from_emails", "Unsubscribed from emails", "Whether the contact unsubscribed from email", "boolean", true),
		standard("contact", "location.country", "Country", "The country the contact was last seen in", "string", false),
		standard("company", "name", "Company name", "The name of a company", "string", true),
		standard("company", "company_id", "Company ID", "A number identifying a company", "string", false),
		standard("company", "size", "Company size", "The number of people employed in the company", "integer", true),
		standard("company", "website", "Company website", "The company's website", "string", true),
		standard("company", "industry", "Company industry", "The category this company belongs to", "string", true),
		standard("company", "monthly_spend", "Monthly spend", "The monthly revenue you receive from the company", "float", true),
		standard("company", "remote_created_at", "Company created at", "The day the company was added to your product", "date", true),
		standard("company", "user_count", "People", "The number of people in the company", "integer", false),
		standard("company", "plan.name", "Plan", "The plan the company is on", "string", false),
	}
	custom := []struct {
		model, name, description, dataType string
		options                            []string
		archived                           bool
	}{
		{"contact", "plan", "The plan the user is on", "string", plans, false},
		{"contact", "seats", "Seats the user's account pays for", "integer", nil, false},
		{"contact", "beta_tester", "Whether the user joined the beta", "boolean", []string{"true", "false"}, false},
		{"contact", "signup_source", "Where the user came from", "string", []string{"organic", "ads", "referral", "partner"}, false},
		{"contact", "lifetime_value", "Revenue from the user so far (replaced by company monthly spend)", "float", nil, true},
		{"company", "tier", "Support tier of the company", "string", []string{"bronze", "silver", "gold"}, false},
		{"company", "renewal_date", "When the company's contract renews", "date", nil, false},
	}
	for i, c := range custom {
		id := int64(12878 + i)
		created := s.daysBefore(600)
		updated := s.after(created, 86400*100)
		admin := ws.admins[s.rng.IntN(len(ws.admins))].ID
		ws.dataAttributes = append(ws.dataAttributes, &upstream.DataAttribute{
			Type: "data_attribute", ID: &id, Model: c.model, Name: c.name, FullName: "custom_attributes." + c.name,
			Label: strings.ReplaceAll(c.name, "_", " "), Description: c.description, DataType: c.dataType, Options: c.options,
			APIWritable: true, MessengerWritable: false, UIWritable: true, Custom: true, Archived: c.archived,
			CreatedAt: &created, UpdatedAt: &updated, AdminID: &admin,
		})
	}
	// The search extras give contacts these two as well (seed_search.go);
	// declared here without drawing on the generator, so the data seeded
	// after this stays as it was.
	for i, c := range []struct{ name, description, dataType string }{
		{"monthly_spend", "What the user's account pays a month", "float"},
		{"renewal_date", "When the user's paid plan renews", "date"},
	} {
		id := int64(12878 + len(custom) + i)
		at := upstream.TimestampOf(seedAnchor.AddDate(0, -6, 0))
		ws.dataAttributes = append(ws.dataAttributes, &upstream.DataAttribute{
			Type: "data_attribute", ID: &id, Model: "contact", Name: c.name, FullName: "custom_attributes." + c.name,
			Label: strings.ReplaceAll(c.name, "_", " "), Description: c.description, DataType: c.dataType,
			APIWritable: true, UIWritable: true, Custom: true, CreatedAt: &at, UpdatedAt: &at, AdminID: ptr(ws.meID),
		})
	}
}

// DataAttributeNames lists "model:full_name" for the workspace's data
// attributes of model ("" for all), archived ones only when asked.
func (ws *Workspace) DataAttributeNames(model string, includeArchived bool) []string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	var out []string
	for _, a := range ws.dataAttributes {
		if (model == "" || a.Model == model) && (includeArchived || !a.Archived) {
			out = append(out, a.Model+":"+a.FullName)
		}
	}
	return out
}
