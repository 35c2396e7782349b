// Package lintest is the passes' test harness: Run and
// RunWithSuggestedFixes are analysistest's (internal/lintrun), on
// packages loaded in process from the GOPATH made of the shared API stubs of
// passes/internal/lintest/testdata/src (small copies of grpc-go, oauth2,
// ... at their real import paths, checked against the real modules by
// the suite's TestAPITablesResolve) plus the calling pass's own
// testdata/src. The packages are parsed and type-checked once per test
// binary, without the go command, and every Run (each configuration
// variant of a pass) analyzes the same loaded packages.
//
// TestData still builds that GOPATH on disk, for the tests that hand it
// to the go command (not under -short).
package lintest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/grpcauthlint/grpcauthlint/internal/lintrun"
	"github.com/grpcauthlint/grpcauthlint/internal/srcload"
)

// Testing is what Run reports to: a *testing.T, or a recorder of the
// errors for a test that expects some (analysistest.Testing).
type Testing = lintrun.Testing

// Result is the outcome of one analyzer on one root package, as
// analysistest.Run returns it.
type Result = lintrun.Result

// roots is the calling test's GOPATH: its ./testdata/src, then the
// shared stubs.
func roots() ([]string, error) {
	src, err := filepath.Abs(filepath.Join("testdata", "src"))
	return []string{src, StubsDir()}, err
}

// Load type-checks the packages that patterns name (with their test
// variants and their dependencies) in the calling test's GOPATH, the
// shared stubs plus ./testdata/src, and returns them as go list -test
// would list them. Each package is loaded once per test binary: every
// later Run, whatever its analyzer or configuration, reuses it.
func Load(patterns ...string) ([]*packages.Package, error) {
	r, err := roots()
	if err != nil {
		return nil, err
	}
	return lintrun.Load(r, patterns...)
}

// Run is analysistest.Run on the test binary's shared load (see Load):
// it runs a on the packages patterns name, their test variants
// included, and checks the diagnostics and facts against the "// want"
// comments of their files (lintrun.MaxMessageLen, when set, also fails
// longer messages). Loading runs no go command and happens once per
// package and test binary, so a configuration variant costs only its
// analysis.
func Run(t Testing, a *analysis.Analyzer, patterns ...string) []*Result {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	return inRoots(t, lintrun.Run, a, patterns)
}

// RunWithSuggestedFixes is Run, then analysistest.RunWithSuggestedFixes'
// check of the fixes against the .golden files.
func RunWithSuggestedFixes(t Testing, a *analysis.Analyzer, patterns ...string) []*Result {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	return inRoots(t, lintrun.RunWithSuggestedFixes, a, patterns)
}

// inRoots runs run (lintrun.Run or RunWithSuggestedFixes) in the calling
// test's GOPATH roots.
func inRoots(t Testing, run func(Testing, []string, *analysis.Analyzer, ...string) []*Result, a *analysis.Analyzer, patterns []string) []*Result {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	r, err := roots()
	if err != nil {
		t.Errorf("%v", err)
		return nil
	}
	return run(t, r, a, patterns...)
}

// Stubs returns the loader of the shared stubs alone, for tests that look
// API keys up in them.
func Stubs() *srcload.Loader { return srcload.For(StubsDir()) }

// TestData returns a fresh GOPATH holding the shared stubs and the
// test's ./testdata/src. Suggested-fix goldens (*.golden) are copied
// along, so analysistest.RunWithSuggestedFixes works on the result.
func TestData(t testing.TB) string {
	t.Helper()
	stubs := StubsDir()
	dir := t.TempDir()
	for _, src := range []string{stubs, filepath.Join("testdata", "src")} {
		if err := os.CopyFS(filepath.Join(dir, "src"), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// StubsDir is the directory of the shared stubs (GOPATH src root).
func StubsDir() string {
	_, self, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(self), "testdata", "src")
}
