// Package srcpass runs analyzers on one Go source file type-checked in
// process against packages loaded once, with a minimal driver: what the
// fuzz and mutation tests need to feed thousands of inputs through the
// passes without spawning go list per input.
package srcpass

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"

	"golang.org/x/tools/go/analysis"
)

// Importer resolves imports from packages loaded once (srcload's
// Loader.Types).
type Importer map[string]*types.Package

func (m Importer) Import(path string) (*types.Package, error) {
	if p := m[path]; p != nil {
		return p, nil
	}
	return nil, os.ErrNotExist
}

// Run parses src as filename, type-checks it against imp (type errors
// are expected and ignored: the passes run despite them, as in editors)
// and runs each analyzer on it. Facts are neither imported nor kept and
// diagnostics are dropped: callers look for panics and run errors, which
// are returned joined (every analyzer runs). Source that does not parse
// is skipped.
func Run(analyzers []*analysis.Analyzer, imp Importer, filename string, src []byte) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
	conf := types.Config{Importer: imp, Error: func(error) {}}
	pkg, _ := conf.Check("example.com/srcpass/"+f.Name.Name, fset, []*ast.File{f}, info)
	files := []*ast.File{f}
	results := map[*analysis.Analyzer]any{}
	var errs []error
	var run func(a *analysis.Analyzer) error
	run = func(a *analysis.Analyzer) error {
		if _, done := results[a]; done {
			return nil
		}
		for _, req := range a.Requires {
			if err := run(req); err != nil {
				return err
			}
		}
		pass := &analysis.Pass{
			Analyzer:          a,
			Fset:              fset,
			Files:             files,
			Pkg:               pkg,
			TypesInfo:         info,
			TypesSizes:        types.SizesFor("gc", "amd64"),
			ResultOf:          results,
			Report:            func(analysis.Diagnostic) {},
			ReadFile:          os.ReadFile,
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
		}
		res, err := a.Run(pass)
		if err != nil {
			return fmt.Errorf("%s: %w", a.Name, err)
		}
		results[a] = res
		return nil
	}
	for _, a := range analyzers {
		if err := run(a); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
