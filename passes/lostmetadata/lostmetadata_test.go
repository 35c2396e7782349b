package lostmetadata_test

import (
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/lostmetadata"
)

func TestLostMetadata(t *testing.T) {
	lintest.Run(t, lostmetadata.New(lostmetadata.DefaultConfig()),
		"unary", "stream", "chained", "sequential", "merged", "fresh", "nonintercept",
		"facts/helpers", "facts/use", "tracing", "tracing/agent", "typeparams", "typeerrors", "testfiles", "ignore", "nongrpc")
}

func TestLostMetadataTests(t *testing.T) {
	lintest.Run(t, lostmetadata.New(lostmetadata.Config{Tests: true}), "testfileson")
}

// TestLostMetadataTestsFlag sets the option through the analyzer's
// flag, as go vet -lostmetadata.tests does.
func TestLostMetadataTestsFlag(t *testing.T) {
	a := lostmetadata.New(lostmetadata.DefaultConfig())
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	lintest.Run(t, a, "testfileson")
}

func TestLostMetadataFix(t *testing.T) {
	lintest.RunWithSuggestedFixes(t, lostmetadata.Analyzer, "fix")
}
