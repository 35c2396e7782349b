package lintutil_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
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
