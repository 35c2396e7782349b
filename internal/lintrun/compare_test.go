package lintrun

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
)

var compare = flag.Bool("compare", false, "run TestSameAsAnalysistestOnPasses: every pass's testdata through lintest and analysistest")

// TestSameAsAnalysistestOnPasses runs every pass, in its default
// configuration, over every package of its testdata with lintest and
// with analysistest (the go command, packages.Load), and compares the
// diagnostics (package variant, position, message) and the errors
// each reports. A check of the harness, run on request:
//
//	go test ./internal/lintrun -run TestSameAsAnalysistestOnPasses -args -compare
func TestSameAsAnalysistestOnPasses(t *testing.T) {
	if !*compare {
		t.Skip("run with -compare")
	}
	for i, a := range analyzers.All() {
		name := analyzers.Passes()[i].Name
		t.Run(name, func(t *testing.T) {
			src, err := filepath.Abs(filepath.Join("..", "..", "passes", name, "testdata", "src"))
			if err != nil {
				t.Fatal(err)
			}
			stubs, err := filepath.Abs(filepath.Join("..", "..", "passes", "internal", "lintest", "testdata", "src"))
			if err != nil {
				t.Fatal(err)
			}
			var pkgs []string
			filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
				if gos, _ := filepath.Glob(filepath.Join(path, "*.go")); err == nil && d.IsDir() && len(gos) > 0 {
					rel, _ := filepath.Rel(src, path)
					pkgs = append(pkgs, filepath.ToSlash(rel))
				}
				return err
			})
			var ours, theirs errRecorder
			ourResults := Run(&ours, []string{src, stubs}, a, pkgs...)
			gopath := t.TempDir()
			for _, from := range []string{stubs, src} {
				if err := os.CopyFS(filepath.Join(gopath, "src"), os.DirFS(from)); err != nil {
					t.Fatal(err)
				}
			}
			theirResults := analysistest.Run(&theirs, gopath, a, pkgs...)
			d1, d2 := diagnostics(ourResults), diagnostics(theirResults)
			if !slices.Equal(d1, d2) {
				t.Errorf("lintest: %d diagnostics, analysistest: %d\nonly lintest:\n%s\nonly analysistest:\n%s", len(d1), len(d2),
					strings.Join(minus(d1, d2), "\n"), strings.Join(minus(d2, d1), "\n"))
			}
			e1 := normalize(src, ours.errs)
			e2 := normalize(filepath.Join(gopath, "src"), theirs.errs)
			if !slices.Equal(e1, e2) {
				t.Errorf("lintest errors:\n%s\nanalysistest errors:\n%s", strings.Join(e1, "\n"), strings.Join(e2, "\n"))
			}
			t.Logf("%d packages, %d diagnostics, %d errors alike", len(pkgs), len(d1), len(e1))
		})
	}
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}
