package main

import (
	"os"
	"testing"
)

// TestMain lets a test run the command itself: the test binary, started
// again with RUN_AS_COMMAND=1, is the intercom-graphql command with the
// arguments after "--".
func TestMain(m *testing.M) {
	if os.Getenv("RUN_AS_COMMAND") == "1" {
		for i, a := range os.Args {
			if a == "--" {
				os.Args = append([]string{os.Args[0]}, os.Args[i+1:]...)
				break
			}
		}
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}
