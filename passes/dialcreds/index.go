package dialcreds

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// index records declarations, package variables assigned outside their
// declaration, and locals that escape the straight-line walk.
func (c *checker) index() {
	info := c.pass.TypesInfo
	for cur := range c.insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.ValueSpec)(nil),
		(*ast.AssignStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.IncDecStmt)(nil), (*ast.RangeStmt)(nil),
		(*ast.Ident)(nil), (*ast.SelectorExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.SelectorExpr:
			c.noteFieldRead(cur, n)
			// opts.Add(o) with a pointer receiver takes &opts.
			if sel := info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal {
				if sig, ok := sel.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
					if _, ptrRecv := sig.Recv().Type().(*types.Pointer); ptrRecv {
						if _, ptrX := types.Unalias(info.TypeOf(n.X)).(*types.Pointer); !ptrX {
							c.noteWrite(n.X, nil, true)
						}
					}
				}
			}
		case *ast.Ident:
			c.tlsConfUse(cur, n)
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				c.decls[fn] = n
			}
		case *ast.ValueSpec:
			for _, name := range n.Names {
				if v, ok := info.Defs[name].(*types.Var); ok && v.Parent() == c.pass.Pkg.Scope() {
					c.pkgVars[v] = n
				}
			}
		case *ast.AssignStmt:
			lit := c.enclosingLit(cur)
			for _, lhs := range n.Lhs {
				c.noteWrite(lhs, lit, false)
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				lit := c.enclosingLit(cur)
				c.noteWrite(n.Key, lit, false)
				c.noteWrite(n.Value, lit, false)
			}
		case *ast.IncDecStmt:
			c.noteWrite(n.X, c.enclosingLit(cur), false)
		case *ast.UnaryExpr:
			if n.Op == token.AND && !c.newTLSArg(cur) {
				c.noteWrite(n.X, nil, true)
			}
		}
	}
}

// tlsConfUse marks a local tls.Config as escaped when it is used other
// than through its fields and methods, assigned, or given to
// credentials.NewTLS: whatever it is given to may add client
// certificates.
func (c *checker) tlsConfUse(cur inspector.Cursor, id *ast.Ident) {
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || !grpcapi.IsTLSConfig(v.Type()) {
		return
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.SelectorExpr:
		if p.X == id {
			return
		}
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if l == id {
				return
			}
		}
	case *ast.UnaryExpr:
		if p.Op == token.AND && c.newTLSArg(cur.Parent()) {
			return
		}
	}
	if c.newTLSArg(cur) {
		return
	}
	if v.Parent() == c.pass.Pkg.Scope() {
		c.assigned[v] = true
	} else {
		c.escaped[v] = true
	}
}

// newTLSArg reports whether cur is the argument of credentials.NewTLS.
func (c *checker) newTLSArg(cur inspector.Cursor) bool {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Args[0] != cur.Node() {
		return false
	}
	fn := lintutil.Callee(c.pass.TypesInfo, call)
	return fn != nil && lintutil.FuncKey(fn) == grpcapi.Credentials+".NewTLS"
}

// enclosingLit is the innermost function literal around cur, or nil
// when that is a function declaration.
func (c *checker) enclosingLit(cur inspector.Cursor) ast.Node {
	if fn, _ := lintutil.EnclosingFunc(c.pass.TypesInfo, cur); fn != nil {
		if lit, ok := fn.(*ast.FuncLit); ok {
			return lit
		}
	}
	return nil
}

// noteWrite records an assignment to e: a package variable assigned
// anywhere has an unknown value; a local assigned inside a closure it is
// declared outside of (lit), or whose address is taken (addr), is
// unknown to the straight-line walk.
func (c *checker) noteWrite(e ast.Expr, lit ast.Node, addr bool) {
	if e == nil {
		return
	}
	v := lintutil.RootVar(c.pass.TypesInfo, e)
	switch {
	case v == nil:
	case v.Parent() == c.pass.Pkg.Scope():
		c.assigned[v] = true
	case v.Pkg() != nil && v.Pkg() != c.pass.Pkg && v.Parent() == v.Pkg().Scope():
		// otherpkg.Opts = ...: that package's variable changes here.
		c.assigned[v] = true
	case addr:
		c.escaped[v] = true
	case lit != nil && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()):
		c.escaped[v] = true
	}
}
