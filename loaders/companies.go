package loaders

import (
	"context"

	"github.com/graph-gophers/dataloader/v7"

	"intercom-graphql/upstream"
)

// companyLoaders fetch companies by id (Intercom has no batch endpoint, so a
// batch fans out) and the companies of contacts.
type companyLoaders struct {
	companies        *dataloader.Loader[string, *upstream.Company]
	contactCompanies *dataloader.Loader[string, []*upstream.Company]
}

func newCompanyLoaders(l *Loaders) companyLoaders {
	c := l.client
	return companyLoaders{
		companies: dataloader.NewBatchedLoader(fanOut(c.Companies.Get), loaderOptions[*upstream.Company](l)...),
		contactCompanies: dataloader.NewBatchedLoader(fanOut(func(ctx context.Context, contactID string) ([]*upstream.Company, error) {
			list, err := c.Companies.ForContact(ctx, contactID)
			if err != nil {
				return nil, err
			}
			for _, co := range list.Companies {
				l.PrimeCompany(ctx, co)
			}
			return list.Companies, nil
		}), loaderOptions[[]*upstream.Company](l)...),
	}
}

// Company loads one company; the companies a query reaches in one tick are
// fetched together.
func (l *Loaders) Company(ctx context.Context, id string) (*upstream.Company, error) {
	return cachedFirst(ctx, l.companies, id, l.client.Companies.Get)()
}

// CompanyThunk starts loading a company and returns a function that waits for it.
func (l *Loaders) CompanyThunk(ctx context.Context, id string) func() (*upstream.Company, error) {
	return cachedFirst(ctx, l.companies, id, l.client.Companies.Get)
}

// Companies loads several companies at once, in the order of ids, each with its own error.
func (l *Loaders) Companies(ctx context.Context, ids []string) ([]*upstream.Company, []error) {
	return loadMany(ctx, l.companies, ids)
}

// PrimeCompany hands the loader a company that arrived in a list, so a later
// field asking for it by id costs nothing.
func (l *Loaders) PrimeCompany(ctx context.Context, c *upstream.Company) {
	l.companies.Prime(ctx, c.ID, c)
}

// ContactCompanies is every company a contact belongs to, read with one call
// for the contact.
func (l *Loaders) ContactCompanies(ctx context.Context, contactID string) ([]*upstream.Company, error) {
	return l.contactCompanies.Load(ctx, contactID)()
}
