package graph

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"intercom-graphql/graph/errcode"
	"intercom-graphql/graph/model"
	"intercom-graphql/graph/relay"
	"intercom-graphql/loaders"
	"intercom-graphql/upstream"
)

func companyConnection(p *relay.Page[*upstream.Company]) *model.CompanyConnection {
	return &model.CompanyConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.Company) *model.CompanyEdge { return &model.CompanyEdge{Cursor: c, Node: n} }),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: totalOf(p),
	}
}

func companyScrollConnection(p *relay.Page[*upstream.Company]) *model.CompanyScrollConnection {
	return &model.CompanyScrollConnection{
		Edges: relay.Edges(p, func(c string, n *upstream.Company) *model.CompanyEdge { return &model.CompanyEdge{Cursor: c, Node: n} }),
		Nodes: p.Nodes, PageInfo: &p.PageInfo, TotalCount: p.TotalCount,
	}
}

// companyListQuery is what a companies(...) field asks Intercom: the list of
// all companies in an order, or a filtered list. conn names it for cursors,
// so a cursor of one order or filter is refused by another.
type companyListQuery struct {
	filter    *upstream.CompanyFilter // nil for the list of all companies
	ascending bool
	conn      string
}

// readCompanyListQuery checks the arguments of Query.companies before any
// upstream call.
func readCompanyListQuery(orderBy *model.CompanyOrder, filter *model.CompanyFilter) (companyListQuery, error) {
	if filter == nil {
		q := companyListQuery{conn: "companies:order=desc"}
		// LAST_REQUEST_AT is the one field Intercom orders companies by.
		if orderBy != nil && orderBy.Direction == model.OrderDirectionAsc {
			q.ascending, q.conn = true, "companies:order=asc"
		}
		return q, nil
	}
	if orderBy != nil {
		return companyListQuery{}, errcode.InputField("orderBy", errors.New("filtered companies come in the order Intercom lists them; leave orderBy out when you pass filter"))
	}
	var f upstream.CompanyFilter
	given := 0
	if filter.Name != nil {
		given++
		f.Name = *filter.Name
	}
	if filter.CompanyID != nil {
		given++
		f.CompanyID = *filter.CompanyID
	}
	if filter.Tag != nil {
		given++
		id, err := relay.ParseGlobalIDOf(*filter.Tag, typeTag)
		if err != nil {
			return companyListQuery{}, errcode.InputField("filter.tag", err)
		}
		f.TagID = id
	}
	if filter.Segment != nil {
		given++
		id, err := relay.ParseGlobalIDOf(*filter.Segment, typeSegment)
		if err != nil {
			return companyListQuery{}, errcode.InputField("filter.segment", err)
		}
		f.SegmentID = id
	}
	if given != 1 {
		return companyListQuery{}, errcode.InputField("filter", errors.New("give exactly one of name, companyId, tag or segment"))
	}
	if f.Name == "" && f.CompanyID == "" && f.TagID == "" && f.SegmentID == "" {
		return companyListQuery{}, errcode.InputField("filter", errors.New("the value must not be empty"))
	}
	key := strings.Join([]string{"name=" + f.Name, "company_id=" + f.CompanyID, "tag=" + f.TagID, "segment=" + f.SegmentID}, "&")
	return companyListQuery{filter: &f, conn: connKey("companies:filter", key)}, nil
}

// fetch reads one numbered page of the list. A name or company id that
// matches nothing is an empty list here, though Intercom answers it with 404.
func (q companyListQuery) fetch(ctx context.Context, client *upstream.Client) relay.PageFetch[*upstream.Company] {
	l := loaders.For(ctx)
	return func(page, perPage int) (relay.NumberedBatch[*upstream.Company], error) {
		opts := upstream.PageOptions{Page: page, PerPage: perPage}
		var list *upstream.CompanyList
		var err error
		if q.filter == nil {
			list, err = client.Companies.List(ctx, upstream.CompanyListOptions{PageOptions: opts, Ascending: q.ascending})
		} else {
			f := *q.filter
			f.PageOptions = opts
			list, err = client.Companies.Find(ctx, f)
			if upstream.IsNotFound(err) && (f.Name != "" || f.CompanyID != "") {
				return relay.NumberedBatch[*upstream.Company]{}, nil
			}
		}
		if err != nil {
			return relay.NumberedBatch[*upstream.Company]{}, err
		}
		for _, c := range list.Data {
			l.PrimeCompany(ctx, c)
		}
		return relay.NumberedBatch[*upstream.Company]{Items: list.Data, Total: list.TotalCount}, nil
	}
}

// companyByCompanyID finds a company by the id the workspace's own systems gave it.
func (r *Resolver) companyByCompanyID(ctx context.Context, companyID string) (*upstream.Company, error) {
	if companyID == "" {
		return nil, errcode.InputField("companyId", errors.New("must not be empty"))
	}
	return loaders.For(ctx).CompanyByCompanyID(ctx, companyID)
}

// scrollFetch reads the next batch of Intercom's company scroll, and says
// what a refusal means: a second scroll while one is open, or a scroll that
// is over.
func (r *Resolver) scrollFetch(ctx context.Context) relay.ScrollFetch[*upstream.Company] {
	l := loaders.For(ctx)
	return func(param string) (relay.ScrollBatch[*upstream.Company], error) {
		s, err := r.client(ctx).Companies.Scroll(ctx, param)
		var apiErr *upstream.Error
		if errors.As(err, &apiErr) && (apiErr.Status == http.StatusBadRequest || apiErr.Status == http.StatusNotFound) {
			if param == "" {
				return relay.ScrollBatch[*upstream.Company]{}, &errcode.Error{Code: errcode.BadUserInput, Err: err,
					Message: "Intercom keeps one company scroll open per workspace, and one is open (another walk of allCompanies, " +
						"or one left less than a minute ago): continue that walk with its cursor, or start again in a minute " +
						"(Intercom said: " + apiErr.Message() + ")"}
			}
			return relay.ScrollBatch[*upstream.Company]{}, errors.Join(relay.ErrScrollGone, err)
		}
		if err != nil {
			return relay.ScrollBatch[*upstream.Company]{}, err
		}
		for _, c := range s.Data {
			l.PrimeCompany(ctx, c)
		}
		total := -1
		if s.TotalCount != nil {
			total = *s.TotalCount
		}
		return relay.ScrollBatch[*upstream.Company]{Items: s.Data, Param: s.ScrollParam, Total: total}, nil
	}
}

// embeddedRefsComplete says whether a parent embedded every related object
// (Intercom embeds up to ten and flags the rest).
func embeddedRefsComplete(refs *upstream.AddressableRefs) bool {
	return refs != nil && !refs.HasMore && len(refs.Data) >= refs.TotalCount
}

func refIDs(refs *upstream.AddressableRefs) []string {
	ids := make([]string, len(refs.Data))
	for i, ref := range refs.Data {
		ids[i] = ref.ID
	}
	return ids
}

// selectsOnlyIdentity says whether a connection field asks nothing of its
// nodes beyond what a reference carries (id, intercomId), so the objects
// need not be fetched.
func selectsOnlyIdentity(ctx context.Context, typeName string) bool {
	op := graphql.GetOperationContext(ctx)
	identity := map[string]bool{"id": true, "intercomId": true, "__typename": true}
	for _, set := range nodeSelections(ctx) {
		for _, f := range graphql.CollectFields(op, set, []string{typeName}) {
			if !identity[f.Name] {
				return false
			}
		}
	}
	return true
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
