package intercomsim

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // workspaces may keep any IANA time zone; the host may ship none

	"intercom-graphql/upstream"
)

// The search language of POST /contacts/search, /conversations/search and
// /tickets/search, generic over the record searched: each endpoint brings a
// schema (its fields, their types and values, and the rules its description
// in the spec states) and the engine validates the query, evaluates it and
// pages through the sorted matches.

// searchKind is a field's type in the search language.
type searchKind int

const (
	kindString searchKind = iota + 1
	kindInteger
	kindFloat
	kindBoolean
	kindDate
)

func (k searchKind) String() string {
	return map[searchKind]string{kindString: "string", kindInteger: "integer", kindFloat: "float", kindBoolean: "boolean", kindDate: "date"}[k]
}

// Intercom's limits on a query, the same on every search endpoint.
const (
	maxSearchDepth     = 2
	maxSearchGroupSize = 15
)

// searchField is one searchable field of a record.
type searchField[R any] struct {
	kind searchKind
	// ops, when set, replaces the operators the field's type accepts.
	ops []string
	// values are the field's values on a record: none when it has no value,
	// several for lists (tag ids). Strings are strings, integers and dates
	// int64 (UNIX seconds), floats float64.
	values func(R) []any
	// words matches each word of the value separately (source.body).
	words bool
}

// searchRules are what an endpoint's description says about its language.
type searchRules struct {
	// ops lists the operators valid on each type.
	ops map[searchKind][]string
	// dayGranular matches dates by calendar day in the workspace's time zone.
	dayGranular bool
	// inclusiveBounds reads > and < as "greater (or equal)" and "lower (or
	// equal)", as the conversation and ticket searches document them.
	inclusiveBounds bool
	defaultPerPage  int
}

// searchSchema is what one endpoint can search.
type searchSchema[R sequenced] struct {
	rules  searchRules
	fields map[string]searchField[R]
	// aliases map other spellings the spec uses onto field names.
	aliases map[string]string
	// custom returns a record's custom attributes; customKinds types the
	// workspace's declared attributes (custom_attributes.{name}).
	custom      func(R) map[string]any
	customKinds map[string]searchKind
	// byID finds a searchable record by its id in the workspace's index,
	// so that a search for ids looks them up rather than testing every
	// record (the facade's loaders search by id IN [...] on every batch).
	byID func(*Workspace, string) (R, bool)
}

// searchError is a query Intercom refuses.
type searchError struct {
	status  int
	code    string
	message string
	field   string
}

func (e *searchError) Error() string { return e.message }

func invalidQuery(format string, args ...any) *searchError {
	return &searchError{status: http.StatusUnprocessableEntity, code: "parameter_invalid", message: fmt.Sprintf(format, args...), field: "query"}
}

func malformed(field, format string, args ...any) *searchError {
	return &searchError{status: http.StatusBadRequest, code: "parameter_invalid", message: fmt.Sprintf(format, args...), field: field}
}

func (s *searchSchema[R]) field(name string) (searchField[R], bool) {
	if alias, ok := s.aliases[name]; ok {
		name = alias
	}
	if f, ok := s.fields[name]; ok {
		return f, true
	}
	attr, ok := strings.CutPrefix(name, "custom_attributes.")
	if !ok || s.custom == nil {
		return searchField[R]{}, false
	}
	kind, ok := s.customKinds[attr]
	if !ok {
		return searchField[R]{}, false
	}
	return searchField[R]{kind: kind, values: func(r R) []any {
		v, ok := s.custom(r)[attr]
		if !ok || v == nil {
			return nil
		}
		// A stored value not of the attribute's type matches nothing.
		n, err := normalizeOperand(kind, v)
		if err != nil {
			return nil
		}
		return []any{n}
	}}, true
}

// searchBody is the request body of a search.
type searchBody struct {
	Query      *upstream.SearchQuery `json:"query"`
	Pagination *struct {
		PerPage       *int    `json:"per_page"`
		StartingAfter *string `json:"starting_after"`
	} `json:"pagination"`
	Sort *upstream.SearchSort `json:"sort"`
}

// searchPage is one page of matches.
type searchPage[R any] struct {
	items []R
	total int
	pages *upstream.CursorPages
}

