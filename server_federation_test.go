package main

import (
	"strings"
	"testing"
)

// FEDERATION (or -federation) serves the graph as a subgraph; it is off
// unless set, and a value that is no switch stops the server.
func TestFederationSetting(t *testing.T) {
	cfg, err := parseServeConfig(nil)
	if err != nil || cfg.federation {
		t.Errorf("by default federation is %v (%v), want off", cfg.federation, err)
	}
	for value, want := range map[string]bool{"on": true, "off": false, "true": true, "0": false} {
		t.Setenv("FEDERATION", value)
		if cfg, err := parseServeConfig(nil); err != nil || cfg.federation != want {
			t.Errorf("FEDERATION=%s read as %v (%v)", value, cfg.federation, err)
		}
	}
	t.Setenv("FEDERATION", "off")
	if cfg, err := parseServeConfig([]string{"-federation"}); err != nil || !cfg.federation {
		t.Errorf("-federation should win over FEDERATION=off: %v %v", cfg.federation, err)
	}
	t.Setenv("FEDERATION", "v2")
	if _, err := parseServeConfig(nil); err == nil || !strings.Contains(err.Error(), "FEDERATION=") || !strings.Contains(err.Error(), "want true or false") {
		t.Errorf("FEDERATION=v2 gave %v", err)
	}
}
