package upstream

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// SearchRequest is the body of the three search endpoints.
type SearchRequest struct {
	Query      SearchQuery    `json:"query"`
	Pagination *StartingAfter `json:"pagination,omitempty"`
	Sort       *SearchSort    `json:"sort,omitempty"`
}

// SearchSort orders search results.
type SearchSort struct {
	Field string `json:"field"`
	Order string `json:"order"` // "ascending" or "descending"
}

// SearchQuery is a node of Intercom's search language: either a single filter
// (Field, Operator, Value) or a group (Operator "AND"/"OR" over Filters).
type SearchQuery struct {
	Field    string
	Operator string
	// Value is the operand of a single filter: a string, an int64, a float64,
	// a bool, nil, or a []any of those for IN and NIN.
	Value   any
	Filters []SearchQuery
}

// IsGroup reports whether the node combines other nodes.
func (q SearchQuery) IsGroup() bool { return q.Operator == "AND" || q.Operator == "OR" }

// MarshalJSON writes the node in Intercom's wire form.
func (q SearchQuery) MarshalJSON() ([]byte, error) {
	if q.IsGroup() {
		filters := q.Filters
		if filters == nil {
			filters = []SearchQuery{}
		}
		return json.Marshal(struct {
			Operator string        `json:"operator"`
			Value    []SearchQuery `json:"value"`
		}{q.Operator, filters})
	}
	return json.Marshal(struct {
		Field    string `json:"field"`
		Operator string `json:"operator"`
		Value    any    `json:"value"`
	}{q.Field, q.Operator, q.Value})
}

// UnmarshalJSON reads Intercom's wire form; numbers stay exact (int64 when integral).
func (q *SearchQuery) UnmarshalJSON(data []byte) error {
	var raw struct {
		Field    *string         `json:"field"`
		Operator string          `json:"operator"`
		Value    json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*q = SearchQuery{Operator: raw.Operator}
	if raw.Field == nil && (raw.Operator == "AND" || raw.Operator == "OR") {
		if err := json.Unmarshal(raw.Value, &q.Filters); err != nil {
			return fmt.Errorf("group value must be a list of filters: %w", err)
		}
		if q.Filters == nil {
			return errors.New("group value must be a list of filters")
		}
		return nil
	}
	if raw.Field == nil {
		return errors.New("a filter needs a field")
	}
	q.Field = *raw.Field
	if len(raw.Value) == 0 {
		return errors.New("a filter needs a value")
	}
	dec := json.NewDecoder(bytes.NewReader(raw.Value))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return err
	}
	q.Value = normalizeNumbers(v)
	return nil
}

func normalizeNumbers(v any) any {
	switch t := v.(type) {
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return i
		}
		f, _ := t.Float64()
		return f
	case []any:
		for i := range t {
			t[i] = normalizeNumbers(t[i])
		}
		return t
	default:
		return v
	}
}
