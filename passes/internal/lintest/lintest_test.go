package lintest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestStubsTypeCheck type-checks every shared stub package and its
// dependencies (in process, as the passes' tests load them), so a declaration added twice by two
// passes, or a stub that no longer compiles, fails here rather than in
// some pass's cases.
func TestStubsTypeCheck(t *testing.T) {
	dir := StubsDir()
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, _ := filepath.Rel(dir, filepath.Dir(path))
		if p := filepath.ToSlash(rel); len(paths) == 0 || paths[len(paths)-1] != p {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 5 {
		t.Fatalf("found only %d stub packages", len(paths))
	}
	pkgs, err := Stubs().Load(paths...)
	if err != nil {
		t.Fatal(err)
	}
	// The standard library they import must load without errors too
	// (without function bodies, under -short).
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.ID, e)
		}
	})
}
