package credpath

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// What the package assigns to its variables, so a path kept in a
// variable assigned once is followed to its constant: a local variable,
// or an unexported package variable whose declaration is its only
// assignment and whose address is never taken (a flag.StringVar(&v, ...)
// or an assignment from the environment makes it configuration).

// varInfo is what is assigned to a variable in the package.
type varInfo struct {
	defs    []def
	unknown bool // a parameter, address taken, range variable, op-assigned
	decl    bool // defs[0] is the initializer of the variable's declaration
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
	if !ok || v.IsField() || v.Pkg() != c.pass.Pkg || v.Parent() == nil {
		return nil, false
	}
	if v.Parent() == c.pass.Pkg.Scope() {
		return v, !v.Exported()
	}
	return v, false
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
	if v, _ := c.variable(e); v != nil {
		c.info(v).unknown = true
	}
}

func (c *checker) assign(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		v, _ := c.variable(l)
		if v == nil {
			continue
		}
		vi := c.info(v)
		if len(vi.defs) == 0 && l.Pos() == v.Pos() {
			vi.decl = true // var v = ... or v := ...
		}
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

// singleDef returns the one assignment of the variable e names. A
// variable assigned twice, or whose address is taken, is not followed:
// its value may be configuration. A package variable is followed only
// when that assignment is its declaration's initializer.
func (c *checker) singleDef(e ast.Expr) (def, bool) {
	v, pkgLevel := c.variable(e)
	if v == nil {
		return def{}, false
	}
	if pkgLevel {
		c.walkAll()
	} else if v.Parent() == c.pass.Pkg.Scope() {
		return def{}, false // exported
	}
	vi := c.vars[v]
	if vi == nil || vi.unknown || len(vi.defs) != 1 || pkgLevel && !vi.decl {
		return def{}, false
	}
	return vi.defs[0], true
}

// walkDefs records the assignments in the top-level declaration d, once.
func (c *checker) walkDefs(d inspector.Cursor) {
	if c.walked[d.Node()] {
		return
	}
	c.walked[d.Node()] = true
	for cur := range d.Preorder(defNodes...) {
		c.def(cur.Node())
	}
}

// walkAll records the assignments of every declaration of the package
// the first time a package variable is asked about: a package variable
// may be assigned anywhere in the package. Test files are left out: a
// test that points the variable at a fixture leaves the program's path
// hardcoded, and the package and its test variant must agree.
func (c *checker) walkAll() {
	if c.walkedAll {
		return
	}
	c.walkedAll = true
	for fcur := range lintutil.Inspector(c.pass).Root().Children() {
		if f, ok := fcur.Node().(*ast.File); !ok || lintutil.IsTestFile(c.pass.Fset.File(f.Package).Name()) {
			continue
		}
		for d := range fcur.Children() {
			if _, ok := d.Node().(ast.Decl); ok {
				c.walkDefs(d)
			}
		}
	}
}
