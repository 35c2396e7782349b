package credpath

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// The sites that may hand a path or file contents to a sink: calls of
// sink functions, literals of struct types with sink fields, and
// assignments to sink fields.

// isSite reports whether n may pass a path or file contents to a sink:
// a call of a sink function, a literal of a struct type with sink
// fields, or an assignment to a sink field.
func (c *checker) isSite(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		if fn := lintutil.Callee(c.pass.TypesInfo, n); fn != nil && c.t.funcNames[fn.Name()] {
			k := lintutil.FuncKey(fn)
			return c.t.pathFuncs[k] != nil || c.t.parseFuncs[k] != nil
		}
	case *ast.CompositeLit:
		if tv, ok := c.pass.TypesInfo.Types[n]; ok {
			named, ok := types.Unalias(lintutil.Deref(tv.Type)).(*types.Named)
			return ok && c.t.typeNames[named.Obj().Name()] && c.t.fieldTypes[lintutil.TypeKey(named)]
		}
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN {
			return false
		}
		for _, l := range n.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && c.t.isField(lintutil.DeclaredFieldKey(c.pass.TypesInfo.Selections[sel])) {
				return true
			}
		}
	}
	return false
}

func (c *checker) call(call *ast.CallExpr) {
	fn := lintutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return
	}
	k := lintutil.FuncKey(fn)
	if k == setenvKey {
		if len(call.Args) != 2 {
			return
		}
		if env, ok := lintutil.ConstString(c.pass.TypesInfo, call.Args[0]); !ok || env != adcEnv {
			return
		}
	}
	for _, s := range c.t.pathFuncs[k] {
		if lintutil.ArgsAtLeast(call, s.arg+1) {
			c.checkPath(call.Args[s.arg], s.param, k == setenvKey)
		}
	}
	for _, s := range c.t.parseFuncs[k] {
		if lintutil.ArgsAtLeast(call, s.arg+1) {
			c.checkBytes(call.Args[s.arg], s.param, lintutil.ShortKey(k))
		}
	}
}

// compositeLit checks the fields of a struct literal.
func (c *checker) compositeLit(lit *ast.CompositeLit) {
	tv, ok := c.pass.TypesInfo.Types[lit]
	if !ok {
		return
	}
	typ := lintutil.TypeKey(tv.Type)
	if typ == "" {
		return
	}
	st, ok := lintutil.Deref(tv.Type.Underlying()).Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		var name string
		val := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			name, val = id.Name, kv.Value
		} else if i < st.NumFields() {
			name = st.Field(i).Name()
		}
		c.field(typ+"."+name, val)
	}
}

// assignFields checks assignments to struct fields.
func (c *checker) assignFields(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if k := lintutil.DeclaredFieldKey(c.pass.TypesInfo.Selections[sel]); k != "" {
			c.field(k, as.Rhs[i])
		}
	}
}

func (c *checker) field(key string, val ast.Expr) {
	if p, ok := c.t.pathFields[key]; ok {
		c.checkPath(val, p, false)
	}
	if p, ok := c.t.parseField[key]; ok {
		c.checkBytes(val, p, lintutil.ShortKey(key))
	}
}

// isField reports whether key names a sink field.
func (t *tables) isField(key string) bool {
	if key == "" {
		return false
	}
	_, path := t.pathFields[key]
	_, parse := t.parseField[key]
	return path || parse
}
