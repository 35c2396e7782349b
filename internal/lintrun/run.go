// Package lintrun is analysistest in process: Run and
// RunWithSuggestedFixes check an analyzer's diagnostics, facts and fixes
// against the "// want" comments and .golden files of GOPATH-style
// testdata exactly as analysistest's functions do, on packages that
// srcload type-checks once per test binary without the go command.
// passes/internal/lintest binds it to the passes' testdata and stubs.
package lintrun

import (
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/grpcauthlint/grpcauthlint/internal/srcload"
)

// Testing is what Run reports to: a *testing.T, or a recorder of the
// errors for a test that expects some (analysistest.Testing).
type Testing = analysistest.Testing

// Result is the outcome of one analyzer on one root package, as
// analysistest.Run returns it. Pass holds the pass's fields (Fset,
// Files, Pkg, TypesInfo, ...) for reading; its functions are not set.
type Result = analysistest.Result

// MaxMessageLen, when positive, makes every Run (every pass, every
// configuration variant) report each diagnostic whose message is longer,
// at its position: a message is read in one glance (CONTRIBUTING.md,
// "Rules and messages"). Zero turns the check off.
var MaxMessageLen = 160

// Load type-checks the packages that patterns name (with their test
// variants and their dependencies) in the GOPATH made of the src
// directories roots, and returns them as go list -test would list them.
// Each package is loaded once per test binary: every later Run,
// whatever its analyzer or configuration, reuses it.
func Load(roots []string, patterns ...string) ([]*packages.Package, error) {
	l := srcload.For(roots...)
	var out []*packages.Package
	for _, pat := range patterns {
		pkgs, err := l.Roots(pat)
		if err != nil {
			return nil, err
		}
		out = append(out, pkgs...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no packages matched %s", patterns)
	}
	return out, nil
}

// Run is analysistest.Run on the test binary's shared load (see Load)
// of the GOPATH roots: it runs a on the packages patterns name, their
// test variants included, and checks the diagnostics and facts against
// the "// want" comments of their files. Loading runs no go command and
// happens once per package and test binary, so a configuration variant
// costs only its analysis.
func Run(t Testing, roots []string, a *analysis.Analyzer, patterns ...string) []*Result {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	pkgs, err := Load(roots, patterns...)
	if err != nil {
		t.Errorf("loading %s: %v", patterns, err)
		return nil
	}
	if tb, ok := t.(testing.TB); ok && !a.RunDespiteErrors {
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			for _, err := range p.Errors {
				tb.Log(err)
			}
		})
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Errorf("Analyze: %v", err)
		return nil
	}
	var results []*Result
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("error analyzing %s: %v", act, act.Err)
		} else {
			check(t, act)
		}
		record(act)
		facts := make(map[types.Object][]analysis.Fact)
		for _, of := range act.AllObjectFacts() {
			if of.Object.Pkg() == act.Package.Types {
				facts[of.Object] = append(facts[of.Object], of.Fact)
			}
		}
		for _, pf := range act.AllPackageFacts() {
			if pf.Package == act.Package.Types {
				facts[nil] = append(facts[nil], pf.Fact)
			}
		}
		p := act.Package
		results = append(results, &Result{
			Action: act,
			Pass: &analysis.Pass{
				Analyzer: a, Fset: p.Fset, Files: p.Syntax, OtherFiles: p.OtherFiles,
				IgnoredFiles: p.IgnoredFiles, Pkg: p.Types, TypesInfo: p.TypesInfo,
				TypesSizes: p.TypesSizes, TypeErrors: p.TypeErrors,
			},
			Diagnostics: act.Diagnostics,
			Facts:       facts,
			Result:      act.Result,
			Err:         act.Err,
		})
		if MaxMessageLen > 0 {
			for _, d := range act.Diagnostics {
				if len(d.Message) > MaxMessageLen {
					t.Errorf("%s: message of %d characters, over %d: %s", display(p.Fset.Position(d.Pos)), len(d.Message), MaxMessageLen, d.Message)
				}
			}
		}
	}
	return results
}

// A Message is one diagnostic reported by a Run of the test binary.
type Message struct {
	Analyzer string
	Pos      string // file:line:col, relative to the package directory
	Text     string
}

var (
	messagesMu sync.Mutex
	messages   []Message
	recorded   = map[Message]bool{}
)

func record(act *checker.Action) {
	messagesMu.Lock()
	defer messagesMu.Unlock()
	for _, d := range act.Diagnostics {
		m := Message{act.Analyzer.Name, display(act.Package.Fset.Position(d.Pos)), d.Message}
		if !recorded[m] {
			recorded[m] = true
			messages = append(messages, m)
		}
	}
}

// Messages returns every distinct diagnostic the Runs of this test
// binary have reported so far, in the order first reported.
func Messages() []Message {
	messagesMu.Lock()
	defer messagesMu.Unlock()
	return append([]Message(nil), messages...)
}

// display renders a position with its file name relative to the
// working directory (the package's), as test output shows it.
func display(posn interface{ String() string }) string {
	s := posn.String()
	if wd, err := os.Getwd(); err == nil {
		s = strings.TrimPrefix(s, wd+string(filepath.Separator))
	}
	return s
}
