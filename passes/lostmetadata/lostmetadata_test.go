package lostmetadata

import (
	"os"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
)

func TestLostMetadata(t *testing.T) {
	results := lintest.Run(t, New(DefaultConfig()),
		"unary", "stream", "chained", "sequential", "merged", "fresh", "nonintercept",
		"facts/helpers", "facts/use", "tracing", "tracing/agent", "typeparams", "typeerrors", "testfiles", "ignore", "nongrpc")

	// Each rule's findings, told apart by their message: the caller's
	// metadata has no second place; metadata added in the code points
	// at where it was added, a line the testdata marks "added here".
	var caller, added int
	for _, r := range results {
		for _, d := range r.Diagnostics {
			switch {
			case strings.Contains(d.Message, "drops the caller's"):
				caller++
				t.Run(ruleDropsCallerMetadata, func(t *testing.T) {
					if len(d.Related) != 0 {
						t.Errorf("%v: related information %q, want none", r.Pass.Fset.Position(d.Pos), d.Related[0].Message)
					}
				})
			case strings.Contains(d.Message, "drops the outgoing metadata added by"):
				added++
				t.Run(ruleDropsAddedMetadata, func(t *testing.T) {
					if len(d.Related) != 1 {
						t.Fatalf("%v: %d related places, want 1", r.Pass.Fset.Position(d.Pos), len(d.Related))
					}
					posn := r.Pass.Fset.Position(d.Related[0].Pos)
					src, err := os.ReadFile(posn.Filename)
					if err != nil {
						t.Fatal(err)
					}
					if line := strings.Split(string(src), "\n")[posn.Line-1]; !strings.Contains(line, "added here") {
						t.Errorf("%v: metadata added at %v, a line not marked \"added here\": %s", r.Pass.Fset.Position(d.Pos), posn, line)
					}
				})
			}
		}
	}
	if caller == 0 || added == 0 {
		t.Errorf("findings: %d %s, %d %s; want some of each", caller, ruleDropsCallerMetadata, added, ruleDropsAddedMetadata)
	}
}

func TestLostMetadataTests(t *testing.T) {
	lintest.Run(t, New(Config{Tests: true}), "testfileson")
}

// TestLostMetadataTestsFlag sets the option through the analyzer's
// flag, as go vet -lostmetadata.tests does.
func TestLostMetadataTestsFlag(t *testing.T) {
	a := New(DefaultConfig())
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	lintest.Run(t, a, "testfileson")
}

func TestLostMetadataFix(t *testing.T) {
	lintest.RunWithSuggestedFixes(t, Analyzer, "fix")
}

// TestRules checks that each rule is named alike everywhere: doc.go's
// bullets, its judge's file and its constant (lintest.CheckRules).
func TestRules(t *testing.T) {
	var names []string
	for _, r := range rules {
		names = append(names, r.name)
	}
	lintest.CheckRules(t, doc, names...)
}
