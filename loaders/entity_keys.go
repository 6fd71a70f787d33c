package loaders

import (
	"context"
	"slices"
	"sort"
	"strings"

	"intercom-graphql/upstream"
)

// The lookups by the keys a federated graph holds (an email, an external id, a
// company's own id) rather than by Intercom's ids. A supergraph sends all the
// representations of one type at once, so each lookup takes the whole list and
// answers it with the fewest calls Intercom allows: one contact search per
// page of values, the admins' list once, one call per company (Intercom has no
// batch lookup for companies). Each answer is in the order of the keys, with
// an error of its own for a key that matches nothing (upstream.NotFoundError).

// ContactsByEmail finds the contact of each email: one search (`email IN
// [...]`) per MaxPerPage emails. Where a user and a lead share an email, the
// user wins; among several of one role, the most recently updated.
func (l *Loaders) ContactsByEmail(ctx context.Context, emails []string) ([]*upstream.Contact, []error) {
	return l.contactsBy(ctx, "email", "Contact with email", emails, func(c *upstream.Contact) string { return strings.ToLower(c.Email) }, strings.ToLower)
}

// ContactsByExternalID finds the contact of each external id (the id your
// own systems gave the user): one search (`external_id IN [...]`) per
// MaxPerPage ids.
func (l *Loaders) ContactsByExternalID(ctx context.Context, ids []string) ([]*upstream.Contact, []error) {
	return l.contactsBy(ctx, "external_id", "Contact with externalId", ids, func(c *upstream.Contact) string { return deref(c.ExternalID) }, func(s string) string { return s })
}

// contactsBy searches contacts whose field is one of values, a page of
// distinct values at a time. Intercom compares emails without regard to case,
// so keyOf and normal put both sides in one form.
func (l *Loaders) contactsBy(ctx context.Context, field, kind string, values []string,
	keyOf func(*upstream.Contact) string, normal func(string) string,
) ([]*upstream.Contact, []error) {
	var distinct []string
	seen := map[string]bool{}
	for _, v := range values {
		if n := normal(v); !seen[n] {
			seen[n] = true
			distinct = append(distinct, n)
		}
	}
	found := map[string]*upstream.Contact{}
	var failure error
	for start := 0; start < len(distinct) && failure == nil; start += upstream.MaxPerPage {
		chunk := distinct[start:min(start+upstream.MaxPerPage, len(distinct))]
		operand := make([]any, len(chunk))
		for i, v := range chunk {
			operand[i] = v
		}
		req := upstream.SearchRequest{
			Query:      upstream.SearchQuery{Field: field, Operator: "IN", Value: operand},
			Pagination: &upstream.StartingAfter{PerPage: upstream.MaxPerPage},
		}
		// A page holds every match unless values are shared by several
		// contacts; only then does the search read on.
		for {
			list, err := l.client.Contacts.Search(ctx, req)
			if err != nil {
				failure = err
				break
			}
			for _, c := range list.Data {
				key := keyOf(c)
				if key == "" {
					continue
				}
				if best, ok := found[key]; !ok || preferred(c, best) {
					found[key] = c
				}
				l.PrimeContact(ctx, c)
			}
			next := list.Pages.NextCursor()
			if next == "" {
				break
			}
			req.Pagination = &upstream.StartingAfter{PerPage: upstream.MaxPerPage, StartingAfter: next}
		}
	}
	out := make([]*upstream.Contact, len(values))
	errs := make([]error, len(values))
	for i, v := range values {
		switch c, ok := found[normal(v)]; {
		case failure != nil:
			errs[i] = failure
		case ok:
			out[i] = c
		default:
			errs[i] = &upstream.NotFoundError{Kind: kind, ID: v}
		}
	}
	return out, errs
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// preferred tells whether contact a stands for a shared key rather than b: a
// user rather than a lead, then the one updated last.
func preferred(a, b *upstream.Contact) bool {
	if (a.Role == "user") != (b.Role == "user") {
		return a.Role == "user"
	}
	return a.UpdatedAt > b.UpdatedAt
}

// AdminsByEmail finds the teammate of each email in the admins' list, read
// once per operation.
func (l *Loaders) AdminsByEmail(ctx context.Context, emails []string) ([]*upstream.Admin, []error) {
	out := make([]*upstream.Admin, len(emails))
	errs := make([]error, len(emails))
	admins, err := l.Admins(ctx)
	for i, email := range emails {
		if err != nil {
			errs[i] = err
			continue
		}
		for _, a := range admins {
			if strings.EqualFold(a.Email, email) {
				out[i] = a
				break
			}
		}
		if out[i] == nil {
			errs[i] = &upstream.NotFoundError{Kind: "Admin with email", ID: email}
		}
	}
	return out, errs
}

// CompaniesByCompanyID finds the company of each of your own company ids:
// one call each, as Intercom has no batch lookup for companies, at most
// fanOutLimit at a time; a repeated id is looked up once.
func (l *Loaders) CompaniesByCompanyID(ctx context.Context, ids []string) ([]*upstream.Company, []error) {
	distinct := slices.Compact(slices.Sorted(slices.Values(ids)))
	results := fanOut(l.CompanyByCompanyID)(ctx, distinct)
	out := make([]*upstream.Company, len(ids))
	errs := make([]error, len(ids))
	for i, id := range ids {
		r := results[sort.SearchStrings(distinct, id)]
		out[i], errs[i] = r.Data, r.Error
	}
	return out, errs
}

// CompanyByCompanyID finds the company your own systems know by companyID
// (Intercom lists it by that filter), and keeps it for lookups by Intercom id.
func (l *Loaders) CompanyByCompanyID(ctx context.Context, companyID string) (*upstream.Company, error) {
	list, err := l.client.Companies.Find(ctx, upstream.CompanyFilter{CompanyID: companyID})
	if upstream.IsNotFound(err) || (err == nil && len(list.Data) == 0) {
		return nil, &upstream.NotFoundError{Kind: "Company with companyId", ID: companyID}
	}
	if err != nil {
		return nil, err
	}
	l.PrimeCompany(ctx, list.Data[0])
	return list.Data[0], nil
}