// serveSearch answers one search request over records (in creation order),
// or writes Intercom's error.
func serveSearch[R sequenced](w http.ResponseWriter, r *http.Request, ws *Workspace, s *searchSchema[R], records []R, write func(searchPage[R])) {
	var body searchBody
	err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body)
	if err != nil {
		err = malformed("query", "the request body is not a search: %v", err)
	}
	var page searchPage[R]
	if err == nil {
		page, err = s.search(body, ws, records)
	}
	if err != nil {
		var se *searchError
		if !errors.As(err, &se) {
			se = malformed("", "%v", err)
		}
		writeError(w, requestIDFrom(r), se.status, se.code, se.message, se.field)
		return
	}
	write(page)
}

func (s *searchSchema[R]) search(body searchBody, ws *Workspace, records []R) (searchPage[R], error) {
	if body.Query == nil {
		return searchPage[R]{}, malformed("query", "query is required")
	}
	perPage, after := s.rules.defaultPerPage, ""
	if p := body.Pagination; p != nil {
		if p.PerPage != nil {
			if *p.PerPage < 1 || *p.PerPage > upstream.MaxPerPage {
				return searchPage[R]{}, malformed("per_page", "per_page must be an integer between 1 and %d", upstream.MaxPerPage)
			}
			perPage = *p.PerPage
		}
		if p.StartingAfter != nil {
			after = *p.StartingAfter
		}
	}
	loc, err := ws.location()
	if err != nil {
		return searchPage[R]{}, err
	}
	match, err := s.compile(*body.Query, 0, loc)
	if err != nil {
		return searchPage[R]{}, err
	}
	order, err := s.order(body.Sort)
	if err != nil {
		return searchPage[R]{}, err
	}
	if ids, ok := soughtIDs(*body.Query); ok && s.byID != nil {
		records = s.withIDs(ws, ids)
	}
	var matches []sortable[R]
	for _, rec := range records {
		if match(rec) {
			matches = append(matches, sortable[R]{rec: rec, at: sortPosition{key: order.key(rec), seq: rec.sequence()}})
		}
	}
	slices.SortFunc(matches, func(a, b sortable[R]) int { return order.compare(a.at, b.at) })
	start, page := 0, 1
	if after != "" {
		pos, err := decodeSearchCursor(after)
		if err != nil {
			return searchPage[R]{}, malformed("starting_after", "%v", err)
		}
		page = pos.Page + 1
		start = len(matches)
		for i, m := range matches {
			if order.compare(m.at, sortPosition{key: pos.Key, seq: pos.Seq}) > 0 {
				start = i
				break
			}
		}
	}
	end := min(start+perPage, len(matches))
	pages := &upstream.CursorPages{Type: "pages", Page: page, PerPage: perPage, TotalPages: ceilDiv(len(matches), perPage)}
	if end < len(matches) {
		last := matches[end-1]
		pages.Next = &upstream.StartingAfter{PerPage: perPage, StartingAfter: encodeSearchCursor(searchCursor{Key: last.at.key, Seq: last.at.seq, Page: page})}
	}
	items := make([]R, 0, end-start)
	for _, m := range matches[start:end] {
		items = append(items, m.rec)
	}
	return searchPage[R]{items: items, total: len(matches), pages: pages}, nil
}

// soughtIDs are the ids a query names when every match must have one of
// them: the query is id = x or id IN [...], or an AND group holding one.
func soughtIDs(q upstream.SearchQuery) ([]string, bool) {
	if q.Operator == "AND" {
		for _, f := range q.Filters {
			if ids, ok := soughtIDs(f); ok {
				return ids, true
			}
		}
		return nil, false
	}
	if q.Field != "id" {
		return nil, false
	}
	switch v := q.Value.(type) {
	case string:
		return []string{v}, q.Operator == "="
	case []any:
		ids := make([]string, 0, len(v))
		for _, x := range v {
			id, ok := x.(string)
			if !ok {
				return nil, false
			}
			ids = append(ids, id)
		}
		return ids, q.Operator == "IN"
	}
	return nil, false
}

