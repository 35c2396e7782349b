package lostmetadata_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/lostmetadata"
)

func TestLostMetadata(t *testing.T) {
	dir := lintest.TestData(t)
	analysistest.Run(t, dir, lostmetadata.New(lostmetadata.DefaultConfig()),
		"unary", "stream", "chained", "sequential", "merged", "fresh", "nonintercept",
		"facts/helpers", "facts/use", "tracing", "tracing/agent", "typeparams", "typeerrors", "testfiles", "ignore", "nongrpc")
}

func TestLostMetadataTests(t *testing.T) {
	analysistest.Run(t, lintest.TestData(t), lostmetadata.New(lostmetadata.Config{Tests: true}), "testfileson")
}

// TestLostMetadataTestsFlag sets the option through the analyzer's
// flag, as go vet -lostmetadata.tests does.
func TestLostMetadataTestsFlag(t *testing.T) {
	a := lostmetadata.New(lostmetadata.DefaultConfig())
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, lintest.TestData(t), a, "testfileson")
}

func TestLostMetadataFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, lintest.TestData(t), lostmetadata.Analyzer, "fix")
}
