package graph

import (
	"fmt"
	"strings"
)

// wireEnum maps an Intercom value (snake_case, such as "opt_in") onto the
// generated GraphQL enum of the same name in capitals. A value the graph does
// not know is an error on the field, never a silently wrong answer.
func wireEnum[E interface {
	~string
	IsValid() bool
}](what, raw string) (E, error) {
	e := E(strings.ToUpper(raw))
	if !e.IsValid() {
		return "", fmt.Errorf("intercom sent %s %q, which this graph does not know", what, raw)
	}
	return e, nil
}

// wireEnums maps a list of Intercom values with wireEnum.
func wireEnums[E interface {
	~string
	IsValid() bool
}](what string, raw []string) ([]E, error) {
	out := make([]E, len(raw))
	for i, v := range raw {
		var err error
		if out[i], err = wireEnum[E](what, v); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// wireValue is the Intercom value of a GraphQL enum value.
func wireValue[E ~string](e E) string { return strings.ToLower(string(e)) }
