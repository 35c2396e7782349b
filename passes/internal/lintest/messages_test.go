package lintest

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
	"github.com/grpcauthlint/grpcauthlint/internal/lintrun"
)

// TestMessageLengths runs every pass, in its default configuration and
// with every boolean option on (-tests, -all-connections), on every
// package of its testdata and reports the lengths of the
// messages: the median and the longest, per pass and over the suite.
// A message over lintrun.MaxMessageLen (160) fails
// here, as it fails every Run of the passes' own tests.
func TestMessageLengths(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: each pass's Run checks lintrun.MaxMessageLen on its own cases")
	}
	var all []int
	for _, p := range analyzers.Passes() {
		name := p.Name
		src, pkgs := testdataPackages(t, name)
		var lens []int
		seen := map[string]bool{}
		var results []*Result
		for _, bools := range []bool{false, true} {
			results = append(results, lintrun.Run(quiet{}, []string{src, StubsDir()}, analyzer(t, name, bools), pkgs...)...)
		}
		for _, r := range results {
			for _, d := range r.Diagnostics {
				posn := r.Pass.Fset.Position(d.Pos)
				if key := posn.String() + d.Message; !seen[key] {
					seen[key] = true
					lens = append(lens, len(d.Message))
					if lintrun.MaxMessageLen > 0 && len(d.Message) > lintrun.MaxMessageLen {
						t.Errorf("%s: %s: message of %d characters, over %d: %s", name, posn, len(d.Message), lintrun.MaxMessageLen, d.Message)
					}
				}
			}
		}
		if len(lens) == 0 {
			t.Errorf("%s: no messages", name)
			continue
		}
		slices.Sort(lens)
		t.Logf("%-12s %3d messages, median %3d, max %3d characters", name, len(lens), lens[len(lens)/2], lens[len(lens)-1])
		all = append(all, lens...)
	}
	slices.Sort(all)
	if len(all) > 0 {
		over := len(all) - func() int { i, _ := slices.BinarySearch(all, 161); return i }()
		t.Logf("suite        %3d messages, median %3d, max %3d characters, %d over 160", len(all), all[len(all)/2], all[len(all)-1], over)
	}
}

// testdataPackages returns the GOPATH src directory of pass name's
// testdata and the import paths of every package in it.
func testdataPackages(t *testing.T, name string) (src string, pkgs []string) {
	src, err := filepath.Abs(filepath.Join("..", "..", name, "testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if gos, _ := filepath.Glob(filepath.Join(path, "*.go")); err == nil && d.IsDir() && len(gos) > 0 {
			rel, _ := filepath.Rel(src, path)
			pkgs = append(pkgs, filepath.ToSlash(rel))
		}
		return err
	})
	return src, pkgs
}

// analyzer returns a fresh instance of pass name, with every boolean
// option on when bools.
func analyzer(t *testing.T, name string, bools bool) *analysis.Analyzer {
	as, err := analyzers.New(map[string]any{"enable": []any{name}})
	if err != nil || len(as) != 1 {
		t.Fatalf("building %s: %v", name, err)
	}
	a := as[0]
	if bools {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				if err := f.Value.Set("true"); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	return a
}

// quiet takes the expectation errors of a Run: the measurement runs
// every package with every option, whatever its "// want" comments say.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}
