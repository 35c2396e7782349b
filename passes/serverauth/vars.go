package serverauth

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// write is one assignment to a variable.
type write struct {
	cur  inspector.Cursor // the statement or spec
	rhs  ast.Expr         // the value, or nil when unknown (&v, range, v[i] = ...)
	idx  int              // result index of a tuple-valued rhs, or -1
	zero bool             // a declaration without a value
	elem bool             // a write to an element or field: v[i] = x, v.f = x
}

// varWrites collects, once per run, every write to every variable of
// the package: definitions, assignments, declarations, and what may
// write through the variable (&v, v[i] = x, range, ++).
func (c *checker) varWrites() map[*types.Var][]write {
	if c.writes != nil {
		return c.writes
	}
	c.writes = make(map[*types.Var][]write)
	add := func(id ast.Expr, w write) {
		if v := c.varOf(id); v != nil {
			c.writes[v] = append(c.writes[v], w)
		}
	}
	for cur := range c.insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil), (*ast.IncDecStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				switch {
				case len(n.Lhs) == len(n.Rhs) && n.Tok != token.DEFINE && n.Tok != token.ASSIGN:
					add(lhs, write{cur: cur, idx: -1}) // op=
				case len(n.Lhs) == len(n.Rhs):
					add(lhs, write{cur: cur, rhs: n.Rhs[i], idx: -1})
				case len(n.Rhs) == 1:
					add(lhs, write{cur: cur, rhs: n.Rhs[0], idx: i})
				}
				if _, isIdent := ast.Unparen(lhs).(*ast.Ident); !isIdent {
					// x[i] = v, x.f = v: the root may change.
					if root := rootIdent(lhs); root != nil {
						add(root, write{cur: cur, idx: -1, elem: true})
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				switch {
				case len(n.Values) == 0:
					add(name, write{cur: cur, idx: -1, zero: true})
				case len(n.Values) == len(n.Names):
					add(name, write{cur: cur, rhs: n.Values[i], idx: -1})
				case len(n.Values) == 1:
					add(name, write{cur: cur, rhs: n.Values[0], idx: i})
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if root := rootIdent(n.X); root != nil {
					add(root, write{cur: cur, idx: -1})
				}
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				add(n.Key, write{cur: cur, idx: -1})
			}
			if n.Value != nil {
				add(n.Value, write{cur: cur, idx: -1})
			}
		case *ast.IncDecStmt:
			add(n.X, write{cur: cur, idx: -1})
		}
	}
	return c.writes
}

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

// rootIdent returns the identifier at the root of x.f[i].g, or nil.
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
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
	return c.single(v, false)
}

// single is singleValue; with elems, writes to elements or fields of v
// do not count (they change what the value holds, not which it is).
func (c *checker) single(v *types.Var, elems bool) (rhs ast.Expr, idx int, ok bool) {
	var got *write
	for i, w := range c.varWrites()[v] {
		if w.zero || elems && w.elem {
			continue
		}
		if w.rhs == nil || got != nil {
			return nil, 0, false
		}
		got = &c.writes[v][i]
	}
	if got == nil {
		return nil, 0, false
	}
	return got.rhs, got.idx, true
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
	for _, w := range c.varWrites()[v] {
		if n := w.cur.Node(); n.Pos() <= v.Pos() && v.Pos() < n.End() {
			return true
		}
	}
	return false
}
