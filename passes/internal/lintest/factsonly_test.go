package lintest

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
	"github.com/grpcauthlint/grpcauthlint/internal/lintrun"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// TestFactsOnly runs every pass that exports facts on every package of
// its testdata (with every boolean option off, then on), as a root run
// and as go vet's facts-only run of a dependency (analyzers.FactsOnly,
// which the vet tool calls for those): the facts must be the same, and
// the facts-only run must report nothing, or it saves nothing.
//
// Not parallel: analyzers.FactsOnly marks the shared analyzer every pass
// requires, which this test restores after each run.
func TestFactsOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: runs every pass on all of its testdata twice")
	}
	for _, p := range analyzers.Passes() {
		name := p.Name
		if len(analyzer(t, name, false).FactTypes) == 0 {
			continue // unitchecker skips it in facts-only runs
		}
		src, pkgs := testdataPackages(t, name)
		for _, bools := range []bool{false, true} {
			full, _ := factsAndFindings(src, pkgs, analyzer(t, name, bools), false)
			factsOnly, findings := factsAndFindings(src, pkgs, analyzer(t, name, bools), true)
			if len(full) == 0 {
				t.Errorf("%s: no facts on its testdata", name)
			}
			for _, f := range full {
				if _, ok := slices.BinarySearch(factsOnly, f); !ok {
					t.Errorf("%s (options on: %v): the facts-only run does not export %s", name, bools, f)
				}
			}
			for _, f := range factsOnly {
				if _, ok := slices.BinarySearch(full, f); !ok {
					t.Errorf("%s (options on: %v): only the facts-only run exports %s", name, bools, f)
				}
			}
			if name != "tokenrefresh" && findings > 0 { // tokenrefresh has no facts-only mode
				t.Errorf("%s (options on: %v): the facts-only run reported %d findings, want none", name, bools, findings)
			}
			t.Logf("%s (options on: %v): %d facts", name, bools, len(full))
		}
	}
}

// factsAndFindings runs a on pkgs and returns the facts every root
// exports on its own objects, rendered and sorted, and the number of
// findings.
func factsAndFindings(src string, pkgs []string, a *analysis.Analyzer, factsOnly bool) (facts []string, findings int) {
	if factsOnly {
		run := lintutil.Shared.Run
		defer func() { lintutil.Shared.Run = run }()
		analyzers.FactsOnly([]*analysis.Analyzer{a})
	}
	seen := map[string]bool{}
	for _, r := range lintrun.Run(quiet{}, []string{src, StubsDir()}, a, pkgs...) {
		findings += len(r.Diagnostics)
		for obj, fs := range r.Facts {
			for _, f := range fs {
				k := fmt.Sprintf("%s: %v: %s", r.Pass.Pkg.Path(), obj, f)
				if obj != nil {
					k = fmt.Sprintf("%s: %s", r.Pass.Fset.Position(obj.Pos()), k)
				}
				if !seen[k] {
					seen[k] = true
					facts = append(facts, k)
				}
			}
		}
	}
	slices.Sort(facts)
	return facts, findings
}
