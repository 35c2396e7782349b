package credpath

import (
	"go/ast"
	"go/token"
	"go/types"
)

// What the package assigns to its local variables, so a path kept in a
// variable assigned once is followed to its constant.

// varInfo is what is assigned to a local variable in the package.
type varInfo struct {
	defs    []def
	unknown bool // a parameter, address taken, range variable, op-assigned
}

// def is one assignment: rhs, or result tuple of the call rhs.
type def struct {
	rhs   ast.Expr
	tuple int
}

// defNodes are the nodes that assign local variables.
var defNodes = []ast.Node{
	(*ast.FuncType)(nil),
	(*ast.AssignStmt)(nil),
	(*ast.ValueSpec)(nil),
	(*ast.UnaryExpr)(nil),
	(*ast.RangeStmt)(nil),
	(*ast.IncDecStmt)(nil),
}

// def records what n assigns to local variables.
func (c *checker) def(n ast.Node) {
	switch n := n.(type) {
	case *ast.FuncType:
		for _, list := range []*ast.FieldList{n.Params, n.Results} {
			if list == nil {
				continue
			}
			for _, f := range list.List {
				for _, id := range f.Names {
					c.markUnknown(id)
				}
			}
		}
	case *ast.AssignStmt:
		switch n.Tok {
		case token.DEFINE, token.ASSIGN:
			c.assign(n.Lhs, n.Rhs)
		default:
			for _, l := range n.Lhs {
				c.markUnknown(l)
			}
		}
	case *ast.ValueSpec:
		if len(n.Values) > 0 {
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			c.assign(lhs, n.Values)
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			c.markUnknown(n.X)
		}
	case *ast.RangeStmt:
		c.markUnknown(n.Key)
		c.markUnknown(n.Value)
	case *ast.IncDecStmt:
		c.markUnknown(n.X)
	}
}

// local returns the local variable e names, or nil.
func (c *checker) local(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Pkg() != c.pass.Pkg || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return nil
	}
	return v
}

func (c *checker) info(v *types.Var) *varInfo {
	vi := c.vars[v]
	if vi == nil {
		vi = &varInfo{}
		c.vars[v] = vi
	}
	return vi
}

func (c *checker) markUnknown(e ast.Expr) {
	if e == nil {
		return
	}
	if v := c.local(e); v != nil {
		c.info(v).unknown = true
	}
}

func (c *checker) assign(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		v := c.local(l)
		if v == nil {
			continue
		}
		vi := c.info(v)
		switch {
		case len(lhs) == len(rhs):
			vi.defs = append(vi.defs, def{rhs[i], -1})
		case len(rhs) == 1:
			vi.defs = append(vi.defs, def{rhs[0], i})
		default:
			vi.unknown = true
		}
	}
}

// singleDef returns the one assignment of the local variable e names.
// A variable assigned twice, or whose address is taken, is not followed:
// its value may be configuration.
func (c *checker) singleDef(e ast.Expr) (def, bool) {
	v := c.local(e)
	if v == nil {
		return def{}, false
	}
	vi := c.vars[v]
	if vi == nil || vi.unknown || len(vi.defs) != 1 {
		return def{}, false
	}
	return vi.defs[0], true
}
