package dialcreds_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"

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
	gopath := lintest.TestData(t)
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps,
		Dir:  gopath,
		Env:  append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOWORK=off", "GOPROXY=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, append(tested, "context", "crypto/tls", "net", "time", "testing")...)
	if err != nil {
		t.Fatal(err)
	}
	imp := importer{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Types != nil {
			imp[p.PkgPath] = p.Types
		}
	})
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
				analyzeSource(t, a, imp, src)
			}()
		}
	}
	if runs < 500 {
		t.Errorf("only %d mutations", runs)
	}
}

type importer map[string]*types.Package

func (m importer) Import(path string) (*types.Package, error) {
	if p := m[path]; p != nil {
		return p, nil
	}
	return nil, os.ErrNotExist
}

func analyzeSource(t *testing.T, a *analysis.Analyzer, imp importer, src string) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "mutant_test.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Instances:  map[*ast.Ident]types.Instance{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	conf := types.Config{Importer: imp, Error: func(error) {}}
	pkg, _ := conf.Check("example.com/mutant/"+f.Name.Name, fset, []*ast.File{f}, info)
	files := []*ast.File{f}
	pass := &analysis.Pass{
		Analyzer:          a,
		Fset:              fset,
		Files:             files,
		Pkg:               pkg,
		TypesInfo:         info,
		TypesSizes:        types.SizesFor("gc", "amd64"),
		ResultOf:          map[*analysis.Analyzer]any{inspect.Analyzer: inspector.New(files)},
		Report:            func(analysis.Diagnostic) {},
		ReadFile:          os.ReadFile,
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ExportObjectFact:  func(types.Object, analysis.Fact) {},
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportPackageFact: func(analysis.Fact) {},
		AllObjectFacts:    func() []analysis.ObjectFact { return nil },
		AllPackageFacts:   func() []analysis.PackageFact { return nil },
	}
	if _, err := a.Run(pass); err != nil {
		t.Errorf("run: %v", err)
	}
}
