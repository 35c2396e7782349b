package lintutil

import (
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Inspect is the passes' inspect.Analyzer, built on first use: its
// result, read with Inspector, builds the package's inspector when a
// pass first asks for it. Passes ask after their fast path, so a package
// that cannot reach the APIs never has its syntax walked. That matters
// for the fact-using passes, which go vet runs on every dependency
// (the standard library included) when the tool is new to its cache.
var Inspect = &analysis.Analyzer{
	Name:             "lazyinspect",
	Doc:              "build the package's AST inspector on first use",
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[func() *inspector.Inspector](),
	Run: func(pass *analysis.Pass) (any, error) {
		return sync.OnceValue(func() *inspector.Inspector { return inspector.New(pass.Files) }), nil
	},
}

// Inspector returns the inspector of pass's package, building it on
// first use; pass's analyzer must require Inspect.
func Inspector(pass *analysis.Pass) *inspector.Inspector {
	return pass.ResultOf[Inspect].(func() *inspector.Inspector)()
}