// withIDs are the searchable records with those ids, each once. The query
// still decides which of them match. A search compares ids without regard
// to case, and the ids the simulator issues have no upper-case letters, so
// an id's lower-case form finds its record.
func (s *searchSchema[R]) withIDs(ws *Workspace, ids []string) []R {
	seen := make(map[string]bool, len(ids))
	var out []R
	for _, id := range ids {
		id = strings.ToLower(id)
		if seen[id] {
			continue
		}
		seen[id] = true
		if rec, ok := s.byID(ws, id); ok {
			out = append(out, rec)
		}
	}
	return out
}

func (ws *Workspace) location() (*time.Location, error) {
	loc, err := time.LoadLocation(ws.app.Timezone)
	if err != nil {
		return nil, &searchError{status: http.StatusInternalServerError, code: "server_error", message: "the workspace's time zone is unknown"}
	}
	return loc, nil
}

// compile validates one node of the query at the given depth of groups and
// returns the predicate it stands for.
func (s *searchSchema[R]) compile(q upstream.SearchQuery, depth int, loc *time.Location) (func(R) bool, error) {
	if q.IsGroup() {
		if depth+1 > maxSearchDepth {
			return nil, invalidQuery("There's a limit of max %d nested filters", maxSearchDepth)
		}
		if len(q.Filters) > maxSearchGroupSize {
			return nil, invalidQuery("There's a limit of max %d filters for each AND or OR group", maxSearchGroupSize)
		}
		if len(q.Filters) == 0 {
			return nil, invalidQuery("an %s group needs at least one filter", q.Operator)
		}
		kids := make([]func(R) bool, len(q.Filters))
		for i, k := range q.Filters {
			var err error
			if kids[i], err = s.compile(k, depth+1, loc); err != nil {
				return nil, err
			}
		}
		if q.Operator == "AND" {
			return func(r R) bool {
				for _, k := range kids {
					if !k(r) {
						return false
					}
				}
				return true
			}, nil
		}
		return func(r R) bool {
			for _, k := range kids {
				if k(r) {
					return true
				}
			}
			return false
		}, nil
	}
	f, ok := s.field(q.Field)
	if !ok {
		return nil, invalidQuery("%s is not a searchable field", q.Field)
	}
	ops := f.ops
	if ops == nil {
		ops = s.rules.ops[f.kind]
	}
	if !slices.Contains(ops, q.Operator) {
		return nil, invalidQuery("the operator %q is not valid for %s (a %s field)", q.Operator, q.Field, f.kind)
	}
	if !specValue(q.Value) {
		return nil, malformed("query", "the value of %s must be a string, an integer, a boolean, null, or a list of strings or of integers", q.Field)
	}
	list := q.Operator == "IN" || q.Operator == "NIN"
	var operand any
	var operands []any
	switch v := q.Value.(type) {
	case nil:
		if q.Operator != "=" && q.Operator != "!=" {
			return nil, invalidQuery("%s %s needs a value", q.Field, q.Operator)
		}
	case []any:
		if !list {
			return nil, invalidQuery("%s %s takes a single value, not a list", q.Field, q.Operator)
		}
		for _, x := range v {
			n, err := normalizeOperand(f.kind, x)
			if err != nil {
				return nil, invalidQuery("%s: %v", q.Field, err)
			}
			operands = append(operands, n)
		}
	default:
		if list {
			return nil, invalidQuery("%s %s takes a list of values", q.Field, q.Operator)
		}
		n, err := normalizeOperand(f.kind, v)
		if err != nil {
			return nil, invalidQuery("%s: %v", q.Field, err)
		}
		operand = n
	}
	return s.predicate(f, q.Operator, operand, operands, loc), nil
}

// specValue reports whether the spec's schema takes v as a filter's value:
// a string, an integer, a boolean, null, or a list of strings or of integers
// (numbers with a fraction travel as strings).
func specValue(v any) bool {
	switch t := v.(type) {
	case nil, string, int64, bool:
		return true
	case []any:
		strs, ints := 0, 0
		for _, x := range t {
			switch x.(type) {
			case string:
				strs++
			case int64:
				ints++
			}
		}
		return strs == len(t) || ints == len(t)
	}
	return false
}

