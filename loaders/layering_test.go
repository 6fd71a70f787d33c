package loaders_test

import (
	"os/exec"
	"strings"
	"testing"
)

// Data flows one way, HTTP -> graph -> loaders -> upstream, and only results
// and errors come back up: the loaders and the Intercom client must build
// without any package of the graph, the error vocabulary included.
func TestLoadersAndUpstreamDoNotImportTheGraph(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH, so the dependencies cannot be listed")
	}
	out, err := exec.Command(goTool, "list", "-deps", "./...", "../upstream/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) == 0 {
		t.Fatal("go list -deps listed nothing")
	}
	for _, dep := range deps {
		if dep == "intercom-graphql/graph" || strings.HasPrefix(dep, "intercom-graphql/graph/") {
			t.Errorf("loaders or upstream depend on %s", dep)
		}
	}
}
