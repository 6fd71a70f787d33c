package spectest

import (
	"context"
	"net/http"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
)

// Each flaw must still be one (the raw check refuses a request Intercom
// takes), and leaving it out must not let other mistakes through.
func TestParameterFlawsAreStillNeededAndNarrow(t *testing.T) {
	s := Load(t)
	wellFormed := map[string]string{
		"listNotes":     "/contacts/6657ac4a6abd0166b52ae225/notes?page=2&per_page=5",
		"lisDataEvents": "/events?type=user&intercom_user_id=6657ac4a6abd0166b52ae225&per_page=3",
	}
	for op := range parameterFlaws {
		target, ok := wellFormed[op]
		if !ok {
			t.Errorf("parameterFlaws has %s but this test has no request for it", op)
			continue
		}
		req := get(target)
		x, err := s.CheckRequest(req)
		if x == nil || x.OperationID() != op || err != nil {
			t.Errorf("%s: CheckRequest = %v, %v; want operation %s and no error", target, x, err, op)
			continue
		}
		if raw := openapi3filter.ValidateRequest(context.Background(), x.Input); raw == nil {
			t.Errorf("%s: the spec's own check accepts this request now; remove the flaw of %s", target, op)
		}
	}
	for _, target := range []string{"/events?intercom_user_id=6657ac4a6abd0166b52ae225", "/notes/not-a-number"} {
		if _, err := s.CheckRequest(get(target)); err == nil {
			t.Errorf("%s passed the check; the flaws must hide only the flawed parameters", target)
		}
	}
}

func get(target string) *http.Request {
	req, _ := http.NewRequest(http.MethodGet, "http://simulator.test"+target, nil)
	req.Header.Set("Authorization", "Bearer token")
	return req
}
