package metadatakey_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/metadatakey"
)

func TestMetadataKey(t *testing.T) {
	dir := lintest.TestData(t)
	analysistest.Run(t, dir, metadatakey.New(metadatakey.DefaultConfig()),
		"client", "server", "consts", "consts/other", "creds", "typeparams",
		"ignore", "nongrpc", "helperonly")
}

func TestMetadataKeyFix(t *testing.T) {
	dir := lintest.TestData(t)
	analysistest.RunWithSuggestedFixes(t, dir, metadatakey.Analyzer, "fix")
}
