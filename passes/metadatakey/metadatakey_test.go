package metadatakey_test

import (
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/metadatakey"
)

func TestMetadataKey(t *testing.T) {
	lintest.Run(t, metadatakey.New(metadatakey.DefaultConfig()),
		"client", "server", "consts", "consts/other", "creds", "typeparams",
		"ignore", "nongrpc", "helperonly", "testfiles", "typeerrors",
		"credsonly", "shapeonly", "credsgeneric", "credstypeerrors", "passedon")
}

func TestMetadataKeyTests(t *testing.T) {
	lintest.Run(t, metadatakey.New(metadatakey.Config{Tests: true}), "testfileson")
}

// TestMetadataKeyTestsFlag sets the option through the analyzer's flag,
// as go vet -metadatakey.tests does.
func TestMetadataKeyTestsFlag(t *testing.T) {
	a := metadatakey.New(metadatakey.DefaultConfig())
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	lintest.Run(t, a, "testfileson")
}

func TestMetadataKeyFix(t *testing.T) {
	lintest.RunWithSuggestedFixes(t, metadatakey.Analyzer, "fix")
}
