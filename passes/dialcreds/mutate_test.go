package dialcreds_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/internal/srcload"
	"github.com/grpcauthlint/grpcauthlint/internal/srcpass"
	"github.com/grpcauthlint/grpcauthlint/passes/dialcreds"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
)

// TestMutations runs the pass, with a minimal driver, on every case file
// with each line deleted in turn: half-written code as an editor sees it.
// The pass must not panic on what type checking leaves incomplete.
func TestMutations(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("slow")
	}
	src, err := filepath.Abs(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if gos, _ := filepath.Glob(filepath.Join(path, "*.go")); err == nil && d.IsDir() && len(gos) > 0 {
			rel, _ := filepath.Rel(src, path)
			paths = append(paths, filepath.ToSlash(rel))
		}
		return err
	})
	l := srcload.For(src, lintest.StubsDir())
	if _, err := l.Load(append(paths, "context", "crypto/tls", "net", "time", "testing")...); err != nil {
		t.Fatal(err)
	}
	imp := srcpass.Importer(l.Types())
	a := dialcreds.New(dialcreds.Config{Tests: true, AllowTarget: []string{"^x$"}})
	files, _ := filepath.Glob(filepath.Join("testdata", "src", "*", "*.go"))
	more, _ := filepath.Glob(filepath.Join("testdata", "src", "*", "*", "*.go"))
	runs := 0
	for _, name := range append(files, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		for i := range lines {
			if strings.TrimSpace(lines[i]) == "" || strings.HasPrefix(strings.TrimSpace(lines[i]), "//") {
				continue
			}
			src := strings.Join(append(append([]string(nil), lines[:i]...), lines[i+1:]...), "\n")
			runs++
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s without line %d: panic: %v", name, i+1, r)
					}
				}()
				if err := srcpass.Run([]*analysis.Analyzer{a}, imp, "mutant_test.go", []byte(src)); err != nil {
					t.Errorf("run: %v", err)
				}
			}()
		}
	}
	if runs < 500 {
		t.Errorf("only %d mutations", runs)
	}
}
