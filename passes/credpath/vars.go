package credpath

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/flow"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// A path kept in a variable assigned once is followed to its constant:
// a local variable, or an unexported package variable whose declaration
// is its only assignment and whose address is never taken (a
// flag.StringVar(&v, ...) or an assignment from the environment makes
// it configuration). The writes come from the shared write index.

// variable returns the variable of this package e names that the pass
// follows, a local variable or an unexported package variable (another
// package may set an exported one), and whether it is a package
// variable; or nil.
func (c *checker) variable(e ast.Expr) (v *types.Var, pkgLevel bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil, false
	}
	v, ok = c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v.Pkg() != c.pass.Pkg || v.Parent() == nil {
		return nil, false
	}
	// A parameter, result or receiver is configuration: its value comes
	// from the caller, whatever the body assigns (and asking the write
	// index about it would build the index for every function that
	// opens a file by a parameter's name).
	switch v.Kind() {
	case types.ParamVar, types.ResultVar, types.RecvVar, types.FieldVar:
		return nil, false
	}
	if v.Parent() == c.pass.Pkg.Scope() {
		return v, !v.Exported()
	}
	return v, false
}

// singleDef returns the one assignment of the variable e names (its
// Rhs, or result Tuple of the call Rhs). A variable assigned twice, or
// whose address is taken, is not followed: its value may be
// configuration. A package variable is followed only when that
// assignment is its declaration's initializer; its writes in test files
// are left out: a test that points the variable at a fixture leaves the
// program's path hardcoded, and the package and its test variant must
// agree.
func (c *checker) singleDef(e ast.Expr) (flow.Write, bool) {
	v, pkgLevel := c.variable(e)
	if v == nil || !pkgLevel && v.Parent() == c.pass.Pkg.Scope() { // exported
		return flow.Write{}, false
	}
	ws := flow.WriteIndex(c.pass).Writes(v)
	if pkgLevel {
		ws = slices.DeleteFunc(slices.Clone(ws), func(w flow.Write) bool {
			return lintutil.IsTestFile(c.pass.Fset.File(w.Cur.Node().Pos()).Name())
		})
	}
	w, ok := flow.Single(ws)
	if !ok || pkgLevel && !w.Declares {
		return flow.Write{}, false
	}
	return w, true
}