// normalizeOperand checks a query value against the field's type and turns
// it into the form record values take. Numbers may come as numeric strings,
// as in the spec's own examples.
func normalizeOperand(kind searchKind, v any) (any, error) {
	bad := fmt.Errorf("%v is not a valid %s value", v, kind)
	switch kind {
	case kindString:
		if s, ok := v.(string); ok {
			return s, nil
		}
	case kindBoolean:
		if b, ok := v.(bool); ok {
			return b, nil
		}
	case kindInteger, kindDate:
		switch n := v.(type) {
		case int64:
			return n, nil
		case float64:
			if n == math.Trunc(n) && math.Abs(n) < 1<<53 {
				return int64(n), nil
			}
		case string:
			if i, err := strconv.ParseInt(n, 10, 64); err == nil {
				return i, nil
			}
		}
	case kindFloat:
		switch n := v.(type) {
		case int64:
			return float64(n), nil
		case float64:
			return n, nil
		case string:
			if f, err := strconv.ParseFloat(n, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
				return f, nil
			}
		}
	}
	return nil, bad
}

// predicate is one filter's test. A record without a value fails every
// comparison; != , NIN and !~ are the negations of =, IN and ~, so they
// match it. A list field matches = when any of its values does. Values and
// operands are folded into the form they compare in once each, so that IN
// looks a value up in a set instead of comparing it with every operand.
func (s *searchSchema[R]) predicate(f searchField[R], op string, operand any, operands []any, loc *time.Location) func(R) bool {
	fold := s.folder(f.kind, loc)
	values := f.values
	if f.words {
		values = func(r R) []any { return wordsOf(f.values(r)) }
	}
	if operand != nil {
		operand = fold(operand)
	}
	set := make(map[any]bool, len(operands))
	for _, x := range operands {
		set[fold(x)] = true
	}
	some := func(r R, ok func(v any) bool) bool {
		return slices.ContainsFunc(values(r), func(v any) bool { return ok(fold(v)) })
	}
	equal := func(r R) bool {
		if operand == nil {
			return len(values(r)) == 0
		}
		return some(r, func(v any) bool { return v == operand })
	}
	in := func(r R) bool { return some(r, func(v any) bool { return set[v] }) }
	contains := func(r R) bool {
		return some(r, func(v any) bool { return strings.Contains(v.(string), operand.(string)) })
	}
	inclusive := s.rules.inclusiveBounds
	switch op {
	case "=":
		return equal
	case "!=":
		return func(r R) bool { return !equal(r) }
	case "IN":
		return in
	case "NIN":
		return func(r R) bool { return !in(r) }
	case "~":
		return contains
	case "!~":
		return func(r R) bool { return !contains(r) }
	case "^":
		return func(r R) bool {
			return some(r, func(v any) bool { return strings.HasPrefix(v.(string), operand.(string)) })
		}
	case "$":
		return func(r R) bool {
			return some(r, func(v any) bool { return strings.HasSuffix(v.(string), operand.(string)) })
		}
	case ">":
		return func(r R) bool {
			return some(r, func(v any) bool { c := compareKeys(v, operand); return c > 0 || (inclusive && c == 0) })
		}
	case "<":
		return func(r R) bool {
			return some(r, func(v any) bool { c := compareKeys(v, operand); return c < 0 || (inclusive && c == 0) })
		}
	case ">=":
		return func(r R) bool { return some(r, func(v any) bool { return compareKeys(v, operand) >= 0 }) }
	case "<=":
		return func(r R) bool { return some(r, func(v any) bool { return compareKeys(v, operand) <= 0 }) }
	}
	return func(R) bool { return false }
}

// folder maps values of a kind to the form they compare in, where equal
// values are ==: strings without case, a float field's numbers as float64,
// and dates as calendar days in loc where the endpoint says so.
func (s *searchSchema[R]) folder(kind searchKind, loc *time.Location) func(any) any {
	switch kind {
	case kindString:
		return func(v any) any { return strings.ToLower(v.(string)) }
	case kindFloat:
		return func(v any) any { return toFloat(v) }
	case kindDate:
		if s.rules.dayGranular {
			return func(v any) any { return civilDay(v.(int64), loc) }
		}
	}
	return func(v any) any { return v }
}

func toFloat(v any) float64 {
	switch n := v.(type) {
	case int64:
		return float64(n)
	case float64:
		return n
	}
	return math.NaN()
}

