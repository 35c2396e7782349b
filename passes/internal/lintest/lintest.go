// Package lintest is the passes' test harness: Run and
// RunWithSuggestedFixes are analysistest's, on packages loaded in
// process from the GOPATH made of the shared API stubs of
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
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestData returns a fresh GOPATH holding the shared stubs and the
// test's ./testdata/src. Suggested-fix goldens (*.golden) are copied
// along, so analysistest.RunWithSuggestedFixes works on the result.
func TestData(t testing.TB) string {
	t.Helper()
	stubs := StubsDir()
	dir := t.TempDir()
	for _, src := range []string{stubs, filepath.Join("testdata", "src")} {
		if err := copyTree(src, filepath.Join(dir, "src")); err != nil {
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

func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
