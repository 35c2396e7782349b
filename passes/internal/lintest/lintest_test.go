package lintest_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
)

// TestStubsTypeCheck type-checks every shared stub package, so a
// declaration added twice by two passes, or a stub that no longer
// compiles, fails here rather than in some pass's cases.
func TestStubsTypeCheck(t *testing.T) {
	dir := lintest.StubsDir()
	// go list reads the stubs in a child process; read them here too so
	// go test's cache notices when a stub changes.
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.ReadFile(path)
		}
		return err
	})
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPATH="+filepath.Dir(dir), "GO111MODULE=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) < 5 {
		t.Fatalf("loaded only %d stub packages", len(pkgs))
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
	})
}
