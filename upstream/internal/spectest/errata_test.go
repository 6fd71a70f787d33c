package spectest

import (
	"net/http"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// A format erratum must still be one (the published file still has the
// format), and the corrected check must still refuse a wrong body.
func TestFormatErrataAreStillNeededAndNarrow(t *testing.T) {
	s := Load(t)
	raw, err := openapi3.NewLoader().LoadFromFile(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errata {
		if !e.dropFormat {
			continue
		}
		prop, err := nested(raw, e)
		if err != nil {
			t.Fatal(err)
		}
		if prop.Format == "" {
			t.Errorf("%s.%s has no format in the published file any more; remove its erratum", e.schema, e.property)
		}
	}
	good := `{"from":{"type":"user","id":"6657ac8a6abd0166b52ae266"},"body":"Hello there"}`
	if _, err := s.CheckRequest(send(http.MethodPost, "/conversations", good)); err != nil {
		t.Errorf("a contact's 24-digit id is refused: %v", err)
	}
	for _, bad := range []string{`{"from":{"type":"user","id":"6657ac8a"},"body":"Hello there"}`, `{"from":{"type":"user"},"body":"Hello there"}`} {
		if _, err := s.CheckRequest(send(http.MethodPost, "/conversations", bad)); err == nil {
			t.Errorf("%s passed the check; the erratum must only drop the format", bad)
		}
	}
}
