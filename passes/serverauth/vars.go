package serverauth

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/flow"
)

// varOf returns the variable an identifier (or a qualified package
// variable) denotes, or nil.
func (c *checker) varOf(e ast.Expr) *types.Var {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := c.info.ObjectOf(x).(*types.Var)
		return v
	case *ast.SelectorExpr:
		if c.info.Selections[x] == nil {
			v, _ := c.info.Uses[x.Sel].(*types.Var)
			return v
		}
	}
	return nil
}

// isPkgVar reports whether v is a package-level variable.
func isPkgVar(v *types.Var) bool {
	return v != nil && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// singleValue returns the one value v is ever given in this package
// (its declaration or sole assignment; a declaration without a value
// before it is allowed), and the tuple index; ok is false when v is
// written more than once or in ways the pass cannot follow.
func (c *checker) singleValue(v *types.Var) (rhs ast.Expr, idx int, ok bool) {
	w, ok := flow.WriteIndex(c.pass).Single(v)
	return w.Rhs, w.Tuple, ok
}

// singleIgnoringParts is singleValue where writes to elements or fields
// of v do not count (they change what the value holds, not which it
// is); taking their address still does.
func (c *checker) singleIgnoringParts(v *types.Var) (rhs ast.Expr, idx int, ok bool) {
	ws := slices.DeleteFunc(slices.Clone(flow.WriteIndex(c.pass).Writes(v)), func(w flow.Write) bool {
		return w.Part && !w.Addr()
	})
	w, ok := flow.Single(ws)
	return w.Rhs, w.Tuple, ok
}

// encloses reports whether the innermost block holding the statement
// at cur also holds pos: the statement runs on every path to pos that
// passes its block's start.
func encloses(cur inspector.Cursor, pos token.Pos) bool {
	for b := range cur.Enclosing((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)) {
		n := b.Node()
		return n.Pos() <= pos && pos < n.End()
	}
	return false
}

// definedHere reports whether v is defined by a statement of this
// package (var or :=), not a parameter or a result.
func (c *checker) definedHere(v *types.Var) bool {
	return flow.WriteIndex(c.pass).Declared(v)
}
