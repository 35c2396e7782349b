package dialcreds

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/flow"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// index records declarations, package variables assigned outside their
// declaration, and locals that escape the straight-line walk: from the
// shared write index, and the uses of tls.Config variables.
func (c *checker) index() {
	info := c.pass.TypesInfo
	for cur := range c.insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.ValueSpec)(nil),
		(*ast.Ident)(nil), (*ast.SelectorExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.SelectorExpr:
			c.noteFieldRead(cur, n)
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
		}
	}
	for v, ws := range flow.WriteIndex(c.pass).All() {
		c.noteWrites(v, ws)
	}
}

// noteWrites records what the writes ws of v make of it: a package
// variable (of this package or another) written other than by its
// declaration has an unknown value; a local whose address is taken, or
// that a closure declared inside its scope writes, is unknown to the
// straight-line walk. &conf given to credentials.NewTLS leaves conf
// alone.
func (c *checker) noteWrites(v *types.Var, ws []flow.Write) {
	pkgVar := v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	for _, w := range ws {
		switch {
		case w.Kind == flow.AddrOf && c.newTLSArg(w.Cur):
		case pkgVar && !w.Declares:
			c.assigned[v] = true
		case !pkgVar && (w.Addr() || w.Closure):
			c.escaped[v] = true
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
