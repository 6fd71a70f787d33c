package facadetest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// NodeTimeout bounds one script run by RunNode: a browser that hangs must
// fail its test, not the whole suite's timeout.
const NodeTimeout = 2 * time.Minute

// RunNode runs a Node.js script of dir, a folder whose package.json pins the
// packages the script imports, and returns what it printed on stdout. The
// test skips, saying what to install, when node or dir/node_modules is
// absent (.ci/run installs both); it fails, with both outputs, when the
// script exits non-zero.
func RunNode(t testing.TB, dir, script string, args ...string) string {
	t.Helper()
	node := RequireNode(t, dir)
	ctx, cancel := context.WithTimeout(context.Background(), NodeTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, append([]string{script}, args...)...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 5 * time.Second // a browser the script started may hold the pipes
	if err := cmd.Run(); err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			err = errors.New("timed out after " + NodeTimeout.String())
		}
		t.Fatalf("node %s %v: %v\nstdout:\n%s\nstderr:\n%s", script, args, err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// RequireNode returns the path of node, or skips the test when node or the
// packages of dir (npm ci) are not installed.
func RequireNode(t testing.TB, dir string) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the JavaScript-client tests need Node.js 20 or later (.ci/run uses it when present)")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		t.Skipf("%s/node_modules is absent: run npm ci --prefix %s (.ci/run does)", dir, dir)
	}
	return node
}

// Chromium returns the path of a Chromium browser, CHROMIUM_PATH or
// /usr/bin/chromium, or skips the test when there is none.
func Chromium(t testing.TB) string {
	t.Helper()
	path := os.Getenv("CHROMIUM_PATH")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no Chromium at %s: the browser tests need it (apt-get install chromium, or set CHROMIUM_PATH)", path)
	}
	return path
}