func compareNumbers[T int64 | float64 | int](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// civilDay numbers the calendar day of a UNIX time in loc (YYYYMMDD).
func civilDay(unix int64, loc *time.Location) int {
	y, m, d := time.Unix(unix, 0).In(loc).Date()
	return y*10000 + int(m)*100 + d
}

// wordsOf splits text values into their words, without markup, so that a
// body matches a search for any one of its words.
func wordsOf(values []any) []any {
	var out []any
	for _, v := range values {
		text := htmlTags.ReplaceAllString(v.(string), " ")
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !isWordRune(r) }) {
			out = append(out, w)
		}
	}
	return out
}

// sortable is a match with its place in the sort.
type sortable[R any] struct {
	rec R
	at  sortPosition
}

// sortPosition is where a record sorts: its sort value (nil when it has
// none) and, to break ties, its creation sequence.
type sortPosition struct {
	key any
	seq int64
}

// searchOrder sorts matches: by the sort field (records without a value
// last, whatever the order), ties and unsorted searches by creation,
// newest first unless sorted ascending.
type searchOrder[R sequenced] struct {
	field      *searchField[R]
	descending bool
}

func (s *searchSchema[R]) order(sort *upstream.SearchSort) (searchOrder[R], error) {
	if sort == nil {
		return searchOrder[R]{descending: true}, nil
	}
	f, ok := s.field(sort.Field)
	if !ok {
		return searchOrder[R]{}, malformed("sort", "%s is not a field search results can be sorted by", sort.Field)
	}
	switch sort.Order {
	case "ascending":
		return searchOrder[R]{field: &f}, nil
	case "descending":
		return searchOrder[R]{field: &f, descending: true}, nil
	}
	return searchOrder[R]{}, malformed("sort", "sort order must be ascending or descending, not %q", sort.Order)
}

// key is the record's sort value as it travels in a cursor: numbers as
// float64 (exact for Intercom's timestamps and counts), strings lowercased.
func (o searchOrder[R]) key(r R) any {
	if o.field == nil {
		return nil
	}
	values := o.field.values(r)
	if len(values) == 0 {
		return nil
	}
	switch v := values[0].(type) {
	case string:
		return strings.ToLower(v)
	case int64:
		return float64(v)
	}
	return values[0]
}

func (o searchOrder[R]) compare(a, b sortPosition) int {
	if o.field != nil {
		switch {
		case a.key == nil && b.key != nil:
			return 1
		case a.key != nil && b.key == nil:
			return -1
		case a.key != nil:
			if c := compareKeys(a.key, b.key); c != 0 {
				if o.descending {
					return -c
				}
				return c
			}
		}
	}
	c := compareNumbers(a.seq, b.seq)
	if o.descending {
		return -c
	}
	return c
}

// compareKeys orders two sort keys, or two folded values of a filter.
func compareKeys(a, b any) int {
	switch x := a.(type) {
	case string:
		y, _ := b.(string)
		return strings.Compare(x, y)
	case float64:
		y, _ := b.(float64)
		return compareNumbers(x, y)
	case int64:
		y, _ := b.(int64)
		return compareNumbers(x, y)
	case int:
		y, _ := b.(int)
		return compareNumbers(x, y)
	case bool:
		y, _ := b.(bool)
		switch {
		case x == y:
			return 0
		case !x:
			return -1
		}
		return 1
	}
	return 0
}

// searchCursor is a search's starting_after: where the last match served
// sits in the sort, so the next page starts right after it even when
// records were added or changed in between.
type searchCursor struct {
	Key  any   `json:"k"`
	Seq  int64 `json:"s"`
	Page int   `json:"p"`
}

func encodeSearchCursor(c searchCursor) string {
	b, _ := json.Marshal(c)
	return "s" + base64.RawURLEncoding.EncodeToString(b)
}

func decodeSearchCursor(s string) (searchCursor, error) {
	var c searchCursor
	raw, ok := strings.CutPrefix(s, "s")
	b, err := base64.RawURLEncoding.DecodeString(raw)
	if !ok || err != nil || json.Unmarshal(b, &c) != nil || c.Page < 1 || c.Seq < 0 {
		return c, errors.New("starting_after is not a cursor this search issued")
	}
	switch c.Key.(type) {
	case nil, string, float64, bool:
		return c, nil
	}
	return c, errors.New("starting_after is not a cursor this search issued")
}
