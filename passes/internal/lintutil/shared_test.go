package lintutil_test

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/credpath"
	"github.com/grpcauthlint/grpcauthlint/passes/dialcreds"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
	"github.com/grpcauthlint/grpcauthlint/passes/lostmetadata"
	"github.com/grpcauthlint/grpcauthlint/passes/metadatakey"
	"github.com/grpcauthlint/grpcauthlint/passes/serverauth"
	"github.com/grpcauthlint/grpcauthlint/passes/tokenrefresh"
)

// TestFastPathBuildsNoInspector checks that no pass walks the syntax of
// a package that cannot reach the APIs: go vet runs the fact-using
// passes on every dependency, and this is what keeps that nearly free.
func TestFastPathBuildsNoInspector(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", `package p

type T struct{ key string }

func (t T) RequireTransportSecurity() bool { return true }

func F(m map[string]string) string { return m["Authorization"] + T{}.key }
`, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{},
		Defs:  map[*ast.Ident]types.Object{},
		Uses:  map[*ast.Ident]types.Object{},
	}
	pkg, err := new(types.Config).Check("example.com/p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []*analysis.Analyzer{credpath.Analyzer, dialcreds.Analyzer, metadatakey.Analyzer, tokenrefresh.Analyzer, lostmetadata.Analyzer, serverauth.Analyzer} {
		built := false
		pass := &analysis.Pass{
			Analyzer:          a,
			Fset:              fset,
			Files:             []*ast.File{f},
			Pkg:               pkg,
			TypesInfo:         info,
			Report:            func(d analysis.Diagnostic) { t.Errorf("%s reported %q", a.Name, d.Message) },
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
		}
		pass.ResultOf = map[*analysis.Analyzer]any{lintutil.Shared: lintutil.NewPackageWithInspector(pass, func() *inspector.Inspector {
			built = true
			return inspector.New([]*ast.File{f})
		})}
		if _, err := a.Run(pass); err != nil {
			t.Errorf("%s: %v", a.Name, err)
		}
		if built {
			t.Errorf("%s built the inspector of a package that cannot reach the APIs", a.Name)
		}
	}
}

// TestInStd: a package whose files are in GOROOT/src is the standard
// library's, where dialcreds exports no credentials-field facts (its
// "token" and "Credential" fields are a lexer's and a process's); the
// same package elsewhere exports one.
func TestInStd(t *testing.T) {
	for _, c := range []struct {
		file  string
		std   bool
		facts int
	}{
		{filepath.Join(build.Default.GOROOT, "src", "scan", "scan.go"), true, 0},
		{filepath.Join(t.TempDir(), "scan", "scan.go"), false, 1},
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, c.file, "package scan\n\ntype Scanner struct{ Token []byte; Buf []byte }\n\nfunc (s *Scanner) Next() []byte { return s.Buf }\n", 0)
		if err != nil {
			t.Fatal(err)
		}
		info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
		pkg, err := new(types.Config).Check("scan", fset, []*ast.File{f}, info)
		if err != nil {
			t.Fatal(err)
		}
		facts := 0
		pass := &analysis.Pass{
			Analyzer: dialcreds.Analyzer, Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info,
			Report:            func(d analysis.Diagnostic) {},
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) { facts++ },
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
		}
		pass.ResultOf = map[*analysis.Analyzer]any{lintutil.Shared: lintutil.NewPackage(pass)}
		if got := lintutil.InStd(pass); got != c.std {
			t.Errorf("InStd(%s) = %v, want %v", c.file, got, c.std)
		}
		if _, err := dialcreds.Analyzer.Run(pass); err != nil {
			t.Fatal(err)
		}
		if facts != c.facts {
			t.Errorf("dialcreds on %s exported %d facts, want %d", c.file, facts, c.facts)
		}
	}
}
